//! The checked form that evaluation walks: names are indices, literals are ready to compare.
//!
//! Everything evaluation needs is owned here (option strings included), so that evaluating
//! borrows from this tree and from the answers and never allocates.

use super::ast::CmpOp;
use crate::date::Date;

/// A condition: something that is true, false or unknown.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(super) enum Cond {
    /// A literal `true` or `false`.
    Const(bool),
    And(Vec<Cond>),
    Or(Vec<Cond>),
    Not(Box<Cond>),
    /// A bare yes_no question: yes is true; no and partial are false.
    YesNo(usize),
    /// `answered(q)`: a value or `n/a`.
    Answered(usize),
    /// `unknown(q)`: applies but unanswered or answered `unknown`.
    Unknown(usize),
    Compare(Operand, CmpOp, Operand),
    /// `"option" in q` for a multi question.
    Selected(usize, String),
}

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(super) enum Operand {
    /// A question's answer, whatever its type.
    Answer(usize),
    Number(f64),
    /// An option value, or `yes`/`no`/`partial`.
    Text(String),
    Date(Date),
    /// `count(q)`.
    Count(usize),
    /// `days_until(q)`.
    DaysUntil(usize),
    /// `days_after_go_live(q)`: from go-live to a date answer, negative when it falls before.
    DaysAfterGoLive(usize),
    /// `days_after_go_live(deadline("id"))`: from go-live to a named date.
    DaysFromGoLiveTo(Date),
    /// `business_days_after_go_live(q)`: working days from go-live to a date answer.
    BusinessDaysAfterGoLive(usize),
    /// `business_days_after_go_live(deadline("id"))`: working days from go-live to a named date.
    BusinessDaysFromGoLiveTo(Date),
    /// `score("priority")`, by priority index.
    Score(usize),
    DaysToGoLive,
    GoLive,
}
