//! The CI formats of `migready check`: SARIF against the official 2.1.0 schema, JUnit read by an XML
//! parser, GitHub annotations on the right answer lines, the job summary, and completions and man pages.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const TODAY: &str = "2026-11-25";
const EXAMPLES: [&str; 3] = [
    "examples/summit-accounting/answers.yaml",
    "examples/harbor-logistics/answers.yaml",
    "examples/lakeside-dental/answers.yaml",
];
const FIXTURE: &str = "tests/fixtures/ci/answers.yaml";

/// Runs `migready check FILE --format FORMAT` and returns stdout (the exit code is the gate's business).
fn check(file: &str, format: &str) -> String {
    check_on(file, format, TODAY)
}

/// `check` as of `today`.
fn check_on(file: &str, format: &str, today: &str) -> String {
    let out = Command::cargo_bin("migready")
        .unwrap()
        .args(["check", file, "--today", today, "--format", format])
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{file}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(file: &str) -> Value {
    serde_json::from_str(&check(file, "json")).unwrap()
}

/// The line of the answers file that names `question` as a key.
fn line_of(file: &str, question: &str) -> usize {
    let text = std::fs::read_to_string(file).unwrap();
    let key = format!("{question}:");
    text.lines()
        .position(|l| l.trim_start().starts_with(&key))
        .map_or_else(|| panic!("{question} is not in {file}"), |i| i + 1)
}

#[test]
fn sarif_is_valid_against_the_official_2_1_0_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/sarif/sarif-schema-2.1.0.json").unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    for file in EXAMPLES.iter().chain([&FIXTURE]) {
        let sarif: Value = serde_json::from_str(&check(file, "sarif")).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&sarif)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:#?}");
    }
    // The schema does bite: a level SARIF does not know is refused.
    let mut sarif: Value = serde_json::from_str(&check(FIXTURE, "sarif")).unwrap();
    sarif["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&sarif));
}

#[test]
fn sarif_has_a_rule_per_catalogue_rule_and_a_result_per_finding() {
    let file = "examples/harbor-logistics/answers.yaml";
    let sarif: Value = serde_json::from_str(&check(file, "sarif")).unwrap();
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let catalog = migready::load::builtin::catalog().expect("the built-in catalogue");
    assert_eq!(rules.len(), catalog.rules.len(), "every built-in rule");
    let idn_004 = rules.iter().find(|r| r["id"] == "IDN-004").unwrap();
    assert!(
        idn_004["help"]["text"]
            .as_str()
            .unwrap()
            .contains("Remediation: ")
    );
    assert!(
        !idn_004["properties"]["references"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    let findings = json(file)["findings"].as_array().unwrap().clone();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    for (result, finding) in results.iter().zip(&findings) {
        assert_eq!(result["ruleId"], finding["rule"]);
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            rules[index]["id"], finding["rule"],
            "ruleIndex points at its rule"
        );
        let waived = finding["waived"].as_bool().unwrap();
        let suppression = &result["suppressions"][0];
        assert_eq!(suppression.is_object(), waived, "{}", finding["rule"]);
        if waived {
            assert_eq!(suppression["status"], "accepted");
            assert!(
                suppression["justification"]
                    .as_str()
                    .unwrap()
                    .contains("Tom Becker")
            );
        }
        let first = finding["answers"][0].as_str().unwrap();
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert_eq!(
            region["startLine"].as_u64().unwrap() as usize,
            line_of(file, first)
        );
    }
    // Critical and high findings are errors, medium and low warnings: as the finding fired.
    let levels: Vec<&str> = results
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = findings
        .iter()
        .map(|f| match f["severity"].as_str().unwrap() {
            "critical" | "high" => "error",
            "medium" | "low" => "warning",
            _ => "note",
        })
        .collect();
    assert_eq!(levels, expected);
    assert!(levels.contains(&"error") && levels.contains(&"warning"));
}

#[test]
fn junit_parses_with_a_suite_per_checklist_and_a_case_per_rule() {
    for file in EXAMPLES {
        let xml = check(file, "junit");
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let findings = json(file)["findings"].as_array().unwrap().clone();
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "testsuites");
        let suites: Vec<_> = root
            .children()
            .filter(|n| n.has_tag_name("testsuite"))
            .collect();
        let names: Vec<&str> = suites
            .iter()
            .map(|s| s.attribute("name").unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "migready gate",
                "identity",
                "endpoint",
                "comms",
                "escalation",
                "post-go-live"
            ]
        );
        let mut total = BTreeMap::from([("tests", 0), ("failures", 0), ("skipped", 0)]);
        for suite in suites.iter().skip(1) {
            let checklist = suite.attribute("name").unwrap();
            let cases: Vec<_> = suite
                .children()
                .filter(|n| n.has_tag_name("testcase"))
                .collect();
            let ours = findings.iter().filter(|f| f["checklist"] == checklist);
            let failed = ours.clone().filter(|f| f["waived"] == false).count();
            let waived = ours.filter(|f| f["waived"] == true).count();
            let count = |tag: &str| {
                cases
                    .iter()
                    .filter(|c| c.children().any(|n| n.has_tag_name(tag)))
                    .count()
            };
            let catalog = migready::load::builtin::catalog().expect("the built-in catalogue");
            let index = catalog.checklist(checklist).expect("a built-in checklist");
            assert_eq!(
                cases.len(),
                catalog.checklists[index].rules.len(),
                "{file} {checklist}: a case per rule"
            );
            assert_eq!(count("failure"), failed, "{file} {checklist}");
            assert_eq!(count("skipped"), waived, "{file} {checklist}");
            assert_eq!(
                suite.attribute("tests"),
                Some(cases.len().to_string().as_str())
            );
            assert_eq!(
                suite.attribute("failures"),
                Some(failed.to_string().as_str())
            );
            assert_eq!(
                suite.attribute("skipped"),
                Some(waived.to_string().as_str())
            );
            *total.get_mut("tests").unwrap() += cases.len();
            *total.get_mut("failures").unwrap() += failed;
            *total.get_mut("skipped").unwrap() += waived;
        }
        let gate_failed = json(file)["gate"]["passed"] == false;
        assert_eq!(
            suites[0].attribute("failures"),
            Some(if gate_failed { "1" } else { "0" })
        );
        let attr = |name: &str| root.attribute(name).unwrap().parse::<usize>().unwrap();
        assert_eq!(
            attr("tests"),
            total["tests"] + 1,
            "{file}: the gate is a test too"
        );
        assert_eq!(
            attr("failures"),
            total["failures"] + usize::from(gate_failed)
        );
        assert_eq!(attr("skipped"), total["skipped"]);
    }
}

