//! The verdict in two plain sentences for the person who decides: what it means for the project
//! (stop, keep preparing, proceed) and why. No rule ids and no jargon; each renderer escapes them.

use crate::engine::WaiverState;
use crate::model::Severity;
use crate::report::leadership::brief::{self, Course};
use crate::report::model::{FindingLine, Report, WaiverLine};

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub label: &'static str,
    pub text: String,
}

/// The verdict's meaning (stop, keep preparing, proceed) and why, in the order they are read.
pub fn summary(r: &Report) -> [Line; 2] {
    let course = Course::of(r);
    let why = match facts(r) {
        facts if facts.is_empty() => "no go-live blocker or unwaived serious risk is open, and every priority is above its floor".to_owned(),
        facts => facts,
    };
    [
        Line {
            label: course.label(),
            text: brief::meaning(r),
        },
        Line {
            label: "Why",
            text: sentence(&why),
        },
    ]
}

/// Serious findings with no waiver that are not blockers: critical and high.
pub fn serious(r: &Report) -> impl Iterator<Item = &FindingLine> {
    r.findings
        .iter()
        .filter(|f| !f.waived && !f.blocker && f.severity <= Severity::High)
}

/// Waivers in force that run out before go-live and cover something that would hold the migration up.
pub fn lapsing(r: &Report) -> impl Iterator<Item = &WaiverLine> {
    r.waivers.iter().filter(|w| {
        w.state == WaiverState::Active
            && r.go_live.is_some_and(|g| w.expires < g)
            && r.findings
                .iter()
                .any(|f| f.rule == w.rule && (f.blocker || f.severity <= Severity::High))
    })
}

/// What stands in the way, counted in words.
fn facts(r: &Report) -> String {
    let mut facts = Vec::new();
    let blockers = r.blockers().count();
    if blockers > 0 {
        facts.push(count(
            blockers,
            "go-live blocker is open",
            "go-live blockers are open",
        ));
    }
    let serious = serious(r).count();
    if serious > 0 {
        let (one, many) = if blockers > 0 {
            (
                "other serious risk has no waiver",
                "other serious risks have no waiver",
            )
        } else {
            ("serious risk has no waiver", "serious risks have no waiver")
        };
        facts.push(count(serious, one, many));
    }
    let scored = r.priorities.iter().filter(|p| p.score.is_some()).count();
    let below = r
        .priorities
        .iter()
        .filter(|p| p.score.is_some_and(|s| s < p.floor))
        .count();
    if below > 0 {
        facts.push(format!(
            "{below} of {scored} priorities {} below {} floor",
            if below == 1 { "is" } else { "are" },
            if below == 1 { "its" } else { "their" }
        ));
    }
    let lapsing = lapsing(r).count();
    if lapsing > 0 {
        facts.push(count(
            lapsing,
            "waiver runs out before go-live",
            "waivers run out before go-live",
        ));
    }
    facts.extend(threshold_facts(r));
    join_and(&facts)
}

/// Where the score and the completeness stand against the thresholds.
fn threshold_facts(r: &Report) -> Vec<String> {
    let mut facts = Vec::new();
    let t = &r.thresholds;
    if r.score < t.no_go_score {
        facts.push(format!(
            "readiness is {:.1}, below the floor of {}",
            r.score, t.no_go_score
        ));
    } else if r.score < t.go_score {
        facts.push(format!(
            "readiness is {:.1}, below {}, the mark for GO",
            r.score, t.go_score
        ));
    }
    if r.completeness < t.no_go_completeness {
        facts.push(format!(
            "only {:.1}% of the applicable questions are answered, below the floor of {}%",
            r.completeness, t.no_go_completeness
        ));
    }
    facts
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Capitalised and ending with a full stop.
fn sentence(s: &str) -> String {
    let mut chars = s.chars();
    let mut out: String = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => return String::new(),
    };
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}
