//! A question of a checklist file: its fields, its answer type and how that type scores.

use crate::diag::{Code, Pos, Sink};
use crate::load::fields::{Fields, list, number, text, wrong_type};
use crate::load::risk;
use crate::load::yaml::{Node, Value};
use crate::model::catalog::{AnswerMatch, RiskyAnswer};
use crate::model::{AnswerKind, Band, ChoiceOption};

pub const QUESTION_FIELDS: &[&str] = &[
    "id",
    "prompt",
    "help",
    "type",
    "options",
    "partial",
    "levels",
    "min",
    "max",
    "unit",
    "bands",
    "weight",
    "priorities",
    "references",
    "when",
    "allow_na",
    "raises",
    "finding",
];

const TYPES: &[&str] = &[
    "yes_no", "choice", "multi", "maturity", "number", "date", "text", "person",
];

/// Fields that belong to some answer types only.
const TYPE_FIELDS: &[&str] = &[
    "options", "partial", "levels", "min", "max", "unit", "bands",
];

/// Reports type-specific fields that the question's type does not use (once the type is known).
pub fn unused_type_fields(fields: &mut Fields, kind: Option<&AnswerKind>, sink: &mut Sink) {
    for (name, pos) in fields.take_unread(TYPE_FIELDS) {
        if let Some(kind) = kind {
            sink.error(
                pos,
                Code::UnknownField,
                format!("`{name}` does not apply to a {} question", kind.name()),
            );
        }
    }
}

/// Answers every question accepts; an option may not shadow them.
pub const RESERVED_ANSWERS: &[&str] = &["n/a", "unknown"];

/// Reads `type:` and the fields that belong to it, with the risky answers its options and bands name.
pub fn answer_kind(
    fields: &mut Fields,
    weight: f64,
    risky: &mut Vec<RiskyAnswer>,
    sink: &mut Sink,
) -> Option<AnswerKind> {
    let type_node = fields.required("type", sink)?;
    let Some(name) = type_node.as_str() else {
        wrong_type(type_node, "type", &format!("one of {}", list(TYPES)), sink);
        return None;
    };
    let kind = match name {
        "yes_no" => AnswerKind::YesNo {
            partial: fields.optional_bool("partial", sink).unwrap_or(false),
        },
        "choice" => AnswerKind::Choice {
            options: options(fields.required("options", sink), risky, sink)?,
        },
        "multi" => AnswerKind::Multi {
            options: options(fields.required("options", sink), risky, sink)?,
        },
        "maturity" => AnswerKind::Maturity {
            levels: levels(fields, sink),
        },
        "number" => number_kind(fields, weight, risky, sink)?,
        "date" => AnswerKind::Date,
        "text" => AnswerKind::Text,
        "person" => AnswerKind::Person,
        other => {
            sink.error(
                type_node.pos,
                Code::InvalidValue,
                format!(
                    "unknown answer type `{other}`; expected one of {}{}",
                    list(TYPES),
                    crate::suggest::did_you_mean(other, TYPES.iter().copied())
                ),
            );
            return None;
        }
    };
    Some(kind)
}

fn options(
    node: Option<&Node>,
    risky: &mut Vec<RiskyAnswer>,
    sink: &mut Sink,
) -> Option<Vec<ChoiceOption>> {
    let node = node?;
    let Value::Seq(items) = &node.value else {
        wrong_type(node, "options", "a list of options", sink);
        return None;
    };
    if items.is_empty() {
        sink.error(
            node.pos,
            Code::InvalidValue,
            "`options` must list at least one option",
        );
        return None;
    }
    let mut out: Vec<ChoiceOption> = Vec::new();
    for item in items {
        let Some((option, raise)) = one_option(item, sink) else {
            continue;
        };
        if out.iter().any(|o| o.value == option.value) {
            sink.error(
                item.pos,
                Code::DuplicateId,
                format!("option `{}` is listed twice", option.value),
            );
            continue;
        }
        if let Some(raise) = raise {
            risky.push(RiskyAnswer {
                matches: AnswerMatch::Value(option.value.clone()),
                raise,
            });
        }
        out.push(option);
    }
    Some(out)
}

type WithRaise<T> = (T, Option<crate::model::catalog::Raise>);