#[test]
fn junit_escapes_answer_text() {
    let xml = check(FIXTURE, "junit");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let organisation = doc
        .descendants()
        .find(|n| n.attribute("name") == Some("organisation"))
        .and_then(|n| n.attribute("value"));
    assert_eq!(organisation, Some("Fixture & <Sons> | Ltd"));
}

/// `::error file=…,line=…,col=…,title=…::…` split into its command and properties.
fn annotations(output: &str) -> Vec<(String, BTreeMap<String, String>)> {
    output
        .lines()
        .filter_map(|l| l.strip_prefix("::"))
        .map(|l| {
            let (head, _message) = l.split_once("::").unwrap();
            let (command, props) = head.split_once(' ').unwrap();
            let props = props
                .split(',')
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap();
                    (k.to_owned(), v.to_owned())
                })
                .collect();
            (command.to_owned(), props)
        })
        .collect()
}

#[test]
fn github_annotations_point_at_the_triggering_answer_lines() {
    let out = check(FIXTURE, "github");
    let found = annotations(&out);
    let at = |rule: &str| {
        found
            .iter()
            .find(|(_, p)| p["title"].starts_with(rule))
            .unwrap_or_else(|| panic!("no annotation for {rule}: {out}"))
    };
    // IDN-001 reads legacy_auth first; its long form starts on line 9, the key at column 3.
    let (command, p) = at("IDN-001");
    assert_eq!(
        (command.as_str(), p["line"].as_str(), p["col"].as_str()),
        ("error", "9", "3")
    );
    assert_eq!(p["file"], FIXTURE);
    let (command, p) = at("COM-001");
    assert_eq!((command.as_str(), p["line"].as_str()), ("error", "13"));
    // Waived: a notice, on the line of the answer that triggers it.
    let (command, p) = at("IDN-004");
    assert_eq!((command.as_str(), p["line"].as_str()), ("notice", "7"));
    // Only unanswered questions trigger ESC-003: an annotation on the file, with no line.
    let (_, p) = at("ESC-003");
    assert!(!p.contains_key("line"));
    assert!(out.contains("\nGate FAILED\n"));
}

