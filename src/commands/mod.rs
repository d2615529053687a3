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
pub mod scoring;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use crate::cli::{Cli, ColorChoice, Command, GlobalArgs};
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::folders::FolderError;
use crate::load::{self, source, source::Source};
use crate::model::{Catalog, Config};
use crate::report::terminal::Style;

/// How a command ended, when it did its job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Success,
    GateFailed,
    /// The command did its job, but some input could not be used (it says which): exit code 2.
    SomeInputInvalid,
    /// The interview was stopped (Ctrl-C or a closed terminal) after saying what is saved: 130.
    Interrupted,
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

impl From<Vec<Diagnostic>> for Failure {
    fn from(d: Vec<Diagnostic>) -> Failure {
        Failure::Invalid(d)
    }
}

impl From<Diagnostic> for Failure {
    fn from(d: Diagnostic) -> Failure {
        Failure::Invalid(vec![d])
    }
}

pub fn run(cli: &Cli) -> Result<Exit, Failure> {
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
        let source = source::read(&path, crate::model::Limits::default().max_file_bytes)?;
        let config = load::config::parse(&source, &path)?;
        Ok((config, Some(source)))
    }

    /// The catalogue: built-in checklists, then configured folders, then `--checklists`, then `extra`
    /// files; then the findings tenant evidence can raise against their questions.
    pub fn catalog(&self, config: &Config, extra: &[PathBuf]) -> Result<Catalog, Failure> {
        let catalog = self.checklists(config, extra)?;
        let (map, _) = crate::evidence::mapping::builtin(&catalog);
        Ok(crate::evidence::rules::add(catalog, &map))
    }

    fn checklists(&self, config: &Config, extra: &[PathBuf]) -> Result<Catalog, Failure> {
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
        let dirs = config.checklists.iter().chain(&self.global.checklists);
        let files = load::folders::checklist_files(dirs, limits).map_err(|e| match e {
            FolderError::Unreadable(message) => Failure::Usage(message),
            FolderError::TooMany(d) => Failure::from(d),
        })?;
        // A file named on the command line that a checklist folder already holds (as pre-commit passes
        // the changed files) is loaded once, not reported as a duplicate of itself.
        let known: Vec<PathBuf> = files.iter().filter_map(|f| f.canonicalize().ok()).collect();
        let extra = extra
            .iter()
            .filter(|f| f.canonicalize().map_or(true, |c| !known.contains(&c)));
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

    /// Warns on stderr when go-live has passed: the answers are then judged after go-live, when the
    /// run-up rules no longer apply, which is rarely what a team re-running an old file means.
    pub fn warn_past_go_live(&self, answers: &crate::model::Answers) {
        if let Some(go_live) = answers.meta.go_live.filter(|g| *g < self.today) {
            self.note(&format!(
                "{}: warning[{}]: go-live ({go_live}) is before today ({}): the assessment is judged after go-live; set the new date in `meta.go_live` if it moved",
                answers.file,
                crate::diag::Code::PastGoLive,
                self.today
            ));
        }
    }

    /// Writes a gate's output; a reader that went away (`| head`) does not change the gate's exit
    /// code, so `set -o pipefail` in CI still sees a failing gate fail.
    pub fn emit_gated(&self, text: &str) -> Result<(), Failure> {
        match self.emit(text) {
            Err(Failure::ClosedPipe) => Ok(()),
            other => other,
        }
    }

    /// A note for people, on stderr; silent with `--quiet`.
    pub fn note(&self, text: &str) {
        if !self.global.quiet {
            eprintln!("{text}");
        }
    }
}
