//! Writes an `Answers` value as an answers file: deterministic, in checklist order, short form where it can.
//!
//! The same value always gives the same bytes, so a saved file diffs cleanly in the project repository.
//! Text is quoted whenever a YAML reader could take it for something else (a number, a boolean, a comment).

use std::fmt::Write as _;

use crate::model::{AnswerEntry, AnswerValue, Answers, Catalog, TenantEvidence};
use crate::schema::ANSWERS_SCHEMA_COMMENT;

/// The whole file, starting with the schema comment.
pub fn to_yaml(answers: &Answers, catalog: &Catalog) -> String {
    let mut out = String::with_capacity(8 * 1024);
    out.push_str(ANSWERS_SCHEMA_COMMENT);
    out.push_str("\n\n");
    write_meta(&mut out, answers);
    write_answers(&mut out, answers, catalog);
    write_waivers(&mut out, answers, catalog);
    out
}

fn write_meta(out: &mut String, answers: &Answers) {
    let m = &answers.meta;
    out.push_str("meta:\n");
    field(out, 2, "organisation", &scalar(&m.organisation));
    field(out, 2, "project", &scalar(&m.project));
    if let Some(go_live) = m.go_live {
        field(out, 2, "go_live", &go_live.to_string());
    }
    if let Some(by) = &m.assessed_by {
        field(out, 2, "assessed_by", &scalar(by));
    }
    if let Some(on) = m.assessed_on {
        field(out, 2, "assessed_on", &on.to_string());
    }
    if let Some(tenant) = &m.tenant_id {
        field(out, 2, "tenant_id", &scalar(tenant));
    }
}

fn write_answers(out: &mut String, answers: &Answers, catalog: &Catalog) {
    let mut entries = answers.by_question.iter().flatten().peekable();
    if entries.peek().is_none() {
        out.push_str("\nanswers: {}\n");
        return;
    }
    out.push_str("\nanswers:\n");
    let mut area = None;
    for entry in entries {
        let Some(question) = catalog.questions.get(entry.question) else {
            continue;
        };
        // A comment per checklist, so that a reader finds an area at a glance.
        if area != Some(question.checklist) {
            area = Some(question.checklist);
            if let Some(c) = catalog.checklists.get(question.checklist) {
                let _ = writeln!(out, "  # {}", one_line(&c.id));
            }
        }
        write_entry(out, &question.id, entry);
    }
}

fn write_entry(out: &mut String, id: &str, entry: &AnswerEntry) {
    let value = value_text(&entry.value);
    let key = scalar(id);
    let extras = [
        ("owner", entry.owner.as_deref().map(scalar)),
        ("due", entry.due.map(|d| d.to_string())),
        (
            "evidence",
            entry.evidence.as_deref().map(|e| block_or_scalar(e, 6)),
        ),
        ("note", entry.note.as_deref().map(|n| block_or_scalar(n, 6))),
    ];
    if extras.iter().all(|(_, v)| v.is_none()) && entry.tenant_evidence.is_empty() {
        field(out, 2, &key, &value);
        return;
    }
    let _ = writeln!(out, "  {key}:");
    field(out, 4, "value", &value);
    for (name, text) in extras {
        if let Some(text) = text {
            field(out, 4, name, &text);
        }
    }
    write_tenant_evidence(out, &entry.tenant_evidence);
}

/// The tool results behind an answer, one mapping per result, in the order they were imported.
fn write_tenant_evidence(out: &mut String, items: &[TenantEvidence]) {
    if items.is_empty() {
        return;
    }
    out.push_str("    tenant_evidence:\n");
    for e in items {
        let _ = writeln!(out, "      - tool: {}", e.tool);
        field(out, 8, "version", &scalar(&e.version));
        field(out, 8, "id", &scalar(&e.id));
        field(out, 8, "result", e.result.as_str());
        field(out, 8, "run", &scalar(&e.run));
        if let Some(tenant) = &e.tenant {
            field(out, 8, "tenant", &scalar(tenant));
        }
    }
}

fn write_waivers(out: &mut String, answers: &Answers, catalog: &Catalog) {
    if answers.waivers.is_empty() {
        return;
    }
    out.push_str("\nwaivers:\n");
    for w in &answers.waivers {
        let rule = catalog.rules.get(w.rule).map_or("", |r| r.id.as_str());
        let _ = writeln!(out, "  - rule: {}", scalar(rule));
        field(out, 4, "reason", &block_or_scalar(&w.reason, 6));
        field(out, 4, "approved_by", &scalar(&w.approved_by));
        field(out, 4, "expires", &w.expires.to_string());
    }
}

