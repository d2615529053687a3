//! The checklist file format (`checklists/*.yaml`), mirrored field by field from `load::checklist`.
//!
//! These types only describe: the loader reads the spanned YAML tree itself, so that every problem
//! gets a line and column. `tests/schema.rs` checks that both accept the same field names.

// Never built: the types exist for their schema.
#![allow(dead_code)]

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use crate::model::Severity;
use crate::model::catalog::Leadership;
use crate::schema::common::{Identifier, Score, Text, TextList};

/// A migready checklist: questions to ask and rules over their answers.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, title = "migready checklist")]
struct Checklist {
    /// The checklist id, qualifying its question ids (`identity` -> `identity.mfa_coverage`).
    id: ChecklistId,
    /// The area's name, as reports show it.
    title: Text,
    description: Option<Text>,
    questions: Option<Vec<Question>>,
    rules: Option<Vec<Rule>>,
}

/// A question: what to ask, how its answer is typed and scored, and which priorities it feeds.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Question {
    /// Local id; qualified with the checklist id in answers files and conditions.
    id: Identifier,
    prompt: Text,
    /// Why it matters, what good looks like, and where to find the answer.
    help: Option<Text>,
    #[serde(rename = "type")]
    kind: AnswerType,
    /// For `choice` and `multi`: the options, each with a score from 0 to 1.
    options: Option<Vec<ChoiceOption>>,
    /// For `yes_no`: whether `partial` is an answer (scores 0.5).
    partial: Option<bool>,
    /// For `maturity`: the names of the six levels 0 to 5.
    #[schemars(length(min = 6, max = 6))]
    levels: Option<Vec<Text>>,
    /// For `number`: the smallest accepted answer.
    min: Option<f64>,
    /// For `number`: the largest accepted answer.
    max: Option<f64>,
    /// For `number`: the unit shown beside the answer (`%`, `days`).
    unit: Option<Text>,
    /// For `number`: scoring bands; the first band that holds the answer gives its score.
    bands: Option<Vec<Band>>,
    /// How much the question counts in its priorities (default 1; 0 asks without scoring).
    #[schemars(range(min = 0))]
    weight: Option<f64>,
    /// The priority ids the question feeds (needed unless `weight: 0`).
    priorities: Option<TextList>,
    /// Policy ids or documentation titles.
    references: Option<TextList>,
    /// Ask only when this condition holds; it may read only questions asked before it.
    when: Option<Text>,
    /// Whether `n/a` is accepted (default: true, false for `person`).
    allow_na: Option<bool>,
    /// What risky answers raise: for `yes_no`, a map from `no` / `partial`; for `multi`, a raise with
    /// `below` (a selection scoring below it). Choice options and number bands carry their own.
    raises: Option<QuestionRaises>,
    /// The finding the question's risky answers raise; required with any `raises`.
    finding: Option<Finding>,
}

/// A question-level `raises`.
#[derive(JsonSchema)]
#[serde(untagged)]
enum QuestionRaises {
    YesNo(YesNoRaises),
    Multi(MultiRaise),
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct YesNoRaises {
    no: Option<Raise>,
    partial: Option<Raise>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct MultiRaise {
    /// A selection whose ticked options add up to less than this raises the finding.
    below: Score,
    #[serde(flatten)]
    raise: RaiseFields,
}

/// A severity, or the full form.
#[derive(JsonSchema)]
#[serde(untagged)]
enum Raise {
    Severity(Severity),
    Full(RaiseFields),
}

#[derive(JsonSchema)]
struct RaiseFields {
    severity: Severity,
    /// A go-live blocker at any date (critical only).
    blocker: Option<bool>,
    /// Raised only in the this many days up to go-live.
    within_days: Option<u32>,
    /// A critical go-live blocker in this many days up to go-live; `severity` before that.
    blocker_within: Option<u32>,
}

/// The text of the finding a question's risky answers raise; its id is the question's id.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Finding {
    title: Text,
    risk: Text,
    remediation: Text,
    /// The role that should own the fix.
    owner: Text,
    /// The fix needs leadership: money, a contract or an appointment.
    leadership: Option<Leadership>,
}

#[derive(JsonSchema)]
#[serde(rename_all = "snake_case")]
enum AnswerType {
    YesNo,
    Choice,
    Multi,
    Maturity,
    Number,
    Date,
    Text,
    Person,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct ChoiceOption {
    /// What an answers file says; `n/a` and `unknown` are reserved.
    value: Identifier,
    /// What a person reads (default: the value).
    label: Option<Text>,
    score: Score,
    /// The finding this answer raises.
    raises: Option<Raise>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Band {
    /// Lowest answer in the band (inclusive); open below when absent.
    min: Option<f64>,
    /// Highest answer in the band (inclusive); open above when absent.
    max: Option<f64>,
    score: Score,
    /// The finding an answer in this band raises.
    raises: Option<Raise>,
}

/// A rule: a condition over answers that names a risk, its fix and who owns it.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Rule {
    id: RuleId,
    /// The condition; the rule fires only when it is certainly true.
    when: Text,
    severity: Severity,
    /// A go-live blocker: NO-GO until fixed or waived.
    blocker: Option<bool>,
    /// The priority ids the rule hurts.
    priorities: TextList,
    title: Text,
    /// The risk in one or two sentences.
    risk: Text,
    remediation: Text,
    /// The role that should own the fix.
    owner: Text,
    references: Option<TextList>,
    /// The fix needs leadership: money, a contract or an appointment.
    leadership: Option<Leadership>,
}

/// Lower-case letters, digits, `_` and `-`.
struct ChecklistId;

impl JsonSchema for ChecklistId {
    fn schema_name() -> Cow<'static, str> {
        "ChecklistId".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^[a-z][a-z0-9_-]*$" })
    }
}

/// Upper-case letters, `-`, digits: `IDN-001`.
struct RuleId;

impl JsonSchema for RuleId {
    fn schema_name() -> Cow<'static, str> {
        "RuleId".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^[A-Z]+-[0-9]+$" })
    }
}

pub fn schema() -> Value {
    schemars::schema_for!(Checklist).to_value()
}
