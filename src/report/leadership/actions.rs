//! Who does what by when: each open finding as an action with its owner, its due date and what
//! time has already done to it (overdue, a waiver that ran out, a date answered that has passed),
//! ordered by urgency, then severity.

use std::cmp::Ordering;

use crate::date::Date;
use crate::engine::WaiverState;
use crate::model::Severity;
use crate::report::model::{FindingLine, Report};

/// How many actions page 1 lists at least (when there are that many); the rest are in the part
/// for the project team.
pub const ON_PAGE_ONE: usize = 5;

/// How many page 1 lists at most: with more rows the brief no longer fits one A4 page (Lakeside at
/// 2027-07-15, with six rows and a full glossary line, has room for one more). The line under the
/// table counts any blocker left out.
pub const ON_PAGE_ONE_MAX: usize = 7;

/// What the calendar says about an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// The due date has passed, by this many days.
    Overdue(i64),
    /// The waiver that accepted it ran out this many days ago: it is open again.
    WaiverExpired(i64),
    /// A date given as the answer (a certificate's expiry) passed this many days ago.
    DatePassed(Date, i64),
    /// Due before the go-live date.
    BeforeGoLive,
}

impl Flag {
    /// The flag in words, for a table cell or beside a date.
    pub fn text(self) -> String {
        match self {
            Flag::Overdue(d) => format!("overdue by {}", days(d)),
            Flag::WaiverExpired(d) => format!("waiver expired {} ago", days(d)),
            Flag::DatePassed(date, d) => format!("{date} passed {} ago", days(d)),
            Flag::BeforeGoLive => "due before go-live".to_owned(),
        }
    }

    /// Time has already run out.
    pub fn late(self) -> bool {
        !matches!(self, Flag::BeforeGoLive)
    }

    /// The flag for a machine: its kind, the days it counts, and the words.
    pub fn view(self) -> FlagView {
        let (kind, days) = match self {
            Flag::Overdue(d) => ("overdue", Some(d)),
            Flag::WaiverExpired(d) => ("waiver-expired", Some(d)),
            Flag::DatePassed(_, d) => ("date-passed", Some(d)),
            Flag::BeforeGoLive => ("before-go-live", None),
        };
        FlagView {
            kind,
            days,
            text: self.text(),
        }
    }
}

/// A flag as the JSON outputs write it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FlagView {
    pub kind: &'static str,
    pub days: Option<i64>,
    pub text: String,
}

/// The due date (or `none`) and what time has already done to the finding: "2027-03-01, overdue
/// by 136 days", or "waiver expired 62 days ago" with no date. `late` is true when something has
/// run out.
pub fn due_text(r: &Report, f: &FindingLine, none: &str) -> (String, bool) {
    let mut parts: Vec<String> = f.due.map(|d| d.to_string()).into_iter().collect();
    parts.extend(
        flags(r, f)
            .into_iter()
            .filter(|flag| flag.late())
            .map(Flag::text),
    );
    let late = parts.len() > usize::from(f.due.is_some());
    if parts.is_empty() {
        return (none.to_owned(), false);
    }
    (parts.join(", "), late)
}

/// "1 day", "62 days".
pub fn days(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}

#[derive(Debug, Clone)]
pub struct Action<'r> {
    pub finding: &'r FindingLine,
    /// A person named on the answers; `None` when only the rule's role is known.
    pub owner: Option<&'r str>,
    pub flags: Vec<Flag>,
}

impl Action<'_> {
    pub fn late(&self) -> bool {
        self.flags.iter().any(|f| f.late())
    }

    /// "go-live blocker", or the severity.
    pub fn kind(&self) -> &'static str {
        if self.finding.blocker {
            "go-live blocker"
        } else {
            self.finding.severity.as_str()
        }
    }
}

/// What time says about one finding, as of the report date.
pub fn flags(r: &Report, f: &FindingLine) -> Vec<Flag> {
    let mut flags = Vec::new();
    if let Some(due) = f.due {
        let left = r.today.days_until(due);
        if left < 0 {
            flags.push(Flag::Overdue(-left));
        } else if r.go_live.is_some_and(|g| due <= g) {
            flags.push(Flag::BeforeGoLive);
        }
    }
    for w in &r.waivers {
        if w.rule == f.rule && w.state == WaiverState::Expired {
            flags.push(Flag::WaiverExpired(-w.days_left));
        }
    }
    for a in &f.answers {
        if let Some(date) = a.date.filter(|d| *d < r.today) {
            flags.push(Flag::DatePassed(date, date.days_until(r.today)));
        }
    }
    flags
}

