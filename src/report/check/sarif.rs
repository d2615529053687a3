//! SARIF 2.1.0 for code-scanning tools: one rule per catalogue rule, one result per finding.
//!
//! Each result points at the first triggering answer in the answers file, so a pull request shows the
//! finding on the line that caused it. A waived finding is still a result, with an accepted suppression.

use serde::Serialize;

use crate::diag::Pos;
use crate::model::Severity;
use crate::report::json_text;
use crate::report::location::{first_answer_pos, message};
use crate::report::model::{FindingLine, Report, RuleLine, WaiverLine};

const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// Where a finding stands when none of its answers is in the file: the top of the file.
const FILE_START: Pos = Pos { line: 1, column: 1 };

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    /// Our columns count characters, not UTF-16 code units (the SARIF default).
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
    properties: RunProperties<'a>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties<'a>,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleProperties<'a> {
    tags: Vec<&'a str>,
    severity: &'static str,
    blocker: bool,
    owner_role: &'a str,
    references: &'a [String],
    /// GitHub code scanning sorts alerts by this number (0-10).
    #[serde(rename = "security-severity")]
    security_severity: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    /// Lets code scanning follow one finding across edits that move its line.
    partial_fingerprints: Fingerprints<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression>,
    properties: ResultProperties<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
}

#[derive(Serialize)]
struct Fingerprints<'a> {
    #[serde(rename = "migreadyRule/v1")]
    rule: &'a str,
}

#[derive(Serialize)]
struct Suppression {
    kind: &'static str,
    status: &'static str,
    justification: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultProperties<'a> {
    owner: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    answers: Vec<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RunProperties<'a> {
    organisation: &'a str,
    project: &'a str,
    verdict: &'static str,
    stage: &'static str,
    score: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    score_cap: Option<String>,
    completeness: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    gate_passed: Option<bool>,
    /// Evidence coverage; present when an answer carries tenant evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<&'a crate::report::coverage::Coverage>,
}

pub fn render(report: &Report) -> String {
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "migready",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: report.rules.iter().map(rule).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results: report.findings.iter().map(|f| result(report, f)).collect(),
            properties: RunProperties {
                organisation: &report.organisation,
                project: &report.project,
                verdict: report.verdict.as_str(),
                stage: report.stage.as_str(),
                score: report.score,
                score_cap: report
                    .score_cap
                    .as_ref()
                    .map(crate::report::phrases::cap_phrase),
                completeness: report.completeness,
                gate_passed: report.gate.as_ref().map(|g| g.passed),
                evidence: report.coverage.shown(),
            },
        }],
    };
    json_text(&log)
}

fn rule(r: &RuleLine) -> Rule<'_> {
    let blocker = if r.blocker { " Go-live blocker." } else { "" };
    Rule {
        id: &r.id,
        name: pascal_case(&r.title),
        short_description: Text {
            text: r.title.clone(),
        },
        full_description: Text {
            text: format!("{}{blocker}", r.risk.trim()),
        },
        help: help(r),
        default_configuration: Configuration {
            level: level(r.severity),
        },
        properties: RuleProperties {
            tags: vec!["migration-readiness", &r.checklist],
            severity: r.severity.as_str(),
            blocker: r.blocker,
            owner_role: &r.owner_role,
            references: &r.references,
            security_severity: security_severity(r.severity),
        },
    }
}

fn help(r: &RuleLine) -> Help {
    let references = if r.references.is_empty() {
        String::new()
    } else {
        format!("\n\nReferences: {}", r.references.join("; "))
    };
    let md_references = if r.references.is_empty() {
        String::new()
    } else {
        let items: Vec<String> = r.references.iter().map(|x| format!("- {x}")).collect();
        format!("\n\n**References**\n\n{}", items.join("\n"))
    };
    Help {
        text: format!(
            "Risk: {}\n\nRemediation: {}\n\nOwner: {}{references}",
            r.risk.trim(),
            r.remediation.trim(),
            r.owner_role
        ),
        markdown: format!(
            "**Risk.** {}\n\n**Remediation.** {}\n\n**Owner:** {}{md_references}",
            r.risk.trim(),
            r.remediation.trim(),
            r.owner_role
        ),
    }
}

fn result<'a>(report: &'a Report, f: &'a FindingLine) -> SarifResult<'a> {
    let pos = first_answer_pos(f).unwrap_or(FILE_START);
    let waiver = report.waivers.iter().find(|w| w.rule == f.rule);
    SarifResult {
        rule_id: &f.rule,
        rule_index: report
            .rules
            .iter()
            .position(|r| r.id == f.rule)
            .unwrap_or_default(),
        level: level(f.severity),
        message: Text { text: message(f) },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: file_uri(&report.answers_file),
                },
                region: Region {
                    start_line: pos.line,
                    start_column: pos.column,
                },
            },
        }],
        partial_fingerprints: Fingerprints { rule: &f.rule },
        suppressions: match (f.waived, waiver) {
            (true, Some(w)) => vec![suppression(w)],
            _ => Vec::new(),
        },
        properties: ResultProperties {
            owner: &f.owner,
            due: f.due.map(|d| d.to_string()),
            answers: f.answers.iter().map(|a| a.question.as_str()).collect(),
        },
    }
}

fn suppression(w: &WaiverLine) -> Suppression {
    Suppression {
        // The waiver is written in the analysed file itself.
        kind: "inSource",
        status: "accepted",
        justification: format!(
            "{} (approved by {}, until {})",
            w.reason.trim(),
            w.approved_by,
            w.expires
        ),
    }
}

pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium | Severity::Low => "warning",
        Severity::Info => "note",
    }
}

fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
        Severity::Info => "0.0",
    }
}

/// A relative URI reference for the answers file: forward slashes, unsafe characters escaped.
fn file_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(char::from(b));
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `MFA does not cover every user` -> `MfaDoesNotCoverEveryUser`: SARIF's readable rule name.
fn pascal_case(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_references_with_unsafe_bytes_escaped() {
        assert_eq!(file_uri("docs/answers.yaml"), "docs/answers.yaml");
        assert_eq!(file_uri("my docs\\a#1.yaml"), "my%20docs/a%231.yaml");
        assert_eq!(file_uri("/srv/a.yaml"), "file:///srv/a.yaml");
    }

    #[test]
    fn rule_names_are_pascal_case() {
        assert_eq!(
            pascal_case("MFA does not cover every user"),
            "MfaDoesNotCoverEveryUser"
        );
        assert_eq!(pascal_case("No go / no-go owner"), "NoGoNoGoOwner");
    }
}
