//! The edges a CI user meets: pipes, colour, determinism, the examples' verdicts over time.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Stdio;

use assert_cmd::Command;
use predicates::prelude::*;

const HARBOR: &str = "examples/harbor-logistics/answers.yaml";

fn migready() -> Command {
    let mut cmd = Command::cargo_bin("migready").expect("binary is built");
    cmd.env_remove("NO_COLOR").env_remove("MIGREADY_TODAY");
    cmd
}

/// Runs `migready check FILE --format FORMAT` with our end of its stdout closed at once, as
/// `| head -0` would.
fn with_closed_pipe(file: &str, format: &str) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("migready");
    let mut child = std::process::Command::new(bin)
        .args(["check", file, "--today", "2026-11-25", "--format", format])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    child.wait_with_output().expect("wait")
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let out = with_closed_pipe(HARBOR, "table");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// `set -o pipefail` in CI must still see a NO-GO: a closed pipe keeps the gate's exit code.
#[test]
fn a_closed_pipe_keeps_the_exit_code_of_a_failing_gate() {
    let out = with_closed_pipe("examples/lakeside-dental/answers.yaml", "sarif");
    assert_eq!(out.status.code(), Some(1), "the NO-GO gate fails");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn colour_only_when_asked_and_never_with_no_color() {
    let args = [
        "check",
        HARBOR,
        "--today",
        "2026-11-25",
        "--format",
        "table",
    ];
    migready()
        .args(args)
        .assert()
        .stdout(predicate::str::contains("\x1b[").not());
    migready()
        .args(args)
        .arg("--color=always")
        .assert()
        .stdout(predicate::str::contains("\x1b["));
    migready()
        .args(args)
        .arg("--color=always")
        .env("NO_COLOR", "1")
        .assert()
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn piped_output_defaults_to_json_and_diagnostics_go_to_stderr() {
    let out = migready()
        .args(["check", HARBOR, "--today", "2026-11-25"])
        .output()
        .expect("run");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(json["schema_version"], 1);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn the_same_inputs_give_the_same_bytes() {
    for format in ["json", "table"] {
        let run = || {
            migready()
                .args(["check", HARBOR, "--today", "2026-11-25", "--format", format])
                .output()
                .expect("run")
                .stdout
        };
        assert_eq!(run(), run(), "{format} output differs between runs");
    }
}

/// (example, exit code with the default gate, exit code with `--require go`, verdict)
const EXAMPLES: [(&str, i32, i32, &str); 3] = [
    ("summit-accounting", 0, 1, "conditional"),
    ("harbor-logistics", 0, 1, "conditional"),
    ("lakeside-dental", 1, 1, "no-go"),
];

/// The examples' verdicts must hold on any day before their go-live dates.
#[test]
fn example_verdicts_hold_until_go_live() {
    for (name, default_code, go_code, verdict) in EXAMPLES {
        let file = format!("examples/{name}/answers.yaml");
        let first = migready()
            .args(["check", &file, "--today", "2026-11-25"])
            .output()
            .expect("run");
        let json: serde_json::Value = serde_json::from_slice(&first.stdout).expect("JSON");
        let go_live: migready::date::Date = json["go_live"]
            .as_str()
            .unwrap_or_default()
            .parse()
            .expect("date");
        let days = json["days_to_go_live"].as_i64().unwrap_or_default();
        assert!(days > 365, "{name}: go-live must be more than a year ahead");
        for before in [days, days / 2, 30, 14, 7, 1] {
            let today = go_live.add_days(-before).to_string();
            let out = migready()
                .args(["check", &file, "--today", &today])
                .output()
                .expect("run");
            let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
            assert_eq!(json["verdict"], verdict, "{name} on {today}");
            assert_eq!(out.status.code(), Some(default_code), "{name} on {today}");
            migready()
                .args(["check", &file, "--today", &today, "--require", "go"])
                .assert()
                .code(go_code);
        }
    }
}
