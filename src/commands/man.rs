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
    let man = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    // clap_mangen's own page would list one page per subcommand (migready-check(1)...), which are not
    // shipped, and put the examples under "EXTRA" with their lines run together: this page has
    // the commands as its own sections and the examples as they are typed.
    let rendered = man
        .render_title(&mut page)
        .and_then(|()| man.render_name_section(&mut page))
        .and_then(|()| man.render_synopsis_section(&mut page))
        .and_then(|()| man.render_description_section(&mut page))
        .and_then(|()| man.render_options_section(&mut page));
    rendered.map_err(|e| Failure::Usage(format!("cannot render the man page: {e}")))?;
    // Each part starts with the same two lines of roff set-up; the page needs them once.
    let mut text = String::new();
    let mut seen = std::collections::HashSet::new();
    for line in String::from_utf8_lossy(&page).lines() {
        let setup = line.starts_with(".ie ") || line.starts_with(".el ");
        if !setup || seen.insert(line.to_owned()) {
            text.push_str(line);
            text.push('\n');
        }
    }
    let subs: Vec<&clap::Command> = command
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .collect();
    commands(&mut text, &subs);
    for sub in &subs {
        subcommand(&mut text, sub);
    }
    if let Some(examples) = command.get_after_help() {
        let _ = writeln!(text, ".SH EXAMPLES");
        let examples = examples.to_string();
        preformatted(&mut text, examples.trim_start_matches("Examples:\n"));
    }
    env.emit(&text)?;
    Ok(Exit::Success)
}

/// The list of commands, each described in its own section of this page.
fn commands(out: &mut String, subs: &[&clap::Command]) {
    let _ = writeln!(out, ".SH COMMANDS");
    let _ = writeln!(
        out,
        "Each command has its own section below; \\fBmigready help <COMMAND>\\fR shows the same."
    );
    for sub in subs {
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        let _ = writeln!(
            out,
            ".TP\n\\fB{}\\fR\n{}",
            escape(sub.get_name()),
            line(&about)
        );
    }
}

/// Lines kept as written (no filling), so that an example reads as it is typed.
fn preformatted(out: &mut String, text: &str) {
    let _ = writeln!(out, ".PP\n.nf");
    for l in text.lines() {
        let _ = writeln!(out, "{}", line(l));
    }
    let _ = writeln!(out, ".fi");
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
        preformatted(out, &examples.to_string());
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
