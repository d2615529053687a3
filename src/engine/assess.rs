//! One assessment: applicability, findings and waivers, scores capped by the findings, then the verdict.

use crate::date::Date;
use crate::engine::evidence::{self, EvidenceInput, EvidenceState};
use crate::engine::facts::AssessmentFacts;
use crate::engine::findings::{self, Raised};
use crate::engine::score;
use crate::engine::stage::Stage;
use crate::engine::verdict::{self, Judgement};
use crate::engine::worst_case::{self, Outcome};
use crate::model::{AnswerValue, Answers, Catalog, Severity, Thresholds};

/// A rule that fired.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: usize,
    /// The severity it fired at: a question's own rule takes the severity of the answer given.
    pub severity: Severity,
    /// Whether it stops the migration until resolved or waived.
    pub blocker: bool,
    /// The waiver that covers it, if one is in force.
    pub waiver: Option<usize>,
    /// The questions its condition reads, in the order written.
    pub questions: Vec<usize>,
    /// Unanswered or `unknown` questions whose worst answer raises it ("not known").
    pub assumed: Vec<usize>,
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
    /// `None` while no go-live date is agreed.
    pub days_to_go_live: Option<i64>,
    pub stage: Stage,
    pub applicable: Vec<bool>,
    pub question_scores: Vec<Option<f64>>,
    /// Each priority's score after the caps of the unwaived findings that touch it.
    pub priority_scores: Vec<Option<f64>>,
    /// The cap each priority was held to, where one applied and was below its uncapped score.
    pub priority_caps: Vec<Option<score::Cap>>,
    pub score: f64,
    /// The cap the overall score was held to, where one applied.
    pub score_cap: Option<score::Cap>,
    pub completeness: f64,
    /// Applicable questions that are unanswered or `unknown`, in checklist order.
    pub open_questions: Vec<usize>,
    /// Ordered by gravity (blockers first, then severity), then rule id.
    pub findings: Vec<Finding>,
    /// Rules a go-live date would decide; listed while no date is set.
    pub not_evaluable: Vec<usize>,
    pub waivers: Vec<WaiverState>,
    /// What the tenant evidence recorded beside the answers came to, question by question.
    pub evidence: Vec<EvidenceState>,
    pub judgement: Judgement,
}

pub fn assess(
    catalog: &Catalog,
    answers: &Answers,
    today: Date,
    thresholds: &Thresholds,
) -> Assessment {
    assess_with(catalog, answers, today, thresholds, EvidenceInput::NONE)
}

/// [`assess`] with the tenant evidence read for the answers: a contradicted answer is judged as
/// the evidence's answer unless its contradiction is waived (see [`evidence`]).
pub fn assess_with(
    catalog: &Catalog,
    human: &Answers,
    today: Date,
    thresholds: &Thresholds,
    tenant: EvidenceInput,
) -> Assessment {
    let evidence = evidence::judge(catalog, human, tenant, today);
    let effective = evidence::effective(human, &evidence);
    let answers: &Answers = &effective;
    let go_live = answers.meta.go_live;
    let days_to_go_live = go_live.map(|g| today.days_until(g));
    let applicable = applicability(catalog, answers, today);
    let question_scores = score::question_scores(catalog, answers, &applicable);
    let raw_priority_scores = score::priority_scores(catalog, &question_scores);
    let facts = AssessmentFacts {
        answers,
        applicable: &applicable,
        priority_scores: &raw_priority_scores,
        today,
        go_live,
    };
    let mut raised: Vec<Option<Raised>> = catalog
        .rules
        .iter()
        .map(|rule| findings::evaluate(catalog, rule, &facts))
        .collect();
    findings::drop_subsumed(catalog, &facts, &mut raised);
    evidence::raise(catalog, human, &evidence, &facts, &mut raised);
    let not_evaluable = findings::not_evaluable(catalog, &facts, &raised);
    let waiver_expired: Vec<bool> = answers.waivers.iter().map(|w| w.expires < today).collect();
    let findings = to_findings(catalog, answers, raised, &waiver_expired);
    let waivers = waiver_states(catalog, answers, &findings, &waiver_expired);
    let capped = score::capped(catalog, &raw_priority_scores, &findings, thresholds);
    let mut assessment = Assessment {
        today,
        days_to_go_live,
        stage: Stage::of(days_to_go_live),
        score: capped.overall,
        score_cap: capped.overall_cap,
        priority_caps: capped.priority_caps,
        completeness: score::completeness(answers, &applicable),
        open_questions: open_questions(answers, &applicable),
        applicable,
        question_scores,
        priority_scores: capped.priorities,
        findings,
        not_evaluable,
        waivers,
        evidence,
        judgement: Judgement::default(),
    };
    assessment.judgement = verdict::judge_with_waivers(catalog, answers, &assessment, thresholds);
    score::hold_to_verdict(&mut assessment, thresholds);
    assessment
}

fn to_findings(
    catalog: &Catalog,
    answers: &Answers,
    raised: Vec<Option<Raised>>,
    waiver_expired: &[bool],
) -> Vec<Finding> {
    let mut findings: Vec<Finding> = raised
        .into_iter()
        .enumerate()
        .filter_map(|(i, r)| r.map(|r| (i, r)))
        .map(|(i, r)| Finding {
            rule: i,
            severity: r.severity,
            blocker: r.blocker,
            waiver: answers
                .waivers
                .iter()
                .enumerate()
                .position(|(w, waiver)| waiver.rule == i && !waiver_expired[w]),
            questions: match catalog.rules[i].evidence_of {
                Some(q) => vec![q],
                None => catalog.rules[i].when.questions().to_vec(),
            },
            assumed: r.assumed,
        })
        .collect();
    findings.sort_by(|a, b| {
        let key = |f: &Finding| (!f.blocker, f.severity);
        (key(a), &catalog.rules[a.rule].id).cmp(&(key(b), &catalog.rules[b.rule].id))
    });
    findings
}

fn waiver_states(
    catalog: &Catalog,
    answers: &Answers,
    findings: &[Finding],
    waiver_expired: &[bool],
) -> Vec<WaiverState> {
    let mut fired = vec![false; catalog.rules.len()];
    for f in findings {
        fired[f.rule] = true;
    }
    answers
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
        .collect()
}

/// Decided in catalogue order; a `when:` only reads earlier questions, so one pass suffices.
/// A follow-up of a gate question that is unanswered or `unknown` applies when some answer to
/// the gate would make it apply: not knowing the gate does not make the follow-up go away.
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
                    go_live: answers.meta.go_live,
                };
                matches!(
                    worst_case::evaluate(catalog, expr, &facts),
                    Outcome::Holds | Outcome::HoldsIfWorst(_)
                )
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
