//! One answer's value, checked against its question's type: options, numbers in range, dates,
//! and people named rather than held by a placeholder.

use crate::diag::{Code, Sink};
use crate::load::fields::list;
use crate::load::yaml::{Node, Value};
use crate::model::{AnswerKind, AnswerValue};
use crate::suggest::did_you_mean;

pub fn value(
    id: &str,
    kind: &AnswerKind,
    allow_na: bool,
    node: &Node,
    sink: &mut Sink,
) -> Option<AnswerValue> {
    if let Some(reserved) = reserved(id, allow_na, node, sink) {
        return reserved;
    }
    let wrong = |sink: &mut Sink| {
        sink.error(
            node.pos,
            Code::WrongType,
            format!(
                "`{id}` is a {} question: expected {}, found {}{}",
                kind.name(),
                expected(kind, allow_na),
                describe(node),
                yes_no_hint(kind, node)
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
        (AnswerKind::Number { min, max, .. }, _) => {
            return number(id, node, (*min, *max), kind.counts(), sink);
        }
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

/// `n/a` and `unknown`, which every question accepts (but `n/a` only where it hides no gap);
/// `None` for any other value.
fn reserved(id: &str, allow_na: bool, node: &Node, sink: &mut Sink) -> Option<Option<AnswerValue>> {
    match node.as_str() {
        Some("n/a") if !allow_na => {
            sink.error(
                node.pos,
                Code::NotApplicable,
                format!("`{id}` always applies once it is asked, so `n/a` would hide a gap; answer it, or `unknown` until it is known"),
            );
            Some(None)
        }
        Some("n/a") => Some(Some(AnswerValue::NotApplicable)),
        Some("unknown") => Some(Some(AnswerValue::Unknown)),
        _ => None,
    }
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
pub(crate) fn person(node: &Node, what: &str, sink: &mut Sink) -> Option<String> {
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

/// "did you mean `yes`" for a yes/no answer written another way (`Yes`, `YES`, `No.`).
fn yes_no_hint(kind: &AnswerKind, node: &Node) -> String {
    let (AnswerKind::YesNo { partial }, Some(s)) = (kind, node.as_str()) else {
        return String::new();
    };
    let words: &[&str] = if *partial {
        &["yes", "no", "partial"]
    } else {
        &["yes", "no"]
    };
    did_you_mean(&s.trim().to_lowercase(), words.iter().copied())
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
    (min, max): (Option<f64>, Option<f64>),
    counts: bool,
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
    if counts && n.fract() != 0.0 {
        sink.error(
            node.pos,
            Code::InvalidValue,
            format!("`{id}` counts things: expected a whole number, found {n}"),
        );
        return None;
    }
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
