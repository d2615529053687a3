//! An answers file, checked against the catalogue: every answer must fit its question.

use crate::diag::{Code, Diagnostics, Sink};
use crate::load::fields::{Fields, list};
use crate::load::source::Source;
use crate::load::yaml::{self, Node, Value};
use crate::model::Limits;
use crate::model::limits::hint;
use crate::model::{AnswerEntry, AnswerKind, AnswerValue, Answers, Catalog, Meta, Waiver};
use crate::suggest::did_you_mean;

const TOP_FIELDS: &[&str] = &["meta", "answers", "waivers"];
const META_FIELDS: &[&str] = &[
    "organisation",
    "project",
    "go_live",
    "assessed_by",
    "assessed_on",
    "tenant_id",
];
const LONG_FIELDS: &[&str] = &[
    "value",
    "owner",
    "due",
    "evidence",
    "note",
    "tenant_evidence",
];
const WAIVER_FIELDS: &[&str] = &["rule", "reason", "approved_by", "expires"];

pub fn load(source: &Source, catalog: &Catalog, limits: Limits) -> Result<Answers, Diagnostics> {
    let mut diags = Diagnostics::default();
    let root = yaml::parse(
        &source.text,
        limits,
        &mut Sink::new(&source.name, &mut diags),
    );
    let Some(root) = root else {
        return Err(diags);
    };
    if let Some(entry) = past_the_limit(&root, limits.max_answers) {
        Sink::new(&source.name, &mut diags).error(
            entry.pos,
            Code::LimitExceeded,
            format!(
                "the file holds more than {} answers or waivers {}",
                limits.max_answers,
                hint("max_answers")
            ),
        );
        return Err(diags);
    }
    from_tree(&source.name, &root, catalog)
}

/// The first entry of `answers:` or `waivers:` past `max`, counted before any is checked, so
/// that a generated file with a million bad entries gives one error, not a million.
fn past_the_limit(root: &Node, max: usize) -> Option<&Node> {
    let Value::Map(top) = &root.value else {
        return None;
    };
    top.iter()
        .filter(|(k, _)| matches!(k.as_str(), Some("answers" | "waivers")))
        .find_map(|(_, v)| match &v.value {
            Value::Map(entries) => entries.get(max).map(|(k, _)| k),
            Value::Seq(items) => items.get(max),
            _ => None,
        })
}

/// Checks an answers document that is already parsed (for example, one built by a test harness).
pub fn from_tree(name: &str, root: &Node, catalog: &Catalog) -> Result<Answers, Diagnostics> {
    let mut diags = Diagnostics::default();
    let answers = read(name, root, catalog, &mut Sink::new(name, &mut diags));
    match answers {
        Some(a) if !diags.has_errors() => Ok(a),
        _ => Err(diags),
    }
}

fn read(name: &str, root: &Node, catalog: &Catalog, sink: &mut Sink) -> Option<Answers> {
    let mut f = Fields::of(root, "the answers file", TOP_FIELDS, sink)?;
    let meta = f.required("meta", sink).and_then(|n| meta(n, sink));
    let by_question = match f.optional("answers") {
        Some(node) => answers(node, catalog, sink),
        None => vec![None; catalog.questions.len()],
    };
    let waivers = f
        .optional("waivers")
        .map(|n| waivers(n, catalog, sink))
        .unwrap_or_default();
    f.finish(sink);
    Some(Answers {
        file: name.to_owned(),
        meta: meta?,
        by_question,
        waivers,
    })
}

fn meta(node: &Node, sink: &mut Sink) -> Option<Meta> {
    let mut f = Fields::of(node, "`meta`", META_FIELDS, sink)?;
    let organisation = f.required_str("organisation", sink);
    let project = f.required_str("project", sink);
    let go_live_node = f.optional("go_live");
    let go_live = f.optional_date("go_live", sink);
    let assessed_by = f.optional_str("assessed_by", sink);
    let assessed_on = f.optional_date("assessed_on", sink);
    let tenant_id = f
        .optional("tenant_id")
        .and_then(|n| crate::load::evidence::tenant_id(n, sink));
    f.finish(sink);
    if let (Some(go_live), Some(assessed_on), Some(node)) = (go_live, assessed_on, go_live_node)
        && go_live < assessed_on
    {
        sink.error(
            node.pos,
            Code::InvalidDate,
            format!("`go_live` ({go_live}) is before `assessed_on` ({assessed_on}): an assessment is made before go-live; leave `go_live` out while no date is agreed"),
        );
    }
    Some(Meta {
        organisation: organisation?,
        project: project?,
        go_live,
        assessed_by,
        assessed_on,
        tenant_id,
    })
}

