//! Resolution and type checking: from the syntax tree to the compiled [`Cond`].
//!
//! The checker keeps going after an error so that an author sees every mistake in one run;
//! a subtree with an error yields `None` and its parent stays quiet about it.

use super::ast::{Node, Span};
use super::compiled::Cond;
use super::operand::{Side, Typed};
use super::{CompileError, Context, ErrorKind, QuestionType, Schema};
use crate::suggest::did_you_mean;

pub(super) struct Checked {
    pub root: Cond,
    pub questions: Vec<usize>,
}

pub(super) fn check(
    tree: &Node,
    source: &str,
    schema: &dyn Schema,
    context: Context,
) -> Result<Checked, Vec<CompileError>> {
    let mut checker = Checker {
        source,
        schema,
        context,
        errors: Vec::new(),
        questions: Vec::new(),
    };
    let root = checker.condition(tree);
    match root {
        Some(root) if checker.errors.is_empty() => Ok(Checked {
            root,
            questions: checker.questions,
        }),
        // Every `None` comes with an error; the fallback only guards against a checker bug.
        _ if checker.errors.is_empty() => Err(vec![CompileError {
            kind: ErrorKind::Type,
            offset: tree.span.start,
            message: "this expression could not be checked".to_string(),
        }]),
        _ => Err(checker.errors),
    }
}

pub(super) struct Checker<'a> {
    pub source: &'a str,
    pub schema: &'a dyn Schema,
    pub context: Context,
    pub errors: Vec<CompileError>,
    /// Question indices in order of first appearance.
    pub questions: Vec<usize>,
}

impl<'a> Checker<'a> {
    /// A node in a boolean position: an operand of `and`/`or`/`not` or the whole expression.
    pub fn condition(&mut self, node: &Node) -> Option<Cond> {
        let typed = self.side(node)?;
        self.as_condition(typed)
    }

    /// Checks every node, even after one fails, so that all errors are reported.
    pub fn conditions(&mut self, nodes: &[Node]) -> Option<Vec<Cond>> {
        let checked: Vec<Option<Cond>> = nodes.iter().map(|n| self.condition(n)).collect();
        checked.into_iter().collect()
    }

    fn as_condition(&mut self, typed: Typed<'a>) -> Option<Cond> {
        let text = self.text(typed.span);
        let message = match typed.side {
            Side::Condition(cond) => return Some(cond),
            Side::Bool(b) => return Some(Cond::Const(b)),
            Side::Question {
                index,
                ty: QuestionType::YesNo { .. },
            } => return Some(Cond::YesNo(index)),
            Side::Question { ty, .. } => question_hint(text, ty),
            Side::Numeric(_) => format!("`{text}` is a number; compare it, e.g. `{text} > 0`"),
            Side::Date(_) => {
                format!("`{text}` is a date; compare it, e.g. `{text} >= \"2026-12-01\"`")
            }
            Side::Text(_) => format!("`{text}` is a string, not a condition"),
            Side::Number(_) => format!("`{text}` is a number, not a condition"),
            Side::List => format!("`{text}` is a list, not a condition"),
        };
        self.error(ErrorKind::Type, typed.span.start, message);
        None
    }

    /// "`x` is a choice question", "`"high"` is a string": how type errors name each side.
    pub fn describe(&self, typed: &Typed<'_>) -> String {
        let text = self.text(typed.span);
        match &typed.side {
            Side::Question { ty, .. } => format!("`{text}` is a {} question", type_name(ty)),
            Side::Text(_) => format!("`{text}` is a string"),
            Side::Number(_) | Side::Numeric(_) => format!("`{text}` is a number"),
            Side::Bool(_) => format!("`{text}` is a boolean"),
            Side::Date(_) => format!("`{text}` is a date"),
            Side::List => format!("`{text}` is a list"),
            Side::Condition(_) => format!("`{text}` is a condition"),
        }
    }

    /// The source text of a span; spans always fall on token boundaries, so this is never empty in practice.
    pub fn text(&self, span: Span) -> &'a str {
        self.source.get(span.start..span.end).unwrap_or("")
    }

    pub fn error(&mut self, kind: ErrorKind, offset: usize, message: String) {
        self.errors.push(CompileError {
            kind,
            offset,
            message,
        });
    }
}

/// The `type:` keyword of the checklist format, which is what authors know the types by.
pub(super) fn type_name(ty: &QuestionType) -> &'static str {
    match ty {
        QuestionType::YesNo { .. } => "yes_no",
        QuestionType::Choice { .. } => "choice",
        QuestionType::Multi { .. } => "multi",
        QuestionType::Maturity => "maturity",
        QuestionType::Number => "number",
        QuestionType::Date => "date",
        QuestionType::Text => "text",
        QuestionType::Person => "person",
    }
}

/// Why a non-yes_no question is not a condition, with the usual way to test it.
fn question_hint(id: &str, ty: &QuestionType) -> String {
    let example = match ty {
        QuestionType::Choice { .. } => format!("{id} == \"...\""),
        QuestionType::Multi { .. } => format!("\"...\" in {id}"),
        QuestionType::Maturity => format!("{id} >= 3"),
        QuestionType::Number => format!("{id} > 0"),
        QuestionType::Date => format!("days_until({id}) < 30"),
        QuestionType::YesNo { .. } | QuestionType::Text | QuestionType::Person => {
            return format!(
                "`{id}` is a {} question; test it with `answered({id})`",
                type_name(ty)
            );
        }
    };
    format!(
        "`{id}` is a {} question; compare it, e.g. `{example}`",
        type_name(ty)
    )
}

/// "; did you mean `x`?", or when nothing is close, every known name: a typo gets its fix,
/// a guess gets the choices.
pub(super) fn suggest_list(input: &str, known: &[&str], what: &str) -> String {
    let hint = did_you_mean(input, known.iter().copied());
    if hint.is_empty() {
        format!("; known {what}: {}", backticked(known))
    } else {
        hint
    }
}

/// "`a`, `b`, `c`".
pub(super) fn backticked(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("`{s}`")).collect();
    quoted.join(", ")
}
