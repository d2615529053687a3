//! `migready report` and `migready diff`: snapshots of every format for the three examples, the
//! baseline comparison, waivers, and a corpus of hostile strings fed through every format.
//!
//! After an intended change: `INSTA_UPDATE=always cargo test --test report`, then read the diff of
//! `tests/snapshots/` before keeping it.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const TODAY: &str = "2026-11-25";
const EXAMPLES: [&str; 3] = ["summit-accounting", "harbor-logistics", "lakeside-dental"];
const BASELINE: &str = "tests/fixtures/baseline/harbor-logistics-2026-09.yaml";
const HARBOR: &str = "examples/harbor-logistics/answers.yaml";

fn migready() -> Command {
    let mut cmd = Command::cargo_bin("migready").expect("binary is built");
    cmd.env("NO_COLOR", "1")
        .env_remove("MIGREADY_TODAY")
        .args(["--today", TODAY]);
    cmd
}

/// Runs migready and returns stdout, asserting exit code 0.
fn run(args: &[&str]) -> String {
    let out = migready().args(args).output().expect("migready runs");
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn example(name: &str) -> String {
    format!("examples/{name}/answers.yaml")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("migready-report-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The page as XML: the HTML5 doctype is the only part that is not.
fn parse_html(html: &str) -> roxmltree::Document<'_> {
    let body = html
        .strip_prefix("<!DOCTYPE html>\n")
        .expect("starts with the HTML5 doctype");
    roxmltree::Document::parse(body).unwrap_or_else(|e| panic!("the HTML is not well-formed: {e}"))
}

/// Nothing is fetched and nothing runs: no script, no external resource, no link made from text.
fn assert_self_contained(doc: &roxmltree::Document) {
    for node in doc.descendants().filter(roxmltree::Node::is_element) {
        let name = node.tag_name().name();
        assert!(
            ![
                "script", "iframe", "img", "a", "object", "embed", "link", "base", "form"
            ]
            .contains(&name),
            "unexpected <{name}>"
        );
        for attr in node.attributes() {
            let attr_name = attr.name().to_ascii_lowercase();
            assert!(
                !["src", "href", "srcset", "action", "xlink:href"].contains(&attr_name.as_str()),
                "unexpected {attr_name}= on <{name}>"
            );
            assert!(
                !attr_name.starts_with("on"),
                "event handler {attr_name}= on <{name}>"
            );
        }
    }
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("style"))
            .count(),
        1,
        "one inline style sheet"
    );
}

#[test]
fn markdown_snapshots() {
    for name in EXAMPLES {
        insta::assert_snapshot!(format!("markdown-{name}"), run(&["report", &example(name)]));
    }
}

#[test]
fn html_snapshots_parse_and_fetch_nothing() {
    for name in EXAMPLES {
        let html = run(&["report", &example(name), "--format", "html"]);
        assert_self_contained(&parse_html(&html));
        assert!(
            !html.contains("http://") && !html.contains("https://"),
            "{name} names a URL"
        );
        insta::assert_snapshot!(format!("html-{name}"), html);
    }
}

#[test]
fn json_snapshots_extend_the_check_contract() {
    for name in EXAMPLES {
        let report = run(&["report", &example(name), "--format", "json"]);
        // `check` exits 1 when the gate fails (Lakeside); its JSON is complete either way.
        let check = migready()
            .args(["check", &example(name), "--format", "json"])
            .output()
            .expect("migready runs");
        let check = String::from_utf8(check.stdout).expect("UTF-8 output");
        assert_contract_prefix(&check, &report);
        insta::assert_snapshot!(format!("json-{name}"), report);
    }
}

/// Every field of `check --format json` is in the report's JSON, with the same value, in the same
/// place: top-level fields first, and within each finding and waiver the contract fields first.
fn assert_contract_prefix(check: &str, report: &str) {
    let top = |text: &str| keys(text, 2);
    let report_top = top(report);
    assert_eq!(top(check), report_top[..top(check).len()]);
    let (check_objects, report_objects) = (objects(check), objects(report));
    assert_eq!(check_objects.len(), report_objects.len());
    for (c, r) in check_objects.iter().zip(&report_objects) {
        assert_eq!(c[..], r[..c.len()], "contract fields first");
    }
    let check: serde_json::Value = serde_json::from_str(check).expect("check JSON");
    let report: serde_json::Value = serde_json::from_str(report).expect("report JSON");
    for (key, value) in check.as_object().expect("object") {
        match (value, &report[key]) {
            (serde_json::Value::Array(a), serde_json::Value::Array(b)) => {
                for (a, b) in a.iter().zip(b) {
                    for (field, v) in a.as_object().into_iter().flatten() {
                        assert_eq!(v, &b[field], "{key}.{field}");
                    }
                }
            }
            (a, b) => assert_eq!(a, b, "{key}"),
        }
    }
}

/// The keys at one indentation of pretty-printed JSON, in the order written.
fn keys(text: &str, indent: usize) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.strip_prefix(&" ".repeat(indent)))
        .filter(|l| l.starts_with('"'))
        .filter_map(|l| l.split('"').nth(1).map(str::to_owned))
        .collect()
}

