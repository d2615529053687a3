//! The interview's logic, played by the scripted prompter against a small checklist.

use super::*;
use crate::interactive::prompter::{FollowUp, Reply};
use crate::interactive::scripted::{Scripted, Step};
use crate::load::source::Source;
use crate::load::{builtin, catalog};
use crate::model::Limits;
use crate::model::{Catalog, Meta, Thresholds};

const DEMO: &str = r#"
id: demo
title: Demo area
description: Questions for the interview tests.
questions:
  - id: synced
    prompt: Is the directory synced from on-premises?
    help: Sync adds moving parts.
    type: yes_no
    priorities: [identity_security]
  - id: sync_errors
    prompt: How many sync errors are left?
    help: Zero is good.
    type: choice
    options:
      - { value: none, label: None, score: 1.0 }
      - { value: many, label: Many, score: 0.0 }
    allow_na: false
    priorities: [identity_security]
    when: demo.synced
  - id: admins
    prompt: How many global administrators are there?
    help: Two to four.
    type: number
    min: 0
    max: 50
    bands:
      - { max: 4, score: 1.0 }
      - { min: 5, score: 0.0 }
    priorities: [identity_security]
  - id: lead
    prompt: Who leads the cutover?
    help: A name.
    type: person
    priorities: [escalation_ownership]
rules:
  - id: DEM-001
    when: demo.sync_errors == "many"
    severity: critical
    blocker: true
    priorities: [identity_security]
    title: Sync errors will lock people out
    risk: People without a synced account cannot sign in.
    remediation: Fix the errors.
    owner: Identity administrator
  - id: DEM-002
    when: demo.admins > 4
    severity: high
    priorities: [identity_security]
    title: Too many global administrators
    risk: Each one is a way in.
    remediation: Remove some.
    owner: Identity administrator
  - id: DEM-003
    when: unknown(demo.sync_errors) or demo.admins > 40
    severity: medium
    priorities: [identity_security]
    title: Sync errors not known, or far too many administrators
    risk: Either hides a problem.
    remediation: Find out.
    owner: Identity administrator
  - id: DEM-004
    when: demo.synced and demo.admins > 10
    severity: high
    priorities: [identity_security]
    title: A synced directory with many administrators
    risk: Either hides a problem.
    remediation: Find out.
    owner: Identity administrator
"#;

fn demo_catalog() -> Catalog {
    let mut sources: Vec<Source> = builtin::sources()
        .into_iter()
        .filter(|s| s.name.ends_with("priorities.yaml"))
        .collect();
    sources.push(Source::from_text("demo.yaml", DEMO));
    match catalog::load(&sources, Limits::default()) {
        Ok(c) => c,
        Err(d) => panic!("{d:?}"),
    }
}

fn today() -> Date {
    "2026-11-25".parse().unwrap()
}

fn fresh(catalog: &Catalog) -> Answers {
    let meta = Meta {
        organisation: "Demo Ltd".into(),
        project: "Move".into(),
        go_live: Some("2027-06-01".parse().unwrap()),
        assessed_by: None,
        assessed_on: None,
        tenant_id: None,
    };
    new_answers("answers.yaml", meta, catalog)
}

/// Keeps every saved version, so a test can check that each answer was on disk at once.
#[derive(Default)]
struct Memory {
    saves: Vec<Answers>,
}

impl Store for Memory {
    fn save(&mut self, answers: &Answers) -> io::Result<()> {
        self.saves.push(answers.clone());
        Ok(())
    }
}

fn ask(id: &str, reply: Reply) -> Step {
    Step::Ask(format!("demo.{id}"), reply)
}

fn answer(id: &str, value: AnswerValue) -> Step {
    ask(id, Reply::Answer(value))
}

fn run(answers: Answers, review: bool, steps: Vec<Step>) -> (Answers, Scripted, Memory, bool) {
    let catalog = demo_catalog();
    let thresholds = Thresholds::default();
    let mut interview = Interview::new(&catalog, &thresholds, answers, &[0], today(), review);
    let mut prompter = Scripted::new(steps);
    let mut store = Memory::default();
    let ending = interview.run(&mut prompter, &mut store).unwrap();
    if let Ending::Stopped(e) = &ending {
        assert_eq!(e.kind(), io::ErrorKind::Interrupted, "{e}");
    }
    assert_eq!(prompter.left(), 0, "script steps left over");
    let finished = matches!(ending, Ending::Finished);
    (interview.answers().clone(), prompter, store, finished)
}

fn value(answers: &Answers, catalog: &Catalog, id: &str) -> Option<AnswerValue> {
    let q = catalog.question(&format!("demo.{id}")).unwrap();
    answers.get(q).map(|e| e.value.clone())
}

