//! What conditions read: answers masked by applicability, priority scores and dates.

use crate::date::Date;
use crate::expr::{Answer, Facts};
use crate::model::{AnswerValue, Answers};

pub struct AssessmentFacts<'a> {
    pub answers: &'a Answers,
    /// Questions decided so far; a question not (yet) applicable reads as not applicable.
    pub applicable: &'a [bool],
    pub priority_scores: &'a [Option<f64>],
    pub today: Date,
    /// The go-live date the rules are judged against; `None` until one is agreed.
    pub go_live: Option<Date>,
}

impl<'a> AssessmentFacts<'a> {
    /// The same facts against another go-live date (to find the rules a date would decide).
    pub fn with_go_live(&self, go_live: Option<Date>) -> AssessmentFacts<'a> {
        AssessmentFacts { go_live, ..*self }
    }
}

impl Facts for AssessmentFacts<'_> {
    fn answer(&self, question: usize) -> Answer<'_> {
        if !self.applicable.get(question).copied().unwrap_or(false) {
            return Answer::NotApplicable;
        }
        let Some(entry) = self.answers.get(question) else {
            return Answer::Missing;
        };
        match &entry.value {
            AnswerValue::NotApplicable => Answer::NotApplicable,
            AnswerValue::Unknown => Answer::Unknown,
            AnswerValue::Yes => Answer::Yes,
            AnswerValue::No => Answer::No,
            AnswerValue::Partial => Answer::Partial,
            AnswerValue::Choice(s) => Answer::Choice(s),
            AnswerValue::Multi(v) => Answer::Multi(v),
            AnswerValue::Number(n) => Answer::Number(*n),
            AnswerValue::Date(d) => Answer::Date(*d),
            AnswerValue::Text(s) => Answer::Text(s),
        }
    }

    fn score(&self, priority: usize) -> Option<f64> {
        self.priority_scores.get(priority).copied().flatten()
    }

    fn today(&self) -> Date {
        self.today
    }

    fn go_live(&self) -> Option<Date> {
        self.go_live
    }
}
