//! A structure-aware answers document: ids from the built-in catalogue, values of every type,
//! long forms, waivers and dates around go-live, written as YAML and run through load, assess,
//! gate and every renderer, with the verdict's properties asserted on the way.
#![no_main]

use libfuzzer_sys::fuzz_target;
use migready::engine;
use migready::load::{self, source::Source};
use migready::model::Thresholds;
use migready_fuzz::doc::Doc;
use migready_fuzz::{assert_reported, catalog, props, render_one, report_of, show, today};

fuzz_target!(|doc: Doc| {
    let (text, _) = doc.to_yaml(catalog());
    show("answers.yaml", &text);
    let source = Source::from_text("answers.yaml", &text);
    let answers = match load::answers::load(&source, catalog(), Default::default()) {
        Ok(answers) => answers,
        Err(diags) => return assert_reported(diags),
    };
    let thresholds = Thresholds::default();
    let assessment = engine::assess(catalog(), &answers, today(), &thresholds);
    props::check(catalog(), &answers, today(), &assessment, doc.picks);
    let report = report_of(
        catalog(),
        &answers,
        &assessment,
        &thresholds,
        Default::default(),
    );
    render_one(&report, doc.output);
});
