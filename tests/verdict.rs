//! Verdicts, waivers and the gate on a small catalogue whose answers are easy to reason about.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use migready::date::Date;
use migready::engine::{self, GateRequest, Verdict, WaiverState};
use migready::load::source::{self, Source};
use migready::load::{answers, builtin, catalog};
use migready::model::Limits;
use migready::model::{Catalog, Require, Severity, Thresholds};

fn small_catalog() -> Catalog {
    let priorities = builtin::sources()
        .into_iter()
        .find(|s| s.name.ends_with("priorities.yaml"));
    let mut sources: Vec<Source> = priorities.into_iter().collect();
    for file in [
        "tests/fixtures/custom/custom.yaml",
        "tests/fixtures/custom/blocker.yaml",
    ] {
        sources.push(
            source::read(file.as_ref(), Limits::default().max_file_bytes).expect("fixture reads"),
        );
    }
    catalog::load(&sources, Limits::default()).expect("fixtures load")
}

fn date(s: &str) -> Date {
    s.parse().expect("valid date")
}

fn assess(answers_yaml: &str, today: &str) -> (Catalog, engine::Assessment) {
    let catalog = small_catalog();
    let text = format!(
        "meta:\n  organisation: Test\n  project: Cutover\n  go_live: 2027-01-10\n{answers_yaml}"
    );
    let answers = answers::load(
        &Source::from_text("answers.yaml", text),
        &catalog,
        Limits::default(),
    )
    .expect("answers are valid");
    let a = engine::assess(&catalog, &answers, date(today), &Thresholds::default());
    (catalog, a)
}

const READY: &str = "answers:
  custom.vendor_count: 2
  custom.vendor_contract: yes
  custom.war_room: on_site
  blocker.rollback_plan: yes
";

#[test]
fn a_ready_team_gets_go() {
    let (_, a) = assess(READY, "2026-12-01");
    assert_eq!(a.judgement.verdict, Verdict::Go, "{:?}", a.judgement);
    assert_eq!(a.score, 100.0);
    assert_eq!(a.completeness, 100.0);
}

#[test]
fn a_blocker_close_to_go_live_is_no_go_and_far_from_it_is_silent() {
    let answers = READY.replace("blocker.rollback_plan: yes", "blocker.rollback_plan: no");
    let (_, far) = assess(&answers, "2026-12-01");
    assert!(far.findings.is_empty());
    let (_, near) = assess(&answers, "2027-01-01");
    assert_eq!(near.judgement.verdict, Verdict::NoGo);
    assert!(near.judgement.no_go[0].starts_with("blocker BLK-001 is not waived"));
}

#[test]
fn an_active_waiver_lifts_the_blocker_and_an_expired_one_does_not() {
    let answers = READY.replace("blocker.rollback_plan: yes", "blocker.rollback_plan: no");
    let waiver = "waivers:\n  - rule: BLK-001\n    reason: Source stays live for a month\n    approved_by: COO\n    expires: 2027-01-31\n";
    let (_, active) = assess(&format!("{answers}{waiver}"), "2027-01-01");
    assert_eq!(active.waivers, vec![WaiverState::Active]);
    assert_ne!(active.judgement.verdict, Verdict::NoGo);
    let (_, expired) = assess(&format!("{answers}{waiver}"), "2027-02-01");
    assert_eq!(expired.waivers, vec![WaiverState::Expired]);
    assert_eq!(expired.judgement.verdict, Verdict::NoGo);
    // Waived only until before go-live (2027-01-10): on the day the blocker stands again.
    let short = waiver.replace("2027-01-31", "2027-01-05");
    let (_, lapsing) = assess(&format!("{answers}{short}"), "2027-01-01");
    assert_eq!(lapsing.waivers, vec![WaiverState::Active]);
    assert_eq!(lapsing.judgement.verdict, Verdict::NoGo);
    assert!(
        lapsing.judgement.no_go[0].contains("before go-live"),
        "{:?}",
        lapsing.judgement
    );
}

