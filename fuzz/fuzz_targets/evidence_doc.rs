//! A structure-aware results file: ScubaGear, Maester or a merged Maester file with control ids
//! from the built-in evidence mapping and the tools' own result words, imported in process.
#![no_main]

use libfuzzer_sys::fuzz_target;
use migready_fuzz::results::{self, Results};

fuzz_target!(|input: (Results, bool, bool)| {
    let (file, answered, mismatch_ok) = input;
    let json = file.to_json();
    migready_fuzz::show("results.json", &json);
    results::import(&json, answered, mismatch_ok);
});
