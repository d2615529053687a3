//! The condition language of checklists: `when:` of questions and rules.
//!
//! An expression is compiled once, when the catalogue loads: it is parsed, every name is resolved
//! to an index and every comparison is type-checked, so that authors learn about mistakes before
//! anyone answers a question. Evaluation then only reads answers through [`Facts`] and never
//! allocates, because it runs for every question and rule on every assessment.

mod ast;
mod check;
mod compare;
mod compiled;
mod eval;
mod functions;
mod lexer;
mod operand;
mod parser;

#[cfg(test)]
mod tests;

use crate::date::Date;
use compiled::Cond;

/// What the checker knows of a question's answer type.
#[derive(Debug, Clone, PartialEq)]
pub enum QuestionType {
    YesNo {
        partial: bool,
    },
    Choice {
        options: Vec<String>,
    },
    Multi {
        options: Vec<String>,
    },
    /// An integer 0..=5.
    Maturity,
    Number,
    Date,
    Text,
    Person,
}

/// Where an expression appears: a question's `when:` may not use `score(...)` (scores depend on applicability).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    When,
    Rule,
}

/// Resolves names while compiling. Implemented by the catalogue.
pub trait Schema {
    /// Index and type of a qualified question id such as `identity.mfa_coverage`.
    fn question(&self, id: &str) -> Option<(usize, &QuestionType)>;
    /// Every qualified question id, for "did you mean".
    fn question_ids(&self) -> Vec<&str>;
    /// Index of a priority id such as `identity_security`.
    fn priority(&self, id: &str) -> Option<usize>;
    fn priority_ids(&self) -> Vec<&str>;
    /// The date of a named deadline (`deadline("ews_shutdown")`), kept in the catalogue's data.
    fn deadline(&self, _id: &str) -> Option<Date> {
        None
    }
    fn deadline_ids(&self) -> Vec<&str> {
        Vec::new()
    }
}

/// Which diagnostic a compile error becomes (the loader maps these to stable codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Bad token, unbalanced parentheses, trailing input.
    Syntax,
    /// Longer or deeper than its `Bounds`.
    Limit,
    /// No such question id (the message includes did-you-mean).
    UnknownQuestion,
    /// A literal is not one of the question's options (the message lists the allowed values).
    UnknownOption,
    /// `score("...")` with an unknown priority.
    UnknownPriority,
    /// Unknown function or fact.
    UnknownName,
    /// Type mismatch (the message names the expected and found types).
    Type,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompileError {
    pub kind: ErrorKind,
    /// Byte offset into the expression text of the offending token (0-based).
    pub offset: usize,
    /// Lower-case start, no trailing period, names in backticks.
    pub message: String,
}

/// Limits on an expression's source, so that hostile input costs a bounded amount of work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// Longest source, in bytes.
    pub max_bytes: usize,
    /// Deepest nesting: parentheses, `not`, lists and calls each open a level.
    pub max_depth: usize,
}

impl Default for Bounds {
    fn default() -> Bounds {
        Bounds {
            max_bytes: parser::MAX_LEN,
            max_depth: parser::MAX_DEPTH,
        }
    }
}

/// A compiled, type-checked expression. Cheap to evaluate; evaluation allocates nothing.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Expr {
    source: String,
    root: Cond,
    questions: Vec<usize>,
}

impl Expr {
    /// Parses and type-checks. Returns every error found: the first syntax error, or after a
    /// successful parse all resolution and type errors. Limits: source at most 2,000 bytes, nesting at most 32.
    pub fn compile(
        source: &str,
        schema: &dyn Schema,
        context: Context,
    ) -> Result<Expr, Vec<CompileError>> {
        Expr::compile_within(source, schema, context, Bounds::default())
    }

    /// `compile` with other limits on length and nesting.
    pub fn compile_within(
        source: &str,
        schema: &dyn Schema,
        context: Context,
        bounds: Bounds,
    ) -> Result<Expr, Vec<CompileError>> {
        let tree = parser::parse(source, bounds).map_err(|e| vec![e])?;
        let checked = check::check(&tree, source, schema, context)?;
        Ok(Expr {
            source: source.to_string(),
            root: checked.root,
            questions: checked.questions,
        })
    }

    /// Question indices the expression reads, deduplicated, in order of first appearance in the source.
    pub fn questions(&self) -> &[usize] {
        &self.questions
    }

    /// Evaluates with Kleene three-valued logic.
    pub fn eval(&self, facts: &dyn Facts) -> Truth {
        self.root.eval(facts)
    }

    /// The source text as written.
    pub fn source(&self) -> &str {
        &self.source
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    True,
    False,
    Unknown,
}

/// An answer as the evaluator sees it. `Missing` = not answered; `NotApplicable` = answered `n/a` or the
/// question's own `when:` is not true; `Unknown` = answered `unknown`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Answer<'a> {
    Missing,
    NotApplicable,
    Unknown,
    Yes,
    No,
    Partial,
    Choice(&'a str),
    Multi(&'a [String]),
    /// Number and maturity answers.
    Number(f64),
    Date(Date),
    /// Text and person answers.
    Text(&'a str),
}

/// What evaluation reads. Implemented by the engine.
pub trait Facts {
    fn answer(&self, question: usize) -> Answer<'_>;
    /// Priority score 0..=100, or None when the priority has nothing to score.
    fn score(&self, priority: usize) -> Option<f64>;
    fn today(&self) -> Date;
    fn go_live(&self) -> Option<Date>;
}
