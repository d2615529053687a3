//! "Since the last assessment": what changed between two scored assessments of the same project.
//!
//! Both sides are full reports built against the same catalogue, so priorities line up by id and
//! findings by rule id. A finding that is waived now but was not before is still open: a waiver
//! accepts a risk, it does not remove it.

use crate::date::Date;
use crate::engine::{Verdict, round1};
use crate::model::Severity;
use crate::report::model::{FindingLine, Report};

#[derive(Debug, Clone, PartialEq)]
pub struct Since {
    /// The earlier answers file, as it was named.
    pub baseline_file: String,
    pub baseline_organisation: String,
    /// When the earlier assessment was made, if its file says so.
    pub baseline_assessed_on: Option<Date>,
    pub verdict: Change<Verdict>,
    pub score: Change<f64>,
    pub completeness: Change<f64>,
    pub priorities: Vec<PriorityChange>,
    /// Fired before, no longer fires.
    pub resolved: Vec<FindingChange>,
    /// Fires now, did not before.
    pub new: Vec<FindingChange>,
    /// Fired before and still fires (waived or not).
    pub still_open: Vec<FindingChange>,
}

/// A value before and after.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change<T> {
    pub before: T,
    pub after: T,
}

impl Change<f64> {
    /// The difference, rounded like the scores themselves.
    pub fn delta(&self) -> f64 {
        round1(self.after - self.before)
    }
}

impl Change<Verdict> {
    pub fn changed(&self) -> bool {
        self.before != self.after
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PriorityChange {
    pub id: String,
    pub title: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

impl PriorityChange {
    /// `None` when either side has nothing applicable to score.
    pub fn delta(&self) -> Option<f64> {
        Some(round1(self.after? - self.before?))
    }
}

/// A finding as the comparison shows it; for a resolved one, as it stood in the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingChange {
    pub rule: String,
    pub title: String,
    pub severity: Severity,
    pub blocker: bool,
    pub waived: bool,
    pub owner: String,
    pub due: Option<Date>,
}

impl FindingChange {
    fn of(f: &FindingLine) -> FindingChange {
        FindingChange {
            rule: f.rule.clone(),
            title: f.title.clone(),
            severity: f.severity,
            blocker: f.blocker,
            waived: f.waived,
            owner: f.owner.clone(),
            due: f.due,
        }
    }
}

impl Since {
    /// Compares `before` (the baseline) with `after` (the current assessment).
    pub fn between(before: &Report, after: &Report) -> Since {
        let fired_in = |r: &Report, rule: &str| r.findings.iter().any(|f| f.rule == rule);
        let pick = |from: &Report, keep: &dyn Fn(&FindingLine) -> bool| -> Vec<FindingChange> {
            from.findings
                .iter()
                .filter(|f| keep(f))
                .map(FindingChange::of)
                .collect()
        };
        Since {
            baseline_file: before.answers_file.clone(),
            baseline_organisation: before.organisation.clone(),
            baseline_assessed_on: before.assessed_on,
            verdict: Change {
                before: before.verdict,
                after: after.verdict,
            },
            score: Change {
                before: before.score,
                after: after.score,
            },
            completeness: Change {
                before: before.completeness,
                after: after.completeness,
            },
            priorities: priorities(before, after),
            resolved: pick(before, &|f| !fired_in(after, &f.rule)),
            new: pick(after, &|f| !fired_in(before, &f.rule)),
            still_open: pick(after, &|f| fired_in(before, &f.rule)),
        }
    }

    /// Nothing to report: same verdict, same scores, same findings.
    pub fn is_unchanged(&self) -> bool {
        !self.verdict.changed()
            && self.score.delta() == 0.0
            && self.completeness.delta() == 0.0
            && self.resolved.is_empty()
            && self.new.is_empty()
            && self.priorities.iter().all(|p| p.before == p.after)
    }
}

/// Priorities in the current catalogue order; one the baseline lacks counts as unscored there.
fn priorities(before: &Report, after: &Report) -> Vec<PriorityChange> {
    after
        .priorities
        .iter()
        .map(|p| PriorityChange {
            id: p.id.clone(),
            title: p.title.clone(),
            before: before
                .priorities
                .iter()
                .find(|b| b.id == p.id)
                .and_then(|b| b.score),
            after: p.score,
        })
        .collect()
}
