//! Maester's results file (`TestResults-*.json`), single-tenant or merged (`Tenants[]`).

use serde::Deserialize;

use crate::evidence::json::OneOrMany;
use crate::evidence::{Run, Status, ToolResult};
use crate::load::evidence::is_guid;
use crate::model::{Outcome, Tool};

/// One tenant of a merged file, or the whole of a single-tenant one.
#[derive(Debug, Deserialize)]
pub struct TenantRun {
    #[serde(rename = "TenantId")]
    pub tenant_id: String,
    #[serde(rename = "TenantName", default)]
    pub tenant_name: Option<String>,
    #[serde(rename = "ExecutedAt")]
    pub executed_at: String,
    #[serde(rename = "CurrentVersion", default)]
    pub current_version: Option<String>,
    #[serde(rename = "Tests", default)]
    pub tests: OneOrMany<Test>,
}

#[derive(Debug, Deserialize)]
pub struct Test {
    #[serde(rename = "Id", default)]
    id: Option<String>,
    #[serde(rename = "Name", default)]
    name: Option<String>,
    #[serde(rename = "Result")]
    result: String,
    #[serde(rename = "ResultDetail", default)]
    detail: Option<Detail>,
}

#[derive(Debug, Deserialize)]
struct Detail {
    #[serde(rename = "TestSkipped", default)]
    skipped: Option<String>,
    #[serde(rename = "SkippedReason", default)]
    reason: Option<String>,
}

pub fn run(tenant: TenantRun) -> Result<Run, String> {
    let h = tenant;
    if h.executed_at
        .get(..10)
        .is_none_or(|d| d.parse::<crate::date::Date>().is_err())
    {
        return Err(format!(
            "the Maester file's `ExecutedAt` is not a time: `{}`",
            h.executed_at
        ));
    }
    let id = is_guid(&h.tenant_id).then(|| h.tenant_id.to_ascii_lowercase());
    let tenant_label = match (&id, h.tenant_name) {
        (Some(_), Some(name)) if is_guid_or_named(&name) => name,
        (Some(id), _) => id.clone(),
        (None, _) => h.tenant_id,
    };
    let results = h.tests.0.into_iter().filter_map(result).collect();
    Ok(Run {
        tool: Tool::Maester,
        version: h
            .current_version
            // A blank version would be written as one the loader refuses.
            .filter(|v| !v.trim().is_empty())
            .unwrap_or_else(|| "unknown".into()),
        run: h.executed_at,
        tenant: id,
        tenant_label,
        results,
    })
}

/// Maester writes `TenantName (not connected to Graph)` when it could not read the name.
fn is_guid_or_named(name: &str) -> bool {
    !name.trim().is_empty() && !name.contains("not connected")
}

fn result(test: Test) -> Option<ToolResult> {
    // Older files may lack `Id`; the name starts with it, up to the first colon.
    let id = test.id.filter(|i| !i.is_empty()).or_else(|| {
        test.name
            .as_deref()
            .and_then(|n| n.split(':').next())
            .map(str::to_owned)
    })?;
    Some(ToolResult {
        status: status(&test.result, test.detail.as_ref()),
        id: id.trim().to_owned(),
    })
}

fn status(result: &str, detail: Option<&Detail>) -> Status {
    let code = detail
        .and_then(|d| d.skipped.as_deref())
        .filter(|c| !c.is_empty());
    let reason = detail
        .and_then(|d| d.reason.as_deref())
        .map(first_sentence)
        .filter(|r| !r.is_empty() && r != "None");
    let because = match (code, reason) {
        (Some(c), Some(r)) => format!(" ({c}: {r})"),
        (Some(c), None) => format!(" ({c})"),
        (None, Some(r)) => format!(" ({r})"),
        (None, None) => String::new(),
    };
    match result {
        "Passed" => Status::Decided(Outcome::Pass),
        "Failed" => Status::Decided(Outcome::Fail),
        "Skipped" => Status::Nothing(format!("Skipped{because}")),
        "NotRun" => Status::Nothing("NotRun: left out of the run by its tag filter".into()),
        "Error" => Status::Nothing(format!("Error: the test could not run{because}")),
        "Investigate" => Status::Nothing("Investigate: the test needs a person to judge it".into()),
        other => Status::Nothing(format!("{other}: not a result migready knows")),
    }
}

/// The reason's first sentence, without markdown links, for a one-line message.
fn first_sentence(text: &str) -> String {
    let line = text.trim().lines().next().unwrap_or_default();
    let end = line.find(". ").map_or(line.len(), |i| i + 1);
    let sentence = &line[..end];
    let sentence = sentence.split(" See [").next().unwrap_or(sentence);
    sentence
        .chars()
        .filter(|c| c.is_ascii() || c.is_alphanumeric())
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detail(code: &str, reason: &str) -> Detail {
        Detail {
            skipped: Some(code.into()),
            reason: Some(reason.into()),
        }
    }

    #[test]
    fn passed_and_failed_decide_the_rest_say_why_not() {
        assert_eq!(status("Passed", None), Status::Decided(Outcome::Pass));
        assert_eq!(status("Failed", None), Status::Decided(Outcome::Fail));
        let skipped = status(
            "Skipped",
            Some(&detail(
                "NotConnectedExchange",
                "Not connected to Exchange Online. See [Connecting](https://x)",
            )),
        );
        assert_eq!(
            skipped,
            Status::Nothing(
                "Skipped (NotConnectedExchange: Not connected to Exchange Online.)".into()
            )
        );
        assert!(matches!(status("NotRun", None), Status::Nothing(w) if w.starts_with("NotRun")));
        assert!(
            matches!(status("Investigate", None), Status::Nothing(w) if w.starts_with("Investigate"))
        );
    }
}
