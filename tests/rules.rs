//! Every built-in rule, shown to fire and shown to stay silent, by cases under `tests/rules/`.
//!
//! A case is a fragment of an answers file, a date, and the rules that must fire and must stay
//! silent. The test fails when a case is wrong, names an id that does not exist, or when a rule has
//! no case that fires it or none that keeps it silent.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use migready::date::Date;
use migready::diag::{Diagnostics, Pos, Sink};
use migready::engine;
use migready::load::yaml::{self, Node, Value};
use migready::load::{answers, builtin, catalog};
use migready::model::Limits;
use migready::model::{Catalog, Thresholds};

struct Case<'n> {
    name: String,
    at: String,
    today: Date,
    go_live: String,
    answers: Option<&'n Node>,
    waivers: Option<&'n Node>,
    fires: Vec<String>,
    silent: Vec<String>,
}

fn field<'n>(node: &'n Node, name: &str) -> Option<&'n Node> {
    match &node.value {
        Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| k.as_str() == Some(name))
            .map(|(_, v)| v),
        _ => None,
    }
}

fn text(node: Option<&Node>) -> Option<String> {
    node.and_then(Node::scalar_text)
}

fn ids(node: Option<&Node>) -> Vec<String> {
    match node.map(|n| &n.value) {
        Some(Value::Seq(items)) => items.iter().filter_map(Node::scalar_text).collect(),
        _ => Vec::new(),
    }
}

fn case<'n>(file: &str, node: &'n Node) -> Case<'n> {
    let at = format!("{file}:{}:{}", node.pos.line, node.pos.column);
    Case {
        name: text(field(node, "name")).unwrap_or_else(|| at.clone()),
        today: text(field(node, "today"))
            .unwrap_or_else(|| "2026-11-25".into())
            .parse()
            .unwrap_or_else(|e| panic!("{at}: {e}")),
        go_live: text(field(node, "go_live")).unwrap_or_else(|| "2027-06-01".into()),
        answers: field(node, "answers"),
        waivers: field(node, "waivers"),
        fires: ids(field(node, "fires")),
        silent: ids(field(node, "silent")),
        at,
    }
}

fn scalar(s: &str) -> Node {
    Node {
        value: Value::Str(s.to_owned()),
        pos: Pos::new(1, 1),
    }
}

/// The answers document a case stands for, built as a tree so that errors point into the case file.
fn document(case: &Case) -> Node {
    let meta = Node {
        value: Value::Map(vec![
            (scalar("organisation"), scalar("Rule case")),
            (scalar("project"), scalar(&case.name)),
            (scalar("go_live"), scalar(&case.go_live)),
        ]),
        pos: Pos::new(1, 1),
    };
    let mut entries = vec![(scalar("meta"), meta)];
    if let Some(a) = case.answers {
        entries.push((scalar("answers"), a.clone()));
    }
    if let Some(w) = case.waivers {
        entries.push((scalar("waivers"), w.clone()));
    }
    Node {
        value: Value::Map(entries),
        pos: Pos::new(1, 1),
    }
}

fn run_case(
    catalog: &Catalog,
    file: &str,
    case: &Case,
    problems: &mut Vec<String>,
) -> BTreeSet<String> {
    let answers = match answers::from_tree(file, &document(case), catalog) {
        Ok(a) => a,
        Err(d) => {
            for d in d.into_sorted() {
                problems.push(format!("{}: {d}", case.at));
            }
            return BTreeSet::new();
        }
    };
    let a = engine::assess(catalog, &answers, case.today, &Thresholds::default());
    let fired: BTreeSet<String> = a
        .findings
        .iter()
        .map(|f| catalog.rules[f.rule].id.clone())
        .collect();
    for id in case.fires.iter().chain(&case.silent) {
        if catalog.rule(id).is_none() {
            problems.push(format!("{} ({}): no rule `{id}`", case.at, case.name));
        }
    }
    for id in case.fires.iter().filter(|id| !fired.contains(*id)) {
        problems.push(format!(
            "{} ({}): `{id}` should fire but did not; fired: {fired:?}",
            case.at, case.name
        ));
    }
    for id in case.silent.iter().filter(|id| fired.contains(*id)) {
        problems.push(format!(
            "{} ({}): `{id}` should stay silent but fired",
            case.at, case.name
        ));
    }
    fired
}

#[test]
fn every_rule_has_a_case_that_fires_it_and_one_that_keeps_it_silent() {
    let catalog =
        catalog::load(&builtin::sources(), Limits::default()).expect("built-in checklists load");
    let mut files: Vec<_> = std::fs::read_dir("tests/rules")
        .expect("tests/rules exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    let mut problems = Vec::new();
    let (mut fired_somewhere, mut silent_somewhere) = (BTreeSet::new(), BTreeSet::new());
    let mut cases = 0;
    for path in &files {
        let name = path.display().to_string();
        let source = std::fs::read_to_string(path).expect("case file reads");
        let mut diags = Diagnostics::default();
        let Some(root) = yaml::parse(
            &source,
            Limits::default(),
            &mut Sink::new(&name, &mut diags),
        ) else {
            problems.extend(diags.into_sorted().iter().map(ToString::to_string));
            continue;
        };
        let Some(Value::Seq(items)) = field(&root, "cases").map(|n| &n.value) else {
            problems.push(format!("{name}: expected a top-level `cases:` list"));
            continue;
        };
        for item in items {
            let case = case(&name, item);
            run_case(&catalog, &name, &case, &mut problems);
            fired_somewhere.extend(case.fires.iter().cloned());
            silent_somewhere.extend(case.silent.iter().cloned());
            cases += 1;
        }
    }
    for rule in &catalog.rules {
        if !fired_somewhere.contains(&rule.id) {
            problems.push(format!("rule {} has no case that fires it", rule.id));
        }
        if !silent_somewhere.contains(&rule.id) {
            problems.push(format!("rule {} has no case that keeps it silent", rule.id));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems in {cases} cases:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
