//! migready: readiness checklists, a rule engine and a go/no-go gate for IT migrations.
//!
//! The library is what the binary and the tests share. Data flows one way:
//! `load` reads files into the checked `model`, `engine` scores it without I/O,
//! `report` renders the result, and `commands` glue the three for each subcommand.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod atomic;
pub mod cli;
pub mod commands;
pub mod date;
pub mod diag;
pub mod engine;
pub mod evidence;
pub mod glob;
pub mod interactive;
pub mod load;
pub mod model;
pub mod report;
pub mod schema;
pub mod suggest;
