//! A custom checklist built from `arbitrary` input: questions of every type with options, bands
//! and `when:` conditions, and rules whose conditions come from a small grammar over the
//! checklist's own questions and the built-in ones, so that the condition compiler, the type
//! checks and the catalogue checks see mostly well-formed input.

use std::fmt::Write;

use arbitrary::Arbitrary;
use migready::model::Catalog;

use crate::doc::quote;

const PRIORITIES: [&str; 8] = [
    "identity_security",
    "stakeholder_alignment",
    "user_communication",
    "dependency_mapping",
    "escalation_ownership",
    "business_continuity",
    "post_go_live",
    "documentation_governance",
];
const SEVERITIES: [&str; 6] = ["critical", "high", "medium", "low", "info", "severe"];

#[derive(Arbitrary, Debug)]
pub struct Checklist {
    pub questions: Vec<Question>,
    pub rules: Vec<Rule>,
}

#[derive(Arbitrary, Debug)]
pub struct Question {
    pub kind: Kind,
    pub weight: Option<u8>,
    pub priorities: Vec<u8>,
    pub when: Option<Cond>,
}

#[derive(Arbitrary, Debug)]
pub enum Kind {
    YesNo(bool),
    Choice(Vec<u8>),
    Multi(Vec<u8>),
    Maturity,
    Number(Option<i8>, Option<i8>, Vec<(Option<i8>, Option<i8>, u8)>),
    Date,
    Text,
    Person,
}

#[derive(Arbitrary, Debug)]
pub struct Rule {
    pub when: Cond,
    pub severity: u8,
    pub blocker: bool,
    pub priorities: Vec<u8>,
}

/// A condition; question references are indexes (this checklist's questions first, then the
/// built-in ones), literals are drawn from small sets so that comparisons often type-check.
#[derive(Arbitrary, Debug)]
pub enum Cond {
    Is(u16),
    Not(Box<Cond>),
    And(Box<Cond>, Box<Cond>),
    Or(Box<Cond>, Box<Cond>),
    Eq(u16, Lit),
    Ne(u16, Lit),
    Less(Operand, Operand),
    In(u16, Vec<Lit>),
    Answered(u16),
    Unknown(u16),
    Raw(String),
}

#[derive(Arbitrary, Debug)]
pub enum Operand {
    Question(u16),
    DaysToGoLive,
    DaysUntil(u16),
    /// `days_after_go_live` or `business_days_after_go_live`, of a question or a named deadline.
    AfterGoLive {
        business: bool,
        deadline: Option<u8>,
        question: u16,
    },
    Count(u16),
    Score(u8),
    Number(i16),
}

/// The built-in deadlines' ids, and one that does not exist.
const DEADLINES: [&str; 6] = [
    "office_2016_2019_end_of_support",
    "ews_disablement_starts",
    "smtp_auth_basic_off_by_default",
    "sms_voice_mfa_retired",
    "ews_shutdown",
    "no_such_deadline",
];

#[derive(Arbitrary, Debug)]
pub enum Lit {
    Option(u8),
    Number(i16),
    Date(u8),
    Yes,
    No,
    Text,
}

impl Checklist {
    /// The checklist file; `catalog` (the built-ins) supplies the ids its conditions may name.
    pub fn to_yaml(&self, catalog: &Catalog) -> String {
        let mut ids: Vec<String> = (0..self.questions.len())
            .map(|i| format!("fuzz.q{i}"))
            .collect();
        ids.extend(catalog.questions.iter().map(|q| q.id.clone()));
        let names = Names { ids: &ids };
        let mut out = String::from("id: fuzz\ntitle: Fuzzed checklist\nquestions:\n");
        for (i, q) in self.questions.iter().enumerate().take(12) {
            let _ = write!(out, "  - id: q{i}\n    prompt: Question {i}?\n");
            q.kind.write(&mut out);
            if let Some(w) = q.weight {
                let _ = writeln!(out, "    weight: {}", w % 6);
            }
            let _ = writeln!(out, "    priorities: [{}]", priorities(&q.priorities));
            if let Some(c) = &q.when {
                let _ = writeln!(out, "    when: {}", quote(&names.cond(c, 0)));
            }
        }
        if self.questions.is_empty() {
            out.push_str("  []\n");
        }
        if !self.rules.is_empty() {
            out.push_str("rules:\n");
        }
        for (i, r) in self.rules.iter().enumerate().take(12) {
            let _ = write!(
                out,
                "  - id: FUZ-{i:03}\n    when: {}\n    severity: {}\n    blocker: {}\n    priorities: [{}]\n    title: Rule {i}\n    risk: A risk.\n    remediation: A fix.\n    owner: Someone\n",
                quote(&names.cond(&r.when, 0)),
                SEVERITIES[usize::from(r.severity) % SEVERITIES.len()],
                r.blocker,
                priorities(&r.priorities)
            );
        }
        out
    }
}

