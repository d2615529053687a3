//! The report model and one renderer per output format.
//!
//! Every format renders `Report` and nothing else, so a new format never touches the engine.

pub mod json;
pub mod model;
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
}

impl CheckFormat {
    pub fn render(self, report: &Report, style: &table::Style) -> String {
        match self {
            CheckFormat::Table => table::render(report, style),
            CheckFormat::Json => json::render(report),
        }
    }
}
