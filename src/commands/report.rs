//! `migready report`: PLACEHOLDER, replaced by the helper that implements it.

use crate::cli::ReportArgs;
use crate::commands::{Env, Exit, Failure};

pub fn run(_env: &Env, _args: &ReportArgs) -> Result<Exit, Failure> {
    Err(Failure::Usage(
        "`migready report` is not implemented yet".into(),
    ))
}
