//! The values a flag accepts, each as clap parses it, and its mapping to the library's own type.

use clap::ValueEnum;

use crate::engine::Verdict;
use crate::model::Require;
use crate::report::portfolio::SortBy;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Html,
    Json,
}

/// A verdict as typed on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VerdictArg {
    Go,
    Conditional,
    NoGo,
}

impl From<VerdictArg> for Verdict {
    fn from(v: VerdictArg) -> Verdict {
        match v {
            VerdictArg::Go => Verdict::Go,
            VerdictArg::Conditional => Verdict::Conditional,
            VerdictArg::NoGo => Verdict::NoGo,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Table,
    Json,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    Answers,
    Config,
    Checklist,
}

impl From<SchemaKind> for crate::schema::Kind {
    fn from(k: SchemaKind) -> crate::schema::Kind {
        match k {
            SchemaKind::Answers => crate::schema::Kind::Answers,
            SchemaKind::Config => crate::schema::Kind::Config,
            SchemaKind::Checklist => crate::schema::Kind::Checklist,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RequireArg {
    Go,
    Conditional,
}

impl From<RequireArg> for Require {
    fn from(r: RequireArg) -> Require {
        match r {
            RequireArg::Go => Require::Go,
            RequireArg::Conditional => Require::Conditional,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExplainFormat {
    Text,
    Json,
}

/// Output formats of `migready check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Human-readable tables (the default on a terminal).
    Table,
    /// The stable JSON contract (the default when piped).
    Json,
    /// JUnit XML: a test suite per checklist, a test case per rule (GitLab, Jenkins).
    Junit,
    /// SARIF 2.1.0 for code scanning, located at the answer lines.
    Sarif,
    /// GitHub Actions annotations on the answer lines that triggered each finding.
    Github,
    /// The short gate summary in markdown, for a pull-request comment.
    Markdown,
}

/// Output formats of `migready portfolio`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PortfolioFormat {
    /// A terminal table (the default on a terminal).
    Table,
    /// One object with `rows` and `totals` (the default when piped).
    Json,
    /// Comma-separated values for a spreadsheet, one line per row.
    Csv,
    /// A markdown table, for a wiki page or a ticket.
    Markdown,
    /// One self-contained page for management: totals, attention list, go-lives soon, a chart.
    Html,
}

/// The order of the portfolio's rows, as typed (see `report::portfolio::SortBy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// NO-GO first, then GO WITH CONDITIONS, then GO; the lowest score first within each.
    Verdict,
    /// The lowest score first.
    Score,
    /// The soonest go-live first.
    GoLive,
    /// By organisation, then project.
    Name,
}

impl From<SortArg> for SortBy {
    fn from(s: SortArg) -> SortBy {
        match s {
            SortArg::Verdict => SortBy::Verdict,
            SortArg::Score => SortBy::Score,
            SortArg::GoLive => SortBy::GoLive,
            SortArg::Name => SortBy::Name,
        }
    }
}

/// `migready import --tenant-mismatch ok`: the one way to import another tenant's results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TenantMismatch {
    Ok,
}
