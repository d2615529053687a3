//! How much of an assessment the tenant backs: per checklist and in all, the answered questions
//! whose fresh tool results leave the answer on file possible, with the stale and contradicted
//! ones beside them.

use crate::date::Date;
use crate::engine::Assessment;
use crate::model::{AnswerValue, Answers, Catalog};

/// Evidence coverage of one assessment.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Coverage {
    /// Per checklist with answered questions, in catalogue order.
    pub checklists: Vec<CoverageLine>,
    pub total: Counts,
    /// The answers tenant evidence backs, in catalogue order.
    pub backed: Vec<Backing>,
    /// Answered questions whose evidence is stale (backing them or not), in catalogue order.
    pub stale: Vec<String>,
    /// Answered questions the tenant contradicts.
    pub contradicted: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CoverageLine {
    pub checklist: String,
    pub counts: Counts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Counts {
    /// Questions answered (not `unknown`, not `n/a`).
    pub answered: usize,
    /// Of those, backed by fresh tenant evidence that leaves the answer possible.
    pub backed: usize,
    /// Of those, with tenant evidence older than `evidence_max_age_days`.
    pub stale: usize,
}

/// What verifies one answer: the newest result behind it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Backing {
    pub question: String,
    pub tool: String,
    pub version: String,
    /// The day of the run.
    pub run: Option<Date>,
}

impl Backing {
    /// "verified by ScubaGear 1.8.0, 2026-05-04".
    pub fn phrase(&self) -> String {
        match self.run {
            Some(day) => format!("verified by {} {}, {day}", self.tool, self.version),
            None => format!("verified by {} {}", self.tool, self.version),
        }
    }
}

impl Coverage {
    pub fn of(catalog: &Catalog, answers: &Answers, a: &Assessment) -> Coverage {
        let mut out = Coverage {
            checklists: catalog
                .checklists
                .iter()
                .map(|c| CoverageLine {
                    checklist: c.id.clone(),
                    counts: Counts::default(),
                })
                .collect(),
            ..Coverage::default()
        };
        for entry in answers.by_question.iter().flatten() {
            let answered = !matches!(
                entry.value,
                AnswerValue::Unknown | AnswerValue::NotApplicable
            );
            let Some(question) = catalog.questions.get(entry.question).filter(|_| answered) else {
                continue;
            };
            let state = a.evidence.iter().find(|s| s.question == entry.question);
            let backed = state.is_some_and(|s| s.backed);
            let stale = state.is_some_and(|s| s.stale);
            for counts in [
                &mut out.total,
                &mut out.checklists[question.checklist].counts,
            ] {
                counts.answered += 1;
                counts.backed += usize::from(backed);
                counts.stale += usize::from(stale);
            }
            let Some(state) = state else { continue };
            if stale {
                out.stale.push(question.id.clone());
            }
            if state.contradiction.is_some() {
                out.contradicted.push(question.id.clone());
            }
            if let (true, Some(newest)) = (backed, &state.newest) {
                out.backed.push(Backing {
                    question: question.id.clone(),
                    tool: newest.tool.to_string(),
                    version: newest.version.clone(),
                    run: newest.run_date(),
                });
            }
        }
        out.checklists.retain(|c| c.counts.answered > 0);
        out
    }

    /// Whether any answer carries tenant evidence: formats say nothing of coverage otherwise.
    pub fn any(&self) -> bool {
        !self.backed.is_empty() || !self.stale.is_empty() || !self.contradicted.is_empty()
    }

    /// Itself when any answer carries tenant evidence, for formats that leave it out otherwise.
    pub fn shown(&self) -> Option<&Coverage> {
        self.any().then_some(self)
    }

    /// The backing of one answer, if the tenant backs it.
    pub fn backing(&self, question: &str) -> Option<&Backing> {
        self.backed.iter().find(|b| b.question == question)
    }

    /// "3 of 41 answered questions backed by the tenant (identity 3 of 18); 1 stale: …".
    pub fn sentence(&self) -> String {
        let per: Vec<String> = self
            .checklists
            .iter()
            .filter(|c| c.counts.backed > 0 || c.counts.stale > 0)
            .map(|c| {
                format!(
                    "{} {} of {}",
                    c.checklist, c.counts.backed, c.counts.answered
                )
            })
            .collect();
        let mut s = format!(
            "{} of {} answered questions backed by the tenant",
            self.total.backed, self.total.answered
        );
        if !per.is_empty() {
            s.push_str(&format!(" ({})", per.join(", ")));
        }
        if self.total.stale > 0 {
            s.push_str(&format!(
                "; {} stale: {}",
                self.total.stale,
                self.stale.join(", ")
            ));
        }
        if !self.contradicted.is_empty() {
            s.push_str(&format!(
                "; {} contradicted: {}",
                self.contradicted.len(),
                self.contradicted.join(", ")
            ));
        }
        s
    }
}
