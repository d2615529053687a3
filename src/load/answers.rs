//! An answers file, checked against the catalogue: every answer must fit its question.

use crate::diag::{Code, Diagnostics, Sink};
use crate::load::fields::Fields;
use crate::load::source::Source;
use crate::load::yaml::{self, Node, Value};
use crate::model::Limits;
use crate::model::limits::hint;
use crate::model::{AnswerEntry, Answers, Catalog, Meta, Waiver};
use crate::suggest::did_you_mean;

// The values themselves are read in `answer_value`; callers keep finding them here.
use crate::load::answer_value::person;
pub use crate::load::answer_value::{expected, is_placeholder, value};

const TOP_FIELDS: &[&str] = &["meta", "answers", "waivers"];
const META_FIELDS: &[&str] = &[
    "organisation",
    "project",
    "go_live",
    "assessed_by",
    "assessed_on",
    "tenant_id",
];
const LONG_FIELDS: &[&str] = &[
    "value",
    "owner",
    "due",
    "evidence",
    "note",
    "tenant_evidence",
];
const WAIVER_FIELDS: &[&str] = &["rule", "reason", "approved_by", "expires"];

pub fn load(source: &Source, catalog: &Catalog, limits: Limits) -> Result<Answers, Diagnostics> {
    let mut diags = Diagnostics::default();
    let root = yaml::parse(
        &source.text,
        limits,
        &mut Sink::new(&source.name, &mut diags),
    );
    let Some(root) = root else {
        return Err(diags);
    };
    if let Some(entry) = past_the_limit(&root, limits.max_answers) {
        Sink::new(&source.name, &mut diags).error(
            entry.pos,
            Code::LimitExceeded,
            format!(
                "the file holds more than {} answers or waivers {}",
                limits.max_answers,
                hint("max_answers")
            ),
        );
        return Err(diags);
    }
    from_tree(&source.name, &root, catalog)
}

/// The first entry of `answers:` or `waivers:` past `max`, counted before any is checked, so
/// that a generated file with a million bad entries gives one error, not a million.
fn past_the_limit(root: &Node, max: usize) -> Option<&Node> {
    let Value::Map(top) = &root.value else {
        return None;
    };
    top.iter()
        .filter(|(k, _)| matches!(k.as_str(), Some("answers" | "waivers")))
        .find_map(|(_, v)| match &v.value {
            Value::Map(entries) => entries.get(max).map(|(k, _)| k),
            Value::Seq(items) => items.get(max),
            _ => None,
        })
}

/// Checks an answers document that is already parsed (for example, one built by a test harness).
pub fn from_tree(name: &str, root: &Node, catalog: &Catalog) -> Result<Answers, Diagnostics> {
    let mut diags = Diagnostics::default();
    let answers = read(name, root, catalog, &mut Sink::new(name, &mut diags));
    match answers {
        Some(a) if !diags.has_errors() => Ok(a),
        _ => Err(diags),
    }
}

fn read(name: &str, root: &Node, catalog: &Catalog, sink: &mut Sink) -> Option<Answers> {
    let mut f = Fields::of(root, "the answers file", TOP_FIELDS, sink)?;
    let meta = f.required("meta", sink).and_then(|n| meta(n, sink));
    let by_question = match f.optional("answers") {
        Some(node) => answers(node, catalog, sink),
        None => vec![None; catalog.questions.len()],
    };
    let waivers = f
        .optional("waivers")
        .map(|n| waivers(n, catalog, sink))
        .unwrap_or_default();
    f.finish(sink);
    Some(Answers {
        file: name.to_owned(),
        meta: meta?,
        by_question,
        waivers,
    })
}

fn meta(node: &Node, sink: &mut Sink) -> Option<Meta> {
    let mut f = Fields::of(node, "`meta`", META_FIELDS, sink)?;
    let organisation = f.required_str("organisation", sink);
    let project = f.required_str("project", sink);
    let go_live_node = f.optional("go_live");
    let go_live = f.optional_date("go_live", sink);
    let assessed_by = f.optional_str("assessed_by", sink);
    let assessed_on = f.optional_date("assessed_on", sink);
    let tenant_id = f
        .optional("tenant_id")
        .and_then(|n| crate::load::evidence::tenant_id(n, sink));
    f.finish(sink);
    if let (Some(go_live), Some(assessed_on), Some(node)) = (go_live, assessed_on, go_live_node)
        && go_live < assessed_on
    {
        sink.error(
            node.pos,
            Code::InvalidDate,
            format!("`go_live` ({go_live}) is before `assessed_on` ({assessed_on}): an assessment is made before go-live; leave `go_live` out while no date is agreed"),
        );
    }
    Some(Meta {
        organisation: organisation?,
        project: project?,
        go_live,
        assessed_by,
        assessed_on,
        tenant_id,
    })
}

