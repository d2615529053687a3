//! Imports tool results into an answers value: fills what they decide, records them beside the
//! answers they bear on, and lists where they and the team disagree. A person's answer is never changed.

use crate::diag::Pos;
use crate::evidence::judge::{self, Reading};
use crate::evidence::mapping::{self, Mapping, QuestionMap};
use crate::evidence::{Run, Status, stem};
use crate::model::{AnswerEntry, AnswerValue, Answers, Catalog, TenantEvidence};

/// What an import did and found, question by question (catalogue indexes).
#[derive(Debug, Default)]
pub struct Import {
    /// Unanswered questions filled in: the answer given, and the results behind it.
    pub filled: Vec<(usize, String, Vec<TenantEvidence>)>,
    /// Answers the results rule out: the answer, what the results leave possible, and the results.
    pub disagreements: Vec<Disagreement>,
    /// Answers the results agree with.
    pub backed: Vec<usize>,
    /// Unanswered questions the results narrow without deciding.
    pub narrowed: Vec<(usize, Vec<String>)>,
    /// Questions whose results contradict each other.
    pub inconsistent: Vec<usize>,
    /// Results that bear on a question but say nothing: the question, the source and why.
    pub nothing: Vec<(usize, String, String)>,
    /// Whether the answers value changed (so the file must be written).
    pub changed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Disagreement {
    pub question: usize,
    pub answer: String,
    pub shows: Vec<String>,
    pub sources: Vec<TenantEvidence>,
}

pub fn apply(answers: &mut Answers, catalog: &Catalog, mapping: &Mapping, runs: &[Run]) -> Import {
    let mut import = Import::default();
    for map in &mapping.questions {
        let fresh = collect(map, runs, &mut import);
        if fresh.is_empty() {
            continue;
        }
        let Some(slot) = answers.by_question.get_mut(map.question) else {
            continue;
        };
        one_question(map, slot, fresh, catalog, &mut import);
    }
    import
}

/// The results of `runs` that the question's checks name, as evidence; the non-results go to `import.nothing`.
fn collect(map: &QuestionMap, runs: &[Run], import: &mut Import) -> Vec<TenantEvidence> {
    let mut fresh = Vec::new();
    for run in runs {
        // Only the few results a check names become evidence; the rest are passed over cheaply.
        let named = run.results.iter().filter(|r| {
            let id = stem(&r.id);
            map.checks
                .iter()
                .any(|c| c.ids.iter().any(|(t, i)| *t == run.tool && i == id))
        });
        for result in named {
            let evidence = |outcome| TenantEvidence {
                tool: run.tool,
                version: run.version.clone(),
                id: result.id.clone(),
                result: outcome,
                run: run.run.clone(),
                tenant: run.tenant.clone(),
            };
            match &result.status {
                Status::Decided(outcome) => fresh.push(evidence(*outcome)),
                Status::Nothing(why) => {
                    let source = format!("{} {} {}", run.tool, run.version, result.id);
                    import.nothing.push((map.question, source, why.clone()));
                }
            }
        }
    }
    fresh
}

fn one_question(
    map: &QuestionMap,
    slot: &mut Option<AnswerEntry>,
    fresh: Vec<TenantEvidence>,
    catalog: &Catalog,
    import: &mut Import,
) {
    let q = map.question;
    let before = slot
        .as_ref()
        .map(|e| e.tenant_evidence.clone())
        .unwrap_or_default();
    let merged = merge(&before, fresh);
    let reading = judge::read(map, catalog, &merged);
    let unanswered = slot
        .as_ref()
        .is_none_or(|e| e.value == AnswerValue::Unknown);
    if unanswered && fill(map, slot, &merged, &reading, catalog, import) {
        return;
    }
    match &reading {
        Reading::Inconsistent => import.inconsistent.push(q),
        Reading::Shows(left) if unanswered => {
            import.narrowed.push((q, left.clone()));
            // Kept beside an `unknown` answer, so that `assess` can show the results and offer
            // their answer when it asks the question.
            slot.get_or_insert_with(|| blank(q));
        }
        _ => {}
    }
    let Some(entry) = slot.as_mut() else {
        return;
    };
    if matches!(entry.value, AnswerValue::NotApplicable) {
        return;
    }
    if let Some((answer, shows)) = judge::contradiction(entry, &reading) {
        let sources = judge::sources(map, &merged).into_iter().cloned().collect();
        import.disagreements.push(Disagreement {
            question: q,
            answer: answer.to_owned(),
            shows,
            sources,
        });
    } else if !unanswered && matches!(reading, Reading::Shows(_)) {
        import.backed.push(q);
    }
    if entry.tenant_evidence != merged {
        entry.tenant_evidence = merged;
        import.changed = true;
    }
}

/// Fills in an unanswered question that the results decide (one answer left); false when they do not.
fn fill(
    map: &QuestionMap,
    slot: &mut Option<AnswerEntry>,
    merged: &[TenantEvidence],
    reading: &Reading,
    catalog: &Catalog,
    import: &mut Import,
) -> bool {
    let q = map.question;
    let Reading::Shows(left) = reading else {
        return false;
    };
    let [only] = left.as_slice() else {
        return false;
    };
    let kind = catalog.questions.get(q).map(|x| &x.kind);
    let Some(value) = kind.and_then(|k| mapping::answer(k, only)) else {
        return false;
    };
    let entry = slot.get_or_insert_with(|| blank(q));
    entry.value = value;
    entry.tenant_evidence = merged.to_vec();
    import.filled.push((
        q,
        only.clone(),
        judge::sources(map, merged).into_iter().cloned().collect(),
    ));
    import.changed = true;
    true
}

/// The evidence already on file with the new results added; a result replaces an older one of the
/// same tool and id, so importing the same file twice changes nothing.
fn merge(before: &[TenantEvidence], fresh: Vec<TenantEvidence>) -> Vec<TenantEvidence> {
    let mut out = before.to_vec();
    for new in fresh {
        match out
            .iter_mut()
            .find(|e| e.tool == new.tool && e.id == new.id)
        {
            Some(old) if old.run <= new.run => *old = new,
            Some(_) => {}
            None => out.push(new),
        }
    }
    out
}

fn blank(question: usize) -> AnswerEntry {
    AnswerEntry::blank(question, Pos::new(0, 0))
}
