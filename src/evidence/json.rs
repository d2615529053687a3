//! Reading a tool's JSON: byte-order mark, depth budget, located errors, and PowerShell's habit of
//! writing a one-element array as the element itself.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeOwned, MapAccess, SeqAccess, Visitor, value::MapAccessDeserializer};
use serde::{Deserialize, Deserializer};

use crate::diag::{Code, Diagnostic, Pos};
use crate::model::limits::hint;

/// Parses `text` as `T`; any problem is one error at its line and column.
pub fn parse<T: DeserializeOwned>(
    name: &str,
    text: &str,
    max_depth: usize,
) -> Result<T, Diagnostic> {
    // Windows PowerShell 5.1 writes UTF-8 with a byte-order mark; PowerShell 7 does not.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(pos) = too_deep(text, max_depth) {
        return Err(Diagnostic::error(
            name,
            pos,
            Code::LimitExceeded,
            format!(
                "the JSON nests deeper than {max_depth} levels {}",
                hint("max_yaml_depth")
            ),
        ));
    }
    serde_json::from_str(text).map_err(|e| {
        let line = u32::try_from(e.line()).unwrap_or(u32::MAX).max(1);
        let column = u32::try_from(e.column()).unwrap_or(u32::MAX).max(1);
        Diagnostic::error(name, Pos::new(line, column), Code::JsonSyntax, describe(&e))
    })
}

/// serde_json's message without its own " at line L column C" tail: the position is ours to show.
fn describe(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let message = match text.rfind(" at line ") {
        Some(i) => &text[..i],
        None => &text,
    };
    match e.classify() {
        serde_json::error::Category::Eof => {
            format!("the JSON ends too early ({message}); is the file complete?")
        }
        serde_json::error::Category::Data => format!("unexpected JSON content: {message}"),
        _ => format!("not valid JSON: {message}"),
    }
}

/// Where the nesting first goes past `max`, scanning brackets outside strings. Done before parsing
/// so that a hostile file is refused with its position instead of by the parser's fixed limit.
/// Bytes, not characters: every byte of a multi-byte UTF-8 character is above ASCII.
fn too_deep(text: &str, max: usize) -> Option<Pos> {
    let bytes = text.as_bytes();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(position(text, i));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The line and column (in characters) of a byte offset.
fn position(text: &str, offset: usize) -> Pos {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let to_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Pos::new(to_u32(line), to_u32(column))
}

/// A list that PowerShell may have written as its only element.
#[derive(Debug, Clone, PartialEq)]
pub struct OneOrMany<T>(pub Vec<T>);

impl<T> Default for OneOrMany<T> {
    fn default() -> Self {
        OneOrMany(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(OneOrManyVisitor(PhantomData))
    }
}

struct OneOrManyVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for OneOrManyVisitor<T> {
    type Value = OneOrMany<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list or a single object")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(OneOrMany(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(|one| OneOrMany(vec![one]))
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(OneOrMany(Vec::new()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Debug, PartialEq)]
    struct Item {
        a: u32,
    }

    #[test]
    fn a_single_object_reads_as_a_list_of_one() {
        let one: OneOrMany<Item> = parse("t", r#"{"a": 1}"#, 8).unwrap();
        let many: OneOrMany<Item> = parse("t", r#"[{"a": 1}, {"a": 2}]"#, 8).unwrap();
        assert_eq!(one.0, vec![Item { a: 1 }]);
        assert_eq!(many.0.len(), 2);
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let item: Item = parse("t", "\u{feff}{\"a\": 3}", 8).unwrap();
        assert_eq!(item, Item { a: 3 });
    }

    #[test]
    fn a_syntax_error_is_located() {
        let e = parse::<Item>("r.json", "{\n  \"a\": 1,\n  oops\n}", 8).unwrap_err();
        assert_eq!((e.pos.line, e.pos.column), (3, 3));
        assert_eq!(e.code, Code::JsonSyntax);
    }

    #[test]
    fn nesting_past_the_limit_is_refused_where_it_happens() {
        let e = parse::<serde_json::Value>("r.json", "{\"a\": [[[1]]]}", 3).unwrap_err();
        assert_eq!((e.pos.line, e.pos.column), (1, 9));
        assert_eq!(e.code, Code::LimitExceeded);
        assert!(parse::<serde_json::Value>("r.json", "{\"a\": \"[[[[\"}", 2).is_ok());
    }
}
