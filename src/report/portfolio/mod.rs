//! The portfolio: one row per assessment across many answers files, and its renderers.
//!
//! A row holds only what the portfolio shows, computed straight from the assessment: building a
//! full `Report` per file would copy the whole catalogue's rule texts for every row.

pub mod csv;
pub mod html;
pub mod json;
pub mod layout;
pub mod markdown;
pub mod table;

use std::cmp::Ordering;

use crate::date::Date;
use crate::diag::{Diagnostic, Level};
use crate::engine::{Assessment, Gate, Verdict};
use crate::model::{Answers, Catalog, Require};

/// The order of the rows. Invalid files always come first, and remaining ties go by file path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    /// NO-GO first, then GO WITH CONDITIONS, then GO; the lowest score first within each.
    Verdict,
    /// The lowest score first.
    Score,
    /// The soonest go-live first.
    GoLive,
    /// By organisation, then project.
    Name,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Portfolio {
    pub today: Date,
    /// What each assessment was gated on, when `--require` was given.
    pub require: Option<Require>,
    pub rows: Vec<Row>,
}

// Most rows are assessed ones; boxing them to shrink the rare invalid row would cost an allocation each.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Assessed(Assessed),
    Invalid(Invalid),
}

/// One answers file that loaded, as the portfolio shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessed {
    /// The path as given on the command line or found in a folder.
    pub file: String,
    pub organisation: String,
    pub project: String,
    pub go_live: Option<Date>,
    /// Days from today to go-live; negative once it has passed.
    pub days_left: Option<i64>,
    pub verdict: Verdict,
    pub score: f64,
    pub completeness: f64,
    /// Unwaived go-live blockers.
    pub blockers: usize,
    /// The priority with the lowest score; `None` when no priority has one.
    pub weakest: Option<Weakest>,
    /// Unwaived findings whose due date has passed.
    pub overdue: usize,
    pub assessed_on: Option<Date>,
    /// Days since the assessment, when that is more than `[report] assessment_max_age_days`: the
    /// answers may no longer hold.
    pub out_of_date: Option<i64>,
    /// Waivers that have run out: the risks they accepted are open again.
    pub expired_waivers: usize,
    /// The gate's result, when `--require` was given.
    pub gate: Option<Gate>,
    /// The unwaived blockers with their owners, for the HTML page's attention list.
    pub blocker_lines: Vec<html::BlockerLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Weakest {
    pub id: String,
    /// What people read: the table shows the title, machine formats the id.
    pub title: String,
    pub score: f64,
}

/// A file that could not be assessed, with the first of its problems.
#[derive(Debug, Clone, PartialEq)]
pub struct Invalid {
    pub file: String,
    /// `file:line:column: error[code]: message`, and "(and N more)" when there were more.
    pub error: String,
}

impl Assessed {
    pub fn new(
        catalog: &Catalog,
        answers: &Answers,
        a: &Assessment,
        gate: Option<Gate>,
        max_age_days: u32,
    ) -> Self {
        let unwaived = || a.findings.iter().filter(|f| f.waiver.is_none());
        let blockers = unwaived().filter(|f| f.blocker).count();
        // A finding is due by the earliest `due` of the answers that triggered it, as in the report.
        let overdue = unwaived()
            .filter(|f| {
                f.questions
                    .iter()
                    .filter_map(|&q| answers.get(q)?.due)
                    .min()
                    .is_some_and(|due| due < a.today)
            })
            .count();
        let weakest = catalog
            .priorities
            .iter()
            .zip(&a.priority_scores)
            .filter_map(|(p, score)| Some((p, (*score)?)))
            // The first in catalogue order wins a tie.
            .fold(None, |low: Option<(&_, f64)>, (p, s)| match low {
                Some((_, low_score)) if low_score <= s => low,
                _ => Some((p, s)),
            })
            .map(|(p, score)| Weakest {
                id: p.id.clone(),
                title: p.title.clone(),
                score,
            });
        Assessed {
            file: answers.file.clone(),
            organisation: answers.meta.organisation.clone(),
            project: answers.meta.project.clone(),
            go_live: answers.meta.go_live,
            days_left: a.days_to_go_live,
            verdict: a.judgement.verdict,
            score: a.score,
            completeness: a.completeness,
            blockers,
            weakest,
            overdue,
            assessed_on: answers.meta.assessed_on,
            out_of_date: answers
                .meta
                .assessed_on
                .map(|on| on.days_until(a.today))
                .filter(|age| *age > i64::from(max_age_days)),
            expired_waivers: a
                .waivers
                .iter()
                .filter(|w| **w == crate::engine::WaiverState::Expired)
                .count(),
            gate,
            blocker_lines: html::blocker_lines(catalog, answers, a),
        }
    }

