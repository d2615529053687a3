//! An answers document built from `arbitrary` input and written out as YAML.
//!
//! Byte-level mutation of a 15 KB answers file rarely keeps it loadable; here every question id
//! is drawn from the catalogue and most values fit their question, so most inputs reach scoring,
//! the verdict and the renderers. A few variants are wrong on purpose (out-of-range numbers,
//! impossible dates, placeholder owners, unknown rule ids) so that the refusals are reached too.

use std::collections::BTreeSet;
use std::fmt::Write;

use arbitrary::Arbitrary;
use migready::date::Date;
use migready::model::{AnswerKind, Catalog};

use crate::today;

#[derive(Arbitrary, Debug)]
pub struct Doc {
    /// Go-live, in days from today; `None` leaves the date out (no date agreed yet).
    pub go_live: Option<Day>,
    pub assessed_on: Option<Day>,
    pub tenant_id: Option<Word>,
    pub answers: Vec<Entry>,
    pub waivers: Vec<Waiver>,
    /// Which output is rendered (see `render_one`).
    pub output: u8,
    pub picks: crate::props::Picks,
}

/// A date: mostly near go-live (the run-up windows), sometimes far, sometimes not a date at all.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Day {
    Near(i8),
    Weeks(i8),
    Far(i16),
    /// `2027-MM-DD` with a month up to 13 and a day from 28 to 32: some real, some impossible.
    Odd(u8, u8),
    Words,
}

#[derive(Arbitrary, Debug)]
pub struct Entry {
    /// An index into the catalogue's questions (taken modulo their number).
    pub question: u16,
    pub value: Value,
    /// The long form, with owner, due date, evidence and note.
    pub long: Option<Long>,
}

#[derive(Arbitrary, Debug)]
pub enum Value {
    /// The n-th answer the question accepts (its options, yes/no/partial, a maturity level...).
    Fit(u8),
    Fit2(u8),
    /// Several options at once, for multi questions (and a list where none is expected).
    Options(Vec<u8>),
    Unknown,
    NotApplicable,
    Number(Number),
    Date(Day),
    Text(Word),
    Null,
}

#[derive(Arbitrary, Debug)]
pub enum Number {
    Small(i8),
    Int(i32),
    Float(f32),
    Huge,
    NotANumber,
}

/// Free text: names a reviewer would write, placeholders the loader refuses, or anything at all.
#[derive(Arbitrary, Debug)]
pub enum Word {
    Name,
    Placeholder,
    Empty,
    Long,
    Any(String),
}

#[derive(Arbitrary, Debug)]
pub struct Long {
    pub owner: Option<Word>,
    pub due: Option<Day>,
    pub evidence: Option<Word>,
    pub note: Option<Word>,
}

#[derive(Arbitrary, Debug)]
pub struct Waiver {
    /// An index into the catalogue's rules; past their number, an id that does not exist.
    pub rule: u16,
    pub reason: Word,
    pub approved_by: Word,
    /// Relative to today: valid, expiring soon, or expired.
    pub expires: Day,
}

impl Doc {
    /// The document as an answers file, and the go-live date it names (when it names a real one).
    pub fn to_yaml(&self, catalog: &Catalog) -> (String, Option<Date>) {
        let go_live = self.go_live.and_then(|d| d.date(today(), None));
        let mut out = String::from("meta:\n  organisation: Fuzz Ltd\n  project: Move\n");
        if let Some(d) = self.go_live {
            let _ = writeln!(out, "  go_live: {}", d.text(today(), None));
        }
        if let Some(d) = self.assessed_on {
            let _ = writeln!(out, "  assessed_on: {}", d.text(today(), None));
        }
        if let Some(w) = &self.tenant_id {
            let _ = writeln!(out, "  tenant_id: {}", w.text());
        }
        self.write_answers(catalog, go_live, &mut out);
        if !self.waivers.is_empty() {
            out.push_str("waivers:\n");
        }
        for w in &self.waivers {
            let rule = match catalog
                .rules
                .get(usize::from(w.rule) % (catalog.rules.len() + 1))
            {
                Some(r) => r.id.clone(),
                None => "XYZ-999".to_owned(),
            };
            let _ = write!(
                out,
                "  - rule: {rule}\n    reason: {}\n    approved_by: {}\n    expires: {}\n",
                w.reason.text(),
                w.approved_by.text(),
                w.expires.text(today(), None)
            );
        }
        (out, go_live)
    }

