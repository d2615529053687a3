//! Scoring: each answer 0..1, each priority the weighted mean of its questions, the whole the
//! weighted mean of the priorities, each held under a cap by the unwaived findings it carries.
//!
//! A mean dilutes one answer among many, so "nobody uses MFA" alone would cost under a point.
//! The caps make the score say what the verdict says: a blocker holds the score below the NO-GO
//! line, a critical or high finding below the GO line.

use crate::engine::assess::{Assessment, Finding};
use crate::engine::verdict::Verdict;
use crate::model::{AnswerKind, AnswerValue, Answers, Catalog, Severity, Thresholds};

/// The most a priority (and the whole) may score while it carries an unwaived finding.
const BLOCKER_CAP: f64 = 40.0;
const SEVERITY_CAPS: [(Severity, f64); 4] = [
    (Severity::Critical, 55.0),
    (Severity::High, 70.0),
    (Severity::Medium, 85.0),
    (Severity::Low, 95.0),
];

/// A ceiling on a score and what put it there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cap {
    pub max: f64,
    /// The rule whose finding set it; `None` when too few questions are answered to judge.
    pub rule: Option<usize>,
}

/// The cap one unwaived finding sets; configured thresholds can only lower it, so a blocker
/// always reads below the NO-GO line and a critical or high finding below the GO line.
pub fn cap_for(finding: &Finding, t: &Thresholds) -> Option<f64> {
    let below = |line: f64| (line - 0.1).max(0.0);
    if finding.blocker {
        return Some(BLOCKER_CAP.min(below(t.no_go_score)));
    }
    let cap = SEVERITY_CAPS
        .iter()
        .find(|(s, _)| *s == finding.severity)
        .map(|(_, c)| *c)?;
    Some(match finding.severity {
        Severity::Critical | Severity::High => cap.min(below(t.go_score)),
        _ => cap,
    })
}

pub struct Capped {
    pub priorities: Vec<Option<f64>>,
    pub priority_caps: Vec<Option<Cap>>,
    pub overall: f64,
    pub overall_cap: Option<Cap>,
}

/// Each priority held under the lowest cap of the unwaived findings that touch it, and the whole
/// under the lowest cap of any.
pub fn capped(
    catalog: &Catalog,
    priority_scores: &[Option<f64>],
    findings: &[Finding],
    t: &Thresholds,
) -> Capped {
    let caps: Vec<(Cap, &[usize])> = findings
        .iter()
        .filter(|f| f.waiver.is_none())
        .filter_map(|f| {
            let max = cap_for(f, t)?;
            let rule = catalog.rules.get(f.rule)?;
            Some((
                Cap {
                    max,
                    rule: Some(f.rule),
                },
                rule.priorities.as_slice(),
            ))
        })
        .collect();
    let lowest = |caps: &mut dyn Iterator<Item = Cap>| caps.min_by(|a, b| a.max.total_cmp(&b.max));
    let mut priorities = priority_scores.to_vec();
    let mut priority_caps = vec![None; priorities.len()];
    for (p, score) in priorities.iter_mut().enumerate() {
        let cap = lowest(
            &mut caps
                .iter()
                .filter(|(_, ps)| ps.contains(&p))
                .map(|(c, _)| *c),
        );
        if let (Some(cap), Some(s)) = (cap, score.as_mut())
            && cap.max < *s
        {
            *s = cap.max;
            priority_caps[p] = Some(cap);
        }
    }
    let uncapped = overall(catalog, &priorities);
    let cap = lowest(&mut caps.iter().map(|(c, _)| *c)).filter(|c| c.max < uncapped);
    Capped {
        overall: cap.map_or(uncapped, |c| c.max),
        overall_cap: cap,
        priorities,
        priority_caps,
    }
}

/// A NO-GO for too few answers shows a score below the NO-GO line too, like a blocker.
pub fn hold_to_verdict(a: &mut Assessment, t: &Thresholds) {
    let max = BLOCKER_CAP.min((t.no_go_score - 0.1).max(0.0));
    if a.judgement.verdict == Verdict::NoGo && a.score > max && a.score >= t.no_go_score {
        a.score = max;
        a.score_cap = Some(Cap { max, rule: None });
    }
}

/// The best answer a question accepts: `yes`, the highest-scored option or band, every tick, level 5.
/// Dates lie far ahead and names are given; neither is scored.
pub fn best_answer(kind: &AnswerKind, today: crate::date::Date) -> AnswerValue {
    match kind {
        AnswerKind::YesNo { .. } => AnswerValue::Yes,
        AnswerKind::Choice { options } => options
            .iter()
            .max_by(|a, b| a.score.total_cmp(&b.score))
            .map_or(AnswerValue::Unknown, |o| {
                AnswerValue::Choice(o.value.clone())
            }),
        AnswerKind::Multi { options } => {
            AnswerValue::Multi(options.iter().map(|o| o.value.clone()).collect())
        }
        AnswerKind::Maturity { .. } => AnswerValue::Number(5.0),
        AnswerKind::Number { min, bands, .. } => {
            let top = bands.iter().max_by(|a, b| a.score.total_cmp(&b.score));
            AnswerValue::Number(match top {
                Some(band) => band.min.or(band.max).unwrap_or(0.0),
                None => min.unwrap_or(0.0).max(1.0),
            })
        }
        AnswerKind::Date => AnswerValue::Date(today.add_days(3650)),
        AnswerKind::Text | AnswerKind::Person => AnswerValue::Text("(to be answered)".into()),
    }
}

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