#[test]
fn github_annotations_name_the_key_of_an_answer_in_every_example() {
    for file in EXAMPLES {
        let text = std::fs::read_to_string(file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let findings = json(file)["findings"].as_array().unwrap().clone();
        let found = annotations(&check(file, "github"));
        assert_eq!(
            found.len(),
            findings.len(),
            "{file}: one annotation per finding"
        );
        for ((command, p), f) in found.iter().zip(&findings) {
            let level = match (
                f["waived"].as_bool().unwrap(),
                f["severity"].as_str().unwrap(),
            ) {
                (true, _) | (false, "info") => "notice",
                (false, "critical" | "high") => "error",
                _ => "warning",
            };
            assert_eq!(command, level, "{file} {}", f["rule"]);
            let Some(line) = p.get("line") else { continue };
            let line: usize = line.parse().unwrap();
            let col: usize = p["col"].parse().unwrap();
            let key = &lines[line - 1][col - 1..];
            let named = f["answers"]
                .as_array()
                .unwrap()
                .iter()
                .any(|q| key.starts_with(&format!("{}:", q.as_str().unwrap())));
            assert!(
                named,
                "{file}:{line}:{col} `{key}` is not an answer of {}",
                f["rule"]
            );
        }
    }
}

#[test]
fn github_format_appends_the_summary_to_the_job_summary() {
    let dir = std::env::temp_dir().join(format!("migready-step-summary-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let summary = dir.join("step_summary.md");
    std::fs::write(&summary, "## Earlier step\n").unwrap();
    let out = Command::cargo_bin("migready")
        .unwrap()
        .args([
            "check",
            "examples/lakeside-dental/answers.yaml",
            "--today",
            TODAY,
            "--format",
            "github",
        ])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let written = std::fs::read_to_string(&summary).unwrap();
    assert!(
        written.starts_with("## Earlier step\n## ❌ migready: NO-GO — gate failed\n"),
        "{written}"
    );
    assert!(written.contains("| COM-001 | critical (blocker) |"));
    // The other formats leave it alone.
    std::fs::write(&summary, "").unwrap();
    Command::cargo_bin("migready")
        .unwrap()
        .args([
            "check",
            "examples/lakeside-dental/answers.yaml",
            "--today",
            TODAY,
            "--format",
            "json",
        ])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(std::fs::read_to_string(&summary).unwrap(), "");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn markdown_summary_escapes_answer_text() {
    let md = check(FIXTURE, "markdown");
    assert!(md.contains("**Fixture & \\<Sons> \\| Ltd**"), "{md}");
    assert!(md.contains("| IDN-001 | critical (blocker) | Legacy sign-in lets attackers skip MFA | Sam Lee (IT lead) | 2027-03-01 | `identity.legacy_auth` (line 9) |"), "{md}");
}

#[test]
fn every_format_gives_the_same_exit_code() {
    for file in EXAMPLES {
        let codes: Vec<Option<i32>> = ["table", "json", "junit", "sarif", "github", "markdown"]
            .iter()
            .map(|format| {
                Command::cargo_bin("migready")
                    .unwrap()
                    .args(["check", file, "--today", TODAY, "--format", format])
                    .env_remove("GITHUB_STEP_SUMMARY")
                    .output()
                    .unwrap()
                    .status
                    .code()
            })
            .collect();
        assert!(codes.windows(2).all(|w| w[0] == w[1]), "{file}: {codes:?}");
    }
}

#[test]
fn completions_for_every_shell_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = Command::cargo_bin("migready")
            .unwrap()
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        for word in ["migready", "check", "schema", "format"] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
}

#[test]
fn man_page_is_roff_with_a_section_per_command() {
    let out = Command::cargo_bin("migready")
        .unwrap()
        .arg("man")
        .output()
        .unwrap();
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH migready 1"));
    for section in [
        "CHECK",
        "LINT",
        "EXPLAIN",
        "INIT",
        "SCHEMA",
        "COMPLETIONS",
        "MAN",
    ] {
        assert!(
            page.contains(&format!(".SH \"MIGREADY {section}\"")),
            "no section for {section}"
        );
    }
    assert!(
        Path::new("tests/sarif/LICENSE").is_file(),
        "the vendored schema keeps its licence"
    );
}

#[test]
fn every_command_has_a_description_and_examples_in_its_help() {
    use clap::CommandFactory;
    let cli = migready::cli::Cli::command();
    for sub in cli.get_subcommands() {
        let name = sub.get_name();
        let out = Command::cargo_bin("migready")
            .unwrap()
            .args([name, "--help"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.lines().next().is_some_and(|l| !l.is_empty()),
            "`migready {name} --help` has no description"
        );
        assert!(
            text.contains("\nExamples:\n  migready "),
            "`migready {name} --help` has no examples"
        );
    }
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("migready-init-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn init(dir: &Path, extra: &[&str]) -> std::process::Output {
    Command::cargo_bin("migready")
        .unwrap()
        .current_dir(dir)
        .args(["init", "--today", TODAY])
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn init_never_overwrites_and_writes_nothing_when_refusing() {
    let dir = scratch("refuse");
    std::fs::write(dir.join("answers.yaml"), "mine\n").unwrap();
    let out = init(&dir, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("answers.yaml already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.join("answers.yaml")).unwrap(),
        "mine\n"
    );
    assert!(
        !dir.join("migready.toml").exists(),
        "nothing is written when one file is in the way"
    );

    let out = init(&dir, &["--force"]);
    assert!(out.status.success());
    assert_eq!(
        std::fs::read_to_string(dir.join("answers.yaml.bak")).unwrap(),
        "mine\n"
    );
    assert!(dir.join("migready.toml").is_file());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn init_writes_files_that_lint_and_check_accept() {
    let dir = scratch("lint");
    assert!(init(&dir, &[]).status.success());
    let lint = Command::cargo_bin("migready")
        .unwrap()
        .current_dir(&dir)
        .args(["lint", "answers.yaml", "migready.toml", "--today", TODAY])
        .output()
        .unwrap();
    assert!(
        lint.status.success(),
        "{}",
        String::from_utf8_lossy(&lint.stderr)
    );
    let answers = std::fs::read_to_string(dir.join("answers.yaml")).unwrap();
    assert!(answers.starts_with(migready::schema::ANSWERS_SCHEMA_COMMENT));
    let check = Command::cargo_bin("migready")
        .unwrap()
        .current_dir(&dir)
        .args([
            "check",
            "answers.yaml",
            "--today",
            TODAY,
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(1),
        "an empty assessment is NO-GO, not an error"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The `migready check …` command lines of a workflow, with `$ANSWERS` filled in and redirections cut off.
fn workflow_checks(path: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let _: Value = serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split_once("migready check ").map(|(_, rest)| rest))
        .map(|rest| {
            let rest = rest.split(['>', '|']).next().unwrap();
            ["migready", "check"]
                .into_iter()
                .map(str::to_owned)
                .chain(
                    rest.split_whitespace()
                        .map(|w| w.replace("\"$ANSWERS\"", "answers.yaml")),
                )
                .collect()
        })
        .collect()
}

#[test]
fn the_example_workflows_use_commands_that_exist() {
    use clap::Parser;
    // The GitHub workflow runs the gate, the annotations and SARIF through action.yml (tests/action.rs).
    for (path, formats) in [
        ("examples/ci/github-actions.yml", &["junit"][..]),
        (
            "examples/ci/gitlab-ci.yml",
            &["junit", "markdown", "table"][..],
        ),
    ] {
        let commands = workflow_checks(path);
        assert_eq!(commands.len(), formats.len(), "{path}: {commands:?}");
        for (args, format) in commands.iter().zip(formats) {
            if let Err(e) = migready::cli::Cli::try_parse_from(args) {
                panic!("{path}: `{}` does not parse: {e}", args.join(" "));
            }
            assert_eq!(args[2..], ["answers.yaml", "--format", format]);
        }
    }
}

#[test]
fn overdue_items_and_expired_waivers_say_so_in_every_check_format() {
    let lakeside = EXAMPLES[2];
    // On 2026-12-01 the Apple push certificate's due date (2027-03-01) is ahead.
    let before = check_on(lakeside, "markdown", "2026-12-01");
    assert!(!before.contains("overdue"), "{before}");
    let md = check_on(lakeside, "markdown", "2027-07-15");
    assert!(
        md.contains("| 2027-03-01, overdue by 136 days, 2027-04-18 passed 88 days ago |"),
        "{md}"
    );
    // The table wraps its cells to the terminal; the words are there, perhaps on two lines.
    let table = check_on(lakeside, "table", "2027-07-15");
    assert!(table.contains("2027-03-01, overdue by"), "{table}");
    assert!(table.contains("waiver expired 288 days"), "{table}");
    let junit = check_on(lakeside, "junit", "2027-07-15");
    assert!(
        junit.contains("due 2027-03-01, overdue by 136 days"),
        "{junit}"
    );
    let json: Value = serde_json::from_str(&check_on(lakeside, "json", "2027-07-15")).unwrap();
    let apns = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "END-006")
        .unwrap();
    assert_eq!(apns["flags"][0]["kind"], "overdue");
    assert_eq!(apns["flags"][0]["days"], 136);
}
