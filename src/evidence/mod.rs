//! Tenant evidence: the results files of tenant-assessment tools (ScubaGear, Maester), what their
//! results say about the checklists' questions (a mapping kept as data), and how answers compare.

pub mod apply;
pub mod coverage;
pub mod explain;
pub mod json;
pub mod judge;
pub mod maester;
pub mod mapping;
pub mod readings;
pub mod rules;
pub mod scubagear;
pub mod summary;
pub mod tenant;
pub mod verify;

use serde::Deserialize;

use crate::diag::{Code, Diagnostic, Pos};
use crate::load::source::Source;
use crate::model::{Outcome, Tool};
use json::OneOrMany;

/// One run of one tool against one tenant.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub tool: Tool,
    pub version: String,
    /// When the tool ran, as it wrote it.
    pub run: String,
    /// The tenant id, when the file gives a real one (tools write a sentence when they cannot).
    pub tenant: Option<String>,
    /// What the file says instead of a tenant id, or the tenant's name: for messages.
    pub tenant_label: String,
    pub results: Vec<ToolResult>,
}

/// One control or test and what it came to.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolResult {
    /// The id as the tool wrote it (`MS.AAD.3.2v2`, `MT.1007`).
    pub id: String,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// The control is met or not.
    Decided(Outcome),
    /// Not applicable, skipped, not run, failed to run, omitted or disputed: evidence of nothing.
    Nothing(String),
}

/// An id without its baseline version suffix: `MS.AAD.3.2v2` → `MS.AAD.3.2`. ScubaGear bumps the
/// suffix when a policy's wording changes, so matching on the stem keeps a mapping working.
pub fn stem(id: &str) -> &str {
    if let Some(i) = id.rfind('v') {
        let (head, tail) = (&id[..i], &id[i + 1..]);
        let versioned = !tail.is_empty()
            && tail.bytes().all(|b| b.is_ascii_digit())
            && head.ends_with(|c: char| c.is_ascii_digit());
        if versioned {
            return head;
        }
    }
    id
}

/// The top level of either tool's file: which keys are present tells the tool apart.
#[derive(Deserialize)]
struct Top {
    #[serde(rename = "MetaData")]
    meta: Option<scubagear::MetaData>,
    #[serde(rename = "Results")]
    results: Option<scubagear::Products>,
    #[serde(rename = "Tests")]
    tests: Option<OneOrMany<maester::Test>>,
    #[serde(rename = "Tenants")]
    tenants: Option<OneOrMany<maester::TenantRun>>,
    // Maester's run header; listed here rather than flattened, which would buffer the whole file.
    #[serde(rename = "TenantId")]
    tenant_id: Option<String>,
    #[serde(rename = "TenantName")]
    tenant_name: Option<String>,
    #[serde(rename = "ExecutedAt")]
    executed_at: Option<String>,
    #[serde(rename = "CurrentVersion")]
    current_version: Option<String>,
}

/// Reads a results file of either tool, recognised by its content whatever its name.
pub fn read(source: &Source, max_depth: usize) -> Result<Vec<Run>, Diagnostic> {
    let runs = read_runs(source, max_depth)?;
    // What a file says reaches the terminal and the answers file: it is held to the rule the
    // YAML loader applies, or the import would write an answers file that `check` refuses.
    match runs.iter().find_map(hidden_character) {
        None => Ok(runs),
        Some(c) => Err(Diagnostic::error(
            &source.name,
            Pos::new(1, 1),
            Code::InvalidValue,
            format!(
                "the file holds U+{:04X}, an invisible control, bidirectional-override or non-character, in a version, time, tenant name, id or reason",
                u32::from(c)
            ),
        )),
    }
}

fn hidden_character(run: &Run) -> Option<char> {
    let reasons = run.results.iter().flat_map(|r| match &r.status {
        Status::Nothing(why) => [Some(r.id.as_str()), Some(why.as_str())],
        Status::Decided(_) => [Some(r.id.as_str()), None],
    });
    [&run.version, &run.run, &run.tenant_label]
        .into_iter()
        .map(String::as_str)
        .chain(reasons.flatten())
        .find_map(crate::load::yaml::hidden_character)
}

fn read_runs(source: &Source, max_depth: usize) -> Result<Vec<Run>, Diagnostic> {
    let top: Top = json::parse(&source.name, &source.text, max_depth)?;
    let fail =
        |message: &str| Diagnostic::error(&source.name, Pos::new(1, 1), Code::JsonSyntax, message);
    if let (Some(meta), Some(results)) = (top.meta, top.results) {
        return scubagear::run(meta, results)
            .map(|r| vec![r])
            .map_err(|m| fail(&m));
    }
    if let Some(tenants) = top.tenants {
        // A merged file carries the version once, at the top.
        let version = top.current_version;
        return tenants
            .0
            .into_iter()
            .map(|mut t| {
                t.current_version = t.current_version.or_else(|| version.clone());
                maester::run(t)
            })
            .collect::<Result<_, _>>()
            .map_err(|m| fail(&m));
    }
    if let (Some(tests), Some(tenant_id), Some(executed_at)) =
        (top.tests, top.tenant_id, top.executed_at)
    {
        let tenant = maester::TenantRun {
            tenant_id,
            tenant_name: top.tenant_name,
            executed_at,
            current_version: top.current_version,
            tests,
        };
        return maester::run(tenant).map(|r| vec![r]).map_err(|m| fail(&m));
    }
    Err(fail(
        "neither a ScubaGear results file (`MetaData` and `Results`) nor a Maester one (`Tests`, `TenantId`, `ExecutedAt`)",
    ))
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn the_stem_drops_only_a_version_suffix() {
        assert_eq!(stem("MS.AAD.3.2v2"), "MS.AAD.3.2");
        assert_eq!(stem("MS.SECURITYSUITE.5.1v1"), "MS.SECURITYSUITE.5.1");
        assert_eq!(stem("CISA.MS.AAD.3.2"), "CISA.MS.AAD.3.2");
        assert_eq!(stem("MT.1007"), "MT.1007");
        assert_eq!(stem("EIDSCA.AV01"), "EIDSCA.AV01");
        assert_eq!(stem("MS.AAD.v2"), "MS.AAD.v2");
    }
}
