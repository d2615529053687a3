//! The JSON contract (`schema_version` 1). Scripts depend on it: add fields, never rename or remove.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::date::Date;
use crate::engine::WaiverState;
use crate::report::model::{FindingLine, Report};

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Json<'a> {
    schema_version: u32,
    organisation: &'a str,
    project: &'a str,
    go_live: Date,
    days_to_go_live: i64,
    today: Date,
    verdict: &'a str,
    score: f64,
    completeness: f64,
    priorities: Priorities<'a>,
    findings: Vec<Finding<'a>>,
    reasons: &'a [String],
    open_questions: Vec<&'a str>,
    waivers: Vec<Waiver<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gate: Option<Gate<'a>>,
}

/// Priority scores keyed by id, in catalogue order.
struct Priorities<'a>(&'a Report);

impl Serialize for Priorities<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.priorities.len()))?;
        for p in &self.0.priorities {
            map.serialize_entry(&p.id, &p.score)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct Finding<'a> {
    rule: &'a str,
    checklist: &'a str,
    severity: &'a str,
    blocker: bool,
    waived: bool,
    title: &'a str,
    owner: &'a str,
    owner_role: &'a str,
    due: Option<Date>,
    answers: Vec<&'a str>,
}

#[derive(Serialize)]
struct Waiver<'a> {
    rule: &'a str,
    approved_by: &'a str,
    expires: Date,
    state: &'a str,
    reason: &'a str,
}

#[derive(Serialize)]
struct Gate<'a> {
    passed: bool,
    reasons: &'a [String],
}

pub fn render(report: &Report) -> String {
    let json = Json {
        schema_version: SCHEMA_VERSION,
        organisation: &report.organisation,
        project: &report.project,
        go_live: report.go_live,
        days_to_go_live: report.days_to_go_live,
        today: report.today,
        verdict: report.verdict.as_str(),
        score: report.score,
        completeness: report.completeness,
        priorities: Priorities(report),
        findings: report.findings.iter().map(finding).collect(),
        reasons: &report.reasons,
        open_questions: report
            .open_questions
            .iter()
            .map(|q| q.question.as_str())
            .collect(),
        waivers: report
            .waivers
            .iter()
            .map(|w| Waiver {
                rule: &w.rule,
                approved_by: &w.approved_by,
                expires: w.expires,
                state: waiver_state(w.state),
                reason: &w.reason,
            })
            .collect(),
        gate: report.gate.as_ref().map(|g| Gate {
            passed: g.passed,
            reasons: &g.reasons,
        }),
    };
    // Serialising plain structs of strings and numbers cannot fail; an empty object is the safe fallback.
    let mut out = serde_json::to_string_pretty(&json).unwrap_or_else(|_| "{}".to_owned());
    out.push('\n');
    out
}

fn finding(f: &FindingLine) -> Finding<'_> {
    Finding {
        rule: &f.rule,
        checklist: &f.checklist,
        severity: f.severity.as_str(),
        blocker: f.blocker,
        waived: f.waived,
        title: &f.title,
        owner: &f.owner,
        owner_role: &f.owner_role,
        due: f.due,
        answers: f.answers.iter().map(|a| a.question.as_str()).collect(),
    }
}

pub fn waiver_state(state: WaiverState) -> &'static str {
    match state {
        WaiverState::Active => "active",
        WaiverState::Expired => "expired",
        WaiverState::Stale => "stale",
    }
}
