//! The verdict's catalogue-wide properties, over every question of the built-in checklists.
//!
//! Starting from the best answer to every question (GO, no finding), each question in turn gets
//! every other answer it accepts, `unknown`, or none, at several distances from go-live:
//! (a) any single risky answer raises at least one finding;
//! (b) `unknown` (or no answer) is never milder than the worst real answer, 90 and 10 days out;
//! (c) a worse answer never improves the verdict or the score;
//! (d) NO-GO means a score below the GO line, GO means no unwaived critical or high finding;
//! (e) moving today closer to go-live never makes the verdict milder.
//!
//! The answers are generated from the catalogue, not picked by hand, so a new question is covered
//! the day it is added. The counts are printed (`cargo test --test verdict_properties -- --nocapture`).

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
// The table of results is what a reader runs these tests with `--nocapture` for.
#![allow(clippy::print_stdout)]

use migready::date::Date;
use migready::engine::{self, Assessment, Verdict};
use migready::load::{builtin, catalog};
use migready::model::Limits;
use migready::model::{
    AnswerEntry, AnswerKind, AnswerValue, Answers, Catalog, Meta, Severity, Thresholds,
};

const GO_LIVE: &str = "2027-06-01";
/// Days before go-live at which (b) is checked: at kickoff and inside the final window.
const CHECK_DAYS: [i64; 2] = [90, 10];
/// Days before go-live walked for (e), from far out to the day itself.
const WALK_DAYS: [i64; 12] = [400, 180, 90, 60, 31, 30, 15, 14, 10, 7, 1, 0];

fn builtin_catalog() -> Catalog {
    catalog::load(&builtin::sources(), Limits::default()).expect("the built-in checklists load")
}

fn go_live() -> Date {
    GO_LIVE.parse().expect("a valid date")
}

fn entry(q: usize, value: AnswerValue) -> Option<AnswerEntry> {
    Some(AnswerEntry {
        question: q,
        value,
        owner: None,
        due: None,
        evidence: None,
        note: None,
        tenant_evidence: Vec::new(),
        pos: migready::diag::Pos::new(1, 1),
    })
}

/// The best answer a question accepts (the engine's own idea of it, which the interview uses too).
fn best(kind: &AnswerKind) -> AnswerValue {
    engine::score::best_answer(kind, go_live())
}

/// Every real answer a question accepts, as far as scoring and rules can tell them apart.
fn every_answer(kind: &AnswerKind) -> Vec<AnswerValue> {
    match kind {
        AnswerKind::YesNo { partial } => {
            let mut v = vec![AnswerValue::Yes, AnswerValue::No];
            if *partial {
                v.push(AnswerValue::Partial);
            }
            v
        }
        AnswerKind::Choice { options } => options
            .iter()
            .map(|o| AnswerValue::Choice(o.value.clone()))
            .collect(),
        AnswerKind::Multi { options } => {
            let mut v: Vec<AnswerValue> = options
                .iter()
                .map(|o| AnswerValue::Multi(vec![o.value.clone()]))
                .collect();
            v.push(AnswerValue::Multi(Vec::new()));
            v.push(best(kind));
            v
        }
        AnswerKind::Maturity { .. } => (0..=5).map(|n| AnswerValue::Number(f64::from(n))).collect(),
        AnswerKind::Number {
            min, max, bands, ..
        } => {
            let mut points: Vec<f64> = bands
                .iter()
                .flat_map(|b| b.min.iter().chain(b.max.iter()).copied())
                .chain(min.iter().copied())
                .chain(max.iter().copied())
                .collect();
            if points.is_empty() {
                points.extend([1.0, 100.0, 10_000.0]);
            }
            points.sort_by(f64::total_cmp);
            points.dedup();
            points.into_iter().map(AnswerValue::Number).collect()
        }
        AnswerKind::Date => [-30, 0, 20, 60, 400]
            .iter()
            .map(|d| AnswerValue::Date(go_live().add_days(*d)))
            .collect(),
        AnswerKind::Text | AnswerKind::Person => vec![best(kind)],
    }
}