fn asked(p: &Scripted) -> Vec<&str> {
    p.shown.iter().map(|s| s.question.as_str()).collect()
}

#[test]
fn follow_ups_appear_and_disappear_as_conditions_change() {
    let catalog = demo_catalog();
    let steps = vec![
        answer("synced", AnswerValue::No),
        answer("admins", AnswerValue::Number(2.0)),
        answer("lead", AnswerValue::Text("Ana".into())),
    ];
    let (_, p, _, finished) = run(fresh(&catalog), false, steps);
    assert!(finished);
    assert_eq!(asked(&p), ["demo.synced", "demo.admins", "demo.lead"]);
    // Before `synced` is answered its follow-up may apply, so it counts: one of four. Answered
    // `no`, the follow-up goes away: two of three.
    assert_eq!((p.shown[0].number, p.shown[0].total), (1, 4));
    assert_eq!((p.shown[1].number, p.shown[1].total), (2, 3));

    let steps = vec![
        answer("synced", AnswerValue::Yes),
        answer("sync_errors", AnswerValue::Unknown),
        Step::FollowUp("demo.sync_errors".into(), FollowUp::default()),
        answer("admins", AnswerValue::NotApplicable),
        ask("lead", Reply::Skip),
    ];
    let (answers, p, _, finished) = run(fresh(&catalog), false, steps);
    assert!(finished);
    assert_eq!(p.shown[1].question, "demo.sync_errors");
    assert_eq!((p.shown[1].number, p.shown[1].total), (2, 4));
    assert!(!p.shown[1].offers_na, "sync_errors refuses n/a");
    // `unknown` is counted apart from the answers, as `check` leaves it out of completeness.
    assert_eq!((p.shown[2].answered, p.shown[2].unknown), (1, 1));
    assert_eq!(
        value(&answers, &catalog, "sync_errors"),
        Some(AnswerValue::Unknown)
    );
    assert_eq!(
        value(&answers, &catalog, "admins"),
        Some(AnswerValue::NotApplicable)
    );
    assert_eq!(
        value(&answers, &catalog, "lead"),
        None,
        "skipped stays unanswered"
    );
}

#[test]
fn back_changes_the_previous_answer_and_the_questions_that_follow() {
    let catalog = demo_catalog();
    let steps = vec![
        answer("synced", AnswerValue::Yes),
        ask("sync_errors", Reply::Back),
        answer("synced", AnswerValue::No),
        answer("admins", AnswerValue::Number(3.0)),
    ];
    let (answers, p, _, _) = run(fresh(&catalog), false, steps);
    assert!(
        !p.shown[0].can_go_back,
        "nothing to go back to at the start"
    );
    assert!(p.shown[1].can_go_back);
    assert_eq!(
        p.shown[2].current,
        Some(AnswerValue::Yes),
        "the answer is the default"
    );
    assert_eq!(
        p.shown[3].question, "demo.admins",
        "sync_errors no longer applies"
    );
    assert_eq!(value(&answers, &catalog, "synced"), Some(AnswerValue::No));
}

#[test]
fn back_over_a_skipped_question_asks_it_again() {
    let catalog = demo_catalog();
    let steps = vec![
        answer("synced", AnswerValue::No),
        ask("admins", Reply::Skip),
        ask("lead", Reply::Back),
        answer("admins", AnswerValue::Number(1.0)),
        answer("lead", AnswerValue::Text("Ana".into())),
    ];
    let (answers, _, _, finished) = run(fresh(&catalog), false, steps);
    assert!(finished);
    assert_eq!(
        value(&answers, &catalog, "admins"),
        Some(AnswerValue::Number(1.0))
    );
}

#[test]
fn a_risky_answer_asks_for_an_owner_and_a_due_date_in_the_long_form() {
    let catalog = demo_catalog();
    let due: Date = "2027-01-15".parse().unwrap();
    let follow_up = FollowUp {
        owner: Some("Priya Nair (IT manager)".into()),
        due: Some(due),
    };
    let steps = vec![
        answer("synced", AnswerValue::Yes),
        answer("sync_errors", AnswerValue::Choice("many".into())),
        Step::FollowUp("demo.sync_errors".into(), follow_up),
        answer("admins", AnswerValue::Number(9.0)),
        Step::FollowUp("demo.admins".into(), FollowUp::default()),
    ];
    let (answers, p, store, _) = run(fresh(&catalog), false, steps);
    assert_eq!(
        p.risks,
        [
            ("demo.sync_errors".to_owned(), vec!["DEM-001".to_owned()]),
            ("demo.admins".to_owned(), vec!["DEM-002".to_owned()]),
        ]
    );
    let q = catalog.question("demo.sync_errors").unwrap();
    let entry = answers.get(q).unwrap();
    assert_eq!(entry.owner.as_deref(), Some("Priya Nair (IT manager)"));
    assert_eq!(entry.due, Some(due));
    // The answer was saved before the follow-up was asked, then again with the owner.
    assert_eq!(store.saves[1].get(q).map(|e| e.owner.clone()), Some(None));
    assert_eq!(
        store.saves[2].get(q).and_then(|e| e.owner.clone()),
        entry.owner
    );
    // Skipping both fields saves nothing more: four saves for three answers and one follow-up.
    assert_eq!(store.saves.len(), 4);
}

