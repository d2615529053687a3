//! Three-valued logic and how answers become true, false or unknown.

use super::*;

/// Facts that make `identity.uses_entra` (a) and `escalation.rollback_plan` (b) the given truths.
fn two(a: Truth, b: Truth) -> TestFacts<'static> {
    let answer = |t| match t {
        Truth::True => Answer::Yes,
        Truth::False => Answer::No,
        Truth::Unknown => Answer::Missing,
    };
    TestFacts::new()
        .with(USES_ENTRA, answer(a))
        .with(ROLLBACK_PLAN, answer(b))
}

const T: Truth = Truth::True;
const F: Truth = Truth::False;
const U: Truth = Truth::Unknown;

#[test]
fn and_follows_kleene() {
    let table = [
        (T, T, T),
        (T, F, F),
        (T, U, U),
        (F, T, F),
        (F, F, F),
        (F, U, F),
        (U, T, U),
        (U, F, F),
        (U, U, U),
    ];
    let expr = compile("identity.uses_entra and escalation.rollback_plan");
    for (a, b, expected) in table {
        assert_eq!(expr.eval(&two(a, b)), expected, "{a:?} and {b:?}");
    }
}

#[test]
fn or_follows_kleene() {
    let table = [
        (T, T, T),
        (T, F, T),
        (T, U, T),
        (F, T, T),
        (F, F, F),
        (F, U, U),
        (U, T, T),
        (U, F, U),
        (U, U, U),
    ];
    let expr = compile("identity.uses_entra or escalation.rollback_plan");
    for (a, b, expected) in table {
        assert_eq!(expr.eval(&two(a, b)), expected, "{a:?} or {b:?}");
    }
}

#[test]
fn not_follows_kleene() {
    let expr = compile("not identity.uses_entra");
    for (a, expected) in [(T, F), (F, T), (U, U)] {
        assert_eq!(expr.eval(&two(a, U)), expected, "not {a:?}");
    }
}

#[test]
fn long_chains_decide_on_any_definite_operand() {
    let expr = compile("identity.uses_entra and escalation.rollback_plan and true and false");
    assert_eq!(expr.eval(&two(U, U)), F);
    let expr = compile("identity.uses_entra or escalation.rollback_plan or false or true");
    assert_eq!(expr.eval(&two(U, U)), T);
    let expr = compile("identity.uses_entra or escalation.rollback_plan or false");
    assert_eq!(expr.eval(&two(F, U)), U);
}

#[test]
fn a_bare_yes_no_question_is_yes() {
    let cases = [
        (Answer::Yes, T),
        (Answer::No, F),
        (Answer::Partial, F),
        (Answer::Missing, U),
        (Answer::NotApplicable, U),
        (Answer::Unknown, U),
    ];
    for (answer, expected) in cases {
        let facts = TestFacts::new().with(ROLLBACK_PLAN, answer);
        assert_eq!(
            eval("escalation.rollback_plan", &facts),
            expected,
            "{answer:?}"
        );
    }
}

#[test]
fn yes_no_against_true_and_false_reads_like_the_bare_question() {
    let cases = [
        ("escalation.rollback_plan == true", [T, F, F, U]),
        ("escalation.rollback_plan == false", [F, T, T, U]),
        ("escalation.rollback_plan != true", [F, T, T, U]),
        ("escalation.rollback_plan != false", [T, F, F, U]),
        ("true == escalation.rollback_plan", [T, F, F, U]),
    ];
    let answers = [Answer::Yes, Answer::No, Answer::Partial, Answer::Unknown];
    for (source, expected) in cases {
        let expr = compile(source);
        for (answer, want) in answers.iter().zip(expected) {
            let facts = TestFacts::new().with(ROLLBACK_PLAN, *answer);
            assert_eq!(expr.eval(&facts), want, "{source} with {answer:?}");
        }
    }
}

#[test]
fn yes_no_against_quoted_values() {
    let cases = [
        (Answer::Yes, [T, F, F]),
        (Answer::No, [F, T, F]),
        (Answer::Partial, [F, F, T]),
        (Answer::NotApplicable, [U, U, U]),
    ];
    let sources = [
        "escalation.rollback_plan == 'yes'",
        "escalation.rollback_plan == 'no'",
        "escalation.rollback_plan == 'partial'",
    ];
    for (answer, expected) in cases {
        let facts = TestFacts::new().with(ROLLBACK_PLAN, answer);
        for (source, want) in sources.iter().zip(expected) {
            assert_eq!(eval(source, &facts), want, "{source} with {answer:?}");
        }
    }
}

#[test]
fn a_comparison_with_no_answer_is_unknown_for_every_type() {
    let cases = [
        (PLAN, "comms.plan == 'none'"),
        (PLAN, "comms.plan != 'none'"),
        (USES_ENTRA, "identity.uses_entra == 'no'"),
        (ENROLLED_PCT, "endpoint.enrolled_pct < 50"),
        (PATCH_MATURITY, "endpoint.patch_maturity != 3"),
        (REVIEW_DATE, "post-go-live.review_date > '2026-01-01'"),
        (CHANNELS, "'mail' in comms.channels"),
        (CHANNELS, "count(comms.channels) == 0"),
    ];
    for (question, source) in cases {
        for answer in [Answer::Missing, Answer::NotApplicable, Answer::Unknown] {
            let facts = TestFacts::new().with(question, answer);
            assert_eq!(eval(source, &facts), U, "{source} with {answer:?}");
            assert_eq!(eval(&format!("not ({source})"), &facts), U, "not {source}");
        }
    }
}

