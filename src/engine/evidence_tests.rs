#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::date::Date;
use crate::engine::{Verdict, assess_with};
use crate::evidence::{mapping, readings, rules};
use crate::load::source::Source;
use crate::model::{Limits, Outcome, Thresholds, Tool};

/// Summit with its text-message users and its domain controller's jobs dealt with: a GO.
const SUMMIT_GO: &str = include_str!("../../tests/fixtures/evidence/summit-go.yaml");

fn catalog() -> Catalog {
    let catalog = crate::load::builtin::catalog().unwrap();
    let (map, _) = mapping::builtin(&catalog);
    rules::add(catalog, &map)
}

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

/// Summit's answers (a GO) with a Maester MT.1005 result recorded beside `break_glass_excluded`
/// (answered yes), and optionally a waiver of the contradiction appended.
fn summit(catalog: &Catalog, result: Outcome, run: &str, waiver: bool) -> Answers {
    let mut text = SUMMIT_GO.to_owned();
    if waiver {
        text.push_str(
            "  - rule: evidence.identity.break_glass_excluded\n    reason: MT.1005 took the wrong group for the emergency accounts\n    \
             approved_by: Dana Reyes\n    expires: 2029-01-01\n",
        );
    }
    let mut answers = load(catalog, &text);
    let q = catalog.question("identity.break_glass_excluded").unwrap();
    answers.by_question[q]
        .as_mut()
        .unwrap()
        .tenant_evidence
        .push(TenantEvidence {
            tool: Tool::Maester,
            version: "2.2.0".into(),
            id: "MT.1005".into(),
            result,
            run: run.into(),
            tenant: None,
        });
    answers
}

fn load(catalog: &Catalog, text: &str) -> Answers {
    let source = Source::from_text("answers.yaml", text);
    crate::load::answers::load(&source, catalog, Limits::default()).unwrap()
}

fn assessed(catalog: &Catalog, answers: &Answers, max_age_days: i64) -> crate::engine::Assessment {
    let (map, _) = mapping::builtin(catalog);
    let readings = readings::readings(&map, catalog, answers);
    let input = EvidenceInput {
        readings: &readings,
        max_age_days,
    };
    assess_with(
        catalog,
        answers,
        day("2026-12-01"),
        &Thresholds::default(),
        input,
    )
}

fn evidence_finding<'a>(
    catalog: &Catalog,
    a: &'a crate::engine::Assessment,
) -> Option<&'a crate::engine::Finding> {
    let rule = catalog
        .rule("evidence.identity.break_glass_excluded")
        .unwrap();
    a.findings.iter().find(|f| f.rule == rule)
}

#[test]
fn summit_is_a_go_without_evidence() {
    let catalog = catalog();
    let answers = load(&catalog, SUMMIT_GO);
    let a = assessed(&catalog, &answers, 30);
    assert_eq!(a.judgement.verdict, Verdict::Go);
    assert!(a.evidence.is_empty());
}

#[test]
fn a_contradiction_raises_a_finding_and_judges_the_tenants_answer() {
    let catalog = catalog();
    let answers = summit(&catalog, Outcome::Fail, "2026-11-20T21:29:02+11:00", false);
    let a = assessed(&catalog, &answers, 30);
    let finding = evidence_finding(&catalog, &a).expect("the contradiction raises a finding");
    assert!(
        finding.severity <= Severity::Medium,
        "at least medium: {:?}",
        finding.severity
    );
    assert!(finding.waiver.is_none());
    let state = &a.evidence[0];
    assert_eq!(
        state.tenant_answer,
        Some(AnswerValue::No),
        "the only answer a failed MT.1005 leaves"
    );
    let (_, title) = state.contradiction.as_ref().unwrap();
    assert_eq!(
        title,
        "The answer says \"yes\"; Maester 2.2.0 MT.1005 failed on 2026-11-20"
    );
    assert!(!state.backed && !state.stale);
    assert!(a.judgement.verdict > Verdict::Go, "{:?}", a.judgement);
}

#[test]
fn a_waiver_of_the_contradiction_lets_the_answer_on_file_stand() {
    let catalog = catalog();
    let answers = summit(&catalog, Outcome::Fail, "2026-11-20T10:00:00Z", true);
    let a = assessed(&catalog, &answers, 30);
    let finding = evidence_finding(&catalog, &a).expect("still listed, waived");
    assert!(finding.waiver.is_some());
    assert!(a.evidence[0].waived);
    assert_eq!(a.judgement.verdict, Verdict::Go, "{:?}", a.judgement);
}

#[test]
fn a_stale_contradiction_still_counts_and_says_so() {
    let catalog = catalog();
    let answers = summit(&catalog, Outcome::Fail, "2026-09-01T10:00:00Z", false);
    let a = assessed(&catalog, &answers, 30);
    assert!(a.evidence[0].stale);
    let (_, title) = a.evidence[0].contradiction.as_ref().unwrap();
    assert!(title.ends_with("(stale: older than 30 days)"), "{title}");
    assert!(evidence_finding(&catalog, &a).is_some());
    assert!(a.judgement.verdict > Verdict::Go);
    // A longer allowed age makes the same run fresh.
    let a = assessed(&catalog, &answers, 120);
    assert!(!a.evidence[0].stale);
}

#[test]
fn fresh_agreeing_evidence_backs_the_answer_and_stale_evidence_does_not() {
    let catalog = catalog();
    let answers = summit(&catalog, Outcome::Pass, "2026-11-20T10:00:00Z", false);
    let a = assessed(&catalog, &answers, 30);
    assert!(a.evidence[0].backed && a.evidence[0].contradiction.is_none());
    assert!(evidence_finding(&catalog, &a).is_none());
    assert_eq!(a.judgement.verdict, Verdict::Go);
    let a = assessed(&catalog, &answers, 5);
    assert!(a.evidence[0].stale && !a.evidence[0].backed);
}

#[test]
fn every_mapped_question_has_an_evidence_rule() {
    let catalog = catalog();
    let (map, _) = mapping::builtin(&catalog);
    for q in &map.questions {
        let id = rule_id(&catalog.questions[q.question]);
        assert!(catalog.rule(&id).is_some(), "{id}");
    }
}
