//! `migready report`: the go/no-go brief for leadership, in markdown, HTML or JSON.
//!
//! The report is not a gate: it exits 0 whatever the verdict, and 2 on invalid input.

use std::path::Path;

use crate::atomic::{self, Backup};
use crate::cli::{ReportArgs, ReportFormat};
use crate::commands::scoring::{AsOf, GateFlags, Scorer};
use crate::commands::{Env, Exit, Failure};
use crate::model::{Catalog, Config};
use crate::report::Report;
use crate::report::leadership::{html, json, markdown};

pub fn run(env: &Env, args: &ReportArgs) -> Result<Exit, Failure> {
    let (config, catalog) = env.load()?;
    let scorer = scorer(&config, &catalog);
    let mut report = scorer.report(&scorer.file(&args.file, AsOf::Day(env.today))?);
    if let Some(old) = &args.baseline {
        let baseline = scorer.report(&scorer.file(old, AsOf::Assessed(env.today))?);
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

/// `report` and `diff` gate with the config file's settings, so that the report says what `check` would.
pub fn scorer<'a>(config: &'a Config, catalog: &'a Catalog) -> Scorer<'a> {
    Scorer {
        catalog,
        config,
        gate: Some(GateFlags::default().request(&config.gate)),
    }
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
