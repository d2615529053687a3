//! One checklist's questions and rules on their way into the catalogue: ids qualified, priorities
//! resolved, conditions compiled against every name, with each problem at its position.

use std::collections::HashSet;

use crate::diag::{Code, Pos, Sink};
use crate::expr::{Bounds, CompileError, Context, ErrorKind, Expr};
use crate::load::checklist::{ExprText, RawQuestion, RawRule};
use crate::load::expr_pos;
use crate::load::risk::{RawFinding, answer_rule};
use crate::load::source::Source;
use crate::model::catalog::Names;
use crate::model::{Question, Rule};
use crate::suggest::did_you_mean;

/// One checklist on its way into the catalogue: its conditions compiled against every name.
pub(super) struct Intake<'a> {
    pub names: &'a Names<'a>,
    pub bounds: Bounds,
    pub checklist: usize,
    pub source: &'a Source,
    pub sink: Sink<'a>,
}

impl Intake<'_> {
    pub fn questions(
        &mut self,
        checklist_id: &str,
        raw: Vec<RawQuestion>,
        out: &mut Vec<Question>,
    ) -> Vec<(usize, RawFinding)> {
        let mut findings = Vec::new();
        for q in raw {
            let own_index = out.len();
            let when = q.when.as_ref().and_then(|w| {
                let expr = self.compile(w, Context::When)?;
                forward_references(&expr, own_index, w, self.names, self.source, &mut self.sink);
                Some(expr)
            });
            let priorities = self.priorities(&q.priorities);
            if let Some(finding) = q.finding {
                findings.push((own_index, finding));
            }
            out.push(Question {
                id: format!("{checklist_id}.{}", q.local_id),
                checklist: self.checklist,
                prompt: q.prompt,
                help: q.help,
                kind: q.kind,
                weight: q.weight,
                priorities,
                references: q.references,
                when,
                allow_na: q.allow_na,
                risky: q.risky,
                pos: q.pos,
            });
        }
        findings
    }

    /// The rules that stand for questions' own risky answers, after the checklist's own rules.
    pub fn answer_rules(
        &mut self,
        findings: Vec<(usize, RawFinding)>,
        questions: &[Question],
        out: &mut Vec<Rule>,
    ) {
        let (names, bounds) = (self.names, self.bounds);
        for (index, finding) in findings {
            let pos = finding.pos;
            let mut failed = None;
            let rule = answer_rule(&questions[index], index, finding, |text| {
                Expr::compile_within(text, names, Context::Rule, bounds)
                    .map_err(|errors| failed = errors.into_iter().next().map(|e| e.message))
                    .ok()
            });
            // A finding must never vanish quietly: if its answers cannot be read as a condition
            // (a custom checklist past the expression limits), say so where the finding stands.
            if let Some(message) = failed {
                let text =
                    format!("the answers that raise this finding cannot be checked: {message}");
                self.sink.error(pos, Code::LimitExceeded, text);
            }
            out.extend(rule);
        }
    }

    pub fn rules(&mut self, raw: Vec<RawRule>, seen: &mut HashSet<String>, out: &mut Vec<Rule>) {
        for r in raw {
            if !seen.insert(r.id.clone()) {
                let message = format!("rule `{}` is defined twice", r.id);
                self.sink.error(r.pos, Code::DuplicateId, message);
                continue;
            }
            let Some(when) = self.compile(&r.when, Context::Rule) else {
                continue;
            };
            let priorities = self.priorities(&r.priorities);
            out.push(Rule {
                id: r.id,
                checklist: self.checklist,
                when,
                severity: r.severity,
                blocker: r.blocker,
                priorities,
                title: r.title,
                risk: r.risk,
                remediation: r.remediation,
                owner: r.owner,
                references: r.references,
                leadership: r.leadership,
                answer_of: None,
                evidence_of: None,
                pos: r.pos,
            });
        }
    }

    fn compile(&mut self, w: &ExprText, context: Context) -> Option<Expr> {
        compile(
            w,
            self.names,
            context,
            self.bounds,
            self.source,
            &mut self.sink,
        )
    }

    fn priorities(&mut self, ids: &[(String, Pos)]) -> Vec<usize> {
        resolve_priorities(ids, self.names.priority_ids, &mut self.sink)
    }
}

fn resolve_priorities(ids: &[(String, Pos)], known: &[String], sink: &mut Sink) -> Vec<usize> {
    let mut out = Vec::new();
    for (id, pos) in ids {
        match known.iter().position(|k| k == id) {
            Some(i) if !out.contains(&i) => out.push(i),
            Some(_) => {}
            None => sink.error(
                *pos,
                Code::UnknownPriority,
                format!(
                    "unknown priority `{id}`{}",
                    did_you_mean(id, known.iter().map(String::as_str))
                ),
            ),
        }
    }
    out
}

fn compile(
    w: &ExprText,
    names: &Names,
    context: Context,
    bounds: Bounds,
    source: &Source,
    sink: &mut Sink,
) -> Option<Expr> {
    match Expr::compile_within(&w.text, names, context, bounds) {
        Ok(expr) => Some(expr),
        Err(errors) => {
            for e in errors {
                report(&e, w, source, sink);
            }
            None
        }
    }
}

fn report(e: &CompileError, w: &ExprText, source: &Source, sink: &mut Sink) {
    let code = match e.kind {
        ErrorKind::Syntax => Code::ExprSyntax,
        ErrorKind::Limit => Code::LimitExceeded,
        ErrorKind::UnknownQuestion => Code::UnknownQuestion,
        ErrorKind::UnknownOption => Code::UnknownOption,
        ErrorKind::UnknownPriority => Code::UnknownPriority,
        ErrorKind::UnknownName => Code::ExprName,
        ErrorKind::Type => Code::ExprType,
    };
    let pos = expr_pos::locate(&source.text, w.pos, &w.text, e.offset);
    let message = match e.kind {
        ErrorKind::Limit => format!(
            "{} (limits: `max_expression_bytes` and `max_expression_depth` under [limits] in migready.toml)",
            e.message
        ),
        _ => e.message.clone(),
    };
    sink.error(pos, code, message);
}

/// A question's `when:` may only read questions asked before it, so applicability is decided in one pass.
fn forward_references(
    expr: &Expr,
    own: usize,
    w: &ExprText,
    names: &Names,
    source: &Source,
    sink: &mut Sink,
) {
    for &q in expr.questions() {
        if q < own {
            continue;
        }
        let id = names
            .question_ids
            .iter()
            .find(|(_, i)| **i == q)
            .map_or("?", |(id, _)| id.as_str());
        let offset = w.text.find(id).unwrap_or(0);
        sink.error(
            expr_pos::locate(&source.text, w.pos, &w.text, offset),
            Code::ForwardReference,
            format!("`when:` reads `{id}`, which is asked at or after this question; a condition may only read earlier questions"),
        );
    }
}
