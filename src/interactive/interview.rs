//! The interview: which question comes next, what an answer changes, and saving after every answer.
//!
//! Questions come in checklist order. After every answer the catalogue's `when:` conditions are
//! evaluated again (by a full assessment, which takes microseconds), so follow-ups appear and disappear
//! as the team answers. Each confirmed answer is handed to the `Store` before anything else happens.

use std::collections::HashSet;
use std::io;

use crate::date::Date;
use crate::diag::Pos;
use crate::engine::{self, Assessment};
use crate::evidence::mapping::Mapping;
use crate::interactive::prompter::{AreaStart, Ask, FollowUpAsk, Prompter, Reply, Risk};
use crate::model::{AnswerEntry, AnswerValue, Answers, Catalog, Thresholds};

/// Where confirmed answers go: the answers file, or memory in the tests.
pub trait Store {
    fn save(&mut self, answers: &Answers) -> io::Result<()>;
}

/// How the interview ended.
#[derive(Debug)]
pub enum Ending {
    /// Every applicable question in scope was answered or skipped.
    Finished,
    /// The prompter stopped (Ctrl-C, a closed terminal): every confirmed answer is saved.
    Stopped(io::Error),
}

pub struct Interview<'a> {
    catalog: &'a Catalog,
    thresholds: &'a Thresholds,
    today: Date,
    review: bool,
    /// The questions in scope, in checklist order.
    order: Vec<usize>,
    answers: Answers,
    /// Questions confirmed or skipped in this session, in the order it happened (for `back`).
    history: Vec<usize>,
    done: HashSet<usize>,
    /// Questions whose new or changed answer was saved in this session.
    saved: HashSet<usize>,
    /// What tool results bear on which question; read only when the answers hold tenant evidence.
    mapping: Mapping,
}

