//! `migready completions SHELL`: prints a completion script for bash, zsh, fish, PowerShell or elvish.

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::commands::{Env, Exit, Failure};

pub fn run(env: &Env, args: &CompletionsArgs) -> Result<Exit, Failure> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "migready", &mut script);
    env.emit(&String::from_utf8_lossy(&script))?;
    Ok(Exit::Success)
}
