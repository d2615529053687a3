//! `migready schema`: prints the JSON Schema of an answers, config or checklist file.
//!
//! The answers schema lists the questions of the catalogue in use, so checklists added with
//! `--checklists` or the config file appear in it too.

use crate::cli::{SchemaArgs, SchemaKind};
use crate::commands::{Env, Exit, Failure};

pub fn run(env: &Env, args: &SchemaArgs) -> Result<Exit, Failure> {
    let catalog = match args.kind {
        SchemaKind::Answers => env.load()?.1,
        // Neither schema depends on the catalogue: skip loading it, and any config problem with it.
        SchemaKind::Config | SchemaKind::Checklist => crate::model::Catalog::default(),
    };
    env.emit(&crate::schema::render(args.kind.into(), &catalog))?;
    Ok(Exit::Success)
}
