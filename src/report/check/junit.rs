//! JUnit XML for CI test reports (GitLab, Jenkins, Azure DevOps): the gate, then one suite per checklist.
//!
//! Every catalogue rule is a test case: it passes when the rule does not fire, fails when it fires,
//! and is skipped when it fires but a waiver covers it (an accepted risk, not a pass).

use std::fmt::Write;

use crate::report::escape::{xml_attr, xml_text};
use crate::report::location::first_answer_pos;
use crate::report::model::{FindingLine, Report, RuleLine};

/// The gate's own suite; a space keeps it apart from every checklist id.
const GATE_SUITE: &str = "migready gate";

/// One rule's outcome.
enum Outcome<'a> {
    Passed,
    Failed(&'a FindingLine),
    Waived(&'a FindingLine),
}

struct Counts {
    tests: usize,
    failures: usize,
    skipped: usize,
}

pub fn render(report: &Report) -> String {
    let checklists = checklist_ids(report);
    let mut suites = String::new();
    let mut total = gate_suite(report, &mut suites);
    for id in &checklists {
        let rules: Vec<&RuleLine> = report.rules.iter().filter(|r| &r.checklist == id).collect();
        let counts = checklist_suite(report, id, &rules, &mut suites);
        total.tests += counts.tests;
        total.failures += counts.failures;
        total.skipped += counts.skipped;
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"migready\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">",
        total.tests, total.failures, total.skipped
    );
    out.push_str(&suites);
    out.push_str("</testsuites>\n");
    out
}

/// Checklist ids in catalogue order, each once.
fn checklist_ids(report: &Report) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for r in &report.rules {
        if !ids.contains(&r.checklist) {
            ids.push(r.checklist.clone());
        }
    }
    ids
}

/// What the gate was judged on, as the suite's properties; evidence coverage when there is any.
fn gate_properties(report: &Report) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = [
        ("organisation", report.organisation.clone()),
        ("project", report.project.clone()),
        ("verdict", report.verdict.as_str().to_owned()),
        ("stage", report.stage.as_str().to_owned()),
        ("score", format!("{:.1}", report.score)),
        (
            "score_cap",
            report
                .score_cap
                .as_ref()
                .map(crate::report::phrases::cap_phrase)
                .unwrap_or_default(),
        ),
        ("completeness", format!("{:.1}", report.completeness)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    if let Some(c) = report.coverage.shown() {
        let ratio = |n: &crate::report::coverage::Counts| format!("{} of {}", n.backed, n.answered);
        out.push(("evidence_backed".into(), ratio(&c.total)));
        for line in &c.checklists {
            out.push((
                format!("evidence_backed.{}", line.checklist),
                ratio(&line.counts),
            ));
        }
        out.push(("evidence_stale".into(), c.stale.join(" ")));
        out.push(("evidence_contradicted".into(), c.contradicted.join(" ")));
    }
    out
}

/// One test case: the verdict against what the gate requires, with the reasons it failed.
fn gate_suite(report: &Report, out: &mut String) -> Counts {
    let failed = report.gate.as_ref().is_some_and(|g| !g.passed);
    let _ = writeln!(
        out,
        "  <testsuite name=\"{GATE_SUITE}\" tests=\"1\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
        usize::from(failed)
    );
    let _ = writeln!(out, "    <properties>");
    for (name, value) in gate_properties(report) {
        let _ = writeln!(
            out,
            "      <property name=\"{}\" value=\"{}\"/>",
            xml_attr(&name),
            xml_attr(&value)
        );
    }
    let _ = writeln!(out, "    </properties>");
    let name = format!(
        "verdict {} (score {:.1}, completeness {:.1}%)",
        report.verdict.label(),
        report.score,
        report.completeness
    );
    let _ = write!(
        out,
        "    <testcase name=\"{}\" classname=\"migready.gate\" file=\"{}\"",
        xml_attr(&name),
        xml_attr(&report.answers_file)
    );
    match report.gate.as_ref().filter(|g| !g.passed) {
        Some(gate) => {
            let _ = writeln!(out, ">");
            let _ = writeln!(
                out,
                "      <failure message=\"the gate failed\" type=\"gate\">{}</failure>",
                xml_text(&gate.reasons.join("\n"))
            );
            let _ = writeln!(out, "    </testcase>");
        }
        None => {
            let _ = writeln!(out, "/>");
        }
    }
    let _ = writeln!(out, "  </testsuite>");
    Counts {
        tests: 1,
        failures: usize::from(failed),
        skipped: 0,
    }
}

fn checklist_suite(report: &Report, id: &str, rules: &[&RuleLine], out: &mut String) -> Counts {
    let outcomes: Vec<Outcome> = rules.iter().map(|r| outcome(report, r)).collect();
    let counts = Counts {
        tests: rules.len(),
        failures: outcomes
            .iter()
            .filter(|o| matches!(o, Outcome::Failed(_)))
            .count(),
        skipped: outcomes
            .iter()
            .filter(|o| matches!(o, Outcome::Waived(_)))
            .count(),
    };
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">",
        xml_attr(id),
        counts.tests,
        counts.failures,
        counts.skipped
    );
    for (rule, outcome) in rules.iter().zip(&outcomes) {
        test_case(report, rule, outcome, out);
    }
    let _ = writeln!(out, "  </testsuite>");
    counts
}

