//! Budgets that bound what any input can cost: files from other people's repositories must never
//! hang, exhaust memory or slow a CI gate. Each has a default far above real use and a key under
//! `[limits]` in `migready.toml`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `[limits]` in `migready.toml`. Exceeding any of them is an error (`limit-exceeded`, or
/// `file-too-large` for the file size) with the file and position where the limit was crossed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Largest input file, in bytes.
    pub max_file_bytes: u64,
    /// Deepest nesting of YAML mappings and lists, and of JSON in results files read by `import`.
    pub max_yaml_depth: usize,
    /// Most YAML values in one file, aliases expanded (this is what stops an alias bomb).
    pub max_yaml_nodes: usize,
    /// Most YAML aliases (`*name`) in one file.
    pub max_yaml_aliases: usize,
    /// Most checklist files read from the checklist folders.
    pub max_checklist_files: usize,
    /// Most questions in the whole catalogue.
    pub max_questions: usize,
    /// Most rules in the whole catalogue.
    pub max_rules: usize,
    /// Most answers in one answers file.
    pub max_answers: usize,
    /// Longest condition (`when:`), in bytes.
    pub max_expression_bytes: usize,
    /// Deepest nesting in a condition (parentheses, `not`, lists, calls).
    pub max_expression_depth: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 5 * 1024 * 1024,
            max_yaml_depth: 64,
            max_yaml_nodes: 250_000,
            max_yaml_aliases: 1_000,
            max_checklist_files: 1_000,
            max_questions: 20_000,
            max_rules: 20_000,
            max_answers: 20_000,
            max_expression_bytes: 2_000,
            max_expression_depth: 32,
        }
    }
}

/// The most `max_yaml_depth` and `max_expression_depth` may be raised to. Parsing and compiling
/// recurse once per level, and a level can take tens of kilobytes of stack in a debug build:
/// past these, a deep file would overflow the stack and abort instead of being refused.
pub const MAX_YAML_DEPTH_CEILING: usize = 128;
pub const MAX_EXPRESSION_DEPTH_CEILING: usize = 256;

/// Stack for worker threads that parse YAML or evaluate conditions. The default for new threads
/// (2 MiB) is far less than the main thread's, and too little for YAML nested to the ceiling.
pub const WORKER_STACK_BYTES: usize = 16 * 1024 * 1024;

impl Limits {
    /// The first nesting limit set above its ceiling: its key, its value and the ceiling.
    pub fn above_ceiling(&self) -> Option<(&'static str, usize, usize)> {
        [
            (
                "max_yaml_depth",
                self.max_yaml_depth,
                MAX_YAML_DEPTH_CEILING,
            ),
            (
                "max_expression_depth",
                self.max_expression_depth,
                MAX_EXPRESSION_DEPTH_CEILING,
            ),
        ]
        .into_iter()
        .find(|(_, value, ceiling)| value > ceiling)
    }
}

/// The tail of every limit message: where the limit can be raised.
pub fn hint(key: &str) -> String {
    format!("(limit: `{key}` under [limits] in migready.toml)")
}
