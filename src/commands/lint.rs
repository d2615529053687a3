//! `migready lint`: validate checklists, answers and config files, every problem at once, no scoring.

use std::path::{Path, PathBuf};

use crate::cli::LintArgs;
use crate::commands::{Env, Exit, Failure};
use crate::diag::{Diagnostics, Sink};
use crate::load::folders::{is_yaml, yaml_files};
use crate::load::{self, source, yaml};
use crate::model::Limits;

#[derive(Default)]
struct Inputs {
    checklists: Vec<PathBuf>,
    answers: Vec<source::Source>,
    configs: Vec<(PathBuf, source::Source)>,
}

pub fn run(env: &Env, args: &LintArgs) -> Result<Exit, Failure> {
    let mut diags = Diagnostics::default();
    let (config, _) = env.config()?;
    let inputs = classify(&args.paths, &config.limits, &mut diags)?;
    let catalog = match env.catalog(&config, &inputs.checklists) {
        Ok(c) => c,
        Err(Failure::Invalid(more)) => {
            for d in more {
                diags.push(d);
            }
            return Err(diags.into());
        }
        Err(other) => return Err(other),
    };
    for (path, source) in &inputs.configs {
        match load::config::parse(source, path) {
            Ok(c) => diags.extend(load::config::check_against(&c, source, &catalog)),
            Err(more) => diags.extend(more),
        }
    }
    for source in &inputs.answers {
        match load::answers::load(source, &catalog, config.limits) {
            Ok(answers) => {
                for w in crate::evidence::verify::warnings(&catalog, &answers, env.today) {
                    env.note(&w.to_string());
                }
            }
            Err(more) => diags.extend(more),
        }
    }
    if diags.has_errors() {
        return Err(diags.into());
    }
    for warning in load::risk::silent_risk_warnings(&catalog) {
        env.note(&warning.to_string());
    }
    if !env.global.quiet {
        env.emit(&format!(
            "ok: {} checklists ({} questions, {} rules, {} priorities), {} answers file{}, {} config file{}\n",
            catalog.checklists.len(),
            catalog.questions.len(),
            catalog.rules.len(),
            catalog.priorities.len(),
            inputs.answers.len(),
            plural(inputs.answers.len()),
            inputs.configs.len(),
            plural(inputs.configs.len()),
        ))?;
    }
    Ok(Exit::Success)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Sorts the given paths into checklists, answers files and config files, by extension and content.
fn classify(
    paths: &[PathBuf],
    limits: &Limits,
    diags: &mut Diagnostics,
) -> Result<Inputs, Failure> {
    let mut inputs = Inputs::default();
    for path in expand(paths)? {
        let source = match source::read(&path, limits.max_file_bytes) {
            Ok(s) => s,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        if path.extension().is_some_and(|e| e == "toml") {
            inputs.configs.push((path, source));
            continue;
        }
        let mut probe = Diagnostics::default();
        let root = yaml::parse(
            &source.text,
            *limits,
            &mut Sink::new(&source.name, &mut probe),
        );
        if root.as_ref().is_some_and(is_answers) {
            inputs.answers.push(source);
        } else {
            // Checklists (and files too broken to tell) go through the checklist loader, which reports them.
            inputs.checklists.push(path);
        }
    }
    Ok(inputs)
}

fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            out.extend(yaml_files(path).map_err(Failure::Usage)?);
            out.extend(toml_files(path));
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml") && !is_yaml(p))
        .collect();
    files.sort();
    files
}

fn is_answers(root: &yaml::Node) -> bool {
    matches!(&root.value, yaml::Value::Map(entries)
        if entries.iter().any(|(k, _)| matches!(k.as_str(), Some("meta" | "answers" | "waivers"))))
}
