//! What `migready import` tells the user: what was read, filled, contradicted, and why some results
//! count for nothing.

use std::fmt::Write as _;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};

use crate::evidence::Run;
use crate::evidence::apply::Import;
use crate::evidence::coverage::Coverage;
use crate::evidence::mapping::Mapping;
use crate::model::{Catalog, TenantEvidence};

/// The whole summary; `width` is the terminal's, when there is one.
pub fn render(
    runs: &[Run],
    import: &Import,
    catalog: &Catalog,
    mapping: &Mapping,
    width: Option<u16>,
) -> String {
    let id = |q: usize| qid(catalog, q);
    let mut out = String::new();
    for run in runs {
        let tenant = run
            .tenant
            .as_deref()
            .map_or(String::new(), |t| format!(" ({t})"));
        let _ = writeln!(
            out,
            "Read {} {}, run {}, tenant {}{tenant}: {} result{}",
            run.tool,
            run.version,
            run.run,
            run.tenant_label,
            run.results.len(),
            plural(run.results.len())
        );
    }
    filled(&mut out, import, catalog);
    disagreements(&mut out, import, catalog, mapping, width);
    if !import.backed.is_empty() {
        let ids: Vec<&str> = import.backed.iter().map(|q| id(*q)).collect();
        let _ = writeln!(
            out,
            "\nThe tenant agrees with {} answer{} on file: {}",
            ids.len(),
            plural(ids.len()),
            ids.join(", ")
        );
    }
    for (q, left) in &import.narrowed {
        let _ = writeln!(
            out,
            "\n{}: the tenant shows {}; not filled in, as that is not one answer (recorded beside `unknown`: `migready assess` asks it with the results)",
            id(*q),
            left.join(" or ")
        );
    }
    for q in &import.inconsistent {
        let _ = writeln!(
            out,
            "\n{}: the tools' results contradict each other; nothing is concluded",
            id(*q)
        );
    }
    nothing(&mut out, import, catalog);
    out
}

/// "Backed by the tenant: identity 9 of 22 answered questions, endpoint 1 of 20."
pub fn coverage_line(rows: &[Coverage]) -> String {
    let parts: Vec<String> = rows
        .iter()
        .map(|c| format!("{} {} of {}", c.checklist, c.backed, c.answered))
        .collect();
    format!(
        "\nAnswered questions backed by the tenant: {}\n",
        parts.join(", ")
    )
}

fn filled(out: &mut String, import: &Import, catalog: &Catalog) {
    if import.filled.is_empty() {
        let _ = writeln!(
            out,
            "\nNo unanswered question could be filled in from these results."
        );
        return;
    }
    let n = import.filled.len();
    let _ = writeln!(
        out,
        "\nFilled in {n} unanswered question{} from the tenant:",
        plural(n)
    );
    for (q, answer, sources) in &import.filled {
        let _ = writeln!(
            out,
            "  {} = {answer}   ({})",
            qid(catalog, *q),
            sources_text(sources, "; ")
        );
    }
}

fn disagreements(
    out: &mut String,
    import: &Import,
    catalog: &Catalog,
    mapping: &Mapping,
    width: Option<u16>,
) {
    if import.disagreements.is_empty() {
        return;
    }
    let n = import.disagreements.len();
    let _ = writeln!(
        out,
        "\nThe tenant disagrees with {n} answer{} on file (kept as answered; the evidence is recorded beside {}):",
        plural(n),
        if n == 1 { "it" } else { "them" }
    );
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width.unwrap_or(120))
        .force_no_tty()
        .set_header(["Question", "Answer on file", "The tenant shows", "Source"]);
    for d in &import.disagreements {
        let question = qid(catalog, d.question);
        table.add_row([
            question,
            &d.answer,
            &d.shows.join(" or "),
            &sources_text(&d.sources, "\n"),
        ]);
    }
    let _ = writeln!(out, "{table}");
    for d in &import.disagreements {
        if let Some(caveat) = mapping
            .for_question(d.question)
            .and_then(|m| m.caveat.as_deref())
        {
            let question = qid(catalog, d.question);
            let _ = writeln!(out, "  note on {question}: {caveat}");
        }
    }
}

fn nothing(out: &mut String, import: &Import, catalog: &Catalog) {
    if import.nothing.is_empty() {
        return;
    }
    let n = import.nothing.len();
    let _ = writeln!(
        out,
        "\n{n} result{} bearing on a question {} evidence of nothing:",
        plural(n),
        if n == 1 { "is" } else { "are" }
    );
    for (q, source, why) in &import.nothing {
        let _ = writeln!(out, "  {}  {source}: {why}", qid(catalog, *q));
    }
}

/// "Maester 2.2.0 MT.1007 fail, 2026-11-20", joined by `sep`.
pub fn sources_text(sources: &[TenantEvidence], sep: &str) -> String {
    sources
        .iter()
        .map(|e| {
            format!(
                "{} {}, {}",
                e.source(),
                e.result.as_str(),
                e.run.get(..10).unwrap_or(&e.run)
            )
        })
        .collect::<Vec<_>>()
        .join(sep)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn qid(catalog: &Catalog, q: usize) -> &str {
    catalog.questions.get(q).map_or("?", |x| x.id.as_str())
}
