//! The markdown report's lists as Python-Markdown (MkDocs, most wikis) renders them: every
//! numbered fix step and every bullet of the source must come out as a list item, as it does in
//! CommonMark. Python-Markdown flattens a list indented less than four spaces into the text.
//!
//! Without Python's markdown module the test is skipped with the reason, except under CI (`CI`
//! set), where it fails: `.ci/run` installs it.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command as Process;

use assert_cmd::Command;
use serde_json::Value;

const EXAMPLES: [&str; 3] = ["summit-accounting", "harbor-logistics", "lakeside-dental"];
const SCRIPT: &str = "tests/browser/markdown_lists.py";
/// Exit code of the script when the markdown module is missing.
const MISSING: i32 = 3;

fn python() -> String {
    std::env::var("MIGREADY_PYTHON").unwrap_or_else(|_| "python3".into())
}

#[test]
fn python_markdown_renders_every_list_item_of_the_report() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("markdown-lists");
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    for name in EXAMPLES {
        let out = Command::cargo_bin("migready")
            .unwrap()
            .args(["report", &format!("examples/{name}/answers.yaml")])
            .args(["--today", "2026-12-01"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let file = dir.join(format!("{name}.md"));
        std::fs::write(&file, out.stdout).unwrap();
        files.push(file);
    }
    let out = Process::new(python())
        .arg(SCRIPT)
        .args(&files)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    if out.status.code() == Some(MISSING) {
        assert!(
            std::env::var_os("CI").is_none(),
            "cannot run under CI: {stdout}"
        );
        eprintln!("skipped: {stdout}");
        return;
    }
    assert!(out.status.success(), "{SCRIPT}: {out:?}");
    let mut numbered = 0;
    for line in stdout.lines() {
        let counts: Value = serde_json::from_str(line).unwrap();
        assert_eq!(counts["numbered"], counts["numbered_in_source"], "{line}");
        assert_eq!(counts["bulleted"], counts["bulleted_in_source"], "{line}");
        numbered += counts["numbered"].as_u64().unwrap();
    }
    assert!(numbered > 0, "the fix steps are numbered lists: {stdout}");
}
