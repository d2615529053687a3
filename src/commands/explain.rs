//! `migready explain`: what a question asks or a rule checks, and how they connect.

use crate::cli::{ExplainArgs, ExplainFormat};
use crate::commands::{Env, Exit, Failure};
use crate::model::Catalog;
use crate::report::explain;
use crate::suggest::did_you_mean;

pub fn run(env: &Env, args: &ExplainArgs) -> Result<Exit, Failure> {
    let (_, catalog) = env.load()?;
    let out = match (&args.id, args.list, args.format) {
        (_, true, ExplainFormat::Json) => explain::catalog_json(&catalog),
        (_, true, ExplainFormat::Text) => {
            explain::list_text(&catalog, env.style.width.map(usize::from))
        }
        (Some(id), false, format) => {
            let width = env.style.width.map(usize::from);
            let text = one(&catalog, id, format, width)?;
            // The lines that are not prose (answers accepted, references) wrap as they stand.
            match (format, width) {
                (ExplainFormat::Text, Some(width)) => crate::report::wrap::wrap_lines(&text, width),
                _ => text,
            }
        }
        (None, false, _) => {
            return Err(Failure::Usage(
                "name a question or rule id, or use --list".into(),
            ));
        }
    };
    env.emit(&out)?;
    Ok(Exit::Success)
}

fn one(
    catalog: &Catalog,
    id: &str,
    format: ExplainFormat,
    width: Option<usize>,
) -> Result<String, Failure> {
    if let Some(q) = catalog.question(id).and_then(|i| catalog.questions.get(i)) {
        return Ok(match format {
            ExplainFormat::Text => explain::question_text(catalog, q, width),
            ExplainFormat::Json => explain::question_json(catalog, q),
        });
    }
    if let Some(r) = catalog.rule(id).and_then(|i| catalog.rules.get(i)) {
        return Ok(match format {
            ExplainFormat::Text => explain::rule_text(catalog, r, width),
            ExplainFormat::Json => explain::rule_json(catalog, r),
        });
    }
    if let Some(d) = catalog.deadline(id) {
        return Ok(match format {
            ExplainFormat::Text => explain::deadline_text(catalog, d),
            ExplainFormat::Json => explain::deadline_json(d),
        });
    }
    let ids = catalog
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .chain(catalog.rules.iter().map(|r| r.id.as_str()))
        .chain(catalog.deadlines.iter().map(|d| d.id.as_str()));
    Err(Failure::Usage(format!(
        "no question or rule `{id}`{} (see `migready explain --list`)",
        did_you_mean(id, ids)
    )))
}
