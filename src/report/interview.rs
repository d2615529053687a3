//! What the team reads when the interview ends: the verdict, the scores, the blockers, the top risks
//! and what to run next.

use std::fmt::Write as _;

use crate::report::Report;
use crate::report::model::FindingLine;

/// How many risks besides the blockers the summary names.
const TOP_RISKS: usize = 5;

/// The summary, with `next` (whole command lines) at the end.
pub fn render(report: &Report, next: &[String]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n{} · {}\nVerdict: {}  ·  score {:.1}  ·  completeness {:.1}%  ·  go-live {} ({})\n{}\n",
        report.organisation,
        report.project,
        report.verdict.label(),
        report.score,
        report.completeness,
        crate::report::phrases::go_live_text(report.go_live),
        crate::report::phrases::days_phrase(report.days_to_go_live),
        crate::report::phrases::capitalised(&crate::report::phrases::judged_phrase(report)),
    );
    priorities(&mut out, report);
    blockers(&mut out, report);
    top_risks(&mut out, report);
    if !report.open_questions.is_empty() {
        open(&mut out, report);
    }
    out.push_str("Next:\n");
    for line in next {
        let _ = writeln!(out, "  {line}");
    }
    out
}

/// The questions still open, with what an `unknown` answer means for the verdict.
fn open(out: &mut String, report: &Report) {
    let unknown = report.open_questions.iter().filter(|q| q.unknown).count();
    let unanswered = report.open_questions.len() - unknown;
    let _ = write!(
        out,
        "Open: {unanswered} applicable question{} unanswered and {unknown} answered `unknown`.",
        if unanswered == 1 { "" } else { "s" }
    );
    if unknown > 0 {
        out.push_str(
            " An `unknown` answer does not count toward completeness, and until it is known it is \
             judged at its worst answer.",
        );
    }
    out.push_str("\n\n");
}

fn priorities(out: &mut String, report: &Report) {
    out.push_str("Readiness by priority\n");
    let width = report
        .priorities
        .iter()
        .map(|p| p.title.chars().count())
        .max()
        .unwrap_or(0);
    for p in &report.priorities {
        let score = match p.score {
            Some(s) if s < p.floor => format!("{s:5.1}  below the floor of {}", p.floor),
            Some(s) => format!("{s:5.1}"),
            None => "    –  nothing applicable".to_owned(),
        };
        let _ = writeln!(out, "  {:width$}  {score}", p.title);
    }
    out.push('\n');
}

fn blockers(out: &mut String, report: &Report) {
    let blockers: Vec<&FindingLine> = report.blockers().collect();
    if blockers.is_empty() {
        out.push_str("Blockers: none unwaived.\n\n");
        return;
    }
    out.push_str("Blockers (NO-GO until fixed or waived)\n");
    for f in blockers {
        line(out, "  ", f);
    }
    out.push('\n');
}

fn top_risks(out: &mut String, report: &Report) {
    let risks: Vec<&FindingLine> = report
        .findings
        .iter()
        .filter(|f| !f.waived && !f.blocker)
        .take(TOP_RISKS)
        .collect();
    if risks.is_empty() {
        out.push_str("Other risks: none unwaived.\n\n");
        return;
    }
    out.push_str("Top risks\n");
    for (i, f) in risks.iter().enumerate() {
        line(out, &format!("  {}. ", i + 1), f);
    }
    out.push('\n');
}

fn line(out: &mut String, lead: &str, f: &FindingLine) {
    let due = f.due.map(|d| format!(", due {d}")).unwrap_or_default();
    let _ = writeln!(
        out,
        "{lead}{} ({}) {}\n{:pad$}owner: {}{due}",
        f.rule,
        f.severity.as_str(),
        f.title,
        "",
        f.owner,
        pad = lead.chars().count() + 2,
    );
}
