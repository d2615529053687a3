//! `migready diff`: what changed between two assessments of the same project.
//!
//! The earlier file is judged as of the day it was assessed, the later one as of today, exactly
//! as `report --baseline` does; the comparison is the same "since the last assessment".

use crate::cli::{DiffArgs, DiffFormat};
use crate::commands::report::{scorer, warn_if_other_organisation};
use crate::commands::scoring::AsOf;
use crate::commands::{Env, Exit, Failure};
use crate::report::baseline::Since;
use crate::report::diff;
use crate::report::leadership::{json, markdown};

pub fn run(env: &Env, args: &DiffArgs) -> Result<Exit, Failure> {
    let (config, catalog) = env.load()?;
    let scorer = scorer(&config, &catalog);
    let before = scorer.report(&scorer.file(&args.old, AsOf::Assessed(env.today))?);
    let after = scorer.report(&scorer.file(&args.new, AsOf::Day(env.today))?);
    warn_if_other_organisation(env, &before, &after);
    let since = Since::between(&before, &after);
    // One rule for every command a script reads: a table for people, JSON when piped.
    let format = args.format.unwrap_or(if env.stdout_is_terminal {
        DiffFormat::Table
    } else {
        DiffFormat::Json
    });
    let text = match format {
        DiffFormat::Table => diff::table(&after.organisation, &since, &env.style),
        DiffFormat::Json => json::render_since(&after.organisation, &since),
        DiffFormat::Markdown => markdown::render_since(&after.organisation, &since),
    };
    env.emit(&text)?;
    Ok(Exit::Success)
}
