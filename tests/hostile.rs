//! Inputs that must be refused quickly and cleanly: too large, not a regular file.

use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;

fn migready() -> Command {
    let mut cmd = Command::cargo_bin("migready").expect("binary is built");
    cmd.env("NO_COLOR", "1").env_remove("MIGREADY_TODAY");
    cmd
}

fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("migready-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn a_twenty_megabyte_file_is_refused_within_a_second() {
    let dir = scratch_dir("large");
    let path = dir.join("answers.yaml");
    let line = "# padding padding padding padding padding padding padding padding\n";
    std::fs::write(&path, line.repeat(20 * 1024 * 1024 / line.len())).expect("write");
    let started = Instant::now();
    migready()
        .args(["check", "--today", "2026-11-25"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "answers.yaml:1:1: error[file-too-large]: the file is",
        ));
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "took {:?}",
        started.elapsed()
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = scratch_dir("fifo");
    let path = dir.join("answers.yaml");
    let made = std::process::Command::new("mkfifo").arg(&path).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available; skipping");
        return;
    }
    migready()
        .args(["check", "--today", "2026-11-25"])
        .arg(&path)
        .timeout(Duration::from_secs(5))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error[io]: is not a regular file"));
    let _ = std::fs::remove_dir_all(dir);
}
