//! One checklist file (or `priorities.yaml`) into its raw, not yet cross-checked form.
//!
//! Conditions stay as text here: they can only be compiled once every checklist's questions are known.

use crate::diag::{Code, Pos, Sink};
use crate::load::fields::{Fields, list, number};
use crate::load::question::{QUESTION_FIELDS, answer_kind, is_identifier, unused_type_fields};
use crate::load::risk::{self, RawFinding};
use crate::load::yaml::{Node, Value};
use crate::model::catalog::RiskyAnswer;
use crate::model::{AnswerKind, Leadership, Priority, Severity};

/// A condition as written, with where it stands.
#[derive(Debug, Clone)]
pub struct ExprText {
    pub text: String,
    pub pos: Pos,
}

#[derive(Debug, Clone)]
pub struct RawQuestion {
    pub local_id: String,
    pub prompt: String,
    pub help: String,
    pub kind: AnswerKind,
    pub weight: f64,
    pub priorities: Vec<(String, Pos)>,
    pub references: Vec<String>,
    pub when: Option<ExprText>,
    pub allow_na: bool,
    /// Worst first.
    pub risky: Vec<RiskyAnswer>,
    pub finding: Option<RawFinding>,
    pub pos: Pos,
}

#[derive(Debug, Clone)]
pub struct RawRule {
    pub id: String,
    pub when: ExprText,
    pub severity: Severity,
    pub blocker: bool,
    pub priorities: Vec<(String, Pos)>,
    pub title: String,
    pub risk: String,
    pub remediation: String,
    pub owner: String,
    pub references: Vec<String>,
    pub leadership: Option<Leadership>,
    pub pos: Pos,
}

#[derive(Debug, Clone)]
pub struct RawChecklist {
    pub id: String,
    pub title: String,
    pub description: String,
    pub questions: Vec<RawQuestion>,
    pub rules: Vec<RawRule>,
}

const CHECKLIST_FIELDS: &[&str] = &["id", "title", "description", "questions", "rules"];
const RULE_FIELDS: &[&str] = &[
    "id",
    "when",
    "severity",
    "blocker",
    "priorities",
    "title",
    "risk",
    "remediation",
    "owner",
    "references",
    "leadership",
];

pub fn checklist(root: &Node, sink: &mut Sink) -> Option<RawChecklist> {
    let mut f = Fields::of(root, "a checklist", CHECKLIST_FIELDS, sink)?;
    let id = f.required("id", sink).and_then(|n| checklist_id(n, sink));
    let title = f.required_str("title", sink);
    let description = f.optional_str("description", sink).unwrap_or_default();
    let questions = items(f.optional("questions"), "questions", sink, question);
    let rules = items(f.optional("rules"), "rules", sink, rule);
    f.finish(sink);
    Some(RawChecklist {
        id: id?,
        title: title?,
        description,
        questions,
        rules,
    })
}

pub fn priorities(root: &Node, sink: &mut Sink) -> Vec<Priority> {
    let Some(mut f) = Fields::of(root, "the priorities file", &["priorities"], sink) else {
        return Vec::new();
    };
    let list = items(f.required("priorities", sink), "priorities", sink, priority);
    f.finish(sink);
    list
}

fn priority(node: &Node, sink: &mut Sink) -> Option<Priority> {
    let mut f = Fields::of(
        node,
        "a priority",
        &["id", "title", "description", "weight"],
        sink,
    )?;
    let id = f.required_str("id", sink);
    let title = f.required_str("title", sink);
    let description = f.optional_str("description", sink).unwrap_or_default();
    let weight = weight(&mut f, sink);
    f.finish(sink);
    Some(Priority {
        id: id?,
        title: title?,
        description,
        weight,
    })
}

fn items<T>(
    node: Option<&Node>,
    name: &str,
    sink: &mut Sink,
    read: fn(&Node, &mut Sink) -> Option<T>,
) -> Vec<T> {
    let Some(node) = node else {
        return Vec::new();
    };
    match &node.value {
        Value::Seq(items) => items.iter().filter_map(|item| read(item, sink)).collect(),
        _ => {
            crate::load::fields::wrong_type(node, name, "a list", sink);
            Vec::new()
        }
    }
}

fn question(node: &Node, sink: &mut Sink) -> Option<RawQuestion> {
    let mut f = Fields::of(node, "a question", QUESTION_FIELDS, sink)?;
    let id = f.required("id", sink).and_then(|n| local_id(n, sink));
    let prompt = f.required_str("prompt", sink);
    let help = f.optional_str("help", sink).unwrap_or_default();
    let weight = weight(&mut f, sink);
    let mut risky = Vec::new();
    let kind = answer_kind(&mut f, weight, &mut risky, sink);
    unused_type_fields(&mut f, kind.as_ref(), sink);
    if let (Some(node), Some(kind)) = (f.optional("raises"), kind.as_ref()) {
        risky.extend(risk::question_raises(node, kind, sink));
    }
    risk::sort_worst_first(&mut risky);
    let finding = f.optional("finding").and_then(|n| risk::finding(n, sink));
    match (&finding, risky.is_empty()) {
        (None, false) => sink.error(
            f.pos(),
            Code::MissingField,
            "a question whose answers raise a finding needs `finding:` (title, risk, remediation, owner)",
        ),
        (Some(found), true) => sink.error(
            found.pos,
            Code::InvalidValue,
            "`finding:` is given but no answer raises it: add `raises:` to an option, a band or the question",
        ),
        _ => {}
    }
    let priorities = f.string_list("priorities", sink);
    if priorities.is_empty() && weight > 0.0 {
        sink.error(
            f.pos(),
            Code::MissingField,
            "a scored question needs `priorities` (or `weight: 0`)",
        );
    }
    let references = references(&mut f, sink);
    let when = expr_text(f.optional("when"), sink);
    // Naming nobody is a gap, never "not applicable", so person questions refuse `n/a` by default.
    let person = matches!(kind, Some(AnswerKind::Person));
    let allow_na = f.optional_bool("allow_na", sink).unwrap_or(!person);
    f.finish(sink);
    Some(RawQuestion {
        local_id: id?,
        prompt: prompt?,
        help,
        kind: kind?,
        weight,
        priorities,
        references,
        when,
        allow_na,
        risky,
        finding,
        pos: node.pos,
    })
}

