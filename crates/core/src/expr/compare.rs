//! Type rules of `== != < <= > >=` and `in`.
//!
//! Literals are checked against the question they meet (an option must exist, a date must
//! parse, a maturity level must be 0 to 5), so that a typo in a condition is a load error and
//! not a rule that silently never fires.

use super::ast::{CmpOp, Node, NodeKind};
use super::check::{Checker, backticked};
use super::compiled::{Cond, Operand};
use super::operand::{Side, Typed};
use super::{ErrorKind, QuestionType};
use crate::date::Date;
use crate::suggest::did_you_mean;
use std::mem::discriminant;

/// How two sides of a comparison relate, with the question on the left.
enum Pair<'p> {
    /// `q == true`: the same as the bare yes_no question.
    YesNoBool {
        question: usize,
        value: bool,
    },
    /// A choice or yes_no question against a quoted value.
    Option(&'p str),
    Numbers,
    /// A date against a quoted `YYYY-MM-DD`.
    DateLiteral(&'p str),
    Dates,
    SameQuestions,
    Mismatch,
}

impl<'a> Checker<'a> {
    pub fn comparison(&mut self, op: CmpOp, left: &Node, right: &Node) -> Option<Cond> {
        let l = self.side(left);
        let r = self.side(right);
        self.compare_sides(op, l?, r?)
    }

    fn compare_sides(&mut self, op: CmpOp, l: Typed<'a>, r: Typed<'a>) -> Option<Cond> {
        // Each rule is written once, with the literal (if any) on the right.
        let (a, op, b) = if l.is_literal() && !r.is_literal() {
            (r, op.flipped(), l)
        } else {
            (l, op, r)
        };
        match classify(op, &a.side, &b.side) {
            Pair::YesNoBool { question, value } => {
                let truth = Cond::YesNo(question);
                let holds = value == (op == CmpOp::Eq);
                Some(if holds {
                    truth
                } else {
                    Cond::Not(Box::new(truth))
                })
            }
            Pair::Option(value) => {
                self.known_option(&a, value, &b)?;
                Some(Cond::Compare(
                    operand(&a.side)?,
                    op,
                    Operand::Text(value.to_string()),
                ))
            }
            Pair::Numbers => {
                self.maturity_levels(&a, &b)?;
                Some(Cond::Compare(operand(&a.side)?, op, operand(&b.side)?))
            }
            Pair::DateLiteral(text) => {
                let date = self.date_literal(&a, text, &b)?;
                Some(Cond::Compare(operand(&a.side)?, op, Operand::Date(date)))
            }
            Pair::Dates | Pair::SameQuestions => {
                Some(Cond::Compare(operand(&a.side)?, op, operand(&b.side)?))
            }
            Pair::Mismatch => {
                self.mismatch(op, &a, &b);
                None
            }
        }
    }

    /// Reported at `b`: the literal when there is one, which is usually what is wrong.
    fn mismatch(&mut self, op: CmpOp, a: &Typed<'_>, b: &Typed<'_>) {
        let mut message = format!("{}; {}", self.describe(a), self.describe(b));
        if !op.is_equality() {
            message.push_str(&format!(
                "; `{}` compares only numbers and dates",
                op.symbol()
            ));
        } else if a.is_literal() && b.is_literal() {
            message.push_str("; compare a question, function or fact with a value");
        }
        self.error(ErrorKind::Type, b.span.start, message);
    }

    pub fn membership(&mut self, left: &Node, right: &Node) -> Option<Cond> {
        match &right.kind {
            NodeKind::List(items) => self.in_list(left, items),
            _ => self.in_multi(left, right),
        }
    }

    /// `q in [a, b]` is `q == a or q == b`, which gives the right answer for unknowns too.
    fn in_list(&mut self, left: &Node, items: &[Node]) -> Option<Cond> {
        let subject = self.side(left)?;
        let listable = match &subject.side {
            Side::Question { ty, .. } => !matches!(
                ty,
                QuestionType::Multi { .. }
                    | QuestionType::Date
                    | QuestionType::Text
                    | QuestionType::Person
            ),
            Side::Number(_) | Side::Numeric(_) => true,
            _ => false,
        };
        if !listable {
            let message = format!(
                "{}; `in [...]` needs a choice or yes_no question or a number on its left",
                self.describe(&subject)
            );
            self.error(ErrorKind::Type, subject.span.start, message);
            return None;
        }
        let mut alternatives = Vec::new();
        let mut ok = true;
        for item in items {
            let checked = self
                .side(item)
                .and_then(|value| self.compare_sides(CmpOp::Eq, subject.clone(), value));
            match checked {
                Some(cond) => alternatives.push(cond),
                None => ok = false,
            }
        }
        ok.then_some(Cond::Or(alternatives))
    }

    /// `"option" in q` for a multi question.
    fn in_multi(&mut self, left: &Node, right: &Node) -> Option<Cond> {
        let l = self.side(left);
        let r = self.side(right);
        let (l, r) = (l?, r?);
        let Side::Question {
            index,
            ty: QuestionType::Multi { .. },
        } = r.side
        else {
            let message = format!(
                "{}; `in` needs a list such as `[\"a\", \"b\"]` or a multi question on its right",
                self.describe(&r)
            );
            self.error(ErrorKind::Type, r.span.start, message);
            return None;
        };
        let Side::Text(value) = &l.side else {
            let message = format!(
                "{}; only a quoted option can be `in` a multi question, e.g. `\"...\" in {}`",
                self.describe(&l),
                self.text(r.span)
            );
            self.error(ErrorKind::Type, l.span.start, message);
            return None;
        };
        self.known_option(&r, value, &l)?;
        Some(Cond::Selected(index, value.clone()))
    }

    /// Checks that `value` (written at `literal`) is an answer `question` can have.
    fn known_option(
        &mut self,
        question: &Typed<'_>,
        value: &str,
        literal: &Typed<'_>,
    ) -> Option<()> {
        let Side::Question { ty, .. } = question.side else {
            return Some(());
        };
        let allowed = allowed_values(ty);
        if allowed.contains(&value) {
            return Some(());
        }
        let message = format!(
            "`{}` has no option `{value}`; allowed: {}{}",
            self.text(question.span),
            backticked(&allowed),
            did_you_mean(value, allowed.iter().copied())
        );
        self.error(ErrorKind::UnknownOption, literal.span.start, message);
        None
    }

    /// A maturity question is answered with a whole level from 0 to 5. After the swap in
    /// `compare_sides` a literal is always on the right.
    fn maturity_levels(&mut self, a: &Typed<'_>, b: &Typed<'_>) -> Option<()> {
        let (
            Side::Question {
                ty: QuestionType::Maturity,
                ..
            },
            Side::Number(level),
        ) = (&a.side, &b.side)
        else {
            return Some(());
        };
        if level.fract() == 0.0 && (0.0..=5.0).contains(level) {
            return Some(());
        }
        let message = format!(
            "{} (levels 0 to 5); `{}` is not a level",
            self.describe(a),
            self.text(b.span)
        );
        self.error(ErrorKind::Type, b.span.start, message);
        None
    }

    fn date_literal(&mut self, a: &Typed<'_>, text: &str, b: &Typed<'_>) -> Option<Date> {
        match text.parse::<Date>() {
            Ok(date) => Some(date),
            Err(why) => {
                let message = format!("{}; {why}", self.describe(a));
                self.error(ErrorKind::Type, b.span.start, message);
                None
            }
        }
    }
}

fn classify<'p>(op: CmpOp, a: &'p Side<'_>, b: &'p Side<'_>) -> Pair<'p> {
    match (a, b) {
        (
            Side::Question {
                index,
                ty: QuestionType::YesNo { .. },
            },
            Side::Bool(value),
        ) if op.is_equality() => Pair::YesNoBool {
            question: *index,
            value: *value,
        },
        (
            Side::Question {
                ty: QuestionType::Choice { .. } | QuestionType::YesNo { .. },
                ..
            },
            Side::Text(value),
        ) if op.is_equality() => Pair::Option(value),
        _ if is_numeric(a) && is_numeric(b) => Pair::Numbers,
        (_, Side::Text(value)) if is_date(a) => Pair::DateLiteral(value),
        _ if is_date(a) && is_date(b) => Pair::Dates,
        (Side::Question { ty: x, .. }, Side::Question { ty: y, .. })
            if op.is_equality() && discriminant(*x) == discriminant(*y) =>
        {
            Pair::SameQuestions
        }
        _ => Pair::Mismatch,
    }
}

fn is_numeric(side: &Side<'_>) -> bool {
    match side {
        Side::Question { ty, .. } => matches!(ty, QuestionType::Number | QuestionType::Maturity),
        Side::Number(_) | Side::Numeric(_) => true,
        _ => false,
    }
}

fn is_date(side: &Side<'_>) -> bool {
    match side {
        Side::Question { ty, .. } => matches!(ty, QuestionType::Date),
        Side::Date(_) => true,
        _ => false,
    }
}

/// What evaluation compares: `None` only for sides no rule lets through to here.
fn operand(side: &Side<'_>) -> Option<Operand> {
    match side {
        Side::Question { index, .. } => Some(Operand::Answer(*index)),
        Side::Number(n) => Some(Operand::Number(*n)),
        Side::Text(s) => Some(Operand::Text(s.clone())),
        Side::Numeric(o) | Side::Date(o) => Some(o.clone()),
        Side::Bool(_) | Side::List | Side::Condition(_) => None,
    }
}

/// The values a literal may take against a question: its options, or yes/no(/partial).
fn allowed_values(ty: &QuestionType) -> Vec<&str> {
    match ty {
        QuestionType::YesNo { partial: true } => vec!["yes", "no", "partial"],
        QuestionType::YesNo { partial: false } => vec!["yes", "no"],
        QuestionType::Choice { options } | QuestionType::Multi { options } => {
            options.iter().map(String::as_str).collect()
        }
        _ => Vec::new(),
    }
}
