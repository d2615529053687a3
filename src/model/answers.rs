//! An assessment as the team answered it: meta, answers by question, waivers; and an answer in the
//! checklist's words.

use crate::date::Date;
use crate::diag::Pos;
use crate::model::AnswerKind;

#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    pub organisation: String,
    pub project: String,
    /// `None` while no go-live date is agreed.
    pub go_live: Option<Date>,
    pub assessed_by: Option<String>,
    pub assessed_on: Option<Date>,
    /// The Entra tenant the assessment is about, set by the first evidence import.
    pub tenant_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AnswerValue {
    NotApplicable,
    Unknown,
    Yes,
    No,
    Partial,
    Choice(String),
    Multi(Vec<String>),
    Number(f64),
    Date(Date),
    Text(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct AnswerEntry {
    pub question: usize,
    pub value: AnswerValue,
    pub owner: Option<String>,
    pub due: Option<Date>,
    pub evidence: Option<String>,
    pub note: Option<String>,
    /// Results of tenant-assessment tools that bear on this answer (`migready import`).
    pub tenant_evidence: Vec<crate::model::TenantEvidence>,
    /// Where the answer's key stands in the answers file, for annotations.
    pub pos: Pos,
}

impl AnswerEntry {
    /// An entry with no answer yet (`unknown`) and nothing else, for a question about to be answered.
    pub fn blank(question: usize, pos: Pos) -> AnswerEntry {
        AnswerEntry {
            question,
            value: AnswerValue::Unknown,
            owner: None,
            due: None,
            evidence: None,
            note: None,
            tenant_evidence: Vec::new(),
            pos,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Waiver {
    pub rule: usize,
    pub reason: String,
    pub approved_by: String,
    pub expires: Date,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Answers {
    pub file: String,
    pub meta: Meta,
    /// One slot per catalogue question, so lookups during scoring are by index.
    pub by_question: Vec<Option<AnswerEntry>>,
    pub waivers: Vec<Waiver>,
}

impl Answers {
    pub fn get(&self, question: usize) -> Option<&AnswerEntry> {
        self.by_question.get(question).and_then(Option::as_ref)
    }
}

/// An answer in the words of the checklist: option labels rather than values, numbers with their unit.
pub fn answer_text(kind: &AnswerKind, value: &AnswerValue) -> String {
    let label = |v: &str| {
        kind.options()
            .iter()
            .find(|o| o.value == v)
            .map_or_else(|| v.to_owned(), |o| o.label.clone())
    };
    match (kind, value) {
        (_, AnswerValue::NotApplicable) => "n/a".into(),
        (_, AnswerValue::Unknown) => "unknown".into(),
        (_, AnswerValue::Yes) => "yes".into(),
        (_, AnswerValue::No) => "no".into(),
        (_, AnswerValue::Partial) => "partly".into(),
        (_, AnswerValue::Choice(v)) => label(v),
        (_, AnswerValue::Multi(vs)) if vs.is_empty() => "none".into(),
        (_, AnswerValue::Multi(vs)) => vs.iter().map(|v| label(v)).collect::<Vec<_>>().join(", "),
        (AnswerKind::Maturity { levels }, AnswerValue::Number(n)) => {
            let level = levels.get(*n as usize).map(|l| format!(": {l}"));
            format!("level {n} of 5{}", level.unwrap_or_default())
        }
        (AnswerKind::Number { unit: Some(u), .. }, AnswerValue::Number(n)) if u == "%" => {
            format!("{n}%")
        }
        (AnswerKind::Number { unit: Some(u), .. }, AnswerValue::Number(n)) => format!("{n} {u}"),
        (_, AnswerValue::Number(n)) => format!("{n}"),
        (_, AnswerValue::Date(d)) => d.to_string(),
        (_, AnswerValue::Text(t)) => t.clone(),
    }
}

#[cfg(test)]
mod words_tests {
    use super::*;

    #[test]
    fn a_partial_yes_no_reads_as_the_interview_offered_it() {
        let kind = AnswerKind::YesNo { partial: true };
        assert_eq!(answer_text(&kind, &AnswerValue::Partial), "partly");
        assert_eq!(answer_text(&kind, &AnswerValue::Yes), "yes");
    }
}
