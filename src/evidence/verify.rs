//! Tenant evidence judged again from the answers file alone, for `check` and `lint`: answers the
//! recorded results rule out, and evidence too old to lean on.

use crate::date::Date;
use crate::diag::{Code, Diagnostic, Pos};
use crate::evidence::judge::{self, Reading};
use crate::evidence::mapping::{self, Mapping};
use crate::evidence::summary::sources_text;
use crate::model::{AnswerEntry, Answers, Catalog, Question, TenantEvidence};

/// One warning per contradicted answer not waived, and one for all the answers whose evidence is
/// stale. A stale contradiction is still reported: old evidence against an answer is worth a look.
/// Evidence older than `max_age_days` (`evidence_max_age_days`), judged against `today`, is stale.
pub fn warnings(
    catalog: &Catalog,
    answers: &Answers,
    today: Date,
    max_age_days: i64,
) -> Vec<Diagnostic> {
    // Most answers files hold no tenant evidence: they need not pay for reading the mapping.
    let has_evidence = answers
        .by_question
        .iter()
        .flatten()
        .any(|e| !e.tenant_evidence.is_empty());
    if !has_evidence {
        return Vec::new();
    }
    let (map, _) = mapping::builtin(catalog);
    warnings_with(&map, catalog, answers, today, max_age_days)
}

pub fn warnings_with(
    map: &Mapping,
    catalog: &Catalog,
    answers: &Answers,
    today: Date,
    max_age_days: i64,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut stale: Vec<(Pos, &str, Date)> = Vec::new();
    for entry in answers.by_question.iter().flatten() {
        let Some(question) = catalog.questions.get(entry.question) else {
            continue;
        };
        if entry.tenant_evidence.is_empty() {
            continue;
        }
        let message = map
            .for_question(entry.question)
            .filter(|_| !waived(catalog, answers, question, today))
            .and_then(|q| contradiction(q, catalog, entry, &question.id));
        if let Some(message) = message {
            let code = Code::ContradictedByTenant;
            out.push(Diagnostic::warning(&answers.file, entry.pos, code, message));
        }
        if let Some(date) = newest_run(entry).filter(|d| d.days_until(today) > max_age_days) {
            stale.push((entry.pos, question.id.as_str(), date));
        }
    }
    if let Some(warning) = stale_warning(&answers.file, &stale, today, max_age_days) {
        out.push(warning);
    }
    out
}

/// A waiver in force of the question's evidence finding says the tool is wrong here: the
/// contradiction is settled, and a warning on every run would only be noise.
fn waived(catalog: &Catalog, answers: &Answers, question: &Question, today: Date) -> bool {
    let Some(rule) = catalog.rule(&crate::engine::evidence::rule_id(question)) else {
        return false;
    };
    answers
        .waivers
        .iter()
        .any(|w| w.rule == rule && w.expires >= today)
}

fn contradiction(
    q: &mapping::QuestionMap,
    catalog: &Catalog,
    entry: &AnswerEntry,
    id: &str,
) -> Option<String> {
    let reading = judge::read(q, catalog, &entry.tenant_evidence);
    if reading == Reading::Inconsistent {
        return Some(format!(
            "`{id}`: the recorded tool results contradict each other"
        ));
    }
    let (answer, shows) = judge::contradiction(entry, &reading)?;
    let used: Vec<_> = judge::sources(q, &entry.tenant_evidence)
        .into_iter()
        .cloned()
        .collect();
    Some(format!(
        "`{id}`: the answer says `{answer}`; the tenant shows {} ({})",
        shows.join(" or "),
        sources_text(&used, "; ")
    ))
}

fn stale_warning(
    file: &str,
    stale: &[(Pos, &str, Date)],
    today: Date,
    max_age_days: i64,
) -> Option<Diagnostic> {
    let (pos, _, _) = stale.first()?;
    let ids: Vec<&str> = stale.iter().map(|(_, id, _)| *id).collect();
    let newest = stale.iter().map(|(_, _, d)| *d).max().unwrap_or(today);
    let message = format!(
        "the tenant evidence behind {} answer{} is more than {max_age_days} days old (newest run {newest}, \
         {} days before {today}); import a newer run: {}",
        ids.len(),
        if ids.len() == 1 { "" } else { "s" },
        newest.days_until(today),
        ids.join(", ")
    );
    Some(Diagnostic::warning(
        file,
        *pos,
        Code::StaleEvidence,
        message,
    ))
}

fn newest_run(entry: &AnswerEntry) -> Option<Date> {
    entry
        .tenant_evidence
        .iter()
        .filter_map(TenantEvidence::run_date)
        .max()
}