/// The keys of each finding and waiver object, in order.
fn objects(text: &str) -> Vec<Vec<String>> {
    let mut objects = Vec::new();
    let mut array = "";
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("  \"") {
            array = rest.split('"').next().unwrap_or_default();
        } else if line == "    {" && ["findings", "waivers"].contains(&array) {
            objects.push(Vec::new());
        } else if let (Some(rest), Some(current)) =
            (line.strip_prefix("      \""), objects.last_mut())
            && let Some((key, _)) = rest.split_once("\": ")
        {
            current.push(key.to_owned());
        }
    }
    objects
}

#[test]
fn the_mermaid_chart_is_there_only_when_asked_for() {
    let plain = run(&["report", HARBOR]);
    assert!(!plain.contains("```mermaid"));
    let chart = run(&["report", HARBOR, "--mermaid"]);
    assert!(chart.contains("```mermaid\nxychart-beta horizontal\n"));
    // The bars are the priority scores of the report, in catalogue order.
    let json: serde_json::Value =
        serde_json::from_str(&run(&["report", HARBOR, "--format", "json"])).expect("JSON");
    let catalog = migready::load::builtin::catalog().expect("the built-in catalogue");
    let scores: Vec<String> = catalog
        .priorities
        .iter()
        .map(|p| format!("{:.1}", json["priorities"][&p.id].as_f64().expect("scored")))
        .collect();
    assert!(
        chart.contains(&format!("bar [{}]", scores.join(", "))),
        "{chart}"
    );
}

#[test]
fn a_baseline_adds_what_changed_in_every_format() {
    let md = run(&["report", HARBOR, "--baseline", BASELINE]);
    insta::assert_snapshot!("markdown-harbor-logistics-since-baseline", md);
    let html = run(&["report", HARBOR, "--baseline", BASELINE, "--format", "html"]);
    assert_self_contained(&parse_html(&html));
    assert!(html.contains("<h2>Since the last assessment</h2>"));
    assert!(html.contains("NO-GO → <strong>GO WITH CONDITIONS</strong>"));
    let json: serde_json::Value = serde_json::from_str(&run(&[
        "report",
        HARBOR,
        "--baseline",
        BASELINE,
        "--format",
        "json",
    ]))
    .expect("JSON");
    let since = &json["since"];
    assert_eq!(since["verdict"]["before"], "no-go");
    assert_eq!(since["verdict"]["after"], "conditional");
    let (before, after) = (
        since["score"]["before"].as_f64().expect("before"),
        since["score"]["after"].as_f64().expect("after"),
    );
    assert!(
        after > before,
        "the baseline was NO-GO, now GO WITH CONDITIONS"
    );
    let delta = since["score"]["delta"].as_f64().expect("delta");
    assert!(
        (delta - (after - before)).abs() < 0.05,
        "{delta} vs {after} - {before}"
    );
    let rules = |list: &str| -> Vec<String> {
        since[list]
            .as_array()
            .expect("array")
            .iter()
            .map(|f| f["rule"].as_str().expect("rule").to_owned())
            .collect()
    };
    assert_eq!(
        rules("resolved"),
        // IDN-001 names the legacy sign-in risk; the answer's own finding is not listed beside it.
        ["COM-001", "IDN-001", "PGL-007"]
    );
    assert_eq!(rules("new"), ["END-009", "END-010", "post-go-live.backup"]);
    let still_open = rules("still_open");
    assert!(still_open.starts_with(&[
        "END-012".to_owned(),
        "END-007".to_owned(),
        "IDN-004".to_owned()
    ]));
}

#[test]
fn diff_prints_the_same_comparison_as_the_report() {
    let md = run(&["diff", BASELINE, HARBOR, "--format", "markdown"]);
    insta::assert_snapshot!("diff-markdown", md);
    let json = run(&["diff", BASELINE, HARBOR, "--format", "json"]);
    insta::assert_snapshot!("diff-json", json);
    let report: serde_json::Value = serde_json::from_str(&run(&[
        "report",
        HARBOR,
        "--baseline",
        BASELINE,
        "--format",
        "json",
    ]))
    .expect("JSON");
    let diff: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    for key in [
        "verdict",
        "score",
        "priorities",
        "resolved",
        "new",
        "still_open",
    ] {
        assert_eq!(diff[key], report["since"][key], "{key}");
    }
}

#[test]
fn an_assessment_compared_with_itself_changes_nothing() {
    let json: serde_json::Value =
        serde_json::from_str(&run(&["diff", HARBOR, HARBOR, "--format", "json"])).expect("JSON");
    assert_eq!(json["score"]["delta"], 0.0);
    assert_eq!(json["resolved"].as_array().map(Vec::len), Some(0));
    assert_eq!(json["new"].as_array().map(Vec::len), Some(0));
}

