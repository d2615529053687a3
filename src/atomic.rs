//! Writing files so that no reader ever sees half a file and no earlier version is lost.
//!
//! The new content goes to a temporary file in the same folder, is flushed to disk, and is then
//! renamed over the target; the previous version, if any, is kept as `NAME.bak` when asked.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Whether to keep the file being replaced as `NAME.bak`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backup {
    Keep,
    None,
}

/// Writes `contents` to `path` atomically. On any error the original file is untouched.
///
/// A symlink is written through (the link stays, its target gets the new content), and the
/// replaced file's permissions carry over, so an answers file kept elsewhere or shared with a
/// team keeps working after each save.
pub fn write(path: &Path, contents: &[u8], backup: Backup) -> io::Result<()> {
    let resolved;
    let path = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            resolved = fs::canonicalize(path)?;
            resolved.as_path()
        }
        _ => path,
    };
    if path.is_dir() {
        return Err(io::Error::other(format!(
            "{} is a directory",
            path.display()
        )));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "output".to_owned(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let permissions = fs::metadata(path).ok().map(|m| m.permissions());
    // `create_new` never follows or truncates something already at the temporary name; on that
    // error there is nothing of ours to clean up.
    let file = File::options().write(true).create_new(true).open(&temp)?;
    let result = fill(file, contents).and_then(|()| {
        if let Some(permissions) = permissions {
            fs::set_permissions(&temp, permissions)?;
        }
        if backup == Backup::Keep && path.is_file() {
            fs::copy(path, dir.join(format!("{name}.bak")))?;
        }
        fs::rename(&temp, path)?;
        sync_dir(&dir);
        Ok(())
    });
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn fill(mut file: File, contents: &[u8]) -> io::Result<()> {
    file.write_all(contents)?;
    file.sync_all()
}

/// Makes the rename itself durable; not every platform or file system allows it, so failure is ignored.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("migready-atomic-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn replaces_and_keeps_a_backup() {
        let dir = scratch("backup");
        let path = dir.join("answers.yaml");
        fs::write(&path, "old").unwrap();
        write(&path, b"new", Backup::Keep).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(
            fs::read_to_string(dir.join("answers.yaml.bak")).unwrap(),
            "old"
        );
        let leftovers: Vec<_> = fs::read_dir(&dir).unwrap().filter_map(Result::ok).collect();
        assert_eq!(leftovers.len(), 2, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_written_through_and_permissions_carry_over() {
        use std::os::unix::fs::PermissionsExt;
        let dir = scratch("symlink");
        let real = dir.join("real.yaml");
        fs::write(&real, "old").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.join("answers.yaml");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write(&link, b"new", Backup::Keep).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        assert_eq!(
            fs::read_to_string(dir.join("real.yaml.bak")).unwrap(),
            "old"
        );
        let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn something_already_at_the_temporary_name_is_not_overwritten() {
        let dir = scratch("planted");
        let path = dir.join("report.md");
        let planted = dir.join(format!(".report.md.{}.tmp", std::process::id()));
        fs::write(&planted, "planted").unwrap();
        assert!(write(&path, b"x", Backup::None).is_err());
        assert_eq!(fs::read_to_string(&planted).unwrap(), "planted");
        assert!(!path.exists());
    }

    #[test]
    fn a_directory_in_the_way_is_an_error_and_is_left_alone() {
        let dir = scratch("dir");
        let path = dir.join("report.md");
        fs::create_dir(&path).unwrap();
        assert!(write(&path, b"x", Backup::None).is_err());
        assert!(path.is_dir());
    }
}