fn answers(node: &Node, catalog: &Catalog, sink: &mut Sink) -> Vec<Option<AnswerEntry>> {
    let mut slots = vec![None; catalog.questions.len()];
    let Value::Map(entries) = &node.value else {
        crate::load::fields::wrong_type(
            node,
            "answers",
            "a mapping of question ids to answers",
            sink,
        );
        return slots;
    };
    for (key, value) in entries {
        let id = key.as_str().unwrap_or_default();
        let Some(index) = catalog.question(id) else {
            sink.error(
                key.pos,
                Code::UnknownQuestion,
                format!(
                    "unknown question `{id}`{}",
                    did_you_mean(id, catalog.questions.iter().map(|q| q.id.as_str()))
                ),
            );
            continue;
        };
        if let (Some(entry), Some(slot)) = (
            answer(index, key, value, catalog, sink),
            slots.get_mut(index),
        ) {
            *slot = Some(entry);
        }
    }
    slots
}

fn answer(
    index: usize,
    key: &Node,
    node: &Node,
    catalog: &Catalog,
    sink: &mut Sink,
) -> Option<AnswerEntry> {
    let question = catalog.questions.get(index)?;
    let mut entry = AnswerEntry::blank(index, key.pos);
    let value_node = match &node.value {
        Value::Map(_) => {
            let mut f = Fields::of(node, "a long-form answer", LONG_FIELDS, sink)?;
            let value = f.required("value", sink);
            entry.owner = f.optional("owner").and_then(|n| person(n, "owner", sink));
            entry.due = f.optional_date("due", sink);
            entry.evidence = f.optional_str("evidence", sink);
            entry.note = f.optional_str("note", sink);
            if let Some(n) = f.optional("tenant_evidence") {
                entry.tenant_evidence = crate::load::evidence::list_of(n, sink);
            }
            f.finish(sink);
            value?
        }
        _ => node,
    };
    entry.value = value(
        &question.id,
        &question.kind,
        question.allow_na,
        value_node,
        sink,
    )?;
    Some(entry)
}

/// Converts one answer to its question's type, or explains what the question accepts.
fn waivers(node: &Node, catalog: &Catalog, sink: &mut Sink) -> Vec<Waiver> {
    let Value::Seq(items) = &node.value else {
        crate::load::fields::wrong_type(node, "waivers", "a list of waivers", sink);
        return Vec::new();
    };
    let mut out: Vec<Waiver> = Vec::new();
    let mut waived = vec![false; catalog.rules.len()];
    for item in items {
        let Some(w) = waiver(item, catalog, sink) else {
            continue;
        };
        if std::mem::replace(&mut waived[w.rule], true) {
            let id = catalog.rules.get(w.rule).map_or("", |r| r.id.as_str());
            sink.error(
                item.pos,
                Code::DuplicateId,
                format!("rule `{id}` is waived twice"),
            );
            continue;
        }
        out.push(w);
    }
    out
}

fn waiver(node: &Node, catalog: &Catalog, sink: &mut Sink) -> Option<Waiver> {
    let mut f = Fields::of(node, "a waiver", WAIVER_FIELDS, sink)?;
    let rule_node = f.required("rule", sink);
    let reason = f.required_str("reason", sink);
    let approved_by = f.required_str("approved_by", sink);
    let expires = f.required_date("expires", sink);
    f.finish(sink);
    let rule_node = rule_node?;
    let id = rule_node.scalar_text().unwrap_or_default();
    let Some(rule) = catalog.rule(&id) else {
        sink.error(
            rule_node.pos,
            Code::UnknownRule,
            format!(
                "waiver for unknown rule `{id}`{}",
                did_you_mean(&id, catalog.rules.iter().map(|r| r.id.as_str()))
            ),
        );
        return None;
    };
    Some(Waiver {
        rule,
        reason: reason?,
        approved_by: approved_by?,
        expires: expires?,
        pos: node.pos,
    })
}
