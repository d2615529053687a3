//! YAML into a spanned tree: the raw form that keeps where every value came from.
//!
//! serde's derive stops at the first error, but users want every problem in one pass, so files are
//! parsed into this tree (serde-saphyr checks syntax, duplicate keys and budgets) and then validated
//! field by field, collecting diagnostics.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Budget, MessageFormatter, Options, Spanned};

mod messages;

use crate::diag::{Code, Pos, Sink};
use crate::model::Limits;
use messages::{budget_message, plain_message};

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

/// Parses one YAML document. On failure, reports one located diagnostic and returns `None`.
pub fn parse(text: &str, limits: Limits, sink: &mut Sink) -> Option<Node> {
    if text.trim().is_empty() {
        sink.error(Pos::new(1, 1), Code::EmptyFile, "the file is empty");
        return None;
    }
    let mut budget = Budget::default();
    budget.max_depth = limits.max_yaml_depth;
    budget.max_nodes = limits.max_yaml_nodes;
    budget.max_aliases = limits.max_yaml_aliases;
    let mut options = Options::default();
    options.budget = Some(budget);
    // YAML 1.2 booleans only: `yes` and `no` stay answers, not `true` and `false`.
    options.strict_booleans = true;
    match serde_saphyr::from_str_with_options::<Spanned<Raw>>(text, options) {
        Ok(root) => {
            let root = into_node(root);
            let clean = refuse_hidden_characters(&root, sink);
            clean.then_some(root)
        }
        Err(err) => {
            let pos = err.location().map_or(Pos::new(1, 1), |l| {
                Pos::new(to_u32(l.line()), to_u32(l.column()))
            });
            let message = serde_saphyr::DefaultMessageFormatter.format_message(&err);
            match budget_message(&message, limits) {
                Some(text) => sink.error(pos, Code::LimitExceeded, text),
                None => sink.error(pos, Code::YamlSyntax, plain_message(&message)),
            }
            None
        }
    }
}

/// Text that reaches a terminal, a report or a CI log must not be able to rewrite the screen,
/// set the clipboard (escape sequences) or show text in an order other than the file's (bidi
/// overrides, "Trojan Source"). YAML lets a double-quoted string carry any of them as an escape,
/// so they are refused here, for every file, with the position of the value. Returns whether
/// the tree is clean.
fn refuse_hidden_characters(node: &Node, sink: &mut Sink) -> bool {
    let mut clean = true;
    let mut check = |text: &str, pos: Pos| {
        if let Some(c) = hidden_character(text) {
            sink.error(
                pos,
                Code::InvalidValue,
                format!(
                    "the text holds U+{:04X}, an invisible control or bidirectional-override character; such characters are refused because they can rewrite a terminal or disguise text",
                    u32::from(c)
                ),
            );
            clean = false;
        }
    };
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        match &node.value {
            Value::Str(s) => check(s, node.pos),
            Value::Seq(items) => stack.extend(items.iter().rev()),
            Value::Map(entries) => {
                for (k, v) in entries.iter().rev() {
                    stack.push(v);
                    stack.push(k);
                }
            }
            _ => {}
        }
    }
    clean
}

/// The first character that must not reach a terminal or report (see `refuse_hidden_characters`).
pub fn hidden_character(text: &str) -> Option<char> {
    // Nearly all text is printable ASCII, which a byte scan clears without decoding.
    let plain_ascii = text
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) || b == b'\n' || b == b'\t');
    if plain_ascii {
        return None;
    }
    text.chars().find(|&c| is_hidden(c))
}

/// C0 controls other than tab and line feed, DEL, C1 controls, the bidi embeddings, overrides
/// and isolates, and the non-characters U+FFFE and U+FFFF, which YAML does not allow at all (a
/// file that `import` wrote with one could not be read back).
fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n')
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FFFE}' | '\u{FFFF}'
        )
}

/// The compact binary form of a tree, for embedding the built-in checklists (see `build.rs`).
pub fn encode(node: &Node) -> Result<Vec<u8>, postcard::Error> {
    postcard::to_allocvec(node)
}

pub fn decode(bytes: &[u8]) -> Result<Node, postcard::Error> {
    postcard::from_bytes(bytes)
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
            .map(ToString::to_string)
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
    fn odd_keys_and_recursive_aliases_are_explained_without_rust_types() {
        // Found by fuzzing: the parser's own messages named `Option<String>` and "weak recursion types".
        for (text, expected) in [
            (
                "meta: {a: [b, : c]}\n",
                "t.yaml:1:15: error[yaml-syntax]: a mapping key must be text, found nothing",
            ),
            (
                "!!int key: v\n",
                "t.yaml:1:7: error[yaml-syntax]: a mapping key must be plain text, without a tag",
            ),
            (
                "[a]: 1\n",
                "t.yaml:1:1: error[yaml-syntax]: a mapping key must be text, found a list or a mapping",
            ),
            (
                "x: &a [*a]\n",
                "t.yaml:1:8: error[yaml-syntax]: an alias refers to the anchor it is inside",
            ),
        ] {
            let msg = parse_err(text);
            assert!(msg.starts_with(expected), "{text:?}: {msg}");
        }
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = "[".repeat(10_000);
        let msg = parse_err(&text);
        assert!(msg.contains("error[limit-exceeded]"), "{msg}");
        assert!(
            msg.contains("(limit: `max_yaml_depth` under [limits]"),
            "{msg}"
        );
    }

    #[test]
    fn escape_sequences_and_bidi_overrides_are_refused_where_they_are() {
        let msg = parse_err("a: ok\nb: \"\\e[2J\"\n");
        assert!(
            msg.starts_with(
                "t.yaml:2:4: error[invalid-value]: the text holds U+001B, an invisible control"
            ),
            "{msg}"
        );
        let msg = parse_err("? \"key \\u202e\"\n: v\n");
        assert!(msg.contains("U+202E"), "{msg}");
        parse_ok("a: \"tab\\there, line\\nbreak, ümlaut, emoji 🚀\"\n");
    }
}
