//! GO, GO WITH CONDITIONS or NO-GO, with the reasons a person can act on.

use crate::engine::assess::{Assessment, WaiverState};
use crate::model::{Answers, Catalog, Severity, Thresholds};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Verdict {
    #[default]
    Go,
    Conditional,
    NoGo,
}

impl Verdict {
    /// The id used in JSON and flags.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Go => "go",
            Verdict::Conditional => "conditional",
            Verdict::NoGo => "no-go",
        }
    }

    /// The words a report shows.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Go => "GO",
            Verdict::Conditional => "GO WITH CONDITIONS",
            Verdict::NoGo => "NO-GO",
        }
    }
}

/// Any unwaived blocker, or a score or completeness under its floor, is NO-GO. Unwaived critical or
/// high findings, a priority under its floor, or a score under the GO mark allow GO WITH CONDITIONS at best.
pub fn judge(catalog: &Catalog, a: &Assessment, t: &Thresholds) -> Judgement {
    let no_go = no_go_reasons(catalog, a, t);
    let conditions = condition_reasons(catalog, a, t);
    Judgement {
        verdict: verdict_of(&no_go, &conditions),
        no_go,
        conditions,
    }
}

fn verdict_of(no_go: &[String], conditions: &[String]) -> Verdict {
    if !no_go.is_empty() {
        Verdict::NoGo
    } else if !conditions.is_empty() {
        Verdict::Conditional
    } else {
        Verdict::Go
    }
}

/// Too few answers first (until the team has answered, the blockers are what is not known), then
/// unwaived blockers, then a score under its floor.
fn no_go_reasons(catalog: &Catalog, a: &Assessment, t: &Thresholds) -> Vec<String> {
    let mut no_go = Vec::new();
    if a.completeness < t.no_go_completeness {
        no_go.push(format!(
            "completeness {:.1}% is below the floor of {}%: {} applicable questions are unanswered or unknown",
            a.completeness,
            t.no_go_completeness,
            a.open_questions.len()
        ));
    }
    for f in a
        .findings
        .iter()
        .filter(|f| f.waiver.is_none() && f.blocker)
    {
        let Some(rule) = catalog.rules.get(f.rule) else {
            continue;
        };
        let known = if f.assumed.is_empty() {
            ""
        } else {
            "not known: "
        };
        no_go.push(format!(
            "blocker {} is not waived: {known}{}",
            rule.id, rule.title
        ));
    }
    if a.score < t.no_go_score {
        no_go.push(format!(
            "score {:.1} is below the NO-GO floor of {}",
            a.score, t.no_go_score
        ));
    }
    no_go
}

/// Unwaived critical and high findings, priorities under their floor, a score under the GO mark,
/// no go-live date.
fn condition_reasons(catalog: &Catalog, a: &Assessment, t: &Thresholds) -> Vec<String> {
    let mut conditions = Vec::new();
    for severity in [Severity::Critical, Severity::High] {
        let ids: Vec<&str> = a
            .findings
            .iter()
            .filter(|f| f.waiver.is_none() && f.severity == severity && !f.blocker)
            .filter_map(|f| catalog.rules.get(f.rule))
            .map(|r| r.id.as_str())
            .collect();
        if !ids.is_empty() {
            conditions.push(format!(
                "{} unwaived {} finding{}: {}",
                ids.len(),
                severity.as_str(),
                if ids.len() == 1 { "" } else { "s" },
                ids.join(", ")
            ));
        }
    }
    for (p, score) in catalog.priorities.iter().zip(&a.priority_scores) {
        let floor = t.floor_for(&p.id);
        if let Some(s) = score.filter(|s| *s < floor) {
            conditions.push(format!(
                "{} scores {s:.1}, below its floor of {floor}",
                p.title
            ));
        }
    }
    if a.score < t.go_score && a.score >= t.no_go_score {
        conditions.push(format!(
            "score {:.1} is below {}, the mark for GO",
            a.score, t.go_score
        ));
    }
    if a.days_to_go_live.is_none() {
        let n = a.not_evaluable.len();
        conditions.push(format!(
            "no go-live date is set: {n} rule{} about the run-up to cutover cannot be judged until one is",
            if n == 1 { "" } else { "s" }
        ));
    }
    conditions
}

/// [`judge`], plus what waivers that run out before go-live mean on the day: a waived blocker is
/// NO-GO (it stops the cutover when the waiver ends), a waived critical or high finding a condition.
pub fn judge_with_waivers(
    catalog: &Catalog,
    answers: &Answers,
    a: &Assessment,
    t: &Thresholds,
) -> Judgement {
    let mut judgement = judge(catalog, a, t);
    let Some(go_live) = answers.meta.go_live else {
        return judgement;
    };
    for (w, (waiver, state)) in answers.waivers.iter().zip(&a.waivers).enumerate() {
        let Some(rule) = catalog.rules.get(waiver.rule) else {
            continue;
        };
        let covered = a.findings.iter().filter(|f| f.waiver == Some(w));
        let blocker = covered.clone().any(|f| f.blocker);
        let serious = covered.clone().any(|f| f.severity <= Severity::High);
        if *state != WaiverState::Active || waiver.expires >= go_live {
            continue;
        }
        // A blocker waived only until before go-live stands again on the day: not ready to start.
        let reason = format!(
            "waiver for {} expires on {}, before go-live on {go_live}",
            rule.id, waiver.expires
        );
        if blocker {
            judgement
                .no_go
                .push(format!("{reason}: the blocker counts again on the day"));
        } else if serious {
            judgement.conditions.push(reason);
        }
    }
    judgement.verdict = verdict_of(&judgement.no_go, &judgement.conditions);
    judgement
}

/// The verdict and its reasons, kept apart so the gate can cite only what it fails on.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Judgement {
    pub verdict: Verdict,
    /// Reasons for NO-GO: unwaived blockers, score or completeness under the floor.
    pub no_go: Vec<String>,
    /// Reasons for GO WITH CONDITIONS.
    pub conditions: Vec<String>,
}

impl Judgement {
    /// Every reason the verdict is not GO, most serious first.
    pub fn reasons(&self) -> impl Iterator<Item = &String> {
        self.no_go.iter().chain(&self.conditions)
    }
}
