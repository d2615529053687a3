//! What a tenant-assessment tool said about one control, as kept beside an answer.
//!
//! Only results that decide something are kept (a pass or a fail); everything needed to judge the
//! answer again later is here, so the original results file is not needed after the import.

use std::fmt;

/// The tools whose results files `migready import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tool {
    ScubaGear,
    Maester,
}

impl Tool {
    pub const ALL: [Tool; 2] = [Tool::ScubaGear, Tool::Maester];

    /// The name as the answers file and the mapping write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Tool::ScubaGear => "ScubaGear",
            Tool::Maester => "Maester",
        }
    }

    pub fn parse(s: &str) -> Option<Tool> {
        Tool::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

impl fmt::Display for Tool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A result that says something: the control is met or it is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    Pass,
    Fail,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
        }
    }

    pub fn parse(s: &str) -> Option<Outcome> {
        match s {
            "pass" => Some(Outcome::Pass),
            "fail" => Some(Outcome::Fail),
            _ => None,
        }
    }
}

/// One tool result kept beside an answer (`tenant_evidence:` in the long form).
#[derive(Debug, Clone, PartialEq)]
pub struct TenantEvidence {
    pub tool: Tool,
    /// The tool's version as its file gives it (`1.8.0`, or `Next` for a source build).
    pub version: String,
    /// The full id as the tool wrote it (`MS.AAD.3.2v2`); matched on its stem (`MS.AAD.3.2`).
    pub id: String,
    pub result: Outcome,
    /// When the tool ran, as it wrote it (ISO 8601, with `Z` or an offset).
    pub run: String,
    /// The tenant the tool ran against; absent when the file did not name one.
    pub tenant: Option<String>,
}

impl TenantEvidence {
    /// The day of the run, for judging how old the evidence is.
    pub fn run_date(&self) -> Option<crate::date::Date> {
        self.run.get(..10)?.parse().ok()
    }

    /// "ScubaGear 1.8.0 MS.AAD.3.2v2", for messages and tables.
    pub fn source(&self) -> String {
        format!("{} {} {}", self.tool, self.version, self.id)
    }
}
