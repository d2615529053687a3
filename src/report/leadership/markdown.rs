//! The leadership report in markdown, for GitHub, GitLab and a mail client's markdown view:
//! headings, lists and pipe tables only, no HTML. The outline is `outline`'s; this file is the
//! markup. Every piece of text that came from a file goes through `escape`.

use std::fmt::Write;

use crate::engine::Verdict;
use crate::report::baseline::Since;
use crate::report::escape::{md, md_cell, md_cell_code, md_code, mermaid_label};
use crate::report::leadership::markup::{Align, Column, Markup};
use crate::report::leadership::{decision, outline, sections};
use crate::report::model::Report;
use crate::report::phrases::{bar, marked_bar};

/// What the markdown may add beyond the plain report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// A mermaid bar chart of the priorities (GitHub and GitLab draw it; other viewers show its source).
    pub mermaid: bool,
}

pub fn render(r: &Report, options: Options) -> String {
    outline::render(&Markdown { options }, r)
}

/// `migready diff --format markdown`: only what changed.
pub fn render_since(organisation: &str, since: &Since) -> String {
    let mut out = format!("# What changed: {}\n\n", md(organisation));
    outline::since(&Markdown::default(), &mut out, since, true);
    out
}

#[derive(Default)]
struct Markdown {
    options: Options,
}

impl Markup for Markdown {
    fn text(&self, s: &str) -> String {
        md(s)
    }

    fn cell(&self, s: &str) -> String {
        md_cell(s)
    }

    fn code(&self, s: &str) -> String {
        md_code(s)
    }

    fn cell_code(&self, s: &str) -> String {
        md_cell_code(s)
    }

    fn strong(&self, s: &str) -> String {
        format!("**{s}**")
    }

    fn aside(&self, s: &str) -> String {
        s.to_owned()
    }

    fn answer(&self, s: &str) -> String {
        format!("*{s}*")
    }

    fn with_id(&self, text: &str, id: &str) -> String {
        format!("{text} ({})", md_code(id))
    }

    fn ids(&self, ids: &[&str]) -> String {
        let codes: Vec<String> = ids.iter().map(|id| md_code(id)).collect();
        codes.join(", ")
    }

