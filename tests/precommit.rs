//! The pre-commit hooks in `.pre-commit-hooks.yaml`, run as pre-commit runs them: each hook's `files`
//! pattern picks the repository's files, and its `entry`, `args` and (unless `pass_filenames: false`)
//! those files make the command line. The exit codes are the ones a team gets on `git commit`.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use regex::Regex;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Hook {
    id: String,
    entry: String,
    language: String,
    files: String,
    #[serde(default)]
    args: Vec<String>,
    #[serde(default = "yes")]
    pass_filenames: bool,
}

fn yes() -> bool {
    true
}

fn hooks() -> Vec<Hook> {
    let text = std::fs::read_to_string(".pre-commit-hooks.yaml").unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

fn hook(id: &str) -> Hook {
    hooks()
        .into_iter()
        .find(|h| h.id == id)
        .unwrap_or_else(|| panic!("no hook {id}"))
}

/// Every file under `dirs`, as a path relative to the repository root with `/` separators (as git lists them).
fn files_under(dirs: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo: Vec<PathBuf> = dirs.iter().map(PathBuf::from).collect();
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                out.push(path.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

/// The files pre-commit would hand the hook, out of `candidates` (pre-commit uses `re.search`).
fn selected(hook: &Hook, candidates: &[String]) -> Vec<String> {
    let pattern = Regex::new(&hook.files).unwrap();
    candidates
        .iter()
        .filter(|f| pattern.is_match(f))
        .cloned()
        .collect()
}

/// Runs the hook in `dir` as pre-commit would, with the built binary in place of `migready`.
fn run(hook: &Hook, dir: &Path, files: &[String]) -> Output {
    assert!(
        !hook.entry.contains(['"', '\'']),
        "entries are split on spaces here"
    );
    let mut words = hook.entry.split_whitespace();
    assert_eq!(words.next(), Some("migready"), "{}: entry", hook.id);
    let mut cmd = Command::cargo_bin("migready").unwrap();
    cmd.current_dir(dir).args(words).args(&hook.args);
    if hook.pass_filenames {
        cmd.args(files);
    }
    cmd.env("MIGREADY_TODAY", "2026-12-01")
        .env_remove("GITHUB_STEP_SUMMARY");
    cmd.output().unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("migready-precommit-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(out: &Output) -> String {
    format!(
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn both_hooks_are_built_from_this_repository() {
    let ids: Vec<String> = hooks().into_iter().map(|h| h.id).collect();
    assert_eq!(ids, ["migready-lint", "migready-check"]);
    for hook in hooks() {
        assert_eq!(hook.language, "rust", "{}", hook.id);
    }
}

#[test]
fn lint_picks_the_answers_checklist_and_config_files_and_passes_them() {
    let lint = hook("migready-lint");
    let candidates = files_under(&["examples", "checklists"]);
    let picked = selected(&lint, &candidates);
    let expected: Vec<&str> = vec![
        "checklists/comms.yaml",
        "checklists/deadlines.yaml",
        "checklists/endpoint.yaml",
        "checklists/escalation.yaml",
        "checklists/identity.yaml",
        "checklists/post-go-live.yaml",
        "checklists/priorities.yaml",
        "examples/cutover-next-week/answers.yaml",
        "examples/harbor-logistics/answers.yaml",
        "examples/lakeside-dental/answers.yaml",
        "examples/summit-accounting/answers.yaml",
    ];
    // The CI workflow examples are YAML too, but not migready's: linting them as checklists would fail.
    assert_eq!(picked, expected);
    let out = run(&lint, Path::new("."), &picked);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains("4 answers files, 0 config files"),
        "{}",
        text(&out)
    );
}

#[test]
fn lint_fails_a_commit_with_a_broken_answers_file_at_its_line() {
    let lint = hook("migready-lint");
    let dir = scratch("broken");
    let answers = std::fs::read_to_string("examples/harbor-logistics/answers.yaml").unwrap();
    let broken = answers.replacen(
        "answers:\n",
        "answers:\n  identity.mfa_coverge: all_users\n",
        1,
    );
    std::fs::write(dir.join("answers.yaml"), broken).unwrap();
    let line = 1 + answers.lines().position(|l| l == "answers:").unwrap() + 1;
    let out = run(&lint, &dir, &selected(&lint, &["answers.yaml".into()]));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        text(&out).contains(&format!("answers.yaml:{line}:3: error")),
        "{}",
        text(&out)
    );
}

#[test]
fn lint_takes_a_changed_checklist_that_the_config_already_loads() {
    let lint = hook("migready-lint");
    let dir = scratch("configured");
    std::fs::create_dir_all(dir.join("checklists")).unwrap();
    std::fs::copy(
        "tests/fixtures/custom/custom.yaml",
        dir.join("checklists/custom.yaml"),
    )
    .unwrap();
    std::fs::write(dir.join("migready.toml"), "checklists = [\"checklists\"]\n").unwrap();
    let changed = [
        "checklists/custom.yaml".to_string(),
        "migready.toml".to_string(),
    ];
    assert_eq!(selected(&lint, &changed), changed);
    let out = run(&lint, &dir, &changed);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("ok: 6 checklists"), "{}", text(&out));
}

/// A project folder holding one example as `answers.yaml`, and a config when given.
fn project(example: &str, config: Option<&str>) -> PathBuf {
    let dir = scratch(&format!("{example}-{}", config.is_some()));
    std::fs::copy(
        format!("examples/{example}/answers.yaml"),
        dir.join("answers.yaml"),
    )
    .unwrap();
    if let Some(config) = config {
        std::fs::write(dir.join("migready.toml"), config).unwrap();
    }
    dir
}

#[test]
fn check_gates_the_commit_as_the_config_says() {
    let check = hook("migready-check");
    assert!(
        !check.pass_filenames,
        "the gate reads the one answers file its args name"
    );
    let changed = ["answers.yaml".to_string()];
    assert_eq!(
        selected(&check, &changed),
        changed,
        "editing the answers runs the gate"
    );
    let strict = "[gate]\nrequire = \"go\"\n";
    for (example, config, code, says) in [
        ("summit-accounting", None, 0, "GO"),
        ("harbor-logistics", None, 0, "GO WITH CONDITIONS"),
        ("harbor-logistics", Some(strict), 1, "GO WITH CONDITIONS"),
        ("lakeside-dental", None, 1, "NO-GO"),
    ] {
        let out = run(&check, &project(example, config), &[]);
        assert_eq!(out.status.code(), Some(code), "{example}: {}", text(&out));
        assert!(text(&out).contains(says), "{example}: {}", text(&out));
    }
}
