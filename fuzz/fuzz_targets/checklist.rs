//! A custom checklist (or priorities file) loaded after the built-in ones, as `--checklists` does.
//! A second, fixed checklist comes with it, as in most checklist folders: with two files to parse,
//! the loader parses them on worker threads, and that path must be fuzzed too.
//!
//! A checklist that loads must also work in `check`: the example answers (or, when they no longer
//! fit the catalogue, no answers at all) are scored against it and rendered in every format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use migready::load::{self, source::Source};
use migready::model::{Answers, Meta, Thresholds};
use migready_fuzz::{
    EXAMPLE_ANSWERS, assert_reported, load_with_builtins, pick, render_one, report, text, today,
};

const OTHER: &str = "id: fuzz_other\ntitle: Another checklist\nquestions:\n  - id: ready\n    prompt: Ready?\n    type: yes_no\n    weight: 0\n";

fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data) else { return };
    let extra = vec![
        Source::from_text("custom.yaml", text),
        Source::from_text("other.yaml", OTHER),
    ];
    let catalog = match load_with_builtins(extra) {
        Ok(catalog) => catalog,
        Err(diags) => return assert_reported(diags),
    };
    let example = Source::from_text("answers.yaml", EXAMPLE_ANSWERS);
    let answers =
        load::answers::load(&example, &catalog, Default::default()).unwrap_or_else(|_| Answers {
            file: "answers.yaml".into(),
            meta: Meta {
                organisation: "Fuzz".into(),
                project: "Fuzz".into(),
                go_live: Some(today().add_days(30)),
                assessed_by: None,
                assessed_on: None,
                tenant_id: None,
            },
            by_question: vec![None; catalog.questions.len()],
            waivers: Vec::new(),
        });
    render_one(
        &report(
            &catalog,
            &answers,
            &Thresholds::default(),
            Default::default(),
        ),
        pick(data),
    );
});
