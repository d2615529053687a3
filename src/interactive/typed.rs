//! Typed answers (numbers, dates, names) and the words every typed prompt accepts, checked as they are entered.
//!
//! Pure functions, so the terminal prompter can validate each line before accepting it and the tests
//! can check every message without a terminal.

use crate::date::Date;
use crate::interactive::prompter::Reply;
use crate::model::{AnswerKind, AnswerValue, Question};

/// A line typed at a question: a reply, or a request for the help text.
#[derive(Debug, Clone, PartialEq)]
pub enum Typed {
    Reply(Reply),
    Help,
}

/// The words shown under a typed question.
pub fn keywords_hint(question: &Question, can_go_back: bool) -> String {
    let mut words = vec!["? help"];
    if question.allow_na {
        words.push("n/a");
    }
    words.extend(["unknown", "skip"]);
    if can_go_back {
        words.push("back");
    }
    words.join(" · ")
}

/// Reads one line typed at `question`; the error says what would be accepted.
pub fn parse(question: &Question, line: &str, can_go_back: bool) -> Result<Typed, String> {
    plain(line)?;
    let text = line.trim();
    let reply = |r| Ok(Typed::Reply(r));
    match text {
        "?" => return Ok(Typed::Help),
        "n/a" if question.allow_na => return reply(Reply::Answer(AnswerValue::NotApplicable)),
        "n/a" => {
            return Err(
                "`n/a` would hide a gap here: answer it, or `unknown` until it is known".into(),
            );
        }
        "unknown" => return reply(Reply::Answer(AnswerValue::Unknown)),
        "skip" => return reply(Reply::Skip),
        "back" if can_go_back => return reply(Reply::Back),
        "back" => return Err("there is no earlier answer in this session to go back to".into()),
        "" => return Err("type an answer, or `skip` to leave it for later".into()),
        _ => {}
    }
    value(&question.kind, text).map(|v| Typed::Reply(Reply::Answer(v)))
}

fn value(kind: &AnswerKind, text: &str) -> Result<AnswerValue, String> {
    match kind {
        AnswerKind::Number { min, max, unit, .. } => {
            number(text, (*min, *max), unit.as_deref()).and_then(|v| whole(kind, text, v))
        }
        AnswerKind::Date => text.parse().map(AnswerValue::Date),
        AnswerKind::Person if crate::load::answers::is_placeholder(text) => Err(format!(
            "\"{}\" does not name a person: type a name, or `unknown` until someone is named",
            text.trim()
        )),
        AnswerKind::Text | AnswerKind::Person => Ok(AnswerValue::Text(text.to_owned())),
        _ => Err("choose one of the listed options".into()),
    }
}

/// A count (accounts, users, days) is a whole number: `4.5` admin accounts is a typing mistake.
fn whole(kind: &AnswerKind, text: &str, value: AnswerValue) -> Result<AnswerValue, String> {
    match value {
        AnswerValue::Number(n) if kind.counts() && n.fract() != 0.0 => Err(format!(
            "`{}` is not a whole number; this counts things, so type a whole number",
            text.trim()
        )),
        v => Ok(v),
    }
}

fn number(
    text: &str,
    (min, max): (Option<f64>, Option<f64>),
    unit: Option<&str>,
) -> Result<AnswerValue, String> {
    let cleaned = text.trim_end_matches('%').trim();
    let n = match cleaned.parse::<f64>() {
        Ok(n) if n.is_finite() => n,
        _ => {
            return Err(format!(
                "`{text}` is not a number; {}",
                range(min, max, unit)
            ));
        }
    };
    if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
        return Err(format!("{n} is out of range; {}", range(min, max, unit)));
    }
    Ok(AnswerValue::Number(n))
}

/// "enter a number from 0 to 100 (%)", for the prompt and its errors.
pub fn range(min: Option<f64>, max: Option<f64>, unit: Option<&str>) -> String {
    let unit = unit.map(|u| format!(" ({u})")).unwrap_or_default();
    match (min, max) {
        (Some(lo), Some(hi)) => format!("enter a number from {lo} to {hi}{unit}"),
        (Some(lo), None) => format!("enter a number of at least {lo}{unit}"),
        (None, Some(hi)) => format!("enter a number of at most {hi}{unit}"),
        (None, None) => format!("enter a number{unit}"),
    }
}