    /// What time has done beyond overdue items, in words: "assessed 237 days ago", "1 waiver
    /// expired". Empty when nothing has run out.
    pub fn time_notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some(age) = self.out_of_date {
            notes.push(format!("assessed {age} days ago"));
        }
        match self.expired_waivers {
            0 => {}
            1 => notes.push("1 waiver expired".to_owned()),
            n => notes.push(format!("{n} waivers expired")),
        }
        notes
    }
}

impl Invalid {
    /// The first error (or, failing that, the first problem) stands for the file.
    pub fn new(file: String, diagnostics: &[Diagnostic]) -> Invalid {
        let first = diagnostics
            .iter()
            .find(|d| d.level == Level::Error)
            .or(diagnostics.first());
        let error = match first {
            Some(d) if diagnostics.len() > 1 => format!("{d} (and {} more)", diagnostics.len() - 1),
            Some(d) => d.to_string(),
            None => format!("{file}: could not be assessed"),
        };
        Invalid { file, error }
    }
}

impl Row {
    pub fn file(&self) -> &str {
        match self {
            Row::Assessed(a) => &a.file,
            Row::Invalid(i) => &i.file,
        }
    }

    pub fn verdict(&self) -> Option<Verdict> {
        match self {
            Row::Assessed(a) => Some(a.verdict),
            Row::Invalid(_) => None,
        }
    }
}

/// How many rows of each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    pub go: usize,
    pub conditional: usize,
    pub no_go: usize,
    pub invalid: usize,
    /// Assessments that fail the gate (always 0 without `--require`).
    pub gate_failed: usize,
}

impl Portfolio {
    /// The files that could not be assessed, in row order.
    pub fn invalid(&self) -> Vec<&Invalid> {
        self.rows
            .iter()
            .filter_map(|row| match row {
                Row::Invalid(i) => Some(i),
                Row::Assessed(_) => None,
            })
            .collect()
    }

    pub fn totals(&self) -> Totals {
        let mut t = Totals::default();
        for row in &self.rows {
            match row {
                Row::Invalid(_) => t.invalid += 1,
                Row::Assessed(a) => {
                    match a.verdict {
                        Verdict::Go => t.go += 1,
                        Verdict::Conditional => t.conditional += 1,
                        Verdict::NoGo => t.no_go += 1,
                    }
                    if a.gate.as_ref().is_some_and(|g| !g.passed) {
                        t.gate_failed += 1;
                    }
                }
            }
        }
        t
    }

    /// Keeps the assessments with one of `verdicts` (all of them when it is empty) and every invalid file.
    pub fn keep_verdicts(&mut self, verdicts: &[Verdict]) {
        if verdicts.is_empty() {
            return;
        }
        self.rows
            .retain(|row| row.verdict().is_none_or(|v| verdicts.contains(&v)));
    }

    pub fn sort(&mut self, by: SortBy) {
        self.rows.sort_by(|a, b| compare(a, b, by));
    }
}

/// Invalid rows first, then the chosen order, then the file path, so that output never depends on
/// the order in which threads finished.
fn compare(a: &Row, b: &Row, by: SortBy) -> Ordering {
    let order = match (a, b) {
        (Row::Invalid(_), Row::Assessed(_)) => Ordering::Less,
        (Row::Assessed(_), Row::Invalid(_)) => Ordering::Greater,
        (Row::Invalid(_), Row::Invalid(_)) => Ordering::Equal,
        (Row::Assessed(a), Row::Assessed(b)) => match by {
            SortBy::Verdict => b.verdict.cmp(&a.verdict).then(a.score.total_cmp(&b.score)),
            SortBy::Score => a.score.total_cmp(&b.score),
            // Undated projects last: they have no go-live to be soon.
            SortBy::GoLive => {
                (a.go_live.is_none(), a.go_live).cmp(&(b.go_live.is_none(), b.go_live))
            }
            SortBy::Name => by_name(&a.organisation, &b.organisation)
                .then_with(|| by_name(&a.project, &b.project)),
        },
    };
    order.then_with(|| a.file().cmp(b.file()))
}

