//! Maps a byte offset inside a condition back to the line and column in the YAML file.
//!
//! Conditions are YAML scalars: plain, quoted or block (`|`, `>`). An error at the 17th character
//! of a condition should point at that character in the editor, not at the start of the value.

use crate::diag::Pos;

/// The file position of byte `offset` of `expr`, the value of the scalar that starts at `scalar`.
pub fn locate(file_text: &str, scalar: Pos, expr: &str, offset: usize) -> Pos {
    let target = chars_before(expr, offset);
    let mut lines = file_text.lines().enumerate().skip(line_index(scalar));
    let Some((first_index, first_line)) = lines.next() else {
        return scalar;
    };
    let start_col = usize::try_from(scalar.column)
        .unwrap_or(1)
        .saturating_sub(1);
    let opener = first_line.chars().nth(start_col);
    let mut segments: Vec<(usize, usize, usize)> = Vec::new(); // (line index, first column, length)
    match opener {
        Some('|' | '>') => {}
        Some('"' | '\'') => {
            let len = first_line.chars().count().saturating_sub(start_col + 1);
            segments.push((first_index, start_col + 1, len));
        }
        _ => {
            let len = first_line.chars().count().saturating_sub(start_col);
            segments.push((first_index, start_col, len));
        }
    }
    for (index, line) in lines {
        let indent = line.chars().take_while(|c| *c == ' ').count();
        segments.push((index, indent, line.chars().count().saturating_sub(indent)));
        if segments.len() > 64 {
            break;
        }
    }
    let mut remaining = target;
    for (index, first_col, len) in segments {
        if len == 0 {
            continue;
        }
        if remaining <= len {
            return Pos::new(to_u32(index + 1), to_u32(first_col + remaining + 1));
        }
        remaining -= len + 1;
    }
    scalar
}

fn chars_before(s: &str, offset: usize) -> usize {
    s.char_indices().take_while(|(i, _)| *i < offset).count()
}

fn line_index(pos: Pos) -> usize {
    usize::try_from(pos.line).unwrap_or(1).saturating_sub(1)
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_scalar_on_one_line() {
        let text = "    when: a.b == \"x\" and c.d\n";
        // `c.d` starts at byte 15 of the expression, which starts at column 11.
        assert_eq!(
            locate(text, Pos::new(1, 11), "a.b == \"x\" and c.d", 15),
            Pos::new(1, 26)
        );
    }

    #[test]
    fn quoted_scalar_skips_the_quote() {
        let text = "when: 'a.b and c'\n";
        assert_eq!(
            locate(text, Pos::new(1, 7), "a.b and c", 8),
            Pos::new(1, 16)
        );
    }

    #[test]
    fn block_scalar_continues_on_later_lines() {
        let text = "when: >\n  a.b and\n  c.d\n";
        assert_eq!(
            locate(text, Pos::new(1, 7), "a.b and c.d", 8),
            Pos::new(3, 3)
        );
    }
}
