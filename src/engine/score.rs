//! Scoring: each answer 0..1, each priority the weighted mean of its questions, the whole the
//! weighted mean of the priorities.

use crate::model::{AnswerKind, AnswerValue, Answers, Catalog};

/// The score of one answer, or `None` when it is left out (`n/a`).
pub fn answer_score(kind: &AnswerKind, value: Option<&AnswerValue>) -> Option<f64> {
    let Some(value) = value else {
        return Some(0.0);
    };
    let score = match (kind, value) {
        (_, AnswerValue::NotApplicable) => return None,
        (_, AnswerValue::Unknown) => 0.0,
        (_, AnswerValue::Yes) => 1.0,
        (_, AnswerValue::Partial) => 0.5,
        (_, AnswerValue::No) => 0.0,
        (AnswerKind::Choice { options }, AnswerValue::Choice(v)) => option_score(options, v),
        (AnswerKind::Multi { options }, AnswerValue::Multi(values)) => values
            .iter()
            .map(|v| option_score(options, v))
            .sum::<f64>()
            .min(1.0),
        (AnswerKind::Maturity { .. }, AnswerValue::Number(n)) => (n / 5.0).clamp(0.0, 1.0),
        (AnswerKind::Number { bands, .. }, AnswerValue::Number(n)) => bands
            .iter()
            .find(|b| b.contains(*n))
            .map_or(0.0, |b| b.score),
        (_, AnswerValue::Date(_) | AnswerValue::Text(_)) => 1.0,
        _ => 0.0,
    };
    Some(score)
}

fn option_score(options: &[crate::model::ChoiceOption], value: &str) -> f64 {
    options
        .iter()
        .find(|o| o.value == value)
        .map_or(0.0, |o| o.score)
}

/// Per-question scores: `None` for questions that do not apply, are `n/a` or carry no weight.
pub fn question_scores(
    catalog: &Catalog,
    answers: &Answers,
    applicable: &[bool],
) -> Vec<Option<f64>> {
    catalog
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            if !applicable.get(i).copied().unwrap_or(false) || q.weight <= 0.0 {
                return None;
            }
            answer_score(&q.kind, answers.get(i).map(|e| &e.value))
        })
        .collect()
}

/// Priority scores 0..100; `None` for a priority with nothing to score.
pub fn priority_scores(catalog: &Catalog, question_scores: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut sums = vec![(0.0_f64, 0.0_f64); catalog.priorities.len()];
    for (q, score) in catalog.questions.iter().zip(question_scores) {
        let Some(score) = score else { continue };
        for &p in &q.priorities {
            if let Some((weighted, weights)) = sums.get_mut(p) {
                *weighted += q.weight * score;
                *weights += q.weight;
            }
        }
    }
    sums.into_iter()
        .map(|(weighted, weights)| {
            (weights > 0.0).then(|| super::round1(100.0 * weighted / weights))
        })
        .collect()
}

/// The weighted mean of the priorities that have something to score.
pub fn overall(catalog: &Catalog, priority_scores: &[Option<f64>]) -> f64 {
    let (weighted, weights) = catalog
        .priorities
        .iter()
        .zip(priority_scores)
        .filter_map(|(p, s)| s.map(|s| (p.weight * s, p.weight)))
        .fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
    if weights > 0.0 {
        super::round1(weighted / weights)
    } else {
        0.0
    }
}

/// Percent of applicable questions answered with a value or `n/a` (not `unknown`, not blank).
pub fn completeness(answers: &Answers, applicable: &[bool]) -> f64 {
    let total = applicable.iter().filter(|a| **a).count();
    if total == 0 {
        return 100.0;
    }
    let answered = applicable
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            **a && answers
                .get(*i)
                .is_some_and(|e| e.value != AnswerValue::Unknown)
        })
        .count();
    super::round1(100.0 * answered as f64 / total as f64)
}
