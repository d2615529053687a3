//! Properties of scoring and verdicts that must hold for any answers, not only the examples.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use migready::date::Date;
use migready::engine::{self, Finding, verdict};
use migready::load::source::Source;
use migready::load::{answers, builtin, catalog};
use migready::model::Limits;
use migready::model::{AnswerKind, Catalog, Thresholds};
use migready::report::Report;
use migready::report::check::{json, table};
use migready::report::terminal::Style;
use proptest::prelude::*;

fn builtin_catalog() -> Catalog {
    catalog::load(&builtin::sources(), Limits::default()).expect("the built-in checklists load")
}

fn today() -> Date {
    "2026-11-25".parse().expect("a valid date")
}

/// One answer line for question `q`, chosen by `seed`; `None` leaves the question unanswered.
fn answer_line(catalog: &Catalog, q: usize, seed: u32) -> Option<String> {
    let question = &catalog.questions[q];
    let value = match seed % 10 {
        0 => return None,
        1 if question.allow_na => "n/a".to_owned(),
        2 => "unknown".to_owned(),
        _ => value_for(&question.kind, seed / 10),
    };
    Some(format!("  {}: {}", question.id, value))
}

fn value_for(kind: &AnswerKind, seed: u32) -> String {
    let pick = |n: usize| (seed as usize) % n.max(1);
    match kind {
        AnswerKind::YesNo { partial } => {
            ["yes", "no", "partial"][pick(if *partial { 3 } else { 2 })].to_owned()
        }
        AnswerKind::Choice { options } => options[pick(options.len())].value.clone(),
        AnswerKind::Multi { options } => {
            let chosen: Vec<&str> = options
                .iter()
                .enumerate()
                .filter(|(i, _)| seed & (1 << (i % 31)) != 0)
                .map(|(_, o)| o.value.as_str())
                .collect();
            format!("[{}]", chosen.join(", "))
        }
        AnswerKind::Maturity { .. } => pick(6).to_string(),
        AnswerKind::Number { min, max, .. } => {
            let lo = min.unwrap_or(0.0);
            let hi = max.unwrap_or(lo + 500.0);
            let span = (hi - lo).max(0.0) as u32;
            (lo + f64::from(seed % (span + 1))).to_string()
        }
        AnswerKind::Date => today().add_days(i64::from(seed % 700) - 100).to_string(),
        AnswerKind::Text | AnswerKind::Person => format!("Person {}", seed % 7),
    }
}

fn answers_text(lines: &[String]) -> String {
    format!(
        "meta:\n  organisation: Prop Test Ltd\n  project: Tenant move\n  go_live: 2027-06-01\nanswers:\n{}\n",
        lines.join("\n")
    )
}

fn lines_for(catalog: &Catalog, seeds: &[u32]) -> Vec<String> {
    (0..catalog.questions.len())
        .filter_map(|q| answer_line(catalog, q, seeds[q % seeds.len()]))
        .collect()
}

fn load_answers(catalog: &Catalog, text: String) -> migready::model::Answers {
    let source = Source::from_text("answers.yaml", text);
    answers::load(&source, catalog, Limits::default()).expect("generated answers are valid")
}

