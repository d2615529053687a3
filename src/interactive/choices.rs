//! What a list prompt offers: the options of a question, and the entries every question adds.

use crate::interactive::prompter::Reply;
use crate::interactive::select::Shortcut;
use crate::interactive::writer;
use crate::model::{AnswerKind, AnswerValue};

/// The answers listed under a question's own options, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Extra {
    NotApplicable,
    Unknown,
}

impl Extra {
    pub fn word(self) -> &'static str {
        match self {
            Extra::NotApplicable => "n/a",
            Extra::Unknown => "unknown",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Extra::NotApplicable => "n/a      does not apply here",
            Extra::Unknown => "unknown  not known yet (judged at its worst answer until known)",
        }
    }

    pub fn value(self) -> AnswerValue {
        match self {
            Extra::NotApplicable => AnswerValue::NotApplicable,
            Extra::Unknown => AnswerValue::Unknown,
        }
    }
}

/// The entries under the options: `n/a` where the checklist allows it, then `unknown`.
pub fn extras(allow_na: bool) -> Vec<Extra> {
    let mut extras = Vec::with_capacity(2);
    if allow_na {
        extras.push(Extra::NotApplicable);
    }
    extras.push(Extra::Unknown);
    extras
}

/// The keys a list answers to wherever the highlight is, as the prompt line names them.
pub fn shortcuts(can_go_back: bool) -> Vec<Shortcut> {
    let mut keys = vec![
        Shortcut {
            key: '?',
            hint: "help",
        },
        Shortcut {
            key: 'u',
            hint: "unknown",
        },
        Shortcut {
            key: 's',
            hint: "skip",
        },
    ];
    if can_go_back {
        keys.push(Shortcut {
            key: 'b',
            hint: "back",
        });
    }
    keys
}

/// What a shortcut key answers; `None` for `?`, which shows the help and asks again.
pub fn shortcut_reply(key: char) -> Option<Reply> {
    match key {
        'u' => Some(Reply::Answer(AnswerValue::Unknown)),
        's' => Some(Reply::Skip),
        'b' => Some(Reply::Back),
        _ => None,
    }
}

/// The entry to highlight first for `value` (the current answer, or one offered as a default) in a
/// list of `choices` followed by `extras`; the first entry when there is none or it is not listed.
pub fn default_index(
    choices: &[(String, AnswerValue)],
    extras: &[Extra],
    value: Option<&AnswerValue>,
) -> usize {
    value
        .and_then(|v| {
            choices.iter().position(|(_, c)| c == v).or_else(|| {
                extras
                    .iter()
                    .position(|e| e.value() == *v)
                    .map(|i| i + choices.len())
            })
        })
        .unwrap_or(0)
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
