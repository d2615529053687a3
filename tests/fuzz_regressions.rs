//! Inputs kept from fuzzing (`tests/hostile/fuzz/`), each run through the commands that match the
//! fuzz target it came from. Whatever the input, migready must answer quickly with a verdict (0 or 1)
//! or located diagnostics (2), never with a panic.
//!
//! A file's target is the start of its name: `answers-`, `pipeline-`, `checklist-`, `config-`, `expr-`
//! or `evidence-` (a results file, imported into a copy of an example's answers).

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;

const KEPT: &str = "tests/hostile/fuzz";
const ANSWERS: &str = "examples/harbor-logistics/answers.yaml";
/// Generous for a debug build on a busy machine; every kept input ran in milliseconds once fixed.
const LIMIT: Duration = Duration::from_secs(10);

fn kept_inputs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(KEPT)
        .expect("tests/hostile/fuzz exists")
        .map(|e| e.expect("readable folder").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    files
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("migready-fuzz-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A YAML double-quoted scalar holding `text` exactly, whatever characters it contains.
fn yaml_quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            _ if u32::from(c) <= 0xFFFF => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            _ => out.push_str(&format!("\\U{:08X}", u32::from(c))),
        }
    }
    out.push('"');
    out
}

/// The smallest custom checklist that puts `expr` where conditions go: a question's `when:` and a rule's.
fn checklist_around(expr: &str) -> String {
    let when = yaml_quoted(expr);
    format!(
        "id: fuzz\ntitle: Fuzz regression\nquestions:\n  - id: ready\n    prompt: Ready?\n    type: yes_no\n    priorities: [identity_security]\n  - id: later\n    prompt: Later?\n    type: yes_no\n    priorities: [identity_security]\n    when: {when}\nrules:\n  - id: FUZ-001\n    when: {when}\n    severity: low\n    priorities: [identity_security]\n    title: Fuzz\n    risk: None.\n    remediation: None.\n    owner: Nobody\n"
    )
}

/// The command lines that run one kept input, chosen by its target.
/// Folders the commands need are made under `scratch`.
fn command_lines(file: &Path, scratch: &Path) -> Vec<Vec<OsString>> {
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let target = name.split('-').next().unwrap_or_default();
    let line = |args: &[&str], paths: &[&Path]| -> Vec<OsString> {
        let args = args.iter().map(OsString::from);
        args.chain(paths.iter().map(|p| p.as_os_str().to_os_string()))
            .collect()
    };
    let answers = Path::new(ANSWERS);
    match target {
        // `portfolio` reads answers files on worker threads, `check` and `report` on the main one.
        "answers" | "pipeline" => vec![
            line(&["check", "--format", "json"], &[file]),
            line(&["report", "--format", "html"], &[file]),
            line(&["portfolio", "--format", "json"], &[file]),
        ],
        "checklist" | "expr" => {
            let text = match target {
                "expr" => {
                    checklist_around(&std::fs::read_to_string(file).expect("text")).into_bytes()
                }
                _ => std::fs::read(file).expect("readable"),
            };
            // `--checklists` reads a whole folder, so the input gets one of its own; a second
            // folder holds it twice, because several files are parsed on worker threads.
            let alone = scratch.join(format!("{name}-alone"));
            let twice = scratch.join(format!("{name}-twice"));
            std::fs::create_dir_all(&alone).expect("dir");
            std::fs::create_dir_all(&twice).expect("dir");
            std::fs::write(alone.join("custom.yaml"), &text).expect("write");
            std::fs::write(twice.join("a.yaml"), &text).expect("write");
            std::fs::write(twice.join("b.yaml"), &text).expect("write");
            vec![
                line(&["lint"], &[&alone.join("custom.yaml")]),
                line(&["lint"], &[&twice]),
                line(
                    &["check", "--format", "json", "--checklists"],
                    &[&alone, answers],
                ),
            ]
        }
        "config" => vec![line(
            &["check", "--format", "json", "--config"],
            &[file, answers],
        )],
        "evidence" => {
            let copy = scratch.join(format!("{name}-answers.yaml"));
            std::fs::copy(answers, &copy).expect("copy the answers");
            vec![line(&["import"], &[file, Path::new("--answers"), &copy])]
        }
        _ => panic!("{name}: the name must start with the fuzz target it came from"),
    }
}

