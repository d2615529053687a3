//! `deadlines.yaml`: the dates vendors set (a retirement, a shutdown, an end of support), named once.
//!
//! Conditions compare go-live and hypercare with `deadline("id")`, so a date that moves is changed
//! in one line of data, and `explain ID` shows where it came from.

use crate::diag::{Code, Sink};
use crate::load::fields::Fields;
use crate::load::yaml::{Node, Value};
use crate::model::catalog::Deadline;

const FIELDS: &[&str] = &["id", "date", "title", "references"];

pub fn deadlines(root: &Node, sink: &mut Sink) -> Vec<Deadline> {
    let Some(mut f) = Fields::of(root, "the deadlines file", &["deadlines"], sink) else {
        return Vec::new();
    };
    let list = f.required("deadlines", sink);
    f.finish(sink);
    let Some(list) = list else {
        return Vec::new();
    };
    let Value::Seq(items) = &list.value else {
        crate::load::fields::wrong_type(list, "deadlines", "a list of deadlines", sink);
        return Vec::new();
    };
    let mut out: Vec<Deadline> = Vec::new();
    for item in items {
        let Some(d) = deadline(item, sink) else {
            continue;
        };
        if out.iter().any(|o| o.id == d.id) {
            sink.error(
                item.pos,
                Code::DuplicateId,
                format!("deadline `{}` is defined twice", d.id),
            );
            continue;
        }
        out.push(d);
    }
    out
}

fn deadline(node: &Node, sink: &mut Sink) -> Option<Deadline> {
    let mut f = Fields::of(node, "a deadline", FIELDS, sink)?;
    let id = f.required("id", sink).and_then(|n| id(n, sink));
    let date = f.required_date("date", sink);
    let title = f.required_str("title", sink);
    let references = f
        .string_list("references", sink)
        .into_iter()
        .map(|(s, _)| s)
        .collect();
    f.finish(sink);
    Some(Deadline {
        id: id?,
        date: date?,
        title: title?,
        references,
    })
}

fn id(node: &Node, sink: &mut Sink) -> Option<String> {
    let id = crate::load::fields::text(node, "id", sink)?;
    if !crate::load::question::is_identifier(&id) {
        sink.error(
            node.pos,
            Code::InvalidValue,
            format!("deadline id `{id}` must be lower-case letters, digits and `_`, starting with a letter"),
        );
        return None;
    }
    Some(id)
}
