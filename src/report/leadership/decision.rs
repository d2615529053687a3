//! "Decision needed": the verdict in three plain sentences for the person who decides.
//!
//! No rule ids and no jargon: what the decision is, what must happen first, and who acts by when.
//! The lines are plain text; each renderer escapes them.

use crate::date::Date;
use crate::engine::{Verdict, WaiverState};
use crate::model::Severity;
use crate::report::model::{FindingLine, Report, WaiverLine};
use crate::report::phrases::go_live_text;

/// How many items a line names before it says "and N more".
const NAMED: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub label: &'static str,
    pub text: String,
}

/// The three lines, in the order they are read.
pub fn summary(r: &Report) -> [Line; 3] {
    let (first, who) = next_steps(r);
    [
        Line {
            label: "Decision",
            text: decision(r),
        },
        Line {
            label: if r.verdict == Verdict::Go {
                "To watch"
            } else {
                "Must happen first"
            },
            text: first,
        },
        Line {
            label: "Who acts",
            text: who,
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

fn decision(r: &Report) -> String {
    let facts = facts(r);
    match r.verdict {
        Verdict::Go => "Go ahead: no go-live blocker or unwaived serious risk is open, and every \
                        priority is above its floor."
            .to_owned(),
        Verdict::Conditional => format!("Go ahead only once the conditions are met: {facts}."),
        Verdict::NoGo => format!("Do not start the migration yet: {facts}."),
    }
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

/// The second and third lines: what to do first, and who does it.
fn next_steps(r: &Report) -> (String, String) {
    let blockers: Vec<&FindingLine> = r.blockers().collect();
    let serious: Vec<&FindingLine> = serious(r).collect();
    let lapsing: Vec<&WaiverLine> = lapsing(r).collect();
    if !blockers.is_empty() {
        let what = format!(
            "fix or formally waive {}",
            findings_phrase(&blockers, "blocker")
        );
        return (sentence(&what), owners(&blockers));
    }
    if !serious.is_empty() {
        let what = format!(
            "fix or formally waive {}",
            findings_phrase(&serious, "serious risk")
        );
        return (sentence(&what), owners(&serious));
    }
    if !lapsing.is_empty() {
        let titles: Vec<String> = lapsing
            .iter()
            .map(|w| format!("“{}” (until {})", w.title, w.expires))
            .collect();
        let what = format!(
            "renew or close the waivers that run out before go-live on {}: {}",
            go_live_text(r.go_live),
            named(&titles)
        );
        let approvers: Vec<String> = lapsing.iter().map(|w| w.approved_by.clone()).collect();
        return (sentence(&what), sentence(&named(&dedup(approvers))));
    }
    if r.verdict != Verdict::Go {
        let what = r.reasons.first().cloned().unwrap_or_default();
        return (
            sentence(&what),
            "The owners of the risks and open questions below.".to_owned(),
        );
    }
    go_steps(r)
}

fn go_steps(r: &Report) -> (String, String) {
    let waived = r.findings.iter().filter(|f| f.waived).count();
    let open: Vec<&FindingLine> = r.findings.iter().filter(|f| !f.waived).collect();
    let mut watch = Vec::new();
    if waived > 0 {
        watch.push(count(
            waived,
            "risk is accepted by a waiver",
            "risks are accepted by waivers",
        ));
    }
    if !open.is_empty() {
        watch.push(count(
            open.len(),
            "lower risk stays open",
            "lower risks stay open",
        ));
    }
    if !r.open_questions.is_empty() {
        watch.push(count(
            r.open_questions.len(),
            "question is still open",
            "questions are still open",
        ));
    }
    let watch = if watch.is_empty() {
        "Nothing: every risk the checklists look for is handled.".to_owned()
    } else {
        sentence(&join_and(&watch))
    };
    let who = if open.is_empty() {
        "Nobody needs to act before go-live.".to_owned()
    } else {
        owners(&open)
    };
    (watch, who)
}

/// "the 2 serious risks: “A” and “B”".
fn findings_phrase(items: &[&FindingLine], noun: &str) -> String {
    let titles: Vec<String> = items.iter().map(|f| format!("“{}”", f.title)).collect();
    let noun = if items.len() == 1 {
        noun.to_owned()
    } else {
        format!("{} {noun}s", items.len())
    };
    format!("the {noun}: {}", named(&titles))
}

/// Each named owner once, with the earliest due date among their items; then the roles that
/// still need a person, because a finding nobody has picked up is a gap of its own.
fn owners(items: &[&FindingLine]) -> String {
    let mut named: Vec<(String, Option<Date>)> = Vec::new();
    let mut roles: Vec<String> = Vec::new();
    for f in items {
        if f.owner == f.owner_role {
            roles.push(f.owner.clone());
            continue;
        }
        match named.iter_mut().find(|(o, _)| *o == f.owner) {
            Some((_, due)) => *due = earliest(*due, f.due),
            None => named.push((f.owner.clone(), f.due)),
        }
    }
    let mut parts: Vec<String> = named
        .into_iter()
        .map(|(owner, due)| match due {
            Some(d) => format!("{owner} by {d}"),
            None => format!("{owner}, with no due date yet"),
        })
        .collect();
    let unnamed = roles.len();
    let roles = join_and(&dedup(roles));
    if parts.is_empty() {
        return format!("Nobody is named yet; suggested owners: {roles}.");
    }
    if unnamed > 0 {
        parts.push(format!(
            "{} no named owner yet (suggested: {roles})",
            count(unnamed, "has", "have")
        ));
    }
    sentence(&parts.join("; "))
}

fn earliest(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn dedup(mut items: Vec<String>) -> Vec<String> {
    let mut seen = Vec::new();
    items.retain(|i| {
        let new = !seen.contains(i);
        seen.push(i.clone());
        new
    });
    items
}

/// The first few items, then "and N more".
fn named(items: &[String]) -> String {
    if items.len() <= NAMED {
        return join_and(items);
    }
    let mut shown: Vec<String> = items[..NAMED].to_vec();
    shown.push(format!("{} more", items.len() - NAMED));
    join_and(&shown)
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
