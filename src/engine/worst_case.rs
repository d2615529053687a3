//! `unknown` is never safer than the truth: a condition that cannot be decided because it reads
//! unanswered or `unknown` questions is tried with every real answer those questions could take.
//! If one of them makes it true, the condition holds, and the questions it rests on are named.
//!
//! Kleene logic alone would leave such a condition undecided, so a rule would stay silent where
//! the honest answer fires it. Not-applicable answers and a missing go-live date are not guessed:
//! they stay undecided.

use crate::date::Date;
use crate::expr::{Answer, Expr, Facts, Truth};
use crate::model::{AnswerKind, Catalog};

/// More combinations than this are not tried one by one: the condition is taken to hold.
const MAX_COMBINATIONS: usize = 4096;

/// How a condition came out once unknown answers were tried.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// True as answered.
    Holds,
    /// True for some real answer to these unanswered or `unknown` questions.
    HoldsIfWorst(Vec<usize>),
    /// False whatever the unknown questions are.
    Fails,
    /// Undecided for another reason (not applicable, no go-live date).
    Undecided,
}

pub fn evaluate(catalog: &Catalog, expr: &Expr, facts: &dyn Facts) -> Outcome {
    match expr.eval(facts) {
        Truth::True => return Outcome::Holds,
        Truth::False => return Outcome::Fails,
        Truth::Unknown => {}
    }
    let open: Vec<usize> = expr
        .questions()
        .iter()
        .copied()
        .filter(|&q| matches!(facts.answer(q), Answer::Missing | Answer::Unknown))
        .collect();
    if open.is_empty() {
        return Outcome::Undecided;
    }
    let domains: Vec<Vec<Answer<'_>>> = open.iter().map(|&q| domain(catalog, q, facts)).collect();
    let combinations = domains
        .iter()
        .try_fold(1usize, |n, d| n.checked_mul(d.len().max(1)));
    if combinations.is_none_or(|n| n > MAX_COMBINATIONS) {
        return Outcome::HoldsIfWorst(open);
    }
    let mut choice = vec![0usize; open.len()];
    let mut undecided = false;
    loop {
        let trial = Trial {
            base: facts,
            open: &open,
            values: &domains,
            choice: &choice,
        };
        match expr.eval(&trial) {
            Truth::True => return Outcome::HoldsIfWorst(open),
            Truth::Unknown => undecided = true,
            Truth::False => {}
        }
        if !advance(&mut choice, &domains) {
            break;
        }
    }
    if undecided {
        Outcome::Undecided
    } else {
        Outcome::Fails
    }
}

/// The next combination, like an odometer; false once every one has been tried.
fn advance(choice: &mut [usize], domains: &[Vec<Answer<'_>>]) -> bool {
    for (i, c) in choice.iter_mut().enumerate() {
        *c += 1;
        if *c < domains[i].len() {
            return true;
        }
        *c = 0;
    }
    false
}

/// The real answers a question could take, as far as any condition can tell them apart.
fn domain<'c>(catalog: &'c Catalog, q: usize, facts: &dyn Facts) -> Vec<Answer<'c>> {
    let Some(question) = catalog.questions.get(q) else {
        return Vec::new();
    };
    match &question.kind {
        AnswerKind::YesNo { partial } => {
            let mut v = vec![Answer::Yes, Answer::No];
            if *partial {
                v.push(Answer::Partial);
            }
            v
        }
        AnswerKind::Choice { options } => options
            .iter()
            .map(|o| Answer::Choice(o.value.as_str()))
            .collect(),
        AnswerKind::Multi { options } => {
            let mut v: Vec<Answer> = options
                .iter()
                .map(|o| Answer::Multi(std::slice::from_ref(&o.value)))
                .collect();
            // Nothing ticked is the worst a multiple choice can be; each single tick covers the rest.
            v.push(Answer::Multi(&[]));
            v
        }
        AnswerKind::Maturity { .. } => (0..=5).map(|n| Answer::Number(f64::from(n))).collect(),
        AnswerKind::Number {
            min, max, bands, ..
        } => number_domain(*min, *max, bands),
        AnswerKind::Date => date_domain(facts.today(), facts.go_live()),
        AnswerKind::Text | AnswerKind::Person => vec![Answer::Text("answered")],
    }
}

/// Band edges and the bounds, each with its neighbours, so that any threshold a condition uses
/// between two edges is crossed by one of them.
fn number_domain(
    min: Option<f64>,
    max: Option<f64>,
    bands: &[crate::model::Band],
) -> Vec<Answer<'static>> {
    // Without a bound, counts and percentages start at 0 and end far off; but a bound given on one
    // side moves the other with it (`max: -5` alone allows -5 and below, nothing from 0).
    let lo = min.unwrap_or_else(|| max.map_or(0.0, |hi| hi.min(0.0)));
    let hi = max.unwrap_or_else(|| lo.max(1.0e9));
    let mut points = vec![lo, hi];
    for b in bands {
        points.extend(b.min.iter().chain(b.max.iter()).copied());
    }
    let mut out: Vec<f64> = points
        .iter()
        .flat_map(|p| [p - 1.0, *p, p + 1.0])
        .filter(|p| (lo..=hi).contains(p))
        .collect();
    out.sort_by(f64::total_cmp);
    out.dedup();
    out.into_iter().map(Answer::Number).collect()
}

fn date_domain(today: Date, go_live: Option<Date>) -> Vec<Answer<'static>> {
    let mut out = vec![today.add_days(-1), today, today.add_days(3650)];
    if let Some(g) = go_live {
        out.extend([
            g.add_days(-1),
            g,
            g.add_days(1),
            g.add_days(30),
            g.add_days(90),
        ]);
    }
    out.into_iter().map(Answer::Date).collect()
}

/// The base facts, with the open questions answered by one combination of trial values.
struct Trial<'a, 'c> {
    base: &'a dyn Facts,
    open: &'a [usize],
    values: &'a [Vec<Answer<'c>>],
    choice: &'a [usize],
}

impl Facts for Trial<'_, '_> {
    fn answer(&self, question: usize) -> Answer<'_> {
        match self.open.iter().position(|&q| q == question) {
            // A question no real answer can satisfy has no trial values: it stays as answered.
            Some(i) => self.values[i]
                .get(self.choice[i])
                .copied()
                .unwrap_or_else(|| self.base.answer(question)),
            None => self.base.answer(question),
        }
    }

    fn score(&self, priority: usize) -> Option<f64> {
        self.base.score(priority)
    }

    fn today(&self) -> Date {
        self.base.today()
    }

    fn go_live(&self) -> Option<Date> {
        self.base.go_live()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(min: Option<f64>, max: Option<f64>) -> Vec<f64> {
        number_domain(min, max, &[])
            .into_iter()
            .map(|a| match a {
                Answer::Number(n) => n,
                other => panic!("not a number: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn a_number_bounded_on_one_side_is_tried_within_its_range() {
        // `max: -111` alone: every answer is -111 or below, none from 0 (a custom checklist found
        // by fuzzing; the empty range then crashed the worst-case search).
        let below = numbers(None, Some(-111.0));
        assert!(!below.is_empty());
        assert!(below.iter().all(|n| *n <= -111.0), "{below:?}");
        let above = numbers(Some(2.0e9), None);
        assert!(!above.is_empty());
        assert!(above.iter().all(|n| *n >= 2.0e9), "{above:?}");
        assert_eq!(numbers(Some(0.0), Some(1.0)), [0.0, 1.0]);
    }
}
