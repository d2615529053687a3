//! The `migready` binary: parse arguments, run, print failures once, map to an exit code.

use std::process::ExitCode;

use clap::Parser;
use migready::cli::Cli;
use migready::commands::{self, Exit, Failure};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(&cli) {
        Ok(Exit::Success) | Err(Failure::ClosedPipe) => ExitCode::SUCCESS,
        Ok(Exit::GateFailed) => ExitCode::from(1),
        Ok(Exit::SomeInputInvalid) => ExitCode::from(2),
        Ok(Exit::Interrupted) => ExitCode::from(migready::interactive::interrupt::EXIT_CODE),
        Err(Failure::Invalid(diagnostics)) => {
            for d in &diagnostics {
                eprintln!("{d}");
            }
            let errors = diagnostics
                .iter()
                .filter(|d| d.level == migready::diag::Level::Error)
                .count();
            eprintln!(
                "migready: {errors} error{} found",
                if errors == 1 { "" } else { "s" }
            );
            ExitCode::from(2)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("migready: {message}");
            ExitCode::from(2)
        }
    }
}
