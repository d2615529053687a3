//! What a report says, resolved to plain values: titles, owners, dates, positions.

use crate::date::Date;
use crate::diag::Pos;
use crate::engine::{Assessment, Gate, Verdict, WaiverState};
pub use crate::model::answers::answer_text;
use crate::model::{AnswerEntry, Answers, Catalog, Question, Severity, Thresholds};
use crate::report::baseline::Since;
pub use crate::report::words::steps;

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub answers_file: String,
    pub organisation: String,
    pub project: String,
    /// `None` while no go-live date is agreed.
    pub go_live: Option<Date>,
    pub days_to_go_live: Option<i64>,
    /// The stage the assessment is judged at (kickoff, go/no-go, after go-live, no date).
    pub stage: crate::engine::Stage,
    pub assessed_by: Option<String>,
    pub assessed_on: Option<Date>,
    pub today: Date,
    pub verdict: Verdict,
    pub score: f64,
    /// What holds the overall score down, where a cap applied: `(cap, rule id or None for
    /// "too few answers")`.
    pub score_cap: Option<CapLine>,
    pub completeness: f64,
    /// How many questions apply to this assessment (answered or not).
    pub applicable_questions: usize,
    pub priorities: Vec<PriorityLine>,
    /// Rules a go-live date would decide, while none is set: `(id, title)`.
    pub not_evaluable: Vec<(String, String)>,
    pub findings: Vec<FindingLine>,
    pub reasons: Vec<String>,
    pub open_questions: Vec<OpenQuestion>,
    pub waivers: Vec<WaiverLine>,
    pub gate: Option<Gate>,
    /// Every rule of the catalogue, fired or not (SARIF and JUnit list them all).
    pub rules: Vec<RuleLine>,
    /// What changed since an earlier assessment, when the report is given one.
    pub since: Option<Since>,
    /// The thresholds the verdict was judged by.
    pub thresholds: Thresholds,
    /// Who assessed, when, and how much of it rests on evidence.
    pub basis: crate::report::leadership::basis::Basis,
    /// How many answers tenant evidence backs, per checklist and in all; stale and contradicted ones.
    pub coverage: crate::report::coverage::Coverage,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RuleLine {
    pub id: String,
    pub checklist: String,
    pub severity: Severity,
    pub blocker: bool,
    pub title: String,
    pub risk: String,
    pub remediation: String,
    pub owner_role: String,
    pub references: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PriorityLine {
    pub id: String,
    pub title: String,
    pub score: Option<f64>,
    pub floor: f64,
    /// The cap an unwaived finding set on this priority, where it lowered the score.
    pub cap: Option<CapLine>,
}

/// A ceiling a finding put on a score.
#[derive(Debug, Clone, PartialEq)]
pub struct CapLine {
    pub max: f64,
    /// The rule whose finding set it; `None` when too few questions are answered to judge.
    pub rule: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FindingLine {
    pub rule: String,
    pub checklist: String,
    pub severity: Severity,
    pub blocker: bool,
    pub waived: bool,
    pub title: String,
    /// Raised because questions it reads are unanswered or `unknown` (their ids): the worst
    /// answer to them would raise it.
    pub not_known: Vec<String>,
    pub risk: String,
    pub remediation: String,
    /// The person named on a triggering answer, else the rule's owner role.
    pub owner: String,
    pub owner_role: String,
    pub due: Option<Date>,
    pub answers: Vec<AnswerRef>,
    pub references: Vec<String>,
    /// What only leadership can give to fix it, as tagged in the catalogue.
    pub leadership: Option<crate::model::catalog::Leadership>,
}

/// An answer that a finding read, and where it stands in the answers file (when it is there).
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerRef {
    pub question: String,
    pub pos: Option<Pos>,
    /// The question as the checklist asks it.
    pub prompt: String,
    /// The answer in words (option labels, units), or `None` when unanswered.
    pub value: Option<String>,
    pub note: Option<String>,
    pub evidence: Option<String>,
    /// The answer when it is a date, so that a date already passed can say so.
    pub date: Option<Date>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OpenQuestion {
    pub question: String,
    pub checklist: String,
    pub prompt: String,
    pub owner: Option<String>,
    /// The title of the question's checklist: the area it belongs to.
    pub area: String,
    /// Answered `unknown`, as opposed to not answered at all.
    pub unknown: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WaiverLine {
    pub rule: String,
    pub reason: String,
    pub approved_by: String,
    pub expires: Date,
    pub state: WaiverState,
    /// The title of the waived rule.
    pub title: String,
    /// Days from the report date to the expiry (negative once expired).
    pub days_left: i64,
}

/// A waiver that runs out within this many days is shown as expiring.
pub const EXPIRING_DAYS: i64 = 14;

impl FindingLine {
    /// The remediation as numbered steps (`1. … 2. …`), or as one step when it is not numbered;
    /// each on one line.
    pub fn remediation_steps(&self) -> Vec<String> {
        steps(&self.remediation)
            .into_iter()
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }
}

impl WaiverLine {
    /// In force today but running out within `EXPIRING_DAYS`.
    pub fn expiring(&self) -> bool {
        self.state != WaiverState::Expired && self.days_left <= EXPIRING_DAYS
    }
}

impl Report {
    pub fn new(
        catalog: &Catalog,
        answers: &Answers,
        a: &Assessment,
        thresholds: &Thresholds,
        gate: Option<Gate>,
    ) -> Report {
        let meta = &answers.meta;
        let coverage = crate::report::coverage::Coverage::of(catalog, answers, a);
        Report {
            answers_file: answers.file.clone(),
            organisation: meta.organisation.clone(),
            project: meta.project.clone(),
            go_live: meta.go_live,
            days_to_go_live: a.days_to_go_live,
            stage: a.stage,
            assessed_by: meta.assessed_by.clone(),
            assessed_on: meta.assessed_on,
            today: a.today,
            verdict: a.judgement.verdict,
            score: a.score,
            score_cap: a.score_cap.map(|c| cap_line(catalog, c)),
            completeness: a.completeness,
            applicable_questions: a.applicable.iter().filter(|x| **x).count(),
            priorities: priorities(catalog, a, thresholds),
            not_evaluable: a
                .not_evaluable
                .iter()
                .filter_map(|&r| catalog.rules.get(r))
                .map(|r| (r.id.clone(), r.title.clone()))
                .collect(),
            findings: a
                .findings
                .iter()
                .filter_map(|f| finding(catalog, answers, a, f))
                .collect(),
            reasons: a.judgement.reasons().cloned().collect(),
            open_questions: open_questions(catalog, answers, a),
            waivers: waivers(catalog, answers, a),
            gate,
            rules: rules(catalog, a),
            since: None,
            thresholds: thresholds.clone(),
            basis: crate::report::leadership::basis::Basis::of(
                catalog, answers, a.today, &coverage,
            ),
            coverage,
        }
    }

    /// Sets after how many days the assessment counts as out of date.
    pub fn with_max_age(mut self, days: u32) -> Report {
        self.basis.max_age_days = days;
        self
    }

    /// Adds "since the last assessment", compared with `baseline`.
    pub fn with_baseline(mut self, baseline: &Report) -> Report {
        self.since = Some(Since::between(baseline, &self));
        self
    }

    /// The waiver in force for a rule, if any.
    pub fn waiver_for(&self, rule: &str) -> Option<&WaiverLine> {
        self.waivers
            .iter()
            .find(|w| w.rule == rule && w.state == WaiverState::Active)
    }

    /// Unwaived blockers: what stands between the team and go-live.
    pub fn blockers(&self) -> impl Iterator<Item = &FindingLine> {
        self.findings.iter().filter(|f| f.blocker && !f.waived)
    }
}

fn cap_line(catalog: &Catalog, cap: crate::engine::score::Cap) -> CapLine {
    CapLine {
        max: cap.max,
        rule: cap
            .rule
            .and_then(|r| catalog.rules.get(r))
            .map(|r| r.id.clone()),
    }
}

fn priorities(catalog: &Catalog, a: &Assessment, thresholds: &Thresholds) -> Vec<PriorityLine> {
    catalog
        .priorities
        .iter()
        .zip(&a.priority_scores)
        .zip(&a.priority_caps)
        .map(|((p, score), cap)| PriorityLine {
            id: p.id.clone(),
            title: p.title.clone(),
            score: *score,
            floor: thresholds.floor_for(&p.id),
            cap: cap.map(|c| cap_line(catalog, c)),
        })
        .collect()
}

fn open_questions(catalog: &Catalog, answers: &Answers, a: &Assessment) -> Vec<OpenQuestion> {
    a.open_questions
        .iter()
        .filter_map(|&q| {
            let question = catalog.questions.get(q)?;
            let checklist = catalog.checklists.get(question.checklist)?;
            Some(OpenQuestion {
                question: question.id.clone(),
                checklist: checklist.id.clone(),
                prompt: question.prompt.clone(),
                owner: answers.get(q).and_then(|e| e.owner.clone()),
                area: checklist.title.clone(),
                unknown: answers.get(q).is_some(),
            })
        })
        .collect()
}

fn waivers(catalog: &Catalog, answers: &Answers, a: &Assessment) -> Vec<WaiverLine> {
    answers
        .waivers
        .iter()
        .zip(&a.waivers)
        .map(|(w, state)| WaiverLine {
            rule: catalog
                .rules
                .get(w.rule)
                .map(|r| r.id.clone())
                .unwrap_or_default(),
            reason: w.reason.clone(),
            approved_by: w.approved_by.clone(),
            expires: w.expires,
            state: *state,
            title: catalog
                .rules
                .get(w.rule)
                .map(|r| r.title.clone())
                .unwrap_or_default(),
            days_left: a.today.days_until(w.expires),
        })
        .collect()
}

/// The catalogue's rules, and the tenant-evidence rules that fired (the others are possible only
/// where evidence was recorded, and would crowd every listing).
fn rules(catalog: &Catalog, a: &Assessment) -> Vec<RuleLine> {
    catalog
        .rules
        .iter()
        .enumerate()
        .filter(|(i, r)| r.evidence_of.is_none() || a.findings.iter().any(|f| f.rule == *i))
        .map(|(_, r)| RuleLine {
            id: r.id.clone(),
            checklist: catalog
                .checklists
                .get(r.checklist)
                .map(|c| c.id.clone())
                .unwrap_or_default(),
            severity: r.severity,
            blocker: r.blocker,
            title: r.title.clone(),
            risk: r.risk.clone(),
            remediation: r.remediation.clone(),
            owner_role: r.owner.clone(),
            references: r.references.clone(),
        })
        .collect()
}

fn finding(
    catalog: &Catalog,
    answers: &Answers,
    a: &Assessment,
    f: &crate::engine::Finding,
) -> Option<FindingLine> {
    let rule = catalog.rules.get(f.rule)?;
    // A contradiction's title says what the answer and the tenant each say.
    let title = a
        .evidence
        .iter()
        .filter_map(|s| s.contradiction.as_ref())
        .find(|(r, _)| *r == f.rule)
        .map_or_else(|| rule.title.clone(), |(_, t)| t.clone());
    let entries: Vec<_> = f.questions.iter().filter_map(|&q| answers.get(q)).collect();
    let owner = entries.iter().find_map(|e| e.owner.clone());
    Some(FindingLine {
        rule: rule.id.clone(),
        checklist: catalog.checklists.get(rule.checklist)?.id.clone(),
        severity: f.severity,
        blocker: f.blocker,
        waived: f.waiver.is_some(),
        title,
        not_known: f
            .assumed
            .iter()
            .filter_map(|&q| catalog.questions.get(q))
            .map(|q| q.id.clone())
            .collect(),
        risk: rule.risk.clone(),
        remediation: rule.remediation.clone(),
        owner: owner.unwrap_or_else(|| rule.owner.clone()),
        owner_role: rule.owner.clone(),
        due: entries.iter().filter_map(|e| e.due).min(),
        answers: f
            .questions
            .iter()
            .filter_map(|&q| Some(answer_ref(catalog.questions.get(q)?, answers.get(q))))
            .collect(),
        references: rule.references.clone(),
        leadership: rule.leadership,
    })
}

fn answer_ref(question: &Question, entry: Option<&AnswerEntry>) -> AnswerRef {
    AnswerRef {
        question: question.id.clone(),
        pos: entry.map(|e| e.pos),
        prompt: question.prompt.clone(),
        value: entry.map(|e| answer_text(&question.kind, &e.value)),
        note: entry.and_then(|e| e.note.clone()),
        evidence: entry.and_then(|e| e.evidence.clone()),
        date: entry.and_then(|e| match e.value {
            crate::model::AnswerValue::Date(d) => Some(d),
            _ => None,
        }),
    }
}
