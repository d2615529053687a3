//! `migready explain`: a question, a rule or the whole catalogue, as text for people or JSON.

use std::fmt::Write;

use serde_json::{Value, json};

use crate::model::catalog::Deadline;
use crate::model::{AnswerKind, Catalog, Question, Rule};
use crate::report::json_text;
use crate::report::wrap::wrap;

fn checklist_id(catalog: &Catalog, index: usize) -> &str {
    catalog.checklists.get(index).map_or("", |c| c.id.as_str())
}

fn priority_ids(catalog: &Catalog, ids: &[usize]) -> Vec<String> {
    ids.iter()
        .filter_map(|&p| catalog.priorities.get(p).map(|p| p.id.clone()))
        .collect()
}

fn rules_reading<'c>(catalog: &'c Catalog, question: &str) -> Vec<&'c Rule> {
    let Some(q) = catalog.question(question) else {
        return Vec::new();
    };
    catalog
        .rules
        .iter()
        .filter(|r| r.when.questions().contains(&q))
        .collect()
}

/// With a terminal's `width`, the help, risk and fix paragraphs are reflowed to fit it.
pub fn question_text(catalog: &Catalog, q: &Question, width: Option<usize>) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}  ({} · {} · weight {})",
        q.id,
        checklist_id(catalog, q.checklist),
        q.kind.name(),
        q.weight
    );
    let _ = writeln!(s, "\n{}\n", block(&q.prompt, "", width));
    if !q.help.is_empty() {
        let _ = writeln!(s, "{}\n", block(&q.help, "", width));
    }
    let _ = writeln!(
        s,
        "Answers: {}",
        crate::load::answers::expected(&q.kind, q.allow_na)
    );
    accepted_values(&mut s, q);
    if let Some(when) = &q.when {
        let _ = writeln!(s, "Asked when: {}", when.source());
    }
    let titles: Vec<&str> = q
        .priorities
        .iter()
        .filter_map(|&p| catalog.priorities.get(p))
        .map(|p| p.title.as_str())
        .collect();
    let _ = writeln!(s, "Feeds: {}", titles.join("; "));
    if !q.references.is_empty() {
        let _ = writeln!(s, "References: {}", q.references.join("; "));
    }
    if let Some(index) = catalog.question(&q.id) {
        s.push_str(&crate::evidence::explain::describe(catalog, index));
    }
    rules_that_read(&mut s, catalog, q);
    s
}

/// Each option with its score, and for a number each band.
fn accepted_values(s: &mut String, q: &Question) {
    let width = q
        .kind
        .options()
        .iter()
        .map(|o| o.value.len())
        .max()
        .unwrap_or(0);
    for o in q.kind.options() {
        let _ = writeln!(
            *s,
            "  {:<width$}  scores {:<4}  {}",
            o.value, o.score, o.label
        );
    }
    if let AnswerKind::Number { bands, unit, .. } = &q.kind {
        let unit = unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
        for b in bands {
            let range = match (b.min, b.max) {
                (Some(lo), Some(hi)) => format!("{lo} to {hi}{unit}"),
                (Some(lo), None) => format!("{lo}{unit} or more"),
                (None, Some(hi)) => format!("up to {hi}{unit}"),
                (None, None) => "any value".to_owned(),
            };
            let _ = writeln!(*s, "  {range:<24}  scores {}", b.score);
        }
    }
}

fn rules_that_read(s: &mut String, catalog: &Catalog, q: &Question) {
    let rules = rules_reading(catalog, &q.id);
    if rules.is_empty() {
        return;
    }
    let severity = |r: &Rule| {
        if r.blocker {
            format!("{}, blocker", r.severity.as_str())
        } else {
            r.severity.as_str().to_owned()
        }
    };
    // Columns as wide as their longest entry: a question's own finding has a long id.
    let id_width = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let severity_width = rules.iter().map(|r| severity(r).len()).max().unwrap_or(0);
    let _ = writeln!(*s, "Rules that read it:");
    for r in rules {
        let _ = writeln!(
            *s,
            "  {:<id_width$}  {:<severity_width$}  {}",
            r.id,
            severity(r),
            r.title
        );
    }
}

/// With a terminal's `width`, the risk and fix paragraphs are reflowed to fit it.
pub fn rule_text(catalog: &Catalog, r: &Rule, width: Option<usize>) -> String {
    let mut s = String::new();
    let blocker = if r.blocker { ", go-live blocker" } else { "" };
    let _ = writeln!(
        s,
        "{}  ({} · {}{blocker})",
        r.id,
        checklist_id(catalog, r.checklist),
        r.severity.as_str()
    );
    let _ = writeln!(s, "\n{}\n", block(&r.title, "", width));
    let _ = writeln!(s, "Fires when: {}\n", r.when.source());
    let _ = writeln!(s, "Risk:\n{}\n", block(&r.risk, "  ", width));
    let _ = writeln!(s, "Remediation:\n{}\n", block(&r.remediation, "  ", width));
    let _ = writeln!(s, "Owner: {}", r.owner);
    let titles: Vec<&str> = r
        .priorities
        .iter()
        .filter_map(|&p| catalog.priorities.get(p))
        .map(|p| p.title.as_str())
        .collect();
    let _ = writeln!(s, "Hurts: {}", titles.join("; "));
    if !r.references.is_empty() {
        let _ = writeln!(s, "References: {}", r.references.join("; "));
    }
    s
}

