//! `migready portfolio`: one row per assessment across many answers files, assessed in parallel.
//!
//! The config and the catalogue are loaded once and shared by every thread; each file is then read
//! and assessed on its own, and the output is built once, at the end, from the sorted rows.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::cli::{PortfolioArgs, PortfolioFormat};
use crate::commands::scoring::{AsOf, GateFlags, Scorer};
use crate::commands::{Env, Exit, Failure};
use crate::date::Date;
use crate::engine::Verdict;
use crate::glob::Glob;
use crate::load::config::FILE_NAME;
use crate::model::Config;
use crate::report::portfolio::{self, Assessed, Invalid, Portfolio, Row, Totals};
use crate::report::terminal::Style;

/// Below this many files the run is over before a bar would be worth reading.
const PROGRESS_MIN_FILES: usize = 20;

pub fn run(env: &Env, args: &PortfolioArgs) -> Result<Exit, Failure> {
    let (config, catalog) = env.load()?;
    let found = find(env, args, &config)?;
    // Flags override the config file, as in `check`; the gate runs only when asked for.
    let gate = args.require.map(|require| {
        let flags = GateFlags {
            require: Some(require.into()),
            ..GateFlags::default()
        };
        flags.request(&config.gate)
    });
    // What every file is assessed against: the same for all, loaded once, shared by reference.
    let scorer = Scorer {
        catalog: &catalog,
        config: &config,
        gate,
    };
    let mut rows = assess_all(env, &scorer, &found.files, args.jobs)?;
    rows.extend(
        found
            .unreadable
            .into_iter()
            .map(|(folder, d)| Row::Invalid(Invalid::new(folder.display().to_string(), &[d]))),
    );
    let mut portfolio = Portfolio {
        today: env.today,
        require: gate.map(|g| g.require),
        rows,
    };
    // The exit code covers every file, whatever `--verdict` leaves on show.
    let totals = portfolio.totals();
    let verdicts: Vec<Verdict> = args.verdict.iter().map(|&v| v.into()).collect();
    portfolio.keep_verdicts(&verdicts);
    portfolio.sort(args.sort.into());
    let format = args.format.unwrap_or(if env.stdout_is_terminal {
        PortfolioFormat::Table
    } else {
        PortfolioFormat::Json
    });
    env.emit_gated(&render(format, &portfolio, &env.style))?;
    Ok(exit_code(env, &totals))
}

/// The answers files the paths name, saying which folders held none.
fn find(
    env: &Env,
    args: &PortfolioArgs,
    config: &Config,
) -> Result<crate::load::discover::Found, Failure> {
    let pattern = match &args.pattern {
        Some(p) => Glob::new(p),
        None => Glob::new(&config.portfolio.pattern).map_err(|e| {
            let file = config.source.as_deref().unwrap_or(Path::new(FILE_NAME));
            format!("{e} (`pattern` under [portfolio] in {})", file.display())
        }),
    }
    .map_err(Failure::Usage)?;
    let found = crate::load::discover::find(&args.paths, &pattern);
    if found.files.is_empty() && found.unreadable.is_empty() {
        return Err(Failure::Usage(format!(
            "no file named like `{pattern}` in {}; nothing to assess (--pattern sets the name)",
            list(&args.paths)
        )));
    }
    for folder in &found.empty {
        env.note(&format!(
            "migready: no file named like `{pattern}` in {}",
            folder.display()
        ));
    }
    Ok(found)
}

/// Invalid files make it 2, whatever `--verdict` left on show; then a failed gate makes it 1.
fn exit_code(env: &Env, totals: &Totals) -> Exit {
    if totals.invalid > 0 {
        let all = totals.invalid + totals.go + totals.conditional + totals.no_go;
        env.note(&format!(
            "migready: {} of {all} files could not be assessed (listed first, each with its error)",
            totals.invalid
        ));
        return Exit::SomeInputInvalid;
    }
    if totals.gate_failed > 0 {
        Exit::GateFailed
    } else {
        Exit::Success
    }
}

fn render(format: PortfolioFormat, p: &Portfolio, style: &Style) -> String {
    match format {
        PortfolioFormat::Table => portfolio::table::render(p, style),
        PortfolioFormat::Json => portfolio::json::render(p),
        PortfolioFormat::Csv => portfolio::csv::render(p),
        PortfolioFormat::Markdown => portfolio::markdown::render(p),
        PortfolioFormat::Html => portfolio::html::render(p),
    }
}

/// Every file on a pool of `jobs` threads (all cores by default, or `RAYON_NUM_THREADS`), in the
/// order given: rayon's `collect` keeps it, whichever thread finishes first.
fn assess_all(
    env: &Env,
    scorer: &Scorer,
    files: &[PathBuf],
    jobs: Option<u16>,
) -> Result<Vec<Row>, Failure> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.map_or(0, usize::from))
        // Workers parse answers files, which recurse once per nesting level.
        .stack_size(crate::model::limits::WORKER_STACK_BYTES)
        .build()
        .map_err(|e| Failure::Usage(format!("cannot start the worker threads: {e}")))?;
    let bar = progress_bar(env, files.len());
    let rows = pool.install(|| {
        files
            .par_iter()
            .map(|file| {
                let row = assess_one(scorer, env.today, file);
                if let Some(bar) = &bar {
                    bar.inc(1);
                }
                row
            })
            .collect()
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(rows)
}

/// One file, from its bytes to its row; any problem becomes an invalid row, never an abort.
fn assess_one(scorer: &Scorer, today: Date, path: &Path) -> Row {
    match scorer.file(path, AsOf::Day(today)) {
        Ok(s) => Row::Assessed(Assessed::new(
            scorer.catalog,
            &s.answers,
            &s.assessment,
            s.gate,
            scorer.config.report.assessment_max_age_days,
        )),
        Err(diags) => Row::Invalid(Invalid::new(path.display().to_string(), &diags)),
    }
}

/// A bar on stderr for people watching a long run; none when piped, quiet or quick.
fn progress_bar(env: &Env, files: usize) -> Option<ProgressBar> {
    if env.global.quiet || files <= PROGRESS_MIN_FILES || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} assessed  {elapsed}") {
        bar.set_style(style.progress_chars("█▓░"));
    }
    Some(bar)
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