fn one_option(item: &Node, sink: &mut Sink) -> Option<WithRaise<ChoiceOption>> {
    let mut f = Fields::of(
        item,
        "an option",
        &["value", "label", "score", "raises"],
        sink,
    )?;
    let value_node = f.required("value", sink);
    let label = f.optional_str("label", sink);
    let score = f.required("score", sink).and_then(|n| score(n, sink));
    let raise = risk::inline(&mut f, sink);
    f.finish(sink);
    let value = value_node.and_then(|n| option_value(n, sink))?;
    let option = ChoiceOption {
        label: label.unwrap_or_else(|| value.clone()),
        value,
        score: score?,
    };
    Some((option, raise))
}

fn option_value(node: &Node, sink: &mut Sink) -> Option<String> {
    let value = text(node, "value", sink)?;
    if RESERVED_ANSWERS.contains(&value.as_str()) {
        sink.error(
            node.pos,
            Code::InvalidValue,
            format!("`{value}` is an answer every question accepts; it cannot be an option"),
        );
        return None;
    }
    if !is_identifier(&value) {
        sink.error(
            node.pos,
            Code::InvalidValue,
            format!("option value `{value}` must be lower-case letters, digits and `_`, starting with a letter"),
        );
        return None;
    }
    Some(value)
}

/// A score between 0 and 1.
pub fn score(node: &Node, sink: &mut Sink) -> Option<f64> {
    let n = number(node, "score", sink)?;
    if !(0.0..=1.0).contains(&n) {
        sink.error(
            node.pos,
            Code::InvalidValue,
            format!("`score` must be between 0 and 1, found {n}"),
        );
        return None;
    }
    Some(n)
}

fn levels(fields: &mut Fields, sink: &mut Sink) -> Vec<String> {
    let pos = fields.pos();
    let levels: Vec<String> = fields
        .string_list("levels", sink)
        .into_iter()
        .map(|(s, _)| s)
        .collect();
    if !levels.is_empty() && levels.len() != 6 {
        sink.error(
            pos,
            Code::InvalidValue,
            format!(
                "`levels` must name all six levels 0 to 5, found {}",
                levels.len()
            ),
        );
    }
    levels
}

fn number_kind(
    fields: &mut Fields,
    weight: f64,
    risky: &mut Vec<RiskyAnswer>,
    sink: &mut Sink,
) -> Option<AnswerKind> {
    let min = fields.optional_number("min", sink);
    let max = fields.optional_number("max", sink);
    let unit = fields.optional_str("unit", sink);
    let bands_node = fields.optional("bands");
    let bands = match bands_node {
        Some(node) => bands(node, risky, sink)?,
        None => Vec::new(),
    };
    if bands.is_empty() && weight > 0.0 {
        sink.error(
            fields.pos(),
            Code::MissingField,
            "a scored number question needs `bands` (or `weight: 0`)",
        );
    }
    if let (Some(lo), Some(hi)) = (min, max)
        && lo > hi
    {
        sink.error(
            fields.pos(),
            Code::InvalidValue,
            format!("`min` ({lo}) is above `max` ({hi})"),
        );
    }
    Some(AnswerKind::Number {
        min,
        max,
        unit,
        bands,
    })
}

fn bands(node: &Node, risky: &mut Vec<RiskyAnswer>, sink: &mut Sink) -> Option<Vec<Band>> {
    let Value::Seq(items) = &node.value else {
        wrong_type(node, "bands", "a list of `{ min, max, score }`", sink);
        return None;
    };
    let mut out = Vec::new();
    for item in items {
        let Some(mut f) = Fields::of(item, "a band", &["min", "max", "score", "raises"], sink)
        else {
            continue;
        };
        let min = f.optional_number("min", sink);
        let max = f.optional_number("max", sink);
        let s = f.required("score", sink).and_then(|n| score(n, sink));
        if let Some(raise) = risk::inline(&mut f, sink) {
            risky.push(RiskyAnswer {
                matches: AnswerMatch::Band { min, max },
                raise,
            });
        }
        f.finish(sink);
        if let Some(score) = s {
            out.push(Band { min, max, score });
        }
    }
    Some(out)
}

/// `[a-z][a-z0-9_]*`: ids and option values that read well in conditions.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The position of a list item or the field itself, for messages about one entry.
pub fn pos_or(node: Option<&Node>, fallback: Pos) -> Pos {
    node.map_or(fallback, |n| n.pos)
}
