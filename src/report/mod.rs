//! Everything migready prints, grouped by what it renders; commands pick a renderer and print.
//!
//! Every renderer reads the `Report` (or the `Portfolio`, the `Since` comparison, the catalogue for
//! `explain`) and nothing else, so a new format never touches the engine. Shared pieces live in
//! their own modules: escaping per target language, plain phrases, finding locations, the terminal
//! table frame.

pub mod baseline;
pub mod check;
pub mod coverage;
pub mod diff;
pub mod escape;
pub mod explain;
pub mod interview;
pub mod leadership;
pub mod location;
pub mod model;
pub mod phrases;
pub mod portfolio;
pub mod terminal;
pub mod words;
pub mod wrap;

pub use model::Report;

use serde::Serialize;

/// JSON as every format prints it: pretty, with a final newline.
pub fn json_text<T: Serialize>(value: &T) -> String {
    // Plain structs of strings and numbers always serialise; an empty object is the safe fallback.
    let mut out = serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".to_owned());
    out.push('\n');
    out
}
