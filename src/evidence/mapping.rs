//! The mapping from tool results to questions (`checklists/evidence/scuba-maester.yaml`), read and
//! checked against the catalogue in use. The file's header explains its format.

use crate::diag::{Code, Diagnostics, Sink};
use crate::load::fields::{Fields, list};
use crate::load::yaml::{self, Node, Value};
use crate::model::Limits;
use crate::model::{AnswerKind, AnswerValue, Catalog, Question, Tool};

/// The built-in mapping, embedded like the built-in checklists.
pub const BUILTIN_NAME: &str = "checklists/evidence/scuba-maester.yaml";
const BUILTIN: &str = include_str!("../../checklists/evidence/scuba-maester.yaml");

const QUESTION_FIELDS: &[&str] = &["checks", "all_pass", "caveat"];
const CHECK_FIELDS: &[&str] = &["scubagear", "maester", "pass", "fail"];

#[derive(Debug, Clone, Default)]
pub struct Mapping {
    pub questions: Vec<QuestionMap>,
}

/// What the tools say about one question.
#[derive(Debug, Clone)]
pub struct QuestionMap {
    /// Index of the question in the catalogue.
    pub question: usize,
    pub checks: Vec<Check>,
    /// The answers left when every check passed; `None` adds nothing to the checks' own.
    pub all_pass: Option<Vec<String>>,
    /// What a reader should know before trusting the evidence.
    pub caveat: Option<String>,
}

/// Results that test one thing, and which answers a pass or a fail leaves possible.
#[derive(Debug, Clone)]
pub struct Check {
    /// (tool, id stem) pairs.
    pub ids: Vec<(Tool, String)>,
    pub pass: Option<Vec<String>>,
    pub fail: Option<Vec<String>>,
}

impl Mapping {
    pub fn for_question(&self, question: usize) -> Option<&QuestionMap> {
        self.questions.iter().find(|q| q.question == question)
    }
}

/// The built-in mapping for this catalogue. Entries that do not fit it (an organisation replaced
/// a checklist) are left out and reported, so the import still works for the rest.
pub fn builtin(catalog: &Catalog) -> (Mapping, Diagnostics) {
    load(BUILTIN_NAME, BUILTIN, catalog)
}

pub fn load(name: &str, text: &str, catalog: &Catalog) -> (Mapping, Diagnostics) {
    let mut diags = Diagnostics::default();
    let mut sink = Sink::new(name, &mut diags);
    let mut mapping = Mapping::default();
    let Some(root) = yaml::parse(text, Limits::default(), &mut sink) else {
        return (mapping, diags);
    };
    let Some(mut top) = Fields::of(&root, "the evidence mapping", &["questions"], &mut sink) else {
        return (mapping, diags);
    };
    if let Some(Value::Map(entries)) = top.required("questions", &mut sink).map(|n| &n.value) {
        for (key, node) in entries {
            if let Some(q) = question(key, node, catalog, &mut sink) {
                mapping.questions.push(q);
            }
        }
    }
    top.finish(&mut sink);
    (mapping, diags)
}

fn question(key: &Node, node: &Node, catalog: &Catalog, sink: &mut Sink) -> Option<QuestionMap> {
    let id = key.as_str().unwrap_or_default();
    let Some(index) = catalog.question(id) else {
        sink.error(
            key.pos,
            Code::UnknownQuestion,
            format!("unknown question `{id}`"),
        );
        return None;
    };
    let q = catalog.questions.get(index)?;
    let mut f = Fields::of(node, "a mapped question", QUESTION_FIELDS, sink)?;
    let checks = match f.required("checks", sink).map(|n| &n.value) {
        Some(Value::Seq(items)) => items.iter().filter_map(|c| check(c, q, sink)).collect(),
        _ => Vec::new(),
    };
    let all_pass = f.optional("all_pass").map(|n| values(n, q, sink));
    let caveat = f.optional_str("caveat", sink);
    f.finish(sink);
    Some(QuestionMap {
        question: index,
        checks,
        all_pass,
        caveat,
    })
}

fn check(node: &Node, q: &Question, sink: &mut Sink) -> Option<Check> {
    let mut f = Fields::of(node, "a check", CHECK_FIELDS, sink)?;
    let mut ids = Vec::new();
    for tool in Tool::ALL {
        let key = tool.as_str().to_ascii_lowercase();
        for (id, pos) in f.string_list(&key, sink) {
            if crate::evidence::stem(&id) != id {
                let message = format!(
                    "`{id}`: name the id without its version suffix, e.g. `{}`",
                    crate::evidence::stem(&id)
                );
                sink.error(pos, Code::InvalidValue, message);
            }
            ids.push((tool, id));
        }
    }
    let pass = f.optional("pass").map(|n| values(n, q, sink));
    let fail = f.optional("fail").map(|n| values(n, q, sink));
    f.finish(sink);
    Some(Check { ids, pass, fail })
}

/// A list of answer values the question accepts, as its answers file writes them.
fn values(node: &Node, q: &Question, sink: &mut Sink) -> Vec<String> {
    let Value::Seq(items) = &node.value else {
        crate::load::fields::wrong_type(
            node,
            "pass, fail or all_pass",
            "a list of answer values",
            sink,
        );
        return Vec::new();
    };
    let accepted = tokens(&q.kind);
    let mut out = Vec::new();
    for item in items {
        match item.scalar_text() {
            Some(v) if accepted.contains(&v) => out.push(v),
            other => sink.error(
                item.pos,
                Code::UnknownOption,
                format!(
                    "`{}` has no answer `{}`; it accepts {}",
                    q.id,
                    other.unwrap_or_default(),
                    list(&accepted)
                ),
            ),
        }
    }
    out
}

/// The answers a question offers that evidence can speak to: yes/no (and partial) and options.
pub fn tokens(kind: &AnswerKind) -> Vec<String> {
    match kind {
        AnswerKind::YesNo { partial } => {
            let mut v = vec!["yes".to_owned(), "no".to_owned()];
            if *partial {
                v.push("partial".into());
            }
            v
        }
        AnswerKind::Choice { options } => options.iter().map(|o| o.value.clone()).collect(),
        _ => Vec::new(),
    }
}

/// An answer as a token of [`tokens`]; `None` for answers evidence cannot speak to (`unknown`, `n/a`, text…).
pub fn token(value: &AnswerValue) -> Option<&str> {
    match value {
        AnswerValue::Yes => Some("yes"),
        AnswerValue::No => Some("no"),
        AnswerValue::Partial => Some("partial"),
        AnswerValue::Choice(s) => Some(s),
        _ => None,
    }
}

/// The answer a token stands for, for the question's type.
pub fn answer(kind: &AnswerKind, token: &str) -> Option<AnswerValue> {
    match (kind, token) {
        (AnswerKind::YesNo { .. }, "yes") => Some(AnswerValue::Yes),
        (AnswerKind::YesNo { .. }, "no") => Some(AnswerValue::No),
        (AnswerKind::YesNo { partial: true }, "partial") => Some(AnswerValue::Partial),
        (AnswerKind::Choice { options }, t) if options.iter().any(|o| o.value == t) => {
            Some(AnswerValue::Choice(t.to_owned()))
        }
        _ => None,
    }
}
