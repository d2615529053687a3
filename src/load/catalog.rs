//! Assembling checklist files into one checked catalogue: ids resolved, conditions compiled.

use std::collections::HashMap;

use crate::diag::{Code, Diagnostics, Pos, Sink};
use crate::engine::expr::{CompileError, Context, ErrorKind, Expr, QuestionType};
use crate::load::checklist::{self, ExprText, RawChecklist};
use crate::load::expr_pos;
use crate::load::source::Source;
use crate::load::yaml::{self, Limits, Value};
use crate::model::catalog::Names;
use crate::model::{Catalog, Checklist, Priority, Question, Rule};
use crate::suggest::did_you_mean;

/// A raw checklist and the file it came from.
struct Parsed<'s> {
    source: &'s Source,
    raw: RawChecklist,
}

/// Loads the sources in order: later checklists with the same id replace earlier ones in place,
/// and a later priorities file replaces the earlier one.
pub fn load(sources: &[Source], limits: Limits) -> Result<Catalog, Diagnostics> {
    let mut diags = Diagnostics::default();
    let mut priorities: Vec<Priority> = Vec::new();
    let mut parsed: Vec<Parsed> = Vec::new();
    for source in sources {
        let mut sink = Sink::new(&source.name, &mut diags);
        let parsed_now;
        let root = match &source.tree {
            Some(tree) => tree,
            None => match yaml::parse(&source.text, limits, &mut sink) {
                Some(tree) => {
                    parsed_now = tree;
                    &parsed_now
                }
                None => continue,
            },
        };
        if is_priorities_file(root) {
            priorities = checklist::priorities(root, &mut sink);
            check_priority_ids(&priorities, &mut sink);
        } else if let Some(raw) = checklist::checklist(root, &mut sink) {
            match parsed.iter_mut().find(|p| p.raw.id == raw.id) {
                Some(slot) if slot.source.builtin => *slot = Parsed { source, raw },
                Some(slot) => sink.error(
                    Pos::new(1, 1),
                    Code::DuplicateId,
                    format!(
                        "checklist `{}` is also defined in {}",
                        raw.id, slot.source.name
                    ),
                ),
                None => parsed.push(Parsed { source, raw }),
            }
        }
    }
    let catalog = assemble(priorities, parsed, &mut diags);
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(catalog)
    }
}

fn is_priorities_file(root: &yaml::Node) -> bool {
    matches!(&root.value, Value::Map(entries) if entries.iter().any(|(k, _)| k.as_str() == Some("priorities")))
}

fn check_priority_ids(priorities: &[Priority], sink: &mut Sink) {
    for (i, p) in priorities.iter().enumerate() {
        if priorities[..i].iter().any(|q| q.id == p.id) {
            sink.error(
                Pos::new(1, 1),
                Code::DuplicateId,
                format!("priority `{}` is defined twice", p.id),
            );
        }
    }
}

fn assemble(priorities: Vec<Priority>, parsed: Vec<Parsed>, diags: &mut Diagnostics) -> Catalog {
    let priority_ids: Vec<String> = priorities.iter().map(|p| p.id.clone()).collect();
    let (question_ids, question_types) = question_table(&parsed, diags);
    let names = Names {
        question_ids: &question_ids,
        question_types: &question_types,
        priority_ids: &priority_ids,
    };
    let mut checklists = Vec::new();
    let mut questions = Vec::new();
    let mut rules: Vec<Rule> = Vec::new();
    // The raw checklists are consumed: their texts move into the catalogue instead of being copied.
    for (index, p) in parsed.into_iter().enumerate() {
        let mut sink = Sink::new(&p.source.name, diags);
        let first_question = questions.len();
        let first_rule = rules.len();
        for q in p.raw.questions {
            let id = format!("{}.{}", p.raw.id, q.local_id);
            let own_index = questions.len();
            let when = q.when.as_ref().and_then(|w| {
                let expr = compile(w, &names, Context::When, p.source, &mut sink)?;
                forward_references(&expr, own_index, w, &names, p.source, &mut sink);
                Some(expr)
            });
            questions.push(Question {
                id,
                checklist: index,
                prompt: q.prompt,
                help: q.help,
                kind: q.kind,
                weight: q.weight,
                priorities: resolve_priorities(&q.priorities, &priority_ids, &mut sink),
                references: q.references,
                when,
                allow_na: q.allow_na,
                pos: q.pos,
            });
        }
        for r in p.raw.rules {
            if rules.iter().any(|other| other.id == r.id) {
                sink.error(
                    r.pos,
                    Code::DuplicateId,
                    format!("rule `{}` is defined twice", r.id),
                );
                continue;
            }
            let Some(when) = compile(&r.when, &names, Context::Rule, p.source, &mut sink) else {
                continue;
            };
            rules.push(Rule {
                id: r.id,
                checklist: index,
                when,
                severity: r.severity,
                blocker: r.blocker,
                priorities: resolve_priorities(&r.priorities, &priority_ids, &mut sink),
                title: r.title,
                risk: r.risk,
                remediation: r.remediation,
                owner: r.owner,
                references: r.references,
                pos: r.pos,
            });
        }
        checklists.push(Checklist {
            id: p.raw.id,
            title: p.raw.title,
            description: p.raw.description,
            source: p.source.name.clone(),
            questions: first_question..questions.len(),
            rules: first_rule..rules.len(),
        });
    }
    Catalog::new(priorities, checklists, questions, rules)
}

