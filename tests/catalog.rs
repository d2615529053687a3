//! Checks on the built-in catalogue as a whole, and the size table in the README.
//!
//! Run with `MIGREADY_BLESS=1` to rewrite the README table after changing the checklists.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use migready::date::Date;
use migready::diag::Pos;
use migready::engine;
use migready::load::{builtin, catalog};
use migready::model::Limits;
use migready::model::{AnswerEntry, AnswerKind, AnswerValue, Answers, Catalog, Meta, Thresholds};

fn builtin_catalog() -> Catalog {
    catalog::load(&builtin::sources(), Limits::default()).expect("built-in checklists load")
}

fn today() -> Date {
    "2026-11-25".parse().expect("date")
}

/// Scored questions (weight above 0) that feed priority `p`, and the checklists they come from.
fn feeding(catalog: &Catalog, p: usize) -> (usize, BTreeSet<usize>) {
    let qs: Vec<_> = catalog
        .questions
        .iter()
        .filter(|q| q.weight > 0.0 && q.priorities.contains(&p))
        .collect();
    (qs.len(), qs.iter().map(|q| q.checklist).collect())
}

fn size_table(catalog: &Catalog) -> String {
    let mut out =
        String::from("| checklist | questions | rules | blockers |\n|---|---:|---:|---:|\n");
    for c in &catalog.checklists {
        let rules = &catalog.rules[c.rules.clone()];
        let blockers = rules.iter().filter(|r| r.blocker).count();
        out += &format!(
            "| `{}` | {} | {} | {} |\n",
            c.id,
            c.questions.len(),
            rules.len(),
            blockers
        );
    }
    let blockers = catalog.rules.iter().filter(|r| r.blocker).count();
    out += &format!(
        "| **all** | **{}** | **{}** | **{}** |\n\n",
        catalog.questions.len(),
        catalog.rules.len(),
        blockers
    );
    out += "| priority | weight | scored questions | from checklists | rules that hurt it |\n|---|---:|---:|---:|---:|\n";
    for (p, priority) in catalog.priorities.iter().enumerate() {
        let (questions, checklists) = feeding(catalog, p);
        let rules = catalog
            .rules
            .iter()
            .filter(|r| r.priorities.contains(&p))
            .count();
        out += &format!(
            "| {} (`{}`) | {} | {} | {} | {} |\n",
            priority.title,
            priority.id,
            priority.weight,
            questions,
            checklists.len(),
            rules
        );
    }
    out
}

#[test]
fn readme_shows_the_catalogue_size() {
    let catalog = builtin_catalog();
    let table = size_table(&catalog);
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let (start, end) = (
        "<!-- catalogue-size:start -->\n",
        "<!-- catalogue-size:end -->",
    );
    let (Some(a), Some(b)) = (readme.find(start), readme.find(end)) else {
        panic!("README.md lacks the catalogue-size markers");
    };
    let current = &readme[a + start.len()..b];
    if current != table {
        if std::env::var_os("MIGREADY_BLESS").is_some() {
            let updated = format!("{}{start}{table}{}", &readme[..a], &readme[b..]);
            std::fs::write("README.md", updated).expect("write README.md");
        } else {
            panic!(
                "the README's catalogue table is out of date; run MIGREADY_BLESS=1 cargo test --test catalog\n{table}"
            );
        }
    }
}

#[test]
fn every_priority_is_fed_by_six_questions_from_two_checklists() {
    let catalog = builtin_catalog();
    for (p, priority) in catalog.priorities.iter().enumerate() {
        let (questions, checklists) = feeding(&catalog, p);
        assert!(
            questions >= 6,
            "{} is fed by {questions} questions",
            priority.id
        );
        assert!(
            checklists.len() >= 2,
            "{} is fed from {} checklist(s)",
            priority.id,
            checklists.len()
        );
    }
}

#[test]
fn every_reference_and_text_is_filled_in() {
    let catalog = builtin_catalog();
    for q in &catalog.questions {
        assert!(!q.help.trim().is_empty(), "{} has no help text", q.id);
        assert!(
            q.references.iter().all(|r| !r.trim().is_empty()),
            "{} has an empty reference",
            q.id
        );
    }
    for r in &catalog.rules {
        assert!(
            r.references.iter().all(|x| !x.trim().is_empty()),
            "{} has an empty reference",
            r.id
        );
    }
}