/// Every open (unwaived) finding as an action, most urgent first.
pub fn all(r: &Report) -> Vec<Action<'_>> {
    let mut actions: Vec<Action> = r
        .findings
        .iter()
        .filter(|f| !f.waived)
        .map(|f| Action {
            finding: f,
            owner: (f.owner != f.owner_role).then_some(f.owner.as_str()),
            flags: flags(r, f),
        })
        .collect();
    actions.sort_by(urgency);
    actions
}

/// The actions page 1 lists, in order of urgency: the `ON_PAGE_ONE` most urgent, and every
/// go-live blocker after them (the verdict's sentence promises them "below"), up to
/// `ON_PAGE_ONE_MAX`. Late items outrank blockers, so without the second rule a blocker could
/// fall off page 1 just as the calendar makes things worse.
pub fn page_one<'r>(all: &[Action<'r>]) -> Vec<Action<'r>> {
    all.iter()
        .enumerate()
        .filter(|(i, a)| *i < ON_PAGE_ONE || a.finding.blocker)
        .map(|(_, a)| a.clone())
        .take(ON_PAGE_ONE_MAX)
        .collect()
}

/// Urgency first: what is already late, then go-live blockers, then serious risks (critical and
/// high), then the rest; within each, the earliest due date first (none last), then the more
/// severe.
pub fn urgency(a: &Action, b: &Action) -> Ordering {
    let tier = |x: &Action| {
        if x.late() {
            0
        } else if x.finding.blocker {
            1
        } else if x.finding.severity <= Severity::High {
            2
        } else {
            3
        }
    };
    tier(a)
        .cmp(&tier(b))
        .then_with(|| due_order(a.finding.due, b.finding.due))
        .then_with(|| a.finding.severity.cmp(&b.finding.severity))
}

/// Earlier dates first, no date last.
fn due_order(a: Option<Date>, b: Option<Date>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &str, blocker: bool) -> FindingLine {
        FindingLine {
            rule: rule.to_owned(),
            checklist: "identity".to_owned(),
            severity: if blocker {
                Severity::Critical
            } else {
                Severity::High
            },
            blocker,
            waived: false,
            title: rule.to_owned(),
            not_known: Vec::new(),
            risk: String::new(),
            remediation: String::new(),
            owner: "IT lead".to_owned(),
            owner_role: "IT lead".to_owned(),
            due: None,
            answers: Vec::new(),
            references: Vec::new(),
            leadership: None,
        }
    }

    fn ids(actions: &[Action]) -> Vec<String> {
        actions.iter().map(|a| a.finding.rule.clone()).collect()
    }

    #[test]
    fn page_one_keeps_blockers_that_late_items_push_down_up_to_the_ceiling() {
        // Four late items outrank everything; three blockers follow, then two serious risks.
        let late: Vec<FindingLine> = (1..=4)
            .map(|i| finding(&format!("LATE-{i}"), false))
            .collect();
        let blockers: Vec<FindingLine> = (1..=3)
            .map(|i| finding(&format!("BLK-{i}"), true))
            .collect();
        let serious: Vec<FindingLine> = (1..=2)
            .map(|i| finding(&format!("HIGH-{i}"), false))
            .collect();
        let mut all: Vec<Action> = late
            .iter()
            .map(|f| Action {
                finding: f,
                owner: None,
                flags: vec![Flag::Overdue(3)],
            })
            .collect();
        all.extend(blockers.iter().chain(&serious).map(|f| Action {
            finding: f,
            owner: None,
            flags: Vec::new(),
        }));

        let shown = ids(&page_one(&all));
        assert_eq!(
            shown,
            [
                "LATE-1", "LATE-2", "LATE-3", "LATE-4", "BLK-1", "BLK-2", "BLK-3"
            ],
            "the serious risks give way, the blockers do not"
        );

        // Two more late items: the five most urgent, then blockers up to the ceiling; the sixth late
        // item and the third blocker are left to the line under the table.
        let more: Vec<FindingLine> = (5..=6)
            .map(|i| finding(&format!("LATE-{i}"), false))
            .collect();
        let mut crowded: Vec<Action> = all[..4].to_vec();
        crowded.extend(more.iter().map(|f| Action {
            finding: f,
            owner: None,
            flags: vec![Flag::Overdue(1)],
        }));
        crowded.extend(all[4..].iter().cloned());
        assert_eq!(
            ids(&page_one(&crowded)),
            [
                "LATE-1", "LATE-2", "LATE-3", "LATE-4", "LATE-5", "BLK-1", "BLK-2"
            ]
        );

        // Few actions: all of them.
        assert_eq!(ids(&page_one(&all[6..])), ["BLK-3", "HIGH-1", "HIGH-2"]);
    }
}