/// Every qualified question id with its index and type, reporting duplicates.
fn question_table(
    parsed: &[Parsed],
    diags: &mut Diagnostics,
) -> (HashMap<String, usize>, Vec<QuestionType>) {
    let mut ids = HashMap::new();
    let mut types = Vec::new();
    for p in parsed {
        let mut sink = Sink::new(&p.source.name, diags);
        for q in &p.raw.questions {
            let id = format!("{}.{}", p.raw.id, q.local_id);
            if ids.contains_key(&id) {
                sink.error(
                    q.pos,
                    Code::DuplicateId,
                    format!("question `{id}` is defined twice"),
                );
            }
            // Indices follow the order questions are pushed in `assemble`, duplicates included.
            ids.entry(id).or_insert(types.len());
            types.push(q.kind.expr_type());
        }
    }
    (ids, types)
}

fn resolve_priorities(ids: &[(String, Pos)], known: &[String], sink: &mut Sink) -> Vec<usize> {
    let mut out = Vec::new();
    for (id, pos) in ids {
        match known.iter().position(|k| k == id) {
            Some(i) if !out.contains(&i) => out.push(i),
            Some(_) => {}
            None => sink.error(
                *pos,
                Code::UnknownPriority,
                format!(
                    "unknown priority `{id}`{}",
                    did_you_mean(id, known.iter().map(String::as_str))
                ),
            ),
        }
    }
    out
}

fn compile(
    w: &ExprText,
    names: &Names,
    context: Context,
    source: &Source,
    sink: &mut Sink,
) -> Option<Expr> {
    match Expr::compile(&w.text, names, context) {
        Ok(expr) => Some(expr),
        Err(errors) => {
            for e in errors {
                report(&e, w, source, sink);
            }
            None
        }
    }
}

fn report(e: &CompileError, w: &ExprText, source: &Source, sink: &mut Sink) {
    let code = match e.kind {
        ErrorKind::Syntax => Code::ExprSyntax,
        ErrorKind::UnknownQuestion => Code::UnknownQuestion,
        ErrorKind::UnknownOption => Code::UnknownOption,
        ErrorKind::UnknownPriority => Code::UnknownPriority,
        ErrorKind::UnknownName => Code::ExprName,
        ErrorKind::Type => Code::ExprType,
    };
    let pos = expr_pos::locate(&source.text, w.pos, &w.text, e.offset);
    sink.error(pos, code, e.message.clone());
}

/// A question's `when:` may only read questions asked before it, so applicability is decided in one pass.
fn forward_references(
    expr: &Expr,
    own: usize,
    w: &ExprText,
    names: &Names,
    source: &Source,
    sink: &mut Sink,
) {
    for &q in expr.questions() {
        if q < own {
            continue;
        }
        let id = names
            .question_ids
            .iter()
            .find(|(_, i)| **i == q)
            .map_or("?", |(id, _)| id.as_str());
        let offset = w.text.find(id).unwrap_or(0);
        sink.error(
            expr_pos::locate(&source.text, w.pos, &w.text, offset),
            Code::ForwardReference,
            format!("`when:` reads `{id}`, which is asked at or after this question; a condition may only read earlier questions"),
        );
    }
}
