//! `migready check`: the CI gate.

use crate::cli::{CheckArgs, CheckFormat};
use crate::commands::scoring::{AsOf, GateFlags, Scorer};
use crate::commands::{Env, Exit, Failure};
use crate::report::terminal::Style;
use crate::report::{self, Report};

pub fn run(env: &Env, args: &CheckArgs) -> Result<Exit, Failure> {
    let (config, catalog) = env.load()?;
    let flags = GateFlags {
        require: args.require.map(Into::into),
        min_score: args.min_score,
        fail_on: args.fail_on,
    };
    let scorer = Scorer {
        catalog: &catalog,
        config: &config,
        gate: Some(flags.request(&config.gate)),
    };
    let scored = scorer.file(&args.file, AsOf::Day(env.today))?;
    env.warn_past_go_live(&scored.answers);
    for warning in crate::evidence::verify::warnings(
        &catalog,
        &scored.answers,
        env.today,
        config.evidence_max_age_days,
    ) {
        env.note(&warning.to_string());
    }
    let passed = scored.gate.as_ref().is_some_and(|g| g.passed);
    let report = scorer.report(&scored);
    let format = args.format.unwrap_or(if env.stdout_is_terminal {
        CheckFormat::Table
    } else {
        CheckFormat::Json
    });
    env.emit_gated(&render(format, &report, &env.style))?;
    if format == CheckFormat::Github {
        append_step_summary(env, &report);
    }
    Ok(if passed {
        Exit::Success
    } else {
        Exit::GateFailed
    })
}

/// The check in one of its formats.
pub fn render(format: CheckFormat, report: &Report, style: &Style) -> String {
    match format {
        CheckFormat::Table => report::check::table::render(report, style),
        CheckFormat::Json => report::check::json::render(report),
        CheckFormat::Junit => report::check::junit::render(report),
        CheckFormat::Sarif => report::check::sarif::render(report),
        CheckFormat::Github => report::check::github::render(report),
        CheckFormat::Markdown => report::check::markdown::render(report),
    }
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
    text.extend_from_slice(report::check::markdown::render(report).as_bytes());
    if let Err(e) = crate::atomic::write(&path, &text, crate::atomic::Backup::None) {
        env.note(&format!(
            "migready: cannot write the job summary to {}: {e}",
            path.display()
        ));
    }
}
