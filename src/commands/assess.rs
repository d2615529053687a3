//! `migready assess`: PLACEHOLDER, replaced by the helper that implements it.

use crate::cli::AssessArgs;
use crate::commands::{Env, Exit, Failure};

pub fn run(_env: &Env, _args: &AssessArgs) -> Result<Exit, Failure> {
    Err(Failure::Usage(
        "`migready assess` is not implemented yet".into(),
    ))
}