fn answers(node: &Node, catalog: &Catalog, sink: &mut Sink) -> Vec<Option<AnswerEntry>> {
    let mut slots = vec![None; catalog.questions.len()];
    let Value::Map(entries) = &node.value else {
        crate::load::fields::wrong_type(
            node,
            "answers",
            "a mapping of question ids to answers",
            sink,
        );
        return slots;
    };
    for (key, value) in entries {
        let id = key.as_str().unwrap_or_default();
        let Some(index) = catalog.question(id) else {
            sink.error(
                key.pos,
                Code::UnknownQuestion,
                format!(
                    "unknown question `{id}`{}",
                    did_you_mean(id, catalog.questions.iter().map(|q| q.id.as_str()))
                ),
            );
            continue;
        };
        if let (Some(entry), Some(slot)) = (
            answer(index, key, value, catalog, sink),
            slots.get_mut(index),
        ) {
            *slot = Some(entry);
        }
    }
    slots
}

fn answer(
    index: usize,
    key: &Node,
    node: &Node,
    catalog: &Catalog,
    sink: &mut Sink,
) -> Option<AnswerEntry> {
    let question = catalog.questions.get(index)?;
    let mut entry = AnswerEntry::blank(index, key.pos);
    let value_node = match &node.value {
        Value::Map(_) => {
            let mut f = Fields::of(node, "a long-form answer", LONG_FIELDS, sink)?;
            let value = f.required("value", sink);
            entry.owner = f.optional("owner").and_then(|n| person(n, "owner", sink));
            entry.due = f.optional_date("due", sink);
            entry.evidence = f.optional_str("evidence", sink);
            entry.note = f.optional_str("note", sink);
            if let Some(n) = f.optional("tenant_evidence") {
                entry.tenant_evidence = crate::load::evidence::list_of(n, sink);
            }
            f.finish(sink);
            value?
        }
        _ => node,
    };
    entry.value = value(
        &question.id,
        &question.kind,
        question.allow_na,
        value_node,
        sink,
    )?;
    Some(entry)
}

/// Converts one answer to its question's type, or explains what the question accepts.
pub fn value(
    id: &str,
    kind: &AnswerKind,
    allow_na: bool,
    node: &Node,
    sink: &mut Sink,
) -> Option<AnswerValue> {
    match node.as_str() {
        Some("n/a") if !allow_na => {
            sink.error(
                node.pos,
                Code::NotApplicable,
                format!("`{id}` always applies once it is asked, so `n/a` would hide a gap; answer it, or `unknown` until it is known"),
            );
            return None;
        }
        Some("n/a") => return Some(AnswerValue::NotApplicable),
        Some("unknown") => return Some(AnswerValue::Unknown),
        _ => {}
    }
    let wrong = |sink: &mut Sink| {
        sink.error(
            node.pos,
            Code::WrongType,
            format!(
                "`{id}` is a {} question: expected {}, found {}",
                kind.name(),
                expected(kind, allow_na),
                describe(node)
            ),
        );
    };
    let converted = match (kind, &node.value) {
        (AnswerKind::YesNo { partial }, _) => yes_no(node, *partial),
        (AnswerKind::Choice { .. }, Value::Str(s)) => {
            return option(id, kind, s, node, sink).map(AnswerValue::Choice);
        }
        (AnswerKind::Multi { .. }, Value::Str(s)) => {
            return option(id, kind, s, node, sink).map(|v| AnswerValue::Multi(vec![v]));
        }
        (AnswerKind::Multi { .. }, Value::Seq(items)) => return multi(id, kind, items, sink),
        (AnswerKind::Maturity { .. }, Value::Int(n)) if (0..=5).contains(n) => {
            Some(AnswerValue::Number(*n as f64))
        }
        (AnswerKind::Number { min, max, .. }, _) => return number(id, node, *min, *max, sink),
        (AnswerKind::Date, Value::Str(s)) => match s.parse() {
            Ok(d) => Some(AnswerValue::Date(d)),
            Err(e) => {
                sink.error(node.pos, Code::InvalidDate, format!("`{id}`: {e}"));
                return None;
            }
        },
        (AnswerKind::Person, Value::Str(s)) if !s.trim().is_empty() => {
            return person(node, id, sink).map(AnswerValue::Text);
        }
        (AnswerKind::Text, Value::Str(s)) if !s.trim().is_empty() => {
            Some(AnswerValue::Text(s.clone()))
        }
        _ => None,
    };
    if converted.is_none() {
        wrong(sink);
    }
    converted
}

