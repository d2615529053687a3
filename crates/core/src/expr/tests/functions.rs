//! `answered`, `unknown`, `count`, `days_until`, `days_after_go_live`, `score` and the facts
//! `days_to_go_live`, `go_live`.

use super::*;

const NOT_ANSWERED: [Answer<'static>; 3] =
    [Answer::Missing, Answer::NotApplicable, Answer::Unknown];

#[test]
fn answered_is_true_for_a_value_or_na_and_never_unknown() {
    let cases = [
        (Answer::Missing, Truth::False),
        (Answer::Unknown, Truth::False),
        (Answer::NotApplicable, Truth::True),
        (Answer::Choice("none"), Truth::True),
    ];
    for (answer, expected) in cases {
        let facts = TestFacts::new().with(PLAN, answer);
        assert_eq!(eval("answered(comms.plan)", &facts), expected, "{answer:?}");
    }
}

#[test]
fn unknown_is_true_when_applicable_but_not_known() {
    let cases = [
        (Answer::Missing, Truth::True),
        (Answer::Unknown, Truth::True),
        (Answer::NotApplicable, Truth::False),
        (Answer::No, Truth::False),
    ];
    for (answer, expected) in cases {
        let facts = TestFacts::new().with(USES_ENTRA, answer);
        assert_eq!(
            eval("unknown(identity.uses_entra)", &facts),
            expected,
            "{answer:?}"
        );
    }
}

#[test]
fn answered_and_unknown_accept_every_question_type() {
    for id in TestSchema::new().question_ids() {
        compile(&format!("answered({id}) or unknown({id})"));
    }
}

#[test]
fn unknown_or_a_risky_answer_fires_before_the_answer_is_known() {
    let expr = compile(r#"unknown(identity.legacy_auth) or identity.legacy_auth == "allowed""#);
    assert_eq!(expr.eval(&TestFacts::new()), Truth::True);
    let blocked = TestFacts::new().with(LEGACY_AUTH, Answer::Choice("blocked"));
    assert_eq!(expr.eval(&blocked), Truth::False);
}

#[test]
fn count_counts_selected_options() {
    let two = ["mail".to_string(), "sms".to_string()];
    let facts = TestFacts::new().with(CHANNELS, Answer::Multi(&two));
    assert_eq!(eval("count(comms.channels) >= 2", &facts), Truth::True);
    assert_eq!(eval("count(comms.channels) == 3", &facts), Truth::False);
    let facts = TestFacts::new().with(CHANNELS, Answer::Multi(&[]));
    assert_eq!(eval("count(comms.channels) == 0", &facts), Truth::True);
    for answer in NOT_ANSWERED {
        let facts = TestFacts::new().with(CHANNELS, answer);
        assert_eq!(eval("count(comms.channels) == 0", &facts), Truth::Unknown);
    }
}

#[test]
fn days_after_go_live_counts_from_go_live() {
    // Go-live is 2026-03-01 in the fixture.
    let facts = TestFacts::new().with(REVIEW_DATE, Answer::Date(date("2026-03-31")));
    assert_eq!(
        eval("days_after_go_live(post-go-live.review_date) == 30", &facts),
        Truth::True
    );
    let before = TestFacts::new().with(REVIEW_DATE, Answer::Date(date("2026-02-27")));
    assert_eq!(
        eval(
            "days_after_go_live(post-go-live.review_date) == -2",
            &before
        ),
        Truth::True
    );
    let undated = TestFacts::new()
        .with(REVIEW_DATE, Answer::Date(date("2026-03-31")))
        .go_live(None);
    assert_eq!(
        eval("days_after_go_live(post-go-live.review_date) < 0", &undated),
        Truth::Unknown,
        "no go-live date, nothing to count from"
    );
}

#[test]
fn business_days_after_go_live_counts_working_days() {
    // Go-live is 2026-03-01, a Sunday; 2026-03-09 is the Monday a week later.
    let facts = TestFacts::new().with(REVIEW_DATE, Answer::Date(date("2026-03-09")));
    assert_eq!(
        eval(
            "business_days_after_go_live(post-go-live.review_date) == 6",
            &facts
        ),
        Truth::True,
        "Monday to Friday, then Monday"
    );
    assert_eq!(
        eval("days_after_go_live(post-go-live.review_date) == 8", &facts),
        Truth::True
    );
    let undated = facts.go_live(None);
    assert_eq!(
        eval(
            "business_days_after_go_live(post-go-live.review_date) < 10",
            &undated
        ),
        Truth::Unknown
    );
    assert_error(
        "business_days_after_go_live(count(comms.channels)) <= 10",
        ErrorKind::Type,
        28,
        "`business_days_after_go_live` takes a question such as `checklist.question`, not `count(comms.channels)`",
    );
}

#[test]
fn days_until_counts_from_today() {
    // Today is 2026-01-01 in the fixture.
    let facts = TestFacts::new().with(REVIEW_DATE, Answer::Date(date("2026-01-31")));
    assert_eq!(
        eval("days_until(post-go-live.review_date) == 30", &facts),
        Truth::True
    );
    assert_eq!(
        eval("days_until(post-go-live.review_date) < 30", &facts),
        Truth::False
    );
    let past = TestFacts::new().with(REVIEW_DATE, Answer::Date(date("2025-12-25")));
    assert_eq!(
        eval("days_until(post-go-live.review_date) == -7", &past),
        Truth::True
    );
    for answer in NOT_ANSWERED {
        let facts = TestFacts::new().with(REVIEW_DATE, answer);
        assert_eq!(
            eval("days_until(post-go-live.review_date) < 0", &facts),
            Truth::Unknown
        );
    }
}

#[test]
fn score_reads_a_priority_score_in_rules() {
    let expr = compile(r#"score("identity_security") < 50"#);
    let low = TestFacts::new().score(0, Some(40.0));
    assert_eq!(expr.eval(&low), Truth::True);
    let high = TestFacts::new().score(0, Some(90.0));
    assert_eq!(expr.eval(&high), Truth::False);
    assert_eq!(expr.eval(&TestFacts::new()), Truth::Unknown);
    let other = TestFacts::new().score(1, Some(10.0));
    assert_eq!(
        eval(r"score('user_communication') == 10", &other),
        Truth::True
    );
    assert!(expr.questions().is_empty());
}

#[test]
fn score_is_not_allowed_in_a_questions_when() {
    let errors = errors_in(r#"true and score("identity_security") > 50"#, Context::When);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].kind, ErrorKind::Type);
    assert_eq!(errors[0].offset, 9);
    assert_eq!(
        errors[0].message,
        "score() cannot be used in a question's `when:`"
    );
    assert!(Expr::compile("answered(comms.plan)", &TestSchema::new(), Context::When).is_ok());
}

#[test]
fn days_to_go_live_counts_to_the_go_live_date() {
    // Today 2026-01-01, go-live 2026-03-01: 59 days.
    assert_eq!(eval_empty("days_to_go_live == 59"), Truth::True);
    assert_eq!(eval_empty("days_to_go_live < 30"), Truth::False);
    let none = TestFacts::new().go_live(None);
    assert_eq!(eval("days_to_go_live < 30", &none), Truth::Unknown);
}

#[test]
fn go_live_compares_with_date_strings_and_dates() {
    assert_eq!(eval_empty(r#"go_live >= "2026-02-01""#), Truth::True);
    assert_eq!(eval_empty(r"go_live == '2026-03-01'"), Truth::True);
    assert_eq!(eval_empty(r#""2026-02-01" < go_live"#), Truth::True);
    let none = TestFacts::new().go_live(None);
    assert_eq!(eval(r#"go_live >= "2026-02-01""#, &none), Truth::Unknown);
    let facts = TestFacts::new().with(START_DATE, Answer::Date(date("2026-02-15")));
    assert_eq!(
        eval("post-go-live.start_date < go_live", &facts),
        Truth::True
    );
    assert_eq!(
        eval(r#"post-go-live.start_date > "2026-02-14""#, &facts),
        Truth::True
    );
}

#[test]
fn a_function_takes_exactly_one_argument() {
    let message = "`count` takes exactly one argument, e.g. `count(checklist.question)`";
    assert_error("count() > 1", ErrorKind::Type, 6, message);
    assert_error(
        "count(comms.channels, comms.plan) > 1",
        ErrorKind::Type,
        22,
        message,
    );
    assert_error(
        "score() > 1",
        ErrorKind::Type,
        6,
        "`score` takes exactly one argument, e.g. `score(\"identity_security\")`",
    );
}

#[test]
fn a_function_argument_must_be_a_question_reference() {
    assert_error(
        r#"answered("comms.plan")"#,
        ErrorKind::Type,
        9,
        "`answered` takes a question such as `checklist.question`, not `\"comms.plan\"`",
    );
    assert_eq!(error("unknown(go_live)").offset, 8);
}

#[test]
fn count_and_days_until_check_the_question_type() {
    assert_error(
        "count(comms.plan) > 1",
        ErrorKind::Type,
        6,
        "`count` needs a multi question; `comms.plan` is a choice question",
    );
    assert_error(
        "days_until(endpoint.enrolled_pct) < 1",
        ErrorKind::Type,
        11,
        "`days_until` needs a date question; `endpoint.enrolled_pct` is a number question",
    );
}

#[test]
fn a_function_argument_question_must_exist() {
    let e = error("answered(comms.chanels)");
    assert_eq!((e.kind, e.offset), (ErrorKind::UnknownQuestion, 9));
    assert_eq!(
        e.message,
        "unknown question `comms.chanels`; did you mean `comms.channels`?"
    );
}

#[test]
fn unknown_functions_are_named_with_a_suggestion_or_the_list() {
    assert_error(
        "answerd(comms.plan)",
        ErrorKind::UnknownName,
        0,
        "unknown function `answerd`; did you mean `answered`?",
    );
    assert_error(
        "true or zz(comms.plan)",
        ErrorKind::UnknownName,
        8,
        "unknown function `zz`; known functions: `answered`, `unknown`, `count`, `days_until`, `days_after_go_live`, `business_days_after_go_live`, `score`, `deadline`",
    );
}

#[test]
fn a_function_used_without_parentheses_is_explained() {
    assert_error(
        "answered",
        ErrorKind::UnknownName,
        0,
        "`answered` is a function; call it, e.g. `answered(checklist.question)`",
    );
}

#[test]
fn score_needs_a_known_quoted_priority() {
    assert_error(
        "score(identity_security) > 1",
        ErrorKind::Type,
        6,
        "`score` takes a quoted priority id, e.g. `score(\"identity_security\")`, not `identity_security`",
    );
    assert_error(
        r#"score("identity_securty") > 1"#,
        ErrorKind::UnknownPriority,
        6,
        "unknown priority `identity_securty`; did you mean `identity_security`?",
    );
}

#[test]
fn numeric_functions_and_facts_are_not_conditions() {
    assert_error(
        "count(comms.channels)",
        ErrorKind::Type,
        0,
        "`count(comms.channels)` is a number; compare it, e.g. `count(comms.channels) > 0`",
    );
    assert_error(
        "go_live",
        ErrorKind::Type,
        0,
        "`go_live` is a date; compare it, e.g. `go_live >= \"2026-12-01\"`",
    );
}

#[test]
fn numbers_from_different_sources_compare() {
    let two = ["mail".to_string(), "sms".to_string()];
    let facts = TestFacts::new()
        .with(CHANNELS, Answer::Multi(&two))
        .with(HYPERCARE_DAYS, Answer::Number(2.0))
        .score(1, Some(2.0));
    assert_eq!(
        eval(
            "count(comms.channels) == post-go-live.hypercare_days",
            &facts
        ),
        Truth::True
    );
    assert_eq!(
        eval(
            r#"score("user_communication") <= count(comms.channels)"#,
            &facts
        ),
        Truth::True
    );
    assert_eq!(
        eval("days_to_go_live > count(comms.channels)", &facts),
        Truth::True
    );
}

#[test]
fn deadline_takes_a_quoted_id_of_the_schema() {
    assert_error(
        "go_live >= deadline(ews_shutdown)",
        ErrorKind::Type,
        20,
        "`deadline` takes a quoted deadline id, e.g. `deadline(\"ews_shutdown\")`, not `ews_shutdown`",
    );
    // The test schema names no deadline: any id is unknown there.
    assert_error(
        "go_live >= deadline(\"ews_shutdown\")",
        ErrorKind::UnknownName,
        20,
        "unknown deadline `ews_shutdown`",
    );
}

#[test]
fn days_after_go_live_takes_a_named_deadline_checked_like_deadline() {
    // The named date is resolved by `deadline`, so its mistakes are reported inside the call.
    assert_error(
        "days_after_go_live(deadline(\"ews_shutdown\")) <= 10",
        ErrorKind::UnknownName,
        28,
        "unknown deadline `ews_shutdown`",
    );
    assert_error(
        "days_after_go_live(deadline(ews_shutdown)) <= 10",
        ErrorKind::Type,
        28,
        "`deadline` takes a quoted deadline id, e.g. `deadline(\"ews_shutdown\")`, not `ews_shutdown`",
    );
    // Any other call is still not a date answer.
    assert_error(
        "days_after_go_live(count(comms.channels)) <= 10",
        ErrorKind::Type,
        19,
        "`days_after_go_live` takes a question such as `checklist.question`, not `count(comms.channels)`",
    );
}
