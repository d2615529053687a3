//! Scoring an answers file: read, load, assess, gate. Every command that gives a verdict (check,
//! report, diff, portfolio, assess) scores through here, and the gate request is built here only.

use std::path::Path;

use crate::date::Date;
use crate::diag::Diagnostic;
use crate::engine::{self, Assessment, Gate, GateRequest};
use crate::load::{self, source};
use crate::model::{Answers, Catalog, Config, GateConfig, Require, Severity};
use crate::report::Report;

/// What the gate is asked, from the flags given and the config's `[gate]`: a flag overrides the
/// config file, which overrides the defaults.
#[derive(Debug, Clone, Copy, Default)]
pub struct GateFlags {
    pub require: Option<Require>,
    pub min_score: Option<f64>,
    pub fail_on: Option<Severity>,
}

impl GateFlags {
    pub fn request(self, config: &GateConfig) -> GateRequest {
        GateRequest {
            require: self.require.unwrap_or(config.require),
            min_score: self.min_score.or(config.min_score),
            fail_on: self.fail_on.or(config.fail_on),
        }
    }
}

/// The day an assessment is judged on.
#[derive(Debug, Clone, Copy)]
pub enum AsOf {
    Day(Date),
    /// The day the file says it was assessed (`assessed_on`), else this day: an earlier
    /// assessment is judged as it stood then, so a comparison shows what it said.
    Assessed(Date),
}

/// One answers file, scored.
#[derive(Debug, Clone)]
pub struct Scored {
    pub answers: Answers,
    pub assessment: Assessment,
    pub gate: Option<Gate>,
}

/// What every file of one run is scored against.
#[derive(Clone, Copy)]
pub struct Scorer<'a> {
    pub catalog: &'a Catalog,
    pub config: &'a Config,
    /// `None` when the command does not gate.
    pub gate: Option<GateRequest>,
}

impl Scorer<'_> {
    /// Reads, loads and scores one file; every problem with its location, sorted.
    pub fn file(&self, path: &Path, as_of: AsOf) -> Result<Scored, Vec<Diagnostic>> {
        let limits = self.config.limits;
        let text = source::read(path, limits.max_file_bytes).map_err(|d| vec![d])?;
        let answers = load::answers::load(&text, self.catalog, limits)
            .map_err(super::super::diag::Diagnostics::into_sorted)?;
        let today = match as_of {
            AsOf::Day(day) => day,
            AsOf::Assessed(fallback) => answers.meta.assessed_on.unwrap_or(fallback),
        };
        Ok(self.answers(answers, today))
    }

    /// Scores answers already in memory.
    pub fn answers(&self, answers: Answers, today: Date) -> Scored {
        let readings = if crate::evidence::readings::any(&answers) {
            let (map, _) = crate::evidence::mapping::builtin(self.catalog);
            crate::evidence::readings::readings(&map, self.catalog, &answers)
        } else {
            Vec::new()
        };
        let evidence = engine::evidence::EvidenceInput {
            readings: &readings,
            max_age_days: self.config.evidence_max_age_days,
        };
        let assessment = engine::assess_with(
            self.catalog,
            &answers,
            today,
            &self.config.thresholds,
            evidence,
        );
        let gate = self
            .gate
            .map(|request| engine::gate::evaluate(self.catalog, &assessment, request));
        Scored {
            answers,
            assessment,
            gate,
        }
    }

    /// The report of a scored file.
    pub fn report(&self, scored: &Scored) -> Report {
        Report::new(
            self.catalog,
            &scored.answers,
            &scored.assessment,
            &self.config.thresholds,
            scored.gate.clone(),
        )
        .with_max_age(self.config.report.assessment_max_age_days)
    }
}
