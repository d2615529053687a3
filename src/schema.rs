//! JSON Schemas of the file formats, and the comment that points editors at them.

/// The first line of every answers file migready writes, so that editors can validate and complete it.
pub const ANSWERS_SCHEMA_COMMENT: &str =
    "# yaml-language-server: $schema=https://raw.githubusercontent.com/migready/migready/main/schema/answers.schema.json";
