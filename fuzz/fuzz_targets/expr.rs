//! A condition, compiled against the built-in catalogue in both contexts, then evaluated
//! against a few fixed answer sets.
#![no_main]

use std::collections::HashMap;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use migready::date::Date;
use migready::expr::{Answer, Context, Expr, Facts, QuestionType};
use migready::model::catalog::Names;
use migready_fuzz::{catalog, today};

/// What `Names` borrows, built once from the built-in catalogue.
struct Tables {
    ids: HashMap<String, usize>,
    types: Vec<QuestionType>,
    priorities: Vec<String>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let c = catalog();
        Tables {
            ids: c
                .questions
                .iter()
                .enumerate()
                .map(|(i, q)| (q.id.clone(), i))
                .collect(),
            types: c.questions.iter().map(|q| q.kind.expr_type()).collect(),
            priorities: c.priorities.iter().map(|p| p.id.clone()).collect(),
        }
    })
}

/// Every question answered the same way: missing, unknown, n/a, or with its first or last option.
#[derive(Clone, Copy)]
enum Fixed {
    Missing,
    Unknown,
    NotApplicable,
    First,
    Last,
}

impl Facts for Fixed {
    fn answer(&self, question: usize) -> Answer<'_> {
        let Some(kind) = tables().types.get(question) else {
            return Answer::Missing;
        };
        let first = matches!(self, Fixed::First);
        match (self, kind) {
            (Fixed::Missing, _) => Answer::Missing,
            (Fixed::Unknown, _) => Answer::Unknown,
            (Fixed::NotApplicable, _) => Answer::NotApplicable,
            (_, QuestionType::YesNo { partial: true }) if !first => Answer::Partial,
            (_, QuestionType::YesNo { .. }) => {
                if first {
                    Answer::Yes
                } else {
                    Answer::No
                }
            }
            (_, QuestionType::Choice { options }) => {
                let option = if first {
                    options.first()
                } else {
                    options.last()
                };
                option.map_or(Answer::Missing, |o| Answer::Choice(o))
            }
            (_, QuestionType::Multi { options }) if first => {
                Answer::Multi(&options[..options.len().min(1)])
            }
            (_, QuestionType::Multi { options }) => Answer::Multi(options),
            (_, QuestionType::Maturity) => Answer::Number(if first { 0.0 } else { 5.0 }),
            (_, QuestionType::Number) => Answer::Number(if first { 0.0 } else { 1e9 }),
            (_, QuestionType::Date) => Answer::Date(today()),
            (_, QuestionType::Text | QuestionType::Person) => Answer::Text("Sam"),
        }
    }

    fn score(&self, _priority: usize) -> Option<f64> {
        match self {
            Fixed::Missing => None,
            Fixed::First => Some(0.0),
            _ => Some(62.5),
        }
    }

    fn today(&self) -> Date {
        today()
    }

    fn go_live(&self) -> Option<Date> {
        match self {
            Fixed::Missing => None,
            _ => Some(today().add_days(30)),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let t = tables();
    let names = Names {
        question_ids: &t.ids,
        question_types: &t.types,
        priority_ids: &t.priorities,
        deadlines: &catalog().deadlines,
    };
    for context in [Context::When, Context::Rule] {
        match Expr::compile(text, &names, context) {
            Ok(expr) => {
                for facts in [
                    Fixed::Missing,
                    Fixed::Unknown,
                    Fixed::NotApplicable,
                    Fixed::First,
                    Fixed::Last,
                ] {
                    expr.eval(&facts);
                }
            }
            Err(errors) => {
                assert!(!errors.is_empty(), "refused without an error");
                for e in &errors {
                    // The loader turns the offset into a line and column inside the YAML file.
                    assert!(
                        e.offset <= text.len(),
                        "offset {} past the end: {e:?}",
                        e.offset
                    );
                }
            }
        }
    }
});
