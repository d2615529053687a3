//! A prompter that plays a script: the interview's tests, without a terminal.
//!
//! Each step names the question it expects, so a test fails at the first question asked out of order.
//! When the script runs out, the prompter reports an interruption, as Ctrl-C would.

use std::collections::VecDeque;
use std::io;

use crate::date::Date;
use crate::interactive::prompter::{AreaStart, Ask, FollowUp, FollowUpAsk, Prompter, Reply};
use crate::model::{AnswerValue, Meta};

#[derive(Debug, Clone)]
pub enum Step {
    /// Expect this question id, and reply.
    Ask(String, Reply),
    /// Expect an owner/due follow-up for this question id, and reply.
    FollowUp(String, FollowUp),
    Meta(Meta),
    Confirm(bool),
}

/// What the prompter was shown, for assertions.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub question: String,
    pub number: usize,
    pub total: usize,
    pub answered: usize,
    pub unknown: usize,
    pub current: Option<AnswerValue>,
    pub can_go_back: bool,
    pub offers_na: bool,
    /// What the tenant's results say, as the prompter shows it, and the default it offers.
    pub tenant: Option<String>,
    pub offered: Option<AnswerValue>,
}

#[derive(Debug, Default)]
pub struct Scripted {
    steps: VecDeque<Step>,
    pub shown: Vec<Shown>,
    /// Follow-ups shown: the question id and the rule ids.
    pub risks: Vec<(String, Vec<String>)>,
    pub areas: Vec<(String, usize)>,
}

impl Scripted {
    pub fn new(steps: impl IntoIterator<Item = Step>) -> Scripted {
        Scripted {
            steps: steps.into_iter().collect(),
            ..Scripted::default()
        }
    }

    /// Steps the interview did not reach.
    pub fn left(&self) -> usize {
        self.steps.len()
    }

    fn next(&mut self) -> io::Result<Step> {
        self.steps
            .pop_front()
            .ok_or_else(|| io::Error::new(io::ErrorKind::Interrupted, "the script ended"))
    }
}

fn out_of_order(expected: &str, got: &str) -> io::Error {
    io::Error::other(format!(
        "the script expected {expected}, the interview asked {got}"
    ))
}

impl Prompter for Scripted {
    fn meta(&mut self, _today: Date) -> io::Result<Meta> {
        match self.next()? {
            Step::Meta(meta) => Ok(meta),
            other => Err(out_of_order(&format!("{other:?}"), "for the meta block")),
        }
    }

    fn confirm(&mut self, text: &str) -> io::Result<bool> {
        match self.next()? {
            Step::Confirm(yes) => Ok(yes),
            other => Err(out_of_order(&format!("{other:?}"), text)),
        }
    }

    fn area(&mut self, start: &AreaStart<'_>) {
        self.areas.push((start.area.id.clone(), start.remaining));
    }

    fn ask(&mut self, ask: &Ask<'_>) -> io::Result<Reply> {
        let id = &ask.question.id;
        self.shown.push(Shown {
            question: id.clone(),
            number: ask.number,
            total: ask.total,
            answered: ask.answered,
            unknown: ask.unknown,
            current: ask.current.cloned(),
            can_go_back: ask.can_go_back,
            offers_na: ask.question.allow_na,
            tenant: ask.tenant.as_ref().map(|t| t.said.clone()),
            offered: ask.offered().cloned(),
        });
        match self.next()? {
            Step::Ask(expected, reply) if &expected == id => Ok(reply),
            other => Err(out_of_order(&format!("{other:?}"), id)),
        }
    }

    fn follow_up(&mut self, ask: &FollowUpAsk<'_>) -> io::Result<FollowUp> {
        let id = &ask.question.id;
        let rules = ask.risks.iter().map(|r| r.rule.clone()).collect();
        self.risks.push((id.clone(), rules));
        match self.next()? {
            Step::FollowUp(expected, reply) if &expected == id => Ok(reply),
            other => Err(out_of_order(
                &format!("{other:?}"),
                &format!("a follow-up on {id}"),
            )),
        }
    }
}
