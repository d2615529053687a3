//! Which risks an answer carries: the findings the interview names after it, and asks an owner for.
//!
//! Questions still to come are taken at their best answer, so a rule that a later answer could
//! silence waits for it instead of being pinned on this one (an unanswered question would
//! otherwise count as its worst answer). An answer is credited with a finding when some other
//! answer to it silences the finding (it is a necessary part), or when it fires the finding with
//! the rule's other questions at their best (it is enough on its own, as one side of an `or`).

use super::{Interview, Risk, blank};
use crate::engine::score::best_answer;
use crate::model::{AnswerEntry, AnswerKind, AnswerValue, Answers};

impl Interview<'_> {
    pub fn risks_caused_by(&self, q: usize) -> Vec<Risk> {
        let hopeful = self.future_at_best();
        let with = self.assess(&hopeful);
        with.findings
            .iter()
            .filter(|f| f.waiver.is_none() && f.questions.contains(&q))
            .filter(|f| self.necessary(q, f.rule, &hopeful) || self.enough(q, f.rule, &hopeful))
            .filter_map(|f| Some((f, self.catalog.rules.get(f.rule)?)))
            .map(|(f, rule)| Risk {
                rule: rule.id.clone(),
                severity: f.severity.as_str().to_owned(),
                blocker: f.blocker,
                title: rule.title.clone(),
            })
            .collect()
    }

    /// The answers on file, with every in-scope question not yet answered or skipped at its best.
    fn future_at_best(&self) -> Answers {
        let mut hopeful = self.answers.clone();
        for &o in &self.order {
            if self.answers.get(o).is_none() && !self.done.contains(&o) {
                let kind = &self.catalog.questions[o].kind;
                set(&mut hopeful, o, Some(best_answer(kind, self.today)));
            }
        }
        hopeful
    }

    fn fires(&self, answers: &Answers, rule: usize) -> bool {
        self.assess(answers).findings.iter().any(|f| f.rule == rule)
    }

    /// Some other answer to `q` keeps `rule` from firing, all else equal.
    fn necessary(&self, q: usize, rule: usize, hopeful: &Answers) -> bool {
        let kind = &self.catalog.questions[q].kind;
        alternatives(kind)
            .into_iter()
            .chain([best_answer(kind, self.today)])
            .any(|value| {
                let mut other = hopeful.clone();
                set(&mut other, q, Some(value));
                !self.fires(&other, rule)
            })
    }

    /// `rule` fires on `q`'s answer alone, with the other answered questions it reads at their best.
    fn enough(&self, q: usize, rule: usize, hopeful: &Answers) -> bool {
        let Some(r) = self.catalog.rules.get(rule) else {
            return false;
        };
        let mut alone = hopeful.clone();
        for &o in r.when.questions().iter().filter(|&&o| o != q) {
            if alone.get(o).is_some() {
                let kind = &self.catalog.questions[o].kind;
                set(&mut alone, o, Some(best_answer(kind, self.today)));
            }
        }
        self.fires(&alone, rule)
    }
}

/// Replaces the value of `q`, keeping its owner, due date and notes.
fn set(answers: &mut Answers, q: usize, value: Option<AnswerValue>) {
    if let Some(slot) = answers.by_question.get_mut(q) {
        let kept = slot.take().unwrap_or_else(|| blank(q));
        *slot = value.map(|v| AnswerEntry { value: v, ..kept });
    }
}

/// Other answers a question could have had: each option, yes/no, or band edge.
fn alternatives(kind: &AnswerKind) -> Vec<AnswerValue> {
    let mut values: Vec<AnswerValue> = match kind {
        AnswerKind::YesNo { .. } => vec![AnswerValue::Yes, AnswerValue::No],
        AnswerKind::Choice { options } => options
            .iter()
            .map(|o| AnswerValue::Choice(o.value.clone()))
            .collect(),
        AnswerKind::Maturity { .. } => (0..=5).map(|n| AnswerValue::Number(f64::from(n))).collect(),
        AnswerKind::Number {
            min, max, bands, ..
        } => bands
            .iter()
            .flat_map(|b| [b.min, b.max])
            .chain([*min, *max])
            .flatten()
            .map(AnswerValue::Number)
            .collect(),
        _ => Vec::new(),
    };
    values.dedup();
    values
}
