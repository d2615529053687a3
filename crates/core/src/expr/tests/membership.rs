//! `in`, both ways: a question in a list of values, and an option in a multi answer.

use super::*;

#[test]
fn a_choice_in_a_list() {
    let expr = compile(r#"identity.mfa_coverage in ["admins_only", 'some_users']"#);
    let cases = [
        (Answer::Choice("admins_only"), Truth::True),
        (Answer::Choice("some_users"), Truth::True),
        (Answer::Choice("all_users"), Truth::False),
        (Answer::Missing, Truth::Unknown),
        (Answer::NotApplicable, Truth::Unknown),
        (Answer::Unknown, Truth::Unknown),
    ];
    for (answer, expected) in cases {
        let facts = TestFacts::new().with(MFA_COVERAGE, answer);
        assert_eq!(expr.eval(&facts), expected, "{answer:?}");
    }
    assert_eq!(expr.questions(), &[MFA_COVERAGE]);
}

#[test]
fn a_yes_no_in_a_list() {
    let expr = compile(r#"escalation.rollback_plan in ["no", "partial"]"#);
    let cases = [
        (Answer::Yes, Truth::False),
        (Answer::No, Truth::True),
        (Answer::Partial, Truth::True),
        (Answer::Missing, Truth::Unknown),
    ];
    for (answer, expected) in cases {
        let facts = TestFacts::new().with(ROLLBACK_PLAN, answer);
        assert_eq!(expr.eval(&facts), expected, "{answer:?}");
    }
    let facts = TestFacts::new().with(ROLLBACK_PLAN, Answer::Yes);
    assert_eq!(
        eval("escalation.rollback_plan in [true]", &facts),
        Truth::True
    );
}

#[test]
fn a_number_in_a_list() {
    let facts = TestFacts::new().with(PATCH_MATURITY, Answer::Number(4.0));
    assert_eq!(
        eval("endpoint.patch_maturity in [4, 5]", &facts),
        Truth::True
    );
    assert_eq!(
        eval("endpoint.patch_maturity in [0, 1]", &facts),
        Truth::False
    );
    let one = ["sms".to_string()];
    let facts = TestFacts::new().with(CHANNELS, Answer::Multi(&one));
    assert_eq!(eval("count(comms.channels) in [1, 2]", &facts), Truth::True);
    assert_eq!(eval_empty("days_to_go_live in [59]"), Truth::True);
}

#[test]
fn an_option_in_a_multi_answer() {
    let selected = ["mail".to_string(), "teams".to_string()];
    let facts = TestFacts::new().with(CHANNELS, Answer::Multi(&selected));
    assert_eq!(eval(r#""mail" in comms.channels"#, &facts), Truth::True);
    assert_eq!(eval("'sms' in comms.channels", &facts), Truth::False);
    assert_eq!(eval("not 'sms' in comms.channels", &facts), Truth::True);
    let none = TestFacts::new().with(CHANNELS, Answer::Multi(&[]));
    assert_eq!(eval("'mail' in comms.channels", &none), Truth::False);
    for answer in [Answer::Missing, Answer::NotApplicable, Answer::Unknown] {
        let facts = TestFacts::new().with(CHANNELS, answer);
        assert_eq!(eval("'mail' in comms.channels", &facts), Truth::Unknown);
    }
}

#[test]
fn an_option_in_a_multi_answer_must_exist() {
    assert_error(
        r#""fax" in comms.channels"#,
        ErrorKind::UnknownOption,
        0,
        "`comms.channels` has no option `fax`; allowed: `mail`, `teams`, `intranet`, `sms`",
    );
    assert_error(
        r#"true and "mial" in comms.channels"#,
        ErrorKind::UnknownOption,
        9,
        "`comms.channels` has no option `mial`; allowed: `mail`, `teams`, `intranet`, `sms`; did you mean `mail`?",
    );
}

#[test]
fn each_value_in_a_list_is_checked() {
    let errors = errors_in(
        r#"identity.mfa_coverage in ["all_users", "admin_only", "everyone"]"#,
        Context::Rule,
    );
    assert_eq!(
        kinds_and_offsets(&errors),
        vec![
            (ErrorKind::UnknownOption, 39),
            (ErrorKind::UnknownOption, 53)
        ]
    );
    assert!(
        errors[0].message.ends_with("did you mean `admins_only`?"),
        "{}",
        errors[0].message
    );
    assert_error(
        "identity.uses_entra in ['yes', 'partial']",
        ErrorKind::UnknownOption,
        31,
        "`identity.uses_entra` has no option `partial`; allowed: `yes`, `no`",
    );
    assert_error(
        "endpoint.enrolled_pct in [1, 'two']",
        ErrorKind::Type,
        29,
        "`endpoint.enrolled_pct` is a number question; `'two'` is a string",
    );
}

#[test]
fn a_list_needs_a_choice_yes_no_or_number_on_its_left() {
    assert_error(
        "comms.channels in ['mail']",
        ErrorKind::Type,
        0,
        "`comms.channels` is a multi question; `in [...]` needs a choice or yes_no question or a number on its left",
    );
    assert_eq!(
        error("post-go-live.review_date in ['2026-01-01']").kind,
        ErrorKind::Type
    );
    assert_eq!(error("comms.owner in ['Dana']").kind, ErrorKind::Type);
    assert_eq!(error("'mail' in ['mail']").offset, 0);
    assert_eq!(error("go_live in ['2026-01-01']").kind, ErrorKind::Type);
}

#[test]
fn the_right_of_in_must_be_a_list_or_a_multi_question() {
    assert_error(
        "'none' in comms.plan",
        ErrorKind::Type,
        10,
        "`comms.plan` is a choice question; `in` needs a list such as `[\"a\", \"b\"]` or a multi question on its right",
    );
    assert_eq!(error("endpoint.enrolled_pct in 5").offset, 25);
    assert_eq!(error("'mail' in 'mail'").offset, 10);
}

#[test]
fn only_a_quoted_option_can_be_in_a_multi_question() {
    assert_error(
        "comms.plan in comms.channels",
        ErrorKind::Type,
        0,
        "`comms.plan` is a choice question; only a quoted option can be `in` a multi question, e.g. `\"...\" in comms.channels`",
    );
    assert_eq!(error("3 in comms.channels").offset, 0);
}

#[test]
fn unknown_questions_on_either_side_of_in_are_reported() {
    let errors = errors_in("identity.nope in comms.nope", Context::Rule);
    let kinds: Vec<(ErrorKind, usize)> = errors.iter().map(|e| (e.kind, e.offset)).collect();
    assert_eq!(
        kinds,
        vec![
            (ErrorKind::UnknownQuestion, 0),
            (ErrorKind::UnknownQuestion, 17)
        ]
    );
}
