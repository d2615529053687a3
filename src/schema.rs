//! JSON Schemas (draft 2020-12) of the file formats, and the comment that points editors at them.
//!
//! The config schema comes from the very type that parses `migready.toml`. Answers and checklist files
//! are read field by field from a spanned YAML tree, so their schemas come from typed mirrors of what
//! the loaders accept (`schema/answers.rs`, `schema/checklist.rs`); a test keeps mirror and loader in step.
//! The answers schema also lists every question of the catalogue in use, with the values it accepts,
//! so that an editor completes question ids and options and shows each prompt on hover.

pub mod answers;
pub mod checklist;
mod common;

use serde_json::Value;

use crate::model::Catalog;

/// The file formats that have a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Answers,
    Config,
    Checklist,
}

/// Where the published answers schema lives: the copy committed under `schema/` in the repository.
pub const ANSWERS_SCHEMA_URL: &str =
    "https://raw.githubusercontent.com/migready/migready/main/schema/answers.schema.json";

/// The first line of every answers file migready writes, so that editors can validate and complete it.
///
/// The YAML language server (VS Code's YAML extension, Neovim, Helix, JetBrains IDEs) reads it. It names
/// the schema of the built-in catalogue; with checklists of your own, write `migready schema answers`
/// to a file and point the comment at that file instead (`$schema=./answers.schema.json`).
pub const ANSWERS_SCHEMA_COMMENT: &str = "# yaml-language-server: $schema=https://raw.githubusercontent.com/migready/migready/main/schema/answers.schema.json";

/// The schema of one file format as a JSON value.
pub fn generate(kind: Kind, catalog: &Catalog) -> Value {
    match kind {
        Kind::Answers => answers::schema(catalog),
        Kind::Config => crate::load::config::json_schema().to_value(),
        Kind::Checklist => checklist::schema(),
    }
}

/// The schema as the committed files and `migready schema` show it: pretty JSON and a final newline.
pub fn render(kind: Kind, catalog: &Catalog) -> String {
    // A JSON value always serialises; an empty object is the safe fallback.
    let mut out =
        serde_json::to_string_pretty(&generate(kind, catalog)).unwrap_or_else(|_| "{}".into());
    out.push('\n');
    out
}

/// The name of the committed copy under `schema/`.
pub fn file_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Answers => "answers.schema.json",
        Kind::Config => "config.schema.json",
        Kind::Checklist => "checklist.schema.json",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comment_names_the_published_schema() {
        assert_eq!(
            ANSWERS_SCHEMA_COMMENT,
            format!("# yaml-language-server: $schema={ANSWERS_SCHEMA_URL}")
        );
    }
}
