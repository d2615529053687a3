//! A tenant-assessment results file as bytes (ScubaGear or Maester JSON, or anything else): read
//! as `migready import` reads it, and when it is accepted, imported into the example answers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use migready_fuzz::{pick, results, text};

fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data) else { return };
    let p = pick(data);
    results::import(text, p % 2 == 0, p % 4 < 2);
});