/// The answers a reviewer calls risky: scored below 0.5, or `no` on a question of weight 3 or more.
fn is_risky(kind: &AnswerKind, weight: f64, value: &AnswerValue) -> bool {
    if weight <= 0.0 {
        return false;
    }
    match value {
        AnswerValue::No => weight >= 3.0,
        AnswerValue::Multi(_) => false,
        v => engine::score::answer_score(kind, Some(v)).is_some_and(|s| s < 0.5),
    }
}

struct Harness {
    catalog: Catalog,
    /// Starting points, each GO with no finding: the best answer to every question, then the same
    /// with each gate question at the good answer that opens the most follow-ups (a mail move
    /// rather than none, synced identities rather than cloud-only), so follow-ups are covered too.
    baselines: Vec<Vec<Option<AnswerEntry>>>,
    thresholds: Thresholds,
}

impl Harness {
    fn new() -> Harness {
        let catalog = builtin_catalog();
        let best: Vec<Option<AnswerEntry>> = catalog
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| entry(i, best(&q.kind)))
            .collect();
        let mut h = Harness {
            catalog,
            baselines: vec![best],
            thresholds: Thresholds::default(),
        };
        let open = h.gates_open();
        h.baselines.push(open);
        h
    }

    fn gates_open(&self) -> Vec<Option<AnswerEntry>> {
        let gates: std::collections::BTreeSet<usize> = self
            .catalog
            .questions
            .iter()
            .filter_map(|q| q.when.as_ref())
            .flat_map(|w| w.questions().iter().copied())
            .collect();
        let mut open = self.baselines[0].clone();
        for g in gates {
            let kind = &self.catalog.questions[g].kind;
            let mut chosen = (self.applicable_count(&open), open[g].clone());
            for value in every_answer(kind) {
                if engine::score::answer_score(kind, Some(&value)).is_some_and(|s| s < 0.5) {
                    continue;
                }
                let mut trial = open.clone();
                trial[g] = entry(g, value);
                let clean = CHECK_DAYS.iter().all(|&d| {
                    let a = self.assess_on(&trial, &[], d);
                    a.judgement.verdict == Verdict::Go && a.findings.is_empty()
                });
                let count = self.applicable_count(&trial);
                if clean && count > chosen.0 {
                    chosen = (count, trial[g].clone());
                }
            }
            open[g] = chosen.1;
        }
        open
    }

    fn applicable_count(&self, baseline: &[Option<AnswerEntry>]) -> usize {
        let a = self.assess_on(baseline, &[], 90);
        a.applicable.iter().filter(|x| **x).count()
    }

    /// The first baseline in which question `q` applies.
    fn baseline_for(&self, q: usize) -> &[Option<AnswerEntry>] {
        self.baselines
            .iter()
            .find(|b| self.assess_on(b, &[], 90).applicable[q])
            .unwrap_or(&self.baselines[0])
    }

    fn assess_on(
        &self,
        baseline: &[Option<AnswerEntry>],
        changed: &[(usize, Option<AnswerValue>)],
        days_before: i64,
    ) -> Assessment {
        let today = go_live().add_days(-days_before);
        let answers = answers_on(baseline, changed);
        engine::assess(&self.catalog, &answers, today, &self.thresholds)
    }

    /// Assessed against the baseline in which the first changed question applies.
    fn assess(&self, changed: &[(usize, Option<AnswerValue>)], days_before: i64) -> Assessment {
        let baseline = match changed.first() {
            Some((q, _)) => self.baseline_for(*q),
            None => &self.baselines[0],
        };
        self.assess_on(baseline, changed, days_before)
    }

    /// Questions that apply in some baseline, and carry weight.
    fn applicable_questions(&self) -> Vec<usize> {
        let applies: Vec<Vec<bool>> = self
            .baselines
            .iter()
            .map(|b| self.assess_on(b, &[], 90).applicable)
            .collect();
        (0..self.catalog.questions.len())
            .filter(|&q| applies.iter().any(|a| a[q]) && self.catalog.questions[q].weight > 0.0)
            .collect()
    }
}

