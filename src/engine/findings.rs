//! Which rules fire, at what severity, and which cannot be judged yet.
//!
//! A hand-written rule fires at its own severity. A question's own rule (`answer_of`) fires at the
//! severity of the worst risky answer given, within its time window; an unanswered or `unknown`
//! question raises what its worst answer would, when that is high or critical.

use crate::engine::facts::AssessmentFacts;
use crate::engine::score::best_answer;
use crate::engine::worst_case::{self, Outcome};
use crate::expr::{Answer, Facts};
use crate::model::catalog::{AnswerMatch, Raise, RiskyAnswer};
use crate::model::{AnswerKind, Catalog, Question, Rule, Severity};

/// A rule that fires, before waivers are matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Raised {
    pub severity: Severity,
    pub blocker: bool,
    /// The unanswered or `unknown` questions whose worst answer makes it fire; empty when the
    /// answers given fire it.
    pub assumed: Vec<usize>,
}

impl Raised {
    /// Blockers first, then by severity: the smaller key is the graver finding.
    pub fn gravity(&self) -> (bool, Severity) {
        (!self.blocker, self.severity)
    }
}

/// Whether a finding this grave is raised on the strength of an answer nobody knows.
pub fn raised_when_unknown(severity: Severity, blocker: bool) -> bool {
    blocker || severity <= Severity::High
}

pub fn evaluate(catalog: &Catalog, rule: &Rule, facts: &AssessmentFacts) -> Option<Raised> {
    // Tenant evidence raises these (`engine::evidence`), never a condition.
    if rule.evidence_of.is_some() {
        return None;
    }
    match rule.answer_of {
        Some(q) => catalog
            .questions
            .get(q)
            .and_then(|q| own_answer(q, rule, facts)),
        None => condition(catalog, rule, facts),
    }
}

/// Drops a question's own finding when a hand-written rule that fired at least as gravely, on the
/// answers given, rests on the same answer (the question's best answer would silence it): the rule
/// names the same risk in its context ("users on old Office lose mail when their mailbox moves"),
/// and listing both says one thing twice. A rule that only reads the question (a date window, say)
/// or that fired only on what nobody knows yet keeps both.
pub fn drop_subsumed(catalog: &Catalog, facts: &AssessmentFacts, raised: &mut [Option<Raised>]) {
    let subsumed: Vec<usize> = catalog
        .rules
        .iter()
        .enumerate()
        .filter_map(|(i, rule)| Some((i, rule.answer_of?, raised[i].as_ref()?.gravity())))
        .filter(|&(_, q, own)| {
            catalog.rules.iter().zip(raised.iter()).any(|(other, r)| {
                other.answer_of.is_none()
                    && r.as_ref()
                        .is_some_and(|r| r.assumed.is_empty() && r.gravity() <= own)
                    && other.when.questions().contains(&q)
                    && rests_on(catalog, other, q, facts)
            })
        })
        .map(|(i, _, _)| i)
        .collect();
    for i in subsumed {
        raised[i] = None;
    }
}

/// `rule` would not fire had question `q` been given its best answer.
fn rests_on(catalog: &Catalog, rule: &Rule, q: usize, facts: &AssessmentFacts) -> bool {
    let Some(question) = catalog.questions.get(q) else {
        return false;
    };
    let mut answers = facts.answers.clone();
    match answers.by_question.get_mut(q) {
        Some(Some(entry)) => entry.value = best_answer(&question.kind, facts.today),
        _ => return false,
    }
    let hopeful = AssessmentFacts {
        answers: &answers,
        ..*facts
    };
    condition(catalog, rule, &hopeful).is_none()
}

fn condition(catalog: &Catalog, rule: &Rule, facts: &AssessmentFacts) -> Option<Raised> {
    let assumed = match worst_case::evaluate(catalog, &rule.when, facts) {
        Outcome::Holds => Vec::new(),
        Outcome::HoldsIfWorst(open) if raised_when_unknown(rule.severity, rule.blocker) => open,
        _ => return None,
    };
    Some(Raised {
        severity: rule.severity,
        blocker: rule.blocker,
        assumed,
    })
}

fn own_answer(question: &Question, rule: &Rule, facts: &AssessmentFacts) -> Option<Raised> {
    let index = rule.answer_of?;
    let days = facts.go_live().map(|g| facts.today().days_until(g));
    let answer = facts.answer(index);
    let unknown = matches!(answer, Answer::Missing | Answer::Unknown);
    let raised = question
        .risky
        .iter()
        .filter(|r| unknown || matches(r, &question.kind, answer))
        .filter_map(|r| in_force(r.raise, days))
        .min_by_key(|(severity, blocker)| (!blocker, *severity))?;
    let (severity, blocker) = raised;
    if unknown && !raised_when_unknown(severity, blocker) {
        return None;
    }
    Some(Raised {
        severity,
        blocker,
        assumed: if unknown { vec![index] } else { Vec::new() },
    })
}

