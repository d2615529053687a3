//! The whole of `check` and `report`: load an answers file, assess it, render every format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use migready::load::{self, source::Source};
use migready::model::Thresholds;
use migready_fuzz::{catalog, pick, render_one, report, text};

fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data) else { return };
    let source = Source::from_text("answers.yaml", text);
    let Ok(answers) = load::answers::load(&source, catalog(), Default::default()) else {
        return;
    };
    let report = report(
        catalog(),
        &answers,
        &Thresholds::default(),
        Default::default(),
    );
    render_one(&report, pick(data));
});
