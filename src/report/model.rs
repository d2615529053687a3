//! What a report says, resolved to plain values: titles, owners, dates, positions.

use crate::date::Date;
use crate::diag::Pos;
use crate::engine::{Assessment, Gate, Verdict, WaiverState};
use crate::model::{Answers, Catalog, Severity};

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub answers_file: String,
    pub organisation: String,
    pub project: String,
    pub go_live: Date,
    pub days_to_go_live: i64,
    pub assessed_by: Option<String>,
    pub assessed_on: Option<Date>,
    pub today: Date,
    pub verdict: Verdict,
    pub score: f64,
    pub completeness: f64,
    pub priorities: Vec<PriorityLine>,
    pub findings: Vec<FindingLine>,
    pub reasons: Vec<String>,
    pub open_questions: Vec<OpenQuestion>,
    pub waivers: Vec<WaiverLine>,
    pub gate: Option<Gate>,
    /// Every rule of the catalogue, fired or not (SARIF and JUnit list them all).
    pub rules: Vec<RuleLine>,
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
}

#[derive(Debug, Clone, PartialEq)]
pub struct FindingLine {
    pub rule: String,
    pub checklist: String,
    pub severity: Severity,
    pub blocker: bool,
    pub waived: bool,
    pub title: String,
    pub risk: String,
    pub remediation: String,
    /// The person named on a triggering answer, else the rule's owner role.
    pub owner: String,
    pub owner_role: String,
    pub due: Option<Date>,
    pub answers: Vec<AnswerRef>,
    pub references: Vec<String>,
}

/// An answer that a finding read, and where it stands in the answers file (when it is there).
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerRef {
    pub question: String,
    pub pos: Option<Pos>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OpenQuestion {
    pub question: String,
    pub checklist: String,
    pub prompt: String,
    pub owner: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WaiverLine {
    pub rule: String,
    pub reason: String,
    pub approved_by: String,
    pub expires: Date,
    pub state: WaiverState,
}

impl Report {
    pub fn new(
        catalog: &Catalog,
        answers: &Answers,
        a: &Assessment,
        thresholds: &crate::model::Thresholds,
        gate: Option<Gate>,
    ) -> Report {
        let meta = &answers.meta;
        Report {
            answers_file: answers.file.clone(),
            organisation: meta.organisation.clone(),
            project: meta.project.clone(),
            go_live: meta.go_live,
            days_to_go_live: a.days_to_go_live,
            assessed_by: meta.assessed_by.clone(),
            assessed_on: meta.assessed_on,
            today: a.today,
            verdict: a.judgement.verdict,
            score: a.score,
            completeness: a.completeness,
            priorities: catalog
                .priorities
                .iter()
                .zip(&a.priority_scores)
                .map(|(p, score)| PriorityLine {
                    id: p.id.clone(),
                    title: p.title.clone(),
                    score: *score,
                    floor: thresholds.floor_for(&p.id),
                })
                .collect(),
            findings: a
                .findings
                .iter()
                .filter_map(|f| finding(catalog, answers, f))
                .collect(),
            reasons: a.judgement.reasons().cloned().collect(),
            open_questions: a
                .open_questions
                .iter()
                .filter_map(|&q| {
                    let question = catalog.questions.get(q)?;
                    Some(OpenQuestion {
                        question: question.id.clone(),
                        checklist: catalog.checklists.get(question.checklist)?.id.clone(),
                        prompt: question.prompt.clone(),
                        owner: answers.get(q).and_then(|e| e.owner.clone()),
                    })
                })
                .collect(),
            waivers: answers
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
                })
                .collect(),
            gate,
            rules: catalog
                .rules
                .iter()
                .map(|r| RuleLine {
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
                .collect(),
        }
    }

    /// Unwaived blockers: what stands between the team and go-live.
    pub fn blockers(&self) -> impl Iterator<Item = &FindingLine> {
        self.findings.iter().filter(|f| f.blocker && !f.waived)
    }
}

fn finding(
    catalog: &Catalog,
    answers: &Answers,
    f: &crate::engine::Finding,
) -> Option<FindingLine> {
    let rule = catalog.rules.get(f.rule)?;
    let entries: Vec<_> = f.questions.iter().filter_map(|&q| answers.get(q)).collect();
    let owner = entries.iter().find_map(|e| e.owner.clone());
    Some(FindingLine {
        rule: rule.id.clone(),
        checklist: catalog.checklists.get(rule.checklist)?.id.clone(),
        severity: rule.severity,
        blocker: rule.blocker,
        waived: f.waiver.is_some(),
        title: rule.title.clone(),
        risk: rule.risk.clone(),
        remediation: rule.remediation.clone(),
        owner: owner.unwrap_or_else(|| rule.owner.clone()),
        owner_role: rule.owner.clone(),
        due: entries.iter().filter_map(|e| e.due).min(),
        answers: f
            .questions
            .iter()
            .filter_map(|&q| {
                Some(AnswerRef {
                    question: catalog.questions.get(q)?.id.clone(),
                    pos: answers.get(q).map(|e| e.pos),
                })
            })
            .collect(),
        references: rule.references.clone(),
    })
}
