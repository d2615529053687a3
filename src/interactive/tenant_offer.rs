//! What the interview says of a question the team has not answered but the tenant's recorded
//! results speak to: the results, and the answer they point to, offered as the default.

use crate::engine::evidence::mildest;
use crate::evidence::judge::{self, Reading};
use crate::evidence::mapping::{self, Mapping};
use crate::model::{AnswerEntry, AnswerValue, Catalog, Outcome, TenantEvidence};

/// Tenant evidence shown with a question.
#[derive(Debug, Clone, PartialEq)]
pub struct TenantOffer {
    /// "ScubaGear 1.8.0 on 2026-05-04: MS.AAD.3.2v1 failed", newest first, `; ` between results.
    pub said: String,
    /// The answer the results point to (of those they leave, the one that scores best); `None`
    /// when they contradict each other.
    pub answer: Option<AnswerValue>,
}

/// The offer for an unanswered (or `unknown`) question with recorded results that bear on it.
pub fn offer(map: &Mapping, catalog: &Catalog, entry: Option<&AnswerEntry>) -> Option<TenantOffer> {
    let entry = entry.filter(|e| e.value == AnswerValue::Unknown)?;
    let question = catalog.questions.get(entry.question)?;
    let q = map.for_question(entry.question)?;
    let sources = judge::sources(q, &entry.tenant_evidence);
    if sources.is_empty() {
        return None;
    }
    let answer = match judge::read(q, catalog, &entry.tenant_evidence) {
        Reading::Shows(left) => {
            let values: Vec<AnswerValue> = left
                .iter()
                .filter_map(|t| mapping::answer(&question.kind, t))
                .collect();
            mildest(question, &values)
        }
        _ => None,
    };
    let said: Vec<String> = sources.iter().map(|e| said(e)).collect();
    Some(TenantOffer {
        said: said.join("; "),
        answer,
    })
}

fn said(e: &TenantEvidence) -> String {
    let day = e.run.get(..10).unwrap_or(&e.run);
    let verb = match e.result {
        Outcome::Pass => "passed",
        Outcome::Fail => "failed",
    };
    format!("{} {} on {day}: {} {verb}", e.tool, e.version, e.id)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::date::Date;
    use crate::interactive::scripted::{Scripted, Step};
    use crate::interactive::{Interview, Reply, Store};
    use crate::model::{Answers, Thresholds};

    struct Nowhere;

    impl Store for Nowhere {
        fn save(&mut self, _: &Answers) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// An answers file where MFA coverage is `unknown` but a failed MT.1007 was recorded beside it.
    fn answers(catalog: &Catalog) -> Answers {
        let text = "meta:\n  organisation: Demo\n  project: Move\n  go_live: 2027-06-01\nanswers:\n  \
                    identity.mfa_coverage:\n    value: unknown\n    tenant_evidence:\n      - tool: Maester\n        \
                    version: \"2.2.0\"\n        id: MT.1007\n        result: fail\n        run: \"2026-11-20T21:29:02+11:00\"\n";
        let source = crate::load::source::Source::from_text("answers.yaml", text);
        crate::load::answers::load(&source, catalog, crate::model::Limits::default()).unwrap()
    }

    #[test]
    fn the_interview_shows_the_results_and_offers_their_answer() {
        let catalog = crate::load::builtin::catalog().unwrap();
        let q = catalog.question("identity.mfa_coverage").unwrap();
        let area = catalog.questions[q].checklist;
        // Every other question of the area is `unknown` without evidence, so it is not asked again;
        // MFA coverage is, because the tenant now says something about it.
        let mut answers = answers(&catalog);
        for (i, x) in catalog.questions.iter().enumerate() {
            if x.checklist == area && i != q {
                answers.by_question[i] = Some(AnswerEntry::blank(i, crate::diag::Pos::new(0, 0)));
            }
        }
        let today: Date = "2026-12-01".parse().unwrap();
        let thresholds = Thresholds::default();
        let mut interview = Interview::new(&catalog, &thresholds, answers, &[area], today, false);
        let step = Step::Ask("identity.mfa_coverage".into(), Reply::Skip);
        let mut prompter = Scripted::new([step]);
        let _ = interview.run(&mut prompter, &mut Nowhere);
        assert_eq!(prompter.shown.len(), 1, "{:?}", prompter.shown);
        let shown = &prompter.shown[0];
        assert_eq!(
            shown.tenant.as_deref(),
            Some("Maester 2.2.0 on 2026-11-20: MT.1007 failed")
        );
        assert_eq!(
            shown.offered,
            Some(AnswerValue::Choice("all_but_shared".into())),
            "the best answer a failed MT.1007 leaves is the default"
        );
    }
}
