//! The syntax tree the parser builds, before any name is resolved.
//!
//! Every node keeps its byte span so that later errors can point at the exact token.

use std::cmp::Ordering;

/// Byte range `start..end` of a node in the expression text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start,
            end: other.end,
        }
    }
}

/// A comparison operator other than `in`, which has its own rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(super) enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn is_equality(self) -> bool {
        matches!(self, CmpOp::Eq | CmpOp::Ne)
    }

    /// The operator that means the same with its operands swapped (`a < b` is `b > a`).
    pub fn flipped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
            same => same,
        }
    }

    /// Whether `a op b` holds, given how `a` compares with `b`.
    pub fn holds(self, ordering: Ordering) -> bool {
        match self {
            CmpOp::Eq => ordering.is_eq(),
            CmpOp::Ne => ordering.is_ne(),
            CmpOp::Lt => ordering.is_lt(),
            CmpOp::Le => ordering.is_le(),
            CmpOp::Gt => ordering.is_gt(),
            CmpOp::Ge => ordering.is_ge(),
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Node {
    pub kind: NodeKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum NodeKind {
    /// Chains are kept flat so that a long `a or b or c ...` does not make a deep tree.
    Or(Vec<Node>),
    And(Vec<Node>),
    Not(Box<Node>),
    Compare {
        op: CmpOp,
        left: Box<Node>,
        right: Box<Node>,
    },
    In {
        left: Box<Node>,
        right: Box<Node>,
    },
    /// A qualified reference such as `identity.mfa_coverage`.
    Question(String),
    /// A bare identifier that is not a keyword: a fact such as `go_live`.
    Name(String),
    /// `close` is the offset of the `)`, where a missing argument is reported.
    Call {
        name: String,
        args: Vec<Node>,
        close: usize,
    },
    Str(String),
    Number(f64),
    Bool(bool),
    List(Vec<Node>),
}

impl NodeKind {
    /// Literals are what a list may hold and what comparisons check against a question's options.
    pub fn is_literal(&self) -> bool {
        matches!(
            self,
            NodeKind::Str(_) | NodeKind::Number(_) | NodeKind::Bool(_)
        )
    }
}
