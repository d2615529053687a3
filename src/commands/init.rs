//! `migready init`: writes a commented `migready.toml` and a starter `answers.yaml` in this folder.
//!
//! It never replaces a file unless asked: with `--force`, each file it replaces is kept as `NAME.bak`.

use std::path::{Path, PathBuf};

use crate::atomic::{self, Backup};
use crate::cli::InitArgs;
use crate::commands::{Env, Exit, Failure};
use crate::date::Date;
use crate::load::config::FILE_NAME;
use crate::schema::ANSWERS_SCHEMA_COMMENT;

/// The config template: every setting at its default, with why.
pub const CONFIG_TEMPLATE: &str = include_str!("init/migready.toml");
const ANSWERS_TEMPLATE: &str = include_str!("init/answers.yaml");
pub const ANSWERS_FILE: &str = "answers.yaml";
/// The starter go-live date: a quarter ahead, a typical planning horizon, to be replaced.
const GO_LIVE_DAYS: i64 = 90;

pub fn run(env: &Env, args: &InitArgs) -> Result<Exit, Failure> {
    let dir = std::env::current_dir()
        .map_err(|e| Failure::Usage(format!("cannot read the current folder: {e}")))?;
    let files = [
        (dir.join(FILE_NAME), CONFIG_TEMPLATE.to_owned()),
        (dir.join(ANSWERS_FILE), starter_answers(env.today)),
    ];
    if !args.force {
        refuse_existing(&files)?;
    }
    for (path, contents) in &files {
        atomic::write(path, contents.as_bytes(), Backup::Keep)
            .map_err(|e| Failure::Usage(format!("cannot write {}: {e}", display(path))))?;
    }
    env.note(&format!(
        "wrote {FILE_NAME} and {ANSWERS_FILE}\n\
         next: fill in `meta` in {ANSWERS_FILE}, run `migready assess` to answer the questions, \
         then `migready check {ANSWERS_FILE}`"
    ));
    Ok(Exit::Success)
}

/// The starter answers file: the schema comment, then the meta block with today's date.
pub fn starter_answers(today: Date) -> String {
    let body = ANSWERS_TEMPLATE
        .replace("{go_live}", &today.add_days(GO_LIVE_DAYS).to_string())
        .replace("{today}", &today.to_string());
    format!("{ANSWERS_SCHEMA_COMMENT}\n{body}")
}

/// Exit 2, writing nothing, when any of the files is already there.
fn refuse_existing(files: &[(PathBuf, String)]) -> Result<(), Failure> {
    let existing: Vec<String> = files
        .iter()
        .filter(|(p, _)| p.exists())
        .map(|(p, _)| display(p))
        .collect();
    match existing.as_slice() {
        [] => Ok(()),
        [one] => Err(Failure::Usage(format!(
            "{one} already exists; nothing was written (--force replaces it, keeping {one}.bak)"
        ))),
        several => Err(Failure::Usage(format!(
            "{} already exist; nothing was written (--force replaces them, keeping each as NAME.bak)",
            several.join(" and ")
        ))),
    }
}

/// The file name alone: init always writes in the current folder.
fn display(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