/// `key: text`, where a block scalar's text already starts with its indicator line.
fn field(out: &mut String, indent: usize, key: &str, text: &str) {
    let _ = writeln!(out, "{:indent$}{key}: {text}", "");
}

/// An answer's value as the file writes it: bare words for yes/no, lists in flow style.
pub fn value_text(value: &AnswerValue) -> String {
    match value {
        AnswerValue::NotApplicable => "n/a".into(),
        AnswerValue::Unknown => "unknown".into(),
        AnswerValue::Yes => "yes".into(),
        AnswerValue::No => "no".into(),
        AnswerValue::Partial => "partial".into(),
        AnswerValue::Choice(s) => scalar(s),
        AnswerValue::Multi(items) => {
            let items: Vec<String> = items.iter().map(|s| flow_scalar(s)).collect();
            format!("[{}]", items.join(", "))
        }
        AnswerValue::Number(n) => number(*n),
        AnswerValue::Date(d) => d.to_string(),
        AnswerValue::Text(s) => scalar(s),
    }
}

/// Whole numbers without a decimal point; others in the shortest form that reads back the same.
pub fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A string as a YAML scalar: plain when that reads back as the same string, else double-quoted.
pub fn scalar(s: &str) -> String {
    if plain_is_safe(s) {
        s.to_owned()
    } else {
        quoted(s)
    }
}

/// Inside `[...]`, where commas and brackets end a plain scalar.
fn flow_scalar(s: &str) -> String {
    if plain_is_safe(s) && !s.contains([',', '[', ']', '{', '}']) {
        s.to_owned()
    } else {
        quoted(s)
    }
}

/// Multi-line text as a literal block (`|-`) when that is exact, so notes stay readable; else a scalar.
fn block_or_scalar(s: &str, indent: usize) -> String {
    let block_is_exact = s.contains('\n')
        && !s.ends_with('\n')
        && !s.starts_with([' ', '\n'])
        && s.chars().all(|c| c == '\n' || !needs_escape(c))
        && s.lines().all(|l| !l.ends_with(' ') && !l.starts_with('\t'));
    if !block_is_exact {
        return folded(s, indent).unwrap_or_else(|| scalar(s));
    }
    let mut out = String::from("|-");
    for line in s.split('\n') {
        out.push('\n');
        if !line.is_empty() {
            let _ = write!(out, "{:indent$}{line}", "");
        }
    }
    out
}

/// Long one-line text as a folded block (`>-`), wrapped at spaces, when that reads back exactly:
/// single spaces only, nothing to escape, no space at either end.
fn folded(s: &str, indent: usize) -> Option<String> {
    const WIDTH: usize = 110;
    let foldable = s.chars().count() > WIDTH - indent
        && !s.contains("  ")
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && s.chars()
            .all(|c| c == ' ' || !(needs_escape(c) || c == '\n' || c == '\t'));
    if !foldable {
        return None;
    }
    let mut out = String::from(">-");
    let mut line_len = WIDTH;
    for word in s.split(' ') {
        let len = word.chars().count();
        if line_len + 1 + len > WIDTH {
            let _ = write!(out, "\n{:indent$}{word}", "");
            line_len = indent + len;
        } else {
            let _ = write!(out, " {word}");
            line_len += 1 + len;
        }
    }
    Some(out)
}

/// Words that some YAML readers take as booleans or null, whatever the case.
const RESERVED: &[&str] = &[
    "true", "false", "yes", "no", "y", "n", "on", "off", "null", "~",
];

fn plain_is_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let indicator = "-?:,[]{}#&*!|>'\"%@`";
    !(indicator.contains(first)
        || first.is_ascii_digit()
        || first == '+'
        || first == '.'
        || first.is_whitespace()
        || s.ends_with(char::is_whitespace)
        || s.ends_with(':')
        || s.contains(": ")
        || s.contains(" #")
        || s.contains('\t')
        || s.chars().any(needs_escape)
        || RESERVED.iter().any(|w| w.eq_ignore_ascii_case(s))
        || s.parse::<f64>().is_ok())
}

/// Characters a plain or block scalar cannot carry as they are.
fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}' | '\u{85}')
}

fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Checklist ids in comments: never let one break the line.
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

#[cfg(test)]
#[path = "writer_tests.rs"]
mod tests;
