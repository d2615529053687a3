//! The risk a question's own answers carry: `raises:` on options, bands and yes/no values, and the
//! `finding:` text they share.
//!
//! A risky answer raises a finding without a hand-written rule; rules stay for what one answer
//! cannot say (combinations across areas, escalation as go-live nears).

use crate::diag::{Code, Pos, Sink};
use crate::load::checklist::severity;
use crate::load::fields::{Fields, number};
use crate::load::yaml::Node;
use crate::model::catalog::{AnswerMatch, Raise, RiskyAnswer};
use crate::model::{AnswerKind, Question, Rule, Severity};

/// The text of the finding a question's risky answers raise.
#[derive(Debug, Clone)]
pub struct RawFinding {
    pub title: String,
    pub risk: String,
    pub remediation: String,
    pub owner: String,
    pub leadership: Option<crate::model::Leadership>,
    pub pos: Pos,
}

const RAISE_FIELDS: &[&str] = &["severity", "blocker", "within_days", "blocker_within"];
const MULTI_RAISE_FIELDS: &[&str] = &[
    "below",
    "severity",
    "blocker",
    "within_days",
    "blocker_within",
];
const FINDING_FIELDS: &[&str] = &["title", "risk", "remediation", "owner", "leadership"];

/// `raises: high`, or `raises: { severity: critical, blocker: true, within_days: 30 }`.
pub fn raise(node: &Node, sink: &mut Sink) -> Option<Raise> {
    if node.as_str().is_some() {
        return severity(node, sink).map(|severity| Raise {
            severity,
            blocker: false,
            within_days: None,
            blocker_within: None,
        });
    }
    let mut f = Fields::of(node, "`raises`", RAISE_FIELDS, sink)?;
    let raise = raise_fields(&mut f, sink);
    f.finish(sink);
    raise
}

fn raise_fields(f: &mut Fields, sink: &mut Sink) -> Option<Raise> {
    let severity_node = f.required("severity", sink);
    let blocker = f.optional_bool("blocker", sink).unwrap_or(false);
    let within_days = days(f.optional("within_days"), "within_days", sink);
    let blocker_within = days(f.optional("blocker_within"), "blocker_within", sink);
    let severity_node = severity_node?;
    let severity = severity(severity_node, sink)?;
    if blocker && severity != Severity::Critical {
        sink.error(
            severity_node.pos,
            Code::InvalidValue,
            "a go-live blocker is critical: give `severity: critical` with `blocker: true`",
        );
        return None;
    }
    Some(Raise {
        severity,
        blocker,
        within_days,
        blocker_within,
    })
}

fn days(node: Option<&Node>, name: &str, sink: &mut Sink) -> Option<i64> {
    let node = node?;
    let n = number(node, name, sink)?;
    if n.fract() != 0.0 || !(0.0..=3650.0).contains(&n) {
        sink.error(
            node.pos,
            Code::InvalidValue,
            format!("`{name}` is a whole number of days from 0 to 3650, found {n}"),
        );
        return None;
    }
    Some(n as i64)
}

/// The question-level `raises:`: for yes/no, a map from `no` / `partial` to what each raises; for a
/// multiple choice, what a selection scoring `below` a mark raises.
pub fn question_raises(node: &Node, kind: &AnswerKind, sink: &mut Sink) -> Vec<RiskyAnswer> {
    match kind {
        AnswerKind::YesNo { partial } => yes_no_raises(node, *partial, sink),
        AnswerKind::Multi { .. } => multi_raise(node, sink).into_iter().collect(),
        other => {
            sink.error(
                node.pos,
                Code::UnknownField,
                format!(
                    "a {} question says what raises a finding on its {}, not on the question",
                    other.name(),
                    if matches!(other, AnswerKind::Number { .. }) {
                        "bands"
                    } else {
                        "options"
                    }
                ),
            );
            Vec::new()
        }
    }
}

