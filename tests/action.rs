//! The GitHub Action (`action.yml`) run step by step as the runner runs a composite action: each
//! step's `if:` decided, its `${{ }}` expressions filled in, its script run by bash with the runner's
//! files (`GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`, `GITHUB_PATH`), and the job stopped at the first
//! step that fails. Steps that call other actions (the cache, the SARIF upload) are recorded, not
//! run, and the binary comes from this build in place of `cargo install`.
//!
//! Only the expressions that `action.yml` uses are understood: `inputs.NAME`,
//! `steps.ID.outputs.KEY`, and `==` / `!=` against a quoted string joined by `&&`; anything else
//! fails the test, so a new kind of expression cannot be silently misread.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

#[derive(Deserialize)]
struct Action {
    inputs: BTreeMap<String, Input>,
    runs: Runs,
}

#[derive(Deserialize)]
struct Input {
    default: String,
}

#[derive(Deserialize)]
struct Runs {
    steps: Vec<Step>,
}

#[derive(Deserialize)]
struct Step {
    name: String,
    id: Option<String>,
    #[serde(rename = "if")]
    condition: Option<String>,
    #[serde(default)]
    env: BTreeMap<String, String>,
    run: Option<String>,
    uses: Option<String>,
}

/// What a job that used the action would end with.
struct Job {
    /// The exit code of the step that failed the job, or 0.
    code: i32,
    stdout: String,
    summary: String,
    /// The names of the steps that ran (or, for `uses:` steps, would have run).
    ran: Vec<String>,
    workspace: PathBuf,
}

struct Runner {
    inputs: BTreeMap<String, String>,
    outputs: BTreeMap<String, BTreeMap<String, String>>,
    dir: PathBuf,
}

impl Runner {
    /// The value of `inputs.NAME` or `steps.ID.outputs.KEY`.
    fn value(&self, expr: &str) -> String {
        let expr = expr.trim();
        if let Some(name) = expr.strip_prefix("inputs.") {
            return self
                .inputs
                .get(name)
                .cloned()
                .unwrap_or_else(|| panic!("no input {name}"));
        }
        let rest = expr
            .strip_prefix("steps.")
            .unwrap_or_else(|| panic!("unknown expression {expr}"));
        let (id, key) = rest
            .split_once(".outputs.")
            .unwrap_or_else(|| panic!("unknown expression {expr}"));
        self.outputs
            .get(id)
            .and_then(|o| o.get(key))
            .cloned()
            .unwrap_or_default()
    }

    fn fill(&self, text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("${{") {
            let end = rest[start..].find("}}").unwrap() + start;
            out.push_str(&rest[..start]);
            out.push_str(&self.value(&rest[start + 3..end]));
            rest = &rest[end + 2..];
        }
        out + rest
    }

    fn holds(&self, condition: &str) -> bool {
        condition.split("&&").all(|term| {
            let (left, right, equal) = match term.split_once("!=") {
                Some((l, r)) => (l, r, false),
                None => {
                    let (l, r) = term
                        .split_once("==")
                        .unwrap_or_else(|| panic!("unknown condition {term}"));
                    (l, r, true)
                }
            };
            let right = right
                .trim()
                .strip_prefix('\'')
                .and_then(|r| r.strip_suffix('\''))
                .unwrap();
            (self.value(left) == right) == equal
        })
    }

