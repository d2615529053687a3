//! `migready diff --format table`: what changed between two assessments, for a terminal. The
//! markdown and JSON forms are the leadership report's "since the last assessment" section.

use std::fmt::Write;

use comfy_table::{Cell, CellAlignment};

use crate::report::baseline::{Change, FindingChange, Since};
use crate::report::phrases::{score, signed};
use crate::report::terminal::{Style, new_table};

pub fn table(organisation: &str, s: &Since, style: &Style) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{organisation}: since {}", s.baseline_file);
    let verdict = if s.verdict.changed() {
        format!(
            "{} -> {}",
            s.verdict.before.label(),
            s.verdict.after.label()
        )
    } else {
        format!("{} (unchanged)", s.verdict.after.label())
    };
    let _ = writeln!(out, "Verdict       {verdict}");
    let _ = writeln!(out, "Score         {}", change(&s.score, ""));
    let _ = writeln!(out, "Completeness  {}\n", change(&s.completeness, "%"));
    let mut t = new_table(style, &["Priority", "Before", "Now", "Change"]);
    for p in &s.priorities {
        let delta = p.delta().map_or_else(|| "n/a".to_owned(), signed);
        t.add_row(vec![
            Cell::new(&p.title),
            Cell::new(score(p.before)).set_alignment(CellAlignment::Right),
            Cell::new(score(p.after)).set_alignment(CellAlignment::Right),
            Cell::new(delta).set_alignment(CellAlignment::Right),
        ]);
    }
    let _ = writeln!(out, "{t}\n");
    if s.resolved.is_empty() && s.new.is_empty() && s.still_open.is_empty() {
        let _ = writeln!(out, "No rule fired in either assessment.");
        return out;
    }
    let mut t = new_table(style, &["Change", "Rule", "Finding", "Severity", "Owner"]);
    for (label, list) in [
        ("resolved", &s.resolved),
        ("new", &s.new),
        ("still open", &s.still_open),
    ] {
        for f in list {
            t.add_row(finding_row(label, f));
        }
    }
    let _ = writeln!(out, "{t}");
    out
}

fn finding_row(label: &str, f: &FindingChange) -> Vec<Cell> {
    let mut severity = f.severity.as_str().to_owned();
    if f.blocker {
        severity.push_str("\nblocker");
    }
    if f.waived {
        severity.push_str("\nwaived");
    }
    vec![
        Cell::new(label),
        Cell::new(&f.rule),
        Cell::new(&f.title),
        Cell::new(severity),
        Cell::new(&f.owner),
    ]
}

/// "86.4 -> 89.3 (+2.9)".
fn change(c: &Change<f64>, unit: &str) -> String {
    format!(
        "{:.1}{unit} -> {:.1}{unit} ({})",
        c.before,
        c.after,
        signed(c.delta())
    )
}
