//! Making text from answers and checklists safe to show: it can never open a link, start a tag or
//! break a table, in markdown, HTML or XML. One escaper per target language.
//!
//! Notes, owners, evidence and organisation names are typed by people and copied from anywhere, so
//! every renderer passes them through here; only the renderer's own markup is left unescaped.

/// Markdown for running text (paragraphs, list items, headings after their marker).
pub fn md(s: &str) -> String {
    md_escape(s, false)
}

/// Markdown for a table cell: like [`md`], and `|` can never end the cell, even inside code.
pub fn md_cell(s: &str) -> String {
    md_escape(s, true)
}

/// An identifier (a question or rule id) as inline code.
pub fn md_code(s: &str) -> String {
    code_span(&clean(s), false)
}

/// Text for HTML element content: the five special characters are escaped and characters that
/// XML does not allow are dropped, so the page always parses.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean_chars(s) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An identifier as inline code inside a table cell: `|` can never end the cell.
pub fn md_cell_code(s: &str) -> String {
    code_span(&clean(s), true)
}

/// Escapes text for an XML attribute, where a literal line break would be read as a space.
pub fn xml_attr(s: &str) -> String {
    escape_xml(s, true)
}

/// Escapes element content, keeping line breaks as they are, for a readable CI log.
pub fn xml_text(s: &str) -> String {
    escape_xml(s, false)
}

/// XML for JUnit: the five entities; characters XML 1.0 forbids become U+FFFD, so the file
/// always parses, and no text is dropped from a CI log.
fn escape_xml(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' if !attribute => out.push('\n'),
            '\n' | '\t' | '\r' => out.push_str(&format!("&#{};", u32::from(c))),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A label inside a mermaid chart: only letters, digits and plain punctuation survive.
pub fn mermaid_label(s: &str) -> String {
    let kept: String = clean_chars(s)
        .map(|c| {
            if c.is_alphanumeric() || " -,./()".contains(c) {
                c
            } else {
                ' '
            }
        })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn md_escape(s: &str, table: bool) -> String {
    if is_plain(s) {
        return s.to_owned();
    }
    escape_words(s, table)
}

/// Text that escaping leaves as it is: single spaces between words, and no character that markup,
/// a link or cleaning would touch. Most titles, risks and notes are such text, and a report
/// escapes thousands of them.
fn is_plain(s: &str) -> bool {
    !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && s.chars().all(|c| {
            c == ' '
                || !(c.is_control()
                    || c.is_whitespace()
                    || matches!(
                        c,
                        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '#' | '~' | '|' | '&' | '@'
                            | '\u{202A}'..='\u{202E}'
                            | '\u{2066}'..='\u{2069}'
                            | '\u{FFFE}'
                            | '\u{FFFF}'
                    ))
        })
        && !{
            let lower = s.to_ascii_lowercase();
            lower.contains("://") || lower.contains("www.") || lower.contains("mailto:")
        }
}

fn escape_words(s: &str, table: bool) -> String {
    let words: Vec<String> = clean(s)
        .split(' ')
        .map(|word| {
            if looks_like_link(word) {
                code_span(word, table)
            } else {
                md_word(word)
            }
        })
        .collect();
    words.join(" ")
}

/// Escapes the characters that could start emphasis, code, links, images, tags or break a table;
/// `|` is escaped everywhere, which a table needs and running text tolerates. `>` is left alone:
/// it only means something at the start of a line, and escaped text never starts one.
fn md_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 4);
    for (i, c) in word.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '#' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '&' if is_entity(&word[i + 1..]) => out.push_str("\\&"),
            c => out.push(c),
        }
    }
    out
}

/// `&amp;`, `&#60;`, `&#x3c;`: what a markdown renderer would turn into a character.
fn is_entity(rest: &str) -> bool {
    let body = rest.strip_prefix('#').unwrap_or(rest);
    let name: String = body
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    !name.is_empty() && body[name.len()..].starts_with(';')
}

/// Words that a markdown renderer would turn into a link on its own (URLs, `www.` names, e-mail
/// addresses); shown as code, they stay plain text.
fn looks_like_link(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    lower.contains("://")
        || lower.contains("www.")
        || lower.starts_with("mailto:")
        || lower
            .split_once('@')
            .is_some_and(|(_, domain)| domain.contains('.'))
}

/// Inline code that holds `text` verbatim: the fence is longer than any run of backticks inside.
fn code_span(text: &str, table: bool) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let body = if table {
        text.replace('|', "\\|")
    } else {
        text.to_owned()
    };
    let pad = if body.starts_with('`') || body.ends_with('`') || body.starts_with(' ') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{body}{pad}{fence}")
}

/// One line of text: whitespace runs (newlines included) become one space, controls are dropped.
fn clean(s: &str) -> String {
    let text: String = clean_chars(s).collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Drops control characters (tabs and newlines become spaces) and the bidirectional overrides
/// that could make text read differently from what it is.
fn clean_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter_map(|c| match c {
        '\t' | '\n' | '\r' => Some(' '),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FFFE}' | '\u{FFFF}' => None,
        c if c.is_control() => None,
        c => Some(c),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_returned_as_the_full_escaper_would_write_it() {
        // Every string of up to three symbols from an alphabet of the characters that matter.
        let alphabet = [
            "a", " ", "  ", "\t", "*", "_", "&", "amp;", "@", "x.y", "://", "www.", "mailto:", "|",
            "\u{202E}", "\u{a0}", "é", "`", "#", "\n", ".",
        ];
        let mut texts = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| alphabet.iter().map(move |a| format!("{t}{a}")))
                .collect();
            texts.extend(longer);
        }
        for t in &texts {
            for table in [false, true] {
                assert_eq!(md_escape(t, table), escape_words(t, table), "{t:?}");
            }
        }
    }

    #[test]
    fn markdown_keeps_plain_text_readable() {
        assert_eq!(md("Tom Becker, COO"), "Tom Becker, COO");
        assert_eq!(md("R&D (north)"), "R&D (north)");
    }

    #[test]
    fn markdown_neutralises_links_tags_and_cells() {
        assert_eq!(
            md("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(md("<img src=x>"), "\\<img src=x>");
        assert_eq!(md_cell("a|b\nc"), "a\\|b c");
        assert_eq!(
            md("see https://evil.example/x"),
            "see `https://evil.example/x`"
        );
        assert_eq!(md_cell("http://a|b"), "`http://a\\|b`");
        assert_eq!(md("&lt;"), "\\&lt;");
        assert_eq!(md("a``b://c"), "```a``b://c```");
    }

    #[test]
    fn html_escapes_all_five_and_drops_what_xml_refuses() {
        assert_eq!(
            html("<a href=\"x\">'&'</a>\u{1}\u{202E}"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn mermaid_labels_keep_only_plain_characters() {
        assert_eq!(
            mermaid_label("Post-go-live \"support\"]"),
            "Post-go-live support"
        );
    }

    #[test]
    fn xml_escapes_markup_and_control_characters() {
        assert_eq!(
            xml_attr("a<b>&\"c'\u{1}"),
            "a&lt;b&gt;&amp;&quot;c&apos;\u{FFFD}"
        );
        assert_eq!(xml_attr("x\ny"), "x&#10;y");
        assert_eq!(xml_text("x\ny"), "x\ny");
    }
}
