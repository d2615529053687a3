//! Checks and compiles the built-in checklists once, at build time, and embeds the result.
//!
//! Parsing, validating and compiling ~150 KB of YAML costs more per process than everything else
//! `migready check` does. So the build runs the same loader the binary uses (the modules below are
//! the library's own files) and embeds two compact binary forms:
//! - the compiled catalogue, decoded as is when no custom checklists are given;
//! - each file's spanned tree, validated again at run time together with custom checklists, so
//!   that built-in and custom checklists go through one path when they are mixed.
//!
//! Any problem in a built-in checklist fails the build with its file, line and column.

#![allow(dead_code, unused_imports)]

use std::borrow::Cow;
use std::path::PathBuf;

#[path = "src/date.rs"]
mod date;
#[path = "src/diag.rs"]
mod diag;
#[path = "src/suggest.rs"]
mod suggest;

#[path = "src/expr/mod.rs"]
mod expr;
#[path = "src/model/catalog.rs"]
mod model_catalog;
#[path = "src/model/limits.rs"]
mod model_limits;

#[path = "src/load/catalog/mod.rs"]
mod load_catalog;
#[path = "src/load/checklist.rs"]
mod load_checklist;
#[path = "src/load/expr_pos.rs"]
mod load_expr_pos;
#[path = "src/load/fields.rs"]
mod load_fields;
#[path = "src/load/question.rs"]
mod load_question;
#[path = "src/load/risk.rs"]
mod load_risk;
#[path = "src/load/source.rs"]
mod load_source;
#[path = "src/load/yaml/mod.rs"]
mod load_yaml;

/// The library's module paths (`crate::load::yaml`, …), so that its files compile here unchanged.
mod model {
    pub(crate) use crate::model_catalog as catalog;
    pub(crate) use crate::model_catalog::*;
    pub(crate) use crate::model_limits as limits;
    pub(crate) use crate::model_limits::Limits;
}
mod load {
    pub(crate) use crate::load_catalog as catalog;
    pub(crate) use crate::load_checklist as checklist;
    pub(crate) use crate::load_expr_pos as expr_pos;
    pub(crate) use crate::load_fields as fields;
    pub(crate) use crate::load_question as question;
    pub(crate) use crate::load_risk as risk;
    pub(crate) use crate::load_source as source;
    pub(crate) use crate::load_yaml as yaml;
}

/// Must match `src/load/builtin.rs`.
const FILES: &[&str] = &[
    "priorities.yaml",
    "identity.yaml",
    "endpoint.yaml",
    "comms.yaml",
    "escalation.yaml",
    "post-go-live.yaml",
];

fn main() {
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let mut errors = Vec::new();
    let mut sources = Vec::new();
    for name in FILES {
        let path = PathBuf::from("checklists").join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                errors.push(format!("cannot read {}: {e}", path.display()));
                continue;
            }
        };
        let mut diags = diag::Diagnostics::default();
        let shown = path.display().to_string();
        let tree = load_yaml::parse(
            &text,
            model_limits::Limits::default(),
            &mut diag::Sink::new(&shown, &mut diags),
        );
        errors.extend(diags.into_sorted().iter().map(ToString::to_string));
        let Some(tree) = tree else { continue };
        write(
            &out_dir,
            &format!("{name}.bin"),
            load_yaml::encode(&tree),
            &mut errors,
        );
        sources.push(load_source::Source {
            // The name the binary gives built-in files, so that compiled positions match.
            name: format!("<built-in>/checklists/{name}"),
            text: Cow::Owned(text),
            tree: Some(tree),
            builtin: true,
        });
    }
    if errors.is_empty() {
        match load_catalog::load(&sources, model_limits::Limits::default()) {
            Ok(catalog) => write(
                &out_dir,
                "catalog.bin",
                postcard::to_allocvec(&catalog),
                &mut errors,
            ),
            Err(diags) => errors.extend(diags.into_sorted().iter().map(ToString::to_string)),
        }
    }
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
