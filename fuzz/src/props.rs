//! The verdict's catalogue-wide properties (those of `tests/verdict_properties.rs`), asserted on
//! whatever answers file the fuzzer built, not only on single changes to the best answers.

use migready::date::Date;
use migready::engine::{self, Assessment, Verdict};
use migready::model::{AnswerEntry, AnswerValue, Answers, Catalog, Severity, Thresholds};

/// Days before go-live walked for (e), from far out to the day itself.
const WALK: [i64; 8] = [200, 90, 45, 30, 14, 7, 1, 0];

/// Which checks a run makes: each assessment costs about as much as the rest of a run, so a run
/// replaces one answer by `unknown` and compares two days of the walk, both chosen by the input.
#[derive(arbitrary::Arbitrary, Debug, Clone, Copy)]
pub struct Picks {
    pub unknown: u8,
    pub earlier: u8,
    pub later: u8,
}

/// Asserts (b), (d), (e) and the score ranges for `answers` as of `today`, whose assessment with
/// the default thresholds is `a`.
pub fn check(catalog: &Catalog, answers: &Answers, today: Date, a: &Assessment, picks: Picks) {
    let t = Thresholds::default();
    ranges(a);
    consistent(a, &t);
    unknown_is_never_milder(catalog, answers, today, (a, &t), picks.unknown);
    closer_is_never_milder(catalog, answers, &t, picks);
}

/// What holds for any catalogue, a custom one included: scores in range, and the verdict agrees
/// with the score and the findings. (b) and (e) are properties of the built-in checklists: a
/// custom rule may fire only far from go-live, or only once a question is answered.
pub fn check_any_catalog(catalog: &Catalog, answers: &Answers, today: Date) {
    let t = Thresholds::default();
    let a = engine::assess(catalog, answers, today, &t);
    ranges(&a);
    consistent(&a, &t);
}

fn ranges(a: &Assessment) {
    assert!(
        (0.0..=100.0).contains(&a.score),
        "score {} out of 0-100",
        a.score
    );
    for s in a.priority_scores.iter().flatten() {
        assert!((0.0..=100.0).contains(s), "priority score {s} out of 0-100");
    }
    assert!(
        (0.0..=100.0).contains(&a.completeness),
        "completeness {} out of 0-100",
        a.completeness
    );
}

/// (d) NO-GO means a score below the GO line; GO means no unwaived critical or high finding.
fn consistent(a: &Assessment, t: &Thresholds) {
    match a.judgement.verdict {
        Verdict::NoGo => assert!(
            a.score < t.go_score,
            "NO-GO with a score of {} (GO line {})",
            a.score,
            t.go_score
        ),
        Verdict::Go => assert!(!unwaived_serious(a), "GO with an unwaived serious finding"),
        Verdict::Conditional => {}
    }
}

fn unwaived_serious(a: &Assessment) -> bool {
    a.findings
        .iter()
        .any(|f| f.waiver.is_none() && (f.blocker || f.severity <= Severity::High))
}

/// (b), cheaply: `unknown` is never milder than the worst real answer, which is at least as severe
/// as the answer given; so replacing a real answer by `unknown` never makes the verdict milder.
fn unknown_is_never_milder(
    catalog: &Catalog,
    answers: &Answers,
    today: Date,
    (base, t): (&Assessment, &Thresholds),
    pick: u8,
) {
    let real: Vec<&AnswerEntry> = answers
        .by_question
        .iter()
        .flatten()
        .filter(|e| base.applicable[e.question] && catalog.questions[e.question].weight > 0.0)
        .filter(|e| !matches!(e.value, AnswerValue::Unknown | AnswerValue::NotApplicable))
        .collect();
    if let Some(entry) = real.get(usize::from(pick) % real.len().max(1)) {
        let mut changed = answers.clone();
        if let Some(Some(e)) = changed.by_question.get_mut(entry.question) {
            e.value = AnswerValue::Unknown;
        }
        let a = engine::assess(catalog, &changed, today, t);
        assert!(
            a.judgement.verdict >= base.judgement.verdict,
            "{} = unknown gives {} but {:?} gives {}",
            catalog.questions[entry.question].id,
            a.judgement.verdict.label(),
            entry.value,
            base.judgement.verdict.label()
        );
    }
}

/// (e) Walking today towards go-live never makes the verdict milder: two days of the walk, the
/// later one no milder than the earlier.
fn closer_is_never_milder(catalog: &Catalog, answers: &Answers, t: &Thresholds, picks: Picks) {
    let Some(go_live) = answers.meta.go_live else {
        return;
    };
    let (i, j) = (
        usize::from(picks.earlier) % WALK.len(),
        usize::from(picks.later) % WALK.len(),
    );
    let (far, near) = (WALK[i.min(j)], WALK[i.max(j)]);
    if far == near {
        return;
    }
    let at = |days: i64| {
        let a = engine::assess(catalog, answers, go_live.add_days(-days), t);
        consistent(&a, t);
        a.judgement.verdict
    };
    let (earlier, later) = (at(far), at(near));
    assert!(
        later >= earlier,
        "{} at {far} days before go-live, {} at {near}",
        earlier.label(),
        later.label()
    );
}
