//! Hostile input: the committed corpus in `tests/hostile/` and the cases too large or too odd to
//! commit. Each must end with its exit code and a located message, quickly, without a panic and
//! without an escape character on stdout.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde::Deserialize;

/// A guard against blow-ups (an alias bomb that expands without bound runs for minutes), not a speed
/// target: the debug binary on a loaded 2-core machine takes about 5 s on the bomb, and the release
/// binary is timed in BENCHMARKS.md.
const QUICK: Duration = if cfg!(debug_assertions) {
    Duration::from_secs(20)
} else {
    Duration::from_secs(1)
};

const HOSTILE: &str = "tests/hostile";
const EXAMPLE: &str = "examples/harbor-logistics/answers.yaml";

fn migready() -> Command {
    let mut cmd = Command::cargo_bin("migready").expect("binary is built");
    cmd.env("NO_COLOR", "1")
        .env_remove("MIGREADY_TODAY")
        .args(["--today", "2026-11-25"])
        .timeout(Duration::from_secs(30));
    cmd
}

/// Runs the command and checks what must hold for every hostile input.
fn run(mut cmd: Command, what: &str) -> Output {
    let started = Instant::now();
    let output = cmd.output().expect("migready runs");
    let took = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{what}: panicked:\n{stderr}");
    assert!(took < QUICK, "{what}: took {took:?}");
    assert!(
        !output.stdout.contains(&0x1b) && !output.stderr.contains(&0x1b),
        "{what}: an escape character reached the terminal"
    );
    output
}

fn expect(output: &Output, code: i32, stderr: &str, what: &str) {
    let text = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(code), "{what}:\n{text}");
    assert!(
        text.contains(stderr),
        "{what}: expected\n{stderr}\nin\n{text}"
    );
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("migready-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Corpus {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    file: String,
    why: String,
    run: String,
    config: Option<String>,
    exit: i32,
    #[serde(default)]
    stderr: String,
}

#[test]
fn every_case_of_the_corpus_ends_as_it_says() {
    let text = std::fs::read_to_string(Path::new(HOSTILE).join("cases.toml")).expect("cases.toml");
    let corpus: Corpus = toml::from_str(&text).expect("cases.toml is valid");
    let files: Vec<_> = std::fs::read_dir(Path::new(HOSTILE).join("files"))
        .expect("files/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    for name in &files {
        assert!(
            corpus.case.iter().any(|c| &c.file == name),
            "{name} has no case in cases.toml"
        );
    }
    for case in &corpus.case {
        let file = format!("{HOSTILE}/files/{}", case.file);
        let mut cmd = migready();
        if let Some(config) = &case.config {
            cmd.arg("--config").arg(format!("{HOSTILE}/{config}"));
        }
        match case.run.as_str() {
            "check" => cmd.args(["check", "--format", "json", &file]),
            "lint" => cmd.args(["lint", &file]),
            "config" => cmd.args(["--config", &file, "check", "--format", "json", EXAMPLE]),
            other => panic!("{}: unknown run `{other}`", case.file),
        };
        let what = format!("{} ({})", case.file, case.why);
        let output = run(cmd, &what);
        expect(&output, case.exit, &case.stderr, &what);
        if case.exit == 2 {
            assert!(output.stdout.is_empty(), "{what}: printed a result");
        }
    }
}

#[test]
fn a_twenty_megabyte_file_is_refused_by_its_size() {
    let dir = scratch_dir("large");
    let path = dir.join("answers.yaml");
    let line = "# padding padding padding padding padding padding padding paddi\n";
    assert_eq!(line.len(), 64);
    std::fs::write(&path, line.repeat(20 * 1024 * 1024 / 64)).expect("write");
    let mut cmd = migready();
    cmd.arg("check").arg(&path);
    let output = run(cmd, "20 MB");
    expect(
        &output,
        2,
        "answers.yaml:1:1: error[file-too-large]: the file is 20971520 bytes; the limit is 5242880 bytes (limit: `max_file_bytes` under [limits] in migready.toml)",
        "20 MB",
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused_at_the_depth_limit() {
    let dir = scratch_dir("deep");
    let path = dir.join("answers.yaml");
    let text = format!("meta: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    std::fs::write(&path, text).expect("write");
    let mut cmd = migready();
    cmd.arg("check").arg(&path);
    let output = run(cmd, "10,000 deep");
    expect(
        &output,
        2,
        // The column is where the parser noticed, a little past the 65th bracket.
        "error[limit-exceeded]: refused: the document exceeds a safety limit: nesting deeper than 64 levels",
        "10,000 deep",
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
    let mut cmd = migready();
    cmd.arg("check").arg(&path);
    let output = run(cmd, "FIFO");
    expect(
        &output,
        2,
        "answers.yaml:1:1: error[io]: is not a regular file",
        "FIFO",
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_folder_given_as_a_file_is_refused() {
    let dir = scratch_dir("folder");
    let mut cmd = migready();
    cmd.arg("check").arg(&dir);
    let output = run(cmd, "folder");
    expect(
        &output,
        2,
        "error[io]: is a directory, not a file",
        "folder",
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[cfg(unix)]
#[test]
fn a_checklist_folder_with_a_symlink_loop_is_read_without_following_it() {
    let dir = scratch_dir("symlink-loop");
    std::os::unix::fs::symlink(&dir, dir.join("loop.yaml")).expect("symlink");
    std::os::unix::fs::symlink(dir.join("b.yaml"), dir.join("a.yaml")).expect("symlink");
    std::os::unix::fs::symlink(dir.join("a.yaml"), dir.join("b.yaml")).expect("symlink");
    let mut cmd = migready();
    cmd.arg("--checklists")
        .arg(&dir)
        .args(["check", "--format", "json", EXAMPLE]);
    let output = run(cmd, "symlink loop");
    expect(&output, 0, "", "symlink loop");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_checklist_folder_with_thousands_of_files_is_refused_before_reading_them() {
    let dir = scratch_dir("many-files");
    for i in 0..1_001 {
        std::fs::write(dir.join(format!("c{i:04}.yaml")), "id: x\n").expect("write");
    }
    let mut cmd = migready();
    cmd.arg("--checklists").arg(&dir).args(["check", EXAMPLE]);
    let output = run(cmd, "1,001 files");
    expect(
        &output,
        2,
        "error[limit-exceeded]: the checklist folders hold more than 1000 YAML files (limit: `max_checklist_files` under [limits] in migready.toml)",
        "1,001 files",
    );
    let _ = std::fs::remove_dir_all(dir);
}
