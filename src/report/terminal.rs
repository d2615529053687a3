//! What every terminal table shares: the drawing style, the table frame and the colours.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, Color, ContentArrangement, Table};

use crate::engine::Verdict;

/// How to draw: colour only on a terminal and never with `NO_COLOR`; width from the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub color: bool,
    pub width: Option<u16>,
}

pub fn new_table(style: &Style, header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().map(Cell::new));
    match style.width {
        Some(w) => {
            t.set_width(w);
        }
        None => {
            t.set_width(120);
        }
    }
    if style.color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t
}

pub fn verdict_color(v: Verdict) -> Color {
    match v {
        Verdict::Go => Color::Green,
        Verdict::Conditional => Color::Yellow,
        Verdict::NoGo => Color::Red,
    }
}

/// Bold and coloured text outside tables, or the text itself when colour is off.
pub fn paint(style: &Style, color: Color, text: &str) -> String {
    if !style.color {
        return text.to_owned();
    }
    let code = match color {
        Color::Red => 31,
        Color::Green => 32,
        Color::Yellow => 33,
        _ => 39,
    };
    format!("\x1b[1;{code}m{text}\x1b[0m")
}
