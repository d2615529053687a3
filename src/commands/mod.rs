//! One module per subcommand; this one holds what they share: loading, output and failures.

pub mod assess;
pub mod check;
pub mod completions;
pub mod diff;
pub mod explain;
pub mod import;
pub mod init;
pub mod lint;
pub mod man;
pub mod portfolio;
pub mod report;
pub mod schema;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::cli::{Cli, ColorChoice, Command, GlobalArgs};
use crate::date::Date;
use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::load::{self, source, source::Source};
use crate::model::{Catalog, Config};
use crate::report::table::Style;

/// How a command ended, when it did its job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Success,
    GateFailed,
    /// The command did its job, but some input could not be used (it says which): exit code 2.
    SomeInputInvalid,
}

/// Why a command could not do its job. Every variant ends with exit code 2, except a closed pipe.
#[derive(Debug)]
pub enum Failure {
    /// Problems in input files, each with its location.
    Invalid(Vec<Diagnostic>),
    /// A request that cannot be carried out, in one sentence.
    Usage(String),
    /// The reader of our output went away (`| head`): stop quietly.
    ClosedPipe,
}

impl From<Diagnostics> for Failure {
    fn from(d: Diagnostics) -> Failure {
        Failure::Invalid(d.into_sorted())
    }
}

impl From<Diagnostic> for Failure {
    fn from(d: Diagnostic) -> Failure {
        Failure::Invalid(vec![d])
    }
}

pub fn run(cli: Cli) -> Result<Exit, Failure> {
    let env = Env::new(&cli.global);
    match &cli.command {
        Command::Check(args) => check::run(&env, args),
        Command::Lint(args) => lint::run(&env, args),
        Command::Explain(args) => explain::run(&env, args),
        Command::Import(args) => import::run(&env, args),
        Command::Assess(args) => assess::run(&env, args),
        Command::Report(args) => report::run(&env, args),
        Command::Diff(args) => diff::run(&env, args),
        Command::Portfolio(args) => portfolio::run(&env, args),
        Command::Init(args) => init::run(&env, args),
        Command::Schema(args) => schema::run(&env, args),
        Command::Completions(args) => completions::run(&env, args),
        Command::Man => man::run(&env),
    }
}

/// What every command reads from its surroundings, gathered once.
pub struct Env<'a> {
    pub global: &'a GlobalArgs,
    pub today: Date,
    pub stdout_is_terminal: bool,
    pub style: Style,
}

impl<'a> Env<'a> {
    fn new(global: &'a GlobalArgs) -> Env<'a> {
        let stdout_is_terminal = std::io::stdout().is_terminal();
        // NO_COLOR wins over everything, `--color always` included: the contract says never.
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = !no_color
            && match global.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => stdout_is_terminal,
            };
        let width = stdout_is_terminal
            .then(|| comfy_table::Table::new().width())
            .flatten();
        Env {
            global,
            today: global.today.unwrap_or_else(Date::today_utc),
            stdout_is_terminal,
            style: Style { color, width },
        }
    }

    /// The config file in force: `--config`, else the nearest `migready.toml`.
    pub fn config(&self) -> Result<(Config, Option<Source>), Failure> {
        let path = match &self.global.config {
            Some(p) => Some(p.clone()),
            None => std::env::current_dir()
                .ok()
                .and_then(|d| load::config::discover(&d)),
        };
        let Some(path) = path else {
            return Ok((Config::default(), None));
        };
        // The config's own limits are not known before it is read.
        let source = source::read(&path, load::Limits::default().max_file_bytes)?;
        let config = load::config::parse(&source, &path)?;
        Ok((config, Some(source)))
    }

    /// The catalogue: built-in checklists, then configured folders, then `--checklists`, then `extra` files.
    pub fn catalog(&self, config: &Config, extra: &[PathBuf]) -> Result<Catalog, Failure> {
        let custom = !config.checklists.is_empty() || !self.global.checklists.is_empty();
        // The common case (no custom checklists) uses the catalogue compiled at build time.
        if !custom
            && extra.is_empty()
            && let Some(catalog) = load::builtin::catalog()
        {
            return Ok(catalog);
        }
        let limits = config.limits;
        let mut sources = load::builtin::sources();
        let mut diags = Diagnostics::default();
        let mut files = Vec::new();
        for dir in config.checklists.iter().chain(&self.global.checklists) {
            files.extend(yaml_files(dir)?);
            if files.len() > limits.max_checklist_files {
                return Err(Diagnostic::error(
                    &dir.display().to_string(),
                    Pos::new(1, 1),
                    Code::LimitExceeded,
                    format!(
                        "the checklist folders hold more than {} YAML files {}",
                        limits.max_checklist_files,
                        load::limits::hint("max_checklist_files")
                    ),
                )
                .into());
            }
        }
        for file in files.iter().chain(extra) {
            match source::read(file, limits.max_file_bytes) {
                Ok(s) => sources.push(s),
                Err(d) => diags.push(d),
            }
        }
        let catalog = load::catalog::load(&sources, limits);
        match catalog {
            Ok(c) if diags.is_empty() => Ok(c),
            Ok(_) => Err(diags.into()),
            Err(more) => {
                diags.extend(more);
                Err(diags.into())
            }
        }
    }

    /// The config and the catalogue it names, cross-checked.
    pub fn load(&self) -> Result<(Config, Catalog), Failure> {
        let (config, config_source) = self.config()?;
        let catalog = self.catalog(&config, &[])?;
        if let Some(source) = &config_source {
            let diags = load::config::check_against(&config, source, &catalog);
            if diags.has_errors() {
                return Err(diags.into());
            }
        }
        Ok((config, catalog))
    }

    /// Writes data to stdout; a closed pipe becomes `Failure::ClosedPipe`.
    pub fn emit(&self, text: &str) -> Result<(), Failure> {
        let mut out = std::io::stdout().lock();
        match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Failure::ClosedPipe),
            Err(e) => Err(Failure::Usage(format!(
                "cannot write to standard output: {e}"
            ))),
        }
    }

    /// A note for people, on stderr; silent with `--quiet`.
    pub fn note(&self, text: &str) {
        if !self.global.quiet {
            eprintln!("{text}");
        }
    }
}

/// The `*.yaml` / `*.yml` files of a checklist folder, sorted so that results never depend on disk order.
pub fn yaml_files(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Failure::Usage(format!(
            "cannot read checklist folder {}: {e}",
            dir.display()
        ))
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && is_yaml(p))
        .collect();
    files.sort();
    Ok(files)
}

pub fn is_yaml(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}
