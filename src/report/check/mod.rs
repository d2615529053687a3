//! `migready check`: one renderer per `--format`, each from the same `Report`.

pub mod github;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod table;
