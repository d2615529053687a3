//! The man page as `man` shows it: the examples whole, one per line, and no reference to pages that
//! are not shipped.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

fn man_page() -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_migready"))
        .arg("man")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_page_names_no_page_that_is_not_shipped() {
    let page = man_page();
    assert!(
        !page.contains("(1)"),
        "no migready-check(1) and the like:\n{page}"
    );
    assert!(!page.contains(".SH EXTRA"), "{page}");
    for section in [".SH COMMANDS", ".SH \"MIGREADY CHECK\"", ".SH EXAMPLES"] {
        assert!(page.contains(section), "{section} missing");
    }
}

#[test]
fn the_examples_keep_their_lines() {
    let page = man_page();
    let examples = &page[page.find(".SH EXAMPLES").unwrap()..];
    // Unfilled (.nf … .fi), so each command stays on its own line as it is typed.
    assert!(examples.contains(".nf\n"), "{examples}");
    assert!(examples.contains("\n.fi\n"), "{examples}");
    let commands = examples
        .lines()
        .filter(|l| l.trim_start().starts_with("migready "))
        .count();
    assert!(commands >= 3, "{examples}");
}
