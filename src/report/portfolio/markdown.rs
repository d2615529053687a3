//! The portfolio as a markdown table, for a wiki page, a ticket or a pull-request comment.
//!
//! Organisation and project names and error messages come from files anyone may have written, so
//! every cell of text goes through `escape::md_cell`: it cannot break the table or make a link.

use std::fmt::Write;

use crate::report::escape::md_cell;
use crate::report::phrases::{days_phrase, go_live_text};
use crate::report::portfolio::table::totals_line;
use crate::report::portfolio::{Portfolio, Row, figure_columns, require_word, verdict_label};

pub fn render(p: &Portfolio) -> String {
    let gated = p.require.is_some();
    let mut out = String::new();
    let mut header = vec!["File", "Organisation / project"];
    header.extend(figure_columns(gated));
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let rule: Vec<&str> = header
        .iter()
        .enumerate()
        .map(|(i, _)| if (4..8).contains(&i) { "--:" } else { "---" })
        .collect();
    let _ = writeln!(out, "|{}|", rule.join("|"));
    for row in &p.rows {
        let cells = cells(row, gated, header.len());
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    let t = p.totals();
    let _ = writeln!(out, "\n{}", totals_line(&t));
    if let Some(require) = p.require {
        let word = require_word(require);
        let assessed = t.go + t.conditional + t.no_go;
        let _ = writeln!(
            out,
            "\nGate (`--require {word}`): {}, {} of {assessed} failing.",
            if t.gate_failed == 0 {
                "passed"
            } else {
                "**FAILED**"
            },
            t.gate_failed
        );
    }
    out
}

/// One row's cells, escaped; an invalid file fills the figure columns with nothing.
fn cells(row: &Row, gated: bool, width: usize) -> Vec<String> {
    let mut cells = match row {
        Row::Invalid(i) => {
            let mut cells = vec![md_cell(&i.file), md_cell(&i.error), String::new()];
            cells.push(format!("**{}**", verdict_label(row)));
            cells.resize(width, String::new());
            cells
        }
        Row::Assessed(a) => vec![
            md_cell(&a.file),
            {
                let notes: Vec<String> = a
                    .time_notes()
                    .iter()
                    .map(|n| format!(" · **{n}**"))
                    .collect();
                format!(
                    "{} — {}{}",
                    md_cell(&a.organisation),
                    md_cell(&a.project),
                    notes.concat()
                )
            },
            format!("{} ({})", go_live_text(a.go_live), days_phrase(a.days_left)),
            format!("**{}**", verdict_label(row)),
            format!("{:.1}", a.score),
            format!("{:.1}%", a.completeness),
            a.blockers.to_string(),
            a.overdue.to_string(),
            a.weakest.as_ref().map_or_else(
                || "-".to_owned(),
                |w| format!("{} {:.1}", md_cell(&w.title), w.score),
            ),
        ],
    };
    if gated && let Row::Assessed(a) = row {
        cells.push(match &a.gate {
            Some(g) if !g.passed => "**fail**".to_owned(),
            _ => "pass".to_owned(),
        });
    }
    cells
}
