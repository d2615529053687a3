//! `migready check`: the CI gate.

use crate::cli::CheckArgs;
use crate::commands::{Env, Exit, Failure};
use crate::engine::{self, GateRequest};
use crate::load::{self, source};
use crate::report::{CheckFormat, Report};

pub fn run(env: &Env, args: &CheckArgs) -> Result<Exit, Failure> {
    let (config, catalog) = env.load()?;
    let text = source::read(&args.file, source::DEFAULT_MAX_BYTES)?;
    let answers = load::answers::load(&text, &catalog, env.limits)?;
    let assessment = engine::assess(&catalog, &answers, env.today, &config.thresholds);
    // Flags override the config file, which overrides the defaults.
    let request = GateRequest {
        require: args.require.map_or(config.gate.require, Into::into),
        min_score: args.min_score.or(config.gate.min_score),
        fail_on: args.fail_on.or(config.gate.fail_on),
    };
    let gate = engine::gate::evaluate(&catalog, &assessment, request);
    let passed = gate.passed;
    let report = Report::new(
        &catalog,
        &answers,
        &assessment,
        &config.thresholds,
        Some(gate),
    );
    let format = args.format.unwrap_or(if env.stdout_is_terminal {
        CheckFormat::Table
    } else {
        CheckFormat::Json
    });
    env.emit(&format.render(&report, &env.style))?;
    Ok(if passed {
        Exit::Success
    } else {
        Exit::GateFailed
    })
}
