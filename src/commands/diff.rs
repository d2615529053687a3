//! `migready diff`: PLACEHOLDER, replaced by the helper that implements it.

use crate::cli::DiffArgs;
use crate::commands::{Env, Exit, Failure};

pub fn run(_env: &Env, _args: &DiffArgs) -> Result<Exit, Failure> {
    Err(Failure::Usage(
        "`migready diff` is not implemented yet".into(),
    ))
}
