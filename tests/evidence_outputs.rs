//! Evidence coverage in every output: each `check` format and the leadership report say how many
//! answers the tenant backs, and say nothing of it when no answer carries tenant evidence.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;

const TODAY: &str = "2026-12-01";
const BACKED: &str = "tests/fixtures/evidence/summit-backed.yaml";
const PLAIN: &str = "examples/summit-accounting/answers.yaml";
const FORMATS: [&str; 6] = ["table", "json", "junit", "sarif", "github", "markdown"];

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("migready")
        .unwrap()
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn check(file: &str, format: &str) -> String {
    run(&["check", file, "--today", TODAY, "--format", format])
}

#[test]
fn every_check_format_shows_how_many_answers_the_tenant_backs() {
    for format in FORMATS {
        let out = check(BACKED, format);
        let shown = match format {
            "json" => {
                let v: Value = serde_json::from_str(&out).unwrap();
                v["evidence"]["total"]["backed"] == 1
                    && v["evidence"]["backed"][0]["tool"] == "Maester"
            }
            "sarif" => {
                let v: Value = serde_json::from_str(&out).unwrap();
                v["runs"][0]["properties"]["evidence"]["checklists"][0]["counts"]["backed"] == 1
            }
            "junit" => out.contains("<property name=\"evidence_backed.identity\" value=\"1 of "),
            // "1 of N answered questions backed by the tenant (identity 1 of M)", N and M the catalogue's.
            _ => out.lines().any(|l| {
                l.contains(" 1 of ")
                    && l.contains(" answered questions backed by the tenant (identity 1 of ")
            }),
        };
        assert!(shown, "{format} does not show the coverage:\n{out}");
    }
}

#[test]
fn outputs_say_nothing_of_coverage_without_tenant_evidence() {
    for format in FORMATS {
        let out = check(PLAIN, format);
        assert!(!out.contains("backed by the tenant"), "{format}");
        assert!(!out.contains("\"evidence\""), "{format}");
        assert!(!out.contains("evidence_backed"), "{format}");
    }
}

#[test]
fn the_report_appendix_marks_each_backed_answer() {
    for format in ["markdown", "html"] {
        let out = run(&["report", BACKED, "--today", TODAY, "--format", format]);
        assert!(
            out.contains("verified by Maester 2.2.0, 2026-11-20"),
            "{format}:\n{out}"
        );
        assert!(out.contains("identity.mfa_coverage"), "{format}");
    }
}

#[test]
fn stale_evidence_backs_nothing_and_is_listed() {
    let out = run(&["check", BACKED, "--today", "2027-02-01", "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["evidence"]["total"]["backed"], 0);
    assert_eq!(v["evidence"]["total"]["stale"], 1);
    assert_eq!(v["evidence"]["stale"][0], "identity.mfa_coverage");
}
