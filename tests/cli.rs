//! End-to-end cases for every command, one file per case under `tests/cmd/`.
//!
//! Each `.toml` case gives the arguments, the exit code and the exact stdout and stderr; a reviewer
//! reads them like documentation. Regenerate after an intended change with `TRYCMD=overwrite cargo test --test cli`.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        .case("tests/cmd/*.toml");
}
