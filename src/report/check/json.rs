//! The JSON contract (`schema_version` 1). Scripts depend on it: add fields, never rename or remove.

use serde::Serialize;

use crate::report::leadership::actions::{self, Flag, FlagView};
use serde::ser::{SerializeMap, Serializer};

use crate::date::Date;
use crate::engine::WaiverState;
use crate::report::json_text;
use crate::report::model::{FindingLine, Report, WaiverLine};

pub const SCHEMA_VERSION: u32 = 1;

/// The contract object. Findings and waivers are type parameters so that a format which says more
/// (the report's JSON) can extend each of them while every contract field keeps its name and place.
#[derive(Serialize)]
pub struct Json<'a, F = Finding<'a>, W = Waiver<'a>> {
    schema_version: u32,
    organisation: &'a str,
    project: &'a str,
    /// `null` while no go-live date is agreed.
    go_live: Option<Date>,
    days_to_go_live: Option<i64>,
    today: Date,
    verdict: &'a str,
    /// `kickoff`, `go-no-go`, `after-go-live` or `no-date`.
    stage: &'a str,
    score: f64,
    /// What held the overall score down, when a finding (or too few answers) capped it.
    score_cap: Option<Cap<'a>>,
    completeness: f64,
    priorities: Priorities<'a>,
    findings: Vec<F>,
    reasons: &'a [String],
    open_questions: Vec<&'a str>,
    waivers: Vec<W>,
    /// Rules a go-live date would decide, while none is set.
    not_evaluable: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gate: Option<Gate<'a>>,
    /// Evidence coverage; present when an answer carries tenant evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<&'a crate::report::coverage::Coverage>,
}

#[derive(Serialize)]
pub struct Cap<'a> {
    max: f64,
    /// The rule whose finding set the cap; `null` when too few questions are answered.
    rule: Option<&'a str>,
}

/// Priority scores keyed by id, in catalogue order.
pub struct Priorities<'a>(&'a Report);

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
pub struct Finding<'a> {
    rule: &'a str,
    checklist: &'a str,
    severity: &'a str,
    blocker: bool,
    waived: bool,
    title: &'a str,
    owner: &'a str,
    owner_role: &'a str,
    due: Option<Date>,
    /// What time has already done to it: overdue, a waiver that ran out, a date answered that
    /// has passed; and "due before go-live".
    flags: Vec<FlagView>,
    answers: Vec<&'a str>,
    /// Unanswered or `unknown` questions whose worst answer raises it.
    not_known: Vec<&'a str>,
}

#[derive(Serialize)]
pub struct Waiver<'a> {
    rule: &'a str,
    approved_by: &'a str,
    expires: Date,
    state: &'a str,
    reason: &'a str,
}

#[derive(Serialize)]
pub struct Gate<'a> {
    passed: bool,
    reasons: &'a [String],
}

pub fn render(report: &Report) -> String {
    let findings = report.findings.iter().map(|f| finding(report, f)).collect();
    let waivers = report.waivers.iter().map(waiver).collect();
    json_text(&contract(report, findings, waivers))
}

/// The contract for `report`, with findings and waivers given in whatever form the caller chose.
pub fn contract<F, W>(report: &Report, findings: Vec<F>, waivers: Vec<W>) -> Json<'_, F, W> {
    Json {
        schema_version: SCHEMA_VERSION,
        organisation: &report.organisation,
        project: &report.project,
        go_live: report.go_live,
        days_to_go_live: report.days_to_go_live,
        today: report.today,
        verdict: report.verdict.as_str(),
        stage: report.stage.as_str(),
        score: report.score,
        score_cap: report.score_cap.as_ref().map(|c| Cap {
            max: c.max,
            rule: c.rule.as_deref(),
        }),
        completeness: report.completeness,
        priorities: Priorities(report),
        findings,
        reasons: &report.reasons,
        open_questions: report
            .open_questions
            .iter()
            .map(|q| q.question.as_str())
            .collect(),
        waivers,
        not_evaluable: report
            .not_evaluable
            .iter()
            .map(|(id, _)| id.as_str())
            .collect(),
        gate: report.gate.as_ref().map(|g| Gate {
            passed: g.passed,
            reasons: &g.reasons,
        }),
        evidence: report.coverage.shown(),
    }
}

pub fn waiver(w: &WaiverLine) -> Waiver<'_> {
    Waiver {
        rule: &w.rule,
        approved_by: &w.approved_by,
        expires: w.expires,
        state: waiver_state(w.state),
        reason: &w.reason,
    }
}

pub fn finding<'a>(r: &Report, f: &'a FindingLine) -> Finding<'a> {
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
        flags: actions::flags(r, f).into_iter().map(Flag::view).collect(),
        answers: f.answers.iter().map(|a| a.question.as_str()).collect(),
        not_known: f.not_known.iter().map(String::as_str).collect(),
    }
}

pub fn waiver_state(state: WaiverState) -> &'static str {
    match state {
        WaiverState::Active => "active",
        WaiverState::Expired => "expired",
        WaiverState::Stale => "stale",
    }
}
