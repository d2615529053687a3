//! Answers and remediation in the words a reader sees: option labels and units, numbered steps.

use crate::model::{AnswerKind, AnswerValue};

/// Splits "1. Do this. 2. Then that." at each next number in turn; anything else stays whole.
pub fn steps(text: &str) -> Vec<&str> {
    let text = text.trim();
    let Some(mut rest) = text.strip_prefix("1. ") else {
        return vec![text];
    };
    let mut steps = Vec::new();
    let mut next = 2;
    while let Some((step, after)) = split_at_number(rest, next) {
        steps.push(step.trim());
        rest = after;
        next += 1;
    }
    steps.push(rest.trim());
    steps
}

/// Finds `N. ` after whitespace (a space or the line break of a folded YAML string).
fn split_at_number(text: &str, n: usize) -> Option<(&str, &str)> {
    let marker = format!("{n}. ");
    let mut from = 0;
    while let Some(at) = text[from..].find(&marker).map(|i| i + from) {
        if text[..at].ends_with(char::is_whitespace) {
            return Some((&text[..at], &text[at + marker.len()..]));
        }
        from = at + marker.len();
    }
    None
}

/// An answer in the words of the checklist: option labels rather than values, numbers with their unit.
pub fn answer_text(kind: &AnswerKind, value: &AnswerValue) -> String {
    let label = |v: &str| {
        kind.options()
            .iter()
            .find(|o| o.value == v)
            .map_or_else(|| v.to_owned(), |o| o.label.clone())
    };
    match (kind, value) {
        (_, AnswerValue::NotApplicable) => "n/a".into(),
        (_, AnswerValue::Unknown) => "unknown".into(),
        (_, AnswerValue::Yes) => "yes".into(),
        (_, AnswerValue::No) => "no".into(),
        (_, AnswerValue::Partial) => "partly".into(),
        (_, AnswerValue::Choice(v)) => label(v),
        (_, AnswerValue::Multi(vs)) if vs.is_empty() => "none".into(),
        (_, AnswerValue::Multi(vs)) => vs.iter().map(|v| label(v)).collect::<Vec<_>>().join(", "),
        (AnswerKind::Maturity { levels }, AnswerValue::Number(n)) => {
            let level = levels.get(*n as usize).map(|l| format!(": {l}"));
            format!("level {n} of 5{}", level.unwrap_or_default())
        }
        (AnswerKind::Number { unit: Some(u), .. }, AnswerValue::Number(n)) if u == "%" => {
            format!("{n}%")
        }
        (AnswerKind::Number { unit: Some(u), .. }, AnswerValue::Number(n)) => format!("{n} {u}"),
        (_, AnswerValue::Number(n)) => format!("{n}"),
        (_, AnswerValue::Date(d)) => d.to_string(),
        (_, AnswerValue::Text(t)) => t.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_yes_no_reads_as_the_interview_offered_it() {
        let kind = AnswerKind::YesNo { partial: true };
        assert_eq!(answer_text(&kind, &AnswerValue::Partial), "partly");
        assert_eq!(answer_text(&kind, &AnswerValue::Yes), "yes");
    }
}