/// An owner after a risky answer: empty leaves it as it is; otherwise a name, not blank.
pub fn owner(line: &str) -> Result<Option<String>, String> {
    let text = line.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().any(char::is_control) {
        return Err("a name on one line, please".into());
    }
    plain(text)?;
    if crate::load::answers::is_placeholder(text) {
        return Err(format!(
            "\"{text}\" does not name a person: type a name, or press Enter to leave it for now"
        ));
    }
    Ok(Some(text.to_owned()))
}

/// Typed text that the loader would refuse (control or bidi-override characters, which a paste
/// can carry) is refused at the prompt, so that a saved answers file always loads again.
pub fn plain(line: &str) -> Result<(), String> {
    match crate::load::yaml::hidden_character(line) {
        Some(c) => Err(format!(
            "the text holds the invisible control character U+{:04X}; type it again without it",
            u32::from(c)
        )),
        None => Ok(()),
    }
}

/// A due date: empty leaves it as it is; otherwise YYYY-MM-DD.
pub fn due(line: &str) -> Result<Option<Date>, String> {
    let text = line.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse().map(Some)
}

/// A required line of the meta block: not blank.
pub fn required(line: &str, what: &str) -> Result<String, String> {
    plain(line)?;
    let text = line.trim();
    if text.is_empty() {
        return Err(format!("the {what} is needed"));
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{builtin, catalog};
    use crate::model::Catalog;
    use crate::model::Limits;

    fn builtin_catalog() -> Catalog {
        catalog::load(&builtin::sources(), Limits::default()).unwrap()
    }

    fn first(catalog: &Catalog, f: impl Fn(&Question) -> bool) -> &Question {
        catalog.questions.iter().find(|q| f(q)).unwrap()
    }

    #[test]
    fn numbers_are_checked_against_the_question_range() {
        let catalog = builtin_catalog();
        let pct = first(
            &catalog,
            |q| matches!(q.kind, AnswerKind::Number { max: Some(m), .. } if m == 100.0),
        );
        let ok = parse(pct, " 97% ", false).unwrap();
        assert_eq!(ok, Typed::Reply(Reply::Answer(AnswerValue::Number(97.0))));
        let err = parse(pct, "120", false).unwrap_err();
        assert!(
            err.contains("out of range") && err.contains("from 0 to 100"),
            "{err}"
        );
        assert!(
            parse(pct, "lots", false)
                .unwrap_err()
                .contains("not a number")
        );
    }

    #[test]
    fn keywords_follow_the_question() {
        let catalog = builtin_catalog();
        let person = first(&catalog, |q| q.kind == AnswerKind::Person);
        assert!(!person.allow_na);
        assert!(
            parse(person, "n/a", true)
                .unwrap_err()
                .contains("hide a gap")
        );
        assert!(!keywords_hint(person, true).contains("n/a"));
        assert_eq!(parse(person, "?", true), Ok(Typed::Help));
        assert_eq!(parse(person, "back", true), Ok(Typed::Reply(Reply::Back)));
        assert!(parse(person, "back", false).is_err());
        assert_eq!(parse(person, "skip", false), Ok(Typed::Reply(Reply::Skip)));
        assert!(parse(person, "   ", false).is_err());
        let named = parse(person, " Priya Nair ", false).unwrap();
        assert_eq!(
            named,
            Typed::Reply(Reply::Answer(AnswerValue::Text("Priya Nair".into())))
        );
    }

    #[test]
    fn follow_up_fields_may_be_left_empty_but_not_wrong() {
        assert_eq!(owner("  "), Ok(None));
        assert_eq!(owner(" Tom "), Ok(Some("Tom".into())));
        assert_eq!(due(""), Ok(None));
        assert!(due("2027-02-30").is_err());
        assert!(due("next week").is_err());
        assert_eq!(
            due("2027-01-31").map(|d| d.map(|d| d.to_string())),
            Ok(Some("2027-01-31".into()))
        );
    }

    #[test]
    fn text_that_would_not_load_again_is_refused_at_the_prompt() {
        let catalog = builtin_catalog();
        let text = first(&catalog, |q| {
            matches!(q.kind, AnswerKind::Text | AnswerKind::Person)
        });
        let err = parse(text, "clear \u{1b}[2J", false).err().unwrap();
        assert!(err.contains("U+001B"), "{err}");
        assert!(required("Evil \u{202e}Corp", "organisation").is_err());
        assert!(owner("Sam \u{2066}Ortiz").is_err());
        assert_eq!(plain("Zoë Ünal, IT lead"), Ok(()));
    }
}
