//! The portfolio as CSV for a spreadsheet: a header, then one line per row, RFC 4180 quoting.
//!
//! Organisation and project names come from answers files that anyone may have written, and a
//! spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula. Such text cells get
//! a leading `'`, which spreadsheets show as plain text. Numbers are left as they are, so that a
//! negative `days_left` stays a number.

use std::fmt::Write;

use crate::report::portfolio::{Portfolio, Row};

const HEADER: [&str; 17] = [
    "file",
    "organisation",
    "project",
    "go_live",
    "days_left",
    "verdict",
    "score",
    "completeness",
    "blockers",
    "weakest_priority",
    "weakest_priority_score",
    "overdue",
    "gate",
    "error",
    // Added after the first release's columns, so that existing positions stay.
    "assessed_on",
    "out_of_date_days",
    "expired_waivers",
];

/// A cell: text typed by people is guarded against formulas, numbers written by us are not.
enum Field<'a> {
    Text(&'a str),
    Number(String),
}

pub fn render(p: &Portfolio) -> String {
    let mut out = String::new();
    line(&mut out, HEADER.map(Field::Text));
    for row in &p.rows {
        line(&mut out, fields(row));
    }
    out
}

fn fields(row: &Row) -> [Field<'_>; 17] {
    use Field::{Number, Text};
    match row {
        Row::Invalid(i) => {
            let mut cells: [Field<'_>; 17] = std::array::from_fn(|_| Text(""));
            cells[0] = Text(&i.file);
            cells[13] = Text(&i.error);
            cells
        }
        Row::Assessed(a) => [
            Text(&a.file),
            Text(&a.organisation),
            Text(&a.project),
            Number(a.go_live.map(|d| d.to_string()).unwrap_or_default()),
            Number(a.days_left.map(|d| d.to_string()).unwrap_or_default()),
            Text(a.verdict.as_str()),
            Number(format!("{:.1}", a.score)),
            Number(format!("{:.1}", a.completeness)),
            Number(a.blockers.to_string()),
            Text(a.weakest.as_ref().map_or("", |w| w.id.as_str())),
            Number(
                a.weakest
                    .as_ref()
                    .map_or_else(String::new, |w| format!("{:.1}", w.score)),
            ),
            Number(a.overdue.to_string()),
            Text(match &a.gate {
                None => "",
                Some(g) if g.passed => "pass",
                Some(_) => "fail",
            }),
            Text(""),
            Number(a.assessed_on.map(|d| d.to_string()).unwrap_or_default()),
            Number(a.out_of_date.map(|d| d.to_string()).unwrap_or_default()),
            Number(a.expired_waivers.to_string()),
        ],
    }
}

fn line<'a>(out: &mut String, fields: impl IntoIterator<Item = Field<'a>>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match field {
            Field::Text(text) => quote(out, &defuse(text)),
            Field::Number(n) => quote(out, &n),
        }
    }
    out.push('\n');
}

/// A leading `'` on text a spreadsheet would otherwise evaluate.
fn defuse(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled.
fn quote(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        let _ = write!(out, "\"{}\"", field.replace('"', "\"\""));
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str) -> String {
        let mut out = String::new();
        line(&mut out, [Field::Text(text)]);
        out.trim_end_matches('\n').to_owned()
    }

    #[test]
    fn text_that_a_spreadsheet_would_run_is_defused() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-2+3"), "'-2+3");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\rx"), "\"'\rx\"");
        assert_eq!(cell("Acme = Co"), "Acme = Co");
    }

    #[test]
    fn numbers_are_left_alone() {
        let mut out = String::new();
        line(&mut out, [Field::Number("-3".into()), Field::Text("-3")]);
        assert_eq!(out, "-3,'-3\n");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell("plain"), "plain");
    }
}
