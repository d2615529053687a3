//! `migready lint`: validate checklists, answers and config files, every problem at once, no scoring.

use std::path::PathBuf;

use crate::cli::LintArgs;
use crate::commands::{Env, Exit, Failure};
use crate::diag::{Diagnostics, Sink};
use crate::glob::Glob;
use crate::load::{self, discover, source, yaml};
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
                for w in crate::evidence::verify::warnings(
                    &catalog,
                    &answers,
                    env.today,
                    config.evidence_max_age_days,
                ) {
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
            catalog.rules.iter().filter(|r| r.evidence_of.is_none()).count(),
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
/// A file named on the command line is always checked; a file found in a folder only when it is one
/// of ours (answers, checklist or priorities, `migready.toml`), so that a CI workflow beside the
/// answers is not read as a broken checklist.
fn classify(
    paths: &[PathBuf],
    limits: &Limits,
    diags: &mut Diagnostics,
) -> Result<Inputs, Failure> {
    let mut inputs = Inputs::default();
    for (path, named) in expand(paths, diags)? {
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
        // Found in a folder, an answers file must at least have its `meta`; named, any answers key will do,
        // so that a broken one is reported as an answers file.
        let answers_like = root
            .as_ref()
            .is_some_and(|r| is_answers(r) && (named || has_key(r, "meta")));
        if answers_like {
            inputs.answers.push(source);
        } else if named || root.as_ref().is_some_and(is_checklist) {
            // Checklists (and named files too broken to tell) go through the checklist loader.
            inputs.checklists.push(path);
        }
    }
    Ok(inputs)
}

/// The files to check, each with whether it was named (rather than found in a folder). Folders are
/// searched as `portfolio` searches them: recursively, hidden folders and `target` left out.
fn expand(paths: &[PathBuf], diags: &mut Diagnostics) -> Result<Vec<(PathBuf, bool)>, Failure> {
    let (folders, files): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.iter().cloned().partition(|p| p.is_dir());
    let mut out: Vec<(PathBuf, bool)> = files.into_iter().map(|f| (f, true)).collect();
    if folders.is_empty() {
        return Ok(out);
    }
    let mut found_any = false;
    for pattern in ["*.y*ml", "migready.toml"] {
        let glob = Glob::new(pattern).map_err(Failure::Usage)?;
        let found = discover::find(&folders, &glob);
        found_any |= !found.files.is_empty();
        out.extend(found.files.into_iter().map(|f| (f, false)));
        for (_, d) in found.unreadable {
            diags.push(d);
        }
    }
    if !found_any && diags.is_empty() {
        let names: Vec<String> = folders.iter().map(|f| f.display().to_string()).collect();
        return Err(Failure::Usage(format!(
            "nothing to lint: no YAML file or migready.toml in {}",
            names.join(", ")
        )));
    }
    Ok(out)
}

fn has_key(root: &yaml::Node, key: &str) -> bool {
    matches!(&root.value, yaml::Value::Map(entries) if entries.iter().any(|(k, _)| k.as_str() == Some(key)))
}

/// A checklist or the priorities file: a list under `questions`, `rules` or `priorities`.
fn is_checklist(root: &yaml::Node) -> bool {
    matches!(&root.value, yaml::Value::Map(entries)
        if entries.iter().any(|(k, v)| matches!(k.as_str(), Some("questions" | "rules" | "priorities"))
            && matches!(v.value, yaml::Value::Seq(_))))
}

fn is_answers(root: &yaml::Node) -> bool {
    matches!(&root.value, yaml::Value::Map(entries)
        if entries.iter().any(|(k, _)| matches!(k.as_str(), Some("meta" | "answers" | "waivers"))))
}