fn answers_on(
    baseline: &[Option<AnswerEntry>],
    changed: &[(usize, Option<AnswerValue>)],
) -> Answers {
    let mut by_question = baseline.to_vec();
    for (q, value) in changed {
        by_question[*q] = value.clone().and_then(|v| entry(*q, v));
    }
    Answers {
        file: "generated.yaml".into(),
        meta: Meta {
            organisation: "Generated".into(),
            project: "Properties".into(),
            go_live: Some(go_live()),
            assessed_by: None,
            assessed_on: None,
            tenant_id: None,
        },
        by_question,
        waivers: Vec::new(),
    }
}

#[derive(Default, Debug)]
struct Counts {
    checked: usize,
    violations: Vec<String>,
}

impl Counts {
    fn check(&mut self, holds: bool, what: impl FnOnce() -> String) {
        self.checked += 1;
        if !holds {
            self.violations.push(what());
        }
    }

    fn report(&self, name: &str) {
        println!(
            "{name}: {} checked, {} violated",
            self.checked,
            self.violations.len()
        );
        for v in self.violations.iter().take(15) {
            println!("    {v}");
        }
    }
}

fn label(h: &Harness, q: usize, v: &Option<AnswerValue>) -> String {
    format!("{} = {}", h.catalog.questions[q].id, value_text(v))
}

fn value_text(v: &Option<AnswerValue>) -> String {
    match v {
        None => "(no answer)".into(),
        Some(AnswerValue::Unknown) => "unknown".into(),
        Some(AnswerValue::Choice(c)) => c.clone(),
        Some(other) => format!("{other:?}"),
    }
}

fn unwaived_serious(a: &Assessment) -> bool {
    a.findings
        .iter()
        .any(|f| f.waiver.is_none() && (f.blocker || f.severity <= Severity::High))
}

#[test]
fn the_best_answers_give_go_with_no_finding_at_every_distance() {
    let h = Harness::new();
    for (baseline, days) in h.baselines.iter().flat_map(|b| WALK_DAYS.map(|d| (b, d))) {
        let a = h.assess_on(baseline, &[], days);
        let ids: Vec<&str> = a
            .findings
            .iter()
            .map(|f| h.catalog.rules[f.rule].id.as_str())
            .collect();
        assert_eq!(a.judgement.verdict, Verdict::Go, "{days} days out: {ids:?}");
        assert!(ids.is_empty(), "{days} days out: {ids:?}");
    }
}

#[test]
fn a_any_single_risky_answer_raises_a_finding() {
    let h = Harness::new();
    let mut counts = Counts::default();
    for q in h.applicable_questions() {
        let question = &h.catalog.questions[q];
        for value in every_answer(&question.kind) {
            if !is_risky(&question.kind, question.weight, &value) {
                continue;
            }
            let change = [(q, Some(value))];
            let a = h.assess(&change, 10);
            counts.check(!a.findings.is_empty(), || label(&h, q, &change[0].1));
        }
    }
    counts.report("(a) a single risky answer raises a finding");
    assert!(
        counts.checked > 50,
        "the generator found too few risky answers"
    );
    assert!(counts.violations.is_empty());
}

#[test]
fn b_unknown_is_never_milder_than_the_worst_answer() {
    let h = Harness::new();
    let mut counts = Counts::default();
    for q in h.applicable_questions() {
        let kind = &h.catalog.questions[q].kind;
        for days in CHECK_DAYS {
            let worst = every_answer(kind)
                .into_iter()
                .map(|v| h.assess(&[(q, Some(v))], days).judgement.verdict)
                .max()
                .unwrap_or(Verdict::Go);
            for unknown in [Some(AnswerValue::Unknown), None] {
                let change = [(q, unknown)];
                let verdict = h.assess(&change, days).judgement.verdict;
                counts.check(verdict >= worst, || {
                    format!(
                        "{} at {days} days: {} but the worst answer gives {}",
                        label(&h, q, &change[0].1),
                        verdict.label(),
                        worst.label()
                    )
                });
            }
        }
    }
    counts.report("(b) unknown is never milder than the worst answer");
    assert!(counts.violations.is_empty());
}

