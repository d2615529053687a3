//! The parser's error messages in a user's words: budget breaches name the limit and the key
//! that raises it, and messages about the parser's own types or options are reworded.

use crate::model::limits::{Limits, hint};

/// A budget breach in words, with the key that raises the limit; `None` for other errors.
pub(super) fn budget_message(message: &str, limits: Limits) -> Option<String> {
    let message = message.trim();
    let refused = "refused: the document exceeds a safety limit";
    let depth = || {
        format!(
            "{refused}: nesting deeper than {} levels {}",
            limits.max_yaml_depth,
            hint("max_yaml_depth")
        )
    };
    if let Some(breach) = message.strip_prefix("budget breached: ") {
        let what = breach.split([' ', '{']).next().unwrap_or_default();
        return Some(match what {
            "Nodes" => format!(
                "refused: the document expands to more than {} values, aliases included, as an alias bomb does {}",
                limits.max_yaml_nodes,
                hint("max_yaml_nodes")
            ),
            "Aliases" => format!(
                "{refused} of {} aliases {}",
                limits.max_yaml_aliases,
                hint("max_yaml_aliases")
            ),
            "Depth" => depth(),
            _ => format!("{refused} ({what})"),
        });
    }
    message.starts_with("recursion limit exceeded").then(depth)
}

/// Parser messages that name Rust types or the parser's internals, in a user's words. Keys are
/// read as text, so the first three only arise from keys.
const PLAIN: &[(&str, &str)] = &[
    (
        "cannot deserialize null into string",
        "a mapping key must be text, found nothing",
    ),
    (
        "cannot deserialize tagged scalar into string",
        "a mapping key must be plain text, without a tag",
    ),
    (
        "expected string scalar",
        "a mapping key must be text, found a list or a mapping",
    ),
    (
        "recursive references require weak recursion types",
        "an alias refers to the anchor it is inside; a value cannot contain itself",
    ),
];

/// The parser's words, minus what only makes sense to a programmer (its option names).
pub(super) fn plain_message(message: &str) -> String {
    let message = message.trim();
    if let Some((_, plain)) = PLAIN.iter().find(|(parser, _)| message.starts_with(parser)) {
        return (*plain).to_owned();
    }
    if message.starts_with("multiple YAML documents") {
        return "the file holds more than one YAML document (a second `---`); it must hold one"
            .into();
    }
    if let Some(rest) = message.strip_prefix("non-finite float ") {
        let number = rest.split(' ').next().unwrap_or_default();
        return format!("{number} is too large to be a number");
    }
    // The parser's advice on its own options means nothing to a user.
    message
        .split(", set DuplicateKeyPolicy")
        .next()
        .unwrap_or_default()
        .to_owned()
}
