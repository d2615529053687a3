//! The report as JSON: the contract of `check --format json`, field for field and in the same
//! order, followed by everything else the report shows.
//!
//! Findings and waivers keep their contract fields and gain more after them; the other additions
//! are new top-level fields, so a script written for `check` reads a report unchanged.

use serde::Serialize;

use crate::date::Date;
use crate::engine::WaiverState;
use crate::report::baseline::{Change, FindingChange, Since};
use crate::report::check::json::{self, Json};
use crate::report::json_text;
use crate::report::leadership::decision;
use crate::report::model::{AnswerRef, FindingLine, Report, WaiverLine};

#[derive(Serialize)]
struct ReportJson<'a> {
    #[serde(flatten)]
    contract: Json<'a, ReportFinding<'a>, ReportWaiver<'a>>,
    answers_file: &'a str,
    assessed_by: Option<&'a str>,
    assessed_on: Option<Date>,
    decision: Vec<DecisionLine>,
    brief: crate::report::leadership::json_brief::Brief<'a>,
    priority_details: Vec<PriorityDetail<'a>>,
    open_question_details: Vec<OpenQuestionDetail<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<SinceJson<'a>>,
}

#[derive(Serialize)]
struct DecisionLine {
    label: &'static str,
    text: String,
}

#[derive(Serialize)]
struct PriorityDetail<'a> {
    id: &'a str,
    title: &'a str,
    score: Option<f64>,
    floor: f64,
    below_floor: bool,
}

#[derive(Serialize)]
struct OpenQuestionDetail<'a> {
    question: &'a str,
    checklist: &'a str,
    area: &'a str,
    prompt: &'a str,
    /// `unknown` (answered so) or `unanswered`.
    status: &'static str,
    owner: Option<&'a str>,
}

#[derive(Serialize)]
struct ReportFinding<'a> {
    #[serde(flatten)]
    contract: json::Finding<'a>,
    risk: &'a str,
    remediation: &'a str,
    remediation_steps: Vec<String>,
    references: &'a [String],
    triggered_by: Vec<Trigger<'a>>,
}

#[derive(Serialize)]
struct Trigger<'a> {
    question: &'a str,
    prompt: &'a str,
    /// The answer in words; `null` when unanswered.
    answer: Option<&'a str>,
    note: Option<&'a str>,
    evidence: Option<&'a str>,
    line: Option<u32>,
    column: Option<u32>,
}

#[derive(Serialize)]
struct ReportWaiver<'a> {
    #[serde(flatten)]
    contract: json::Waiver<'a>,
    title: &'a str,
    days_left: i64,
    /// In force today but running out within 14 days.
    expiring: bool,
    /// In force today but running out before the go-live date.
    expires_before_go_live: bool,
}

/// "Since the last assessment", also the output of `migready diff --format json`.
#[derive(Serialize)]
pub struct SinceJson<'a> {
    baseline_file: &'a str,
    baseline_organisation: &'a str,
    baseline_assessed_on: Option<Date>,
    verdict: Change<&'static str>,
    score: Delta,
    completeness: Delta,
    priorities: Vec<PriorityDelta<'a>>,
    resolved: Vec<FindingJson<'a>>,
    new: Vec<FindingJson<'a>>,
    still_open: Vec<FindingJson<'a>>,
}

#[derive(Serialize)]
struct Delta {
    before: f64,
    after: f64,
    delta: f64,
}

#[derive(Serialize)]
struct PriorityDelta<'a> {
    id: &'a str,
    title: &'a str,
    before: Option<f64>,
    after: Option<f64>,
    delta: Option<f64>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    rule: &'a str,
    title: &'a str,
    severity: &'static str,
    blocker: bool,
    waived: bool,
    owner: &'a str,
    due: Option<Date>,
}

impl<T: Serialize> Serialize for Change<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Change", 2)?;
        st.serialize_field("before", &self.before)?;
        st.serialize_field("after", &self.after)?;
        st.end()
    }
}