fn rule(node: &Node, sink: &mut Sink) -> Option<RawRule> {
    let mut f = Fields::of(node, "a rule", RULE_FIELDS, sink)?;
    let id = f.required("id", sink).and_then(|n| rule_id(n, sink));
    let when = expr_text(f.required("when", sink), sink);
    let severity = f.required("severity", sink).and_then(|n| severity(n, sink));
    let blocker = f.optional_bool("blocker", sink).unwrap_or(false);
    let priorities = f.string_list("priorities", sink);
    if priorities.is_empty() {
        sink.error(
            f.pos(),
            Code::MissingField,
            "a rule needs `priorities`: the priorities it hurts",
        );
    }
    let title = f.required_str("title", sink);
    let risk = f.required_str("risk", sink);
    let remediation = f.required_str("remediation", sink);
    let owner = f.required_str("owner", sink);
    let references = references(&mut f, sink);
    let leadership = f.optional("leadership").and_then(|n| leadership(n, sink));
    f.finish(sink);
    Some(RawRule {
        id: id?,
        when: when?,
        severity: severity?,
        blocker,
        priorities,
        title: title?,
        risk: risk?,
        remediation: remediation?,
        owner: owner?,
        references,
        leadership,
        pos: node.pos,
    })
}

fn weight(f: &mut Fields, sink: &mut Sink) -> f64 {
    let Some(node) = f.optional("weight") else {
        return 1.0;
    };
    match number(node, "weight", sink) {
        Some(w) if w >= 0.0 => w,
        Some(w) => {
            sink.error(
                node.pos,
                Code::InvalidValue,
                format!("`weight` must be 0 or more, found {w}"),
            );
            1.0
        }
        None => 1.0,
    }
}

fn references(f: &mut Fields, sink: &mut Sink) -> Vec<String> {
    f.string_list("references", sink)
        .into_iter()
        .map(|(s, _)| s)
        .collect()
}

fn expr_text(node: Option<&Node>, sink: &mut Sink) -> Option<ExprText> {
    let node = node?;
    let text = crate::load::fields::text(node, "when", sink)?;
    Some(ExprText {
        text,
        pos: node.pos,
    })
}

pub fn severity(node: &Node, sink: &mut Sink) -> Option<Severity> {
    let found = node.as_str().and_then(Severity::parse);
    if found.is_none() {
        let names: Vec<&str> = Severity::ALL.iter().map(|s| s.as_str()).collect();
        sink.error(
            node.pos,
            Code::InvalidValue,
            format!(
                "`severity` must be one of {}, found {}{}",
                list(&names),
                node.scalar_text()
                    .map_or_else(|| node.type_name().to_owned(), |s| format!("`{s}`")),
                crate::suggest::did_you_mean(
                    node.as_str().unwrap_or_default(),
                    names.iter().copied()
                )
            ),
        );
    }
    found
}

/// `leadership: money | contract | appoint`.
pub fn leadership(node: &Node, sink: &mut Sink) -> Option<Leadership> {
    let found = node.as_str().and_then(Leadership::parse);
    if found.is_none() {
        let names: Vec<&str> = Leadership::ALL.iter().map(|l| l.as_str()).collect();
        sink.error(
            node.pos,
            Code::InvalidValue,
            format!(
                "`leadership` must be one of {}, found {}",
                list(&names),
                node.scalar_text()
                    .map_or_else(|| node.type_name().to_owned(), |s| format!("`{s}`"))
            ),
        );
    }
    found
}

fn checklist_id(node: &Node, sink: &mut Sink) -> Option<String> {
    let id = crate::load::fields::text(node, "id", sink)?;
    let ok = id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    if !ok {
        sink.error(
            node.pos,
            Code::InvalidValue,
            format!("checklist id `{id}` must be lower-case letters, digits, `_` and `-`"),
        );
        return None;
    }
    Some(id)
}

fn local_id(node: &Node, sink: &mut Sink) -> Option<String> {
    let id = crate::load::fields::text(node, "id", sink)?;
    if !is_identifier(&id) {
        sink.error(
            node.pos,
            Code::InvalidValue,
            format!("question id `{id}` must be lower-case letters, digits and `_`, starting with a letter"),
        );
        return None;
    }
    Some(id)
}

fn rule_id(node: &Node, sink: &mut Sink) -> Option<String> {
    let id = node.scalar_text()?;
    let (prefix, digits) = id.split_once('-').unwrap_or(("", ""));
    let ok = !prefix.is_empty()
        && prefix.chars().all(|c| c.is_ascii_uppercase())
        && !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit());
    if !ok {
        sink.error(
            node.pos,
            Code::InvalidValue,
            format!("rule id `{id}` must look like `IDN-001`: upper-case letters, `-`, digits"),
        );
        return None;
    }
    Some(id)
}