#[test]
fn a_waiver_for_a_rule_that_does_not_fire_is_stale() {
    let waiver =
        "waivers:\n  - rule: BLK-001\n    reason: r\n    approved_by: a\n    expires: 2027-12-31\n";
    let (_, a) = assess(&format!("{READY}{waiver}"), "2027-01-01");
    assert_eq!(a.waivers, vec![WaiverState::Stale]);
}

#[test]
fn unknown_answers_lower_completeness_and_can_force_no_go() {
    let answers = "answers:\n  custom.vendor_count: unknown\n  custom.war_room: unknown\n  blocker.rollback_plan: yes\n";
    let (_, a) = assess(answers, "2026-12-01");
    // Four questions apply; one is answered, two are `unknown`, one is blank.
    assert_eq!(a.completeness, 25.0);
    assert_eq!(a.open_questions.len(), 3);
    assert_eq!(a.judgement.verdict, Verdict::NoGo);
}

#[test]
fn not_applicable_answers_are_left_out_of_the_score() {
    let answers = READY.replace("custom.vendor_count: 2", "custom.vendor_count: n/a");
    let (catalog, a) = assess(&answers, "2026-12-01");
    let dependency = catalog
        .priority("dependency_mapping")
        .expect("priority exists");
    assert_eq!(a.priority_scores[dependency], None);
    assert_eq!(a.score, 100.0);
}

#[test]
fn the_gate_follows_require_min_score_and_fail_on() {
    let answers = READY
        .replace("custom.war_room: on_site", "custom.war_room: undecided")
        .replace(
            "custom.vendor_contract: yes",
            "custom.vendor_contract: partial",
        );
    let (catalog, a) = assess(&answers, "2026-12-01");
    assert_eq!(
        a.judgement.verdict,
        Verdict::Conditional,
        "{:?}",
        a.judgement
    );
    let gate = |request| engine::gate::evaluate(&catalog, &a, request);
    assert!(gate(GateRequest::default()).passed);
    let go = gate(GateRequest {
        require: Require::Go,
        ..Default::default()
    });
    assert!(!go.passed);
    assert!(go.reasons[0].contains("GO is required"), "{:?}", go.reasons);
    let min = gate(GateRequest {
        min_score: Some(99.0),
        ..Default::default()
    });
    assert!(!min.passed);
    let medium = gate(GateRequest {
        fail_on: Some(Severity::Medium),
        ..Default::default()
    });
    assert_eq!(
        medium.reasons,
        vec!["1 unwaived finding at medium or above: CUS-001".to_owned()]
    );
    let high = gate(GateRequest {
        fail_on: Some(Severity::High),
        ..Default::default()
    });
    assert!(high.passed);
}

#[test]
fn unknown_is_judged_by_its_worst_answer_close_to_go_live() {
    let answers = READY.replace(
        "blocker.rollback_plan: yes",
        "blocker.rollback_plan: unknown",
    );
    let (catalog, far) = assess(&answers, "2026-12-01");
    assert!(
        far.findings.is_empty(),
        "far out the blocker rule cannot fire"
    );
    let (_, near) = assess(&answers, "2027-01-01");
    assert_eq!(near.judgement.verdict, Verdict::NoGo);
    let f = &near.findings[0];
    assert_eq!(catalog.rules[f.rule].id, "BLK-001");
    let q = catalog.question("blocker.rollback_plan").expect("question");
    assert_eq!(f.assumed, vec![q], "the finding says what is not known");
    assert!(
        near.judgement
            .no_go
            .iter()
            .any(|r| r.contains("blocker BLK-001 is not waived: not known"))
    );
    assert!(
        near.score < 50.0,
        "a blocker holds the score below the NO-GO line"
    );
}

#[test]
fn not_applicable_is_not_guessed() {
    let answers = READY.replace("blocker.rollback_plan: yes", "blocker.rollback_plan: n/a");
    let (_, near) = assess(&answers, "2027-01-01");
    assert!(near.findings.is_empty());
}

