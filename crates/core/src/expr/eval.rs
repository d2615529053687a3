//! Evaluation with Kleene three-valued logic.
//!
//! An operand that reads an unanswered, `unknown` or not-applicable question (or a missing fact)
//! has no value, and any comparison with it is unknown: a rule must not fire, nor a follow-up
//! question appear, on the strength of an answer nobody gave. Nothing here allocates.

use super::ast::CmpOp;
use super::compiled::{Cond, Operand};
use super::{Answer, Facts, Truth};
use crate::date::Date;

impl Cond {
    pub(super) fn eval(&self, facts: &dyn Facts) -> Truth {
        match self {
            Cond::Const(b) => truth(*b),
            Cond::And(items) => all(items, facts),
            Cond::Or(items) => any(items, facts),
            Cond::Not(inner) => negate(inner.eval(facts)),
            Cond::YesNo(q) => yes_no(facts.answer(*q)),
            Cond::Answered(q) => truth(is_answered(facts.answer(*q))),
            Cond::Unknown(q) => truth(matches!(
                facts.answer(*q),
                Answer::Missing | Answer::Unknown
            )),
            Cond::Compare(left, op, right) => match (left.value(facts), right.value(facts)) {
                (Some(l), Some(r)) => compare(l, *op, r),
                _ => Truth::Unknown,
            },
            Cond::Selected(q, option) => match facts.answer(*q) {
                Answer::Multi(selected) => truth(selected.iter().any(|s| s == option)),
                _ => Truth::Unknown,
            },
        }
    }
}

fn truth(b: bool) -> Truth {
    if b { Truth::True } else { Truth::False }
}

/// One false makes the whole false, whatever else is unknown.
fn all(items: &[Cond], facts: &dyn Facts) -> Truth {
    let mut result = Truth::True;
    for item in items {
        match item.eval(facts) {
            Truth::False => return Truth::False,
            Truth::Unknown => result = Truth::Unknown,
            Truth::True => {}
        }
    }
    result
}

/// One true makes the whole true, whatever else is unknown.
fn any(items: &[Cond], facts: &dyn Facts) -> Truth {
    let mut result = Truth::False;
    for item in items {
        match item.eval(facts) {
            Truth::True => return Truth::True,
            Truth::Unknown => result = Truth::Unknown,
            Truth::False => {}
        }
    }
    result
}

fn negate(t: Truth) -> Truth {
    match t {
        Truth::True => Truth::False,
        Truth::False => Truth::True,
        Truth::Unknown => Truth::Unknown,
    }
}

fn yes_no(answer: Answer<'_>) -> Truth {
    match answer {
        Answer::Yes => Truth::True,
        Answer::No | Answer::Partial => Truth::False,
        _ => Truth::Unknown,
    }
}

/// `n/a` counts as answered: somebody looked at the question and decided it does not apply.
fn is_answered(answer: Answer<'_>) -> bool {
    !matches!(answer, Answer::Missing | Answer::Unknown)
}

/// A value an operand produced; borrowed from the compiled tree or from the answers.
#[derive(Debug, Clone, Copy)]
enum Value<'a> {
    Number(f64),
    Text(&'a str),
    Date(Date),
    Options(&'a [String]),
}

impl Operand {
    fn value<'a>(&'a self, facts: &'a dyn Facts) -> Option<Value<'a>> {
        match self {
            Operand::Answer(q) => answer_value(facts.answer(*q)),
            Operand::Number(n) => Some(Value::Number(*n)),
            Operand::Text(s) => Some(Value::Text(s)),
            Operand::Date(d) => Some(Value::Date(*d)),
            Operand::Count(q) => match facts.answer(*q) {
                Answer::Multi(selected) => Some(Value::Number(selected.len() as f64)),
                _ => None,
            },
            Operand::DaysUntil(q) => match facts.answer(*q) {
                Answer::Date(d) => Some(days_between(facts.today(), d)),
                _ => None,
            },
            Operand::DaysAfterGoLive(q) => match (facts.answer(*q), facts.go_live()) {
                (Answer::Date(d), Some(go_live)) => Some(days_between(go_live, d)),
                _ => None,
            },
            Operand::DaysFromGoLiveTo(d) => {
                facts.go_live().map(|go_live| days_between(go_live, *d))
            }
            Operand::BusinessDaysAfterGoLive(q) => match (facts.answer(*q), facts.go_live()) {
                (Answer::Date(d), Some(go_live)) => {
                    Some(Value::Number(go_live.business_days_until(d) as f64))
                }
                _ => None,
            },
            Operand::BusinessDaysFromGoLiveTo(d) => facts
                .go_live()
                .map(|go_live| Value::Number(go_live.business_days_until(*d) as f64)),
            Operand::Score(p) => facts.score(*p).map(Value::Number),
            Operand::DaysToGoLive => facts.go_live().map(|d| days_between(facts.today(), d)),
            Operand::GoLive => facts.go_live().map(Value::Date),
        }
    }
}

fn days_between(from: Date, to: Date) -> Value<'static> {
    Value::Number(from.days_until(to) as f64)
}

fn answer_value(answer: Answer<'_>) -> Option<Value<'_>> {
    match answer {
        Answer::Missing | Answer::NotApplicable | Answer::Unknown => None,
        Answer::Yes => Some(Value::Text("yes")),
        Answer::No => Some(Value::Text("no")),
        Answer::Partial => Some(Value::Text("partial")),
        Answer::Choice(s) | Answer::Text(s) => Some(Value::Text(s)),
        Answer::Multi(selected) => Some(Value::Options(selected)),
        Answer::Number(n) => Some(Value::Number(n)),
        Answer::Date(d) => Some(Value::Date(d)),
    }
}

/// Values of different kinds only meet if an answer does not match its question's type;
/// that is the engine's bug, not a reason to guess, so the result is unknown.
fn compare(left: Value<'_>, op: CmpOp, right: Value<'_>) -> Truth {
    match (left, right) {
        (Value::Number(l), Value::Number(r)) => match l.partial_cmp(&r) {
            Some(ordering) => truth(op.holds(ordering)),
            // NaN equals nothing, as in f64.
            None => truth(op == CmpOp::Ne),
        },
        (Value::Date(l), Value::Date(r)) => truth(op.holds(l.cmp(&r))),
        (Value::Text(l), Value::Text(r)) if op.is_equality() => truth(op.holds(l.cmp(r))),
        (Value::Options(l), Value::Options(r)) if op.is_equality() => {
            let same = same_selection(l, r);
            truth(if op == CmpOp::Eq { same } else { !same })
        }
        _ => Truth::Unknown,
    }
}

/// Two multi answers are equal when they select the same options, in any order.
fn same_selection(a: &[String], b: &[String]) -> bool {
    a.iter().all(|x| b.contains(x)) && b.iter().all(|x| a.contains(x))
}
