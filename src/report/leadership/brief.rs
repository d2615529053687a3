//! Page 1 in words: what the verdict means for the project in one sentence, and the decisions
//! only leadership can take. Plain text, no ids; each renderer escapes it.

use crate::engine::{Stage, Verdict};
use crate::model::catalog::Leadership;
use crate::report::leadership::actions::{self, Action};
use crate::report::model::{FindingLine, Report};

/// What the verdict means for the project: stop, keep preparing, or proceed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Course {
    /// Do not cut over on the planned date: it is close, or past, and blockers are open.
    Stop,
    /// Keep working towards go-live, but do not start the cutover.
    KeepPreparing,
    /// Carry on, meeting the conditions before the cutover.
    ProceedWithConditions,
    Proceed,
}

impl Course {
    pub fn of(r: &Report) -> Course {
        match (r.verdict, r.stage) {
            (Verdict::NoGo, Stage::GoNoGo | Stage::AfterGoLive) => Course::Stop,
            (Verdict::NoGo, _) => Course::KeepPreparing,
            (Verdict::Conditional, _) => Course::ProceedWithConditions,
            (Verdict::Go, _) => Course::Proceed,
        }
    }

    /// The first words of the meaning sentence, set in bold.
    pub fn label(self) -> &'static str {
        match self {
            Course::Stop => "Stop: do not cut over on the planned date",
            Course::KeepPreparing => "Keep preparing, but do not start the cutover",
            Course::ProceedWithConditions => "Proceed, and meet the conditions before the cutover",
            Course::Proceed => "Proceed as planned",
        }
    }
}

/// The rest of the sentence after the course: why, and what stops or allows it.
pub fn meaning(r: &Report) -> String {
    let blockers = r.blockers().count();
    let serious = crate::report::leadership::decision::serious(r).count();
    let date = match (r.go_live, r.days_to_go_live) {
        (Some(g), Some(d)) if d >= 0 => {
            format!("go-live is planned for {g}, in {}", actions::days(d))
        }
        (Some(g), Some(d)) => format!("go-live was planned for {g}, {} ago", actions::days(-d)),
        _ => "no go-live date is agreed yet".to_owned(),
    };
    match Course::of(r) {
        Course::Stop => format!(
            "{date}, and {} must first be fixed or formally accepted; move the date rather than go ahead.",
            count(blockers, "go-live blocker")
        ),
        Course::KeepPreparing if blockers > 0 => format!(
            "{date}, which leaves time to fix the {} below; funding and planning continue.",
            count(blockers, "go-live blocker")
        ),
        Course::KeepPreparing => format!(
            "{date}; readiness is below the line for a safe cutover, so the work below continues first."
        ),
        Course::ProceedWithConditions => format!(
            "{date}; {} need fixing or formal acceptance first.",
            count(serious.max(1), "serious risk")
        ),
        Course::Proceed => format!("{date}; nothing open stands in the way."),
    }
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// "Approve spending", "Sign or change a contract", "Appoint someone".
pub fn need_label(need: Leadership) -> &'static str {
    match need {
        Leadership::Money => "Approve spending",
        Leadership::Contract => "Sign or change a contract",
        Leadership::Appoint => "Appoint someone",
    }
}

/// The decisions only leadership can take: open findings whose fix needs money, a contract or
/// an appointment (as the catalogue tags them), grouped by that need, most urgent first.
pub fn decisions<'r>(all: &[Action<'r>]) -> Vec<(Leadership, Vec<&'r FindingLine>)> {
    Leadership::ALL
        .into_iter()
        .map(|need| {
            let group: Vec<&FindingLine> = all
                .iter()
                .map(|a| a.finding)
                .filter(|f| f.leadership == Some(need))
                .collect();
            (need, group)
        })
        .filter(|(_, group)| !group.is_empty())
        .collect()
}

/// The organisation's own words behind a group of decisions: each distinct note once, at most
/// `max`, so that "the managed-service quote is unsigned" is read as written.
pub fn notes<'r>(group: &[&'r FindingLine], max: usize) -> Vec<&'r str> {
    let mut notes: Vec<&str> = Vec::new();
    for note in group
        .iter()
        .flat_map(|f| f.answers.iter().filter_map(|a| a.note.as_deref()))
    {
        if !notes.contains(&note) && notes.len() < max {
            notes.push(note);
        }
    }
    notes
}
