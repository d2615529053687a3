//! Checks and compiles the built-in checklists once, at build time, and embeds the result.
//!
//! Parsing, validating and compiling ~150 KB of YAML costs more per process than everything else
//! `migready check` does. So the build runs the same loader the binary uses (the `migready-core`
//! crate) and embeds two compact binary forms:
//! - the compiled catalogue, decoded as is when no custom checklists are given;
//! - each file's spanned tree, validated again at run time together with custom checklists, so
//!   that built-in and custom checklists go through one path when they are mixed.
//!
//! Any problem in a built-in checklist fails the build with its file, line and column.

use std::borrow::Cow;
use std::fmt::Write;
use std::path::PathBuf;

use migready_core::diag::{Diagnostics, Sink};
use migready_core::load::{BUILTIN_FILES, catalog, source::Source, yaml};
use migready_core::model::Limits;

fn main() {
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let mut errors = Vec::new();
    let mut sources = Vec::new();
    for name in BUILTIN_FILES {
        let path = PathBuf::from("checklists").join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                errors.push(format!("cannot read {}: {e}", path.display()));
                continue;
            }
        };
        let mut diags = Diagnostics::default();
        let shown = path.display().to_string();
        let tree = yaml::parse(&text, Limits::default(), &mut Sink::new(&shown, &mut diags));
        errors.extend(diags.into_sorted().iter().map(ToString::to_string));
        let Some(tree) = tree else { continue };
        write(
            &out_dir,
            &format!("{name}.bin"),
            yaml::encode(&tree),
            &mut errors,
        );
        sources.push(Source {
            // The name the binary gives built-in files, so that compiled positions match.
            name: format!("<built-in>/checklists/{name}"),
            text: Cow::Owned(text),
            tree: Some(tree),
            builtin: true,
        });
    }
    if errors.is_empty() {
        match catalog::load(&sources, Limits::default()) {
            Ok(catalog) => write(
                &out_dir,
                "catalog.bin",
                postcard::to_allocvec(&catalog),
                &mut errors,
            ),
            Err(diags) => errors.extend(diags.into_sorted().iter().map(ToString::to_string)),
        }
    }
    write_table(&out_dir, &mut errors);
    if !errors.is_empty() {
        for e in errors {
            println!("cargo::error={e}");
        }
        std::process::exit(1);
    }
}

fn write(
    out_dir: &std::path::Path,
    name: &str,
    bytes: Result<Vec<u8>, postcard::Error>,
    errors: &mut Vec<String>,
) {
    let result = bytes
        .map_err(|e| e.to_string())
        .and_then(|b| std::fs::write(out_dir.join(name), b).map_err(|e| e.to_string()));
    if let Err(e) = result {
        errors.push(format!("cannot write the compiled {name}: {e}"));
    }
}

/// The table `load::builtin` embeds: each file's name, its text and its compiled tree, in the
/// order of `BUILTIN_FILES`, so that the list of built-in files is written down once.
fn write_table(out_dir: &std::path::Path, errors: &mut Vec<String>) {
    let mut table = String::from("&[\n");
    for name in BUILTIN_FILES {
        let _ = writeln!(
            table,
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/checklists/{name}\")), \
             include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{name}.bin\")).as_slice()),"
        );
    }
    table.push_str("]\n");
    if let Err(e) = std::fs::write(out_dir.join("builtin_files.rs"), table) {
        errors.push(format!("cannot write the table of built-in files: {e}"));
    }
}
