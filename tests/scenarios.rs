//! The calibration corpus: organisations whose verdict an experienced migration lead has judged.
//!
//! Each folder under `tests/scenarios/` holds an `expected.yaml` (the date it is judged on, the
//! verdict, the findings that must fire and those that must not, and the reasoning) and an
//! `answers.yaml`, or an `answers:` path to another scenario's or an example's file. The expected
//! verdicts were written from the organisation's situation, not copied from the tool's output: the
//! corpus exists to catch the verdict model being wrong.
//!
//! `must_fire` ids must be findings, waived or not (a waiver is checked by the finding still being
//! listed); `must_not_fire` ids must not be unwaived findings.
//!
//! `pending.yaml` lists the mismatches accepted for now, scenario by scenario, while the built-in
//! checklists catch up with the expectations. A mismatch not listed there fails the test, and so
//! does a listed one that no longer occurs, so the list can only shrink.
//!
//! `cargo test --test scenarios -- --nocapture` prints the table and the score ranges.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
// The table of results is what a reader runs these tests with `--nocapture` for.
#![allow(clippy::print_stdout)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use migready::date::Date;
use migready::engine::{self, Assessment, Stage, Verdict};
use migready::load::source;
use migready::load::{answers, builtin, catalog};
use migready::model::Limits;
use migready::model::{Catalog, Thresholds};
use serde::Deserialize;

const CORPUS: &str = "tests/scenarios";
const MIN_SCENARIOS: usize = 25;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    today: String,
    /// An answers file elsewhere in the repository, instead of the scenario's own.
    answers: Option<String>,
    verdict: String,
    must_fire: Vec<String>,
    #[serde(default)]
    must_not_fire: Vec<String>,
    reasoning: String,
}

/// One scenario judged: what the expert expects next to what the tool says.
struct Row {
    name: String,
    days: Option<i64>,
    stage: Stage,
    expected: Verdict,
    actual: Verdict,
    score: f64,
    unwaived: usize,
    missing: Vec<String>,
    unexpected: Vec<String>,
}

impl Row {
    /// The mismatches, each as the key `pending.yaml` uses for it.
    fn mismatches(&self) -> Vec<String> {
        let mut keys = Vec::new();
        if self.expected != self.actual {
            keys.push("verdict".to_owned());
        }
        keys.extend(self.missing.iter().map(|id| format!("must_fire {id}")));
        keys.extend(
            self.unexpected
                .iter()
                .map(|id| format!("must_not_fire {id}")),
        );
        keys
    }
}

fn builtin_catalog() -> Catalog {
    catalog::load(&builtin::sources(), Limits::default()).expect("the built-in checklists load")
}

