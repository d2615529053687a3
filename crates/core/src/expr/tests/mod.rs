//! Tests of the expression language, with a small catalogue and answer set of their own.

mod errors;
mod functions;
mod limits;
mod logic;
mod membership;
mod parse;
mod robustness;

use super::{Answer, CompileError, Context, ErrorKind, Expr, Facts, QuestionType, Schema, Truth};
use crate::date::Date;

pub(super) const USES_ENTRA: usize = 0;
pub(super) const MFA_COVERAGE: usize = 1;
pub(super) const LEGACY_AUTH: usize = 2;
pub(super) const CHANNELS: usize = 3;
pub(super) const PLAN: usize = 4;
pub(super) const ENROLLED_PCT: usize = 5;
pub(super) const PATCH_MATURITY: usize = 6;
pub(super) const ROLLBACK_PLAN: usize = 7;
pub(super) const HYPERCARE_DAYS: usize = 8;
pub(super) const REVIEW_DATE: usize = 9;
pub(super) const OWNER: usize = 10;
pub(super) const NOTES: usize = 11;
pub(super) const TESTED: usize = 12;
pub(super) const BACKUP_MFA: usize = 13;
pub(super) const START_DATE: usize = 14;
pub(super) const EXTRA_CHANNELS: usize = 15;

fn options(values: &[&str]) -> Vec<String> {
    values.iter().map(ToString::to_string).collect()
}

/// The catalogue the tests compile against; the index of each question is its position.
pub(super) struct TestSchema {
    questions: Vec<(&'static str, QuestionType)>,
    priorities: Vec<&'static str>,
}

impl TestSchema {
    pub fn new() -> TestSchema {
        let coverage = options(&["all_users", "admins_only", "some_users", "none"]);
        let questions = vec![
            (
                "identity.uses_entra",
                QuestionType::YesNo { partial: false },
            ),
            (
                "identity.mfa_coverage",
                QuestionType::Choice {
                    options: coverage.clone(),
                },
            ),
            (
                "identity.legacy_auth",
                QuestionType::Choice {
                    options: options(&["allowed", "blocked"]),
                },
            ),
            (
                "comms.channels",
                QuestionType::Multi {
                    options: options(&["mail", "teams", "intranet", "sms"]),
                },
            ),
            (
                "comms.plan",
                QuestionType::Choice {
                    options: options(&["none", "monthly", "quarterly"]),
                },
            ),
            ("endpoint.enrolled_pct", QuestionType::Number),
            ("endpoint.patch_maturity", QuestionType::Maturity),
            (
                "escalation.rollback_plan",
                QuestionType::YesNo { partial: true },
            ),
            ("post-go-live.hypercare_days", QuestionType::Number),
            ("post-go-live.review_date", QuestionType::Date),
            ("comms.owner", QuestionType::Person),
            ("comms.notes", QuestionType::Text),
            ("escalation.tested", QuestionType::YesNo { partial: true }),
            (
                "identity.backup_mfa",
                QuestionType::Choice { options: coverage },
            ),
            ("post-go-live.start_date", QuestionType::Date),
            (
                "comms.extra_channels",
                QuestionType::Multi {
                    options: options(&["mail", "teams"]),
                },
            ),
        ];
        TestSchema {
            questions,
            priorities: vec!["identity_security", "user_communication"],
        }
    }
}

impl Schema for TestSchema {
    fn question(&self, id: &str) -> Option<(usize, &QuestionType)> {
        self.questions
            .iter()
            .enumerate()
            .find(|(_, (qid, _))| *qid == id)
            .map(|(i, (_, ty))| (i, ty))
    }

    fn question_ids(&self) -> Vec<&str> {
        self.questions.iter().map(|(id, _)| *id).collect()
    }

    fn priority(&self, id: &str) -> Option<usize> {
        self.priorities.iter().position(|p| *p == id)
    }

    fn priority_ids(&self) -> Vec<&str> {
        self.priorities.clone()
    }
}

/// Answers the tests set one by one; everything else is unanswered.
pub(super) struct TestFacts<'a> {
    answers: Vec<Answer<'a>>,
    scores: Vec<Option<f64>>,
    today: Date,
    go_live: Option<Date>,
}

impl<'a> TestFacts<'a> {
    pub fn new() -> TestFacts<'a> {
        TestFacts {
            answers: vec![Answer::Missing; 16],
            scores: vec![None, None],
            today: date("2026-01-01"),
            go_live: Some(date("2026-03-01")),
        }
    }

    pub fn with(mut self, question: usize, answer: Answer<'a>) -> TestFacts<'a> {
        self.answers[question] = answer;
        self
    }

    pub fn score(mut self, priority: usize, score: Option<f64>) -> TestFacts<'a> {
        self.scores[priority] = score;
        self
    }

    pub fn go_live(mut self, go_live: Option<Date>) -> TestFacts<'a> {
        self.go_live = go_live;
        self
    }
}

impl Facts for TestFacts<'_> {
    fn answer(&self, question: usize) -> Answer<'_> {
        self.answers
            .get(question)
            .copied()
            .unwrap_or(Answer::Missing)
    }

    fn score(&self, priority: usize) -> Option<f64> {
        self.scores.get(priority).copied().flatten()
    }

    fn today(&self) -> Date {
        self.today
    }

    fn go_live(&self) -> Option<Date> {
        self.go_live
    }
}

pub(super) fn date(text: &str) -> Date {
    text.parse().unwrap()
}

/// Compiles a rule condition that must be valid.
pub(super) fn compile(source: &str) -> Expr {
    match Expr::compile(source, &TestSchema::new(), Context::Rule) {
        Ok(expr) => expr,
        Err(errors) => panic!("`{source}` should compile, got {errors:#?}"),
    }
}

/// Every error of a rule condition that must be invalid.
pub(super) fn errors_in(source: &str, context: Context) -> Vec<CompileError> {
    match Expr::compile(source, &TestSchema::new(), context) {
        Ok(_) => panic!("`{source}` should not compile"),
        Err(errors) => errors,
    }
}

/// Each error's kind and offset, in the order they are reported.
pub(super) fn kinds_and_offsets(errors: &[CompileError]) -> Vec<(ErrorKind, usize)> {
    errors.iter().map(|e| (e.kind, e.offset)).collect()
}

/// The single error of an invalid rule condition.
pub(super) fn error(source: &str) -> CompileError {
    let mut errors = errors_in(source, Context::Rule);
    assert_eq!(errors.len(), 1, "`{source}`: {errors:#?}");
    errors.remove(0)
}

/// Asserts the kind, offset and message of the single error of `source`.
pub(super) fn assert_error(source: &str, kind: ErrorKind, offset: usize, message: &str) {
    let e = error(source);
    assert_eq!(
        (e.kind, e.offset, e.message.as_str()),
        (kind, offset, message),
        "`{source}`"
    );
}

pub(super) fn eval(source: &str, facts: &TestFacts<'_>) -> Truth {
    compile(source).eval(facts)
}

/// Evaluates with nothing answered.
pub(super) fn eval_empty(source: &str) -> Truth {
    eval(source, &TestFacts::new())
}

#[test]
fn the_fixture_schema_resolves_what_it_lists() {
    let schema = TestSchema::new();
    assert_eq!(schema.question("comms.plan").map(|(i, _)| i), Some(PLAN));
    assert_eq!(schema.question_ids().len(), 16);
    assert_eq!(schema.priority("user_communication"), Some(1));
    for (i, id) in schema.question_ids().into_iter().enumerate() {
        assert_eq!(schema.question(id).map(|(index, _)| index), Some(i));
    }
}
