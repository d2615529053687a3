//! The portfolio as one JSON object: `rows` (every row has every field, `null` where it does not
//! apply) and `totals`. Scripts depend on it: add fields, never rename or remove.

use serde::Serialize;

use crate::date::Date;
use crate::model::Require;
use crate::report::json_text;
use crate::report::portfolio::{Portfolio, Row};

/// The version of this object's shape, separate from `check`'s: each contract changes on its own.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Json<'a> {
    schema_version: u32,
    today: Date,
    require: Option<Require>,
    rows: Vec<JsonRow<'a>>,
    totals: Totals,
}

#[derive(Serialize, Default)]
struct JsonRow<'a> {
    file: &'a str,
    organisation: Option<&'a str>,
    project: Option<&'a str>,
    go_live: Option<Date>,
    days_left: Option<i64>,
    /// `kickoff`, `go-no-go`, `after-go-live` or `no-date`, as in `check`'s JSON.
    stage: Option<&'static str>,
    verdict: Option<&'a str>,
    score: Option<f64>,
    completeness: Option<f64>,
    blockers: Option<usize>,
    weakest_priority: Option<Weakest<'a>>,
    overdue: Option<usize>,
    assessed_on: Option<Date>,
    /// Days since the assessment, set only when older than `[report] assessment_max_age_days`.
    out_of_date_days: Option<i64>,
    expired_waivers: Option<usize>,
    gate: Option<Gate<'a>>,
    error: Option<&'a str>,
}

#[derive(Serialize)]
struct Weakest<'a> {
    id: &'a str,
    title: &'a str,
    score: f64,
}

#[derive(Serialize)]
struct Gate<'a> {
    passed: bool,
    reasons: &'a [String],
}

#[derive(Serialize)]
struct Totals {
    go: usize,
    conditional: usize,
    no_go: usize,
    invalid: usize,
}

pub fn render(p: &Portfolio) -> String {
    let t = p.totals();
    json_text(&Json {
        schema_version: SCHEMA_VERSION,
        today: p.today,
        require: p.require,
        rows: p.rows.iter().map(row).collect(),
        totals: Totals {
            go: t.go,
            conditional: t.conditional,
            no_go: t.no_go,
            invalid: t.invalid,
        },
    })
}

fn row(r: &Row) -> JsonRow<'_> {
    match r {
        Row::Invalid(i) => JsonRow {
            file: &i.file,
            error: Some(&i.error),
            ..JsonRow::default()
        },
        Row::Assessed(a) => JsonRow {
            file: &a.file,
            organisation: Some(&a.organisation),
            project: Some(&a.project),
            go_live: a.go_live,
            days_left: a.days_left,
            stage: Some(crate::engine::Stage::of(a.days_left).as_str()),
            verdict: Some(a.verdict.as_str()),
            score: Some(a.score),
            completeness: Some(a.completeness),
            blockers: Some(a.blockers),
            weakest_priority: a.weakest.as_ref().map(|w| Weakest {
                id: &w.id,
                title: &w.title,
                score: w.score,
            }),
            overdue: Some(a.overdue),
            assessed_on: a.assessed_on,
            out_of_date_days: a.out_of_date,
            expired_waivers: Some(a.expired_waivers),
            gate: a.gate.as_ref().map(|g| Gate {
                passed: g.passed,
                reasons: &g.reasons,
            }),
            error: None,
        },
    }
}
