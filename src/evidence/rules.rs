//! The findings tenant evidence can raise: one `evidence.<question id>` rule for each question the
//! mapping covers, added to the catalogue so that they are waived, explained and listed like any
//! other. No condition raises them; `engine::evidence` does, when the tenant contradicts an answer.

use crate::evidence::mapping::Mapping;
use crate::expr::{Context, Expr, QuestionType, Schema};
use crate::model::{Catalog, Rule, Severity};

/// The catalogue with the evidence rules after its own.
pub fn add(catalog: Catalog, map: &Mapping) -> Catalog {
    let added: Vec<Rule> = map
        .questions
        .iter()
        .filter_map(|m| rule(&catalog, m.question))
        .filter(|r| catalog.rule(&r.id).is_none())
        .collect();
    if added.is_empty() {
        return catalog;
    }
    let Catalog {
        priorities,
        checklists,
        questions,
        mut rules,
        deadlines,
        ..
    } = catalog;
    rules.extend(added);
    Catalog::new(priorities, checklists, questions, rules).with_deadlines(deadlines)
}

fn rule(catalog: &Catalog, question: usize) -> Option<Rule> {
    let q = catalog.questions.get(question)?;
    // The condition is never evaluated; it names the question, so that `explain` lists the rule
    // among those reading it.
    let one = One {
        index: question,
        id: &q.id,
        ty: q.kind.expr_type(),
    };
    let when = Expr::compile(&format!("answered({})", q.id), &one, Context::Rule).ok()?;
    let owner = catalog
        .rules
        .iter()
        .find(|r| r.answer_of == Some(question) || r.when.questions().contains(&question))
        .map_or_else(|| "Migration lead".to_owned(), |r| r.owner.clone());
    Some(Rule {
        id: crate::engine::evidence::rule_id(q),
        checklist: q.checklist,
        when,
        severity: Severity::Medium,
        blocker: false,
        priorities: q.priorities.clone(),
        title: format!("The tenant's results contradict the answer to {}", q.id),
        risk: format!(
            "The answer on file is not what the tenant shows: \"{}\" may be answered better than it is. \
             The verdict is judged with the tenant's answer.",
            q.prompt
        ),
        remediation: "1. Check the tenant and correct the answer, or fix the setting and run the tool again. \
                      2. If the tool is wrong here, waive this finding with the reason: the answer on file then stands."
            .to_owned(),
        owner,
        references: q.references.clone(),
        answer_of: None,
        evidence_of: Some(question),
        leadership: None,
        pos: q.pos,
    })
}

/// The one name an evidence rule's condition uses.
struct One<'a> {
    index: usize,
    id: &'a str,
    ty: QuestionType,
}

impl Schema for One<'_> {
    fn question(&self, id: &str) -> Option<(usize, &QuestionType)> {
        (id == self.id).then_some((self.index, &self.ty))
    }

    fn question_ids(&self) -> Vec<&str> {
        vec![self.id]
    }

    fn priority(&self, _id: &str) -> Option<usize> {
        None
    }

    fn priority_ids(&self) -> Vec<&str> {
        Vec::new()
    }
}
