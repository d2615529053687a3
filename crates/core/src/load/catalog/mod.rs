//! Assembling checklist files into one checked catalogue: ids resolved, conditions compiled.

mod intake;

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diag::{Code, Diagnostics, Pos, Sink};
use crate::expr::{Bounds, QuestionType};
use crate::load::checklist::{self, RawChecklist};
use crate::load::source::Source;
use crate::load::yaml::{self, Node, Value};
use crate::model::Limits;
use crate::model::catalog::{Deadline, Names};
use crate::model::limits::{WORKER_STACK_BYTES, hint};
use crate::model::{Catalog, Checklist, Priority, Rule};
use intake::Intake;

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
    let mut deadlines: Vec<Deadline> = Vec::new();
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
        } else if has_key(root, "deadlines") {
            // A later deadlines file (an organisation's own) replaces the built-in one whole.
            deadlines = crate::load::deadlines::deadlines(root, &mut sink);
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
    let catalog =
        assemble(priorities, parsed, &deadlines, bounds, &mut diags).with_deadlines(deadlines);
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
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
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

fn is_priorities_file(root: &Node) -> bool {
    has_key(root, "priorities")
}

fn has_key(root: &Node, key: &str) -> bool {
    matches!(&root.value, Value::Map(entries) if entries.iter().any(|(k, _)| k.as_str() == Some(key)))
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
    deadlines: &[Deadline],
    bounds: Bounds,
    diags: &mut Diagnostics,
) -> Catalog {
    let priority_ids: Vec<String> = priorities.iter().map(|p| p.id.clone()).collect();
    let (question_ids, question_types) = question_table(&parsed, diags);
    let names = Names {
        question_ids: &question_ids,
        question_types: &question_types,
        priority_ids: &priority_ids,
        deadlines,
    };
    let mut checklists = Vec::new();
    let mut questions = Vec::new();
    let mut rules: Vec<Rule> = Vec::new();
    let mut rule_ids: HashSet<String> = HashSet::new();
    // The raw checklists are consumed: their texts move into the catalogue instead of being copied.
    for (index, p) in parsed.into_iter().enumerate() {
        let mut intake = Intake {
            names: &names,
            bounds,
            checklist: index,
            source: p.source,
            sink: Sink::new(&p.source.name, diags),
        };
        let first_question = questions.len();
        let first_rule = rules.len();
        let findings = intake.questions(&p.raw.id, p.raw.questions, &mut questions);
        intake.rules(p.raw.rules, &mut rule_ids, &mut rules);
        intake.answer_rules(findings, &questions, &mut rules);
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