impl<'a> Interview<'a> {
    /// `areas`: the checklists in scope (all of them, or the one `--area` names).
    pub fn new(
        catalog: &'a Catalog,
        thresholds: &'a Thresholds,
        answers: Answers,
        areas: &[usize],
        today: Date,
        review: bool,
    ) -> Interview<'a> {
        let order = catalog
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| areas.contains(&q.checklist))
            .map(|(i, _)| i)
            .collect();
        let mapping = if crate::evidence::readings::any(&answers) {
            crate::evidence::mapping::builtin(catalog).0
        } else {
            Mapping::default()
        };
        Interview {
            mapping,
            catalog,
            thresholds,
            today,
            review,
            order,
            answers,
            history: Vec::new(),
            done: HashSet::new(),
            saved: HashSet::new(),
        }
    }

    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// How many questions got a new or changed answer in this session (each saved at once).
    pub fn saved(&self) -> usize {
        self.saved.len()
    }

    /// Asks until nothing in scope is left or the prompter stops. A failed save is the only error.
    pub fn run(
        &mut self,
        prompter: &mut dyn Prompter,
        store: &mut dyn Store,
    ) -> io::Result<Ending> {
        let mut cursor: Option<usize> = None;
        let mut forced: Option<usize> = None;
        let mut shown_area: Option<usize> = None;
        loop {
            let assessment = self.assess(&self.answers);
            let next = forced.take().or_else(|| self.next(cursor, &assessment));
            let Some(q) = next else {
                return Ok(Ending::Finished);
            };
            let area = self.catalog.questions[q].checklist;
            if shown_area != Some(area) {
                shown_area = Some(area);
                prompter.area(&self.area_start(q, &assessment));
            }
            let reply = match prompter.ask(&self.ask(q, &assessment)) {
                Ok(reply) => reply,
                Err(e) => return Ok(Ending::Stopped(e)),
            };
            match reply {
                Reply::Back => forced = Some(self.back(q)),
                Reply::Skip => {
                    self.mark_done(q);
                    cursor = Some(q);
                }
                Reply::Answer(value) => {
                    cursor = Some(q);
                    if let Some(stop) = self.confirm(q, value, prompter, store)? {
                        return Ok(stop);
                    }
                }
            }
        }
    }

    fn assess(&self, answers: &Answers) -> Assessment {
        engine::assess(self.catalog, answers, self.today, self.thresholds)
    }

    /// The first question after `cursor` that applies and still needs asking.
    fn next(&self, cursor: Option<usize>, a: &Assessment) -> Option<usize> {
        self.order
            .iter()
            .copied()
            .filter(|&q| cursor.is_none_or(|c| q > c))
            .find(|&q| self.needs_asking(q, a))
    }

    fn needs_asking(&self, q: usize, a: &Assessment) -> bool {
        a.applicable.get(q).copied().unwrap_or(false)
            && !self.done.contains(&q)
            && (self.review || self.answers.get(q).is_none_or(tenant_speaks))
    }

    fn area_start(&self, from: usize, a: &Assessment) -> AreaStart<'_> {
        let area = self.catalog.questions[from].checklist;
        let mut areas: Vec<usize> = self
            .order
            .iter()
            .map(|&q| self.catalog.questions[q].checklist)
            .collect();
        areas.dedup();
        AreaStart {
            area: &self.catalog.checklists[area],
            number: areas.iter().position(|&c| c == area).map_or(1, |i| i + 1),
            of: areas.len(),
            remaining: self.remaining_in_area(from, a),
            remaining_in_all: self
                .order
                .iter()
                .filter(|&&q| q == from || self.needs_asking(q, a))
                .count(),
        }
    }

    fn remaining_in_area(&self, from: usize, a: &Assessment) -> usize {
        let area = self.catalog.questions[from].checklist;
        self.order
            .iter()
            .filter(|&&q| q >= from && self.catalog.questions[q].checklist == area)
            .filter(|&&q| q == from || self.needs_asking(q, a))
            .count()
    }

    fn ask<'b>(&'b self, q: usize, a: &Assessment) -> Ask<'b> {
        let applies = |i: &&usize| a.applicable.get(**i).copied().unwrap_or(false);
        let applicable: Vec<usize> = self.order.iter().filter(applies).copied().collect();
        let question = &self.catalog.questions[q];
        Ask {
            area: &self.catalog.checklists[question.checklist],
            question,
            number: applicable.iter().filter(|&&i| i < q).count() + 1,
            total: applicable.len().max(1),
            answered: applicable
                .iter()
                .filter(|&&i| {
                    self.answers
                        .get(i)
                        .is_some_and(|e| e.value != AnswerValue::Unknown)
                })
                .count(),
            unknown: applicable
                .iter()
                .filter(|&&i| {
                    self.answers
                        .get(i)
                        .is_some_and(|e| e.value == AnswerValue::Unknown)
                })
                .count(),
            current: self.answers.get(q).map(|e| &e.value),
            can_go_back: !self.history.is_empty(),
            tenant: crate::interactive::tenant_offer::offer(
                &self.mapping,
                self.catalog,
                self.answers.get(q),
            ),
        }
    }

    /// The question to show after `back` at `q`: the last one confirmed or skipped, else `q` again.
    fn back(&mut self, q: usize) -> usize {
        match self.history.pop() {
            Some(previous) => {
                self.done.remove(&previous);
                previous
            }
            None => q,
        }
    }

    fn mark_done(&mut self, q: usize) {
        self.done.insert(q);
        self.history.push(q);
    }

    /// Stores and saves the answer, then asks for an owner and a due date if it makes a rule fire.
    fn confirm(
        &mut self,
        q: usize,
        value: AnswerValue,
        prompter: &mut dyn Prompter,
        store: &mut dyn Store,
    ) -> io::Result<Option<Ending>> {
        let slot = &mut self.answers.by_question[q];
        // A first answer is a change even when it is `unknown`, the placeholder of a blank entry.
        let changed = slot.as_ref().is_none_or(|e| e.value != value);
        slot.get_or_insert_with(|| blank(q)).value = value;
        self.mark_done(q);
        if changed {
            self.save(store)?;
            self.saved.insert(q);
        }
        let risks = self.risks_caused_by(q);
        if risks.is_empty() || !(changed || self.review) {
            return Ok(None);
        }
        let (owner, due) = match self.answers.get(q) {
            Some(e) => (e.owner.clone(), e.due),
            None => (None, None),
        };
        let ask = FollowUpAsk {
            question: &self.catalog.questions[q],
            risks: &risks,
            owner: owner.as_deref(),
            due,
            today: self.today,
        };
        let reply = match prompter.follow_up(&ask) {
            Ok(reply) => reply,
            Err(e) => return Ok(Some(Ending::Stopped(e))),
        };
        let Some(entry) = self.answers.by_question[q].as_mut() else {
            return Ok(None);
        };
        let before = (entry.owner.clone(), entry.due);
        // Left out means "as it is": a follow-up never erases what is on file.
        entry.owner = reply.owner.or(before.0.clone());
        entry.due = reply.due.or(before.1);
        if (entry.owner.clone(), entry.due) != before {
            self.save(store)?;
        }
        Ok(None)
    }

    fn save(&mut self, store: &mut dyn Store) -> io::Result<()> {
        self.answers.meta.assessed_on = Some(self.today);
        store.save(&self.answers)
    }
}

/// An entry with no answer yet, for a question about to be asked.
/// An `unknown` answer is asked again once the tenant's results speak to it.
fn tenant_speaks(entry: &AnswerEntry) -> bool {
    entry.value == AnswerValue::Unknown && !entry.tenant_evidence.is_empty()
}

pub(crate) fn blank(question: usize) -> AnswerEntry {
    AnswerEntry::blank(question, Pos::new(0, 0))
}

/// A fresh answers value: the meta block and no answers yet.
pub fn new_answers(file: &str, meta: crate::model::Meta, catalog: &Catalog) -> Answers {
    Answers {
        file: file.to_owned(),
        meta,
        by_question: vec![None; catalog.questions.len()],
        waivers: Vec::new(),
    }
}

#[path = "attribution.rs"]
mod attribution;

#[cfg(test)]
#[path = "interview_tests.rs"]
mod tests;
