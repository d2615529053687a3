//! The length and nesting limits, and that long flat chains stay within them.

use super::super::parser::{MAX_DEPTH, MAX_LEN};
use super::*;

fn padded(core: &str, len: usize) -> String {
    format!("{core}{}", " ".repeat(len - core.len()))
}

#[test]
fn the_source_may_be_2000_bytes() {
    assert_eq!(MAX_LEN, 2_000);
    assert_eq!(eval_empty(&padded("true", 2_000)), Truth::True);
    assert_error(
        &padded("true", 2_001),
        ErrorKind::Limit,
        2_000,
        "expression is 2001 bytes long; the limit is 2000",
    );
}

#[test]
fn an_over_long_source_is_reported_on_a_char_boundary() {
    // "é" is two bytes starting at odd offsets, so byte 2000 falls inside one of them.
    let source = format!("true {}", "é".repeat(1_000));
    let e = error(&source);
    assert_eq!(e.kind, ErrorKind::Limit);
    assert!(source.is_char_boundary(e.offset));
    assert_eq!(e.offset, 1_999);
}

#[test]
fn nesting_may_be_32_levels() {
    assert_eq!(MAX_DEPTH, 32);
    let ok = format!("{}true{}", "(".repeat(32), ")".repeat(32));
    assert_eq!(eval_empty(&ok), Truth::True);
    let deep = format!("{}true{}", "(".repeat(33), ")".repeat(33));
    assert_error(
        &deep,
        ErrorKind::Limit,
        32,
        "expression nests more than 32 levels deep",
    );
}

#[test]
fn not_counts_as_a_level() {
    let ok = format!("{}true", "not ".repeat(32));
    assert_eq!(eval_empty(&ok), Truth::True);
    let deep = format!("{}true", "not ".repeat(33));
    assert_eq!(error(&deep).offset, 128);
}

#[test]
fn calls_and_lists_count_as_levels() {
    let ok = format!("{}answered(comms.plan){}", "(".repeat(31), ")".repeat(31));
    assert_eq!(eval_empty(&ok), Truth::False);
    let deep = format!("{}answered(comms.plan){}", "(".repeat(32), ")".repeat(32));
    assert_eq!(error(&deep).offset, 40);
    let list = format!("comms.plan in {}'none'{}", "[".repeat(40), "]".repeat(40));
    assert_eq!(error(&list).kind, ErrorKind::Limit);
}

#[test]
fn deep_unbalanced_input_stops_at_the_limit() {
    let source = "(".repeat(1_999);
    assert_eq!(error(&source).offset, 32);
    let source = "[".repeat(1_999);
    assert_eq!(error(&source).kind, ErrorKind::Limit);
    let source = "not ".repeat(499);
    assert_eq!(error(&source).offset, 128);
}

#[test]
fn long_flat_chains_are_not_nesting() {
    let source = vec!["identity.uses_entra"; 80].join(" or ");
    assert!(source.len() <= MAX_LEN);
    let expr = compile(&source);
    assert_eq!(expr.questions(), &[USES_ENTRA]);
    let yes = TestFacts::new().with(USES_ENTRA, Answer::Yes);
    assert_eq!(expr.eval(&yes), Truth::True);
    let source = vec!["1<2"; 250].join(" and ");
    assert!(source.len() <= MAX_LEN);
    assert_eq!(eval_empty(&source), Truth::True);
}

#[test]
fn the_bounds_can_be_set() {
    let tight = super::super::Bounds {
        max_bytes: 10,
        max_depth: 2,
    };
    let schema = TestSchema::new();
    let long = Expr::compile_within("true or false", &schema, Context::Rule, tight).unwrap_err();
    assert_eq!(long[0].kind, ErrorKind::Limit);
    assert_eq!(
        long[0].message,
        "expression is 13 bytes long; the limit is 10"
    );
    let deep = Expr::compile_within("(((true)))", &schema, Context::Rule, tight).unwrap_err();
    assert_eq!(deep[0].message, "expression nests more than 2 levels deep");
    assert!(Expr::compile_within("((true))", &schema, Context::Rule, tight).is_ok());
}
