//! Reading input files safely: size limits, directories and FIFOs refused, text checked as UTF-8.

use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

use crate::diag::{Code, Diagnostic, Pos};
use crate::model::limits::hint;

/// A file's name as shown in diagnostics, and its text.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    /// Borrowed for the built-in checklists, which live in the binary.
    pub text: Cow<'static, str>,
    /// The parsed tree when it was made ahead of time (the built-in checklists).
    pub tree: Option<crate::load::yaml::Node>,
    /// Shipped with migready: an organisation's checklist with the same id replaces it.
    pub builtin: bool,
}

impl Source {
    /// A source that is not a file on disk (standard input, tests).
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Source {
        Source {
            name: name.into(),
            text: Cow::Owned(text.into()),
            tree: None,
            builtin: false,
        }
    }
}

pub fn read(path: &Path, max_bytes: u64) -> Result<Source, Diagnostic> {
    let name = path.display().to_string();
    let bytes = read_bytes(path, &name, max_bytes)?;
    let text = to_text(&name, bytes)?;
    Ok(Source {
        name,
        text: Cow::Owned(text),
        tree: None,
        builtin: false,
    })
}

/// The file's bytes, refused when it is not a regular file or is larger than `max_bytes`.
fn read_bytes(path: &Path, name: &str, max_bytes: u64) -> Result<Vec<u8>, Diagnostic> {
    let fail = |code, message: String| Diagnostic::error(name, Pos::new(1, 1), code, message);
    let meta = std::fs::metadata(path).map_err(|e| fail(Code::Io, io_message(&e)))?;
    if meta.is_dir() {
        return Err(fail(Code::Io, "is a directory, not a file".into()));
    }
    if !meta.is_file() {
        return Err(fail(Code::Io, "is not a regular file".into()));
    }
    if meta.len() > max_bytes {
        return Err(fail(
            Code::FileTooLarge,
            format!(
                "the file is {} bytes; the limit is {max_bytes} bytes {}",
                meta.len(),
                hint("max_file_bytes")
            ),
        ));
    }
    let file = std::fs::File::open(path).map_err(|e| fail(Code::Io, io_message(&e)))?;
    let mut bytes = Vec::new();
    // The file may grow between the size check and the read; never read past the limit.
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(Code::Io, io_message(&e)))?;
    if bytes.len() as u64 > max_bytes {
        return Err(fail(
            Code::FileTooLarge,
            format!(
                "the file exceeds the limit of {max_bytes} bytes {}",
                hint("max_file_bytes")
            ),
        ));
    }
    Ok(bytes)
}

/// The bytes as text, refused at the first byte that is not UTF-8 or is NUL.
fn to_text(name: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..valid];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = valid
            - before
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |i| i + 1)
            + 1;
        Diagnostic::error(
            name,
            Pos::new(to_u32(line), to_u32(column)),
            Code::Io,
            "the file is not valid UTF-8 text",
        )
    })?;
    if let Some(offset) = text.find('\0') {
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        return Err(Diagnostic::error(
            name,
            Pos::new(to_u32(line), to_u32(column)),
            Code::Io,
            "the file contains a NUL byte; it is not a text file",
        ));
    }
    Ok(text)
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
