//! Tenant evidence weighed against the answers: which answers it contradicts, which answer the
//! verdict then stands on, what finding a contradiction raises, and which evidence is too old.
//!
//! A contradicted answer is judged as the evidence's answer: a team's word does not outweigh its
//! tenant. The human's answer stands again only under a waiver of the contradiction's finding
//! (`evidence.<question id>`), which says, with its reason, that the evidence is wrong.

use std::borrow::Cow;

use crate::date::Date;
use crate::engine::facts::AssessmentFacts;
use crate::engine::findings::{self, Raised};
use crate::model::{AnswerValue, Answers, Catalog, Question, Severity, TenantEvidence};

/// What the recorded results of one answered question say, read through the mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct TenantReading {
    pub question: usize,
    /// The answers the results leave possible, in the question's order; empty when they narrow
    /// nothing or contradict each other.
    pub shows: Vec<AnswerValue>,
    /// The answer on file is not among `shows`.
    pub contradicted: bool,
    /// The results behind the reading, newest first.
    pub sources: Vec<TenantEvidence>,
}

/// The evidence an assessment is given, and how old it may be.
#[derive(Debug, Clone, Copy)]
pub struct EvidenceInput<'a> {
    pub readings: &'a [TenantReading],
    /// Evidence from a run more than this many days before the assessment's day is stale.
    pub max_age_days: i64,
}

impl EvidenceInput<'_> {
    pub const NONE: EvidenceInput<'static> = EvidenceInput {
        readings: &[],
        max_age_days: 30,
    };
}

/// What became of one question's evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceState {
    pub question: usize,
    /// The newest run is older than the configured age.
    pub stale: bool,
    /// The answer is backed: fresh evidence that leaves the answer on file possible.
    pub backed: bool,
    /// When the evidence contradicts the answer: the answer it shows (the mildest it leaves).
    pub tenant_answer: Option<AnswerValue>,
    /// A waiver of the contradiction says the evidence is wrong: the answer on file stands.
    pub waived: bool,
    /// The `evidence.<id>` finding a contradiction raises: its rule and title.
    pub contradiction: Option<(usize, String)>,
    /// The newest result behind the reading.
    pub newest: Option<TenantEvidence>,
}

/// The rule id of the finding a contradiction of `question` raises.
pub fn rule_id(question: &Question) -> String {
    format!("evidence.{}", question.id)
}

/// Each reading judged: stale or not, backed or contradicted, and what the verdict stands on.
pub fn judge(
    catalog: &Catalog,
    answers: &Answers,
    input: EvidenceInput,
    today: Date,
) -> Vec<EvidenceState> {
    input
        .readings
        .iter()
        .filter_map(|r| state(catalog, answers, r, input.max_age_days, today))
        .collect()
}

fn state(
    catalog: &Catalog,
    answers: &Answers,
    reading: &TenantReading,
    max_age_days: i64,
    today: Date,
) -> Option<EvidenceState> {
    let question = catalog.questions.get(reading.question)?;
    let newest = reading.sources.first().cloned();
    let stale = newest
        .as_ref()
        .and_then(TenantEvidence::run_date)
        .is_some_and(|d| d.days_until(today) > max_age_days);
    let mut out = EvidenceState {
        question: reading.question,
        stale,
        backed: !stale && !reading.contradicted && !reading.shows.is_empty(),
        tenant_answer: None,
        waived: false,
        contradiction: None,
        newest,
    };
    let Some(evidence_answer) = reading
        .contradicted
        .then(|| mildest(question, &reading.shows))
    else {
        return Some(out);
    };
    let evidence_answer = evidence_answer?;
    let rule = catalog.rule(&rule_id(question))?;
    let on_file = answers.get(reading.question)?;
    let mut title = title(question, &on_file.value, reading);
    if stale {
        title.push_str(&format!(" (stale: older than {max_age_days} days)"));
    }
    out.contradiction = Some((rule, title));
    out.waived = waiver_in_force(answers, rule, today).is_some();
    out.tenant_answer = Some(evidence_answer);
    Some(out)
}

