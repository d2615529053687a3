//! Command-line types only: what a user can type. Behaviour lives in `commands`.

use std::path::PathBuf;

mod values;

use clap::{Args, Parser, Subcommand};

use crate::date::Date;
use crate::model::Severity;

pub use values::*;

const EXAMPLES: &str = "\
Examples:
  migready check answers.yaml                  Gate: exit 0 pass, 1 fail, 2 invalid input
  migready check answers.yaml --require go     Fail unless the verdict is GO
  migready check answers.yaml --format json    The JSON contract, for scripts
  migready lint                                Validate the checklists in use
  migready explain identity.mfa_coverage       What a question asks, and which rules read it
  migready explain --list                      Every question and rule id
  migready portfolio clients/                  One table across every client's answers file";

#[derive(Debug, Parser)]
#[command(
    name = "migready",
    version,
    about = "Tells an IT team whether it is ready to start a migration, and what must happen first",
    after_help = EXAMPLES,
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Folder of extra checklists; one with a built-in's id replaces it (repeatable)
    #[arg(long, global = true, value_name = "DIR")]
    pub checklists: Vec<PathBuf>,
    /// Config file [default: migready.toml in this folder or a parent]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Judge dates as of this day instead of the system date
    #[arg(long, global = true, env = "MIGREADY_TODAY", value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<Date>,
    /// When to use colour (NO_COLOR, when set, always turns it off)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Print only errors (and the data asked for)
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Gate a pipeline on a committed answers file (exit 0 pass, 1 fail, 2 invalid)
    #[command(after_help = "Examples:
  migready check answers.yaml
  migready check answers.yaml --require go --min-score 70
  migready check answers.yaml --fail-on high --format json
  migready check answers.yaml --format github        Annotations on the answer lines (GitHub Actions)
  migready check answers.yaml --format sarif > migready.sarif
  migready check answers.yaml --format junit > migready-junit.xml
  migready check answers.yaml --format markdown      Short summary for a pull-request comment")]
    Check(CheckArgs),
    /// Validate checklists, answers and config files without scoring
    #[command(after_help = "Examples:
  migready lint                          The built-in checklists (and those configured)
  migready lint answers.yaml             An answers file against them
  migready lint our-checklists/ migready.toml")]
    Lint(LintArgs),
    /// Show a question or a rule: text, help, options, conditions, references
    #[command(after_help = "Examples:
  migready explain identity.mfa_coverage
  migready explain IDN-001
  migready explain --list
  migready explain --list --format json   The whole catalogue, for scripts")]
    Explain(ExplainArgs),
    /// Interview the team: ask the unanswered questions area by area, saving after every answer
    #[command(after_help = "Examples:
  migready assess                              Create or continue answers.yaml
  migready assess --answers client-a.yaml --area identity
  migready assess --review                     Walk through answered questions too")]
    Assess(AssessArgs),
    /// Write the go/no-go report that leadership reads (markdown, html or json)
    #[command(after_help = "Examples:
  migready report answers.yaml > readiness.md
  migready report answers.yaml --format html -o readiness.html
  migready report answers.yaml --baseline answers-september.yaml")]
    Report(ReportArgs),
    /// Fill in and check answers from ScubaGear or Maester results (JSON) of the tenant
    #[command(after_help = "Examples:
  migready import ScubaResults_fa5589b7-d528-4f80.json
  migready import TestResults-2026-11-20-101500.json --answers client-a.yaml
  migready import results/*.json --dry-run         Show what would change, write nothing

A person's answer is never changed: where the results disagree, they are recorded beside it and
listed. Exit 2, with nothing written, for a file that is not a results file or a tenant that is not
the answers file's `meta.tenant_id`.")]
    Import(ImportArgs),
    /// What changed between two assessments
    #[command(after_help = "Examples:
  migready diff answers-september.yaml answers.yaml
  migready diff old.yaml new.yaml --format markdown")]
    Diff(DiffArgs),
    /// One table across many assessments (an MSP's clients): files or folders, assessed in parallel
    #[command(after_help = "Examples:
  migready portfolio clients/                        Every *answers.y*ml under clients/, worst first
  migready portfolio clients/ --sort go-live         Soonest go-live first
  migready portfolio clients/ --verdict no-go,conditional
  migready portfolio clients/ --format csv > portfolio.csv
  migready portfolio clients/ --require go           Exit 1 unless every assessment is GO

Exit codes: 2 if any file is invalid (it is still listed, with its error), else 1 if --require is
given and an assessment fails it, else 0. RAYON_NUM_THREADS sets the threads, like --jobs.")]
    Portfolio(PortfolioArgs),
    /// Write a commented migready.toml and a starter answers.yaml in this folder
    #[command(after_help = "Examples:
  migready init              Refuses (exit 2) if either file exists; writes nothing then
  migready init --force      Replaces them, keeping migready.toml.bak and answers.yaml.bak")]
    Init(InitArgs),
    /// Print the JSON Schema (draft 2020-12) of an answers, config or checklist file
    #[command(after_help = "Examples:
  migready schema > answers.schema.json      With the questions of the checklists in use
  migready schema config
  migready schema checklist")]
    Schema(SchemaArgs),
    /// Print shell completions
    #[command(after_help = "Examples:
  migready completions bash > ~/.local/share/bash-completion/completions/migready
  migready completions zsh > ~/.zfunc/_migready
  migready completions fish > ~/.config/fish/completions/migready.fish
  migready completions powershell >> $PROFILE")]
    Completions(CompletionsArgs),
    /// Print the man page (roff)
    #[command(after_help = "Examples:
  migready man | man -l -
  migready man > /usr/local/share/man/man1/migready.1")]
    Man,
}

/// Arguments of `migready assess` (see `commands::assess`).
#[derive(Debug, Clone, Args)]
pub struct AssessArgs {
    /// The answers file to create or continue
    #[arg(long, value_name = "FILE", default_value = "answers.yaml")]
    pub answers: PathBuf,
    /// Only this checklist (area), e.g. identity
    #[arg(long, value_name = "AREA")]
    pub area: Option<String>,
    /// Walk through answered questions too, with the current answer as the default
    #[arg(long)]
    pub review: bool,
}

/// Arguments of `migready import` (see `commands::import`).
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// ScubaGear (ScubaResults*.json) or Maester (TestResults-*.json) results, recognised by content
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The answers file to fill in
    #[arg(long, value_name = "FILE", default_value = "answers.yaml")]
    pub answers: PathBuf,
    /// `ok`: import results of a tenant other than the answers file's `meta.tenant_id`
    #[arg(long, value_enum, value_name = "ok")]
    pub tenant_mismatch: Option<TenantMismatch>,
    /// Show what the import would do without writing the answers file
    #[arg(long)]
    pub dry_run: bool,
}

/// Arguments of `migready report` (see `commands::report`).
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The answers file
    pub file: PathBuf,
    /// Write the report here (atomically) instead of to stdout
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
    pub format: ReportFormat,
    /// An earlier answers file: adds "since the last assessment"
    #[arg(long, value_name = "OLD")]
    pub baseline: Option<PathBuf>,
    /// Markdown only: add a mermaid chart of the priorities (GitHub and GitLab draw it)
    #[arg(long)]
    pub mermaid: bool,
}

/// Arguments of `migready diff` (see `commands::diff`).
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier answers file
    pub old: PathBuf,
    /// The later answers file
    pub new: PathBuf,
    /// Output format [default: table on a terminal, json otherwise]
    #[arg(long, value_enum)]
    pub format: Option<DiffFormat>,
}

/// Arguments of `migready portfolio` (see `commands::portfolio`).
#[derive(Debug, Args)]
pub struct PortfolioArgs {
    /// Answers files (taken whatever their name) or folders (searched recursively)
    #[arg(required = true, value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Output format [default: table on a terminal, json otherwise]
    #[arg(long, value_enum)]
    pub format: Option<PortfolioFormat>,
    /// Row order; invalid files always come first, and ties go by file path
    #[arg(long, value_enum, default_value_t = SortArg::Verdict)]
    pub sort: SortArg,
    /// Show only these verdicts (repeatable or comma-separated); invalid files are always shown
    #[arg(long, value_enum, value_delimiter = ',', value_name = "VERDICT")]
    pub verdict: Vec<VerdictArg>,
    /// Gate every assessment as `check --require` does (with the config's [gate] settings); exit 1 if one fails
    #[arg(long, value_enum)]
    pub require: Option<RequireArg>,
    /// File names to take in folders [default: the config's [portfolio] pattern, else *answers.y*ml]
    #[arg(long, value_name = "GLOB")]
    pub pattern: Option<String>,
    /// Threads to assess with [default: all cores, or RAYON_NUM_THREADS]; 1 runs one file at a time
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

/// Arguments of `migready init` (see `commands::init`).
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Overwrite existing files, keeping each as NAME.bak
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `migready schema` (see `commands::schema`).
#[derive(Debug, Args)]
pub struct SchemaArgs {
    #[arg(value_enum, default_value_t = SchemaKind::Answers)]
    pub kind: SchemaKind,
}

/// Arguments of `migready completions` (see `commands::completions`).
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The answers file
    pub file: PathBuf,
    /// Output format [default: table on a terminal, json otherwise]
    #[arg(long, value_enum)]
    pub format: Option<CheckFormat>,
    /// Fail when the overall score is below N (0-100)
    #[arg(long, value_name = "N", value_parser = parse_score)]
    pub min_score: Option<f64>,
    /// Fail on any unwaived finding of this severity or worse
    #[arg(long, value_name = "SEVERITY", value_parser = parse_severity)]
    pub fail_on: Option<Severity>,
    /// The verdict the gate requires: `conditional` fails only NO-GO, `go` fails anything short of GO
    #[arg(long, value_enum)]
    pub require: Option<RequireArg>,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Checklist, answers or config files, or folders of them
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A question id (identity.mfa_coverage) or a rule id (IDN-001)
    #[arg(required_unless_present = "list")]
    pub id: Option<String>,
    /// List every question and rule id
    #[arg(long, conflicts_with = "id")]
    pub list: bool,
    #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
    pub format: ExplainFormat,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse()
}

fn parse_score(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(n) if (0.0..=100.0).contains(&n) => Ok(n),
        _ => Err(format!("`{s}` is not a score from 0 to 100")),
    }
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    Severity::parse(s)
        .ok_or_else(|| format!("`{s}` is not a severity; use critical, high, medium, low or info"))
}
