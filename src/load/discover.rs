//! Which files a portfolio covers: files as given, and the answers files found in folders.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::diag::{Code, Diagnostic, Pos};
use crate::glob::Glob;

/// What the paths on the command line come to.
#[derive(Debug, Default)]
pub struct Found {
    /// Files to assess, each once, in the order found.
    pub files: Vec<PathBuf>,
    /// Folders that could not be read, each with why.
    pub unreadable: Vec<(PathBuf, Diagnostic)>,
    /// Folders given on the command line that hold no file matching the pattern.
    pub empty: Vec<PathBuf>,
}

/// Folders never searched: hidden ones (`.git`) and Rust's build output, which only ever hold copies.
fn skipped(folder_name: &str) -> bool {
    folder_name.starts_with('.') || folder_name == "target"
}

/// A path that is not a folder is taken as is, whatever its name: a file named on the command line
/// is meant, and one that does not exist becomes an invalid row when it is read. A folder is
/// searched recursively for files whose name matches `pattern`.
pub fn find(paths: &[PathBuf], pattern: &Glob) -> Found {
    let mut found = Found::default();
    let mut seen = HashSet::new();
    for path in paths {
        if path.is_dir() {
            // A folder whose files were all taken already (given twice, or inside another folder
            // given) is not empty: only one with no matching file at all deserves a note.
            if walk(path, pattern, &mut seen, &mut found) == 0 {
                found.empty.push(path.clone());
            }
        } else if seen.insert(path.clone()) {
            found.files.push(path.clone());
        }
    }
    found
}

/// Depth first, each folder's entries sorted by name, with a stack rather than recursion so that a
/// deeply nested tree cannot exhaust the call stack. Symlinked folders are not followed: a link
/// back up the tree would never end. Returns how many files matched, taken before or not.
fn walk(root: &Path, pattern: &Glob, seen: &mut HashSet<PathBuf>, found: &mut Found) -> usize {
    let mut matched = 0;
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) => {
                let name = folder.display().to_string();
                let d = Diagnostic::error(
                    &name,
                    Pos::new(1, 1),
                    Code::Io,
                    format!("cannot read the folder: {e}"),
                );
                found.unreadable.push((folder, d));
                continue;
            }
        };
        let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
        entries.sort_by_key(std::fs::DirEntry::file_name);
        let mut subfolders = Vec::new();
        for entry in entries {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            // `file_type` does not follow symlinks: a symlinked folder is a symlink here, not a folder.
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            if kind.is_dir() {
                if !skipped(&name) {
                    subfolders.push(path);
                }
            } else if pattern.matches(&name)
                && (kind.is_file() || (kind.is_symlink() && path.is_file()))
            {
                matched += 1;
                if seen.insert(path.clone()) {
                    found.files.push(path);
                }
            }
        }
        folders.extend(subfolders.into_iter().rev());
    }
    matched
}
