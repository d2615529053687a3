//! YAML into a spanned tree: the raw form that keeps where every value came from.
//!
//! serde's derive stops at the first error, but users want every problem in one pass, so files are
//! parsed into this tree (serde-saphyr checks syntax, duplicate keys and budgets) and then validated
//! field by field, collecting diagnostics.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Budget, MessageFormatter, Options, Spanned};

use crate::diag::{Code, Pos, Sink};

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The name of the node's YAML type, for "expected X, found Y" messages.
    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "nothing",
            Value::Bool(_) => "a boolean",
            Value::Int(_) | Value::Float(_) => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self.value {
            Value::Int(i) => Some(i as f64),
            Value::Float(f) if f.is_finite() => Some(f),
            _ => None,
        }
    }

    /// The text of a scalar as written, for values such as ids that YAML may read as numbers.
    pub fn scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::Str(s) => Some(s.clone()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

/// Limits that keep a hostile file from costing more than a moment.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_depth: usize,
    pub max_nodes: usize,
    pub max_aliases: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_depth: 64,
            max_nodes: 250_000,
            max_aliases: 1_000,
        }
    }
}

/// Parses one YAML document. On failure, reports one located diagnostic and returns `None`.
pub fn parse(text: &str, limits: Limits, sink: &mut Sink) -> Option<Node> {
    if text.trim().is_empty() {
        sink.error(Pos::new(1, 1), Code::EmptyFile, "the file is empty");
        return None;
    }
    let mut budget = Budget::default();
    budget.max_depth = limits.max_depth;
    budget.max_nodes = limits.max_nodes;
    budget.max_aliases = limits.max_aliases;
    let mut options = Options::default();
    options.budget = Some(budget);
    // YAML 1.2 booleans only: `yes` and `no` stay answers, not `true` and `false`.
    options.strict_booleans = true;
    match serde_saphyr::from_str_with_options::<Spanned<Raw>>(text, options) {
        Ok(root) => Some(into_node(root)),
        Err(err) => {
            let pos = err
                .location()
                .map(|l| Pos::new(to_u32(l.line()), to_u32(l.column())))
                .unwrap_or(Pos::new(1, 1));
            let message = serde_saphyr::DefaultMessageFormatter.format_message(&err);
            sink.error(pos, Code::YamlSyntax, plain_message(&message, limits));
            None
        }
    }
}

/// The compact binary form of a tree, for embedding the built-in checklists (see `build.rs`).
pub fn encode(node: &Node) -> Result<Vec<u8>, postcard::Error> {
    postcard::to_allocvec(node)
}

pub fn decode(bytes: &[u8]) -> Result<Node, postcard::Error> {
    postcard::from_bytes(bytes)
}

/// The parser's words, minus what only makes sense to a programmer (its option names, debug dumps).
fn plain_message(message: &str, limits: Limits) -> String {
    let message = message.trim();
    let refused = "refused: the document exceeds a safety limit";
    if let Some(breach) = message.strip_prefix("budget breached: ") {
        let what = breach.split([' ', '{']).next().unwrap_or_default();
        return match what {
            "Nodes" => format!(
                "{refused} of {} values (an alias bomb or a generated file?)",
                limits.max_nodes
            ),
            "Aliases" => format!("{refused} of {} aliases", limits.max_aliases),
            "Depth" => format!("{refused}: nesting deeper than {} levels", limits.max_depth),
            _ => format!("{refused} ({what})"),
        };
    }
    if message.starts_with("recursion limit exceeded") {
        return format!("{refused}: nesting deeper than {} levels", limits.max_depth);
    }
    // The parser's advice on its own options means nothing to a user.
    message
        .split(", set DuplicateKeyPolicy")
        .next()
        .unwrap_or_default()
        .to_owned()
}

fn to_u32(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX).max(1)
}

/// What serde-saphyr builds; converted to `Node` right away so the rest of the crate never sees serde types.
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<String>, Spanned<Raw>)>),
}

fn pos_of<T>(s: &Spanned<T>) -> Pos {
    Pos::new(to_u32(s.referenced.line()), to_u32(s.referenced.column()))
}

fn into_node(raw: Spanned<Raw>) -> Node {
    let pos = pos_of(&raw);
    let value = match raw.value {
        Raw::Null => Value::Null,
        Raw::Bool(b) => Value::Bool(b),
        Raw::Int(i) => Value::Int(i),
        Raw::Float(f) => Value::Float(f),
        Raw::Str(s) => Value::Str(s),
        Raw::Seq(items) => Value::Seq(items.into_iter().map(into_node).collect()),
        Raw::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| {
                    let key = Node {
                        pos: pos_of(&k),
                        value: Value::Str(k.value),
                    };
                    (key, into_node(v))
                })
                .collect(),
        ),
    };
    Node { value, pos }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Raw, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a YAML value")
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<String>>()? {
            let value = map.next_value()?;
            entries.push((key, value));
        }
        Ok(Raw::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostics;

    fn parse_ok(text: &str) -> Node {
        let mut diags = Diagnostics::default();
        let node = parse(
            text,
            Limits::default(),
            &mut Sink::new("t.yaml", &mut diags),
        );
        assert!(diags.is_empty(), "{diags:?}");
        node.unwrap_or(Node {
            value: Value::Null,
            pos: Pos::default(),
        })
    }

    fn parse_err(text: &str) -> String {
        let mut diags = Diagnostics::default();
        let node = parse(
            text,
            Limits::default(),
            &mut Sink::new("t.yaml", &mut diags),
        );
        assert!(node.is_none());
        diags
            .into_sorted()
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn keeps_positions_of_keys_and_values() {
        let node = parse_ok("a:\n  b: yes\n");
        let Value::Map(top) = &node.value else {
            panic!("expected a map")
        };
        let Value::Map(inner) = &top[0].1.value else {
            panic!("expected a map")
        };
        assert_eq!(inner[0].0.pos, Pos::new(2, 3));
        assert_eq!(inner[0].1.pos, Pos::new(2, 6));
        // Strict booleans: `yes` stays text, so yes/no answers mean what they say.
        assert_eq!(inner[0].1.value, Value::Str("yes".into()));
    }

    #[test]
    fn duplicate_keys_are_located() {
        let msg = parse_err("a: 1\na: 2\n");
        assert!(
            msg.starts_with("t.yaml:2:1: error[yaml-syntax]: duplicate mapping key"),
            "{msg}"
        );
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = "[".repeat(10_000);
        let msg = parse_err(&text);
        assert!(msg.contains("error[yaml-syntax]"), "{msg}");
    }
}
