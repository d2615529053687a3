//! What the interview needs from whoever answers: a terminal, or a script in the tests.
//!
//! The interview decides what to ask and what an answer means; a `Prompter` only shows a question and
//! brings back a reply. An error (Ctrl-C, a closed terminal, the end of a script) stops the interview,
//! with every confirmed answer already saved.

use std::io;

use crate::date::Date;
use crate::model::{AnswerValue, Checklist, Meta, Question};

/// One question as the prompter shows it.
#[derive(Debug)]
pub struct Ask<'a> {
    pub area: &'a Checklist,
    pub question: &'a Question,
    /// Its place among the questions that apply now (1-based), and how many apply.
    pub number: usize,
    pub total: usize,
    /// How many of those are answered with a value or `n/a`: what `check` counts as complete.
    pub answered: usize,
    /// How many are answered `unknown`: asked, but open until known, and judged at their worst answer.
    pub unknown: usize,
    /// The current answer, offered as the default (after `back`, and with `--review`).
    pub current: Option<&'a AnswerValue>,
    /// Whether there is an earlier answer to go back to.
    pub can_go_back: bool,
    /// What the tenant's recorded results say, for a question not answered yet.
    pub tenant: Option<crate::interactive::tenant_offer::TenantOffer>,
}

impl Ask<'_> {
    /// The default to offer: the current answer, or for a question not answered yet, the answer
    /// the tenant's results point to.
    pub fn offered(&self) -> Option<&AnswerValue> {
        let tenant = self.tenant.as_ref().and_then(|t| t.answer.as_ref());
        match self.current {
            None | Some(AnswerValue::Unknown) => tenant.or(self.current),
            current => current,
        }
    }
}

/// What came back for a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// A value, `n/a` or `unknown`, already checked against the question's type.
    Answer(AnswerValue),
    /// Leave it unanswered for now.
    Skip,
    /// Go back and change the previous answer.
    Back,
}

/// A rule that an answer makes fire, in the words the prompter shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Risk {
    pub rule: String,
    pub severity: String,
    pub blocker: bool,
    pub title: String,
}

/// After a risky answer: who follows it up and by when, with what is on file as the defaults.
#[derive(Debug)]
pub struct FollowUpAsk<'a> {
    pub question: &'a Question,
    pub risks: &'a [Risk],
    pub owner: Option<&'a str>,
    pub due: Option<Date>,
    pub today: Date,
}

/// Either may be left out: the answer is saved either way.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FollowUp {
    pub owner: Option<String>,
    pub due: Option<Date>,
}

/// Where the interview stands as an area begins: which area of how many, and what is left.
pub struct AreaStart<'a> {
    pub area: &'a Checklist,
    /// 1-based among the areas in scope.
    pub number: usize,
    pub of: usize,
    /// Questions still to ask in this area, and in every area in scope.
    pub remaining: usize,
    pub remaining_in_all: usize,
}

impl AreaStart<'_> {
    /// A rough time for what is left, at about 20 seconds a question, in whole minutes (at least 1).
    pub fn minutes_left(&self) -> usize {
        (self.remaining_in_all * 20).div_ceil(60).max(1)
    }
}

pub trait Prompter {
    /// The meta block of a new answers file: organisation, project, go-live date, who is assessing.
    fn meta(&mut self, today: Date) -> io::Result<Meta>;
    /// Shows `text` and asks whether to go on (for example, before replacing a commented file).
    fn confirm(&mut self, text: &str) -> io::Result<bool>;
    /// A new area begins.
    fn area(&mut self, start: &AreaStart<'_>);
    fn ask(&mut self, ask: &Ask<'_>) -> io::Result<Reply>;
    fn follow_up(&mut self, ask: &FollowUpAsk<'_>) -> io::Result<FollowUp>;
}
