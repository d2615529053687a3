//! `migready.toml`: found in the current folder or its parents, checked like every other input.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::load::source::Source;
use crate::model::Limits;
use crate::model::{Catalog, Config, GateConfig, PortfolioConfig, Thresholds};
use crate::suggest::did_you_mean;

pub const FILE_NAME: &str = "migready.toml";

/// `migready.toml`: where extra checklists live, the verdict thresholds and the gate.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
#[schemars(title = "migready config")]
struct RawConfig {
    /// Folders of extra checklists, relative to this file; a checklist with a built-in id replaces it.
    checklists: Vec<PathBuf>,
    thresholds: Thresholds,
    gate: GateConfig,
    portfolio: PortfolioConfig,
    /// Safety limits on inputs; the defaults suit real assessments.
    limits: Limits,
}

/// The JSON Schema of `migready.toml`, from the type that parses it.
pub fn json_schema() -> schemars::Schema {
    schemars::schema_for!(RawConfig)
}

/// The nearest `migready.toml` at or above `start`.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

pub fn parse(source: &Source, path: &Path) -> Result<Config, Diagnostic> {
    let raw: RawConfig = toml::from_str(&source.text).map_err(|e| {
        let pos = e
            .span()
            .map_or(Pos::new(1, 1), |span| position(&source.text, span.start));
        Diagnostic::error(
            &source.name,
            pos,
            Code::TomlSyntax,
            e.message().trim().to_owned(),
        )
    })?;
    if let Some((key, value, ceiling)) = raw.limits.above_ceiling() {
        return Err(Diagnostic::error(
            &source.name,
            key_position(&source.text, key),
            Code::InvalidValue,
            format!(
                "`{key}` must be at most {ceiling}, found {value}: deeper nesting could exhaust the stack"
            ),
        ));
    }
    if let Some((key, value)) = out_of_range(&raw.thresholds) {
        return Err(Diagnostic::error(
            &source.name,
            key_position(&source.text, &key),
            Code::InvalidValue,
            format!("`{key}` must be a percentage from 0 to 100, found {value}"),
        ));
    }
    let base = path.parent().unwrap_or(Path::new("."));
    Ok(Config {
        checklists: raw.checklists.iter().map(|p| base.join(p)).collect(),
        thresholds: raw.thresholds,
        gate: raw.gate,
        portfolio: raw.portfolio,
        limits: raw.limits,
        source: Some(path.to_path_buf()),
    })
}

/// Priority ids in `[thresholds.priority_floors]` must exist in the catalogue.
pub fn check_against(config: &Config, source: &Source, catalog: &Catalog) -> Diagnostics {
    let mut diags = Diagnostics::default();
    for id in config.thresholds.priority_floors.keys() {
        if catalog.priority(id).is_some() {
            continue;
        }
        let pos = source
            .text
            .find(id.as_str())
            .map_or(Pos::new(1, 1), |o| position(&source.text, o));
        diags.push(Diagnostic::error(
            &source.name,
            pos,
            Code::UnknownPriority,
            format!(
                "unknown priority `{id}` in `priority_floors`{}",
                did_you_mean(id, catalog.priorities.iter().map(|p| p.id.as_str()))
            ),
        ));
    }
    diags
}

/// The first threshold that is not a percentage: `nan` would silently switch a check off.
fn out_of_range(t: &Thresholds) -> Option<(String, f64)> {
    let named = [
        ("no_go_score", t.no_go_score),
        ("no_go_completeness", t.no_go_completeness),
        ("go_score", t.go_score),
        ("priority_floor", t.priority_floor),
    ];
    named
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .chain(t.priority_floors.iter().map(|(k, v)| (k.clone(), *v)))
        .find(|(_, v)| !(0.0..=100.0).contains(v))
}

/// Where `key` is set: its first occurrence at the start of a line (so not in a comment), else its first occurrence.
fn key_position(text: &str, key: &str) -> Pos {
    let at_line_start = |offset: &usize| {
        text.get(..*offset)
            .and_then(|before| before.rsplit('\n').next())
            .is_some_and(|line| line.trim().is_empty())
    };
    let mut offsets = text.match_indices(key).map(|(offset, _)| offset);
    let first = offsets.clone().next();
    offsets
        .find(at_line_start)
        .or(first)
        .map_or(Pos::new(1, 1), |offset| position(text, offset))
}

fn position(text: &str, offset: usize) -> Pos {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Pos::new(
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}
