//! Reading checklist files into the checked catalogue, collecting every problem with its location.

pub mod catalog;
pub mod checklist;
pub mod deadlines;
pub mod expr_pos;
pub mod fields;
pub mod question;
pub mod risk;
pub mod source;
pub mod yaml;

/// The built-in checklists under `checklists/`, in the order areas are assessed: the priorities
/// first. `build.rs` compiles them and writes the table `load::builtin` embeds.
pub const BUILTIN_FILES: &[&str] = &[
    "priorities.yaml",
    "deadlines.yaml",
    "identity.yaml",
    "endpoint.yaml",
    "comms.yaml",
    "escalation.yaml",
    "post-go-live.yaml",
];