    fn note_break(&self) -> &'static str {
        ". "
    }

    fn begin(&self, _: &mut String, _: &Report) {}

    fn headline(&self, out: &mut String, r: &Report) {
        let mark = verdict_mark(r.verdict);
        let _ = writeln!(out, "# {mark}: {}\n", md(&r.organisation));
        let _ = writeln!(out, "{}\n", md(&r.project));
        for line in decision::summary(r) {
            let _ = writeln!(out, "**{}:** {}\n", line.label, md(&line.text));
        }
        let t = &r.thresholds;
        let _ = writeln!(
            out,
            "`{}` **Readiness {:.1} / 100**: NO-GO below {}, GO from {} · {:.1}% of applicable questions answered · {}\n",
            marked_bar(r.score, &[t.no_go_score, t.go_score]),
            r.score,
            t.no_go_score,
            t.go_score,
            r.completeness,
            md(&sections::judged(r))
        );
        if let Some(first) = crate::report::phrases::not_assessed(r) {
            let _ = writeln!(out, "> **{}**\n", md(&first));
        }
    }

    fn brief_start(&self, _: &mut String) {}

    fn brief_end(&self, _: &mut String) {}

    fn part(&self, out: &mut String, title: &str) {
        let _ = writeln!(out, "---\n\n# {title}\n");
    }

    fn priorities(&self, out: &mut String, r: &Report) {
        out.push_str("## Readiness by priority\n\n");
        out.push_str("| Priority | Score | | Floor |\n|---|---:|---|---:|\n");
        for p in &r.priorities {
            let (score, bar) = match p.score {
                Some(s) if s < p.floor => (format!("**{s:.1}** below floor"), bar(s)),
                Some(s) => (format!("{s:.1}"), bar(s)),
                None => ("n/a".to_owned(), "nothing applicable".to_owned()),
            };
            let title = md_cell(&p.title);
            let _ = writeln!(out, "| {title} | {score} | {bar} | {} |", p.floor);
        }
        out.push('\n');
        if self.options.mermaid {
            mermaid(out, r);
        }
    }

    /// Blocks end with a blank line; the document with one newline.
    fn end(&self, out: &mut String) {
        if out.ends_with("\n\n") {
            out.pop();
        }
    }

    fn section(&self, out: &mut String, _: &str, title: &str) {
        let _ = writeln!(out, "## {title}\n");
    }

    fn section_end(&self, _: &mut String) {}

    fn heading(&self, out: &mut String, level: u8, title: &str, _: Option<&str>) {
        let _ = writeln!(out, "{} {title}\n", "#".repeat(usize::from(level)));
    }

    fn label(&self, out: &mut String, title: &str) {
        let _ = writeln!(out, "**{title}:**\n");
    }

    fn paragraph(&self, out: &mut String, _: Option<&str>, text: &str) {
        let _ = writeln!(out, "{text}\n");
    }

    fn list(&self, out: &mut String, _: Option<&str>, items: &[String]) {
        for item in items {
            let _ = writeln!(out, "- {item}");
        }
        out.push('\n');
    }

    /// A blank line before the list: Python-Markdown does not let a list interrupt a paragraph.
    fn lead_list(&self, out: &mut String, lead: &str, items: &[String]) {
        let _ = writeln!(out, "{lead}\n");
        self.list(out, None, items);
    }

    fn table(&self, out: &mut String, columns: &[Column], rows: &[Vec<String>], _: bool) {
        let titles: Vec<&str> = columns.iter().map(|c| c.title).collect();
        let rules: Vec<&str> = columns
            .iter()
            .map(|c| match c.align {
                Align::Number => "---:",
                Align::Left | Align::NoWrap => "---",
            })
            .collect();
        let _ = writeln!(out, "| {} |\n|{}|", titles.join(" | "), rules.join("|"));
        for row in rows {
            let _ = writeln!(out, "| {} |", row.join(" | "));
        }
        out.push('\n');
    }

    fn finding_start(&self, out: &mut String, _: &str, level: u8, title: &str) {
        self.heading(out, level, title, None);
    }

    /// Every field already ends with a blank line.
    fn finding_end(&self, _: &mut String) {}

    /// A paragraph of its own: lists nested in lists render differently in CommonMark and
    /// Python-Markdown (which needs four spaces), so a finding uses none.
    fn field(&self, out: &mut String, _: Option<&str>, text: &str) {
        let _ = writeln!(out, "{text}\n");
    }

    fn field_list(&self, out: &mut String, label: &str, numbered: bool, items: &[String]) {
        let _ = writeln!(out, "{label}\n");
        for (i, item) in items.iter().enumerate() {
            if numbered {
                let _ = writeln!(out, "{}. {item}", i + 1);
            } else {
                let _ = writeln!(out, "- {item}");
            }
        }
        out.push('\n');
    }
}

fn verdict_mark(v: Verdict) -> &'static str {
    match v {
        Verdict::Go => "✅ GO",
        Verdict::Conditional => "⚠️ GO WITH CONDITIONS",
        Verdict::NoGo => "⛔ NO-GO",
    }
}

fn mermaid(out: &mut String, r: &Report) {
    let labels: Vec<String> = r
        .priorities
        .iter()
        .map(|p| format!("\"{}\"", mermaid_label(&p.title)))
        .collect();
    let scores: Vec<String> = r
        .priorities
        .iter()
        .map(|p| format!("{:.1}", p.score.unwrap_or(0.0)))
        .collect();
    let _ = writeln!(
        out,
        "```mermaid\nxychart-beta horizontal\n    title \"Readiness by priority\"\n    x-axis [{}]\n    y-axis \"Score\" 0 --> 100\n    bar [{}]\n```\n",
        labels.join(", "),
        scores.join(", ")
    );
}
