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