    fn env_file(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Runs one `run:` step; returns its exit code and what it printed.
    fn run(&mut self, step: &Step, script: &str, workspace: &Path) -> (i32, String) {
        let output = self.env_file("output");
        std::fs::write(&output, "").unwrap();
        let added = std::fs::read_to_string(self.env_file("path")).unwrap_or_default();
        let path = format!(
            "{}:{}",
            added.lines().collect::<Vec<_>>().join(":"),
            std::env::var("PATH").unwrap()
        );
        let mut cmd = Command::new("bash");
        cmd.args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
            .current_dir(workspace)
            .env("PATH", path)
            .env("GITHUB_ACTION_PATH", env!("CARGO_MANIFEST_DIR"))
            .env("GITHUB_OUTPUT", &output)
            .env("GITHUB_PATH", self.env_file("path"))
            .env("GITHUB_STEP_SUMMARY", self.env_file("summary"))
            .env("RUNNER_TEMP", &self.dir)
            .env("RUNNER_TOOL_CACHE", self.dir.join("tool-cache"))
            .env("RUNNER_OS", "Linux")
            .env("RUNNER_ARCH", "X64");
        for (key, value) in &step.env {
            cmd.env(key, self.fill(value));
        }
        let out = cmd.output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        if let Some(id) = &step.id {
            let lines = std::fs::read_to_string(&output).unwrap();
            let values = lines
                .lines()
                .filter_map(|l| l.split_once('='))
                .map(|(k, v)| (k.into(), v.into()));
            self.outputs.insert(id.clone(), values.collect());
        }
        (out.status.code().unwrap_or(-1), text)
    }
}

/// Runs the action with these inputs in a workspace holding `answers.yaml` (from `example`).
fn run_action(name: &str, example: &str, inputs: &[(&str, &str)]) -> Job {
    let action: Action =
        serde_saphyr::from_str(&std::fs::read_to_string("action.yml").unwrap()).unwrap();
    let dir = std::env::temp_dir().join(format!("migready-action-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let workspace = dir.join("workspace");
    std::fs::create_dir_all(&workspace).unwrap();
    std::fs::write(workspace.join("answers.yaml"), example).unwrap();
    let mut defaults: BTreeMap<String, String> = action
        .inputs
        .iter()
        .map(|(k, v)| (k.clone(), v.default.clone()))
        .collect();
    defaults.extend(inputs.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let mut runner = Runner {
        inputs: defaults,
        outputs: BTreeMap::new(),
        dir: dir.clone(),
    };
    let mut job = Job {
        code: 0,
        stdout: String::new(),
        summary: String::new(),
        ran: Vec::new(),
        workspace,
    };
    for step in &action.runs.steps {
        if !step.condition.as_deref().is_none_or(|c| runner.holds(c)) {
            continue;
        }
        job.ran.push(step.name.clone());
        if step
            .uses
            .as_deref()
            .is_some_and(|u| u.starts_with("actions/cache@"))
        {
            // A cache hit: the binary of this build stands where the restored one would be.
            let bin = PathBuf::from(runner.value("steps.build.outputs.root")).join("bin");
            std::fs::create_dir_all(&bin).unwrap();
            std::fs::copy(env!("CARGO_BIN_EXE_migready"), bin.join("migready")).unwrap();
            runner
                .outputs
                .insert("cache".into(), [("cache-hit".into(), "true".into())].into());
        }
        let Some(script) = &step.run else { continue };
        let (code, text) = runner.run(step, script, &job.workspace.clone());
        job.stdout.push_str(&text);
        if code != 0 {
            job.code = code;
            break;
        }
    }
    job.summary = std::fs::read_to_string(runner.env_file("summary")).unwrap_or_default();
    job
}

fn example(name: &str) -> String {
    std::fs::read_to_string(format!("examples/{name}/answers.yaml")).unwrap()
}

#[test]
fn a_no_go_fails_the_job_with_annotations_and_one_summary() {
    let job = run_action("no-go", &example("lakeside-dental"), &[]);
    assert_eq!(job.code, 1, "{}", job.stdout);
    assert!(
        job.stdout.contains("::error file=answers.yaml,line="),
        "{}",
        job.stdout
    );
    assert_eq!(
        job.summary.matches("migready: NO-GO").count(),
        1,
        "{}",
        job.summary
    );
    assert!(
        job.ran
            .contains(&"Restore the cached migready binary".to_string())
    );
    assert!(
        !job.ran.contains(&"Install migready".to_string()),
        "a cache hit builds nothing"
    );
    assert!(!job.ran.contains(&"Upload SARIF".to_string()));
    assert!(!job.workspace.join("migready.sarif").exists());
}

#[test]
fn inputs_tighten_the_gate_and_sarif_is_written_and_uploaded_when_asked() {
    let inputs = [("require", "go"), ("sarif", "true")];
    let job = run_action("conditional", &example("harbor-logistics"), &inputs);
    assert_eq!(
        job.code, 1,
        "GO WITH CONDITIONS fails --require go:\n{}",
        job.stdout
    );
    let sarif: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(job.workspace.join("migready.sarif")).unwrap(),
    )
    .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(job.ran.contains(&"Upload SARIF".to_string()));

    let kept = run_action(
        "kept",
        &example("harbor-logistics"),
        &[("sarif", "true"), ("upload-sarif", "false")],
    );
    assert_eq!(
        kept.code, 0,
        "the default gate passes GO WITH CONDITIONS:\n{}",
        kept.stdout
    );
    assert!(kept.workspace.join("migready.sarif").exists());
    assert!(!kept.ran.contains(&"Upload SARIF".to_string()));
}

#[test]
fn a_go_passes_and_the_summary_can_be_turned_off() {
    let job = run_action("go", &example("summit-accounting"), &[]);
    assert_eq!(job.code, 0, "{}", job.stdout);
    assert!(job.summary.contains("migready: GO"), "{}", job.summary);
    let quiet = run_action(
        "go-quiet",
        &example("summit-accounting"),
        &[("summary", "false")],
    );
    assert_eq!(quiet.code, 0);
    assert_eq!(quiet.summary, "", "nothing on the summary page");
}

#[test]
fn invalid_answers_or_inputs_end_with_exit_2_and_no_shell_runs_an_input() {
    let broken =
        example("summit-accounting").replacen("answers:\n", "answers:\n  identity.nope: yes\n", 1);
    let job = run_action("invalid", &broken, &[("sarif", "true")]);
    assert_eq!(job.code, 2, "{}", job.stdout);
    assert!(job.stdout.contains("answers.yaml:"), "{}", job.stdout);
    assert!(!job.ran.contains(&"SARIF for code scanning".to_string()));
    assert_eq!(job.summary, "");

    let hostile = run_action(
        "hostile",
        &example("summit-accounting"),
        &[
            ("min-score", "1; touch pwned"),
            ("answers", "$(touch pwned2)"),
        ],
    );
    assert_eq!(hostile.code, 2, "{}", hostile.stdout);
    assert!(
        !hostile.workspace.join("pwned").exists() && !hostile.workspace.join("pwned2").exists()
    );
}
