//! Checks `migready.toml` against its own JSON Schema before it is read, so that every problem is
//! reported in one pass, each at its line and column: unknown keys (with "did you mean"), wrong
//! types, values outside their range, thresholds that contradict each other.
//!
//! The schema is the one `migready schema config` prints, generated from the types that parse the
//! file, so the check and the parser cannot disagree about which keys exist.

use serde_json::Value as Json;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Code, Diagnostic, Diagnostics, Pos};
use crate::load::source::Source;
use crate::suggest::did_you_mean;

/// Every problem of the file; empty when `toml::from_str` into the config type will succeed.
pub fn check(source: &Source, schema: &Json) -> Diagnostics {
    let mut check = Check {
        source,
        root: schema,
        diags: Diagnostics::default(),
    };
    match DeTable::parse(&source.text) {
        Ok(table) => {
            let whole = Spanned::new(table.span(), DeValue::Table(table.into_inner()));
            check.value(&whole, schema, "");
            check.thresholds(&whole);
        }
        Err(e) => {
            let pos = e.span().map_or(Pos::new(1, 1), |s| check.pos(s.start));
            check.error(pos, Code::TomlSyntax, e.message().trim().to_owned());
        }
    }
    check.diags
}

struct Check<'a> {
    source: &'a Source,
    root: &'a Json,
    diags: Diagnostics,
}

impl<'a> Check<'a> {
    fn error(&mut self, pos: Pos, code: Code, message: String) {
        self.diags
            .push(Diagnostic::error(&self.source.name, pos, code, message));
    }

    fn pos(&self, offset: usize) -> Pos {
        position(&self.source.text, offset)
    }

    fn value(&mut self, value: &Spanned<DeValue>, schema: &'a Json, key: &str) {
        let schema = resolve(self.root, schema);
        let alternatives = schema.get("anyOf").or(schema.get("oneOf"));
        if let Some(Json::Array(alternatives)) = alternatives {
            let fits = alternatives.iter().any(|alt| {
                let mut probe = Check {
                    source: self.source,
                    root: self.root,
                    diags: Diagnostics::default(),
                };
                probe.value(value, alt, key);
                probe.diags.is_empty()
            });
            if !fits {
                self.mismatch(value, key, &expected_any(alternatives, self.root));
            }
            return;
        }
        if !type_fits(value.get_ref(), schema) {
            return self.mismatch(value, key, &expected(schema));
        }
        if let Some(allowed) = schema
            .get("const")
            .map(|c| vec![c.clone()])
            .or_else(|| schema.get("enum").and_then(Json::as_array).cloned())
            && !allowed
                .iter()
                .any(|a| a.as_str() == value.get_ref().as_str())
        {
            return self.mismatch(value, key, &expected(schema));
        }
        if let (Some(n), Some(min)) = (
            as_number(value.get_ref()),
            schema.get("minimum").and_then(Json::as_f64),
        ) && n < min
        {
            let pos = self.pos(value.span().start);
            self.error(
                pos,
                Code::InvalidValue,
                format!("`{key}` must be at least {min}, found {n}"),
            );
        }
        if let (Some(n), Some(max)) = (
            as_number(value.get_ref()),
            schema.get("maximum").and_then(Json::as_f64),
        ) && n > max
        {
            let pos = self.pos(value.span().start);
            self.error(
                pos,
                Code::InvalidValue,
                format!("`{key}` must be at most {max}, found {n}"),
            );
        }
        if let DeValue::Table(table) = value.get_ref() {
            self.table(table, schema, key);
        }
        if let DeValue::Array(items) = value.get_ref()
            && let Some(item_schema) = schema.get("items")
        {
            for item in items {
                self.value(item, item_schema, key);
            }
        }
    }

    fn table(&mut self, table: &DeTable, schema: &'a Json, path: &str) {
        let properties = schema.get("properties").and_then(Json::as_object);
        let extra = schema.get("additionalProperties");
        for (name, value) in table {
            let name_text: &str = name.get_ref();
            let key = if path.is_empty() {
                name_text.to_owned()
            } else {
                format!("{path}.{name_text}")
            };
            match (properties.and_then(|p| p.get(name_text)), extra) {
                (Some(property), _) => self.value(value, property, &key),
                (None, Some(extra)) if extra.is_object() => self.value(value, extra, &key),
                _ => {
                    let known: Vec<&str> = properties
                        .map(|p| p.keys().map(String::as_str).collect())
                        .unwrap_or_default();
                    let pos = self.pos(name.span().start);
                    self.error(
                        pos,
                        Code::UnknownField,
                        format!(
                            "unknown key `{key}`{}",
                            did_you_mean(name_text, known.iter().copied())
                        ),
                    );
                }
            }
        }
    }

    fn mismatch(&mut self, value: &Spanned<DeValue>, key: &str, expected: &str) {
        let pos = self.pos(value.span().start);
        let found = match value.get_ref() {
            DeValue::String(s) => format!("\"{s}\""),
            DeValue::Integer(i) => i.as_str().to_owned(),
            DeValue::Float(f) => f.as_str().to_owned(),
            DeValue::Boolean(b) => b.to_string(),
            other => format!("a {}", other.type_str()),
        };
        let code = if type_name_fits(value.get_ref(), expected) {
            Code::InvalidValue
        } else {
            Code::WrongType
        };
        self.error(
            pos,
            code,
            format!("`{key}` must be {expected}, found {found}"),
        );
    }

