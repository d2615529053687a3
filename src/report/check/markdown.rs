//! The short gate summary in markdown, for a pull-request comment or a CI job summary.
//!
//! Verdict and gate first, then why, then what must happen first with its owner and the answer line.
//! Text from the answers file is escaped, so an answer cannot inject markup into the comment.

use std::fmt::Write;

use crate::engine::{Verdict, WaiverState};
use crate::model::Severity;
use crate::report::escape::{md_cell, md_cell_code};
use crate::report::location::first_answer_pos;
use crate::report::model::{FindingLine, Report};
use crate::report::phrases::{days_phrase, go_live_text};

/// At most this many findings in the table; a PR comment should stay short.
const MAX_ROWS: usize = 10;

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let gate = match &r.gate {
        Some(g) if g.passed => " — gate passed",
        Some(_) => " — gate failed",
        None => "",
    };
    let _ = writeln!(
        out,
        "## {} migready: {}{gate}\n",
        icon(r.verdict),
        r.verdict.label()
    );
    let _ = writeln!(
        out,
        "**{}** · {} · go-live {} ({}) · {}\n",
        md_cell(&r.organisation),
        md_cell(&r.project),
        go_live_text(r.go_live),
        days_phrase(r.days_to_go_live),
        md_cell(&crate::report::phrases::judged_phrase(r))
    );
    if let Some(first) = crate::report::phrases::not_assessed(r) {
        let _ = writeln!(out, "> **{}**\n", md_cell(&first));
    }
    let urgent = r.findings.iter().filter(|f| is_urgent(f)).count();
    let blockers = r.blockers().count();
    let _ = writeln!(
        out,
        "| Score | Completeness | Blockers | Critical and high | Answers |\n|---:|---:|---:|---:|---|"
    );
    let _ = writeln!(
        out,
        "| {:.1} / 100 | {:.1}% | {blockers} | {urgent} | {} |\n",
        r.score,
        r.completeness,
        md_cell_code(&r.answers_file)
    );
    if let Some(c) = r.coverage.shown() {
        let _ = writeln!(out, "**Tenant evidence:** {}\n", md_cell(&c.sentence()));
    }
    reasons(r, &mut out);
    findings(r, &mut out);
    footer(r, &mut out);
    out
}

fn reasons(r: &Report, out: &mut String) {
    let (heading, reasons) = match &r.gate {
        Some(g) if !g.passed => ("Why the gate failed", &g.reasons),
        _ if !r.reasons.is_empty() => ("Why not GO", &r.reasons),
        _ => return,
    };
    let _ = writeln!(out, "**{heading}**\n");
    for reason in reasons {
        let _ = writeln!(out, "- {}", md_cell(reason));
    }
    let _ = writeln!(out);
}

/// Unwaived critical and high findings: what must happen before go-live.
fn findings(r: &Report, out: &mut String) {
    let urgent: Vec<&FindingLine> = r.findings.iter().filter(|f| is_urgent(f)).collect();
    if urgent.is_empty() {
        return;
    }
    let _ = writeln!(out, "**Must happen first**\n");
    let _ = writeln!(
        out,
        "| Rule | Severity | Finding | Owner | Due | Answer |\n|---|---|---|---|---|---|"
    );
    for f in urgent.iter().take(MAX_ROWS) {
        let severity = if f.blocker {
            format!("{} (blocker)", f.severity.as_str())
        } else {
            f.severity.as_str().to_owned()
        };
        let _ = writeln!(
            out,
            "| {} | {severity} | {} | {} | {} | {} |",
            f.rule,
            md_cell(&f.title),
            md_cell(&f.owner),
            crate::report::leadership::actions::due_text(r, f, "–").0,
            answer(f)
        );
    }
    if urgent.len() > MAX_ROWS {
        let _ = writeln!(
            out,
            "\n…and {} more; `migready check --format table` lists them all.",
            urgent.len() - MAX_ROWS
        );
    }
    let _ = writeln!(out);
}

fn footer(r: &Report, out: &mut String) {
    let mut parts = Vec::new();
    for severity in [Severity::Medium, Severity::Low, Severity::Info] {
        let n = r
            .findings
            .iter()
            .filter(|f| !f.waived && f.severity == severity)
            .count();
        if n > 0 {
            parts.push(format!("{n} {}", severity.as_str()));
        }
    }
    let waived = r.findings.iter().filter(|f| f.waived).count();
    if waived > 0 {
        parts.push(format!("{waived} waived"));
    }
    let expired = r
        .waivers
        .iter()
        .filter(|w| w.state == WaiverState::Expired)
        .count();
    if expired > 0 {
        parts.push(format!(
            "{expired} expired waiver{}",
            if expired == 1 { "" } else { "s" }
        ));
    }
    let open = r.open_questions.len();
    if open > 0 {
        parts.push(format!(
            "{open} open question{}",
            if open == 1 { "" } else { "s" }
        ));
    }
    if !parts.is_empty() {
        let _ = writeln!(out, "Also: {}.", parts.join(", "));
    }
}

fn is_urgent(f: &FindingLine) -> bool {
    !f.waived && matches!(f.severity, Severity::Critical | Severity::High)
}

/// The first triggering answer and its line, or the question that is still unanswered.
fn answer(f: &FindingLine) -> String {
    let Some(first) = f.answers.first() else {
        return "–".to_owned();
    };
    match first_answer_pos(f) {
        Some(pos) => {
            let q = f
                .answers
                .iter()
                .find(|a| a.pos.is_some())
                .map_or(first.question.as_str(), |a| a.question.as_str());
            format!("{} (line {})", md_cell_code(q), pos.line)
        }
        None => format!("{} (unanswered)", md_cell_code(&first.question)),
    }
}

fn icon(v: Verdict) -> &'static str {
    match v {
        Verdict::Go => "✅",
        Verdict::Conditional => "⚠️",
        Verdict::NoGo => "❌",
    }
}
