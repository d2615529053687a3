//! `migready schema`: PLACEHOLDER, replaced by the helper that implements it.

use crate::cli::SchemaArgs;
use crate::commands::{Env, Exit, Failure};

pub fn run(_env: &Env, _args: &SchemaArgs) -> Result<Exit, Failure> {
    Err(Failure::Usage(
        "`migready schema` is not implemented yet".into(),
    ))
}