pub fn render(r: &Report) -> String {
    let findings = r.findings.iter().map(|f| finding(r, f)).collect();
    let waivers = r.waivers.iter().map(|w| waiver(r, w)).collect();
    let report = ReportJson {
        contract: json::contract(r, findings, waivers),
        answers_file: &r.answers_file,
        assessed_by: r.assessed_by.as_deref(),
        assessed_on: r.assessed_on,
        decision: decision::summary(r)
            .into_iter()
            .map(|l| DecisionLine {
                label: l.label,
                text: l.text,
            })
            .collect(),
        brief: crate::report::leadership::json_brief::brief(r),
        priority_details: r
            .priorities
            .iter()
            .map(|p| PriorityDetail {
                id: &p.id,
                title: &p.title,
                score: p.score,
                floor: p.floor,
                below_floor: p.score.is_some_and(|s| s < p.floor),
            })
            .collect(),
        open_question_details: r
            .open_questions
            .iter()
            .map(|q| OpenQuestionDetail {
                question: &q.question,
                checklist: &q.checklist,
                area: &q.area,
                prompt: &q.prompt,
                status: if q.unknown { "unknown" } else { "unanswered" },
                owner: q.owner.as_deref(),
            })
            .collect(),
        since: r.since.as_ref().map(since),
    };
    json_text(&report)
}

/// `migready diff --format json`: the comparison on its own.
pub fn render_since(organisation: &str, s: &Since) -> String {
    #[derive(Serialize)]
    struct Diff<'a> {
        schema_version: u32,
        organisation: &'a str,
        #[serde(flatten)]
        since: SinceJson<'a>,
    }
    json_text(&Diff {
        schema_version: json::SCHEMA_VERSION,
        organisation,
        since: since(s),
    })
}

fn finding<'a>(r: &Report, f: &'a FindingLine) -> ReportFinding<'a> {
    ReportFinding {
        contract: json::finding(r, f),
        risk: &f.risk,
        remediation: &f.remediation,
        remediation_steps: f.remediation_steps(),
        references: &f.references,
        triggered_by: f.answers.iter().map(trigger).collect(),
    }
}

fn trigger(a: &AnswerRef) -> Trigger<'_> {
    Trigger {
        question: &a.question,
        prompt: &a.prompt,
        answer: a.value.as_deref(),
        note: a.note.as_deref(),
        evidence: a.evidence.as_deref(),
        line: a.pos.map(|p| p.line),
        column: a.pos.map(|p| p.column),
    }
}

fn waiver<'a>(r: &Report, w: &'a WaiverLine) -> ReportWaiver<'a> {
    ReportWaiver {
        contract: json::waiver(w),
        title: &w.title,
        days_left: w.days_left,
        expiring: w.expiring(),
        expires_before_go_live: w.state != WaiverState::Expired
            && r.go_live.is_some_and(|g| w.expires < g),
    }
}

pub fn since(s: &Since) -> SinceJson<'_> {
    let delta = |c: &Change<f64>| Delta {
        before: c.before,
        after: c.after,
        delta: c.delta(),
    };
    SinceJson {
        baseline_file: &s.baseline_file,
        baseline_organisation: &s.baseline_organisation,
        baseline_assessed_on: s.baseline_assessed_on,
        verdict: Change {
            before: s.verdict.before.as_str(),
            after: s.verdict.after.as_str(),
        },
        score: delta(&s.score),
        completeness: delta(&s.completeness),
        priorities: s
            .priorities
            .iter()
            .map(|p| PriorityDelta {
                id: &p.id,
                title: &p.title,
                before: p.before,
                after: p.after,
                delta: p.delta(),
            })
            .collect(),
        resolved: s.resolved.iter().map(finding_change).collect(),
        new: s.new.iter().map(finding_change).collect(),
        still_open: s.still_open.iter().map(finding_change).collect(),
    }
}

fn finding_change(f: &FindingChange) -> FindingJson<'_> {
    FindingJson {
        rule: &f.rule,
        title: &f.title,
        severity: f.severity.as_str(),
        blocker: f.blocker,
        waived: f.waived,
        owner: &f.owner,
        due: f.due,
    }
}
