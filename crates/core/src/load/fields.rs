//! Reading a YAML mapping field by field, reporting missing, mistyped and unknown fields.

use crate::date::Date;
use crate::diag::{Code, Pos, Sink};
use crate::load::yaml::{Node, Value};
use crate::suggest::did_you_mean;

/// The fields of one mapping. Each field taken is marked; `finish` reports the ones never taken.
pub struct Fields<'n> {
    pos: Pos,
    entries: &'n [(Node, Node)],
    taken: Vec<bool>,
    known: &'static [&'static str],
    what: &'static str,
}

impl<'n> Fields<'n> {
    /// Reads `node` as a mapping with the given known field names; reports a wrong type otherwise.
    pub fn of(
        node: &'n Node,
        what: &'static str,
        known: &'static [&'static str],
        sink: &mut Sink,
    ) -> Option<Fields<'n>> {
        match &node.value {
            Value::Map(entries) => Some(Fields {
                pos: node.pos,
                entries,
                taken: vec![false; entries.len()],
                known,
                what,
            }),
            _ => {
                sink.error(
                    node.pos,
                    Code::WrongType,
                    format!("expected {what} as a mapping, found {}", node.type_name()),
                );
                None
            }
        }
    }

    pub fn pos(&self) -> Pos {
        self.pos
    }

    pub fn optional(&mut self, name: &str) -> Option<&'n Node> {
        let i = self
            .entries
            .iter()
            .position(|(k, _)| k.as_str() == Some(name))?;
        self.taken[i] = true;
        let node = &self.entries[i].1;
        // An empty value (`field:`) reads as absent, as YAML users expect.
        (node.value != Value::Null).then_some(node)
    }

    pub fn required(&mut self, name: &str, sink: &mut Sink) -> Option<&'n Node> {
        let found = self.optional(name);
        if found.is_none() {
            sink.error(
                self.pos,
                Code::MissingField,
                format!("{} is missing the required field `{name}`", self.what),
            );
        }
        found
    }

    pub fn required_str(&mut self, name: &str, sink: &mut Sink) -> Option<String> {
        let node = self.required(name, sink)?;
        text(node, name, sink)
    }

    pub fn optional_str(&mut self, name: &str, sink: &mut Sink) -> Option<String> {
        let node = self.optional(name)?;
        text(node, name, sink)
    }

    pub fn optional_date(&mut self, name: &str, sink: &mut Sink) -> Option<Date> {
        date(self.optional(name)?, name, sink)
    }

    pub fn required_date(&mut self, name: &str, sink: &mut Sink) -> Option<Date> {
        date(self.required(name, sink)?, name, sink)
    }

    pub fn optional_number(&mut self, name: &str, sink: &mut Sink) -> Option<f64> {
        number(self.optional(name)?, name, sink)
    }

    pub fn optional_bool(&mut self, name: &str, sink: &mut Sink) -> Option<bool> {
        let node = self.optional(name)?;
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                wrong_type(node, name, "`true` or `false`", sink);
                None
            }
        }
    }

    /// A list of strings; a single string is accepted as a list of one.
    pub fn string_list(&mut self, name: &str, sink: &mut Sink) -> Vec<(String, Pos)> {
        let Some(node) = self.optional(name) else {
            return Vec::new();
        };
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .filter_map(|item| text(item, name, sink).map(|s| (s, item.pos)))
                .collect(),
            Value::Str(s) => vec![(s.clone(), node.pos)],
            _ => {
                wrong_type(node, name, "a list of strings", sink);
                Vec::new()
            }
        }
    }

    /// Takes the named fields that are present but were not read, returning their names and positions.
    pub fn take_unread(&mut self, names: &[&str]) -> Vec<(String, Pos)> {
        let mut out = Vec::new();
        for (i, (key, _)) in self.entries.iter().enumerate() {
            let name = key.as_str().unwrap_or_default();
            if !self.taken[i] && names.contains(&name) {
                self.taken[i] = true;
                out.push((name.to_owned(), key.pos));
            }
        }
        out
    }

    /// Reports every field that was present but never taken.
    pub fn finish(self, sink: &mut Sink) {
        for ((key, _), taken) in self.entries.iter().zip(&self.taken) {
            if *taken {
                continue;
            }
            let name = key.as_str().unwrap_or_default();
            sink.error(
                key.pos,
                Code::UnknownField,
                format!(
                    "unknown field `{name}` in {}; expected one of {}{}",
                    self.what,
                    list(self.known),
                    did_you_mean(name, self.known.iter().copied())
                ),
            );
        }
    }
}

/// "`a`, `b`, `c`" for messages.
pub fn list<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| format!("`{}`", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn wrong_type(node: &Node, name: &str, expected: &str, sink: &mut Sink) {
    sink.error(
        node.pos,
        Code::WrongType,
        format!("`{name}` must be {expected}, found {}", node.type_name()),
    );
}

pub fn text(node: &Node, name: &str, sink: &mut Sink) -> Option<String> {
    match node.as_str() {
        Some(s) if !s.trim().is_empty() => Some(s.to_owned()),
        Some(_) => {
            sink.error(
                node.pos,
                Code::InvalidValue,
                format!("`{name}` must not be empty"),
            );
            None
        }
        None => {
            wrong_type(node, name, "a string", sink);
            None
        }
    }
}

pub fn number(node: &Node, name: &str, sink: &mut Sink) -> Option<f64> {
    let n = node.as_f64();
    if n.is_none() {
        wrong_type(node, name, "a number", sink);
    }
    n
}

pub fn date(node: &Node, name: &str, sink: &mut Sink) -> Option<Date> {
    let Some(s) = node.as_str() else {
        wrong_type(node, name, "a date (YYYY-MM-DD)", sink);
        return None;
    };
    match s.parse::<Date>() {
        Ok(d) => Some(d),
        Err(e) => {
            sink.error(node.pos, Code::InvalidDate, format!("`{name}`: {e}"));
            None
        }
    }
}
