//! `migready completions`: PLACEHOLDER, replaced by the helper that implements it.

use crate::cli::CompletionsArgs;
use crate::commands::{Env, Exit, Failure};

pub fn run(_env: &Env, _args: &CompletionsArgs) -> Result<Exit, Failure> {
    Err(Failure::Usage(
        "`migready completions` is not implemented yet".into(),
    ))
}
