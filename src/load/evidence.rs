//! The `tenant_evidence:` list of a long-form answer, and `meta.tenant_id`.

use crate::diag::{Code, Sink};
use crate::load::fields::{Fields, list, wrong_type};
use crate::load::yaml::{Node, Value};
use crate::model::{Outcome, TenantEvidence, Tool};

const FIELDS: &[&str] = &["tool", "version", "id", "result", "run", "tenant"];

/// Every item of the list; a bad item is reported and left out.
pub fn list_of(node: &Node, sink: &mut Sink) -> Vec<TenantEvidence> {
    let Value::Seq(items) = &node.value else {
        wrong_type(node, "tenant_evidence", "a list of tool results", sink);
        return Vec::new();
    };
    items.iter().filter_map(|item| one(item, sink)).collect()
}

fn one(node: &Node, sink: &mut Sink) -> Option<TenantEvidence> {
    let mut f = Fields::of(node, "a tenant evidence item", FIELDS, sink)?;
    let tool = f.required("tool", sink).and_then(|n| tool(n, sink));
    let version = f.required("version", sink).and_then(|n| scalar(n, sink));
    let id = f.required_str("id", sink);
    let result = f.required("result", sink).and_then(|n| outcome(n, sink));
    let run = f.required("run", sink).and_then(|n| run(n, sink));
    let tenant = f.optional("tenant").and_then(|n| tenant_id(n, sink));
    f.finish(sink);
    Some(TenantEvidence {
        tool: tool?,
        version: version?,
        id: id?,
        result: result?,
        run: run?,
        tenant,
    })
}

fn tool(node: &Node, sink: &mut Sink) -> Option<Tool> {
    let found = node.as_str().and_then(Tool::parse);
    if found.is_none() {
        let names: Vec<&str> = Tool::ALL.iter().map(|t| t.as_str()).collect();
        invalid(
            node,
            &format!("`tool` must be one of {}", list(&names)),
            sink,
        );
    }
    found
}

fn outcome(node: &Node, sink: &mut Sink) -> Option<Outcome> {
    let found = node.as_str().and_then(Outcome::parse);
    if found.is_none() {
        invalid(node, "`result` must be `pass` or `fail`", sink);
    }
    found
}

/// A version may read as a number (`2.0`); it is kept as the text it was written as.
fn scalar(node: &Node, sink: &mut Sink) -> Option<String> {
    let text = node.scalar_text().filter(|s| !s.trim().is_empty());
    if text.is_none() {
        wrong_type(node, "version", "a version string", sink);
    }
    text
}

fn run(node: &Node, sink: &mut Sink) -> Option<String> {
    let text = node.as_str()?;
    let dated = text
        .get(..10)
        .is_some_and(|d| d.parse::<crate::date::Date>().is_ok());
    if !dated {
        sink.error(
            node.pos,
            Code::InvalidDate,
            format!("`run` must be a time that starts with its date (YYYY-MM-DD…), found `{text}`"),
        );
        return None;
    }
    Some(text.to_owned())
}

/// A tenant id: a GUID, written in lower case so that two spellings compare equal.
pub fn tenant_id(node: &Node, sink: &mut Sink) -> Option<String> {
    let text = node.as_str().unwrap_or_default();
    if !is_guid(text) {
        invalid(
            node,
            &format!(
                "a tenant id is a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), found `{text}`"
            ),
            sink,
        );
        return None;
    }
    Some(text.to_ascii_lowercase())
}

/// Tools write a sentence where the tenant id should be when they could not read it.
pub fn is_guid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, len)| g.len() == len && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn invalid(node: &Node, message: &str, sink: &mut Sink) {
    sink.error(node.pos, Code::InvalidValue, message.to_owned());
}
