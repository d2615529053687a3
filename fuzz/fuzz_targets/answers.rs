//! An answers file, checked against the built-in catalogue: loaded, or refused with located errors.
#![no_main]

use libfuzzer_sys::fuzz_target;
use migready::load::{self, source::Source};
use migready_fuzz::{assert_reported, catalog, text};

fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data) else { return };
    let source = Source::from_text("answers.yaml", text);
    if let Err(diags) = load::answers::load(&source, catalog(), Default::default()) {
        assert_reported(diags);
    }
});
