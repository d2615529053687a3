//! The portfolio as a terminal table, worst first by default, with the totals under it.

use std::fmt::Write;

use comfy_table::{Cell, CellAlignment, Color, ColumnConstraint, Table, Width};

use crate::report::phrases::days_phrase;
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
    let mut header = vec!["Organisation / project / file"];
    header.extend(figure_columns(p.require.is_some()));
    let mut t = new_table(style, &header);
    for row in &p.rows {
        if let Row::Assessed(a) = row {
            t.add_row(assessed(a, p.require.is_some()));
        }
    }
    for column in 3..7 {
        if let Some(c) = t.column_mut(column) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    // Names and paths are what people scan for: they get the room, and the priority's title wraps.
    if let Some(c) = t.column_mut(0) {
        c.set_constraint(ColumnConstraint::LowerBoundary(Width::Percentage(
            NAME_SHARE,
        )));
    }
    // A date cut in two reads as two numbers.
    if let Some(c) = t.column_mut(1) {
        c.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(DATE_WIDTH)));
    }
    if let Some(c) = t.column_mut(7) {
        c.set_constraint(ColumnConstraint::Boundaries {
            lower: Width::Fixed(WEAKEST_MIN),
            upper: Width::Fixed(WEAKEST_MAX),
        });
    }
    t
}

// Column widths count the padding on both sides.
/// A quarter of the table. comfy-table fixes a column at its lower bound whenever the even share
/// is smaller, so a fixed bound would also be all the column ever gets; a share grows with the
/// terminal. At 120 columns a typical `clients/name/answers.yaml` fits on one line.
const NAME_SHARE: u16 = 25;
/// A date and "in 123 days".
const DATE_WIDTH: u16 = 13;
/// The longest word of a built-in priority's title ("documentation", "communication"), so that
/// no word is cut; and no more than a short title with its score needs.
const WEAKEST_MIN: u16 = 15;
const WEAKEST_MAX: u16 = 26;

fn assessed(a: &Assessed, gated: bool) -> Vec<Cell> {
    let mut cells = vec![
        Cell::new(format!("{}\n{}\n{}", a.organisation, a.project, a.file)),
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