fn scenario_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(CORPUS)
        .expect("the corpus folder exists")
        .map(|e| e.expect("a readable folder entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn read_expected(dir: &Path) -> Expected {
    let path = dir.join("expected.yaml");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn parse_verdict(file: &Path, text: &str) -> Verdict {
    match text {
        "go" => Verdict::Go,
        "conditional" => Verdict::Conditional,
        "no-go" => Verdict::NoGo,
        other => panic!(
            "{}: verdict `{other}` is not go, conditional or no-go",
            file.display()
        ),
    }
}

/// A finding id is a rule id or, for a question's own risky answers, the question's id.
fn check_ids(catalog: &Catalog, file: &Path, ids: &[String]) {
    for id in ids {
        assert!(
            catalog.rule(id).is_some() || catalog.question(id).is_some(),
            "{}: `{id}` is neither a rule nor a question of the built-in catalogue",
            file.display()
        );
    }
}

fn assess(catalog: &Catalog, dir: &Path, expected: &Expected) -> Assessment {
    let path = match &expected.answers {
        Some(path) => PathBuf::from(path),
        None => dir.join("answers.yaml"),
    };
    let limits = Limits::default();
    let src = source::read(&path, limits.max_file_bytes)
        .unwrap_or_else(|d| panic!("{}: {d}", path.display()));
    let answers = answers::load(&src, catalog, limits).unwrap_or_else(|diags| {
        let text: Vec<String> = diags
            .into_sorted()
            .iter()
            .map(ToString::to_string)
            .collect();
        panic!(
            "{} is not a valid answers file:\n{}",
            path.display(),
            text.join("\n")
        )
    });
    let today: Date = expected
        .today
        .parse()
        .unwrap_or_else(|_| panic!("{}: `today` is not a date", dir.display()));
    engine::assess(catalog, &answers, today, &Thresholds::default())
}

fn judge(catalog: &Catalog, dir: &Path) -> Row {
    let expected = read_expected(dir);
    let file = dir.join("expected.yaml");
    assert!(
        !expected.reasoning.trim().is_empty(),
        "{}: no reasoning",
        file.display()
    );
    check_ids(catalog, &file, &expected.must_fire);
    check_ids(catalog, &file, &expected.must_not_fire);
    let a = assess(catalog, dir, &expected);
    let fired: BTreeSet<&str> = a
        .findings
        .iter()
        .map(|f| catalog.rules[f.rule].id.as_str())
        .collect();
    let unwaived: BTreeSet<&str> = a
        .findings
        .iter()
        .filter(|f| f.waiver.is_none())
        .map(|f| catalog.rules[f.rule].id.as_str())
        .collect();
    Row {
        name: dir
            .file_name()
            .expect("a folder name")
            .to_string_lossy()
            .into_owned(),
        days: a.days_to_go_live,
        stage: a.stage,
        expected: parse_verdict(&file, &expected.verdict),
        actual: a.judgement.verdict,
        score: a.score,
        unwaived: a.findings.iter().filter(|f| f.waiver.is_none()).count(),
        missing: (expected.must_fire.iter())
            .filter(|id| !fired.contains(id.as_str()))
            .cloned()
            .collect(),
        unexpected: (expected.must_not_fire.iter())
            .filter(|id| unwaived.contains(id.as_str()))
            .cloned()
            .collect(),
    }
}

fn print_table(rows: &[Row]) {
    println!(
        "\n{:<44} {:>6} {:<13} {:<12} {:<12} {:>5} {:>8}  must_fire missing (-), must_not_fire fired (+)",
        "scenario", "days", "stage", "expected", "actual", "score", "unwaived"
    );
    for r in rows {
        let days = r.days.map_or("-".to_owned(), |d| d.to_string());
        let mark = if r.expected == r.actual { " " } else { "≠" };
        let mut notes: Vec<String> = r.missing.iter().map(|id| format!("-{id}")).collect();
        notes.extend(r.unexpected.iter().map(|id| format!("+{id}")));
        println!(
            "{:<44} {:>6} {:<13} {:<12}{mark}{:<12} {:>5.1} {:>8}  {}",
            r.name,
            days,
            r.stage.as_str(),
            r.expected.as_str(),
            r.actual.as_str(),
            r.score,
            r.unwaived,
            notes.join(" ")
        );
    }
}

/// The lowest and highest score each actual verdict was given, to show whether the ranges overlap.
fn print_score_ranges(rows: &[Row]) {
    println!("\nscores by actual verdict:");
    for verdict in [Verdict::Go, Verdict::Conditional, Verdict::NoGo] {
        let scores: Vec<f64> = rows
            .iter()
            .filter(|r| r.actual == verdict)
            .map(|r| r.score)
            .collect();
        if scores.is_empty() {
            println!("  {:<11} none", verdict.as_str());
            continue;
        }
        let min = scores.iter().copied().fold(f64::INFINITY, f64::min);
        let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        println!(
            "  {:<11} {:>2} scenarios, {min:.1}–{max:.1}",
            verdict.as_str(),
            scores.len()
        );
    }
    let agree = rows.iter().filter(|r| r.expected == r.actual).count();
    println!("verdicts as expected: {agree} of {}\n", rows.len());
}

fn read_pending() -> BTreeMap<String, Vec<String>> {
    let path = Path::new(CORPUS).join("pending.yaml");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_saphyr::from_str::<Option<BTreeMap<String, Vec<String>>>>(&text)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .unwrap_or_default()
}

/// Every mismatch not accepted in `pending.yaml`, and every accepted one that no longer occurs.
fn failures(rows: &[Row], pending: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    let mut out = Vec::new();
    for name in pending.keys() {
        if !rows.iter().any(|r| &r.name == name) {
            out.push(format!(
                "pending.yaml names `{name}`, which is not a scenario"
            ));
        }
    }
    for r in rows {
        let accepted: BTreeSet<&String> = pending.get(&r.name).into_iter().flatten().collect();
        let found = r.mismatches();
        for key in &found {
            if !accepted.contains(key) {
                let line = match key.as_str() {
                    "verdict" => format!(
                        "{}: verdict expected {}, got {}",
                        r.name,
                        r.expected.as_str(),
                        r.actual.as_str()
                    ),
                    _ => format!("{}: {key}", r.name),
                };
                out.push(line);
            }
        }
        for key in accepted {
            if !found.contains(key) {
                out.push(format!(
                    "{}: `{key}` is listed in pending.yaml but now holds; remove it",
                    r.name
                ));
            }
        }
    }
    out
}

#[test]
fn every_scenario_gets_the_verdict_and_findings_an_expert_expects() {
    let catalog = builtin_catalog();
    let dirs = scenario_dirs();
    assert!(
        dirs.len() >= MIN_SCENARIOS,
        "only {} scenarios in {CORPUS}",
        dirs.len()
    );
    let rows: Vec<Row> = dirs.iter().map(|d| judge(&catalog, d)).collect();
    print_table(&rows);
    print_score_ranges(&rows);
    let stages: BTreeSet<Stage> = rows.iter().map(|r| r.stage).collect();
    for stage in [
        Stage::NoDate,
        Stage::Kickoff,
        Stage::GoNoGo,
        Stage::AfterGoLive,
    ] {
        assert!(
            stages.contains(&stage),
            "no scenario is judged at stage {}",
            stage.as_str()
        );
    }
    let pending = read_pending();
    let accepted: usize = pending.values().map(Vec::len).sum();
    println!("mismatches accepted in pending.yaml: {accepted}");
    let failures = failures(&rows, &pending);
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn row(name: &str, actual: Verdict, missing: &[&str]) -> Row {
    Row {
        name: name.to_owned(),
        days: Some(10),
        stage: Stage::GoNoGo,
        expected: Verdict::NoGo,
        actual,
        score: 40.0,
        unwaived: 1,
        missing: missing.iter().map(ToString::to_string).collect(),
        unexpected: Vec::new(),
    }
}

#[test]
fn pending_accepts_only_the_mismatches_it_lists_and_none_that_have_gone() {
    let pending = |entries: &[(&str, &[&str])]| -> BTreeMap<String, Vec<String>> {
        (entries.iter())
            .map(|(k, v)| (k.to_string(), v.iter().map(ToString::to_string).collect()))
            .collect()
    };
    let rows = [row("01-a", Verdict::Conditional, &["ESC-001"])];
    let listed = pending(&[("01-a", &["verdict", "must_fire ESC-001"])]);
    assert!(failures(&rows, &listed).is_empty());
    let partly = pending(&[("01-a", &["verdict"])]);
    assert_eq!(failures(&rows, &partly), ["01-a: must_fire ESC-001"]);
    let unlisted = failures(&rows, &BTreeMap::new());
    assert_eq!(unlisted[0], "01-a: verdict expected no-go, got conditional");
    let fixed = [row("01-a", Verdict::NoGo, &[])];
    assert_eq!(
        failures(&fixed, &partly).len(),
        1,
        "a mismatch that holds again must leave pending.yaml"
    );
    let stranger = pending(&[("99-nobody", &["verdict"])]);
    assert_eq!(
        failures(&fixed, &stranger).len(),
        1,
        "an unknown scenario name is refused"
    );
}
