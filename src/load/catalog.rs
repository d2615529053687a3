//! Assembling checklist files into one checked catalogue: ids resolved, conditions compiled.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diag::{Code, Diagnostics, Pos, Sink};
use crate::expr::{Bounds, CompileError, Context, ErrorKind, Expr, QuestionType};
use crate::load::checklist::{self, ExprText, RawChecklist};
use crate::load::expr_pos;
use crate::load::risk::RawFinding;
use crate::load::source::Source;
use crate::load::yaml::{self, Node, Value};
use crate::model::Limits;
use crate::model::catalog::Names;
use crate::model::limits::{WORKER_STACK_BYTES, hint};
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
    for (source, (tree, parse_diags)) in sources.iter().zip(parse_all(sources, limits)) {
        diags.extend(parse_diags);
        let mut sink = Sink::new(&source.name, &mut diags);
        let Some(root) = source.tree.as_ref().or(tree.as_ref()) else {
            continue;
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
    if !within_counts(&parsed, limits, &mut diags) {
        return Err(diags);
    }
    let bounds = Bounds {
        max_bytes: limits.max_expression_bytes,
        max_depth: limits.max_expression_depth,
    };
    let catalog = assemble(priorities, parsed, bounds, &mut diags);
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(catalog)
    }
}

/// Parses the sources that have no tree yet (custom checklists), on every core: parsing is most
/// of the cost of a large catalogue, and files are independent. Results come back in source
/// order, so diagnostics and the catalogue are the same whatever thread parsed what.
fn parse_all(sources: &[Source], limits: Limits) -> Vec<(Option<Node>, Diagnostics)> {
    let parse = |source: &Source| {
        let mut diags = Diagnostics::default();
        let tree = match source.tree {
            Some(_) => None,
            None => yaml::parse(
                &source.text,
                limits,
                &mut Sink::new(&source.name, &mut diags),
            ),
        };
        (tree, diags)
    };
    let to_parse = sources.iter().filter(|s| s.tree.is_none()).count();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    if to_parse < 2 || workers < 2 {
        return sources.iter().map(parse).collect();
    }
    // Each worker takes the next unparsed index, so one large file does not hold up the rest.
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, (Option<Node>, Diagnostics))> = std::thread::scope(|scope| {
        // Parsing recurses once per nesting level: a worker needs a stack like the main thread's.
        // A worker that cannot start is skipped; the others take its share.
        let workers: Vec<_> = (0..workers.min(to_parse))
            .filter_map(|_| {
                std::thread::Builder::new()
                    .stack_size(WORKER_STACK_BYTES)
                    .spawn_scoped(scope, || {
                        let mut mine = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(source) = sources.get(i) else { break };
                            mine.push((i, parse(source)));
                        }
                        mine
                    })
                    .ok()
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    if done.len() != sources.len() {
        // No worker could start, or one died (it cannot, short of a bug); parsing again on this
        // thread is never wrong.
        return sources.iter().map(parse).collect();
    }
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, result)| result).collect()
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

/// The number of questions and rules is bounded before anything is compiled; the error points
/// at the first question or rule past the limit.
fn within_counts(parsed: &[Parsed], limits: Limits, diags: &mut Diagnostics) -> bool {
    let mut questions = 0;
    let mut rules = 0;
    for p in parsed {
        let mut sink = Sink::new(&p.source.name, diags);
        if let Some(q) = p
            .raw
            .questions
            .get(limits.max_questions.saturating_sub(questions))
        {
            sink.error(
                q.pos,
                Code::LimitExceeded,
                format!(
                    "the checklists define more than {} questions {}",
                    limits.max_questions,
                    hint("max_questions")
                ),
            );
            return false;
        }
        if let Some(r) = p.raw.rules.get(limits.max_rules.saturating_sub(rules)) {
            sink.error(
                r.pos,
                Code::LimitExceeded,
                format!(
                    "the checklists define more than {} rules {}",
                    limits.max_rules,
                    hint("max_rules")
                ),
            );
            return false;
        }
        questions += p.raw.questions.len();
        rules += p.raw.rules.len();
    }
    true
}

fn assemble(
    priorities: Vec<Priority>,
    parsed: Vec<Parsed>,
    bounds: Bounds,
    diags: &mut Diagnostics,
) -> Catalog {
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
    let mut rule_ids: HashSet<String> = HashSet::new();
    // The raw checklists are consumed: their texts move into the catalogue instead of being copied.
    for (index, p) in parsed.into_iter().enumerate() {
        let mut sink = Sink::new(&p.source.name, diags);
        let first_question = questions.len();
        let first_rule = rules.len();
        let mut answer_findings = Vec::new();
        for q in p.raw.questions {
            let id = format!("{}.{}", p.raw.id, q.local_id);
            let own_index = questions.len();
            let when = q.when.as_ref().and_then(|w| {
                let expr = compile(w, &names, Context::When, bounds, p.source, &mut sink)?;
                forward_references(&expr, own_index, w, &names, p.source, &mut sink);
                Some(expr)
            });
            if let Some(finding) = q.finding {
                answer_findings.push((own_index, finding));
            }
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
                risky: q.risky,
                pos: q.pos,
            });
        }
        for r in p.raw.rules {
            if !rule_ids.insert(r.id.clone()) {
                sink.error(
                    r.pos,
                    Code::DuplicateId,
                    format!("rule `{}` is defined twice", r.id),
                );
                continue;
            }
            let Some(when) = compile(&r.when, &names, Context::Rule, bounds, p.source, &mut sink)
            else {
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
                answer_of: None,
                pos: r.pos,
            });
        }
        for (question, finding) in answer_findings {
            let names = &names;
            let rule = answer_rule(&questions[question], question, finding, |text| {
                Expr::compile_within(text, names, Context::Rule, bounds).ok()
            });
            rules.extend(rule);
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

/// The rule that stands for a question's own risky answers: it carries the question's id, its
/// worst severity (the one `explain` shows) and a condition that names the risky answers.
fn answer_rule(
    question: &Question,
    index: usize,
    finding: RawFinding,
    compile: impl Fn(&str) -> Option<Expr>,
) -> Option<Rule> {
    let worst = question.risky.first()?.raise;
    let when = compile(&crate::load::risk::condition_text(question))?;
    Some(Rule {
        id: question.id.clone(),
        checklist: question.checklist,
        when,
        severity: if question
            .risky
            .iter()
            .any(|r| r.raise.blocker_within.is_some())
        {
            crate::model::Severity::Critical
        } else {
            worst.severity
        },
        blocker: question
            .risky
            .iter()
            .any(|r| r.raise.blocker || r.raise.blocker_within.is_some()),
        priorities: question.priorities.clone(),
        title: finding.title,
        risk: finding.risk,
        remediation: finding.remediation,
        owner: finding.owner,
        references: question.references.clone(),
        answer_of: Some(index),
        pos: finding.pos,
    })
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
    bounds: Bounds,
    source: &Source,
    sink: &mut Sink,
) -> Option<Expr> {
    match Expr::compile_within(&w.text, names, context, bounds) {
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
        ErrorKind::Limit => Code::LimitExceeded,
        ErrorKind::UnknownQuestion => Code::UnknownQuestion,
        ErrorKind::UnknownOption => Code::UnknownOption,
        ErrorKind::UnknownPriority => Code::UnknownPriority,
        ErrorKind::UnknownName => Code::ExprName,
        ErrorKind::Type => Code::ExprType,
    };
    let pos = expr_pos::locate(&source.text, w.pos, &w.text, e.offset);
    let message = match e.kind {
        ErrorKind::Limit => format!(
            "{} (limits: `max_expression_bytes` and `max_expression_depth` under [limits] in migready.toml)",
            e.message
        ),
        _ => e.message.clone(),
    };
    sink.error(pos, code, message);
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