/// The severity and blocker flag a risky answer carries this many days before go-live, or
/// `None` outside its window (or with no go-live date, for a run-up risk).
pub fn in_force(raise: Raise, days: Option<i64>) -> Option<(Severity, bool)> {
    let inside = |n: i64| days.is_some_and(|d| (0..=n).contains(&d));
    if raise.within_days.is_some_and(|n| !inside(n)) {
        return None;
    }
    if raise.blocker_within.is_some_and(inside) {
        return Some((Severity::Critical, true));
    }
    Some((raise.severity, raise.blocker))
}

pub fn matches(risky: &RiskyAnswer, kind: &AnswerKind, answer: Answer<'_>) -> bool {
    match (&risky.matches, answer) {
        (AnswerMatch::Value(v), Answer::No) => v == "no",
        (AnswerMatch::Value(v), Answer::Partial) => v == "partial",
        (AnswerMatch::Value(v), Answer::Choice(c)) => v == c,
        (AnswerMatch::Value(v), Answer::Multi(selected)) => selected.iter().any(|s| s == v),
        // The band that scores the number: the first that holds it, as in scoring.
        (AnswerMatch::Band { min, max }, Answer::Number(n)) => match kind {
            AnswerKind::Number { bands, .. } => bands
                .iter()
                .find(|b| b.contains(n))
                .is_some_and(|b| b.min == *min && b.max == *max),
            _ => false,
        },
        (AnswerMatch::ScoreBelow(mark), Answer::Multi(selected)) => {
            let options = kind.options();
            let score: f64 = selected
                .iter()
                .filter_map(|s| options.iter().find(|o| &o.value == s))
                .map(|o| o.score)
                .sum();
            score.min(1.0) < *mark
        }
        _ => false,
    }
}

/// Go-live dates tried, in days from today, when none is set.
const TRIAL_DAYS: [i64; 9] = [0, 3, 7, 14, 30, 60, 90, 180, 365];

/// With no go-live date, the rules that some go-live date would make fire, or fire more gravely:
/// they are "not evaluable until a go-live date is set".
pub fn not_evaluable(
    catalog: &Catalog,
    facts: &AssessmentFacts,
    fired: &[Option<Raised>],
) -> Vec<usize> {
    if facts.go_live().is_some() {
        return Vec::new();
    }
    catalog
        .rules
        .iter()
        .enumerate()
        .filter(|(i, rule)| {
            let now = fired.get(*i).cloned().flatten();
            TRIAL_DAYS.iter().any(|&d| {
                let dated = facts.with_go_live(Some(facts.today().add_days(d)));
                match (evaluate(catalog, rule, &dated), &now) {
                    (Some(trial), Some(now)) => trial.gravity() < now.gravity(),
                    (Some(_), None) => true,
                    (None, _) => false,
                }
            })
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raise(severity: Severity) -> Raise {
        Raise {
            severity,
            blocker: false,
            within_days: None,
            blocker_within: None,
        }
    }

    #[test]
    fn a_run_up_risk_holds_only_inside_its_window() {
        let r = Raise {
            within_days: Some(30),
            ..raise(Severity::High)
        };
        assert_eq!(in_force(r, Some(31)), None);
        assert_eq!(in_force(r, Some(30)), Some((Severity::High, false)));
        assert_eq!(in_force(r, Some(0)), Some((Severity::High, false)));
        assert_eq!(in_force(r, Some(-1)), None, "the window ends at go-live");
        assert_eq!(in_force(r, None), None, "no date: not evaluable");
    }

    #[test]
    fn a_plan_becomes_a_blocker_in_the_final_window_only() {
        let r = Raise {
            blocker_within: Some(14),
            ..raise(Severity::Medium)
        };
        assert_eq!(in_force(r, Some(90)), Some((Severity::Medium, false)));
        assert_eq!(in_force(r, Some(14)), Some((Severity::Critical, true)));
        assert_eq!(in_force(r, Some(-3)), Some((Severity::Medium, false)));
        assert_eq!(in_force(r, None), Some((Severity::Medium, false)));
    }

    #[test]
    fn only_grave_findings_are_raised_on_what_nobody_knows() {
        assert!(raised_when_unknown(Severity::Critical, false));
        assert!(raised_when_unknown(Severity::High, false));
        assert!(!raised_when_unknown(Severity::Medium, false));
        assert!(raised_when_unknown(Severity::Medium, true));
    }
}
