//! How much of an assessment the tenant backs: per checklist, the answered questions whose
//! recorded tool results agree with the answer.

use crate::evidence::judge;
use crate::evidence::mapping::Mapping;
use crate::model::{AnswerValue, Answers, Catalog};

/// One checklist's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub checklist: String,
    /// Answered questions (not `unknown`, not `n/a`).
    pub answered: usize,
    /// Of those, the ones with tenant evidence that does not rule the answer out.
    pub backed: usize,
}

/// Checklists in catalogue order; those with no answers are left out.
pub fn coverage(catalog: &Catalog, answers: &Answers, map: &Mapping) -> Vec<Coverage> {
    let mut out: Vec<Coverage> = catalog
        .checklists
        .iter()
        .map(|c| Coverage {
            checklist: c.id.clone(),
            answered: 0,
            backed: 0,
        })
        .collect();
    for entry in answers.by_question.iter().flatten() {
        if matches!(
            entry.value,
            AnswerValue::Unknown | AnswerValue::NotApplicable
        ) {
            continue;
        }
        let Some(row) = catalog
            .questions
            .get(entry.question)
            .and_then(|q| out.get_mut(q.checklist))
        else {
            continue;
        };
        row.answered += 1;
        let agrees = map.for_question(entry.question).is_some_and(|q| {
            let reading = judge::read(q, catalog, &entry.tenant_evidence);
            matches!(reading, judge::Reading::Shows(_))
                && judge::contradiction(entry, &reading).is_none()
        });
        if agrees {
            row.backed += 1;
        }
    }
    out.retain(|c| c.answered > 0);
    out
}
