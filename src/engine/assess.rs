//! One assessment: applicability, scores, findings and waivers, then the verdict.

use crate::date::Date;
use crate::engine::facts::AssessmentFacts;
use crate::engine::score;
use crate::engine::verdict::{self, Judgement};
use crate::expr::Truth;
use crate::model::{AnswerValue, Answers, Catalog, Thresholds};

/// A rule that fired.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: usize,
    /// The waiver that covers it, if one is in force.
    pub waiver: Option<usize>,
    /// The questions its condition reads, in the order written.
    pub questions: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaiverState {
    /// In force and covering a finding.
    Active,
    /// Past its expiry date: counts for nothing.
    Expired,
    /// In force, but its rule does not fire.
    Stale,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub today: Date,
    pub days_to_go_live: i64,
    pub applicable: Vec<bool>,
    pub question_scores: Vec<Option<f64>>,
    pub priority_scores: Vec<Option<f64>>,
    pub score: f64,
    pub completeness: f64,
    /// Applicable questions that are unanswered or `unknown`, in checklist order.
    pub open_questions: Vec<usize>,
    /// Ordered by severity, then rule id.
    pub findings: Vec<Finding>,
    pub waivers: Vec<WaiverState>,
    pub judgement: Judgement,
}

pub fn assess(
    catalog: &Catalog,
    answers: &Answers,
    today: Date,
    thresholds: &Thresholds,
) -> Assessment {
    let applicable = applicability(catalog, answers, today);
    let question_scores = score::question_scores(catalog, answers, &applicable);
    let priority_scores = score::priority_scores(catalog, &question_scores);
    let facts = AssessmentFacts {
        answers,
        applicable: &applicable,
        priority_scores: &priority_scores,
        today,
    };
    let waiver_expired: Vec<bool> = answers.waivers.iter().map(|w| w.expires < today).collect();
    let mut findings: Vec<Finding> = catalog
        .rules
        .iter()
        .enumerate()
        .filter(|(_, rule)| rule.when.eval(&facts) == Truth::True)
        .map(|(i, rule)| Finding {
            rule: i,
            waiver: answers
                .waivers
                .iter()
                .enumerate()
                .position(|(w, waiver)| waiver.rule == i && !waiver_expired[w]),
            questions: rule.when.questions().to_vec(),
        })
        .collect();
    findings.sort_by(|a, b| {
        let (ra, rb) = (&catalog.rules[a.rule], &catalog.rules[b.rule]);
        (ra.severity, &ra.id).cmp(&(rb.severity, &rb.id))
    });
    let mut fired = vec![false; catalog.rules.len()];
    for f in &findings {
        fired[f.rule] = true;
    }
    let waivers = answers
        .waivers
        .iter()
        .enumerate()
        .map(|(w, waiver)| {
            if waiver_expired[w] {
                WaiverState::Expired
            } else if fired[waiver.rule] {
                WaiverState::Active
            } else {
                WaiverState::Stale
            }
        })
        .collect();
    let mut assessment = Assessment {
        today,
        days_to_go_live: today.days_until(answers.meta.go_live),
        score: score::overall(catalog, &priority_scores),
        completeness: score::completeness(answers, &applicable),
        open_questions: open_questions(answers, &applicable),
        applicable,
        question_scores,
        priority_scores,
        findings,
        waivers,
        judgement: Judgement::default(),
    };
    assessment.judgement = verdict::judge_with_waivers(catalog, answers, &assessment, thresholds);
    assessment
}

/// Decided in catalogue order; a `when:` only reads earlier questions, so one pass suffices.
fn applicability(catalog: &Catalog, answers: &Answers, today: Date) -> Vec<bool> {
    let mut applicable = Vec::with_capacity(catalog.questions.len());
    for question in &catalog.questions {
        let applies = match &question.when {
            None => true,
            Some(expr) => {
                let facts = AssessmentFacts {
                    answers,
                    applicable: &applicable,
                    priority_scores: &[],
                    today,
                };
                expr.eval(&facts) == Truth::True
            }
        };
        applicable.push(applies);
    }
    applicable
}

fn open_questions(answers: &Answers, applicable: &[bool]) -> Vec<usize> {
    applicable
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            **a && answers
                .get(*i)
                .is_none_or(|e| e.value == AnswerValue::Unknown)
        })
        .map(|(i, _)| i)
        .collect()
}