#[test]
fn a_finding_caps_the_score_of_its_priorities_and_the_whole() {
    let answers = READY.replace(
        "blocker.rollback_plan: yes",
        "blocker.rollback_plan: partial",
    );
    let (catalog, a) = assess(&answers, "2027-01-01");
    // Uncapped: continuity 50, the whole 79.5. The blocker holds both at 40, below the NO-GO line.
    let p = catalog.priority("business_continuity").expect("priority");
    assert_eq!(a.priority_scores[p], Some(40.0));
    assert_eq!(a.score, 40.0);
    let cap = a.score_cap.expect("a cap applied");
    assert_eq!(
        cap.rule.map(|r| catalog.rules[r].id.as_str()),
        Some("BLK-001")
    );
    let (_, far) = assess(&answers, "2026-12-01");
    assert_eq!(far.score_cap, None, "no finding, no cap");
    assert!(far.score > 75.0);
}

#[test]
fn without_a_go_live_date_the_run_up_rules_are_not_evaluable_and_go_is_out_of_reach() {
    let catalog = small_catalog();
    let text = format!(
        "meta:\n  organisation: Test\n  project: Cutover\n{}",
        READY.replace("blocker.rollback_plan: yes", "blocker.rollback_plan: no")
    );
    let answers = answers::load(
        &Source::from_text("answers.yaml", text),
        &catalog,
        Limits::default(),
    )
    .expect("go_live may be left out");
    let a = engine::assess(
        &catalog,
        &answers,
        date("2026-12-01"),
        &Thresholds::default(),
    );
    assert_eq!(a.days_to_go_live, None);
    assert_eq!(a.stage, engine::Stage::NoDate);
    let ids: Vec<&str> = a
        .not_evaluable
        .iter()
        .map(|&r| catalog.rules[r].id.as_str())
        .collect();
    assert_eq!(ids, ["BLK-001"]);
    assert_eq!(a.judgement.verdict, Verdict::Conditional);
}

#[test]
fn placeholders_are_not_owners_and_go_live_comes_after_the_assessment() {
    let catalog = small_catalog();
    let load = |text: &str| {
        answers::load(
            &Source::from_text("answers.yaml", text.to_owned()),
            &catalog,
            Limits::default(),
        )
    };
    let meta = "meta:\n  organisation: Test\n  project: Cutover\n  go_live: 2027-01-10\n";
    let owner = format!("{meta}answers:\n  custom.war_room:\n    value: remote\n    owner: TBD\n");
    let errors = load(&owner).expect_err("TBD is no owner");
    let text: Vec<String> = errors
        .into_sorted()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(text.len(), 1, "{text:?}");
    assert!(
        text[0].starts_with("answers.yaml:8:12: error[placeholder-owner]"),
        "{text:?}"
    );
    let early = "meta:\n  organisation: T\n  project: P\n  go_live: 2026-01-10\n  assessed_on: 2026-02-01\n";
    let errors = load(early).expect_err("go-live before the assessment");
    let text: Vec<String> = errors
        .into_sorted()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        text[0].starts_with("answers.yaml:4:12: error[invalid-date]"),
        "{text:?}"
    );
}

#[test]
fn a_finding_whose_answers_cannot_be_checked_is_an_error_not_a_silent_loss() {
    let priorities = builtin::sources()
        .into_iter()
        .find(|s| s.name.ends_with("priorities.yaml"))
        .expect("priorities");
    let checklist = Source::from_text(
        "multi.yaml",
        "id: multi\ntitle: Multi\nquestions:\n  - id: tools\n    prompt: Which tools?\n    type: multi\n    options:\n      - { value: a, score: 0.5 }\n      - { value: legacy_tool, score: 0.5, raises: high }\n    priorities: [dependency_mapping]\n    finding: { title: T, risk: R, remediation: M, owner: O }\n"
            .to_owned(),
    );
    let limits = Limits {
        max_expression_bytes: 12,
        ..Limits::default()
    };
    let errors = catalog::load(&[priorities, checklist], limits).expect_err("past the limit");
    let text: Vec<String> = errors
        .into_sorted()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        text.iter().any(|e| e.starts_with("multi.yaml:11:14: error[limit-exceeded]: the answers that raise this finding cannot be checked")),
        "{text:?}"
    );
}
