//! The checked model: what the files mean once every problem has been ruled out.

pub mod answers;
pub mod config;
pub mod evidence;

// The catalogue and the limits live in the core crate, which the build script uses too.
pub use migready_core::model::{catalog, limits};

pub use answers::{AnswerEntry, AnswerValue, Answers, Meta, Waiver};
pub use catalog::{
    AnswerKind, Band, Catalog, Checklist, ChoiceOption, Priority, Question, Rule, Severity,
};
pub use config::{Config, GateConfig, PortfolioConfig, Require, Thresholds};
pub use evidence::{Outcome, TenantEvidence, Tool};
pub use limits::Limits;
