//! `migready report`: the go/no-go brief for leadership. The outline (which sections, in which
//! order) is written once in `outline`, over the `markup` interface that `markdown` and `html`
//! implement; `sections` decides what each section holds and `decision` words "Decision needed".
//! `json` gives the same content as data.

pub mod actions;
pub mod basis;
pub mod brief;
pub mod decision;
pub mod glossary;
pub mod html;
pub mod json;
pub mod json_brief;
pub mod markdown;
pub mod markup;
pub mod outline;
pub mod sections;
pub mod team;