fn yes_no_raises(node: &Node, partial: bool, sink: &mut Sink) -> Vec<RiskyAnswer> {
    let known: &'static [&'static str] = if partial { &["no", "partial"] } else { &["no"] };
    let Some(mut f) = Fields::of(node, "`raises` of a yes/no question", known, sink) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for value in known {
        if let Some(raise) = f.optional(value).and_then(|n| raise(n, sink)) {
            out.push(RiskyAnswer {
                matches: AnswerMatch::Value((*value).to_owned()),
                raise,
            });
        }
    }
    f.finish(sink);
    out
}

fn multi_raise(node: &Node, sink: &mut Sink) -> Option<RiskyAnswer> {
    let mut f = Fields::of(
        node,
        "`raises` of a multiple choice",
        MULTI_RAISE_FIELDS,
        sink,
    )?;
    let below = f
        .required("below", sink)
        .and_then(|n| number(n, "below", sink));
    let raise = raise_fields(&mut f, sink);
    f.finish(sink);
    Some(RiskyAnswer {
        matches: AnswerMatch::ScoreBelow(below?),
        raise: raise?,
    })
}

/// `finding: { title, risk, remediation, owner, leadership }`.
pub fn finding(node: &Node, sink: &mut Sink) -> Option<RawFinding> {
    let mut f = Fields::of(node, "`finding`", FINDING_FIELDS, sink)?;
    let title = f.required_str("title", sink);
    let risk = f.required_str("risk", sink);
    let remediation = f.required_str("remediation", sink);
    let owner = f.required_str("owner", sink);
    let leadership = f
        .optional("leadership")
        .and_then(|n| crate::load::checklist::leadership(n, sink));
    f.finish(sink);
    Some(RawFinding {
        title: title?,
        risk: risk?,
        remediation: remediation?,
        owner: owner?,
        leadership,
        pos: node.pos,
    })
}

/// Worst first, so the first risky answer that matches is the one that counts.
pub fn sort_worst_first(risky: &mut [RiskyAnswer]) {
    risky.sort_by_key(|r| (!r.raise.blocker, r.raise.severity));
}

/// An answer a reviewer would call risky: scored below 0.5, or `no` on a question of weight 3
/// or more. `lint` warns when such an answer raises nothing.
pub fn silent_risks(kind: &AnswerKind, weight: f64, risky: &[RiskyAnswer]) -> Vec<String> {
    if weight <= 0.0 {
        return Vec::new();
    }
    let raised = |value: &str| {
        risky
            .iter()
            .any(|r| matches!(&r.matches, AnswerMatch::Value(v) if v == value))
    };
    match kind {
        AnswerKind::YesNo { .. } if weight >= 3.0 && !raised("no") => vec!["no".to_owned()],
        AnswerKind::Choice { options } => options
            .iter()
            .filter(|o| o.score < 0.5 && !raised(&o.value))
            .map(|o| o.value.clone())
            .collect(),
        AnswerKind::Number { bands, .. } => bands
            .iter()
            .filter(|b| b.score < 0.5)
            .filter(|b| {
                !risky.iter().any(|r| {
                    matches!(r.matches, AnswerMatch::Band { min, max } if min == b.min && max == b.max)
                })
            })
            .map(|b| band_label(b.min, b.max))
            .collect(),
        _ => Vec::new(),
    }
}

pub fn band_label(min: Option<f64>, max: Option<f64>) -> String {
    match (min, max) {
        (Some(lo), Some(hi)) => format!("{lo} to {hi}"),
        (Some(lo), None) => format!("{lo} or more"),
        (None, Some(hi)) => format!("{hi} or less"),
        (None, None) => "any number".to_owned(),
    }
}

/// Reads a `raises:` inside an option or a band, where present.
pub fn inline(f: &mut Fields, sink: &mut Sink) -> Option<Raise> {
    f.optional("raises").and_then(|n| raise(n, sink))
}