fn priorities(picks: &[u8]) -> String {
    let names: Vec<&str> = picks
        .iter()
        .take(3)
        .map(|p| PRIORITIES[usize::from(*p) % PRIORITIES.len()])
        .collect();
    if names.is_empty() {
        PRIORITIES[0].to_owned()
    } else {
        names.join(", ")
    }
}

impl Kind {
    fn write(&self, out: &mut String) {
        let options = |out: &mut String, scores: &[u8]| {
            out.push_str("    options:\n");
            for (i, s) in scores.iter().enumerate().take(6) {
                let _ = writeln!(
                    out,
                    "      - {{ value: o{i}, label: Option {i}, score: {} }}",
                    f64::from(*s % 11) / 10.0
                );
            }
        };
        match self {
            Kind::YesNo(partial) => {
                let _ = write!(out, "    type: yes_no\n    partial: {partial}\n");
            }
            Kind::Choice(s) => {
                out.push_str("    type: choice\n");
                options(out, s);
            }
            Kind::Multi(s) => {
                out.push_str("    type: multi\n");
                options(out, s);
            }
            Kind::Maturity => out.push_str("    type: maturity\n"),
            Kind::Number(min, max, bands) => {
                out.push_str("    type: number\n");
                if let Some(m) = min {
                    let _ = writeln!(out, "    min: {m}");
                }
                if let Some(m) = max {
                    let _ = writeln!(out, "    max: {m}");
                }
                if !bands.is_empty() {
                    out.push_str("    bands:\n");
                }
                for (lo, hi, score) in bands.iter().take(4) {
                    out.push_str("      - {");
                    if let Some(lo) = lo {
                        let _ = write!(out, " min: {lo},");
                    }
                    if let Some(hi) = hi {
                        let _ = write!(out, " max: {hi},");
                    }
                    let _ = writeln!(out, " score: {} }}", f64::from(*score % 11) / 10.0);
                }
            }
            Kind::Date => out.push_str("    type: date\n"),
            Kind::Text => out.push_str("    type: text\n"),
            Kind::Person => out.push_str("    type: person\n"),
        }
    }
}

struct Names<'a> {
    ids: &'a [String],
}

impl Names<'_> {
    fn id(&self, n: u16) -> &str {
        &self.ids[usize::from(n) % self.ids.len()]
    }

    /// The condition's text; past a small depth every branch is a plain reference.
    fn cond(&self, c: &Cond, depth: u8) -> String {
        if depth > 4 {
            return "days_to_go_live < 14".to_owned();
        }
        let d = depth + 1;
        match c {
            Cond::Is(q) => self.id(*q).to_owned(),
            Cond::Not(c) => format!("not ({})", self.cond(c, d)),
            Cond::And(a, b) => format!("({}) and ({})", self.cond(a, d), self.cond(b, d)),
            Cond::Or(a, b) => format!("({}) or ({})", self.cond(a, d), self.cond(b, d)),
            Cond::Eq(q, l) => format!("{} == {}", self.id(*q), l.text()),
            Cond::Ne(q, l) => format!("{} != {}", self.id(*q), l.text()),
            Cond::Less(a, b) => format!("{} < {}", self.operand(a), self.operand(b)),
            Cond::In(q, ls) => {
                let items: Vec<String> = ls.iter().take(4).map(Lit::text).collect();
                format!("{} in [{}]", self.id(*q), items.join(", "))
            }
            Cond::Answered(q) => format!("answered({})", self.id(*q)),
            Cond::Unknown(q) => format!("unknown({})", self.id(*q)),
            Cond::Raw(s) => s.clone(),
        }
    }

    fn operand(&self, o: &Operand) -> String {
        match o {
            Operand::Question(q) => self.id(*q).to_owned(),
            Operand::DaysToGoLive => "days_to_go_live".to_owned(),
            Operand::DaysUntil(q) => format!("days_until({})", self.id(*q)),
            Operand::AfterGoLive {
                business,
                deadline,
                question,
            } => {
                let name = if *business {
                    "business_days_after_go_live"
                } else {
                    "days_after_go_live"
                };
                let arg = deadline.map_or_else(
                    || self.id(*question).to_owned(),
                    |d| {
                        format!(
                            "deadline(\"{}\")",
                            DEADLINES[usize::from(d) % DEADLINES.len()]
                        )
                    },
                );
                format!("{name}({arg})")
            }
            Operand::Count(q) => format!("count({})", self.id(*q)),
            Operand::Score(p) => format!(
                "score(\"{}\")",
                PRIORITIES[usize::from(*p) % PRIORITIES.len()]
            ),
            Operand::Number(n) => n.to_string(),
        }
    }
}

impl Lit {
    fn text(&self) -> String {
        match self {
            Lit::Option(n) => format!("\"o{}\"", n % 7),
            Lit::Number(n) => n.to_string(),
            Lit::Date(n) => format!("'2027-{:02}-15'", n % 13 + 1),
            Lit::Yes => "yes".to_owned(),
            Lit::No => "no".to_owned(),
            Lit::Text => "\"Sam\"".to_owned(),
        }
    }
}
