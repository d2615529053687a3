//! ScubaGear's combined results file (`ScubaResults*.json`): `MetaData` and `Results` are read,
//! `Raw` (the bulk of the file) is skipped.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::evidence::json::OneOrMany;
use crate::evidence::{Run, Status, ToolResult};
use crate::load::evidence::is_guid;
use crate::model::{Outcome, Tool};

#[derive(Debug, Deserialize)]
pub struct MetaData {
    #[serde(rename = "TenantId")]
    tenant_id: Option<String>,
    #[serde(rename = "DisplayName")]
    display_name: Option<String>,
    #[serde(rename = "ToolVersion")]
    tool_version: Option<String>,
    #[serde(rename = "TimestampZulu")]
    timestamp_zulu: Option<String>,
}

/// Groups of controls by product key (`AAD`, `EXO`, …).
pub type Products = BTreeMap<String, OneOrMany<Group>>;

#[derive(Debug, Deserialize)]
pub struct Group {
    #[serde(rename = "Controls", default)]
    controls: OneOrMany<Control>,
}

#[derive(Debug, Deserialize)]
struct Control {
    #[serde(rename = "Control ID")]
    id: String,
    #[serde(rename = "Result")]
    result: String,
    #[serde(rename = "Criticality", default)]
    criticality: Option<String>,
}

pub fn run(meta: MetaData, products: Products) -> Result<Run, String> {
    let run = meta
        .timestamp_zulu
        .filter(|t| {
            t.get(..10)
                .is_some_and(|d| d.parse::<crate::date::Date>().is_ok())
        })
        .ok_or("the ScubaGear file gives no run time (`MetaData.TimestampZulu`)")?;
    let raw_tenant = meta.tenant_id.unwrap_or_default();
    let tenant = is_guid(&raw_tenant).then(|| raw_tenant.to_ascii_lowercase());
    let tenant_label = match (&tenant, meta.display_name) {
        (Some(_), Some(name)) => name,
        (Some(id), None) => id.clone(),
        (None, _) => raw_tenant,
    };
    let results = products
        .into_values()
        .flat_map(|groups| groups.0)
        .flat_map(|group| group.controls.0)
        .map(|c| ToolResult {
            status: status(&c.result, c.criticality.as_deref().unwrap_or("")),
            id: c.id,
        })
        .collect();
    Ok(Run {
        tool: Tool::ScubaGear,
        version: meta
            .tool_version
            // A blank version would be written as one the loader refuses.
            .filter(|v| !v.trim().is_empty())
            .unwrap_or_else(|| "unknown".into()),
        run,
        tenant,
        tenant_label,
        results,
    })
}

/// What a `Result` value says (ScubaGear's `CreateReport.psm1` sets them).
fn status(result: &str, criticality: &str) -> Status {
    let nothing = |why: &str| Status::Nothing(why.to_owned());
    match result {
        "Pass" => Status::Decided(Outcome::Pass),
        // `Fail` is a missed SHALL, `Warning` a missed SHOULD: the control is not met either way.
        "Fail" | "Warning" => Status::Decided(Outcome::Fail),
        "N/A" if criticality.ends_with("3rd Party") => {
            nothing("N/A: checked by another product, not by ScubaGear")
        }
        "N/A" => nothing("N/A: ScubaGear cannot check this one automatically"),
        "Omitted" => nothing("Omitted: left out in the ScubaGear configuration"),
        "Incorrect result" | "Incorrect Result" => {
            nothing("Incorrect result: marked as wrong by whoever ran ScubaGear")
        }
        "-" => nothing("-: the control was removed from the baseline"),
        r if r.starts_with("Error") => nothing(&format!("{r}: the check could not run")),
        other => nothing(&format!("{other}: not a result migready knows")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fail_and_warning_are_both_a_fail() {
        assert_eq!(status("Pass", "Shall"), Status::Decided(Outcome::Pass));
        assert_eq!(status("Fail", "Shall"), Status::Decided(Outcome::Fail));
        assert_eq!(status("Warning", "Should"), Status::Decided(Outcome::Fail));
    }

    #[test]
    fn non_results_say_why() {
        let why = |r, c| match status(r, c) {
            Status::Nothing(why) => why,
            Status::Decided(o) => panic!("{r} decided {o:?}"),
        };
        assert!(why("N/A", "Should/Not-Implemented").contains("cannot check"));
        assert!(why("N/A", "Shall/3rd Party").contains("another product"));
        assert!(why("Omitted", "Shall").starts_with("Omitted"));
        assert!(why("Incorrect result", "Shall").starts_with("Incorrect result"));
        assert!(why("Error - Test results missing", "-").contains("could not run"));
        assert!(why("-", "-").contains("removed"));
    }
}
