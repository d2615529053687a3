//! What the interview looks like at 80×24 and 160×50: its first screen and its closing summary,
//! drawn by a terminal emulator from the bytes a real pseudo-terminal received. No line may be wider
//! than the terminal (the terminal would cut it wherever the edge falls, often inside a word).

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(unix)]

use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use expectrl::{Eof, Expect, Session};

const ENTER: &str = "\r";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("migready-screen-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A pseudo-terminal of `cols`×`rows` and an emulator of the same size that sees every byte.
struct Screen {
    session: expectrl::session::OsSession,
    terminal: vt100::Parser,
}

impl Screen {
    /// `keep` rows of the emulator: the terminal's own for a screen, more to keep a whole summary.
    fn start(cols: u16, rows: u16, keep: u16, dir: &Path, args: &[&str]) -> Screen {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_migready"));
        cmd.args(args)
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .env("TERM", "xterm");
        let mut session = Session::spawn(cmd).expect("the interview starts in a pseudo-terminal");
        session
            .get_process_mut()
            .set_window_size(cols, rows)
            .unwrap();
        session.set_expect_timeout(Some(Duration::from_secs(20)));
        let size = |n| NonZeroU16::new(n).unwrap();
        Screen {
            session,
            terminal: vt100::Parser::new(size(keep), size(cols), 0),
        }
    }

    /// Waits for `text` and draws everything received up to it.
    fn wait_for(&mut self, text: &str) {
        let found = self
            .session
            .expect(text)
            .unwrap_or_else(|e| panic!("{e}: waiting for {text:?}\n{}", self.text()));
        self.terminal.process(found.as_bytes());
    }

    /// Waits for the program to end and draws the rest of what it printed.
    fn wait_for_end(&mut self) {
        let found = self
            .session
            .expect(Eof)
            .unwrap_or_else(|e| panic!("{e}: waiting for the end\n{}", self.text()));
        self.terminal.process(found.as_bytes());
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).unwrap();
    }

    fn text(&self) -> String {
        self.terminal.screen().contents()
    }

    /// No row ran past the right edge into the next.
    fn assert_nothing_wrapped_by_the_terminal(&self) {
        let screen = self.terminal.screen();
        for row in 0..screen.size().0.get() {
            assert!(
                !screen.row_wrapped(row),
                "row {row} is wider than the terminal:\n{}",
                self.text()
            );
        }
    }
}

fn meta(s: &mut Screen) {
    for (prompt, reply) in [
        ("Organisation", "Screen Test Ltd"),
        ("Project", "Mail and files to Microsoft 365"),
        ("Go-live", "2027-06-01"),
        ("Assessed by", "Sam Screen, IT lead"),
    ] {
        s.wait_for(prompt);
        s.send(&format!("{reply}{ENTER}"));
    }
}

fn first_screen(cols: u16, rows: u16) {
    let dir = scratch(&format!("first-{cols}"));
    let mut s = Screen::start(cols, rows, rows, &dir, &["--today", "2026-11-25", "assess"]);
    meta(&mut s);
    s.wait_for("judged at its worst answer until known)");
    let text = s.text();
    for expected in [
        "━━ Area 1 of 5: Identity and access ━━",
        "in all (about",
        "Identity and access  question 1 of ",
        "identity.identity_model",
        "Choose (↑↓ Enter · ? help · u unknown · s skip):",
        "> ",
    ] {
        assert!(text.contains(expected), "{expected:?} not on\n{text}");
    }
    s.assert_nothing_wrapped_by_the_terminal();
    s.send("\x03");
    s.wait_for("Stopped");
}

#[test]
fn the_first_screen_fits_80_by_24() {
    first_screen(80, 24);
}

#[test]
fn the_first_screen_fits_160_by_50() {
    first_screen(160, 50);
}

/// A short interview (one small area of three questions) to its end.
fn summary(cols: u16, rows: u16) -> String {
    let dir = scratch(&format!("summary-{cols}"));
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pty");
    let fixtures = fixtures.to_str().unwrap();
    let args = [
        "--checklists",
        fixtures,
        "--today",
        "2026-11-25",
        "assess",
        "--area",
        "keys",
    ];
    let mut s = Screen::start(cols, rows, 400, &dir, &args);
    meta(&mut s);
    s.wait_for("Tick (");
    s.send(" ");
    s.send(ENTER);
    s.wait_for("Choose (");
    s.send("u");
    s.wait_for("Answer");
    s.send(&format!("7{ENTER}"));
    s.wait_for("Next:");
    // The commands after "Next:" hold the answers file's path, so where they wrap depends on it.
    s.wait_for_end();
    let _ = s.session.get_process().wait();
    s.assert_nothing_wrapped_by_the_terminal();
    s.text()
}

#[test]
fn the_closing_summary_fits_80_by_24() {
    let text = summary(80, 24);
    assert!(text.contains("Screen Test Ltd ·"), "{text}");
    assert!(
        text.contains("judged at its worst answer"),
        "the summary says what `unknown` means:\n{text}"
    );
}

#[test]
fn the_closing_summary_fits_160_by_50() {
    let text = summary(160, 50);
    assert!(text.contains("Verdict:"), "{text}");
}