/// Options of a scored question count through their scores; an unscored question with options
/// exists to decide what applies, so some condition must read it.
#[test]
fn every_option_is_scored_or_read_by_a_condition() {
    let catalog = builtin_catalog();
    let read: BTreeSet<usize> = catalog
        .questions
        .iter()
        .filter_map(|q| q.when.as_ref())
        .chain(catalog.rules.iter().map(|r| &r.when))
        .flat_map(|w| w.questions().iter().copied())
        .collect();
    for (i, q) in catalog.questions.iter().enumerate() {
        if q.weight == 0.0 && !q.kind.options().is_empty() {
            assert!(
                read.contains(&i),
                "{}: its options are neither scored nor read by any condition",
                q.id
            );
        }
    }
}

/// Candidate answers for a question: each option, each side of each band edge, and so on.
fn candidates(kind: &AnswerKind) -> Vec<AnswerValue> {
    match kind {
        AnswerKind::YesNo { .. } => vec![AnswerValue::Yes, AnswerValue::No, AnswerValue::Partial],
        AnswerKind::Choice { options } => options
            .iter()
            .map(|o| AnswerValue::Choice(o.value.clone()))
            .collect(),
        AnswerKind::Multi { options } => {
            let mut v: Vec<AnswerValue> = options
                .iter()
                .map(|o| AnswerValue::Multi(vec![o.value.clone()]))
                .collect();
            v.push(AnswerValue::Multi(
                options.iter().map(|o| o.value.clone()).collect(),
            ));
            v
        }
        AnswerKind::Maturity { .. } => (0..=5).map(|n| AnswerValue::Number(f64::from(n))).collect(),
        AnswerKind::Number {
            min, max, bands, ..
        } => {
            let mut edges: Vec<f64> = vec![min.unwrap_or(0.0), max.unwrap_or(100_000.0)];
            for b in bands {
                for e in [b.min, b.max].into_iter().flatten() {
                    edges.extend([e - 1.0, e, e + 1.0]);
                }
            }
            edges.into_iter().map(AnswerValue::Number).collect()
        }
        AnswerKind::Date => [-30, 0, 10, 60, 400]
            .iter()
            .map(|d| AnswerValue::Date(today().add_days(*d)))
            .collect(),
        AnswerKind::Text | AnswerKind::Person => vec![AnswerValue::Text("Alex Doe".into())],
    }
}

/// Every question that `q`'s applicability depends on, parents first.
fn ancestors(catalog: &Catalog, q: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut todo = vec![q];
    while let Some(x) = todo.pop() {
        for &r in catalog.questions[x]
            .when
            .as_ref()
            .map_or(&[][..], |w| w.questions())
        {
            if !out.contains(&r) {
                out.push(r);
                todo.push(r);
            }
        }
    }
    out.sort_unstable();
    out
}

/// Each follow-up question can be reached: some answers to the questions it depends on make it apply.
#[test]
fn every_question_can_apply() {
    let catalog = builtin_catalog();
    let meta = Meta {
        organisation: "Reachability".into(),
        project: "Search".into(),
        go_live: Some(today().add_days(200)),
        assessed_by: None,
        assessed_on: None,
        tenant_id: None,
    };
    for (q, question) in catalog
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| q.when.is_some())
    {
        let parents = ancestors(&catalog, q);
        let options: Vec<Vec<AnswerValue>> = parents
            .iter()
            .map(|&p| candidates(&catalog.questions[p].kind))
            .collect();
        let total: usize = options.iter().map(Vec::len).product();
        assert!(
            total <= 200_000,
            "{}: too many combinations to search ({total})",
            question.id
        );
        let reachable = (0..total).any(|mut n| {
            let mut by_question = vec![None; catalog.questions.len()];
            for (i, &p) in parents.iter().enumerate() {
                let value = options[i][n % options[i].len()].clone();
                n /= options[i].len();
                by_question[p] = Some(AnswerEntry {
                    question: p,
                    value,
                    owner: None,
                    due: None,
                    evidence: None,
                    note: None,
                    tenant_evidence: Vec::new(),
                    pos: Pos::default(),
                });
            }
            let answers = Answers {
                file: "search".into(),
                meta: meta.clone(),
                by_question,
                waivers: Vec::new(),
            };
            engine::assess(&catalog, &answers, today(), &Thresholds::default()).applicable[q]
        });
        assert!(
            reachable,
            "{} can never apply: no answers make `{}` true",
            question.id,
            question.when.as_ref().map_or("", |w| w.source())
        );
    }
}