#[test]
fn output_goes_to_a_file_atomically_and_matches_stdout() {
    let dir = scratch("output");
    let out = dir.join("readiness.html");
    let assert = migready()
        .args(["report", HARBOR, "--format", "html", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(assert.get_output().stdout.is_empty(), "nothing on stdout");
    let written = std::fs::read_to_string(&out).expect("report written");
    assert_eq!(written, run(&["report", HARBOR, "--format", "html"]));
    let leftovers = std::fs::read_dir(&dir).expect("dir").count();
    assert_eq!(leftovers, 1, "no temporary file is left behind");
    let _ = std::fs::remove_dir_all(dir);
}

/// Writes `text` as an answers file and returns its path.
fn answers_file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write answers");
    path
}

fn harbor_with_waivers(waivers: &str) -> String {
    let text = std::fs::read_to_string(HARBOR).expect("example");
    let cut = text.find("\nwaivers:").expect("harbor has waivers");
    format!("{}\nwaivers:\n{waivers}", &text[..cut])
}

#[test]
fn waivers_are_shown_as_expiring_expired_stale_and_before_go_live() {
    let dir = scratch("waivers");
    let waivers = r"  - rule: IDN-004
    reason: Badges come after go-live.
    approved_by: Tom Becker, COO
    expires: 2028-02-01
  - rule: END-007
    reason: Forklift image in testing.
    approved_by: Tom Becker, COO
    expires: 2026-12-05
  - rule: END-009
    reason: Was accepted for the pilot only.
    approved_by: Tom Becker, COO
    expires: 2026-11-01
  - rule: IDN-001
    reason: Legacy sign-in was allowed during the pilot.
    approved_by: Tom Becker, COO
    expires: 2027-06-30
";
    let path = answers_file(&dir, "answers.yaml", &harbor_with_waivers(waivers));
    let path = path.to_str().expect("UTF-8 path");
    let md = run(&["report", path]);
    let section = &md[md.find("## Waivers (4)").expect("waivers section")..];
    let expiring = section
        .find("### Expiring within 14 days")
        .expect("expiring");
    let expired = section
        .find("### Expired: they count for nothing")
        .expect("expired");
    let active = section.find("### In force").expect("in force");
    let stale = section.find("### Stale").expect("stale");
    assert!(expiring < expired && expired < active && active < stale);
    assert!(section.contains(
        "- **Not every computer is covered by endpoint detection**: until 2026-12-05 (10 days left), which is before go-live on 2028-03-06"
    ));
    assert!(
        section.contains("Phones still read mail with only a password**: expired on 2026-11-01")
    );
    // The expired waiver counts for nothing: END-009 is an open action again, and page 1 says why.
    let brief = &md[..md.find("# For the project team").expect("team part")];
    let row = brief
        .lines()
        .find(|l| l.starts_with("| Phones still read mail with only a password"))
        .expect("END-009 among page 1's actions");
    assert!(row.contains("**waiver expired 24 days ago**"), "{row}");
    // Waivers of serious findings that lapse before go-live are conditions of the verdict and the gate.
    let reason = "waiver for IDN-004 expires on 2028-02-01, before go-live on 2028-03-06";
    assert!(md.contains(&format!("- {reason}")), "{md}");
    let gate = migready()
        .args(["check", path, "--require", "go", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(gate.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&gate.stdout).contains(reason));
    let json: serde_json::Value =
        serde_json::from_str(&run(&["report", path, "--format", "json"])).expect("JSON");
    let states: Vec<(&str, bool)> = json["waivers"]
        .as_array()
        .expect("waivers")
        .iter()
        .map(|w| (w["state"].as_str().expect("state"), w["expiring"] == true))
        .collect();
    assert_eq!(
        states,
        [
            ("active", false),
            ("active", true),
            ("expired", false),
            ("stale", false)
        ]
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[path = "report/hostile.rs"]
mod hostile;

/// CommonMark accepts a list nested two spaces in; Python-Markdown (MkDocs and most wikis) needs
/// four and otherwise flattens it into the text. The report nests no list, so both read it alike:
/// every list item starts its line, after a blank line or another item.
#[test]
fn markdown_lists_are_never_nested_so_every_renderer_reads_them_alike() {
    for name in EXAMPLES {
        let md = run(&["report", &example(name)]);
        let lines: Vec<&str> = md.lines().collect();
        let mut numbered = 0;
        for (i, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            let item = trimmed.starts_with("- ")
                || trimmed
                    .split_once(". ")
                    .is_some_and(|(n, _)| n.parse::<u32>().is_ok());
            if !item {
                continue;
            }
            assert_eq!(trimmed, *line, "{name}: indented list item: {line:?}");
            let before = if i == 0 { "" } else { lines[i - 1] };
            let starts = before.is_empty();
            let continues = before.starts_with("- ")
                || before
                    .split_once(". ")
                    .is_some_and(|(n, _)| n.parse::<u32>().is_ok());
            assert!(
                starts || continues,
                "{name}: a list glued to {before:?}: {line:?}"
            );
            numbered += usize::from(line.starts_with("1. "));
        }
        if name == "lakeside-dental" {
            assert!(numbered > 0, "{name}: numbered fix steps are shown");
        }
    }
}
