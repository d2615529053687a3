//! Checklist folders: which files in them are read, in which order, and how many at most.

use std::path::{Path, PathBuf};

use crate::diag::{Code, Diagnostic, Pos};
use crate::model::Limits;
use crate::model::limits::hint;

/// Why the checklist folders could not be listed.
#[derive(Debug)]
pub enum FolderError {
    /// A folder that cannot be read, in one sentence.
    Unreadable(String),
    /// More files than `max_checklist_files`, located at the folder that crossed the limit.
    TooMany(Diagnostic),
}

/// The YAML files of every folder, in the order given, stopping at the first folder that takes
/// the count past `limits.max_checklist_files`.
pub fn checklist_files<'a>(
    dirs: impl IntoIterator<Item = &'a PathBuf>,
    limits: Limits,
) -> Result<Vec<PathBuf>, FolderError> {
    let mut files = Vec::new();
    for dir in dirs {
        files.extend(yaml_files(dir).map_err(FolderError::Unreadable)?);
        if files.len() > limits.max_checklist_files {
            return Err(FolderError::TooMany(Diagnostic::error(
                &dir.display().to_string(),
                Pos::new(1, 1),
                Code::LimitExceeded,
                format!(
                    "the checklist folders hold more than {} YAML files {}",
                    limits.max_checklist_files,
                    hint("max_checklist_files")
                ),
            )));
        }
    }
    Ok(files)
}

/// The `*.yaml` / `*.yml` files of a checklist folder, sorted so that results never depend on disk order.
pub fn yaml_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read checklist folder {}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && is_yaml(p))
        .collect();
    files.sort();
    Ok(files)
}

pub fn is_yaml(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}
