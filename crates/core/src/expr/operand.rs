//! What each node of the syntax tree is, once names are resolved: a [`Side`] with its type.
//!
//! Comparisons and boolean positions decide what to do with a side; this file only resolves
//! questions, facts and literals, recording each question the expression reads.

use super::ast::{Node, NodeKind, Span};
use super::check::{Checker, suggest_list};
use super::compiled::{Cond, Operand};
use super::functions::FUNCTIONS;
use super::{ErrorKind, QuestionType};
use crate::suggest::did_you_mean;

/// A resolved node, typed enough to check how it is used.
#[derive(Debug, Clone)]
pub(super) enum Side<'a> {
    Question {
        index: usize,
        ty: &'a QuestionType,
    },
    /// A quoted string literal.
    Text(String),
    /// A numeric literal.
    Number(f64),
    Bool(bool),
    /// A number computed at evaluation: a function or fact.
    Numeric(Operand),
    /// A date computed at evaluation: `go_live`.
    Date(Operand),
    List,
    /// Something already boolean: a comparison, `and`/`or`/`not`, `answered(...)`.
    Condition(Cond),
}

#[derive(Debug, Clone)]
pub(super) struct Typed<'a> {
    pub side: Side<'a>,
    pub span: Span,
}

impl Typed<'_> {
    pub fn is_literal(&self) -> bool {
        matches!(self.side, Side::Text(_) | Side::Number(_) | Side::Bool(_))
    }
}

const FACTS: [&str; 2] = ["days_to_go_live", "go_live"];

impl<'a> Checker<'a> {
    pub fn side(&mut self, node: &Node) -> Option<Typed<'a>> {
        let side = match &node.kind {
            NodeKind::Or(items) => Side::Condition(Cond::Or(self.conditions(items)?)),
            NodeKind::And(items) => Side::Condition(Cond::And(self.conditions(items)?)),
            NodeKind::Not(inner) => Side::Condition(Cond::Not(Box::new(self.condition(inner)?))),
            NodeKind::Compare { op, left, right } => {
                Side::Condition(self.comparison(*op, left, right)?)
            }
            NodeKind::In { left, right } => Side::Condition(self.membership(left, right)?),
            NodeKind::Question(id) => self.question(id, node.span)?,
            NodeKind::Name(name) => self.fact(name, node.span)?,
            NodeKind::Call { name, args, close } => self.call(name, args, *close, node.span)?,
            NodeKind::Str(s) => Side::Text(s.clone()),
            NodeKind::Number(n) => Side::Number(*n),
            NodeKind::Bool(b) => Side::Bool(*b),
            NodeKind::List(_) => Side::List,
        };
        Some(Typed {
            side,
            span: node.span,
        })
    }

    /// Resolves a qualified question id and remembers that the expression reads it.
    pub fn question(&mut self, id: &str, span: Span) -> Option<Side<'a>> {
        let schema = self.schema;
        let Some((index, ty)) = schema.question(id) else {
            let hint = did_you_mean(id, schema.question_ids());
            self.error(
                ErrorKind::UnknownQuestion,
                span.start,
                format!("unknown question `{id}`{hint}"),
            );
            return None;
        };
        if !self.questions.contains(&index) {
            self.questions.push(index);
        }
        Some(Side::Question { index, ty })
    }

    fn fact(&mut self, name: &str, span: Span) -> Option<Side<'a>> {
        match name {
            "days_to_go_live" => return Some(Side::Numeric(Operand::DaysToGoLive)),
            "go_live" => return Some(Side::Date(Operand::GoLive)),
            _ => {}
        }
        let message = if FUNCTIONS.contains(&name) {
            format!("`{name}` is a function; call it, e.g. `{name}(checklist.question)`")
        } else if let Some(qualified) = self.qualified(name) {
            format!(
                "unknown name `{name}`; questions are written with their checklist: did you mean `{qualified}`?"
            )
        } else {
            format!(
                "unknown name `{name}`{}",
                suggest_list(name, &FACTS, "facts")
            )
        };
        self.error(ErrorKind::UnknownName, span.start, message);
        None
    }

    /// A question whose local id is `name`, for authors who forgot the checklist prefix.
    fn qualified(&self, name: &str) -> Option<&'a str> {
        self.schema
            .question_ids()
            .into_iter()
            .find(|id| id.split_once('.').is_some_and(|(_, local)| local == name))
    }
}
