//! The answers file format, mirrored field by field from `load::answers`, plus one entry per question.
//!
//! The structure (meta, long-form answers, waivers) comes from the types below. Each question of the
//! catalogue then gets its own property: its prompt as the description and the values it accepts,
//! so that an editor completes ids and options. Other ids stay allowed, for organisations' own checklists.

// Never built: the types exist for their schema.
#![allow(dead_code)]

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Map, Value, json};

use crate::model::{AnswerKind, Catalog, Question};
use crate::schema::common::{DateText, Text};

/// A migready answers file: who assesses what, the answers by question id, and accepted risks.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, title = "migready answers")]
struct AnswersFile {
    meta: Meta,
    /// Answers by qualified question id (`identity.mfa_coverage`): the bare value, or the long form.
    answers: Option<BTreeMap<String, Answer>>,
    /// Accepted risks: a rule that may fire without counting, until the waiver expires.
    waivers: Option<Vec<Waiver>>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Meta {
    organisation: Text,
    project: Text,
    /// The planned go-live date; left out while no date is agreed.
    go_live: Option<DateText>,
    /// Who answered, e.g. "Priya Nair, IT manager".
    assessed_by: Option<Text>,
    assessed_on: Option<DateText>,
    /// The Entra tenant (a GUID) the assessment is about; `migready import` sets it and refuses another's results.
    tenant_id: Option<Guid>,
}

/// The bare value, or the long form with who follows it up and by when.
#[derive(JsonSchema)]
#[serde(untagged)]
enum Answer {
    Short(Value_),
    Long(LongAnswer),
}

/// A value: an option, `yes`/`no`/`partial`, a number, a date, text, a list of options, `n/a` or `unknown`.
#[derive(JsonSchema)]
#[serde(untagged)]
#[schemars(rename = "Value")]
enum Value_ {
    Text(String),
    Number(f64),
    Boolean(bool),
    Options(Vec<String>),
}

/// The long form of an answer.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct LongAnswer {
    value: Value_,
    /// The person who follows this answer up; findings it triggers are assigned to them.
    owner: Option<Text>,
    /// When it will be done, YYYY-MM-DD.
    due: Option<DateText>,
    /// Where the answer can be checked.
    evidence: Option<Text>,
    note: Option<Text>,
    /// Results of tenant-assessment tools that bear on this answer, written by `migready import`.
    tenant_evidence: Option<Vec<TenantEvidence>>,
}

/// One tool result: enough to judge the answer again without the original results file.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct TenantEvidence {
    tool: EvidenceTool,
    /// The tool's version as its results file gives it.
    version: Text,
    /// The control or test id as the tool wrote it, e.g. MS.AAD.3.2v2 or MT.1007.
    id: Text,
    result: EvidenceResult,
    /// When the tool ran (ISO 8601, starting with the date).
    run: RunTime,
    /// The tenant the tool ran against.
    tenant: Option<Guid>,
}

#[derive(JsonSchema)]
enum EvidenceTool {
    ScubaGear,
    Maester,
}

/// Only results that decide something are kept.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
enum EvidenceResult {
    Pass,
    Fail,
}

/// An Entra tenant id.
struct Guid;

impl JsonSchema for Guid {
    fn schema_name() -> Cow<'static, str> {
        "TenantId".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
            "description": "An Entra tenant id (a GUID)."
        })
    }
}

/// A time as a tool wrote it: ISO 8601, starting with the date.
struct RunTime;

impl JsonSchema for RunTime {
    fn schema_name() -> Cow<'static, str> {
        "RunTime".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}" })
    }
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Waiver {
    /// The rule id, e.g. IDN-004.
    rule: Text,
    reason: Text,
    approved_by: Text,
    /// After this date the waiver counts for nothing.
    expires: DateText,
}

pub fn schema(catalog: &Catalog) -> Value {
    let mut schema = schemars::schema_for!(AnswersFile).to_value();
    let properties: Map<String, Value> = catalog
        .questions
        .iter()
        .map(|q| (q.id.clone(), question(q)))
        .collect();
    if let Some(answers) = schema
        .pointer_mut("/properties/answers")
        .and_then(Value::as_object_mut)
    {
        answers.insert("properties".into(), Value::Object(properties));
        answers.insert(
            "propertyNames".into(),
            json!({ "pattern": "^[a-z][a-z0-9_-]*\\.[a-z][a-z0-9_]*$" }),
        );
    }
    schema
}

/// One question's entry: its prompt and help, and the short or long form with the values it accepts.
fn question(q: &Question) -> Value {
    let short = short_form(q);
    let description = if q.help.trim().is_empty() {
        q.prompt.clone()
    } else {
        format!("{}\n\n{}", q.prompt, q.help.trim())
    };
    // In draft 2020-12 `$ref` applies beside its siblings: the long form, with this question's values.
    let long = json!({ "$ref": "#/$defs/LongAnswer", "properties": { "value": short } });
    json!({ "description": description, "anyOf": [short, long] })
}

/// The bare values a question accepts: its type's values, then `unknown`, and `n/a` where allowed.
fn short_form(q: &Question) -> Value {
    let mut words: Vec<Value> = vec![json!("unknown")];
    if q.allow_na {
        words.push(json!("n/a"));
    }
    let enumerated = |mut values: Vec<Value>, words: Vec<Value>| {
        values.extend(words);
        json!({ "enum": values })
    };
    let typed = match &q.kind {
        AnswerKind::YesNo { partial } => {
            let mut values = vec![json!("yes"), json!("no")];
            if *partial {
                values.push(json!("partial"));
            }
            // YAML 1.1 booleans are read as yes and no too.
            values.extend([json!(true), json!(false)]);
            return enumerated(values, words);
        }
        AnswerKind::Choice { options } => {
            return enumerated(options.iter().map(|o| json!(o.value)).collect(), words);
        }
        AnswerKind::Multi { options } => {
            let values: Vec<Value> = options.iter().map(|o| json!(o.value)).collect();
            json!({ "anyOf": [
                { "type": "array", "items": { "enum": values }, "uniqueItems": true },
                { "enum": values }
            ] })
        }
        AnswerKind::Maturity { .. } => json!({ "type": "integer", "minimum": 0, "maximum": 5 }),
        AnswerKind::Number { min, max, .. } => {
            let mut n = Map::new();
            n.insert("type".into(), json!("number"));
            if let Some(lo) = min {
                n.insert("minimum".into(), json!(lo));
            }
            if let Some(hi) = max {
                n.insert("maximum".into(), json!(hi));
            }
            Value::Object(n)
        }
        AnswerKind::Date => json!({ "$ref": "#/$defs/Date" }),
        AnswerKind::Text | AnswerKind::Person => json!({ "$ref": "#/$defs/Text" }),
    };
    json!({ "anyOf": [typed, { "enum": words }] })
}
