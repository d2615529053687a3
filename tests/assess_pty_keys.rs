//! The keys of the interview's lists, through a real pseudo-terminal: `?` shows the help where the
//! user is, `u` answers unknown, `s` skips, `b` goes back, ticks survive a mistake, and a count
//! refuses a fraction.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use expectrl::{Expect, Session};

const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("migready-keys-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The interview over the small `keys` checklist alone, its meta block answered.
fn keys_interview(dir: &Path) -> expectrl::session::OsSession {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pty");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_migready"));
    cmd.arg("--checklists")
        .arg(&fixtures)
        .args(["--today", "2026-11-25", "assess", "--area", "keys"])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut s = Session::spawn(cmd).expect("the interview starts in a pseudo-terminal");
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    for (prompt, reply) in [
        ("Organisation", "Keys Ltd"),
        ("Project", "Key test"),
        ("Go-live", "2027-06-01"),
        ("Assessed by", "Kim Keys, IT lead"),
    ] {
        s.expect(prompt).unwrap();
        s.send(format!("{reply}{ENTER}")).unwrap();
    }
    s.expect("keys.channels").unwrap();
    s
}

fn answers(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("answers.yaml")).unwrap()
}

fn stop(mut s: expectrl::session::OsSession) {
    s.send("\x03").unwrap();
    s.expect("Stopped").unwrap();
    let _ = s.get_process().wait();
}

#[test]
fn the_prompt_line_names_the_keys_and_back_appears_once_there_is_something_to_go_back_to() {
    let dir = scratch("line");
    let mut s = keys_interview(&dir);
    s.expect("Tick (↑↓ · Space ticks · Enter · ? help · u unknown · s skip):")
        .unwrap();
    s.send("s").unwrap();
    s.expect("keys.signed").unwrap();
    s.expect("Choose (↑↓ Enter · ? help · u unknown · s skip · b back):")
        .unwrap();
    stop(s);
}

#[test]
fn question_mark_shows_the_help_and_the_list_comes_back() {
    let dir = scratch("help");
    let mut s = keys_interview(&dir);
    s.send("s").unwrap();
    s.expect("keys.signed").unwrap();
    s.expect("Choose (").unwrap();
    s.send("?").unwrap();
    s.expect("A statement of work names what each vendor does")
        .unwrap();
    s.expect("More: migready explain keys.signed").unwrap();
    s.expect("Choose (").unwrap();
    s.send(ENTER).unwrap(); // the list is back, on Yes
    s.expect("keys.admins").unwrap();
    assert!(
        answers(&dir).contains("  keys.signed: yes\n"),
        "{}",
        answers(&dir)
    );
    stop(s);
}

#[test]
fn u_answers_unknown_and_it_is_counted_apart() {
    let dir = scratch("unknown");
    let mut s = keys_interview(&dir);
    s.send("u").unwrap();
    s.expect("✔ unknown").unwrap();
    // Asked, but open: the progress line above the next question does not count it as answered.
    s.expect("0/3 answered · 1 unknown").unwrap();
    s.expect("keys.signed").unwrap();
    assert!(
        answers(&dir).contains("  keys.channels: unknown\n"),
        "{}",
        answers(&dir)
    );
    stop(s);
}

#[test]
fn s_skips_and_b_goes_back() {
    let dir = scratch("skip-back");
    let mut s = keys_interview(&dir);
    s.send("s").unwrap();
    s.expect("✔ skipped").unwrap();
    s.expect("keys.signed").unwrap();
    s.expect("Choose (").unwrap();
    s.send("b").unwrap();
    s.expect("✔ back").unwrap();
    s.expect("keys.channels").unwrap();
    s.expect("Tick (").unwrap();
    assert!(
        !answers(&dir).contains("keys.channels"),
        "{}",
        answers(&dir)
    );
    stop(s);
}

#[test]
fn a_mistake_in_a_multiple_choice_keeps_the_ticks() {
    let dir = scratch("ticks");
    let mut s = keys_interview(&dir);
    s.expect("Tick (").unwrap();
    // Email and unknown together: refused, and the list comes back with both still ticked.
    s.send(" ").unwrap();
    for _ in 0..3 {
        s.send(DOWN).unwrap();
    }
    s.send(" ").unwrap();
    s.send(ENTER).unwrap();
    s.expect("not both. Your ticks are kept").unwrap();
    s.expect("[x] Email").unwrap();
    // Untick unknown (the highlight is still on it) and confirm Email alone.
    s.send(" ").unwrap();
    s.send(ENTER).unwrap();
    s.expect("✔ Email").unwrap();
    s.expect("keys.signed").unwrap();
    assert!(
        answers(&dir).contains("  keys.channels: [email]\n"),
        "{}",
        answers(&dir)
    );
    stop(s);
}

#[test]
fn a_count_refuses_a_fraction() {
    let dir = scratch("count");
    let mut s = keys_interview(&dir);
    s.send("s").unwrap();
    s.expect("keys.signed").unwrap();
    s.expect("Choose (").unwrap();
    s.send("s").unwrap();
    s.expect("keys.admins").unwrap();
    s.expect("Answer").unwrap();
    s.send(format!("4.5{ENTER}")).unwrap();
    s.expect("`4.5` is not a whole number").unwrap();
    s.send(format!("4{ENTER}")).unwrap();
    s.expect("Verdict:").unwrap();
    let _ = s.get_process().wait();
    assert!(
        answers(&dir).contains("  keys.admins: 4\n"),
        "{}",
        answers(&dir)
    );
}