/// Questions whose applicability depends on `q`, directly or through another follow-up.
fn dependents(catalog: &Catalog, q: usize) -> Vec<usize> {
    let mut out = vec![q];
    for (j, question) in catalog.questions.iter().enumerate() {
        let reads = question.when.as_ref().map_or(&[][..], |w| w.questions());
        if reads.iter().any(|r| out.contains(r)) {
            out.push(j);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn scores_stay_between_0_and_100(seeds in prop::collection::vec(any::<u32>(), 1..200)) {
        let catalog = builtin_catalog();
        let answers = load_answers(&catalog, answers_text(&lines_for(&catalog, &seeds)));
        let a = engine::assess(&catalog, &answers, today(), &Thresholds::default());
        prop_assert!((0.0..=100.0).contains(&a.score), "score {}", a.score);
        prop_assert!((0.0..=100.0).contains(&a.completeness), "completeness {}", a.completeness);
        for s in a.priority_scores.iter().flatten() {
            prop_assert!((0.0..=100.0).contains(s), "priority score {s}");
        }
    }

    #[test]
    fn not_applicable_on_one_question_leaves_the_others_alone(
        seeds in prop::collection::vec(any::<u32>(), 1..200),
        pick in any::<prop::sample::Index>(),
    ) {
        let catalog = builtin_catalog();
        let q = pick.index(catalog.questions.len());
        let mut lines = lines_for(&catalog, &seeds);
        let before = engine::assess(&catalog, &load_answers(&catalog, answers_text(&lines)), today(), &Thresholds::default());
        let id = &catalog.questions[q].id;
        lines.retain(|l| !l.starts_with(&format!("  {id}:")));
        let na = if catalog.questions[q].allow_na { "n/a" } else { "unknown" };
        lines.push(format!("  {id}: {na}"));
        let after = engine::assess(&catalog, &load_answers(&catalog, answers_text(&lines)), today(), &Thresholds::default());
        let skip = dependents(&catalog, q);
        for j in (0..catalog.questions.len()).filter(|j| !skip.contains(j)) {
            prop_assert_eq!(before.question_scores[j], after.question_scores[j], "question {}", catalog.questions[j].id);
        }
        if na == "n/a" {
            prop_assert_eq!(after.question_scores[q], None);
        }
    }

    #[test]
    fn an_extra_unwaived_blocker_never_improves_the_verdict(
        seeds in prop::collection::vec(any::<u32>(), 1..200),
        pick in any::<prop::sample::Index>(),
    ) {
        let catalog = builtin_catalog();
        let answers = load_answers(&catalog, answers_text(&lines_for(&catalog, &seeds)));
        let mut a = engine::assess(&catalog, &answers, today(), &Thresholds::default());
        let blockers: Vec<usize> = (0..catalog.rules.len()).filter(|&r| catalog.rules[r].blocker).collect();
        prop_assume!(!blockers.is_empty());
        let rule = blockers[pick.index(blockers.len())];
        let before = a.judgement.verdict;
        a.findings.retain(|f| f.rule != rule);
        a.findings.push(Finding {
            rule,
            severity: catalog.rules[rule].severity,
            blocker: true,
            waiver: None,
            questions: Vec::new(),
            assumed: Vec::new(),
        });
        let after = verdict::judge(&catalog, &a, &Thresholds::default()).verdict;
        prop_assert!(after >= before, "{before:?} became {after:?}");
        prop_assert_eq!(after, engine::Verdict::NoGo);
    }

    #[test]
    fn reordering_the_answers_file_changes_no_byte(
        seeds in prop::collection::vec(any::<u32>(), 1..200),
        order in Just((0..400usize).collect::<Vec<_>>()).prop_shuffle(),
    ) {
        let catalog = builtin_catalog();
        let lines = lines_for(&catalog, &seeds);
        let mut shuffled: Vec<(usize, String)> = lines.iter().cloned().enumerate().collect();
        shuffled.sort_by_key(|(i, _)| order.iter().position(|o| o == i));
        let shuffled: Vec<String> = shuffled.into_iter().map(|(_, l)| l).collect();
        let render = |lines: &[String]| {
            let answers = load_answers(&catalog, answers_text(lines));
            let a = engine::assess(&catalog, &answers, today(), &Thresholds::default());
            let gate = engine::gate::evaluate(&catalog, &a, Default::default());
            let report = Report::new(&catalog, &answers, &a, &Thresholds::default(), Some(gate));
            (json::render(&report), table::render(&report, &Style::default()))
        };
        let (json_a, table_a) = render(&lines);
        let (json_b, table_b) = render(&shuffled);
        prop_assert_eq!(json_a, json_b);
        prop_assert_eq!(table_a, table_b);
    }
}
