//! The report model and one renderer per output format.
//!
//! Every format renders `Report` and nothing else, so a new format never touches the engine.

pub mod baseline;
pub mod decision;
pub mod escape;
pub mod github;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod model;
pub mod portfolio;
pub mod report_json;
pub mod sarif;
pub mod sections;
pub mod summary;
pub mod table;

pub use model::Report;

use clap::ValueEnum;

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

impl CheckFormat {
    pub fn render(self, report: &Report, style: &table::Style) -> String {
        match self {
            CheckFormat::Table => table::render(report, style),
            CheckFormat::Json => json::render(report),
            CheckFormat::Junit => junit::render(report),
            CheckFormat::Sarif => sarif::render(report),
            CheckFormat::Github => github::render(report),
            CheckFormat::Markdown => summary::render(report),
        }
    }
}