/// Runs migready and returns its exit code and stderr, or says why the run is a failure.
fn run(args: &[&OsStr]) -> Result<(i32, String), String> {
    let shown = format!("migready {}", args.join(" ".as_ref()).to_string_lossy());
    let started = Instant::now();
    let output = Command::cargo_bin("migready")
        .expect("binary is built")
        .env("NO_COLOR", "1")
        .env_remove("MIGREADY_TODAY")
        .env_remove("GITHUB_STEP_SUMMARY")
        .args(["--today", "2026-11-25"])
        .args(args)
        .timeout(LIMIT)
        .output()
        .expect("migready runs");
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    match output.status.code() {
        _ if stderr.contains("panicked") => Err(format!("{shown}: panicked\n{stderr}")),
        Some(code @ 0..=2) if elapsed < LIMIT => Ok((code, stderr)),
        Some(2) => Err(format!("{shown}: took {elapsed:?}")),
        // An overflowed stack aborts: no exit code on a signal, 134 through a shell.
        code => Err(format!(
            "{shown}: exit {code:?} after {elapsed:?}\n{stderr}"
        )),
    }
}

/// Checks the outcome of one run: exit 0, 1 or 2, and exit 2 only with a diagnostic.
fn check_outcome(args: &[&OsStr], failures: &mut Vec<String>) {
    match run(args) {
        Ok((2, stderr)) if !(stderr.contains(": error[") || stderr.starts_with("migready: ")) => {
            failures.push(format!("{args:?}: exit 2 without a diagnostic\n{stderr}"));
        }
        Ok(_) => {}
        Err(failure) => failures.push(failure),
    }
}

/// YAML nested `depth` levels under `key`: half block mappings, half flow lists.
fn nested_yaml(head: &str, key: &str, depth: usize) -> String {
    let mut text = format!("{head}{key}:\n");
    let block = depth / 2;
    for level in 1..=block {
        text.push_str(&format!("{}k:\n", " ".repeat(level)));
    }
    let flow = depth - block;
    text.push_str(&format!(
        "{}{}{}\n",
        " ".repeat(block + 1),
        "[".repeat(flow),
        "]".repeat(flow)
    ));
    text
}

