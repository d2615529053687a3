//! `migready.toml`: found in the current folder or its parents, checked like every other input.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::load::config_check::position;
use crate::load::source::Source;
use crate::model::Limits;
use crate::model::config::ReportConfig;
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
    report: ReportConfig,
    /// Safety limits on inputs; the defaults suit real assessments.
    limits: Limits,
    /// Tenant evidence from a run more than this many days before the assessment's day is stale:
    /// listed as such, and no longer counted as backing its answer.
    #[serde(default = "evidence_max_age_days")]
    #[schemars(range(min = 1, max = 3650))]
    evidence_max_age_days: u32,
}

fn evidence_max_age_days() -> u32 {
    crate::model::config::EVIDENCE_MAX_AGE_DAYS
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

/// Reads the config, or every problem in it, each at its line and column.
pub fn parse(source: &Source, path: &Path) -> Result<Config, Diagnostics> {
    let schema = json_schema().to_value();
    let problems = crate::load::config_check::check(source, &schema);
    if !problems.is_empty() {
        return Err(problems);
    }
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
    parse_checked(raw, source, path).map_err(Into::into)
}

fn parse_checked(raw: RawConfig, source: &Source, path: &Path) -> Result<Config, Diagnostic> {
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
    let base = path.parent().unwrap_or(Path::new("."));
    Ok(Config {
        checklists: raw.checklists.iter().map(|p| base.join(p)).collect(),
        thresholds: raw.thresholds,
        gate: raw.gate,
        portfolio: raw.portfolio,
        report: raw.report,
        limits: raw.limits,
        evidence_max_age_days: i64::from(raw.evidence_max_age_days),
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
