//! `migready.toml`: parsed and checked against the built-in catalogue; when it is accepted, its
//! thresholds and gate judge a real assessment, as `check --config` does.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use migready::engine::GateRequest;
use migready::load::{self, source::Source};
use migready::model::Answers;
use migready_fuzz::{
    EXAMPLE_ANSWERS, assert_reported, assert_reported_in, catalog, pick, render_one, report, text,
};

fn answers() -> &'static Answers {
    static ANSWERS: OnceLock<Answers> = OnceLock::new();
    ANSWERS.get_or_init(|| {
        let source = Source::from_text("answers.yaml", EXAMPLE_ANSWERS);
        load::answers::load(&source, catalog(), Default::default()).expect("the example loads")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data) else { return };
    let source = Source::from_text("migready.toml", text);
    let config = match load::config::parse(&source, Path::new("migready.toml")) {
        Ok(config) => config,
        Err(diags) => return assert_reported_in(diags, text),
    };
    let diags = load::config::check_against(&config, &source, catalog());
    if diags.has_errors() {
        return assert_reported_in(diags, text);
    }
    // `check` reads the answers file within the config's limits; parsing the example again only
    // matters when the config changes them.
    let reparsed;
    let answers = if config.limits == Default::default() {
        answers()
    } else {
        let source = Source::from_text("answers.yaml", EXAMPLE_ANSWERS);
        match load::answers::load(&source, catalog(), config.limits) {
            Ok(a) => {
                reparsed = a;
                &reparsed
            }
            Err(diags) => return assert_reported(diags),
        }
    };
    let gate = GateRequest {
        require: config.gate.require,
        min_score: config.gate.min_score,
        fail_on: config.gate.fail_on,
    };
    render_one(
        &report(catalog(), answers, &config.thresholds, gate),
        pick(data),
    );
});
