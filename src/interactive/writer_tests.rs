//! The writer's promises: what it writes reads back as the same answers, byte-stable, with hostile text intact.

use super::*;
use crate::diag::Pos;
use crate::load::Limits;
use crate::load::source::Source;
use crate::load::{answers, builtin, catalog};
use proptest::prelude::*;

fn builtin_catalog() -> Catalog {
    catalog::load(&builtin::sources(), Limits::default()).unwrap()
}

fn load(text: &str, catalog: &Catalog) -> Answers {
    let source = Source::from_text("written.yaml", text);
    match answers::load(&source, catalog, Limits::default()) {
        Ok(a) => a,
        Err(d) => panic!("the written file does not load: {d:?}\n{text}"),
    }
}

/// Positions and the file name say where, not what: compare the rest.
fn without_positions(mut a: Answers) -> Answers {
    a.file = String::new();
    for entry in a.by_question.iter_mut().flatten() {
        entry.pos = Pos::new(0, 0);
    }
    for w in &mut a.waivers {
        w.pos = Pos::new(0, 0);
    }
    a
}

fn example(name: &str) -> String {
    let path = format!(
        "{}/examples/{name}/answers.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn every_example_round_trips_and_rewrites_to_the_same_bytes() {
    let catalog = builtin_catalog();
    for name in ["harbor-logistics", "lakeside-dental", "summit-accounting"] {
        let original = load(&example(name), &catalog);
        let written = to_yaml(&original, &catalog);
        let reread = load(&written, &catalog);
        assert_eq!(
            without_positions(reread.clone()),
            without_positions(original),
            "{name}"
        );
        assert_eq!(to_yaml(&reread, &catalog), written, "{name}: not stable");
        assert!(written.starts_with(ANSWERS_SCHEMA_COMMENT), "{name}");
    }
}

#[test]
fn short_form_where_nothing_else_was_given() {
    let catalog = builtin_catalog();
    let text = to_yaml(&load(&example("harbor-logistics"), &catalog), &catalog);
    assert!(text.contains("\n  identity.ca_state: enforced\n"), "{text}");
    assert!(text.contains("\n  identity.mfa_coverage:\n    value: some_users\n"));
    assert!(text.contains("\n  # endpoint\n"));
}

const HOSTILE: &[&str] = &[
    "yes",
    "No",
    "true",
    "null",
    "~",
    "42",
    "3.5",
    "0x1F",
    "1e3",
    ".inf",
    "-",
    "- item",
    "key: value",
    "ends with colon:",
    "text # not a comment",
    "#hash first",
    "&anchor",
    "*alias",
    "!tag",
    "| pipe",
    "> fold",
    "'single'",
    "\"double\"",
    "%directive",
    "@at",
    "`tick`",
    "[list]",
    "{map}",
    "a, b",
    " leading space",
    "trailing space ",
    "tab\there",
    "line one\nline two",
    "line one\n  indented two\n\nafter a blank",
    "ends with newline\n",
    "\nstarts with newline",
    "back\\slash",
    "bom \u{feff}",
    "line sep \u{2028} para \u{2029}",
    "emoji 🚀 and ümlauts",
    "---",
    "...",
    "2028-03-06",
    "? question",
];

/// A person answer, owner, evidence and note made of each hostile string, and back.
#[test]
fn hostile_strings_round_trip() {
    let catalog = builtin_catalog();
    let base = load(&example("summit-accounting"), &catalog);
    let person = catalog
        .questions
        .iter()
        .position(|q| q.kind == crate::model::AnswerKind::Person)
        .unwrap();
    for s in HOSTILE {
        let mut a = base.clone();
        a.meta.organisation = (*s).to_owned();
        let entry = a.by_question[person].get_or_insert_with(|| AnswerEntry {
            question: person,
            value: AnswerValue::Unknown,
            owner: None,
            due: None,
            evidence: None,
            note: None,
            tenant_evidence: Vec::new(),
            pos: Pos::new(0, 0),
        });
        entry.value = AnswerValue::Text((*s).to_owned());
        entry.owner = Some((*s).to_owned());
        entry.evidence = Some((*s).to_owned());
        entry.note = Some((*s).to_owned());
        let written = to_yaml(&a, &catalog);
        let reread = load(&written, &catalog);
        assert_eq!(without_positions(reread), without_positions(a), "{s:?}");
    }
}

#[test]
fn long_notes_are_folded_at_spaces() {
    let catalog = builtin_catalog();
    let text = to_yaml(&load(&example("harbor-logistics"), &catalog), &catalog);
    assert!(
        text.contains("    note: >-\n      Office staff and drivers are covered."),
        "{text}"
    );
    assert!(
        text.lines()
            .all(|l| l.chars().count() <= 120 || !l.contains(' '))
    );
}

#[test]
fn multi_values_with_flow_characters_are_quoted() {
    let items = vec!["a, b".to_owned(), "plain".to_owned(), "[x]".to_owned()];
    assert_eq!(
        value_text(&AnswerValue::Multi(items)),
        r#"["a, b", plain, "[x]"]"#
    );
}

#[test]
fn numbers_are_written_as_they_read() {
    assert_eq!(number(4.0), "4");
    assert_eq!(number(-3.0), "-3");
    assert_eq!(number(0.5), "0.5");
    assert_eq!(number(99.95), "99.95");
}

proptest! {
    #[test]
    fn any_note_round_trips(
        note in "\\PC{1,40}|[ -~\\n\\t]{1,40}|[a-z#:'\\-]{1,14}( {1,2}[a-z#:>|'\\-]{1,14}){8,40}"
    ) {
        prop_assume!(!note.trim().is_empty());
        let catalog = builtin_catalog();
        let mut a = load(&example("summit-accounting"), &catalog);
        let Some(entry) = a.by_question.iter_mut().flatten().next() else {
            return Ok(());
        };
        entry.note = Some(note.clone());
        let reread = load(&to_yaml(&a, &catalog), &catalog);
        prop_assert_eq!(without_positions(reread), without_positions(a));
    }
}