    fn write_answers(&self, catalog: &Catalog, go_live: Option<Date>, out: &mut String) {
        if self.answers.is_empty() || catalog.questions.is_empty() {
            return;
        }
        out.push_str("answers:\n");
        let mut seen = BTreeSet::new();
        for e in &self.answers {
            let q = usize::from(e.question) % catalog.questions.len();
            if !seen.insert(q) {
                continue;
            }
            let question = &catalog.questions[q];
            let value = e.value.text(&question.kind, go_live);
            let Some(long) = &e.long else {
                let _ = writeln!(out, "  {}: {value}", question.id);
                continue;
            };
            let _ = write!(out, "  {}:\n    value: {value}\n", question.id);
            if let Some(w) = &long.owner {
                let _ = writeln!(out, "    owner: {}", w.text());
            }
            if let Some(d) = long.due {
                let _ = writeln!(out, "    due: {}", d.text(today(), go_live));
            }
            if let Some(w) = &long.evidence {
                let _ = writeln!(out, "    evidence: {}", w.text());
            }
            if let Some(w) = &long.note {
                let _ = writeln!(out, "    note: {}", w.text());
            }
        }
    }
}

impl Day {
    /// Near and Weeks count from go-live when there is one, else from `from`.
    fn date(self, from: Date, go_live: Option<Date>) -> Option<Date> {
        let anchor = go_live.unwrap_or(from);
        match self {
            Day::Near(n) => Some(anchor.add_days(i64::from(n))),
            Day::Weeks(n) => Some(anchor.add_days(7 * i64::from(n))),
            Day::Far(n) => Some(from.add_days(i64::from(n))),
            Day::Odd(m, d) => Date::from_ymd(2027, u32::from(m % 14), 28 + u32::from(d % 5)),
            Day::Words => None,
        }
    }

    pub fn text(self, from: Date, go_live: Option<Date>) -> String {
        match self {
            Day::Odd(m, d) => format!("2027-{:02}-{:02}", m % 14, 28 + d % 5),
            Day::Words => "next spring".to_owned(),
            _ => self
                .date(from, go_live)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        }
    }
}

impl Value {
    fn text(&self, kind: &AnswerKind, go_live: Option<Date>) -> String {
        match self {
            Value::Fit(n) | Value::Fit2(n) => fit(kind, *n, go_live),
            Value::Options(ns) => {
                let opts = kind.options();
                let items: Vec<&str> = ns
                    .iter()
                    .take(8)
                    .filter_map(|n| opts.get(usize::from(*n) % opts.len().max(1)))
                    .map(|o| o.value.as_str())
                    .collect();
                format!("[{}]", items.join(", "))
            }
            Value::Unknown => "unknown".to_owned(),
            Value::NotApplicable => "n/a".to_owned(),
            Value::Number(n) => n.text(),
            Value::Date(d) => d.text(today(), go_live),
            Value::Text(w) => w.text(),
            Value::Null => "~".to_owned(),
        }
    }
}

/// The n-th answer a question accepts, plus one just past its range where it has one.
fn fit(kind: &AnswerKind, n: u8, go_live: Option<Date>) -> String {
    let n = usize::from(n);
    match kind {
        AnswerKind::YesNo { .. } => ["yes", "no", "partial"][n % 3].to_owned(),
        AnswerKind::Choice { options } | AnswerKind::Multi { options } => {
            let Some(o) = options.get(n % options.len().max(1)) else {
                return "x".to_owned();
            };
            if matches!(kind, AnswerKind::Multi { .. }) {
                format!("[{}]", o.value)
            } else {
                o.value.clone()
            }
        }
        AnswerKind::Maturity { .. } => (n % 7).to_string(),
        AnswerKind::Number {
            min, max, bands, ..
        } => {
            let mut points: Vec<f64> = bands
                .iter()
                .flat_map(|b| b.min.iter().chain(b.max.iter()).copied())
                .chain(min.iter().copied())
                .chain(max.iter().copied())
                .collect();
            points.extend([0.0, 1.0, 50.0]);
            let p = points[n % points.len()];
            // Every third pick steps off the edge: just below or above a band or a bound.
            let p = match n / points.len() % 3 {
                1 => p - 1.0,
                2 => p + 0.5,
                _ => p,
            };
            format!("{p}")
        }
        AnswerKind::Date => {
            Day::Near(i8::try_from(n % 128).unwrap_or(0) - 64).text(today(), go_live)
        }
        AnswerKind::Text | AnswerKind::Person => {
            ["Sam Lee", "Priya Nair (IT)", "TBD"][n % 3].to_owned()
        }
    }
}

impl Number {
    fn text(&self) -> String {
        match self {
            Number::Small(n) => n.to_string(),
            Number::Int(n) => n.to_string(),
            Number::Float(f) if f.is_finite() => format!("{f:?}"),
            Number::Float(_) | Number::Huge => "1e400".to_owned(),
            Number::NotANumber => ".nan".to_owned(),
        }
    }
}

impl Word {
    fn text(&self) -> String {
        match self {
            Word::Name => "Tom Becker, COO".to_owned(),
            Word::Placeholder => "TBD".to_owned(),
            Word::Empty => "\"\"".to_owned(),
            Word::Long => quote(&"Long text, ".repeat(40)),
            Word::Any(s) => quote(s),
        }
    }
}

/// A YAML double-quoted scalar holding exactly `s`.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || c == '\u{feff}' || ('\u{2028}'..='\u{2029}').contains(&c) => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
