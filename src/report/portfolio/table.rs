//! The portfolio as a terminal table, worst first by default, with the totals under it.

use std::fmt::Write;

use comfy_table::{Cell, CellAlignment, Color, ColumnConstraint, Table, Width};

use crate::report::phrases::days_phrase;
use crate::report::portfolio::layout;
use crate::report::portfolio::{Assessed, Portfolio, Row, Totals, figure_columns, require_word};
use crate::report::terminal::{Style, new_table, paint, verdict_color};

pub fn render(p: &Portfolio, style: &Style) -> String {
    let mut out = String::new();
    // Errors stand above the table, one whole line each, so that they can be read and copied
    // rather than wrapped into a narrow cell.
    let invalid = p.invalid();
    for i in &invalid {
        let _ = writeln!(out, "{} {}", paint(style, Color::Red, "INVALID"), i.error);
    }
    if !invalid.is_empty() {
        let _ = writeln!(out);
    }
    if p.rows.len() > invalid.len() {
        let _ = writeln!(out, "{}", rows(p, style));
    }
    let t = p.totals();
    let _ = writeln!(out, "{}", totals_line(&t));
    if let Some(require) = p.require {
        let assessed = t.go + t.conditional + t.no_go;
        let status = if t.gate_failed == 0 {
            paint(style, Color::Green, "passed")
        } else {
            paint(style, Color::Red, "FAILED")
        };
        let _ = writeln!(
            out,
            "Gate (--require {}) {status}: {} of {assessed} assessment{} fail{} it",
            require_word(require),
            t.gate_failed,
            plural(assessed),
            if t.gate_failed == 1 { "s" } else { "" },
        );
    }
    out
}

fn rows(p: &Portfolio, style: &Style) -> Table {
    let width = style.width.unwrap_or(120);
    let gated = p.require.is_some();
    let narrow = layout::is_narrow(width, gated);
    let widths = if narrow {
        layout::narrow(width).to_vec()
    } else {
        layout::wide(width, gated)
    };
    let name_width = usize::from(widths[0].saturating_sub(2));
    let mut header = vec!["Organisation / project / file"];
    if narrow {
        header.extend(["Go-live", "Verdict", "Figures"]);
    } else {
        header.extend(figure_columns(gated));
    }
    let mut t = new_table(style, &header);
    for row in &p.rows {
        if let Row::Assessed(a) = row {
            let mut cells = if narrow {
                stacked(a)
            } else {
                assessed(a, gated)
            };
            cells[0] = name_cell(a, name_width);
            t.add_row(cells);
        }
    }
    for (i, w) in widths.iter().enumerate() {
        if let Some(c) = t.column_mut(i) {
            c.set_constraint(ColumnConstraint::Absolute(Width::Fixed(*w)));
            if !narrow && (3..7).contains(&i) {
                c.set_cell_alignment(CellAlignment::Right);
            }
        }
    }
    t
}

/// Organisation, project and the file, the path broken after a `/` rather than inside a name.
fn name_cell(a: &Assessed, width: usize) -> Cell {
    Cell::new(format!(
        "{}\n{}\n{}{}",
        a.organisation,
        a.project,
        layout::path_lines(&a.file, width),
        a.time_notes()
            .iter()
            .map(|n| format!("\n{n}"))
            .collect::<String>()
    ))
}

/// A narrow terminal's row: the figures stacked in one column.
fn stacked(a: &Assessed) -> Vec<Cell> {
    let mut figures = format!(
        "score {:.1}\n{:.1}% complete\n{} blocker{}\n{} overdue",
        a.score,
        a.completeness,
        a.blockers,
        plural(a.blockers),
        a.overdue
    );
    if let Some(w) = &a.weakest {
        let _ = write!(figures, "\nweakest: {} {:.1}", w.title, w.score);
    }
    if let Some(g) = &a.gate {
        figures.push_str(if g.passed {
            "\ngate: pass"
        } else {
            "\ngate: FAIL"
        });
    }
    let mut cells = assessed(a, false);
    cells.truncate(3);
    cells.push(Cell::new(figures));
    cells
}

fn assessed(a: &Assessed, gated: bool) -> Vec<Cell> {
    let mut cells = vec![
        Cell::new(format!(
            "{}\n{}\n{}{}",
            a.organisation,
            a.project,
            a.file,
            a.time_notes()
                .iter()
                .map(|n| format!("\n{n}"))
                .collect::<String>()
        )),
        Cell::new(format!(
            "{}\n{}",
            crate::report::phrases::go_live_text(a.go_live),
            days_phrase(a.days_left)
        )),
        Cell::new(a.verdict.label()).fg(verdict_color(a.verdict)),
        Cell::new(format!("{:.1}", a.score)),
        Cell::new(format!("{:.1}%", a.completeness)),
        Cell::new(a.blockers).fg(if a.blockers > 0 {
            Color::Red
        } else {
            Color::Reset
        }),
        Cell::new(a.overdue).fg(if a.overdue > 0 {
            Color::Yellow
        } else {
            Color::Reset
        }),
        Cell::new(
            a.weakest
                .as_ref()
                .map_or_else(|| "-".to_owned(), |w| format!("{} {:.1}", w.title, w.score)),
        ),
    ];
    if gated {
        cells.push(match &a.gate {
            Some(g) if !g.passed => Cell::new("FAIL").fg(Color::Red),
            _ => Cell::new("pass").fg(Color::Green),
        });
    }
    cells
}

/// "3 assessments: 1 GO, 1 GO WITH CONDITIONS, 1 NO-GO; 1 invalid file"
pub(crate) fn totals_line(t: &Totals) -> String {
    let assessed = t.go + t.conditional + t.no_go;
    let mut line = format!(
        "{assessed} assessment{}: {} GO, {} GO WITH CONDITIONS, {} NO-GO",
        plural(assessed),
        t.go,
        t.conditional,
        t.no_go
    );
    if t.invalid > 0 {
        let _ = write!(line, "; {} invalid file{}", t.invalid, plural(t.invalid));
    }
    line
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