/// Words that hold the place of a person without naming one. Compared whole, ignoring case and
/// the punctuation around them ("TBD.", "(none)").
const PLACEHOLDERS: &[&str] = &[
    "tbd",
    "tba",
    "tbc",
    "todo",
    "none",
    "nobody",
    "no one",
    "noone",
    "n/a",
    "na",
    "unknown",
    "unassigned",
    "not assigned",
    "not yet",
    "?",
    "??",
    "???",
    "-",
    "--",
    "x",
    "xxx",
];

pub fn is_placeholder(name: &str) -> bool {
    let trimmed = name
        .trim()
        .trim_matches(|c: char| c == '.' || c == '(' || c == ')' || c == '"' || c == '\'')
        .trim()
        .to_lowercase();
    trimmed.is_empty() || PLACEHOLDERS.contains(&trimmed.as_str())
}

/// A person's name, refused when it is a placeholder: "TBD" must not count as an owner.
fn person(node: &Node, what: &str, sink: &mut Sink) -> Option<String> {
    let name = crate::load::fields::text(node, what, sink)?;
    if is_placeholder(&name) {
        sink.error(
            node.pos,
            Code::PlaceholderOwner,
            format!(
                "`{what}`: \"{}\" does not name a person; {}",
                name.trim(),
                if what == "owner" {
                    "leave `owner:` out until someone is named"
                } else {
                    "answer `unknown` until someone is named"
                }
            ),
        );
        return None;
    }
    Some(name)
}

fn yes_no(node: &Node, partial: bool) -> Option<AnswerValue> {
    match &node.value {
        Value::Bool(true) => Some(AnswerValue::Yes),
        Value::Bool(false) => Some(AnswerValue::No),
        Value::Str(s) if s == "yes" => Some(AnswerValue::Yes),
        Value::Str(s) if s == "no" => Some(AnswerValue::No),
        Value::Str(s) if s == "partial" && partial => Some(AnswerValue::Partial),
        _ => None,
    }
}

fn option(
    id: &str,
    kind: &AnswerKind,
    value: &str,
    node: &Node,
    sink: &mut Sink,
) -> Option<String> {
    let options = kind.options();
    if options.iter().any(|o| o.value == value) {
        return Some(value.to_owned());
    }
    sink.error(
        node.pos,
        Code::UnknownOption,
        format!(
            "`{id}` has no option `{value}`; the options are {}{}",
            list(&options.iter().map(|o| o.value.as_str()).collect::<Vec<_>>()),
            did_you_mean(value, options.iter().map(|o| o.value.as_str()))
        ),
    );
    None
}

fn multi(id: &str, kind: &AnswerKind, items: &[Node], sink: &mut Sink) -> Option<AnswerValue> {
    let mut values: Vec<String> = Vec::new();
    let mut ok = true;
    for item in items {
        let Some(s) = item.as_str() else {
            sink.error(
                item.pos,
                Code::WrongType,
                format!("`{id}` lists options by value; found {}", describe(item)),
            );
            ok = false;
            continue;
        };
        match option(id, kind, s, item, sink) {
            Some(v) if values.contains(&v) => {
                sink.error(
                    item.pos,
                    Code::DuplicateId,
                    format!("`{id}` lists `{v}` twice"),
                );
                ok = false;
            }
            Some(v) => values.push(v),
            None => ok = false,
        }
    }
    ok.then_some(AnswerValue::Multi(values))
}