#[test]
fn every_numeric_operator_compares() {
    let facts = TestFacts::new().with(ENROLLED_PCT, Answer::Number(80.0));
    let cases = [
        ("==", [F, T, F]),
        ("!=", [T, F, T]),
        ("<", [F, F, T]),
        ("<=", [F, T, T]),
        (">", [T, F, F]),
        (">=", [T, T, F]),
    ];
    for (op, expected) in cases {
        for (limit, want) in [79, 80, 81].iter().zip(expected) {
            let source = format!("endpoint.enrolled_pct {op} {limit}");
            assert_eq!(eval(&source, &facts), want, "{source}");
            // The same comparison written the other way round.
            let mirrored = format!("{limit} {} endpoint.enrolled_pct", mirror(op));
            assert_eq!(eval(&mirrored, &facts), want, "{mirrored}");
        }
    }
}

fn mirror(op: &str) -> &str {
    match op {
        "<" => ">",
        "<=" => ">=",
        ">" => "<",
        ">=" => "<=",
        same => same,
    }
}

#[test]
fn maturity_answers_compare_as_numbers() {
    let facts = TestFacts::new().with(PATCH_MATURITY, Answer::Number(3.0));
    assert_eq!(eval("endpoint.patch_maturity >= 3", &facts), T);
    assert_eq!(eval("endpoint.patch_maturity == 2", &facts), F);
    assert_eq!(
        eval("endpoint.patch_maturity > endpoint.enrolled_pct", &facts),
        U
    );
}

#[test]
fn nan_equals_nothing() {
    let facts = TestFacts::new().with(ENROLLED_PCT, Answer::Number(f64::NAN));
    assert_eq!(eval("endpoint.enrolled_pct == 1", &facts), F);
    assert_eq!(eval("endpoint.enrolled_pct != 1", &facts), T);
    assert_eq!(eval("endpoint.enrolled_pct < 1", &facts), F);
}

#[test]
fn questions_of_the_same_type_compare() {
    let facts = TestFacts::new()
        .with(MFA_COVERAGE, Answer::Choice("none"))
        .with(BACKUP_MFA, Answer::Choice("none"))
        .with(ROLLBACK_PLAN, Answer::Partial)
        .with(TESTED, Answer::Yes)
        .with(REVIEW_DATE, Answer::Date(date("2026-05-01")))
        .with(START_DATE, Answer::Date(date("2026-04-01")));
    assert_eq!(
        eval("identity.mfa_coverage == identity.backup_mfa", &facts),
        T
    );
    assert_eq!(
        eval("escalation.rollback_plan == escalation.tested", &facts),
        F
    );
    assert_eq!(
        eval("post-go-live.start_date < post-go-live.review_date", &facts),
        T
    );
    assert_eq!(
        eval(
            "post-go-live.start_date == post-go-live.review_date",
            &facts
        ),
        F
    );
    let missing = TestFacts::new().with(MFA_COVERAGE, Answer::Choice("none"));
    assert_eq!(
        eval("identity.mfa_coverage != identity.backup_mfa", &missing),
        U
    );
}

#[test]
fn multi_answers_are_equal_as_sets() {
    let a = ["mail".to_string(), "teams".to_string()];
    let b = ["teams".to_string(), "mail".to_string()];
    let c = ["mail".to_string()];
    let same = TestFacts::new()
        .with(CHANNELS, Answer::Multi(&a))
        .with(EXTRA_CHANNELS, Answer::Multi(&b));
    assert_eq!(eval("comms.channels == comms.extra_channels", &same), T);
    assert_eq!(eval("comms.channels != comms.extra_channels", &same), F);
    let differ = TestFacts::new()
        .with(CHANNELS, Answer::Multi(&a))
        .with(EXTRA_CHANNELS, Answer::Multi(&c));
    assert_eq!(eval("comms.channels == comms.extra_channels", &differ), F);
}

#[test]
fn text_and_person_answers_compare_with_each_other() {
    let facts = TestFacts::new()
        .with(OWNER, Answer::Text("Dana Ruiz"))
        .with(NOTES, Answer::Text("Dana Ruiz"));
    assert_eq!(eval("comms.owner == comms.owner", &facts), T);
    // A person is not a text question: the types differ.
    assert_eq!(error("comms.owner == comms.notes").kind, ErrorKind::Type);
}

#[test]
fn an_answer_of_the_wrong_shape_is_unknown_not_a_guess() {
    // The engine should never do this; if it does, no rule may fire on it.
    let facts = TestFacts::new()
        .with(PLAN, Answer::Number(1.0))
        .with(USES_ENTRA, Answer::Choice("yes"))
        .with(CHANNELS, Answer::Text("mail"))
        .with(REVIEW_DATE, Answer::Text("2026-01-01"));
    assert_eq!(eval("comms.plan == 'none'", &facts), U);
    assert_eq!(eval("identity.uses_entra", &facts), U);
    assert_eq!(eval("'mail' in comms.channels", &facts), U);
    assert_eq!(eval("count(comms.channels) > 0", &facts), U);
    assert_eq!(eval("days_until(post-go-live.review_date) > 0", &facts), U);
}
