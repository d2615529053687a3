//! `migready check`: the CI gate.

use crate::cli::CheckArgs;
use crate::commands::{Env, Exit, Failure};
use crate::engine::{self, GateRequest};
use crate::load::{self, source};
use crate::report::{CheckFormat, Report};

pub fn run(env: &Env, args: &CheckArgs) -> Result<Exit, Failure> {
    let (config, catalog) = env.load()?;
    let text = source::read(&args.file, config.limits.max_file_bytes)?;
    let answers = load::answers::load(&text, &catalog, config.limits)?;
    for warning in crate::evidence::verify::warnings(&catalog, &answers, env.today) {
        env.note(&warning.to_string());
    }
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
    if format == CheckFormat::Github {
        append_step_summary(env, &report);
    }
    Ok(if passed {
        Exit::Success
    } else {
        Exit::GateFailed
    })
}

/// On GitHub Actions, adds the markdown summary to the job's summary page as well.
///
/// The summary is a courtesy: when it cannot be written, a note says so and the gate result stands.
fn append_step_summary(env: &Env, report: &Report) {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return;
    };
    let path = std::path::PathBuf::from(path);
    let mut text = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => {
            env.note(&format!("migready: cannot read {}: {e}", path.display()));
            return;
        }
    };
    if !text.is_empty() && !text.ends_with(b"\n") {
        text.push(b'\n');
    }
    text.extend_from_slice(crate::report::summary::render(report).as_bytes());
    if let Err(e) = crate::atomic::write(&path, &text, crate::atomic::Backup::None) {
        env.note(&format!(
            "migready: cannot write the job summary to {}: {e}",
            path.display()
        ));
    }
}