#[test]
fn a_safe_answer_asks_nothing_more() {
    let catalog = demo_catalog();
    let steps = vec![
        answer("synced", AnswerValue::Yes),
        answer("sync_errors", AnswerValue::Choice("none".into())),
        answer("admins", AnswerValue::Number(4.0)),
    ];
    let (_, p, _, _) = run(fresh(&catalog), false, steps);
    assert!(p.risks.is_empty());
}

#[test]
fn every_confirmed_answer_is_saved_before_the_next_question() {
    let catalog = demo_catalog();
    let steps = vec![
        answer("synced", AnswerValue::Yes),
        answer("sync_errors", AnswerValue::Choice("none".into())),
    ];
    // The script ends at `admins`, as Ctrl-C would.
    let (answers, _, store, finished) = run(fresh(&catalog), false, steps);
    assert!(!finished);
    assert_eq!(store.saves.len(), 2);
    assert_eq!(store.saves.last(), Some(&answers));
    assert_eq!(answers.meta.assessed_on, Some(today()));
}

#[test]
fn a_second_run_resumes_at_the_first_unanswered_question() {
    let catalog = demo_catalog();
    let steps = vec![
        answer("synced", AnswerValue::Yes),
        ask("sync_errors", Reply::Skip),
        answer("admins", AnswerValue::Number(2.0)),
    ];
    let (answers, _, _, _) = run(fresh(&catalog), false, steps);
    let steps = vec![
        answer("sync_errors", AnswerValue::Choice("none".into())),
        answer("lead", AnswerValue::Text("Ana".into())),
    ];
    let (answers, p, _, finished) = run(answers, false, steps);
    assert!(finished);
    assert_eq!((p.shown[0].number, p.shown[0].total), (2, 4));
    assert!(!p.shown[0].can_go_back);
    assert_eq!(
        value(&answers, &catalog, "lead"),
        Some(AnswerValue::Text("Ana".into()))
    );
}

#[test]
fn review_walks_through_answered_questions_with_their_values() {
    let catalog = demo_catalog();
    let steps = vec![
        answer("synced", AnswerValue::No),
        answer("admins", AnswerValue::Number(2.0)),
        answer("lead", AnswerValue::Text("Ana".into())),
    ];
    let (answers, _, _, _) = run(fresh(&catalog), false, steps);
    let steps = vec![
        answer("synced", AnswerValue::No),
        answer("admins", AnswerValue::Number(3.0)),
        answer("lead", AnswerValue::Text("Ana".into())),
    ];
    let (_, p, store, finished) = run(answers, true, steps);
    assert!(finished);
    assert_eq!(p.shown[1].current, Some(AnswerValue::Number(2.0)));
    assert_eq!(store.saves.len(), 1, "only the changed answer is written");
}

#[test]
fn only_the_rules_an_answer_is_responsible_for_are_named() {
    let catalog = demo_catalog();
    let steps = vec![
        answer("synced", AnswerValue::Yes),
        // `unknown` is judged by the worst answer: it raises the blocker DEM-001 as well as DEM-003.
        answer("sync_errors", AnswerValue::Unknown),
        Step::FollowUp("demo.sync_errors".into(), FollowUp::default()),
        // DEM-003 already fires because of sync_errors, but 45 admins is enough on its own (the
        // other side of its `or`), so it is named again; DEM-004 waited for this answer.
        answer("admins", AnswerValue::Number(45.0)),
        Step::FollowUp("demo.admins".into(), FollowUp::default()),
    ];
    let (_, p, _, _) = run(fresh(&catalog), false, steps);
    assert_eq!(
        p.risks,
        [
            (
                "demo.sync_errors".to_owned(),
                vec!["DEM-001".to_owned(), "DEM-003".to_owned()],
            ),
            (
                "demo.admins".to_owned(),
                vec![
                    "DEM-002".to_owned(),
                    "DEM-004".to_owned(),
                    "DEM-003".to_owned()
                ]
            ),
        ]
    );
}