/// Checklist prose under `indent`: as written in the checklist when there is no terminal width
/// (output stays stable for files and pipes), else each paragraph and numbered step joined from
/// the checklist's own line breaks and wrapped to the width, a step's lines under its text.
fn block(text: &str, indent: &str, width: Option<usize>) -> String {
    let Some(width) = width else {
        return text
            .trim_end()
            .lines()
            .map(|l| {
                if l.is_empty() {
                    String::new()
                } else {
                    format!("{indent}{l}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
    };
    let mut out: Vec<String> = Vec::new();
    for item in items(text) {
        if item.is_empty() {
            out.push(String::new());
            continue;
        }
        let marker = list_marker(&item).unwrap_or("");
        let body = &item[marker.len()..];
        let room = width.saturating_sub(indent.len() + marker.len()).max(20);
        for (i, line) in wrap(body, room).iter().enumerate() {
            let lead = if i == 0 {
                marker.to_owned()
            } else {
                " ".repeat(marker.len())
            };
            out.push(format!("{indent}{lead}{line}"));
        }
    }
    out.join("\n")
}

/// The paragraphs and list items of checklist prose, each on one line; blank lines kept.
fn items(text: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    let mut open = false;
    for line in text.trim_end().lines() {
        let line = line.trim();
        if line.is_empty() {
            items.push(String::new());
            open = false;
        } else if open && list_marker(line).is_none() {
            if let Some(last) = items.last_mut() {
                last.push(' ');
                last.push_str(line);
            }
        } else {
            items.push(line.to_owned());
            open = true;
        }
    }
    items
}

/// "1. " or "- " at the start of a list item.
fn list_marker(line: &str) -> Option<&str> {
    let (first, _) = line.split_once(' ')?;
    let numbered = first.len() > 1
        && first.ends_with('.')
        && first[..first.len() - 1].chars().all(|c| c.is_ascii_digit());
    (first == "-" || numbered).then(|| &line[..first.len() + 1])
}

/// Every checklist with its questions and rules, then the deadlines; with a terminal's `width`, the
/// text beside each id wraps at word boundaries to fit it.
pub fn list_text(catalog: &Catalog, width: Option<usize>) -> String {
    let ids = catalog.questions.iter().map(|q| q.id.len());
    let ids = ids.chain(catalog.rules.iter().map(|r| r.id.len()));
    let ids = ids.chain(catalog.deadlines.iter().map(|d| d.id.len()));
    let list = List {
        id_width: ids.max().unwrap_or(0),
        width,
    };
    let mut s = String::new();
    for c in &catalog.checklists {
        let head = format!(
            "{} — {} ({} questions, {} rules)",
            c.id,
            c.title,
            c.questions.len(),
            c.rules.len()
        );
        list.prose(&mut s, &head);
        for q in catalog
            .questions
            .get(c.questions.clone())
            .unwrap_or_default()
        {
            list.row(&mut s, &q.id, q.kind.name(), &q.prompt);
        }
        for r in catalog.rules.get(c.rules.clone()).unwrap_or_default() {
            let tag = if r.blocker {
                "blocker"
            } else {
                r.severity.as_str()
            };
            list.row(&mut s, &r.id, tag, &r.title);
        }
    }
    if !catalog.deadlines.is_empty() {
        list.prose(
            &mut s,
            "deadlines — dates conditions read as deadline(\"id\")",
        );
        for d in &catalog.deadlines {
            list.row(&mut s, &d.id, &d.date.to_string(), &d.title);
        }
    }
    s
}

/// The columns of `explain --list`: ids, a tag (type, severity or date), then the text.
struct List {
    id_width: usize,
    width: Option<usize>,
}

/// The tag column fits `maturity`, `critical` and a date.
const TAG_WIDTH: usize = 10;
/// Narrower than this beside the columns, the text goes on the lines below its id instead.
const MIN_TEXT: usize = 40;

impl List {
    fn prose(&self, s: &mut String, text: &str) {
        match self.width {
            Some(w) => wrap(text, w).iter().for_each(|l| {
                let _ = writeln!(*s, "{l}");
            }),
            None => {
                let _ = writeln!(*s, "{text}");
            }
        }
    }

    fn row(&self, s: &mut String, id: &str, tag: &str, text: &str) {
        let id_width = self.id_width;
        let columns = format!("  {id:<id_width$}  {tag:<TAG_WIDTH$} ");
        let Some(width) = self.width else {
            let _ = writeln!(*s, "{columns}{text}");
            return;
        };
        let room = width.saturating_sub(columns.chars().count());
        if room > MIN_TEXT {
            let pad = " ".repeat(columns.chars().count());
            for (i, line) in wrap(text, room).iter().enumerate() {
                let lead = if i == 0 {
                    columns.as_str()
                } else {
                    pad.as_str()
                };
                let _ = writeln!(*s, "{lead}{line}");
            }
        } else {
            let _ = writeln!(*s, "  {id}  {tag}");
            for line in wrap(&format!("      {text}"), width) {
                let _ = writeln!(*s, "{line}");
            }
        }
    }
}

fn question_json_value(catalog: &Catalog, q: &Question) -> Value {
    let mut v = json!({
        "id": q.id,
        "checklist": checklist_id(catalog, q.checklist),
        "prompt": q.prompt,
        "help": q.help,
        "type": q.kind.name(),
        "weight": q.weight,
        "priorities": priority_ids(catalog, &q.priorities),
        "references": q.references,
        "when": q.when.as_ref().map(super::super::expr::Expr::source),
        "rules": rules_reading(catalog, &q.id).iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
    });
    match &q.kind {
        AnswerKind::YesNo { partial } => v["partial"] = json!(partial),
        AnswerKind::Choice { options } | AnswerKind::Multi { options } => {
            v["options"] = options
                .iter()
                .map(|o| json!({"value": o.value, "label": o.label, "score": o.score}))
                .collect();
        }
        AnswerKind::Maturity { levels } => v["levels"] = json!(levels),
        AnswerKind::Number {
            min,
            max,
            unit,
            bands,
        } => {
            v["min"] = json!(min);
            v["max"] = json!(max);
            v["unit"] = json!(unit);
            v["bands"] = bands
                .iter()
                .map(|b| json!({"min": b.min, "max": b.max, "score": b.score}))
                .collect();
        }
        AnswerKind::Date | AnswerKind::Text | AnswerKind::Person => {}
    }
    v
}

fn rule_json_value(catalog: &Catalog, r: &Rule) -> Value {
    json!({
        "id": r.id,
        "checklist": checklist_id(catalog, r.checklist),
        "when": r.when.source(),
        "severity": r.severity.as_str(),
        "blocker": r.blocker,
        "priorities": priority_ids(catalog, &r.priorities),
        "title": r.title,
        "risk": r.risk,
        "remediation": r.remediation,
        "owner": r.owner,
        "references": r.references,
        "questions": r.when.questions().iter().filter_map(|&q| catalog.questions.get(q).map(|q| q.id.as_str())).collect::<Vec<_>>(),
    })
}

/// The whole catalogue, for scripts and other tools.
fn catalog_json_value(catalog: &Catalog) -> Value {
    json!({
        "schema_version": crate::report::check::json::SCHEMA_VERSION,
        "priorities": catalog.priorities.iter().map(|p| json!({
            "id": p.id, "title": p.title, "description": p.description, "weight": p.weight,
        })).collect::<Vec<_>>(),
        "checklists": catalog.checklists.iter().map(|c| json!({
            "id": c.id, "title": c.title, "description": c.description, "source": c.source,
        })).collect::<Vec<_>>(),
        "questions": catalog.questions.iter().map(|q| question_json_value(catalog, q)).collect::<Vec<_>>(),
        "rules": catalog.rules.iter().map(|r| rule_json_value(catalog, r)).collect::<Vec<_>>(),
        "deadlines": catalog.deadlines.iter().map(deadline_json_value).collect::<Vec<_>>(),
    })
}

fn deadline_json_value(d: &Deadline) -> Value {
    json!({ "id": d.id, "date": d.date, "title": d.title, "references": d.references })
}

pub fn deadline_json(d: &Deadline) -> String {
    json_text(&deadline_json_value(d))
}

/// A named deadline, and the rules whose conditions read it.
pub fn deadline_text(catalog: &Catalog, d: &Deadline) -> String {
    let mut s = format!("{}  (deadline)\n\n{}\n\nDate: {}\n", d.id, d.title, d.date);
    if !d.references.is_empty() {
        let _ = writeln!(s, "References: {}", d.references.join("; "));
    }
    let needle = format!("deadline(\"{}\")", d.id);
    let readers: Vec<&str> = catalog
        .rules
        .iter()
        .filter(|r| r.when.source().contains(&needle))
        .map(|r| r.id.as_str())
        .collect();
    if !readers.is_empty() {
        let _ = writeln!(s, "Read by: {}", readers.join(", "));
    }
    s
}

pub fn question_json(catalog: &Catalog, q: &Question) -> String {
    json_text(&question_json_value(catalog, q))
}

pub fn rule_json(catalog: &Catalog, r: &Rule) -> String {
    json_text(&rule_json_value(catalog, r))
}

pub fn catalog_json(catalog: &Catalog) -> String {
    json_text(&catalog_json_value(catalog))
}