    /// Percentages stay within 0 to 100, and the NO-GO line below the GO line.
    fn thresholds(&mut self, whole: &Spanned<DeValue>) {
        let Some(DeValue::Table(t)) = whole.get_ref().get("thresholds").map(Spanned::get_ref)
        else {
            return;
        };
        let number = |name: &str| {
            let v = t.get(name)?;
            Some((as_number(v.get_ref())?, v.span().start))
        };
        let mut percentages: Vec<(String, f64, usize)> = [
            "no_go_score",
            "no_go_completeness",
            "go_score",
            "priority_floor",
        ]
        .iter()
        .filter_map(|k| number(k).map(|(n, at)| ((*k).to_owned(), n, at)))
        .collect();
        if let Some(DeValue::Table(floors)) = t.get("priority_floors").map(Spanned::get_ref) {
            for (name, v) in floors {
                if let Some(n) = as_number(v.get_ref()) {
                    let key: &str = name.get_ref();
                    percentages.push((format!("priority_floors.{key}"), n, v.span().start));
                }
            }
        }
        for (key, n, at) in &percentages {
            if !(0.0..=100.0).contains(n) {
                let pos = self.pos(*at);
                self.error(
                    pos,
                    Code::InvalidValue,
                    format!("`thresholds.{key}` must be a percentage from 0 to 100, found {n}"),
                );
            }
        }
        let defaults = crate::model::Thresholds::default();
        let no_go = number("no_go_score");
        let go = number("go_score");
        let no_go_value = no_go.map_or(defaults.no_go_score, |(n, _)| n);
        let go_value = go.map_or(defaults.go_score, |(n, _)| n);
        if no_go_value > go_value {
            let at = no_go.or(go).map_or(whole.span().start, |(_, at)| at);
            let pos = self.pos(at);
            self.error(
                pos,
                Code::InvalidValue,
                format!(
                    "`thresholds.no_go_score` ({no_go_value}) is above `thresholds.go_score` ({go_value}): a score cannot be below the NO-GO line and above the GO line at once"
                ),
            );
        }
    }
}

/// A TOML number as written (`75`, `7_5`, `75.0`, `nan`); other radixes are whole numbers too.
fn as_number(value: &DeValue) -> Option<f64> {
    match value {
        DeValue::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            let digits = digits.trim_start_matches(['0', 'x', 'o', 'b']);
            match digits {
                "" => Some(0.0),
                d => i64::from_str_radix(d, i.radix()).ok().map(|n| n as f64),
            }
        }
        DeValue::Float(f) => f.as_str().replace('_', "").parse().ok(),
        _ => None,
    }
}

fn json_type(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "string",
        DeValue::Integer(_) => "integer",
        DeValue::Float(_) => "number",
        DeValue::Boolean(_) => "boolean",
        DeValue::Datetime(_) => "datetime",
        DeValue::Array(_) => "array",
        DeValue::Table(_) => "object",
    }
}

fn type_fits(value: &DeValue, schema: &Json) -> bool {
    let found = json_type(value);
    let accepts = |t: &str| t == found || (t == "number" && found == "integer");
    match schema.get("type") {
        Some(Json::String(t)) => accepts(t),
        Some(Json::Array(ts)) => ts.iter().filter_map(Json::as_str).any(accepts),
        _ => true,
    }
}

/// Whether the value is of the expected kind and only its value is wrong (a range, an enum).
fn type_name_fits(value: &DeValue, expected: &str) -> bool {
    match value {
        DeValue::String(_) => expected.starts_with("one of") || expected.starts_with('"'),
        DeValue::Integer(_) | DeValue::Float(_) => expected.contains("number"),
        _ => false,
    }
}

/// What a schema accepts, in words.
fn expected(schema: &Json) -> String {
    if let Some(c) = schema.get("const") {
        return c.to_string();
    }
    if let Some(Json::Array(values)) = schema.get("enum") {
        let words: Vec<String> = values.iter().map(ToString::to_string).collect();
        return format!("one of {}", words.join(", "));
    }
    let t = match schema.get("type") {
        Some(Json::String(t)) => t.as_str(),
        Some(Json::Array(ts)) => ts
            .iter()
            .filter_map(Json::as_str)
            .find(|t| *t != "null")
            .unwrap_or("null"),
        _ => "a value",
    };
    match t {
        "integer" => "a whole number".to_owned(),
        "number" => "a number".to_owned(),
        "string" => "text in quotes".to_owned(),
        "boolean" => "true or false".to_owned(),
        "array" => "a list `[...]`".to_owned(),
        "object" => "a table".to_owned(),
        other => other.to_owned(),
    }
}

/// A `$ref` followed to its definition.
fn resolve<'s>(root: &'s Json, schema: &'s Json) -> &'s Json {
    match schema.get("$ref").and_then(Json::as_str) {
        Some(r) => r
            .strip_prefix("#/$defs/")
            .and_then(|name| root.get("$defs")?.get(name))
            .unwrap_or(schema),
        None => schema,
    }
}

fn expected_any(alternatives: &[Json], root: &Json) -> String {
    let words: Vec<String> = alternatives
        .iter()
        .map(|a| resolve(root, a))
        .filter(|a| a.get("type").and_then(Json::as_str) != Some("null"))
        .map(expected)
        .collect();
    let consts: Vec<&str> = words
        .iter()
        .filter(|w| w.starts_with('"'))
        .map(String::as_str)
        .collect();
    if consts.len() == words.len() && !consts.is_empty() {
        format!("one of {}", consts.join(", "))
    } else {
        words.join(" or ")
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn position(text: &str, offset: usize) -> Pos {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Pos::new(
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}
