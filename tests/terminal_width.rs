//! `explain --list` and the portfolio table on a terminal 80 columns wide: every line fits, so the
//! terminal never cuts a word or a file path where its edge falls.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(unix)]

use std::io::Read;
use std::num::NonZeroU16;
use std::process::Command;
use std::time::Duration;

use expectrl::Session;

/// Runs migready in a pseudo-terminal `cols` wide and draws its whole output in an emulator as wide.
fn drawn(cols: u16, args: &[&str]) -> (vt100::Parser, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_migready"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut session = Session::spawn(cmd).unwrap();
    session.get_process_mut().set_window_size(cols, 24).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    let mut bytes = Vec::new();
    // Reading ends when the program has exited and the terminal is closed (EIO on Linux).
    let _ = session.read_to_end(&mut bytes);
    let mut terminal = vt100::Parser::new(
        NonZeroU16::new(2000).unwrap(),
        NonZeroU16::new(cols).unwrap(),
        0,
    );
    terminal.process(&bytes);
    let text = terminal.screen().contents();
    (terminal, text)
}

fn assert_nothing_wrapped_by_the_terminal(terminal: &vt100::Parser, text: &str) {
    let screen = terminal.screen();
    for row in 0..screen.size().0.get() {
        assert!(!screen.row_wrapped(row), "row {row} is too wide:\n{text}");
    }
}

#[test]
fn explain_list_wraps_to_80_columns_at_word_boundaries() {
    let (terminal, text) = drawn(80, &["explain", "--list"]);
    assert!(text.contains("identity.mfa_coverage"), "{text}");
    assert_nothing_wrapped_by_the_terminal(&terminal, &text);
    // At 80 columns the ids and tags leave too little room beside them: each text goes on the
    // line under its id, indented, and wraps there.
    assert!(
        text.contains("  identity.mfa_coverage")
            && text.contains("\n      Which users must use multi-factor"),
        "{text}"
    );
}

#[test]
fn the_portfolio_table_fits_80_columns_and_breaks_paths_after_a_slash() {
    let (terminal, text) = drawn(
        80,
        &[
            "portfolio",
            "--today",
            "2026-11-25",
            "--format",
            "table",
            "examples/summit-accounting/answers.yaml",
            "examples/harbor-logistics/answers.yaml",
            "examples/lakeside-dental/answers.yaml",
        ],
    );
    assert!(text.contains("Harbor Logistics"), "{text}");
    assert_nothing_wrapped_by_the_terminal(&terminal, &text);
    assert!(text.contains("examples/summit-accounting/"), "{text}");
    assert!(text.contains("answers.yaml"), "{text}");
    assert!(!text.contains("accountin "), "a name cut in two:\n{text}");
    assert!(text.contains("3 blockers"), "figures stacked:\n{text}");
}

#[test]
fn explain_of_a_rule_or_a_question_reflows_its_prose_to_80_columns() {
    let (terminal, text) = drawn(80, &["explain", "COM-001"]);
    assert_nothing_wrapped_by_the_terminal(&terminal, &text);
    // The checklist's own line breaks (at 117 columns) are gone: a step wraps under its text.
    assert!(
        text.contains("  2. Write the go criteria: no open blockers, pilot signed off, rollback plan\n     ready,"),
        "{text}"
    );
    let (terminal, text) = drawn(80, &["explain", "identity.break_glass"]);
    assert_nothing_wrapped_by_the_terminal(&terminal, &text);
    assert!(
        text.contains("Asked when") || text.contains("Feeds:"),
        "{text}"
    );
}