/// The condition `explain` shows for a question's risky answers, in the condition language.
pub fn condition_text(question: &Question) -> String {
    let id = &question.id;
    let mut values = Vec::new();
    let mut parts = Vec::new();
    for r in &question.risky {
        match &r.matches {
            AnswerMatch::Value(v) => values.push(format!("\"{v}\"")),
            AnswerMatch::Band { min, max } => {
                let bounds: Vec<String> = [
                    min.map(|lo| format!("{id} >= {lo}")),
                    max.map(|hi| format!("{id} <= {hi}")),
                ]
                .into_iter()
                .flatten()
                .collect();
                parts.push(if bounds.is_empty() {
                    format!("answered({id})")
                } else {
                    bounds.join(" and ")
                });
            }
            AnswerMatch::ScoreBelow(_) => parts.push(format!("answered({id})")),
        }
    }
    match (&question.kind, values.len()) {
        (_, 0) => {}
        (AnswerKind::YesNo { .. }, 1) => parts.insert(0, format!("{id} == {}", values[0])),
        (AnswerKind::Multi { .. }, _) => {
            parts.extend(values.iter().map(|v| format!("{v} in {id}")));
        }
        _ => parts.insert(0, format!("{id} in [{}]", values.join(", "))),
    }
    parts
        .iter()
        .map(|p| format!("({p})"))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// For `lint`: each custom checklist question with a risky answer that raises no finding, neither
/// by `raises:` nor through a hand-written rule that reads the question.
pub fn silent_risk_warnings(catalog: &crate::model::Catalog) -> Vec<crate::diag::Diagnostic> {
    let mut out = Vec::new();
    for checklist in catalog
        .checklists
        .iter()
        .filter(|c| !c.source.starts_with("<built-in>"))
    {
        for q in checklist.questions.clone() {
            let Some(question) = catalog.questions.get(q) else {
                continue;
            };
            let silent = silent_risks(&question.kind, question.weight, &question.risky);
            let read_by_rule = catalog
                .rules
                .iter()
                .any(|r| r.answer_of.is_none() && r.when.questions().contains(&q));
            if silent.is_empty() || read_by_rule {
                continue;
            }
            out.push(crate::diag::Diagnostic::warning(
                &checklist.source,
                question.pos,
                Code::SilentRisk,
                format!(
                    "`{}`: the risky answer{} {} raise{} no finding; add `raises:` (and `finding:`) so a team that gives {} hears about it",
                    question.id,
                    if silent.len() == 1 { "" } else { "s" },
                    silent.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", "),
                    if silent.len() == 1 { "s" } else { "" },
                    if silent.len() == 1 { "it" } else { "one" },
                ),
            ));
        }
    }
    out
}

/// The rule that stands for a question's own risky answers: it carries the question's id, its
/// worst severity (the one `explain` shows) and a condition that names the risky answers.
pub fn answer_rule(
    question: &Question,
    index: usize,
    finding: RawFinding,
    compile: impl FnOnce(&str) -> Option<crate::expr::Expr>,
) -> Option<Rule> {
    let worst = question.risky.first()?.raise;
    let when = compile(&condition_text(question))?;
    Some(Rule {
        id: question.id.clone(),
        checklist: question.checklist,
        when,
        severity: if question
            .risky
            .iter()
            .any(|r| r.raise.blocker_within.is_some())
        {
            Severity::Critical
        } else {
            worst.severity
        },
        blocker: question
            .risky
            .iter()
            .any(|r| r.raise.blocker || r.raise.blocker_within.is_some()),
        priorities: question.priorities.clone(),
        title: finding.title,
        risk: finding.risk,
        remediation: finding.remediation,
        owner: finding.owner,
        references: question.references.clone(),
        leadership: finding.leadership,
        answer_of: Some(index),
        evidence_of: None,
        pos: finding.pos,
    })
}
