//! `migready report`: the go/no-go brief for leadership, in markdown, HTML or JSON.
//!
//! The report is not a gate: it exits 0 whatever the verdict, and 2 on invalid input.

use std::path::Path;

use crate::atomic::{self, Backup};
use crate::cli::{ReportArgs, ReportFormat};
use crate::commands::{Env, Exit, Failure};
use crate::date::Date;
use crate::engine::{self, GateRequest};
use crate::load::{self, source};
use crate::model::{Catalog, Config};
use crate::report::Report;
use crate::report::leadership::{html, json, markdown};

pub fn run(env: &Env, args: &ReportArgs) -> Result<Exit, Failure> {
    let (config, catalog) = env.load()?;
    let mut report = scored(env, &config, &catalog, &args.file, Some(env.today))?;
    if let Some(old) = &args.baseline {
        let baseline = scored(env, &config, &catalog, old, None)?;
        warn_if_other_organisation(env, &baseline, &report);
        report = report.with_baseline(&baseline);
    }
    let text = match args.format {
        ReportFormat::Markdown => markdown::render(
            &report,
            markdown::Options {
                mermaid: args.mermaid,
            },
        ),
        ReportFormat::Html => html::render(&report),
        ReportFormat::Json => json::render(&report),
    };
    match &args.output {
        None => env.emit(&text)?,
        Some(path) => write(env, path, &text)?,
    }
    Ok(Exit::Success)
}

/// Loads and scores one answers file, with the gate the config file asks for.
///
/// `today` is the date to judge on; `None` judges an earlier assessment as of the day it was
/// made (its `assessed_on`), so that "since the last assessment" compares with what it said then.
pub fn scored(
    env: &Env,
    config: &Config,
    catalog: &Catalog,
    path: &Path,
    today: Option<Date>,
) -> Result<Report, Failure> {
    let text = source::read(path, config.limits.max_file_bytes)?;
    let answers = load::answers::load(&text, catalog, config.limits)?;
    let today = today.or(answers.meta.assessed_on).unwrap_or(env.today);
    let assessment = engine::assess(catalog, &answers, today, &config.thresholds);
    let request = GateRequest {
        require: config.gate.require,
        min_score: config.gate.min_score,
        fail_on: config.gate.fail_on,
    };
    let gate = engine::gate::evaluate(catalog, &assessment, request);
    Ok(Report::new(
        catalog,
        &answers,
        &assessment,
        &config.thresholds,
        Some(gate),
    ))
}

/// Comparing two different organisations is allowed (a template against a client), but rarely meant.
pub fn warn_if_other_organisation(env: &Env, before: &Report, after: &Report) {
    if before.organisation != after.organisation {
        env.note(&format!(
            "migready: note: the earlier assessment is of {:?}, the later one of {:?}",
            before.organisation, after.organisation
        ));
    }
}

fn write(env: &Env, path: &Path, text: &str) -> Result<(), Failure> {
    atomic::write(path, text.as_bytes(), Backup::None)
        .map_err(|e| Failure::Usage(format!("cannot write {}: {e}", path.display())))?;
    env.note(&format!("migready: wrote {}", path.display()));
    Ok(())
}
