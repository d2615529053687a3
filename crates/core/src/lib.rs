//! The core of migready that its build script runs as well: dates, diagnostics, "did you mean",
//! the condition language, the checked catalogue and the loader that reads checklist files into
//! it. `build.rs` compiles the built-in checklists with this crate; the `migready` library
//! re-exports each module at the same path (`migready::expr`, `migready::load::catalog`, ...).

pub mod date;
pub mod diag;
pub mod expr;
pub mod load;
pub mod model;
pub mod suggest;
