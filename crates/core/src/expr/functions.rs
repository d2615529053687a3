//! The functions of the language: `answered`, `unknown`, `count`, `days_until`, `days_after_go_live`,
//! `business_days_after_go_live`, `score` and `deadline`.
//!
//! Each takes exactly one argument, which is a name and not a value: a question reference, or
//! for `score` a quoted priority id. Mistakes are reported at the argument.

use super::ast::{Node, NodeKind, Span};
use super::check::{Checker, suggest_list, type_name};
use super::compiled::{Cond, Operand};
use super::operand::Side;
use super::{Context, ErrorKind, QuestionType};
use crate::suggest::did_you_mean;

/// Named in "unknown function" messages when no close match exists.
pub(super) const FUNCTIONS: [&str; 8] = [
    "answered",
    "unknown",
    "count",
    "days_until",
    "days_after_go_live",
    "business_days_after_go_live",
    "score",
    "deadline",
];

/// How days after go-live are counted.
#[derive(Clone, Copy)]
enum Days {
    Calendar,
    /// Monday to Friday, as hypercare is counted.
    Business,
}

/// Which question types a function accepts.
#[derive(Clone, Copy)]
enum Needs {
    Any,
    Multi,
    Date,
}

impl<'a> Checker<'a> {
    pub fn call(
        &mut self,
        name: &str,
        args: &[Node],
        close: usize,
        span: Span,
    ) -> Option<Side<'a>> {
        match name {
            "answered" => {
                let q = self.question_arg(name, args, close, Needs::Any)?;
                Some(Side::Condition(Cond::Answered(q)))
            }
            "unknown" => {
                let q = self.question_arg(name, args, close, Needs::Any)?;
                Some(Side::Condition(Cond::Unknown(q)))
            }
            "count" => {
                let q = self.question_arg(name, args, close, Needs::Multi)?;
                Some(Side::Numeric(Operand::Count(q)))
            }
            "days_until" => {
                let q = self.question_arg(name, args, close, Needs::Date)?;
                Some(Side::Numeric(Operand::DaysUntil(q)))
            }
            "days_after_go_live" => self.after_go_live(name, args, close, Days::Calendar),
            "business_days_after_go_live" => self.after_go_live(name, args, close, Days::Business),
            "score" => self.score(args, close, span),
            "deadline" => self.deadline(args, close),
            _ => {
                let hint = suggest_list(name, &FUNCTIONS, "functions");
                self.error(
                    ErrorKind::UnknownName,
                    span.start,
                    format!("unknown function `{name}`{hint}"),
                );
                None
            }
        }
    }

    /// The one argument of a call, or an error at the missing or surplus argument.
    fn only_arg<'n>(
        &mut self,
        name: &str,
        args: &'n [Node],
        close: usize,
        example: &str,
    ) -> Option<&'n Node> {
        let offset = match args {
            [only] => return Some(only),
            [] => close,
            [_, second, ..] => second.span.start,
        };
        self.error(
            ErrorKind::Type,
            offset,
            format!("`{name}` takes exactly one argument, e.g. `{name}({example})`"),
        );
        None
    }

    fn question_arg(
        &mut self,
        name: &str,
        args: &[Node],
        close: usize,
        needs: Needs,
    ) -> Option<usize> {
        let arg = self.only_arg(name, args, close, "checklist.question")?;
        let NodeKind::Question(id) = &arg.kind else {
            let text = self.text(arg.span);
            self.error(
                ErrorKind::Type,
                arg.span.start,
                format!("`{name}` takes a question such as `checklist.question`, not `{text}`"),
            );
            return None;
        };
        let Side::Question { index, ty } = self.question(id, arg.span)? else {
            return None;
        };
        let fits = match needs {
            Needs::Any => true,
            Needs::Multi => matches!(ty, QuestionType::Multi { .. }),
            Needs::Date => matches!(ty, QuestionType::Date),
        };
        if !fits {
            let wanted = if let Needs::Multi = needs {
                "multi"
            } else {
                "date"
            };
            self.error(
                ErrorKind::Type,
                arg.span.start,
                format!(
                    "`{name}` needs a {wanted} question; `{id}` is a {} question",
                    type_name(ty)
                ),
            );
            return None;
        }
        Some(index)
    }

    /// `score("priority")`: only rules may read scores, because scores depend on which
    /// questions apply, which the questions' own conditions decide.
    fn score(&mut self, args: &[Node], close: usize, span: Span) -> Option<Side<'a>> {
        if self.context == Context::When {
            self.error(
                ErrorKind::Type,
                span.start,
                "score() cannot be used in a question's `when:`".to_string(),
            );
            return None;
        }
        let arg = self.only_arg("score", args, close, "\"identity_security\"")?;
        let NodeKind::Str(id) = &arg.kind else {
            let text = self.text(arg.span);
            self.error(
                ErrorKind::Type,
                arg.span.start,
                format!(
                    "`score` takes a quoted priority id, e.g. `score(\"identity_security\")`, not `{text}`"
                ),
            );
            return None;
        };
        let schema = self.schema;
        let Some(index) = schema.priority(id) else {
            let hint = did_you_mean(id, schema.priority_ids());
            self.error(
                ErrorKind::UnknownPriority,
                arg.span.start,
                format!("unknown priority `{id}`{hint}"),
            );
            return None;
        };
        Some(Side::Numeric(Operand::Score(index)))
    }

    /// `days_after_go_live(q)` for a date answer, or `days_after_go_live(deadline("id"))` for a
    /// named date, so that a rule can ask whether a vendor's date falls inside hypercare;
    /// `business_days_after_go_live` counts working days, as hypercare is planned.
    fn after_go_live(
        &mut self,
        name: &str,
        args: &[Node],
        close: usize,
        days: Days,
    ) -> Option<Side<'a>> {
        if let [only] = args
            && let NodeKind::Call {
                name: inner_name,
                args: inner,
                close: inner_close,
            } = &only.kind
            && inner_name == "deadline"
        {
            let Side::Date(Operand::Date(date)) = self.deadline(inner, *inner_close)? else {
                return None;
            };
            return Some(Side::Numeric(match days {
                Days::Calendar => Operand::DaysFromGoLiveTo(date),
                Days::Business => Operand::BusinessDaysFromGoLiveTo(date),
            }));
        }
        let q = self.question_arg(name, args, close, Needs::Date)?;
        Some(Side::Numeric(match days {
            Days::Calendar => Operand::DaysAfterGoLive(q),
            Days::Business => Operand::BusinessDaysAfterGoLive(q),
        }))
    }

    /// `deadline("id")`: a date the catalogue names, fixed when the condition compiles.
    fn deadline(&mut self, args: &[Node], close: usize) -> Option<Side<'a>> {
        let arg = self.only_arg("deadline", args, close, "\"ews_shutdown\"")?;
        let NodeKind::Str(id) = &arg.kind else {
            let text = self.text(arg.span);
            self.error(
                ErrorKind::Type,
                arg.span.start,
                format!("`deadline` takes a quoted deadline id, e.g. `deadline(\"ews_shutdown\")`, not `{text}`"),
            );
            return None;
        };
        let schema = self.schema;
        let Some(date) = schema.deadline(id) else {
            let hint = did_you_mean(id, schema.deadline_ids());
            self.error(
                ErrorKind::UnknownName,
                arg.span.start,
                format!("unknown deadline `{id}`{hint}"),
            );
            return None;
        };
        Some(Side::Date(Operand::Date(date)))
    }
}
