//! `migready man`: prints the man page (roff): the main page, then a section per subcommand.
//!
//! One page rather than one per subcommand, so that `migready man > migready.1` installs everything.

use std::fmt::Write;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::commands::{Env, Exit, Failure};

pub fn run(env: &Env) -> Result<Exit, Failure> {
    let mut command = Cli::command();
    command.build();
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone())
        .render(&mut page)
        .map_err(|e| Failure::Usage(format!("cannot render the man page: {e}")))?;
    let mut text = String::from_utf8_lossy(&page).into_owned();
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        subcommand(&mut text, sub);
    }
    env.emit(&text)?;
    Ok(Exit::Success)
}

/// A section for one subcommand: what it does, its usage, its own options and its examples.
fn subcommand(out: &mut String, sub: &clap::Command) {
    let name = format!("migready {}", sub.get_name());
    let _ = writeln!(out, ".SH \"{}\"", escape(&name.to_uppercase()));
    if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
        let _ = writeln!(out, "{}", line(&about.to_string()));
    }
    let usage = sub.clone().bin_name(&name).render_usage().to_string();
    let usage = usage.trim_start_matches("Usage: ");
    let _ = writeln!(out, ".PP\n\\fB{}\\fR", escape(usage));
    // --help and --version are the same everywhere; the main page describes them.
    let own = sub.get_arguments().filter(|a| {
        !a.is_hide_set() && !a.is_global_set() && !matches!(a.get_id().as_str(), "help" | "version")
    });
    for arg in own {
        let Some(help) = arg.get_help() else {
            continue;
        };
        let mut text = help.to_string();
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_owned())
            .collect();
        if !values.is_empty() {
            text.push_str(&format!(" (one of: {})", values.join(", ")));
        }
        let _ = writeln!(
            out,
            ".TP\n\\fB{}\\fR\n{}",
            escape(&arg_name(arg)),
            line(&text)
        );
    }
    if let Some(examples) = sub.get_after_help() {
        let _ = writeln!(out, ".PP\n.nf");
        for l in examples.to_string().lines() {
            let _ = writeln!(out, "{}", line(l));
        }
        let _ = writeln!(out, ".fi");
    }
}

/// `--format <FORMAT>`, `-o, --output <OUT>` or `<FILE>`, as `--help` shows it.
fn arg_name(arg: &clap::Arg) -> String {
    let value = arg
        .get_value_names()
        .and_then(|v| v.first())
        .map_or_else(|| arg.get_id().as_str().to_uppercase(), ToString::to_string);
    let takes_value = arg.get_num_args().is_some_and(|n| n.takes_values());
    match (arg.get_short(), arg.get_long()) {
        (Some(s), Some(l)) if takes_value => format!("-{s}, --{l} <{value}>"),
        (Some(s), Some(l)) => format!("-{s}, --{l}"),
        (None, Some(l)) if takes_value => format!("--{l} <{value}>"),
        (None, Some(l)) => format!("--{l}"),
        (Some(s), None) => format!("-{s}"),
        (None, None) => format!("<{value}>"),
    }
}

/// A line of text that roff will not mistake for a request.
fn line(s: &str) -> String {
    let escaped = escape(s);
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\e").replace('-', "\\-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roff_requests_and_escapes_are_neutralised() {
        assert_eq!(line(".bad"), "\\&.bad");
        assert_eq!(line("a\\b --x"), "a\\eb \\-\\-x");
    }
}
