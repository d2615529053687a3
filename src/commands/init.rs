//! `migready init`: PLACEHOLDER, replaced by the helper that implements it.

use crate::cli::InitArgs;
use crate::commands::{Env, Exit, Failure};

pub fn run(_env: &Env, _args: &InitArgs) -> Result<Exit, Failure> {
    Err(Failure::Usage(
        "`migready init` is not implemented yet".into(),
    ))
}
