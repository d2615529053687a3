//! Prose wrapped at word boundaries to a terminal's width: the interview, `explain`, and any text a
//! terminal shows. A word is never split; a word longer than a line stands alone.

/// Greedy word wrap: each line holds as many whole words as fit in `width - 1` columns (the last
/// column is left free, where some terminals wrap on their own). Help paragraphs are reflowed (see
/// `paragraphs`); a word longer than a line stands alone on its line. Widths are measured without
/// colour codes, and the spaces between words are kept as written except where a line breaks.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    paragraphs(text)
        .iter()
        .flat_map(|p| wrap_one(p, width, ""))
        .collect()
}

/// Each line of `text` wrapped on its own (no two lines are joined): for output whose line breaks
/// carry meaning, such as a list or a summary. An indented line continues two columns further in,
/// so that a wrapped list item reads as one.
pub fn wrap_lines(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let hang = hanging_indent(line);
        for piece in wrap_one(line, width, &hang) {
            out.push_str(&piece);
            out.push('\n');
        }
    }
    out
}

/// Where a wrapped line continues, past its indent: under the text of a list item ("1. ", "- "),
/// two columns in for any other indented line, and flush for a line that is not indented.
fn hanging_indent(line: &str) -> String {
    let body = line.trim_start_matches(' ');
    if body.len() == line.len() {
        return String::new();
    }
    let marker = body.split_once(' ').map_or(0, |(first, _)| {
        let numbered =
            first.ends_with('.') && first[..first.len() - 1].chars().all(|c| c.is_ascii_digit());
        if first == "-" || (numbered && first.len() > 1) {
            first.len() + 1
        } else {
            0
        }
    });
    " ".repeat(if marker > 0 { marker } else { 2 })
}

/// One line in lines that fit; the lines it wraps onto start with its indent and then `hang`.
fn wrap_one(line: &str, width: usize, hang: &str) -> Vec<String> {
    let limit = width.saturating_sub(1).max(1);
    let body = line.trim_start_matches(' ');
    let indent = &line[..line.len() - body.len()];
    let mut out = Vec::new();
    let mut current = indent.to_owned();
    let mut first = true;
    for (gap, word) in words(body) {
        let fits = console::measure_text_width(&current)
            + console::measure_text_width(gap)
            + console::measure_text_width(word)
            <= limit;
        if first || fits {
            if !first {
                current.push_str(gap);
            }
            current.push_str(word);
            first = false;
        } else {
            out.push(std::mem::replace(
                &mut current,
                format!("{indent}{hang}{word}"),
            ));
        }
    }
    out.push(current);
    out
}

/// The words of a line, each with the run of spaces before it.
fn words(text: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let word_at = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        let (gap, after) = rest.split_at(word_at);
        if after.is_empty() {
            break;
        }
        let word_end = after.find(char::is_whitespace).unwrap_or(after.len());
        let (word, next) = after.split_at(word_end);
        out.push((gap, word));
        rest = next;
    }
    out
}

/// Lines joined into paragraphs: help texts are broken by hand for a wide editor, so a line break
/// inside a paragraph is a space here. A blank line, or a line that starts a list item (`1. `, `- `),
/// starts a new paragraph.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for line in text.split('\n') {
        let item = line.trim_start();
        let starts_item = item.starts_with("- ")
            || item
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        match out.last_mut() {
            Some(last) if open && !item.is_empty() && !starts_item => {
                last.push(' ');
                last.push_str(item);
            }
            _ => out.push(line.to_owned()),
        }
        open = !item.is_empty();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{wrap, wrap_lines};

    #[test]
    fn words_are_never_split_and_lines_fit() {
        let text = "How people and administrators sign in, how well those sign-ins are protected, and whether";
        let lines = wrap(text, 30);
        assert!(lines.iter().all(|l| l.chars().count() <= 29), "{lines:?}");
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn lines_wrap_one_by_one_and_keep_their_indent() {
        let text = "Next:\n  migready report answers.yaml --format html -o readiness.html\n\nEnd";
        assert_eq!(
            wrap_lines(text, 40),
            "Next:\n  migready report answers.yaml --format\n    html -o readiness.html\n\nEnd\n"
        );
        // A list item continues under its text.
        assert_eq!(
            wrap_lines(
                "  4. escalation.rollback_plan (medium) No rehearsed plan",
                40
            ),
            "  4. escalation.rollback_plan (medium)\n     No rehearsed plan\n"
        );
        // Columns lined up with spaces stay lined up.
        assert_eq!(
            wrap_lines("  Identity      50.6  below the floor", 80),
            "  Identity      50.6  below the floor\n"
        );
    }

    #[test]
    fn paragraphs_reflow_and_list_items_and_indents_are_kept() {
        assert_eq!(wrap("one\ntwo", 80), ["one two"]);
        assert_eq!(wrap("one\n\n  two three", 80), ["one", "", "  two three"]);
        assert_eq!(
            wrap("Steps:\n1. first\n2. second", 80),
            ["Steps:", "1. first", "2. second"]
        );
    }
}
