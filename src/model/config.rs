//! Thresholds and gate settings, from `migready.toml` and flags.

use std::collections::BTreeMap;
use std::path::PathBuf;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::Severity;

/// What the gate requires of the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Require {
    /// Only NO-GO fails.
    #[default]
    Conditional,
    /// Anything short of GO fails.
    Go,
}

/// When the verdict is NO-GO or GO WITH CONDITIONS; scores and completeness are percentages (0-100).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    /// Below this overall score the verdict is NO-GO.
    pub no_go_score: f64,
    /// Below this completeness (percent of applicable questions answered) the verdict is NO-GO.
    pub no_go_completeness: f64,
    /// Below this overall score the verdict is at best GO WITH CONDITIONS.
    pub go_score: f64,
    /// A priority below its floor makes the verdict at best GO WITH CONDITIONS.
    pub priority_floor: f64,
    /// Floors for single priorities, overriding `priority_floor`.
    pub priority_floors: BTreeMap<String, f64>,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            no_go_score: 50.0,
            no_go_completeness: 80.0,
            go_score: 75.0,
            priority_floor: 50.0,
            priority_floors: BTreeMap::new(),
        }
    }
}

impl Thresholds {
    pub fn floor_for(&self, priority: &str) -> f64 {
        self.priority_floors
            .get(priority)
            .copied()
            .unwrap_or(self.priority_floor)
    }
}

/// What `migready check` requires to pass; each flag of the same name overrides it.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct GateConfig {
    /// `conditional`: only NO-GO fails the gate; `go`: anything short of GO fails.
    pub require: Require,
    /// Fail when the overall score is below this (0-100).
    pub min_score: Option<f64>,
    /// Fail on any unwaived finding of this severity or worse.
    pub fail_on: Option<Severity>,
}

/// Settings of `migready portfolio`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct PortfolioConfig {
    /// Which files in a folder are answers files: a file-name pattern where `*` is any run of
    /// characters and `?` is one character. The flag `--pattern` overrides it.
    pub pattern: String,
}

impl Default for PortfolioConfig {
    fn default() -> PortfolioConfig {
        PortfolioConfig {
            pattern: "*answers.y*ml".to_owned(),
        }
    }
}

/// Settings of `migready report`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ReportConfig {
    /// An assessment older than this many days is flagged as out of date in the report.
    pub assessment_max_age_days: u32,
}

impl Default for ReportConfig {
    fn default() -> ReportConfig {
        ReportConfig {
            assessment_max_age_days: 90,
        }
    }
}

/// How many days old tenant evidence may be before it is stale, unless `migready.toml` says.
pub const EVIDENCE_MAX_AGE_DAYS: u32 = 30;

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Folders of extra or replacement checklists, resolved against the config file's folder.
    pub checklists: Vec<PathBuf>,
    pub thresholds: Thresholds,
    pub gate: GateConfig,
    pub portfolio: PortfolioConfig,
    pub report: ReportConfig,
    pub limits: crate::model::Limits,
    /// Tenant evidence older than this many days (judged against the assessment's day) is stale.
    pub evidence_max_age_days: i64,
    /// The file this came from, if any.
    pub source: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            checklists: Vec::new(),
            thresholds: Thresholds::default(),
            gate: GateConfig::default(),
            portfolio: PortfolioConfig::default(),
            report: ReportConfig::default(),
            limits: crate::model::Limits::default(),
            evidence_max_age_days: i64::from(EVIDENCE_MAX_AGE_DAYS),
            source: None,
        }
    }
}