/// Of the answers the evidence leaves, the one that scores best: the evidence proves at least this
/// much is wrong, and no more.
pub fn mildest(question: &Question, shows: &[AnswerValue]) -> Option<AnswerValue> {
    let score = |v: &AnswerValue| crate::engine::score::answer_score(&question.kind, Some(v));
    shows
        .iter()
        .fold(None::<&AnswerValue>, |best, v| match best {
            Some(b) if score(b) >= score(v) => Some(b),
            _ => Some(v),
        })
        .cloned()
}

fn waiver_in_force(answers: &Answers, rule: usize, today: Date) -> Option<usize> {
    answers
        .waivers
        .iter()
        .position(|w| w.rule == rule && w.expires >= today && !w.reason.trim().is_empty())
}

/// "The answer says `all_users`; Maester 2.2.0 MT.1007 failed on 2026-11-20 (stale)".
fn title(question: &Question, on_file: &AnswerValue, reading: &TenantReading) -> String {
    let label = label(question, on_file);
    let Some(newest) = reading.sources.first() else {
        return format!("The answer says {label}; the tenant's results say otherwise");
    };
    let verb = match newest.result {
        crate::model::Outcome::Pass => "passed",
        crate::model::Outcome::Fail => "failed",
    };
    let day = newest.run.get(..10).unwrap_or(&newest.run);
    format!(
        "The answer says {label}; {} {verb} on {day}",
        newest.source()
    )
}

/// The answer on file in the checklist's words, quoted: "All users", "yes", "partly".
fn label(question: &Question, value: &AnswerValue) -> String {
    format!(
        "\"{}\"",
        crate::model::answers::answer_text(&question.kind, value)
    )
}

/// The answers the verdict is judged with: each contradicted answer replaced by the evidence's,
/// unless a waiver says the evidence is wrong.
pub fn effective<'a>(answers: &'a Answers, states: &[EvidenceState]) -> Cow<'a, Answers> {
    replaced(answers, states.iter().filter(|s| !s.waived))
}

/// The answers as the tenant shows them, waivers or not: what the contradicted answers hide.
pub fn as_the_tenant_shows<'a>(answers: &'a Answers, states: &[EvidenceState]) -> Cow<'a, Answers> {
    replaced(answers, states.iter())
}

fn replaced<'a, 's>(
    answers: &'a Answers,
    states: impl Iterator<Item = &'s EvidenceState>,
) -> Cow<'a, Answers> {
    let mut out = Cow::Borrowed(answers);
    for s in states {
        let Some(value) = &s.tenant_answer else {
            continue;
        };
        if let Some(Some(entry)) = out.to_mut().by_question.get_mut(s.question) {
            entry.value = value.clone();
        }
    }
    out
}

/// The finding each contradiction raises, at the severity of the risk the answer on file hides:
/// the gravest of what the rules reading the question raise with the tenant's answer (read from
/// `facts` with the answers as the tenant shows them, waived or not), and never below medium.
pub fn raise(
    catalog: &Catalog,
    human: &Answers,
    states: &[EvidenceState],
    facts: &AssessmentFacts,
    raised: &mut [Option<Raised>],
) {
    if states.iter().all(|s| s.contradiction.is_none()) {
        return;
    }
    let shown = as_the_tenant_shows(human, states);
    let facts = &AssessmentFacts {
        answers: &shown,
        ..*facts
    };
    for s in states {
        let Some((rule, _)) = &s.contradiction else {
            continue;
        };
        let hidden = catalog
            .rules
            .iter()
            .filter(|r| r.evidence_of.is_none() && r.when.questions().contains(&s.question))
            .filter_map(|r| findings::evaluate(catalog, r, facts))
            .filter(|r| r.assumed.is_empty())
            .map(|r| r.severity)
            .min()
            .map_or(Severity::Medium, |hidden| hidden.min(Severity::Medium));
        if let Some(slot) = raised.get_mut(*rule) {
            *slot = Some(Raised {
                severity: hidden,
                blocker: false,
                assumed: Vec::new(),
            });
        }
    }
}

#[cfg(test)]
#[path = "evidence_tests.rs"]
mod tests;