#[test]
fn c_a_worse_answer_never_improves_the_verdict_or_the_score() {
    let h = Harness::new();
    let mut counts = Counts::default();
    for q in h.applicable_questions() {
        let kind = &h.catalog.questions[q].kind;
        let scored: Vec<(f64, AnswerValue)> = every_answer(kind)
            .into_iter()
            .filter_map(|v| Some((engine::score::answer_score(kind, Some(&v))?, v)))
            .collect();
        for days in CHECK_DAYS {
            let results: Vec<(f64, Verdict, f64)> = scored
                .iter()
                .map(|(s, v)| {
                    let a = h.assess(&[(q, Some(v.clone()))], days);
                    (*s, a.judgement.verdict, a.score)
                })
                .collect();
            for (i, worse) in results.iter().enumerate() {
                for (j, better) in results.iter().enumerate() {
                    if worse.0 >= better.0 {
                        continue;
                    }
                    counts.check(worse.1 >= better.1 && worse.2 <= better.2, || {
                        format!(
                            "{} at {days} days: {} {:.1}, better answer {} gives {} {:.1}",
                            label(&h, q, &Some(scored[i].1.clone())),
                            worse.1.label(),
                            worse.2,
                            value_text(&Some(scored[j].1.clone())),
                            better.1.label(),
                            better.2
                        )
                    });
                }
            }
        }
    }
    counts.report("(c) a worse answer never improves the verdict or the score");
    assert!(counts.violations.is_empty());
}

#[test]
fn d_the_score_agrees_with_the_verdict() {
    let h = Harness::new();
    let mut counts = Counts::default();
    let questions = h.applicable_questions();
    for &q in &questions {
        let kind = &h.catalog.questions[q].kind;
        let values = every_answer(kind).into_iter().map(Some);
        for value in values.chain([Some(AnswerValue::Unknown), None]) {
            for days in CHECK_DAYS {
                let change = [(q, value.clone())];
                let a = h.assess(&change, days);
                let consistent = match a.judgement.verdict {
                    Verdict::NoGo => a.score < h.thresholds.go_score,
                    Verdict::Go => !unwaived_serious(&a),
                    Verdict::Conditional => true,
                };
                counts.check(consistent, || {
                    format!(
                        "{} at {days} days: {} with score {:.1}",
                        label(&h, q, &change[0].1),
                        a.judgement.verdict.label(),
                        a.score
                    )
                });
            }
        }
    }
    // Many risky answers at once: every question at its worst-scored answer, in pairs of areas.
    let worst_of = |q: usize| {
        let kind = &h.catalog.questions[q].kind;
        every_answer(kind).into_iter().min_by(|a, b| {
            let s = |v: &AnswerValue| engine::score::answer_score(kind, Some(v)).unwrap_or(1.0);
            s(a).total_cmp(&s(b))
        })
    };
    for chunk in questions.chunks(7) {
        let change: Vec<(usize, Option<AnswerValue>)> =
            chunk.iter().map(|&q| (q, worst_of(q))).collect();
        let a = h.assess(&change, 45);
        counts.check(
            a.judgement.verdict != Verdict::NoGo || a.score < h.thresholds.go_score,
            || format!("seven worst answers: NO-GO with score {:.1}", a.score),
        );
        counts.check(
            a.judgement.verdict != Verdict::Go || !unwaived_serious(&a),
            || "seven worst answers: GO with a serious finding".to_owned(),
        );
    }
    counts.report("(d) NO-GO below the GO line, GO without serious findings");
    assert!(counts.violations.is_empty());
}

#[test]
fn e_moving_closer_to_go_live_never_makes_the_verdict_milder() {
    let h = Harness::new();
    let mut counts = Counts::default();
    for q in h.applicable_questions() {
        let kind = &h.catalog.questions[q].kind;
        let values = every_answer(kind).into_iter().map(Some);
        for value in values.chain([Some(AnswerValue::Unknown)]) {
            let change = [(q, value)];
            let mut previous: Option<(i64, Verdict)> = None;
            for days in WALK_DAYS {
                let verdict = h.assess(&change, days).judgement.verdict;
                if let Some((before, earlier)) = previous {
                    counts.check(verdict >= earlier, || {
                        format!(
                            "{}: {} at {before} days, {} at {days} days",
                            label(&h, q, &change[0].1),
                            earlier.label(),
                            verdict.label()
                        )
                    });
                }
                previous = Some((days, verdict));
            }
        }
    }
    counts.report("(e) closer to go-live is never milder");
    assert!(counts.violations.is_empty());
}
