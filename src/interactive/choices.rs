//! What a list prompt offers: the options of a question, and the entries every question adds.

use crate::interactive::prompter::Reply;
use crate::interactive::writer;
use crate::model::{AnswerKind, AnswerValue};

/// The extra entries under a list of options, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Extra {
    NotApplicable,
    Unknown,
    Skip,
    Back,
    Help,
}

impl Extra {
    pub fn word(self) -> &'static str {
        match self {
            Extra::NotApplicable => "n/a",
            Extra::Unknown => "unknown",
            Extra::Skip => "skipped",
            Extra::Back => "back",
            Extra::Help => "?",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Extra::NotApplicable => "n/a      does not apply here",
            Extra::Unknown => "unknown  not known yet (counts as the worst answer until known)",
            Extra::Skip => "skip     leave it for later",
            Extra::Back => "back     change the previous answer",
            Extra::Help => "?        show the help and references",
        }
    }
}

pub fn extra_reply(extra: Extra) -> Reply {
    match extra {
        Extra::NotApplicable => Reply::Answer(AnswerValue::NotApplicable),
        Extra::Unknown => Reply::Answer(AnswerValue::Unknown),
        Extra::Back => Reply::Back,
        Extra::Skip | Extra::Help => Reply::Skip,
    }
}

/// A value as it would be typed again: what Enter keeps.
pub fn current_text(value: &AnswerValue) -> String {
    match value {
        AnswerValue::Text(s) => s.clone(),
        other => writer::value_text(other),
    }
}

pub fn choices(kind: &AnswerKind) -> Vec<(String, AnswerValue)> {
    match kind {
        AnswerKind::YesNo { partial } => {
            let mut v = vec![
                ("Yes".into(), AnswerValue::Yes),
                ("No".into(), AnswerValue::No),
            ];
            if *partial {
                v.push(("Partly".into(), AnswerValue::Partial));
            }
            v
        }
        AnswerKind::Choice { options } => options
            .iter()
            .map(|o| (o.label.clone(), AnswerValue::Choice(o.value.clone())))
            .collect(),
        AnswerKind::Maturity { levels } => (0..=5)
            .map(|n| {
                let label = levels.get(n).map_or(String::new(), |l| format!("  {l}"));
                (format!("{n}{label}"), AnswerValue::Number(n as f64))
            })
            .collect(),
        _ => Vec::new(),
    }
}
