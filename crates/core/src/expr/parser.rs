//! Recursive descent from tokens to the syntax tree, with limits on length and nesting.
//!
//! Precedence, low to high: `or`, `and`, `not`, comparison (`== != < <= > >= in`), primary.
//! Comparisons do not chain, so `a < b < c` is an error rather than a surprise.

use super::ast::{Node, NodeKind, Span};
use super::lexer::{Tok, Token, syntax, tokenize};
use super::{Bounds, CompileError, ErrorKind};

/// Longer conditions belong in several rules; the limit also bounds work on hostile input.
pub(super) const MAX_LEN: usize = 2_000;
/// Parentheses, `not`, lists and calls each open a level; the limit keeps recursion shallow.
pub(super) const MAX_DEPTH: usize = 32;

pub(super) fn parse(source: &str, bounds: Bounds) -> Result<Node, CompileError> {
    if source.len() > bounds.max_bytes {
        return Err(limit(
            floor_boundary(source, bounds.max_bytes),
            format!(
                "expression is {} bytes long; the limit is {}",
                source.len(),
                bounds.max_bytes
            ),
        ));
    }
    let tokens = tokenize(source)?;
    let mut parser = Parser {
        source,
        tokens,
        pos: 0,
        depth: 0,
        max_depth: bounds.max_depth,
    };
    let root = parser.or()?;
    let next = parser.peek();
    if next.tok != Tok::End {
        return Err(parser.unexpected(
            &next,
            "`and`, `or`, a comparison or the end of the expression",
        ));
    }
    Ok(root)
}

fn limit(offset: usize, message: String) -> CompileError {
    CompileError {
        kind: ErrorKind::Limit,
        offset,
        message,
    }
}

/// The largest char boundary at or below `at`, so the offset can be used to slice the text.
fn floor_boundary(source: &str, at: usize) -> usize {
    (0..=at)
        .rev()
        .find(|&i| source.is_char_boundary(i))
        .unwrap_or(0)
}

struct Parser<'s> {
    source: &'s str,
    tokens: Vec<Token>,
    pos: usize,
    depth: usize,
    max_depth: usize,
}