/// Alphabetical as people read it: case does not matter, unless it is the only difference.
fn by_name(a: &str, b: &str) -> Ordering {
    a.to_lowercase()
        .cmp(&b.to_lowercase())
        .then_with(|| a.cmp(b))
}

/// The value of `--require` that asks for `r`.
pub fn require_word(r: Require) -> &'static str {
    match r {
        Require::Go => "go",
        Require::Conditional => "conditional",
    }
}

/// "GO", "GO WITH CONDITIONS", "NO-GO", or "INVALID" for a file that could not be assessed.
pub fn verdict_label(row: &Row) -> &'static str {
    row.verdict().map_or("INVALID", Verdict::label)
}

/// The headers every tabular format shows after its own columns naming the assessment, in order;
/// the gate's only when `--require` was given.
pub fn figure_columns(gated: bool) -> Vec<&'static str> {
    let mut columns = vec![
        "Go-live",
        "Verdict",
        "Score",
        "Complete",
        "Blockers",
        "Overdue",
        "Weakest priority",
    ];
    if gated {
        columns.push("Gate");
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Code, Pos};

    fn assessed(file: &str, verdict: Verdict, score: f64, go_live: &str, org: &str) -> Row {
        Row::Assessed(Assessed {
            file: file.into(),
            organisation: org.into(),
            project: "P".into(),
            go_live: Some(go_live.parse().unwrap()),
            days_left: Some(0),
            verdict,
            score,
            completeness: 100.0,
            blockers: 0,
            weakest: None,
            overdue: 0,
            assessed_on: None,
            out_of_date: None,
            expired_waivers: 0,
            gate: None,
            blocker_lines: Vec::new(),
        })
    }

    fn invalid(file: &str) -> Row {
        Row::Invalid(Invalid {
            file: file.into(),
            error: String::new(),
        })
    }

    fn files(p: &Portfolio) -> Vec<&str> {
        p.rows.iter().map(Row::file).collect()
    }

    fn sample() -> Portfolio {
        Portfolio {
            today: "2026-11-25".parse().unwrap(),
            require: None,
            rows: vec![
                assessed("e", Verdict::Go, 90.0, "2027-01-01", "beta"),
                assessed("d", Verdict::NoGo, 40.0, "2028-01-01", "Alpha"),
                invalid("z"),
                assessed("c", Verdict::Conditional, 70.0, "2026-12-01", "alpha"),
                assessed("b", Verdict::NoGo, 40.0, "2027-06-01", "Gamma"),
                invalid("a"),
            ],
        }
    }

    #[test]
    fn every_sort_puts_invalid_files_first_and_breaks_ties_by_path() {
        let mut p = sample();
        p.sort(SortBy::Verdict);
        assert_eq!(files(&p), ["a", "z", "b", "d", "c", "e"]);
        p.sort(SortBy::Score);
        assert_eq!(files(&p), ["a", "z", "b", "d", "c", "e"]);
        p.sort(SortBy::GoLive);
        assert_eq!(files(&p), ["a", "z", "c", "e", "b", "d"]);
        p.sort(SortBy::Name);
        assert_eq!(files(&p), ["a", "z", "d", "c", "e", "b"]);
    }

    #[test]
    fn the_verdict_filter_keeps_invalid_files() {
        let mut p = sample();
        p.keep_verdicts(&[Verdict::Go]);
        p.sort(SortBy::Verdict);
        assert_eq!(files(&p), ["a", "z", "e"]);
        let totals = p.totals();
        assert_eq!((totals.go, totals.no_go, totals.invalid), (1, 0, 2));
    }

    #[test]
    fn an_invalid_row_shows_its_first_error_and_counts_the_rest() {
        let d = |line, level| Diagnostic {
            level,
            ..Diagnostic::error("x.yaml", Pos::new(line, 3), Code::UnknownField, "boom")
        };
        let one = Invalid::new("x.yaml".into(), &[d(4, Level::Error)]);
        assert_eq!(one.error, "x.yaml:4:3: error[unknown-field]: boom");
        let three = Invalid::new(
            "x.yaml".into(),
            &[d(1, Level::Warning), d(4, Level::Error), d(9, Level::Error)],
        );
        assert_eq!(
            three.error,
            "x.yaml:4:3: error[unknown-field]: boom (and 2 more)"
        );
    }
}