fn outcome<'a>(report: &'a Report, rule: &RuleLine) -> Outcome<'a> {
    match report.findings.iter().find(|f| f.rule == rule.id) {
        None => Outcome::Passed,
        Some(f) if f.waived => Outcome::Waived(f),
        Some(f) => Outcome::Failed(f),
    }
}

fn test_case(report: &Report, rule: &RuleLine, outcome: &Outcome, out: &mut String) {
    let _ = write!(
        out,
        "    <testcase name=\"{}\" classname=\"migready.{}\" file=\"{}\"",
        xml_attr(&format!("{}: {}", rule.id, rule.title)),
        xml_attr(&rule.checklist),
        xml_attr(&report.answers_file)
    );
    match outcome {
        Outcome::Passed => {
            let _ = writeln!(out, "/>");
        }
        Outcome::Failed(f) => {
            let _ = writeln!(out, ">");
            let _ = writeln!(
                out,
                "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                xml_attr(&f.title),
                f.severity.as_str(),
                xml_text(&failure_text(report, f))
            );
            let _ = writeln!(out, "    </testcase>");
        }
        Outcome::Waived(f) => {
            let waiver = report.waivers.iter().find(|w| w.rule == f.rule);
            let why = waiver.map_or_else(
                || "waived".to_owned(),
                |w| {
                    format!(
                        "waived until {} by {}: {}",
                        w.expires,
                        w.approved_by,
                        w.reason.trim()
                    )
                },
            );
            let _ = writeln!(out, ">");
            let _ = writeln!(out, "      <skipped message=\"{}\"/>", xml_attr(&why));
            let _ = writeln!(out, "    </testcase>");
        }
    }
}

/// The finding as a CI log shows it: where, who, by when, the risk and the fix.
fn failure_text(report: &Report, f: &FindingLine) -> String {
    let mut text = String::new();
    let blocker = if f.blocker { ", go-live blocker" } else { "" };
    let _ = writeln!(text, "{} ({}{blocker})", f.title, f.severity.as_str());
    if let Some(pos) = first_answer_pos(f) {
        let _ = writeln!(
            text,
            "at {}:{}:{}",
            report.answers_file, pos.line, pos.column
        );
    }
    let (due, late) = crate::report::leadership::actions::due_text(report, f, "not set");
    if f.due.is_some() || late {
        let _ = writeln!(text, "owner: {}, due {due}", f.owner);
    } else {
        let _ = writeln!(text, "owner: {}", f.owner);
    }
    for a in &f.answers {
        match a.pos {
            Some(p) => {
                let _ = writeln!(text, "answer: {} (line {})", a.question, p.line);
            }
            None => {
                let _ = writeln!(text, "answer: {} (unanswered)", a.question);
            }
        }
    }
    let _ = writeln!(text, "risk: {}", f.risk.trim());
    let _ = write!(text, "remediation: {}", f.remediation.trim());
    text
}
