//! The catalogue: priorities, checklists, their questions and rules, with every condition compiled.

use std::collections::HashMap;

use crate::diag::Pos;
use crate::expr::{Expr, QuestionType, Schema};

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Priority {
    pub id: String,
    pub title: String,
    pub description: String,
    pub weight: f64,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Checklist {
    pub id: String,
    pub title: String,
    pub description: String,
    /// Where it was loaded from: a path, or `built-in`.
    pub source: String,
    pub questions: std::ops::Range<usize>,
    pub rules: std::ops::Range<usize>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ChoiceOption {
    pub value: String,
    pub label: String,
    pub score: f64,
}

/// A scoring band of a number question: inclusive bounds, each optional.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Band {
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub score: f64,
}

impl Band {
    pub fn contains(&self, n: f64) -> bool {
        self.min.is_none_or(|min| n >= min) && self.max.is_none_or(|max| n <= max)
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum AnswerKind {
    YesNo {
        partial: bool,
    },
    Choice {
        options: Vec<ChoiceOption>,
    },
    Multi {
        options: Vec<ChoiceOption>,
    },
    Maturity {
        levels: Vec<String>,
    },
    Number {
        min: Option<f64>,
        max: Option<f64>,
        unit: Option<String>,
        bands: Vec<Band>,
    },
    Date,
    Text,
    Person,
}

impl AnswerKind {
    /// The name used in checklist files (`type:`).
    pub fn name(&self) -> &'static str {
        match self {
            AnswerKind::YesNo { .. } => "yes_no",
            AnswerKind::Choice { .. } => "choice",
            AnswerKind::Multi { .. } => "multi",
            AnswerKind::Maturity { .. } => "maturity",
            AnswerKind::Number { .. } => "number",
            AnswerKind::Date => "date",
            AnswerKind::Text => "text",
            AnswerKind::Person => "person",
        }
    }

    /// A number with a unit other than `%` counts things (accounts, users, days, seconds), so it
    /// takes whole numbers only; a percentage may have a fraction.
    pub fn counts(&self) -> bool {
        matches!(self, AnswerKind::Number { unit: Some(u), .. } if u.trim() != "%")
    }

    pub fn options(&self) -> &[ChoiceOption] {
        match self {
            AnswerKind::Choice { options } | AnswerKind::Multi { options } => options,
            _ => &[],
        }
    }

    /// The type the expression checker sees.
    pub fn expr_type(&self) -> QuestionType {
        let values = |options: &[ChoiceOption]| options.iter().map(|o| o.value.clone()).collect();
        match self {
            AnswerKind::YesNo { partial } => QuestionType::YesNo { partial: *partial },
            AnswerKind::Choice { options } => QuestionType::Choice {
                options: values(options),
            },
            AnswerKind::Multi { options } => QuestionType::Multi {
                options: values(options),
            },
            AnswerKind::Maturity { .. } => QuestionType::Maturity,
            AnswerKind::Number { .. } => QuestionType::Number,
            AnswerKind::Date => QuestionType::Date,
            AnswerKind::Text => QuestionType::Text,
            AnswerKind::Person => QuestionType::Person,
        }
    }
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Question {
    /// Qualified id, e.g. `identity.mfa_coverage`.
    pub id: String,
    pub checklist: usize,
    pub prompt: String,
    pub help: String,
    pub kind: AnswerKind,
    pub weight: f64,
    pub priorities: Vec<usize>,
    pub references: Vec<String>,
    pub when: Option<Expr>,
    /// Whether `n/a` is an acceptable answer; not where it would hide a gap (owners, DNS control).
    pub allow_na: bool,
    /// The answers that raise a finding on their own, worst first; their finding is the rule
    /// that carries this question's id.
    pub risky: Vec<RiskyAnswer>,
    pub pos: Pos,
}

/// Which answers of a question a [`RiskyAnswer`] covers.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum AnswerMatch {
    /// `no` or `partial` of a yes/no question, an option of a choice, an option ticked in a multi.
    Value(String),
    /// A number in this band (inclusive bounds).
    Band { min: Option<f64>, max: Option<f64> },
    /// A multiple choice whose ticked options add up to less than this score.
    ScoreBelow(f64),
}

/// What one risky answer raises, and when.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Raise {
    pub severity: Severity,
    pub blocker: bool,
    /// Raised only from this many days before go-live until go-live (a run-up risk).
    pub within_days: Option<i64>,
    /// From this many days before go-live until go-live, the finding is a critical blocker: far
    /// out the answer is a plan still to carry out, close to cutover it stops the migration.
    pub blocker_within: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RiskyAnswer {
    pub matches: AnswerMatch,
    pub raise: Raise,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Deserialize,
    serde::Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Critical,
    High,
    Medium,
    Low,
    Info,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Critical => "critical",
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
            Severity::Info => "info",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Rule {
    pub id: String,
    pub checklist: usize,
    pub when: Expr,
    pub severity: Severity,
    pub blocker: bool,
    pub priorities: Vec<usize>,
    pub title: String,
    pub risk: String,
    pub remediation: String,
    pub owner: String,
    pub references: Vec<String>,
    /// What only leadership can give to fix it: money, a contract or an appointment.
    pub leadership: Option<Leadership>,
    /// Set for the finding a question's own risky answers raise: that question's index.
    pub answer_of: Option<usize>,
    /// Set for the finding tenant evidence raises against a question's answer (`evidence.<id>`):
    /// that question's index. No condition raises it; the evidence does.
    #[serde(default)]
    pub evidence_of: Option<usize>,
    pub pos: Pos,
}

/// A fix that needs leadership's decision, tagged on the rule or finding in the catalogue.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Leadership {
    /// Spending: a budget, a purchase, paid hours.
    Money,
    /// Signing or changing a contract with a supplier.
    Contract,
    /// Naming a person whom only leadership can appoint.
    Appoint,
}

impl Leadership {
    pub const ALL: [Leadership; 3] = [Leadership::Money, Leadership::Contract, Leadership::Appoint];

    pub fn as_str(self) -> &'static str {
        match self {
            Leadership::Money => "money",
            Leadership::Contract => "contract",
            Leadership::Appoint => "appoint",
        }
    }

    pub fn parse(s: &str) -> Option<Leadership> {
        Leadership::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// A date that Microsoft (or another vendor) set, kept as data so that updating it is a one-line
/// change: conditions read it as `deadline("id")`, and `explain` shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Deadline {
    pub id: String,
    pub date: crate::date::Date,
    pub title: String,
    pub references: Vec<String>,
}

/// Everything the engine scores against. Questions and rules are stored flat, in checklist order.
///
/// Serialised without its indices (see `build.rs`); decoding rebuilds them through `Catalog::new`.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(from = "Parts")]
pub struct Catalog {
    pub priorities: Vec<Priority>,
    pub checklists: Vec<Checklist>,
    pub questions: Vec<Question>,
    pub rules: Vec<Rule>,
    /// Named dates the conditions compare with (`deadline("ews_shutdown")`).
    pub deadlines: Vec<Deadline>,
    #[serde(skip)]
    question_index: HashMap<String, usize>,
    #[serde(skip)]
    rule_index: HashMap<String, usize>,
    /// Computed on first use; like the indices, it assumes the catalogue is not changed after
    /// `Catalog::new`.
    #[serde(skip)]
    fingerprint: std::sync::OnceLock<u64>,
}

/// The serialised form of a catalogue: the same fields, in the same order, without the indices.
#[derive(serde::Deserialize)]
struct Parts {
    priorities: Vec<Priority>,
    checklists: Vec<Checklist>,
    questions: Vec<Question>,
    rules: Vec<Rule>,
    deadlines: Vec<Deadline>,
}

impl From<Parts> for Catalog {
    fn from(p: Parts) -> Catalog {
        Catalog::new(p.priorities, p.checklists, p.questions, p.rules).with_deadlines(p.deadlines)
    }
}

impl Catalog {
    pub fn new(
        priorities: Vec<Priority>,
        checklists: Vec<Checklist>,
        questions: Vec<Question>,
        rules: Vec<Rule>,
    ) -> Catalog {
        let question_index = index(questions.iter().map(|q| q.id.as_str()));
        let rule_index = index(rules.iter().map(|r| r.id.as_str()));
        Catalog {
            priorities,
            checklists,
            questions,
            rules,
            deadlines: Vec::new(),
            question_index,
            rule_index,
            fingerprint: std::sync::OnceLock::new(),
        }
    }

    /// A hash of what the questions, rules and dates say, whatever their order in the files.
    pub fn fingerprint(&self) -> u64 {
        *self
            .fingerprint
            .get_or_init(|| crate::model::fingerprint::of(self))
    }

    pub fn with_deadlines(mut self, deadlines: Vec<Deadline>) -> Catalog {
        self.deadlines = deadlines;
        self.fingerprint = std::sync::OnceLock::new();
        self
    }

    pub fn deadline(&self, id: &str) -> Option<&Deadline> {
        self.deadlines.iter().find(|d| d.id == id)
    }

    pub fn question(&self, id: &str) -> Option<usize> {
        self.question_index.get(id).copied()
    }

    pub fn rule(&self, id: &str) -> Option<usize> {
        self.rule_index.get(id).copied()
    }

    pub fn priority(&self, id: &str) -> Option<usize> {
        self.priorities.iter().position(|p| p.id == id)
    }

    pub fn checklist(&self, id: &str) -> Option<usize> {
        self.checklists.iter().position(|c| c.id == id)
    }
}

fn index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    ids.enumerate().map(|(i, id)| (id.to_owned(), i)).collect()
}

/// The names a condition may use, while the catalogue is being built.
pub struct Names<'a> {
    pub question_ids: &'a HashMap<String, usize>,
    pub question_types: &'a [QuestionType],
    pub priority_ids: &'a [String],
    pub deadlines: &'a [Deadline],
}

impl Schema for Names<'_> {
    fn question(&self, id: &str) -> Option<(usize, &QuestionType)> {
        let i = *self.question_ids.get(id)?;
        Some((i, self.question_types.get(i)?))
    }

    fn question_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.question_ids.keys().map(String::as_str).collect();
        ids.sort_unstable();
        ids
    }

    fn priority(&self, id: &str) -> Option<usize> {
        self.priority_ids.iter().position(|p| p == id)
    }

    fn priority_ids(&self) -> Vec<&str> {
        self.priority_ids.iter().map(String::as_str).collect()
    }

    fn deadline(&self, id: &str) -> Option<crate::date::Date> {
        self.deadlines.iter().find(|d| d.id == id).map(|d| d.date)
    }

    fn deadline_ids(&self) -> Vec<&str> {
        self.deadlines.iter().map(|d| d.id.as_str()).collect()
    }
}
