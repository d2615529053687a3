//! How wide each column of the portfolio table is at a given width, and file paths broken where a
//! reader expects it: after a `/`, or after a `-` inside a name too long for the column.
//!
//! comfy-table splits a word that does not fit wherever the column ends ("examples/summit-accountin"
//! / "g/answers.yaml"), and below about 105 columns (112 with a gate column) the columns cannot all fit. So the widths are
//! decided here, and a narrow terminal gets four columns, the figures stacked in one.

/// Widths (padding included) of go-live, verdict, score, completeness, blockers and overdue. The
/// verdict takes two lines ("GO WITH" / "CONDITIONS") unless the names have room to spare.
const FIGURES: [u16; 6] = [13, 12, 7, 10, 10, 9];
/// "GO WITH CONDITIONS" on one line, and the name column wide enough to give that up.
const VERDICT_WIDE: u16 = 20;
const NAME_ROOMY: u16 = 48;
/// "FAIL" or "pass" under "Gate".
const GATE: u16 = 6;
/// The weakest priority's longest title word ("documentation"), and no more than a short title needs.
const WEAKEST: (u16, u16) = (15, 26);
/// A name column narrower than this reads as a list of fragments.
const NAME_MIN: u16 = 16;

/// Whether the full table would leave the names less than 20 columns: then the figures share one.
pub fn is_narrow(width: u16, gated: bool) -> bool {
    let columns = wide(width, gated);
    let borders = columns.len() as u16 + 1;
    columns[0] < 20 || columns.iter().sum::<u16>() + borders > width
}

/// Every column of the full table, left to right: the name, the figures, the weakest priority and,
/// with a gate, its result. The name takes what the figures leave.
pub fn wide(width: u16, gated: bool) -> Vec<u16> {
    let columns = FIGURES.len() as u16 + 2 + u16::from(gated);
    let fixed: u16 = FIGURES.iter().sum::<u16>() + if gated { GATE } else { 0 };
    let rest = width.saturating_sub(columns + 1 + fixed);
    let weakest = (rest * 35 / 100).clamp(WEAKEST.0, WEAKEST.1);
    let mut name = rest.saturating_sub(weakest).max(NAME_MIN);
    let mut figures = FIGURES;
    if name >= NAME_ROOMY {
        figures[1] = VERDICT_WIDE;
        name -= VERDICT_WIDE - FIGURES[1];
    }
    let mut widths = vec![name];
    widths.extend(figures);
    widths.push(weakest);
    if gated {
        widths.push(GATE);
    }
    widths
}

/// The four columns of a narrow terminal: name, go-live, verdict ("GO WITH" / "CONDITIONS"), and
/// the figures stacked.
pub fn narrow(width: u16) -> [u16; 4] {
    let (go_live, verdict) = (13, 12);
    let rest = width.saturating_sub(5 + go_live + verdict);
    let figures = (rest * 40 / 100).clamp(18, 30);
    [
        rest.saturating_sub(figures).max(NAME_MIN),
        go_live,
        verdict,
        figures,
    ]
}

/// A path in lines of at most `width` characters, broken after a `/`; a name longer than a line is
/// broken after a `-`, and only a part with neither is cut where the line ends.
pub fn path_lines(path: &str, width: usize) -> String {
    let width = width.max(1);
    let mut pieces = Vec::new();
    for segment in split_after(path, '/') {
        if segment.chars().count() <= width {
            pieces.push(segment);
            continue;
        }
        for part in split_after(segment, '-') {
            pieces.extend(chunks(part, width));
        }
    }
    let mut lines: Vec<String> = Vec::new();
    for piece in pieces {
        match lines.last_mut() {
            Some(line) if line.chars().count() + piece.chars().count() <= width => {
                line.push_str(piece);
            }
            _ => lines.push(piece.to_owned()),
        }
    }
    lines.join("\n")
}

/// `text` cut after each `sep`, each piece keeping it.
fn split_after(text: &str, sep: char) -> Vec<&str> {
    text.split_inclusive(sep).collect()
}

/// `text` in pieces of at most `width` characters.
fn chunks(text: &str, width: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while rest.chars().count() > width {
        let cut = rest
            .char_indices()
            .nth(width)
            .map_or(rest.len(), |(i, _)| i);
        out.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_break_after_a_slash_and_long_names_after_a_dash() {
        assert_eq!(
            path_lines("examples/harbor-logistics/answers.yaml", 25),
            "examples/\nharbor-logistics/\nanswers.yaml"
        );
        assert_eq!(
            path_lines("examples/lakeside-dental/answers.yaml", 25),
            "examples/lakeside-dental/\nanswers.yaml"
        );
        assert_eq!(path_lines("a/b.yaml", 40), "a/b.yaml");
        assert_eq!(path_lines("abcdefghij", 4), "abcd\nefgh\nij");
        assert_eq!(
            path_lines("clients/north-west-dental-group/answers.yaml", 16),
            "clients/north-\nwest-dental-\ngroup/\nanswers.yaml"
        );
    }

    #[test]
    fn the_columns_fill_the_width_exactly() {
        for (width, gated) in [(120, false), (160, true), (120, true)] {
            assert!(!is_narrow(width, gated));
            let w = wide(width, gated);
            let borders = w.len() as u16 + 1;
            assert_eq!(w.iter().sum::<u16>() + borders, width, "{w:?}");
        }
        assert!(is_narrow(80, false) && is_narrow(104, false) && !is_narrow(105, false));
        assert!(is_narrow(111, true) && !is_narrow(112, true));
        let n = narrow(80);
        assert_eq!(n.iter().sum::<u16>() + 5, 80, "{n:?}");
        assert!(wide(120, true)[0] >= 27, "{:?}", wide(120, true));
        assert_eq!(wide(160, false)[2], 20, "GO WITH CONDITIONS on one line");
    }
}
