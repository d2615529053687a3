//! Reading files into the checked model, collecting every problem with its location.
//!
//! The checklist loader lives in the core crate, which the build script uses too; answers and
//! config files, the built-in checklists and checklist folders are read here.

pub mod answer_value;
pub mod answers;
pub mod builtin;
pub mod config;
pub mod config_check;
pub mod discover;
pub mod evidence;
pub mod folders;

pub use migready_core::load::{catalog, checklist, expr_pos, fields, question, risk, source, yaml};
