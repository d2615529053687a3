//! Every error kind, with its offset and message.

use super::*;

#[test]
fn an_unknown_question_is_reported_at_its_start_with_a_suggestion() {
    assert_error(
        r#"identity.mfa_coverag != "all_users""#,
        ErrorKind::UnknownQuestion,
        0,
        "unknown question `identity.mfa_coverag`; did you mean `identity.mfa_coverage`?",
    );
    assert_eq!(error("true and identity.use_entra").offset, 9);
    assert_eq!(
        error("zzz.qqq").message,
        "unknown question `zzz.qqq`",
        "no suggestion when nothing is close"
    );
}

#[test]
fn an_unknown_option_lists_the_allowed_values() {
    let e = error(r#"comms.plan == "weekly""#);
    assert_eq!((e.kind, e.offset), (ErrorKind::UnknownOption, 14));
    assert!(
        e.message.starts_with(
            "`comms.plan` has no option `weekly`; allowed: `none`, `monthly`, `quarterly`"
        ),
        "{}",
        e.message
    );
    assert_error(
        r#"comms.plan == "monthy""#,
        ErrorKind::UnknownOption,
        14,
        "`comms.plan` has no option `monthy`; allowed: `none`, `monthly`, `quarterly`; did you mean `monthly`?",
    );
}

#[test]
fn an_unknown_option_on_the_left_is_reported_there() {
    assert_eq!(error(r#""monthy" == comms.plan"#).offset, 0);
}

#[test]
fn yes_no_values_depend_on_partial() {
    assert_error(
        r#"identity.uses_entra == "partial""#,
        ErrorKind::UnknownOption,
        23,
        "`identity.uses_entra` has no option `partial`; allowed: `yes`, `no`",
    );
    compile(r#"escalation.rollback_plan == "partial""#);
    assert_eq!(
        error(r#"escalation.rollback_plan == "maybe""#).kind,
        ErrorKind::UnknownOption
    );
}

#[test]
fn a_type_mismatch_names_both_types() {
    assert_error(
        r#"endpoint.enrolled_pct == "high""#,
        ErrorKind::Type,
        25,
        "`endpoint.enrolled_pct` is a number question; `\"high\"` is a string",
    );
    assert_error(
        "identity.mfa_coverage == 3",
        ErrorKind::Type,
        25,
        "`identity.mfa_coverage` is a choice question; `3` is a number",
    );
    assert_error(
        "identity.uses_entra == 1",
        ErrorKind::Type,
        23,
        "`identity.uses_entra` is a yes_no question; `1` is a number",
    );
    assert_error(
        "comms.notes == 'x'",
        ErrorKind::Type,
        15,
        "`comms.notes` is a text question; `'x'` is a string",
    );
}

#[test]
fn questions_of_different_types_do_not_compare() {
    assert_error(
        "identity.mfa_coverage == comms.channels",
        ErrorKind::Type,
        25,
        "`identity.mfa_coverage` is a choice question; `comms.channels` is a multi question",
    );
    assert_eq!(
        error("identity.uses_entra == comms.plan").kind,
        ErrorKind::Type
    );
    assert_eq!(
        error("post-go-live.review_date == endpoint.enrolled_pct").kind,
        ErrorKind::Type
    );
}

#[test]
fn ordering_needs_numbers_or_dates() {
    assert_error(
        r#"comms.plan < "none""#,
        ErrorKind::Type,
        13,
        "`comms.plan` is a choice question; `\"none\"` is a string; `<` compares only numbers and dates",
    );
    assert_eq!(error("identity.uses_entra >= true").kind, ErrorKind::Type);
    assert_eq!(error("comms.owner > comms.owner").kind, ErrorKind::Type);
    assert_eq!(error(r#""a" < "b""#).kind, ErrorKind::Type);
}

#[test]
fn two_string_literals_do_not_compare() {
    assert_error(
        r#""a" == "a""#,
        ErrorKind::Type,
        7,
        "`\"a\"` is a string; `\"a\"` is a string; compare a question, function or fact with a value",
    );
}

#[test]
fn conditions_do_not_compare_with_booleans() {
    assert_error(
        "answered(comms.plan) == true",
        ErrorKind::Type,
        24,
        "`answered(comms.plan)` is a condition; `true` is a boolean",
    );
}

#[test]
fn a_bare_question_of_another_type_is_not_a_condition() {
    assert_error(
        "identity.mfa_coverage",
        ErrorKind::Type,
        0,
        "`identity.mfa_coverage` is a choice question; compare it, e.g. `identity.mfa_coverage == \"...\"`",
    );
    assert_error(
        "true and not comms.channels",
        ErrorKind::Type,
        13,
        "`comms.channels` is a multi question; compare it, e.g. `\"...\" in comms.channels`",
    );
    assert_error(
        "comms.owner or true",
        ErrorKind::Type,
        0,
        "`comms.owner` is a person question; test it with `answered(comms.owner)`",
    );
    for id in [
        "endpoint.enrolled_pct",
        "endpoint.patch_maturity",
        "post-go-live.review_date",
    ] {
        assert_eq!(error(id).kind, ErrorKind::Type, "{id}");
    }
}

#[test]
fn maturity_literals_are_whole_levels_from_0_to_5() {
    for ok in ["0", "5", "3.0"] {
        compile(&format!("endpoint.patch_maturity >= {ok}"));
    }
    assert_error(
        "endpoint.patch_maturity >= 7",
        ErrorKind::Type,
        27,
        "`endpoint.patch_maturity` is a maturity question (levels 0 to 5); `7` is not a level",
    );
    assert_eq!(error("endpoint.patch_maturity == 2.5").offset, 27);
    assert_eq!(error("-1 < endpoint.patch_maturity").offset, 0);
    assert_eq!(error("endpoint.patch_maturity in [3, 6]").offset, 31);
}

#[test]
fn a_date_literal_must_be_a_calendar_date() {
    assert_error(
        r#"go_live >= "soon""#,
        ErrorKind::Type,
        11,
        "`go_live` is a date; `soon` is not a date in the form YYYY-MM-DD",
    );
    assert_error(
        r#"go_live >= "2026-13-01""#,
        ErrorKind::Type,
        11,
        "`go_live` is a date; `2026-13-01` is not a calendar date",
    );
    assert_error(
        r#"post-go-live.review_date == "2027-02-29""#,
        ErrorKind::Type,
        28,
        "`post-go-live.review_date` is a date question; `2027-02-29` is not a calendar date",
    );
    assert_eq!(error("go_live > 3").kind, ErrorKind::Type);
}

#[test]
fn unknown_names_suggest_facts_or_qualified_questions() {
    assert_error(
        "days_to_golive < 30",
        ErrorKind::UnknownName,
        0,
        "unknown name `days_to_golive`; did you mean `days_to_go_live`?",
    );
    assert_error(
        r#"mfa_coverage == "none""#,
        ErrorKind::UnknownName,
        0,
        "unknown name `mfa_coverage`; questions are written with their checklist: did you mean `identity.mfa_coverage`?",
    );
    assert_error(
        "true and zz",
        ErrorKind::UnknownName,
        9,
        "unknown name `zz`; known facts: `days_to_go_live`, `go_live`",
    );
}

#[test]
fn every_resolution_and_type_error_is_reported() {
    let errors = errors_in(
        r#"identity.mfa_coverag == "x" and comms.plan == "weekly" or (endpoint.enrolled_pct == "high" and zz)"#,
        Context::Rule,
    );
    assert_eq!(
        kinds_and_offsets(&errors),
        vec![
            (ErrorKind::UnknownQuestion, 0),
            (ErrorKind::UnknownOption, 46),
            (ErrorKind::Type, 84),
            (ErrorKind::UnknownName, 95),
        ]
    );
}

#[test]
fn an_unknown_question_is_not_also_a_type_error() {
    let errors = errors_in("identity.nope == 'x'", Context::Rule);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].kind, ErrorKind::UnknownQuestion);
}

#[test]
fn syntax_errors_point_at_the_unexpected_token() {
    use ErrorKind::Syntax;
    assert_error(
        "",
        Syntax,
        0,
        "unexpected end of expression; expected a value",
    );
    assert_error(
        "   ",
        Syntax,
        3,
        "unexpected end of expression; expected a value",
    );
    assert_error(
        "true and",
        Syntax,
        8,
        "unexpected end of expression; expected a value",
    );
    assert_error("(true false", Syntax, 6, "expected `)` but found `false`");
    assert_error(
        "(true",
        Syntax,
        5,
        "unexpected end of expression; expected `)`",
    );
    assert_error(
        "true)",
        Syntax,
        4,
        "expected `and`, `or`, a comparison or the end of the expression but found `)`",
    );
    assert_error("and true", Syntax, 0, "expected a value but found `and`");
    assert_error(
        "identity.uses_entra == not true",
        Syntax,
        23,
        "expected a value but found `not`",
    );
    assert_error(
        "comms.plan = 'none'",
        Syntax,
        11,
        "unexpected `=`; compare with `==`",
    );
    assert_error(
        "! true",
        Syntax,
        0,
        "unexpected `!`; negate with `not` or compare with `!=`",
    );
    assert_error("true && false", Syntax, 5, "unexpected character `&`");
}

#[test]
fn lexical_errors_are_precise() {
    use ErrorKind::Syntax;
    assert_error(r#"comms.plan == "none"#, Syntax, 14, "unterminated string");
    assert_error(r"comms.plan == 'a\'", Syntax, 14, "unterminated string");
    assert_error(
        r#"comms.plan == "a\n""#,
        Syntax,
        16,
        "unknown escape `\\n` in a string; only `\\\"`, `\\'` and `\\\\` are escapes",
    );
    assert_error("é", Syntax, 0, "unexpected character `é`");
    assert_error("true and ✓", Syntax, 9, "unexpected character `✓`");
    assert_error("true and\u{0}", Syntax, 8, "unexpected character `\\0`");
}

#[test]
fn malformed_names_are_syntax_errors() {
    let message = |w: &str| {
        format!(
            "`{w}` is not a valid name; names are lower-case and questions are written `checklist.question`"
        )
    };
    for (source, word, offset) in [
        ("Identity.mfa_coverage", "Identity.mfa_coverage", 0),
        ("true or a.b.c", "a.b.c", 8),
        ("identity.", "identity.", 0),
        ("identity.mfa-coverage", "identity.mfa-coverage", 0),
        ("identity.9x", "identity.9x", 0),
        ("TRUE", "TRUE", 0),
    ] {
        assert_error(source, ErrorKind::Syntax, offset, &message(word));
    }
}

#[test]
fn lists_must_be_non_empty_literals() {
    use ErrorKind::Syntax;
    assert_error(
        "comms.plan in []",
        Syntax,
        15,
        "a list needs at least one value",
    );
    assert_error(
        "comms.plan in ['none',]",
        Syntax,
        22,
        "expected a value but found `]`",
    );
    assert_error(
        "comms.plan in [comms.plan]",
        Syntax,
        15,
        "a list may only hold quoted strings, numbers, `true` and `false`",
    );
    assert_eq!(error("comms.plan in [['none']]").offset, 15);
    assert_error(
        "comms.plan in ['none'",
        Syntax,
        21,
        "unexpected end of expression; expected `]`",
    );
}

#[test]
fn errors_use_the_checklist_wording() {
    // Lower-case start, no trailing period, as every diagnostic of the tool.
    for source in [
        "",
        "zz",
        "identity.nope",
        "comms.plan == 'x'",
        "comms.plan",
        "score('x') > 1",
        "(",
        "'",
    ] {
        for e in errors_in(source, Context::Rule) {
            let first = e.message.chars().next().unwrap_or('?');
            assert!(!first.is_uppercase(), "{source}: {}", e.message);
            assert!(!e.message.ends_with('.'), "{source}: {}", e.message);
        }
    }
}
