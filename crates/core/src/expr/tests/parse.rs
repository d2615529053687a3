//! Precedence, literals, names and the compiled expression's accessors.

use super::super::ast::{CmpOp, NodeKind};
use super::super::lexer::{Tok, tokenize};
use super::super::parser::parse;
use super::*;

fn tokens(source: &str) -> Vec<Tok> {
    tokenize(source)
        .unwrap()
        .into_iter()
        .map(|t| t.tok)
        .collect()
}

#[test]
fn and_binds_tighter_than_or() {
    // (true) or (false and false), not (true or false) and false
    assert_eq!(eval_empty("true or false and false"), Truth::True);
    assert_eq!(eval_empty("false and true or true"), Truth::True);
    assert_eq!(eval_empty("(true or false) and false"), Truth::False);
}

#[test]
fn not_binds_tighter_than_and_but_looser_than_comparison() {
    assert_eq!(eval_empty("not false and false"), Truth::False);
    assert_eq!(eval_empty("not (false and false)"), Truth::True);
    assert_eq!(eval_empty("not not true"), Truth::True);
    // `not q == "none"` is `not (q == "none")`; the other reading would not type-check.
    let facts = TestFacts::new().with(MFA_COVERAGE, Answer::Choice("none"));
    assert_eq!(
        eval(r#"not identity.mfa_coverage == "none""#, &facts),
        Truth::False
    );
    assert_eq!(
        eval(r#"not identity.mfa_coverage == "all_users""#, &facts),
        Truth::True
    );
}

#[test]
fn chains_of_and_and_or_are_flat() {
    let tree = parse(
        "true or false or true and false and true",
        Default::default(),
    )
    .unwrap();
    let NodeKind::Or(items) = tree.kind else {
        panic!("expected or, got {tree:?}")
    };
    assert_eq!(items.len(), 3);
    assert!(matches!(&items[2].kind, NodeKind::And(inner) if inner.len() == 3));
}

#[test]
fn comparison_nodes_keep_operator_and_span() {
    let tree = parse("endpoint.enrolled_pct >= 90", Default::default()).unwrap();
    assert!(matches!(tree.kind, NodeKind::Compare { op: CmpOp::Ge, .. }));
    assert_eq!((tree.span.start, tree.span.end), (0, 27));
}

#[test]
fn comparisons_do_not_chain() {
    assert_error(
        "1 < 2 < 3",
        ErrorKind::Syntax,
        6,
        "comparisons cannot be chained; combine them with `and`",
    );
    assert_eq!(error(r#""mail" in comms.channels == true"#).offset, 25);
}

#[test]
fn lexes_every_operator_and_keyword() {
    use CmpOp::*;
    assert_eq!(
        tokens("== != < <= > >= in and or not true false ( ) [ ] ,"),
        vec![
            Tok::Cmp(Eq),
            Tok::Cmp(Ne),
            Tok::Cmp(Lt),
            Tok::Cmp(Le),
            Tok::Cmp(Gt),
            Tok::Cmp(Ge),
            Tok::In,
            Tok::And,
            Tok::Or,
            Tok::Not,
            Tok::True,
            Tok::False,
            Tok::LParen,
            Tok::RParen,
            Tok::LBracket,
            Tok::RBracket,
            Tok::Comma,
            Tok::End,
        ]
    );
}

#[test]
fn lexes_strings_in_both_quotes_with_escapes() {
    assert_eq!(tokens(r#""a\"b""#), vec![Tok::Str("a\"b".into()), Tok::End]);
    assert_eq!(tokens(r"'it\'s'"), vec![Tok::Str("it's".into()), Tok::End]);
    assert_eq!(
        tokens(r#"'say "hi"'"#),
        vec![Tok::Str("say \"hi\"".into()), Tok::End]
    );
    assert_eq!(
        tokens(r#""back\\slash""#),
        vec![Tok::Str("back\\slash".into()), Tok::End]
    );
    assert_eq!(
        tokens("\"naïve ✓\""),
        vec![Tok::Str("naïve ✓".into()), Tok::End]
    );
}

#[test]
fn lexes_numbers_with_sign_and_fraction() {
    assert_eq!(
        tokens("90 3.5 -1 -0.25 007"),
        vec![
            Tok::Number(90.0),
            Tok::Number(3.5),
            Tok::Number(-1.0),
            Tok::Number(-0.25),
            Tok::Number(7.0),
            Tok::End
        ]
    );
}

#[test]
fn a_minus_must_touch_its_digits() {
    assert_error(
        "endpoint.enrolled_pct > - 1",
        ErrorKind::Syntax,
        24,
        "unexpected character `-`",
    );
}

#[test]
fn negative_and_fractional_numbers_compare() {
    let facts = TestFacts::new().with(ENROLLED_PCT, Answer::Number(0.0));
    assert_eq!(eval("endpoint.enrolled_pct > -1", &facts), Truth::True);
    let facts = TestFacts::new().with(ENROLLED_PCT, Answer::Number(3.5));
    assert_eq!(eval("endpoint.enrolled_pct == 3.5", &facts), Truth::True);
    assert_eq!(eval("endpoint.enrolled_pct != 3.5", &facts), Truth::False);
    assert_eq!(eval("-1 < endpoint.enrolled_pct", &facts), Truth::True);
}

#[test]
fn hyphenated_checklist_ids_are_question_references() {
    assert_eq!(
        tokens("post-go-live.hypercare_days"),
        vec![
            Tok::Question("post-go-live.hypercare_days".into()),
            Tok::End
        ]
    );
    let expr = compile("post-go-live.hypercare_days >= 14");
    assert_eq!(expr.questions(), &[HYPERCARE_DAYS]);
    let facts = TestFacts::new().with(HYPERCARE_DAYS, Answer::Number(30.0));
    assert_eq!(expr.eval(&facts), Truth::True);
}

#[test]
fn whitespace_is_optional_and_may_be_any_kind() {
    let facts = TestFacts::new().with(PLAN, Answer::Choice("none"));
    assert_eq!(eval(r#"comms.plan=="none""#, &facts), Truth::True);
    assert_eq!(
        eval("\tcomms.plan\n==\r\n'none'\u{a0}", &facts),
        Truth::True
    );
    assert_eq!(eval("(comms.plan=='none')and(true)", &facts), Truth::True);
}

#[test]
fn questions_are_deduplicated_in_source_order() {
    let expr = compile(
        r#"comms.plan == "none" or identity.uses_entra or comms.plan == "monthly" or answered(comms.owner)"#,
    );
    assert_eq!(expr.questions(), &[PLAN, USES_ENTRA, OWNER]);
    let expr = compile(r#""mail" in comms.channels and count(comms.extra_channels) > 0"#);
    assert_eq!(expr.questions(), &[CHANNELS, EXTRA_CHANNELS]);
    assert_eq!(compile("true").questions(), &[] as &[usize]);
}

#[test]
fn source_is_kept_as_written() {
    let text = "  identity.uses_entra   and true ";
    assert_eq!(compile(text).source(), text);
}

#[test]
fn literals_alone_are_conditions_only_when_boolean() {
    assert_eq!(eval_empty("true"), Truth::True);
    assert_eq!(eval_empty("false"), Truth::False);
    assert_error("1", ErrorKind::Type, 0, "`1` is a number, not a condition");
    assert_error(
        r#""x""#,
        ErrorKind::Type,
        0,
        "`\"x\"` is a string, not a condition",
    );
    assert_error(
        r#"["x"]"#,
        ErrorKind::Type,
        0,
        "`[\"x\"]` is a list, not a condition",
    );
}

#[test]
fn parenthesised_operands_compare() {
    let facts = TestFacts::new().with(ENROLLED_PCT, Answer::Number(50.0));
    assert_eq!(eval("(endpoint.enrolled_pct) < (60)", &facts), Truth::True);
    assert_eq!(
        eval("((((endpoint.enrolled_pct < 60))))", &facts),
        Truth::True
    );
}

#[test]
fn numeric_literals_may_be_compared_with_each_other() {
    assert_eq!(eval_empty("1 < 2"), Truth::True);
    assert_eq!(eval_empty("2 == 2.0"), Truth::True);
    assert_eq!(eval_empty("3 in [1, 2]"), Truth::False);
}
