//! No input makes compiling or evaluating panic: the text comes from files anyone can edit.

use super::*;
use proptest::prelude::*;

/// Compiles in both contexts and evaluates whatever compiles.
fn exercise(source: &str) {
    let schema = TestSchema::new();
    let one = ["mail".to_string()];
    let facts = TestFacts::new()
        .with(USES_ENTRA, Answer::Partial)
        .with(CHANNELS, Answer::Multi(&one))
        .with(ENROLLED_PCT, Answer::Number(f64::INFINITY))
        .score(0, Some(f64::NAN));
    for context in [Context::When, Context::Rule] {
        match Expr::compile(source, &schema, context) {
            Ok(expr) => {
                let _ = expr.eval(&facts);
                let _ = expr.eval(&TestFacts::new().go_live(None));
                assert!(expr.questions().iter().all(|&q| q < 16));
            }
            Err(errors) => {
                assert!(!errors.is_empty(), "{source:?}");
                for e in errors {
                    assert!(e.offset <= source.len(), "{source:?}: {e:?}");
                    assert!(source.is_char_boundary(e.offset), "{source:?}: {e:?}");
                    assert!(!e.message.is_empty());
                }
            }
        }
    }
}

const VALID: [&str; 8] = [
    r#"identity.legacy_auth == "allowed" and identity.mfa_coverage != "all_users""#,
    "not escalation.rollback_plan or unknown(escalation.rollback_plan)",
    r#""mail" in comms.channels or count(comms.channels) >= 2"#,
    "endpoint.patch_maturity in [4, 5] and endpoint.enrolled_pct > -1.5",
    r#"go_live >= "2026-12-01" and days_to_go_live < 30"#,
    r#"score("identity_security") < 50 or days_until(post-go-live.review_date) < 0"#,
    "(post-go-live.hypercare_days >= 14) and answered(comms.owner)",
    r"comms.plan in ['none', 'monthly'] or comms.notes == comms.notes",
];

#[test]
fn every_prefix_and_suffix_of_valid_expressions_is_handled() {
    for source in VALID {
        exercise(source);
        for (i, _) in source.char_indices() {
            exercise(&source[..i]);
            exercise(&source[i..]);
        }
    }
}

/// Fragments a lexer or parser could trip over: lone punctuation, broken numbers, odd Unicode.
const ODD: &[&str] = &[
    "",
    " ",
    "(",
    ")",
    "[",
    "]",
    ",",
    "'",
    "\"",
    "\\",
    "-",
    "--1",
    "-.5",
    "1.",
    "1..2",
    ".5",
    "1e9",
    "=",
    "!",
    "!=",
    "<",
    "<=",
    "<<",
    "== ==",
    "in",
    "in in",
    "not",
    "and",
    "or or",
    "true true",
    "a.",
    ".a",
    "a..b",
    "a.b.",
    "-a.b",
    "a-.b",
    "é.é",
    "identity.é",
    "\u{0}",
    "\u{feff}true",
    "'\u{10ffff}'",
    "\"\\",
    "'\\'",
    "'\\x'",
    "[,]",
    "[1,,2]",
    "[1 2]",
    "f(",
    "f(,)",
    "count(,)",
    "answered()",
    "answered(1,2,3)",
    "score(\"\")",
    "score(1)",
    "score(go_live)",
    "go_live(x)",
    "days_to_go_live(1)",
    "true(",
    "(((((",
    ")))))",
    "not not not",
    "'a' in",
    "in [1]",
    "1 in []",
    "comms.channels in comms.channels",
    "count(count(comms.channels))",
    "identity.uses_entra == identity.uses_entra == true",
    "🚀",
    "true and 🚀",
    "'🚀' in comms.channels",
    "comms.plan == '🚀'",
    "go_live == '🚀🚀🚀🚀🚀'",
    "go_live == '2026-01-0🚀'",
    "go_live < '２０２６-01-01'",
    "endpoint.enrolled_pct == 99999999999999999999999999999999999999999",
    "endpoint.patch_maturity == 1e400",
    "\r\n\t",
    "true\u{2028}and\u{2029}true",
];

#[test]
fn odd_strings_are_handled() {
    for source in ODD {
        exercise(source);
    }
}

#[test]
fn combinations_of_fragments_are_handled() {
    let fragments = [
        "(",
        ")",
        "[",
        "]",
        ",",
        " ",
        "not ",
        " and ",
        " or ",
        " in ",
        "==",
        "!=",
        "<",
        ">=",
        "'none'",
        "\"mail\"",
        "-1",
        "3.5",
        "true",
        "false",
        "comms.plan",
        "comms.channels",
        "identity.uses_entra",
        "count(",
        "score(",
        "answered(",
        "go_live",
        "days_to_go_live",
        "é",
        "'",
    ];
    // A small deterministic walk over fragment sequences: a few thousand strings.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3_000 {
        let mut source = String::new();
        for _ in 0..(state % 9) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            source.push_str(fragments[(state % fragments.len() as u64) as usize]);
        }
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        exercise(&source);
    }
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(source in "\\PC{0,80}") {
        exercise(&source);
    }

    #[test]
    fn arbitrary_expression_like_text_never_panics(
        source in "[a-z_.\\-0-9 ()\\[\\],'\"=!<>\\\\é]{0,60}"
    ) {
        exercise(&source);
    }
}
