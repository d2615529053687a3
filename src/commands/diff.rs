//! `migready diff`: what changed between two assessments of the same project.
//!
//! The earlier file is judged as of the day it was assessed, the later one as of today, exactly
//! as `report --baseline` does; the comparison is the same "since the last assessment".

use std::fmt::Write;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};

use crate::cli::{DiffArgs, DiffFormat};
use crate::commands::report::{scored, warn_if_other_organisation};
use crate::commands::{Env, Exit, Failure};
use crate::report::baseline::{FindingChange, Since, signed};
use crate::report::{markdown, report_json};

pub fn run(env: &Env, args: &DiffArgs) -> Result<Exit, Failure> {
    let (config, catalog) = env.load()?;
    let before = scored(env, &config, &catalog, &args.old, None)?;
    let after = scored(env, &config, &catalog, &args.new, Some(env.today))?;
    warn_if_other_organisation(env, &before, &after);
    let since = Since::between(&before, &after);
    let text = match args.format {
        DiffFormat::Table => table(env, &after.organisation, &since),
        DiffFormat::Json => report_json::render_since(&after.organisation, &since),
        DiffFormat::Markdown => markdown::render_since(&after.organisation, &since),
    };
    env.emit(&text)?;
    Ok(Exit::Success)
}

fn table(env: &Env, organisation: &str, s: &Since) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{organisation}: since {}", s.baseline_file);
    let verdict = if s.verdict.changed() {
        format!(
            "{} -> {}",
            s.verdict.before.label(),
            s.verdict.after.label()
        )
    } else {
        format!("{} (unchanged)", s.verdict.after.label())
    };
    let _ = writeln!(out, "Verdict       {verdict}");
    let _ = writeln!(
        out,
        "Score         {:.1} -> {:.1} ({})",
        s.score.before,
        s.score.after,
        signed(s.score.delta())
    );
    let _ = writeln!(
        out,
        "Completeness  {:.1}% -> {:.1}% ({})\n",
        s.completeness.before,
        s.completeness.after,
        signed(s.completeness.delta())
    );
    let mut t = new_table(env, &["Priority", "Before", "Now", "Change"]);
    for p in &s.priorities {
        let score = |v: Option<f64>| v.map_or_else(|| "n/a".to_owned(), |v| format!("{v:.1}"));
        let delta = p.delta().map_or_else(|| "n/a".to_owned(), signed);
        t.add_row(vec![
            Cell::new(&p.title),
            Cell::new(score(p.before)).set_alignment(CellAlignment::Right),
            Cell::new(score(p.after)).set_alignment(CellAlignment::Right),
            Cell::new(delta).set_alignment(CellAlignment::Right),
        ]);
    }
    let _ = writeln!(out, "{t}\n");
    if s.resolved.is_empty() && s.new.is_empty() && s.still_open.is_empty() {
        let _ = writeln!(out, "No rule fired in either assessment.");
        return out;
    }
    let mut t = new_table(env, &["Change", "Rule", "Finding", "Severity", "Owner"]);
    for (label, list) in [
        ("resolved", &s.resolved),
        ("new", &s.new),
        ("still open", &s.still_open),
    ] {
        for f in list.iter() {
            t.add_row(finding_row(label, f));
        }
    }
    let _ = writeln!(out, "{t}");
    out
}

fn finding_row(label: &str, f: &FindingChange) -> Vec<Cell> {
    let mut severity = f.severity.as_str().to_owned();
    if f.blocker {
        severity.push_str("\nblocker");
    }
    if f.waived {
        severity.push_str("\nwaived");
    }
    vec![
        Cell::new(label),
        Cell::new(&f.rule),
        Cell::new(&f.title),
        Cell::new(severity),
        Cell::new(&f.owner),
    ]
}

fn new_table(env: &Env, header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().map(Cell::new))
        .set_width(env.style.width.unwrap_or(120));
    t.force_no_tty();
    t
}
