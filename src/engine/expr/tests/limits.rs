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
        ErrorKind::Syntax,
        2_000,
        "expression is 2001 bytes long; the limit is 2000",
    );
}

#[test]
fn an_over_long_source_is_reported_on_a_char_boundary() {
    // "é" is two bytes starting at odd offsets, so byte 2000 falls inside one of them.
    let source = format!("true {}", "é".repeat(1_000));
    let e = error(&source);
    assert_eq!(e.kind, ErrorKind::Syntax);
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
        ErrorKind::Syntax,
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
    assert_eq!(error(&list).kind, ErrorKind::Syntax);
}

#[test]
fn deep_unbalanced_input_stops_at_the_limit() {
    let source = "(".repeat(1_999);
    assert_eq!(error(&source).offset, 32);
    let source = "[".repeat(1_999);
    assert_eq!(error(&source).kind, ErrorKind::Syntax);
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
