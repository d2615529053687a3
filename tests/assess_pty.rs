//! `migready assess` through a real pseudo-terminal: answers survive SIGKILL, a second run resumes,
//! and Ctrl-C says what was saved and ends with 130.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::{Signal, WaitStatus};
use expectrl::{Expect, Session};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("migready-pty-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn assess(dir: &Path) -> expectrl::session::OsSession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_migready"));
    cmd.args(["--today", "2026-11-25", "assess"])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut session = Session::spawn(cmd).expect("the interview starts in a pseudo-terminal");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

const ENTER: &str = "\r";
const UP: &str = "\x1b[A";

fn migready(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_migready"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn answers(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("answers.yaml")).unwrap()
}

/// Answers the meta block and three questions, then waits for the fourth: by then the third is saved.
fn first_session(dir: &Path) -> expectrl::session::OsSession {
    let mut s = assess(dir);
    for (prompt, reply) in [
        ("Organisation", "Pty Test Ltd"),
        ("Project", "Mailbox move"),
        ("Go-live", "2027-06-01"),
        ("Assessed by", "Tess Tester, IT lead"),
    ] {
        s.expect(prompt).unwrap();
        s.send(format!("{reply}{ENTER}")).unwrap();
    }
    // Where the interview stands: which area of how many, and what is left.
    s.expect("Area 1 of 5: Identity and access").unwrap();
    s.expect("in all (about").unwrap();
    s.expect("identity.identity_model").unwrap();
    s.expect("Choose").unwrap();
    s.send(ENTER).unwrap(); // cloud-only: the sync follow-ups no longer apply
    s.expect("identity.ca_state").unwrap();
    s.expect("Choose").unwrap();
    s.send(ENTER).unwrap(); // enforced
    s.expect("identity.ca_report_only").unwrap();
    s.expect("Choose").unwrap();
    s.send(ENTER).unwrap(); // yes
    s.expect("identity.break_glass").unwrap();
    s
}

#[test]
fn sigkill_loses_no_confirmed_answer_and_the_next_run_resumes() {
    let dir = scratch("kill");
    let mut s = first_session(&dir);
    s.get_process_mut().kill(Signal::SIGKILL).unwrap();
    let status = s.get_process().wait().unwrap();
    assert_eq!(
        status,
        WaitStatus::Signaled(status.pid().unwrap(), Signal::SIGKILL, false)
    );

    let text = answers(&dir);
    assert!(
        text.starts_with("# yaml-language-server: $schema="),
        "{text}"
    );
    for line in [
        "  organisation: Pty Test Ltd",
        "  identity.identity_model: cloud_only",
        "  identity.ca_state: enforced",
        "  identity.ca_report_only: yes",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
    let lint = migready(&dir, &["lint", "answers.yaml"]);
    assert!(
        lint.status.success(),
        "{}",
        String::from_utf8_lossy(&lint.stderr)
    );
    let check = migready(
        &dir,
        &[
            "--today",
            "2026-11-25",
            "check",
            "answers.yaml",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        check.status.code(),
        Some(1),
        "a NO-GO gate, not invalid input"
    );

    // The second run starts at the first unanswered question; Enter keeps the first option.
    let mut s = assess(&dir);
    s.expect("Continuing answers.yaml (3 answers on file)")
        .unwrap();
    s.expect("identity.break_glass").unwrap();
    s.expect("Choose").unwrap();
    s.send(ENTER).unwrap(); // two or more, cloud-only
    s.expect("identity.break_glass_excluded").unwrap();
    s.send("\x03").unwrap();
    s.expect("Stopped").unwrap();
    let _ = s.get_process().wait();
    assert!(answers(&dir).contains("  identity.break_glass: two_cloud_only\n"));
}

#[test]
fn ctrl_c_says_what_was_saved_and_how_to_resume_and_exits_130() {
    let dir = scratch("ctrl-c");
    let mut s = first_session(&dir);
    // Go back once first, so the interrupt also lands inside a redrawn list.
    s.expect("Choose").unwrap();
    s.send(UP).unwrap();
    s.send("\x03").unwrap();
    s.expect("Stopped. answers.yaml holds 3 answers (3 saved in this session). Run `migready assess` to continue where you left off.")
        .unwrap();
    let status = s.get_process().wait().unwrap();
    assert!(matches!(status, WaitStatus::Exited(_, 130)), "{status:?}");
    assert!(
        dir.join("answers.yaml.bak").is_file(),
        "the previous version is kept"
    );
    let lint = migready(&dir, &["lint", "answers.yaml"]);
    assert!(
        lint.status.success(),
        "{}",
        String::from_utf8_lossy(&lint.stderr)
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
}
