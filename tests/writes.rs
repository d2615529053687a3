//! No answer or report is ever lost: when a write cannot complete, migready says so (exit 2) and
//! the file that was there is left exactly as it was, with no temporary file beside it.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const EXAMPLE: &str = "examples/harbor-logistics/answers.yaml";
const ORIGINAL: &str = "the report the team signed off\n";

fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("migready")
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("migready-writes-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)
}

/// The names in `dir`, sorted: what a user would see with `ls -a`.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn assert_refused(output: &std::process::Output, message: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(message), "expected {message:?} in {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[test]
fn a_report_into_an_unwritable_folder_leaves_the_old_report() {
    let dir = scratch_dir("unwritable");
    let report = dir.join("report.html");
    fs::write(&report, ORIGINAL).expect("write");
    let mut cmd;
    if is_root() {
        // Root writes anywhere; an unprivileged user cannot write into root's folder.
        cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(binary());
    } else {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).expect("chmod");
        cmd = Command::new(binary());
    }
    cmd.args([
        "--today",
        "2026-11-25",
        "report",
        "--format",
        "html",
        "--output",
    ])
    .arg(&report)
    .arg(example());
    let Ok(output) = cmd.output() else {
        eprintln!("setpriv is not available; skipping");
        return;
    };
    assert_refused(&output, "cannot write");
    assert_refused(&output, "Permission denied");
    assert_eq!(fs::read_to_string(&report).expect("read"), ORIGINAL);
    assert_eq!(listing(&dir), ["report.html"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(&dir, fs::Permissions::from_mode(0o755));
    }
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn a_report_onto_a_folder_leaves_the_folder() {
    let dir = scratch_dir("folder");
    let target = dir.join("report.html");
    fs::create_dir(&target).expect("mkdir");
    fs::write(target.join("keep.txt"), ORIGINAL).expect("write");
    let output = Command::new(binary())
        .args([
            "--today",
            "2026-11-25",
            "report",
            "--format",
            "html",
            "--output",
        ])
        .arg(&target)
        .arg(example())
        .output()
        .expect("runs");
    assert_refused(&output, "is a directory");
    assert_eq!(
        fs::read_to_string(target.join("keep.txt")).expect("read"),
        ORIGINAL
    );
    assert_eq!(listing(&dir), ["report.html"]);
    let _ = fs::remove_dir_all(dir);
}

/// A full disk, simulated with a file-size limit: the write fails part-way with an error, as it
/// would when the disk fills (`SIGXFSZ` is ignored so that the write returns the error instead).
#[test]
fn a_report_that_does_not_fit_on_the_disk_leaves_the_old_report() {
    let dir = scratch_dir("full");
    let report = dir.join("report.html");
    fs::write(&report, ORIGINAL).expect("write");
    let script = format!(
        "trap '' XFSZ; ulimit -f 4; exec '{}' --today 2026-11-25 report --format html --output '{}' '{}'",
        binary().display(),
        report.display(),
        example().display()
    );
    let output = Command::new("sh")
        .args(["-c", &script])
        .output()
        .expect("runs");
    assert_refused(&output, "File too large");
    assert_eq!(fs::read_to_string(&report).expect("read"), ORIGINAL);
    assert_eq!(listing(&dir), ["report.html"]);
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn init_force_stops_when_a_backup_cannot_be_kept() {
    let dir = scratch_dir("init-backup");
    fs::write(dir.join("migready.toml"), ORIGINAL).expect("write");
    fs::create_dir(dir.join("migready.toml.bak")).expect("mkdir");
    let output = Command::new(binary())
        .args(["--today", "2026-11-25", "init", "--force"])
        .current_dir(&dir)
        .output()
        .expect("runs");
    assert_refused(&output, "cannot write");
    assert_eq!(
        fs::read_to_string(dir.join("migready.toml")).expect("read"),
        ORIGINAL
    );
    assert_eq!(listing(&dir), ["migready.toml", "migready.toml.bak"]);
    let _ = fs::remove_dir_all(dir);
}
