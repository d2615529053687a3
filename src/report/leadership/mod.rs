//! `migready report`: the go/no-go brief for leadership. The outline (which sections, in which
//! order, holding what) is written once in `outline`; `markdown` and `html` supply the markup, and
//! `json` the same content as data. `decision` words the "Decision needed" section.

pub mod decision;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sections;
