//! The floor for the whole-process benchmarks: a process that only reads and parses the same
//! YAML files as `migready check`, with the same parser and limits, and does nothing else.
//!
//!   cargo bench --bench floor -- FILE...   (benches/run.sh builds and runs it)

// A benchmark of known-good inputs stops at the first surprise.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout
)]

use std::process::ExitCode;

use migready::diag::{Diagnostics, Sink};
use migready::load::yaml::{self, Node, Value};
use migready::model::Limits;

fn main() -> ExitCode {
    let mut values = 0;
    // `cargo bench` passes `--bench`; everything else is a file.
    for path in std::env::args().skip(1).filter(|a| !a.starts_with("--")) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("floor: cannot read {path}");
            return ExitCode::from(2);
        };
        let mut diags = Diagnostics::default();
        match yaml::parse(&text, Limits::default(), &mut Sink::new(&path, &mut diags)) {
            Some(root) => values += count(&root),
            None => {
                eprintln!("floor: cannot parse {path}");
                return ExitCode::from(2);
            }
        }
    }
    // Printed so that the work cannot be optimised away.
    println!("{values} values");
    ExitCode::SUCCESS
}

fn count(node: &Node) -> usize {
    1 + match &node.value {
        Value::Seq(items) => items.iter().map(count).sum(),
        Value::Map(entries) => entries.iter().map(|(k, v)| count(k) + count(v)).sum(),
        _ => 0,
    }
}
