//! `migready man`: PLACEHOLDER, replaced by the helper that implements it.

use crate::commands::{Env, Exit, Failure};

pub fn run(_env: &Env) -> Result<Exit, Failure> {
    Err(Failure::Usage(
        "`migready man` is not implemented yet".into(),
    ))
}