impl Parser<'_> {
    /// The current token; past the end it is an `End` token at the end of the text.
    fn peek(&self) -> Token {
        self.tokens.get(self.pos).cloned().unwrap_or(Token {
            tok: Tok::End,
            span: Span {
                start: self.source.len(),
                end: self.source.len(),
            },
        })
    }

    fn advance(&mut self) -> Token {
        let token = self.peek();
        if token.tok != Tok::End {
            self.pos += 1;
        }
        token
    }

    fn eat(&mut self, tok: &Tok) -> bool {
        let found = self.peek().tok == *tok;
        if found {
            self.pos += 1;
        }
        found
    }

    fn expect(&mut self, tok: &Tok, shown: &str) -> Result<Token, CompileError> {
        let token = self.peek();
        if token.tok == *tok {
            self.pos += 1;
            Ok(token)
        } else {
            Err(self.unexpected(&token, &format!("`{shown}`")))
        }
    }

    /// "expected X but found `y`", or the end-of-input form of it.
    fn unexpected(&self, token: &Token, expected: &str) -> CompileError {
        if token.tok == Tok::End {
            return syntax(
                token.span.start,
                format!("unexpected end of expression; expected {expected}"),
            );
        }
        let text = self
            .source
            .get(token.span.start..token.span.end)
            .unwrap_or("?");
        syntax(
            token.span.start,
            format!("expected {expected} but found `{text}`"),
        )
    }

    fn enter(&mut self, at: usize) -> Result<(), CompileError> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(limit(
                at,
                format!("expression nests more than {} levels deep", self.max_depth),
            ));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn or(&mut self) -> Result<Node, CompileError> {
        let first = self.and()?;
        let mut items = vec![first];
        while self.eat(&Tok::Or) {
            items.push(self.and()?);
        }
        Ok(chain(items, NodeKind::Or))
    }

    fn and(&mut self) -> Result<Node, CompileError> {
        let first = self.not()?;
        let mut items = vec![first];
        while self.eat(&Tok::And) {
            items.push(self.not()?);
        }
        Ok(chain(items, NodeKind::And))
    }

    fn not(&mut self) -> Result<Node, CompileError> {
        let token = self.peek();
        if token.tok != Tok::Not {
            return self.comparison();
        }
        self.advance();
        self.enter(token.span.start)?;
        let inner = self.not()?;
        self.leave();
        Ok(Node {
            span: token.span.to(inner.span),
            kind: NodeKind::Not(Box::new(inner)),
        })
    }

    fn comparison(&mut self) -> Result<Node, CompileError> {
        let left = self.primary()?;
        let op = self.peek();
        if !is_comparison(&op.tok) {
            return Ok(left);
        }
        self.advance();
        let right = self.primary()?;
        let next = self.peek();
        if is_comparison(&next.tok) {
            return Err(syntax(
                next.span.start,
                "comparisons cannot be chained; combine them with `and`",
            ));
        }
        let span = left.span.to(right.span);
        let (left, right) = (Box::new(left), Box::new(right));
        let kind = match op.tok {
            Tok::Cmp(op) => NodeKind::Compare { op, left, right },
            _ => NodeKind::In { left, right },
        };
        Ok(Node { kind, span })
    }

    fn primary(&mut self) -> Result<Node, CompileError> {
        let token = self.peek();
        let kind = match token.tok.clone() {
            Tok::LParen => return self.group(),
            Tok::LBracket => return self.list(),
            Tok::Name(name) if self.next_is_call() => return self.call(name),
            Tok::Name(name) => NodeKind::Name(name),
            Tok::Question(id) => NodeKind::Question(id),
            Tok::Str(s) => NodeKind::Str(s),
            Tok::Number(n) => NodeKind::Number(n),
            Tok::True => NodeKind::Bool(true),
            Tok::False => NodeKind::Bool(false),
            _ => return Err(self.unexpected(&token, "a value")),
        };
        self.advance();
        Ok(Node {
            kind,
            span: token.span,
        })
    }

    /// A bare name directly followed by `(` is a function call.
    fn next_is_call(&self) -> bool {
        self.tokens.get(self.pos + 1).map(|t| &t.tok) == Some(&Tok::LParen)
    }

    /// `( expr )`; the node keeps the inner span, which is what errors should point at.
    fn group(&mut self) -> Result<Node, CompileError> {
        let open = self.advance();
        self.enter(open.span.start)?;
        let inner = self.or()?;
        self.expect(&Tok::RParen, ")")?;
        self.leave();
        Ok(inner)
    }

    /// `[lit, lit, ...]`: at least one literal, no trailing comma.
    fn list(&mut self) -> Result<Node, CompileError> {
        let open = self.advance();
        self.enter(open.span.start)?;
        let first = self.peek();
        if first.tok == Tok::RBracket {
            return Err(syntax(first.span.start, "a list needs at least one value"));
        }
        let mut items = Vec::new();
        loop {
            let item = self.primary()?;
            if !item.kind.is_literal() {
                return Err(syntax(
                    item.span.start,
                    "a list may only hold quoted strings, numbers, `true` and `false`",
                ));
            }
            items.push(item);
            if !self.eat(&Tok::Comma) {
                break;
            }
        }
        let close = self.expect(&Tok::RBracket, "]")?;
        self.leave();
        Ok(Node {
            kind: NodeKind::List(items),
            span: open.span.to(close.span),
        })
    }

    /// `name(arg, ...)`; arity is checked later, where the function is known.
    fn call(&mut self, name: String) -> Result<Node, CompileError> {
        let name_token = self.advance();
        let open = self.advance();
        self.enter(open.span.start)?;
        let mut args = Vec::new();
        if self.peek().tok != Tok::RParen {
            args.push(self.or()?);
            while self.eat(&Tok::Comma) {
                args.push(self.or()?);
            }
        }
        let close = self.expect(&Tok::RParen, ")")?;
        self.leave();
        Ok(Node {
            kind: NodeKind::Call {
                name,
                args,
                close: close.span.start,
            },
            span: name_token.span.to(close.span),
        })
    }
}

fn is_comparison(tok: &Tok) -> bool {
    matches!(tok, Tok::Cmp(_) | Tok::In)
}

/// One item stays itself; several become a flat `and`/`or`.
fn chain(mut items: Vec<Node>, kind: fn(Vec<Node>) -> NodeKind) -> Node {
    if items.len() == 1
        && let Some(only) = items.pop()
    {
        return only;
    }
    let start = items.first().map_or(0, |n| n.span.start);
    let end = items.last().map_or(0, |n| n.span.end);
    Node {
        kind: kind(items),
        span: Span { start, end },
    }
}
