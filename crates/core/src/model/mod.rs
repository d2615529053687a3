//! The checked catalogue and the limits on what any input may cost.

pub mod catalog;
mod fingerprint;
pub mod limits;

pub use catalog::{
    AnswerKind, Band, Catalog, Checklist, ChoiceOption, Leadership, Priority, Question, Rule,
    Severity,
};
pub use limits::Limits;
