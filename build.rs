//! Parses the built-in checklists once, at build time, and embeds them as a compact binary tree.
//!
//! Parsing ~150 KB of YAML costs several milliseconds per process, more than everything else
//! `migready check` does. The tree embedded here is the same spanned tree the loader builds from a
//! YAML file, so built-in and custom checklists go through one validation path at run time.
//! A syntax error in a built-in checklist fails the build with its file, line and column.

use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/diag.rs"]
mod diag;
#[allow(dead_code)]
#[path = "src/load/yaml.rs"]
mod yaml;

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
    let mut failed = false;
    for name in FILES {
        let path = PathBuf::from("checklists").join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let mut diags = diag::Diagnostics::default();
        let shown = path.display().to_string();
        let tree = yaml::parse(
            &text,
            yaml::Limits::default(),
            &mut diag::Sink::new(&shown, &mut diags),
        );
        for d in diags.into_sorted() {
            println!("cargo::error={d}");
            failed = true;
        }
        let Some(tree) = tree else { continue };
        match yaml::encode(&tree) {
            Ok(bytes) => {
                if let Err(e) = std::fs::write(out_dir.join(format!("{name}.bin")), bytes) {
                    println!("cargo::error=cannot write the compiled {name}: {e}");
                    failed = true;
                }
            }
            Err(e) => {
                println!("cargo::error=cannot encode {name}: {e}");
                failed = true;
            }
        }
    }
    if failed {
        std::process::exit(1);
    }
}
