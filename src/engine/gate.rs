//! The CI gate: does this assessment pass what the pipeline requires?

use crate::engine::assess::Assessment;
use crate::engine::verdict::Verdict;
use crate::model::{Catalog, Require, Severity};

/// What the pipeline asks for, merged from the config file and flags.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct GateRequest {
    pub require: Require,
    pub min_score: Option<f64>,
    pub fail_on: Option<Severity>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Gate {
    pub passed: bool,
    /// Why it failed; empty when it passed.
    pub reasons: Vec<String>,
}

pub fn evaluate(catalog: &Catalog, a: &Assessment, request: GateRequest) -> Gate {
    let mut reasons = Vec::new();
    let verdict = a.judgement.verdict;
    match request.require {
        Require::Conditional if verdict == Verdict::NoGo => {
            reasons.extend(a.judgement.no_go.iter().cloned());
        }
        Require::Go if verdict != Verdict::Go => {
            reasons.push(format!("verdict is {}; GO is required", verdict.label()));
            reasons.extend(a.judgement.reasons().cloned());
        }
        _ => {}
    }
    if let Some(min) = request.min_score.filter(|min| a.score < *min) {
        reasons.push(format!(
            "score {:.1} is below the required minimum of {min}",
            a.score
        ));
    }
    if let Some(level) = request.fail_on {
        let ids: Vec<&str> = a
            .findings
            .iter()
            .filter(|f| f.waiver.is_none() && f.severity <= level)
            .filter_map(|f| catalog.rules.get(f.rule))
            .map(|r| r.id.as_str())
            .collect();
        if !ids.is_empty() {
            reasons.push(format!(
                "{} unwaived finding{} at {} or above: {}",
                ids.len(),
                if ids.len() == 1 { "" } else { "s" },
                level.as_str(),
                ids.join(", ")
            ));
        }
    }
    Gate {
        passed: reasons.is_empty(),
        reasons,
    }
}
