//! What a question's tool results say its answer can be, and whether the answer on file fits.

use crate::evidence::mapping::{Check, QuestionMap, token, tokens};
use crate::evidence::stem;
use crate::model::{AnswerEntry, Catalog, Outcome, TenantEvidence};

/// What the results of one question's checks come to.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// No result bears on the question, or none that narrows it.
    Silent,
    /// The answers the results leave possible, in the question's order.
    Shows(Vec<String>),
    /// The results contradict each other (for example two tools, or two runs, disagree).
    Inconsistent,
}

/// Whether `evidence` is one of the results a check names.
pub fn names(check: &Check, evidence: &TenantEvidence) -> bool {
    let id = stem(&evidence.id);
    check
        .ids
        .iter()
        .any(|(tool, i)| *tool == evidence.tool && i == id)
}

/// Reads a question's results: each check passes if any of its results passed and fails if all
/// failed; the answers left are those every outcome allows.
pub fn read(map: &QuestionMap, catalog: &Catalog, evidence: &[TenantEvidence]) -> Reading {
    let Some(question) = catalog.questions.get(map.question) else {
        return Reading::Silent;
    };
    let mut left = tokens(&question.kind);
    let mut narrowed = false;
    let mut every_check_passed = true;
    for check in &map.checks {
        let results: Vec<Outcome> = evidence
            .iter()
            .filter(|e| names(check, e))
            .map(|e| e.result)
            .collect();
        let outcome = match results.is_empty() {
            true => None,
            false if results.contains(&Outcome::Pass) => Some(Outcome::Pass),
            false => Some(Outcome::Fail),
        };
        every_check_passed &= outcome == Some(Outcome::Pass);
        let allowed = match outcome {
            Some(Outcome::Pass) => check.pass.as_ref(),
            Some(Outcome::Fail) => check.fail.as_ref(),
            None => None,
        };
        if let Some(allowed) = allowed {
            left.retain(|t| allowed.contains(t));
            narrowed = true;
        }
    }
    if let (true, Some(allowed)) = (every_check_passed && !map.checks.is_empty(), &map.all_pass) {
        left.retain(|t| allowed.contains(t));
        narrowed = true;
    }
    match (narrowed, left.is_empty()) {
        (false, _) => Reading::Silent,
        (true, true) => Reading::Inconsistent,
        (true, false) => Reading::Shows(left),
    }
}

/// The answer on file when the results rule it out, with what they show instead.
pub fn contradiction<'a>(
    entry: &'a AnswerEntry,
    reading: &Reading,
) -> Option<(&'a str, Vec<String>)> {
    let answer = token(&entry.value)?;
    match reading {
        Reading::Shows(left) if !left.iter().any(|t| t == answer) => Some((answer, left.clone())),
        _ => None,
    }
}

/// The results behind a reading, newest first: the ones its checks name.
pub fn sources<'a>(map: &QuestionMap, evidence: &'a [TenantEvidence]) -> Vec<&'a TenantEvidence> {
    let mut used: Vec<&TenantEvidence> = evidence
        .iter()
        .filter(|e| map.checks.iter().any(|c| names(c, e)))
        .collect();
    used.sort_by(|a, b| b.run.cmp(&a.run));
    used
}
