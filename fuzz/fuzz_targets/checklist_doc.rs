//! A structure-aware custom checklist (questions of every type, options, bands, `when:` conditions
//! and rules from a small grammar) loaded after the built-in ones, then a structure-aware answers
//! document for the catalogue it makes, scored, gated and rendered.
#![no_main]

use libfuzzer_sys::fuzz_target;
use migready::load::{self, source::Source};
use migready::model::Thresholds;
use migready_fuzz::checklist::Checklist;
use migready_fuzz::doc::Doc;
use migready_fuzz::{
    assert_reported, catalog, load_with_builtins, props, render_one, report, show, today,
};

fuzz_target!(|input: (Checklist, Doc)| {
    let (checklist, doc) = input;
    let yaml = checklist.to_yaml(catalog());
    show("fuzz.yaml", &yaml);
    let extra = vec![Source::from_text("fuzz.yaml", yaml)];
    let catalog = match load_with_builtins(extra) {
        Ok(catalog) => catalog,
        Err(diags) => return assert_reported(diags),
    };
    let (text, _) = doc.to_yaml(&catalog);
    show("answers.yaml", &text);
    let source = Source::from_text("answers.yaml", &text);
    let answers = match load::answers::load(&source, &catalog, Default::default()) {
        Ok(answers) => answers,
        Err(diags) => return assert_reported(diags),
    };
    props::check_any_catalog(&catalog, &answers, today());
    let report = report(
        &catalog,
        &answers,
        &Thresholds::default(),
        Default::default(),
    );
    render_one(&report, doc.output);
});
