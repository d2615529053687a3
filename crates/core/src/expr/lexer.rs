//! Splits expression text into tokens, each with its byte span.
//!
//! The text may hold any UTF-8 (it comes from a YAML file), so the lexer walks whole characters
//! and never slices inside one.

use super::ast::{CmpOp, Span};
use super::{CompileError, ErrorKind};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Cmp(CmpOp),
    And,
    Or,
    Not,
    In,
    True,
    False,
    Str(String),
    Number(f64),
    /// A bare identifier: a fact or, before `(`, a function.
    Name(String),
    /// `checklist.question`.
    Question(String),
    End,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    pub tok: Tok,
    pub span: Span,
}

/// All tokens of `source`, ending with [`Tok::End`], or the first lexical error.
pub(super) fn tokenize(source: &str) -> Result<Vec<Token>, CompileError> {
    let mut lexer = Lexer {
        src: source,
        pos: 0,
    };
    let mut tokens = Vec::new();
    loop {
        lexer.skip_whitespace();
        let start = lexer.pos;
        let tok = lexer.token()?;
        let done = tok == Tok::End;
        tokens.push(Token {
            tok,
            span: Span {
                start,
                end: lexer.pos,
            },
        });
        if done {
            return Ok(tokens);
        }
    }
}

struct Lexer<'s> {
    src: &'s str,
    pos: usize,
}

impl Lexer<'_> {
    fn peek(&self) -> Option<char> {
        self.src.get(self.pos..)?.chars().next()
    }

    fn peek_second(&self) -> Option<char> {
        self.src.get(self.pos..)?.chars().nth(1)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn skip_whitespace(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.bump();
        }
    }

    fn token(&mut self) -> Result<Tok, CompileError> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Ok(Tok::End);
        };
        match c {
            '(' | ')' | '[' | ']' | ',' => Ok(self.punctuation(c)),
            '=' | '!' | '<' | '>' => self.operator(c),
            '"' | '\'' => self.string(c),
            '-' if self.peek_second().is_some_and(|d| d.is_ascii_digit()) => self.number(),
            '0'..='9' => self.number(),
            c if c.is_ascii_alphabetic() => self.word(),
            _ => Err(syntax(
                start,
                format!("unexpected character `{}`", c.escape_debug()),
            )),
        }
    }

    fn punctuation(&mut self, c: char) -> Tok {
        self.bump();
        match c {
            '(' => Tok::LParen,
            ')' => Tok::RParen,
            '[' => Tok::LBracket,
            ']' => Tok::RBracket,
            _ => Tok::Comma,
        }
    }

    fn operator(&mut self, c: char) -> Result<Tok, CompileError> {
        let start = self.pos;
        self.bump();
        let followed_by_eq = self.peek() == Some('=');
        if followed_by_eq {
            self.bump();
        }
        let op = match (c, followed_by_eq) {
            ('=', true) => CmpOp::Eq,
            ('!', true) => CmpOp::Ne,
            ('<', true) => CmpOp::Le,
            ('<', false) => CmpOp::Lt,
            ('>', true) => CmpOp::Ge,
            ('>', false) => CmpOp::Gt,
            ('=', false) => return Err(syntax(start, "unexpected `=`; compare with `==`")),
            _ => {
                return Err(syntax(
                    start,
                    "unexpected `!`; negate with `not` or compare with `!=`",
                ));
            }
        };
        Ok(Tok::Cmp(op))
    }

    /// A quoted string; only the quote characters and the backslash need escaping.
    fn string(&mut self, quote: char) -> Result<Tok, CompileError> {
        let start = self.pos;
        self.bump();
        let mut value = String::new();
        loop {
            let at = self.pos;
            match self.bump() {
                None => return Err(syntax(start, "unterminated string")),
                Some(c) if c == quote => return Ok(Tok::Str(value)),
                Some('\\') => match self.bump() {
                    Some(e @ ('"' | '\'' | '\\')) => value.push(e),
                    Some(e) => {
                        return Err(syntax(
                            at,
                            format!(
                                "unknown escape `\\{}` in a string; only `\\\"`, `\\'` and `\\\\` are escapes",
                                e.escape_debug()
                            ),
                        ));
                    }
                    None => return Err(syntax(start, "unterminated string")),
                },
                Some(c) => value.push(c),
            }
        }
    }

    /// `-`? digits (`.` digits)? ; a `.` not followed by a digit is left for the next token.
    fn number(&mut self) -> Result<Tok, CompileError> {
        let start = self.pos;
        if self.peek() == Some('-') {
            self.bump();
        }
        self.digits();
        if self.peek() == Some('.') && self.peek_second().is_some_and(|d| d.is_ascii_digit()) {
            self.bump();
            self.digits();
        }
        let text = self.src.get(start..self.pos).unwrap_or("");
        text.parse::<f64>()
            .map(Tok::Number)
            .map_err(|_| syntax(start, format!("`{text}` is not a number")))
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.bump();
        }
    }

    /// A keyword, fact, function name or question reference. The run is taken greedily
    /// (letters of any case, digits, `_`, `-`, `.`) and then validated, so that `Identity.MFA`
    /// or `a.b.c` get one clear message instead of a confusing split into several tokens.
    fn word(&mut self) -> Result<Tok, CompileError> {
        let start = self.pos;
        while self.peek().is_some_and(is_word_char) {
            self.bump();
        }
        let word = self.src.get(start..self.pos).unwrap_or("");
        classify(word).ok_or_else(|| {
            syntax(
                start,
                format!(
                    "`{word}` is not a valid name; names are lower-case and questions are written `checklist.question`"
                ),
            )
        })
    }
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')
}

fn classify(word: &str) -> Option<Tok> {
    let keyword = match word {
        "and" => Some(Tok::And),
        "or" => Some(Tok::Or),
        "not" => Some(Tok::Not),
        "in" => Some(Tok::In),
        "true" => Some(Tok::True),
        "false" => Some(Tok::False),
        _ => None,
    };
    if keyword.is_some() {
        return keyword;
    }
    match word.split_once('.') {
        None if is_name(word, true) => Some(Tok::Name(word.to_string())),
        Some((checklist, question)) if is_name(checklist, true) && is_name(question, false) => {
            Some(Tok::Question(word.to_string()))
        }
        _ => None,
    }
}

/// `[a-z][a-z0-9_]*`, with `-` also allowed when `hyphens` (checklist ids are file stems).
fn is_name(s: &str, hyphens: bool) -> bool {
    let mut chars = s.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    first_ok
        && chars.all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || (hyphens && c == '-')
        })
}

pub(super) fn syntax(offset: usize, message: impl Into<String>) -> CompileError {
    CompileError {
        kind: ErrorKind::Syntax,
        offset,
        message: message.into(),
    }
}
