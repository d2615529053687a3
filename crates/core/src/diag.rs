//! Diagnostics as data: every problem found in a file, with a stable code and a location.
//!
//! Loading collects all diagnostics in one pass and the command prints them once, at the edge,
//! so a user fixes a whole file in one round instead of one error per run.

use std::fmt;

/// A stable identifier for each kind of problem. Scripts may match on these; never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    Io,
    FileTooLarge,
    LimitExceeded,
    YamlSyntax,
    TomlSyntax,
    EmptyFile,
    UnknownField,
    MissingField,
    WrongType,
    InvalidValue,
    InvalidDate,
    DuplicateId,
    UnknownQuestion,
    UnknownOption,
    UnknownRule,
    UnknownPriority,
    NotApplicable,
    ExprSyntax,
    ExprName,
    ExprType,
    ForwardReference,
    ExpiredWaiver,
    PlaceholderOwner,
    SilentRisk,
    PastGoLive,
    JsonSyntax,
    ContradictedByTenant,
    StaleEvidence,
}

impl Code {
    pub const ALL: [Code; 28] = [
        Code::Io,
        Code::FileTooLarge,
        Code::LimitExceeded,
        Code::YamlSyntax,
        Code::TomlSyntax,
        Code::EmptyFile,
        Code::UnknownField,
        Code::MissingField,
        Code::WrongType,
        Code::InvalidValue,
        Code::InvalidDate,
        Code::DuplicateId,
        Code::UnknownQuestion,
        Code::UnknownOption,
        Code::UnknownRule,
        Code::UnknownPriority,
        Code::NotApplicable,
        Code::ExprSyntax,
        Code::ExprName,
        Code::ExprType,
        Code::ForwardReference,
        Code::ExpiredWaiver,
        Code::PlaceholderOwner,
        Code::SilentRisk,
        Code::PastGoLive,
        Code::JsonSyntax,
        Code::ContradictedByTenant,
        Code::StaleEvidence,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::Io => "io",
            Code::FileTooLarge => "file-too-large",
            Code::LimitExceeded => "limit-exceeded",
            Code::YamlSyntax => "yaml-syntax",
            Code::TomlSyntax => "toml-syntax",
            Code::EmptyFile => "empty-file",
            Code::UnknownField => "unknown-field",
            Code::MissingField => "missing-field",
            Code::WrongType => "wrong-type",
            Code::InvalidValue => "invalid-value",
            Code::InvalidDate => "invalid-date",
            Code::DuplicateId => "duplicate-id",
            Code::UnknownQuestion => "unknown-question",
            Code::UnknownOption => "unknown-option",
            Code::UnknownRule => "unknown-rule",
            Code::UnknownPriority => "unknown-priority",
            Code::NotApplicable => "not-applicable",
            Code::ExprSyntax => "expr-syntax",
            Code::ExprName => "expr-name",
            Code::ExprType => "expr-type",
            Code::ForwardReference => "forward-reference",
            Code::ExpiredWaiver => "expired-waiver",
            Code::PlaceholderOwner => "placeholder-owner",
            Code::SilentRisk => "silent-risk",
            Code::PastGoLive => "past-go-live",
            Code::JsonSyntax => "json-syntax",
            Code::ContradictedByTenant => "contradicted-by-tenant",
            Code::StaleEvidence => "stale-evidence",
        }
    }

    /// One line on what the code means, for documentation and `--help`.
    pub fn description(self) -> &'static str {
        match self {
            Code::Io => "the file could not be read",
            Code::FileTooLarge => "the file is larger than the configured limit",
            Code::LimitExceeded => {
                "the input exceeds a safety limit (see [limits] in migready.toml)"
            }
            Code::YamlSyntax => "the file is not valid YAML",
            Code::TomlSyntax => "the config file is not valid TOML",
            Code::EmptyFile => "the file holds no document",
            Code::UnknownField => "a field that the format does not define",
            Code::MissingField => "a required field is absent",
            Code::WrongType => "a value has the wrong type",
            Code::InvalidValue => "a value is out of range or not allowed",
            Code::InvalidDate => "a date is not a calendar date in the form YYYY-MM-DD",
            Code::DuplicateId => "an id is defined twice",
            Code::UnknownQuestion => "a question id that no checklist defines",
            Code::UnknownOption => "an option value that the question does not offer",
            Code::UnknownRule => "a rule id that no checklist defines",
            Code::UnknownPriority => "a priority id that priorities.yaml does not define",
            Code::NotApplicable => "`n/a` given to a question that needs a real answer (an owner)",
            Code::ExprSyntax => "a condition is not a valid expression",
            Code::ExprName => "a condition names an unknown function or fact",
            Code::ExprType => "a condition compares values of different types",
            Code::ForwardReference => "a question's `when:` reads a question asked after it",
            Code::ExpiredWaiver => "a waiver's expiry date has passed",
            Code::PlaceholderOwner => {
                "a placeholder (`TBD`, `none`, `?`) where a person must be named; answer `unknown` instead"
            }
            Code::SilentRisk => {
                "a risky answer (scored below 0.5, or `no` on a weighty question) raises no finding"
            }
            Code::PastGoLive => {
                "the go-live date has passed: the assessment is judged after go-live"
            }
            Code::JsonSyntax => "a results file is not valid JSON, or not the JSON its tool writes",
            Code::ContradictedByTenant => {
                "an answer that the tenant evidence recorded beside it rules out"
            }
            Code::StaleEvidence => "tenant evidence older than 30 days",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A position in a file, 1-based as editors show it.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    pub fn new(line: u32, column: u32) -> Pos {
        Pos { line, column }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Diagnostic {
    pub file: String,
    pub pos: Pos,
    pub level: Level,
    pub code: Code,
    pub message: String,
}

impl Diagnostic {
    pub fn error(file: &str, pos: Pos, code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.to_owned(),
            pos,
            level: Level::Error,
            code,
            message: message.into(),
        }
    }

    pub fn warning(file: &str, pos: Pos, code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            level: Level::Warning,
            ..Diagnostic::error(file, pos, code, message)
        }
    }
}

/// `file:line:column: error[code]: message`, the shape editors and CI log parsers understand.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {level}[{}]: {}",
            self.file, self.pos.line, self.pos.column, self.code, self.message
        )
    }
}

/// The diagnostics of one loading pass, in the order found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Diagnostics {
        Diagnostics { items: vec![d] }
    }
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.level == Level::Error)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// Sorted by file and position so that output is stable whatever order checks ran in.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort();
        self.items.dedup();
        self.items
    }
}

/// Where diagnostics of one file go: remembers the file name so call sites stay short.
pub struct Sink<'a> {
    pub file: &'a str,
    pub diags: &'a mut Diagnostics,
}

impl<'a> Sink<'a> {
    pub fn new(file: &'a str, diags: &'a mut Diagnostics) -> Sink<'a> {
        Sink { file, diags }
    }

    pub fn error(&mut self, pos: Pos, code: Code, message: impl Into<String>) {
        self.diags
            .push(Diagnostic::error(self.file, pos, code, message));
    }

    pub fn warning(&mut self, pos: Pos, code: Code, message: impl Into<String>) {
        self.diags
            .push(Diagnostic::warning(self.file, pos, code, message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_listed_once() {
        let names: HashSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names.len(), Code::ALL.len());
    }

    #[test]
    fn renders_as_file_line_column() {
        let d = Diagnostic::error("a.yaml", Pos::new(3, 7), Code::UnknownField, "boom");
        assert_eq!(d.to_string(), "a.yaml:3:7: error[unknown-field]: boom");
    }
}
