//! The built-in checklists, embedded at build time so that migready works from any folder.
//!
//! `build.rs` checks and compiles them once and embeds the compiled catalogue, so a run without
//! custom checklists neither parses nor validates anything. It also embeds each file's parsed tree
//! (and its YAML text, for messages that quote a position) for runs that add custom checklists,
//! where built-in and custom files are validated together.

use crate::load::source::Source;
use crate::load::yaml;
use crate::model::Catalog;

/// The built-in catalogue as `build.rs` compiled it.
const CATALOG: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin"));

/// The compiled built-in catalogue, or `None` if it cannot be decoded (the caller then loads
/// the sources: slower, never wrong).
pub fn catalog() -> Option<Catalog> {
    postcard::from_bytes(CATALOG).ok()
}

/// File name, YAML text and parsed tree of each of `load::BUILTIN_FILES`, in that order, as
/// `build.rs` wrote the table.
const FILES: &[(&str, &str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));

pub fn sources() -> Vec<Source> {
    FILES
        .iter()
        .map(|(name, text, tree)| Source {
            name: format!("<built-in>/checklists/{name}"),
            text: std::borrow::Cow::Borrowed(text),
            // A tree that fails to decode falls back to parsing the text: slower, never wrong.
            tree: yaml::decode(tree).ok(),
            builtin: true,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::catalog;

    #[test]
    fn the_compiled_catalogue_is_the_one_the_sources_give() {
        let compiled = catalog().expect("the embedded catalogue decodes");
        let loaded =
            catalog::load(&sources(), crate::model::Limits::default()).expect("built-ins load");
        // Debug covers every field, compiled conditions included. The indices are rebuilt on
        // decoding (and their Debug order is random), so they are compared by lookup below.
        let fields = |c: &Catalog| {
            format!(
                "{:?}\n{:?}\n{:?}\n{:?}",
                c.priorities, c.checklists, c.questions, c.rules
            )
        };
        assert_eq!(fields(&compiled), fields(&loaded));
        for q in &loaded.questions {
            assert_eq!(compiled.question(&q.id), loaded.question(&q.id));
        }
        for r in &loaded.rules {
            assert_eq!(compiled.rule(&r.id), loaded.rule(&r.id));
        }
    }
}