/// Found while extending the fuzz targets, by hand rather than by a target (see fuzz/README.md):
/// YAML nested within the default limits overflowed the 2 MiB stack of the threads that parse
/// checklist folders and portfolio files (in a debug build), and nesting limits raised in
/// migready.toml let a deep file or condition overflow the main thread. Nesting up to the most
/// a config may allow must end in a verdict or a diagnostic, never an abort.
#[test]
fn nesting_up_to_the_ceilings_never_overflows_the_stack() {
    let dir = scratch_dir("ceilings");
    let config = dir.join("migready.toml");
    std::fs::write(
        &config,
        "[limits]\nmax_yaml_depth = 128\nmax_expression_depth = 256\n",
    )
    .expect("write");
    let mut failures = Vec::new();
    for (depth, limits) in [(63, None), (128, Some(&config))] {
        let checklists = dir.join(format!("checklists-{depth}"));
        let answers = dir.join(format!("answers-{depth}"));
        std::fs::create_dir_all(&checklists).expect("dir");
        std::fs::create_dir_all(&answers).expect("dir");
        // Two files of each, so that they are parsed on worker threads.
        for name in ["a", "b"] {
            let head = format!("id: deep_{name}\ntitle: Deep\n");
            std::fs::write(
                checklists.join(format!("{name}.yaml")),
                nested_yaml(&head, "questions", depth),
            )
            .expect("write");
            std::fs::write(
                answers.join(format!("{name}-answers.yaml")),
                nested_yaml("", "meta", depth),
            )
            .expect("write");
        }
        let with_config = |args: &[&OsStr]| -> Vec<OsString> {
            let mut all: Vec<OsString> = limits
                .map(|c| vec!["--config".into(), c.into()])
                .unwrap_or_default();
            all.extend(args.iter().map(|a| a.to_os_string()));
            all
        };
        for args in [
            with_config(&["lint".as_ref(), checklists.as_ref()]),
            with_config(&[
                "portfolio".as_ref(),
                "--format".as_ref(),
                "json".as_ref(),
                answers.as_ref(),
            ]),
        ] {
            let args: Vec<&OsStr> = args.iter().map(OsString::as_os_str).collect();
            check_outcome(&args, &mut failures);
        }
    }
    // A condition nested as deep as the config allows, compiled on the main thread and evaluated
    // on the portfolio's workers.
    let deep = dir.join("deep-expression");
    std::fs::create_dir_all(&deep).expect("dir");
    let expr = format!(
        "{}identity.mfa_coverage == \"none\"{}",
        "not (".repeat(128),
        ")".repeat(128)
    );
    std::fs::write(deep.join("custom.yaml"), checklist_around(&expr)).expect("write");
    for args in [
        vec![
            "--config".as_ref(),
            config.as_os_str(),
            "--checklists".as_ref(),
            deep.as_os_str(),
            "check".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            ANSWERS.as_ref(),
        ],
        vec![
            "--config".as_ref(),
            config.as_os_str(),
            "--checklists".as_ref(),
            deep.as_os_str(),
            "portfolio".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            "examples".as_ref(),
        ],
    ] {
        check_outcome(&args, &mut failures);
    }
    let _ = std::fs::remove_dir_all(dir);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_config_cannot_raise_nesting_limits_past_the_ceilings() {
    let dir = scratch_dir("above-ceiling");
    let config = dir.join("migready.toml");
    // The comment names the key first: the error must point at the line that sets it.
    std::fs::write(
        &config,
        "# max_expression_depth is raised for generated checklists\n[limits]\nmax_expression_depth = 100000\n",
    )
    .expect("write");
    let (code, stderr) = run(&[
        "--config".as_ref(),
        config.as_os_str(),
        "check".as_ref(),
        ANSWERS.as_ref(),
    ])
    .unwrap_or_else(|failure| panic!("{failure}"));
    assert_eq!(code, 2, "{stderr}");
    let expected = format!(
        "{}:3:1: error[invalid-value]: `max_expression_depth` must be at most 256, found 100000",
        config.display()
    );
    assert!(stderr.contains(&expected), "{stderr}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn kept_fuzz_inputs_end_in_a_verdict_or_a_diagnostic() {
    let files = kept_inputs();
    assert!(!files.is_empty(), "no kept inputs in {KEPT}");
    let scratch = scratch_dir("kept");
    let mut failures = Vec::new();
    for file in &files {
        for args in command_lines(file, &scratch) {
            let args: Vec<&OsStr> = args.iter().map(OsString::as_os_str).collect();
            check_outcome(&args, &mut failures);
        }
    }
    let _ = std::fs::remove_dir_all(scratch);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A results file is imported, or refused for its own faults: the answers file the import writes
/// must load again, or the import fails on a file of its own making and blames the answers.
#[test]
fn kept_results_files_import_or_are_refused_for_their_own_faults() {
    let scratch = scratch_dir("import");
    let mut failures = Vec::new();
    for file in kept_inputs() {
        if !file
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("evidence-"))
        {
            continue;
        }
        for args in command_lines(&file, &scratch) {
            let args: Vec<&OsStr> = args.iter().map(OsString::as_os_str).collect();
            match run(&args) {
                Ok((0, _)) => {}
                Ok((2, stderr)) if !stderr.contains("-answers.yaml:") => {}
                Ok((code, stderr)) => {
                    failures.push(format!("{}: exit {code}\n{stderr}", file.display()));
                }
                Err(why) => failures.push(why),
            }
        }
    }
    let _ = std::fs::remove_dir_all(scratch);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
