//! Reading files into the checked model, collecting every problem with its location.

pub mod answers;
pub mod builtin;
pub mod catalog;
pub mod checklist;
pub mod config;
pub mod config_check;
pub mod evidence;
pub mod expr_pos;
pub mod fields;
pub mod folders;
pub mod question;
pub mod risk;
pub mod source;
pub mod yaml;
