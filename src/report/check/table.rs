//! Terminal tables for people: verdict first, then priorities, findings and the reasons.

use std::fmt::Write;

use comfy_table::{Cell, CellAlignment, Color, Table};

use crate::engine::WaiverState;
use crate::model::Severity;
use crate::report::leadership::actions;
use crate::report::model::Report;
use crate::report::phrases::{bar, days_phrase};
use crate::report::terminal::{Style, new_table, paint, verdict_color};

pub fn render(r: &Report, style: &Style) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", r.organisation, r.project);
    let _ = writeln!(
        out,
        "Go-live {} ({}) · {}",
        crate::report::phrases::go_live_text(r.go_live),
        days_phrase(r.days_to_go_live),
        crate::report::phrases::judged_phrase(r)
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{}   score {:.1}/100   completeness {:.1}%",
        paint(style, verdict_color(r.verdict), r.verdict.label()),
        r.score,
        r.completeness
    );
    if let Some(first) = crate::report::phrases::not_assessed(r) {
        let _ = writeln!(out, "{first}");
    }
    if let Some(c) = r.coverage.shown() {
        let _ = writeln!(out, "Tenant evidence: {}", c.sentence());
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", priorities(r, style));
    if r.findings.is_empty() {
        let _ = writeln!(out, "No rule fired.");
    } else {
        let _ = writeln!(out, "{}", findings(r, style));
    }
    waivers(&mut out, r);
    if !r.reasons.is_empty() {
        let _ = writeln!(out, "\nWhy {}:", r.verdict.label());
        for reason in &r.reasons {
            let _ = writeln!(out, "  - {reason}");
        }
    }
    if let Some(gate) = &r.gate {
        let status = if gate.passed {
            paint(style, Color::Green, "passed")
        } else {
            paint(style, Color::Red, "FAILED")
        };
        // The verdict's reasons are listed just above: the gate names only what they do not say.
        let own: Vec<&String> = gate
            .reasons
            .iter()
            .filter(|g| !r.reasons.contains(g))
            .collect();
        if own.is_empty() && !gate.reasons.is_empty() {
            let _ = writeln!(out, "\nGate {status}: for the reasons above");
        } else {
            let _ = writeln!(out, "\nGate {status}");
        }
        for reason in own {
            let _ = writeln!(out, "  - {reason}");
        }
    }
    out
}

fn waivers(out: &mut String, r: &Report) {
    if !r.waivers.is_empty() {
        let _ = writeln!(*out, "\nWaivers:");
        for w in &r.waivers {
            let when = match w.state {
                WaiverState::Expired => "expired on",
                WaiverState::Active => "active until",
                WaiverState::Stale => "stale (its rule does not fire), until",
            };
            let _ = writeln!(
                *out,
                "  - {} {when} {}, approved by {}: {}",
                w.rule,
                w.expires,
                w.approved_by,
                w.reason.trim()
            );
        }
    }
}

fn priorities(r: &Report, style: &Style) -> Table {
    let mut t = new_table(style, &["Priority", "Score", "", "Floor"]);
    for p in &r.priorities {
        let (score, bar) = match p.score {
            Some(s) => (format!("{s:.1}"), bar(s)),
            None => ("n/a".to_owned(), String::new()),
        };
        let below = p.score.is_some_and(|s| s < p.floor);
        let color = if below { Color::Red } else { Color::Reset };
        t.add_row(vec![
            Cell::new(&p.title),
            Cell::new(score)
                .set_alignment(CellAlignment::Right)
                .fg(color),
            Cell::new(bar).fg(color),
            Cell::new(format!("{}", p.floor)).set_alignment(CellAlignment::Right),
        ]);
    }
    t
}

fn findings(r: &Report, style: &Style) -> Table {
    let mut t = new_table(style, &["Severity", "Rule", "Finding", "Owner", "Due"]);
    for f in &r.findings {
        let mut severity = f.severity.as_str().to_owned();
        if f.blocker {
            severity.push_str("\nblocker");
        }
        if f.waived {
            severity.push_str("\nwaived");
        }
        let color = if f.waived {
            Color::DarkGrey
        } else {
            severity_color(f.severity)
        };
        let (due, late) = actions::due_text(r, f, "-");
        let due = if late && !f.waived {
            Cell::new(due).fg(Color::Red)
        } else {
            Cell::new(due)
        };
        t.add_row(vec![
            Cell::new(severity).fg(color),
            Cell::new(&f.rule),
            Cell::new(&f.title),
            Cell::new(&f.owner),
            due,
        ]);
    }
    t
}

/// Ten cells, each a tenth of the scale.
fn severity_color(s: Severity) -> Color {
    match s {
        Severity::Critical | Severity::High => Color::Red,
        Severity::Medium => Color::Yellow,
        Severity::Low | Severity::Info => Color::Reset,
    }
}