fn number(
    id: &str,
    node: &Node,
    min: Option<f64>,
    max: Option<f64>,
    sink: &mut Sink,
) -> Option<AnswerValue> {
    let Some(n) = node.as_f64() else {
        sink.error(
            node.pos,
            Code::WrongType,
            format!(
                "`{id}` is a number question: expected a number, `n/a` or `unknown`, found {}",
                describe(node)
            ),
        );
        return None;
    };
    let below = min.is_some_and(|m| n < m);
    let above = max.is_some_and(|m| n > m);
    if below || above {
        let range = match (min, max) {
            (Some(lo), Some(hi)) => format!("between {lo} and {hi}"),
            (Some(lo), None) => format!("at least {lo}"),
            (None, Some(hi)) => format!("at most {hi}"),
            (None, None) => String::new(),
        };
        sink.error(
            node.pos,
            Code::InvalidValue,
            format!("`{id}` must be {range}, found {n}"),
        );
        return None;
    }
    Some(AnswerValue::Number(n))
}

/// What a question accepts, in words.
pub fn expected(kind: &AnswerKind, allow_na: bool) -> String {
    let tail = if allow_na {
        "`n/a` or `unknown`"
    } else {
        "or `unknown`"
    };
    let values = |options: &[crate::model::ChoiceOption]| {
        let values: Vec<&str> = options.iter().map(|o| o.value.as_str()).collect();
        list(&values)
    };
    match kind {
        AnswerKind::YesNo { partial: true } => format!("`yes`, `no`, `partial`, {tail}"),
        AnswerKind::YesNo { partial: false } => format!("`yes`, `no`, {tail}"),
        AnswerKind::Choice { options } => format!("one of {}, {tail}", values(options)),
        AnswerKind::Multi { options } => format!("a list of {}, {tail}", values(options)),
        AnswerKind::Maturity { .. } => format!("a whole number from 0 to 5, {tail}"),
        AnswerKind::Number { .. } => format!("a number, {tail}"),
        AnswerKind::Date => format!("a date (YYYY-MM-DD), {tail}"),
        AnswerKind::Text => format!("text, {tail}"),
        AnswerKind::Person => format!("a person's name, {tail}"),
    }
}

fn describe(node: &Node) -> String {
    match &node.value {
        Value::Str(s) => format!("`{s}`"),
        Value::Int(i) => format!("`{i}`"),
        Value::Float(f) => format!("`{f}`"),
        Value::Bool(b) => format!("`{b}`"),
        _ => node.type_name().to_owned(),
    }
}

fn waivers(node: &Node, catalog: &Catalog, sink: &mut Sink) -> Vec<Waiver> {
    let Value::Seq(items) = &node.value else {
        crate::load::fields::wrong_type(node, "waivers", "a list of waivers", sink);
        return Vec::new();
    };
    let mut out: Vec<Waiver> = Vec::new();
    let mut waived = vec![false; catalog.rules.len()];
    for item in items {
        let Some(w) = waiver(item, catalog, sink) else {
            continue;
        };
        if std::mem::replace(&mut waived[w.rule], true) {
            let id = catalog.rules.get(w.rule).map_or("", |r| r.id.as_str());
            sink.error(
                item.pos,
                Code::DuplicateId,
                format!("rule `{id}` is waived twice"),
            );
            continue;
        }
        out.push(w);
    }
    out
}

fn waiver(node: &Node, catalog: &Catalog, sink: &mut Sink) -> Option<Waiver> {
    let mut f = Fields::of(node, "a waiver", WAIVER_FIELDS, sink)?;
    let rule_node = f.required("rule", sink);
    let reason = f.required_str("reason", sink);
    let approved_by = f.required_str("approved_by", sink);
    let expires = f.required_date("expires", sink);
    f.finish(sink);
    let rule_node = rule_node?;
    let id = rule_node.scalar_text().unwrap_or_default();
    let Some(rule) = catalog.rule(&id) else {
        sink.error(
            rule_node.pos,
            Code::UnknownRule,
            format!(
                "waiver for unknown rule `{id}`{}",
                did_you_mean(&id, catalog.rules.iter().map(|r| r.id.as_str()))
            ),
        );
        return None;
    };
    Some(Waiver {
        rule,
        reason: reason?,
        approved_by: approved_by?,
        expires: expires?,
        pos: node.pos,
    })
}
