//! The recorded results of each answered question read through the mapping, for the engine.

use crate::engine::evidence::TenantReading;
use crate::evidence::judge::{self, Reading};
use crate::evidence::mapping::{self, Mapping};
use crate::model::{AnswerValue, Answers, Catalog};

/// One reading per answered question that has tenant evidence and a mapping.
pub fn readings(map: &Mapping, catalog: &Catalog, answers: &Answers) -> Vec<TenantReading> {
    let mut out = Vec::new();
    for entry in answers.by_question.iter().flatten() {
        if entry.tenant_evidence.is_empty()
            || matches!(
                entry.value,
                AnswerValue::Unknown | AnswerValue::NotApplicable
            )
        {
            continue;
        }
        let (Some(q), Some(question)) = (
            map.for_question(entry.question),
            catalog.questions.get(entry.question),
        ) else {
            continue;
        };
        let reading = judge::read(q, catalog, &entry.tenant_evidence);
        let shows = match &reading {
            Reading::Shows(left) => left
                .iter()
                .filter_map(|t| mapping::answer(&question.kind, t))
                .collect(),
            _ => Vec::new(),
        };
        out.push(TenantReading {
            question: entry.question,
            contradicted: judge::contradiction(entry, &reading).is_some(),
            shows,
            sources: judge::sources(q, &entry.tenant_evidence)
                .into_iter()
                .cloned()
                .collect(),
        });
    }
    out
}

/// Whether any answer carries tenant evidence: most files hold none and need not read the mapping.
pub fn any(answers: &Answers) -> bool {
    answers
        .by_question
        .iter()
        .flatten()
        .any(|e| !e.tenant_evidence.is_empty())
}
