//! The built-in checklists, embedded at build time so that migready works from any folder.
//!
//! `build.rs` parses each file once and embeds the tree in a compact binary form, so no run pays
//! for YAML parsing; the YAML text is embedded too, for messages that quote a position.

use crate::load::source::Source;
use crate::load::yaml;

macro_rules! builtin {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../checklists/", $name)),
            include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".bin")).as_slice(),
        )
    };
}

/// File name, YAML text and parsed tree, in the order areas are assessed. Must match `build.rs`.
const FILES: &[(&str, &str, &[u8])] = &[
    builtin!("priorities.yaml"),
    builtin!("identity.yaml"),
    builtin!("endpoint.yaml"),
    builtin!("comms.yaml"),
    builtin!("escalation.yaml"),
    builtin!("post-go-live.yaml"),
];

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
