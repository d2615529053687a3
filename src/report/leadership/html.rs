//! The leadership report as one self-contained HTML page: the same outline as the markdown.
//!
//! Inline CSS and inline SVG bars; no script, no fonts, images or styles fetched from anywhere, and
//! no link made from answer text. The markup is XHTML-compatible (every element closed, only the
//! five XML entities), so it parses as XML as well as HTML. It reads on a phone and prints on A4.

use std::fmt::Write;

use crate::engine::Verdict;
use crate::report::escape::html as h;
use crate::report::leadership::markup::{Align, Column, Markup};
use crate::report::leadership::{decision, outline, sections};
use crate::report::model::{PriorityLine, Report};

const STYLE: &str = include_str!("report.css");

pub fn render(r: &Report) -> String {
    outline::render(&Html, r)
}

struct Html;

impl Markup for Html {
    fn text(&self, s: &str) -> String {
        h(s)
    }

    fn cell(&self, s: &str) -> String {
        h(s)
    }

    fn code(&self, s: &str) -> String {
        format!("<code>{}</code>", h(s))
    }

    fn cell_code(&self, s: &str) -> String {
        self.code(s)
    }

    fn strong(&self, s: &str) -> String {
        format!("<strong>{s}</strong>")
    }

    fn aside(&self, s: &str) -> String {
        format!("<em>{s}</em>")
    }

    fn answer(&self, s: &str) -> String {
        format!("<b class=\"answer\">{s}</b>")
    }

    fn with_id(&self, text: &str, id: &str) -> String {
        format!("{text} {}", self.code(id))
    }

    fn ids(&self, ids: &[&str]) -> String {
        let codes: Vec<String> = ids.iter().map(|id| self.code(id)).collect();
        codes.join(" ")
    }

    fn note_break(&self) -> &'static str {
        "<br />"
    }

    fn begin(&self, out: &mut String, r: &Report) {
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
             <title>{}: {}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n",
            h(&r.organisation),
            r.verdict.label()
        );
    }

    fn headline(&self, out: &mut String, r: &Report) {
        let _ = writeln!(
            out,
            "<header class=\"verdict {}\">\n<p class=\"org\">{} · {}</p>\n<h1>{}</h1>",
            verdict_class(r.verdict),
            h(&r.organisation),
            h(&r.project),
            r.verdict.label()
        );
        for line in decision::summary(r) {
            let _ = writeln!(
                out,
                "<p class=\"meaning\"><strong>{}:</strong> {}</p>",
                line.label,
                h(&line.text)
            );
        }
        if let Some(first) = crate::report::phrases::not_assessed(r) {
            let _ = writeln!(out, "<p class=\"stage\"><strong>{}</strong></p>", h(&first));
        }
        out.push_str("</header>\n");
        overall(out, r);
    }

    fn brief_start(&self, out: &mut String) {
        out.push_str("<div class=\"brief\">\n");
    }

    fn brief_end(&self, out: &mut String) {
        out.push_str("</div>\n");
    }

    fn part(&self, out: &mut String, title: &str) {
        let _ = writeln!(out, "<h1 class=\"part\">{title}</h1>");
    }

    fn priorities(&self, out: &mut String, r: &Report) {
        self.section(out, "priorities", "Readiness by priority");
        out.push_str("<p class=\"hint\">The thin mark on each bar is the priority's floor.</p>\n");
        for p in &r.priorities {
            priority(out, p);
        }
        self.section_end(out);
    }

    fn end(&self, out: &mut String) {
        out.push_str("</main>\n</body>\n</html>\n");
    }

    fn section(&self, out: &mut String, id: &str, title: &str) {
        let _ = writeln!(out, "<section id=\"{id}\">\n<h2>{title}</h2>");
    }

    fn section_end(&self, out: &mut String) {
        out.push_str("</section>\n");
    }

    fn heading(&self, out: &mut String, level: u8, title: &str, class: Option<&str>) {
        let _ = writeln!(out, "<h{level}{}>{title}</h{level}>", attribute(class));
    }

    fn label(&self, out: &mut String, title: &str) {
        self.heading(out, 3, title, None);
    }

    fn paragraph(&self, out: &mut String, class: Option<&str>, text: &str) {
        let _ = writeln!(out, "<p{}>{text}</p>", attribute(class));
    }

    fn list(&self, out: &mut String, class: Option<&str>, items: &[String]) {
        let _ = writeln!(out, "<ul{}>", attribute(class));
        for item in items {
            let _ = writeln!(out, "<li>{item}</li>");
        }
        out.push_str("</ul>\n");
    }

    fn lead_list(&self, out: &mut String, lead: &str, items: &[String]) {
        self.paragraph(out, None, lead);
        if !items.is_empty() {
            self.list(out, None, items);
        }
    }

    fn table(&self, out: &mut String, columns: &[Column], rows: &[Vec<String>], wide: bool) {
        out.push_str(if wide {
            "<div class=\"scroll\"><table>\n"
        } else {
            "<table>\n"
        });
        out.push_str("<thead><tr>");
        for c in columns {
            let class = (c.align == Align::Number).then_some("n");
            let _ = write!(out, "<th{}>{}</th>", attribute(class), c.title);
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in rows {
            out.push_str("<tr>");
            for (c, cell) in columns.iter().zip(row) {
                let class = match c.align {
                    Align::Left => None,
                    Align::Number => Some("n"),
                    Align::NoWrap => Some("nw"),
                };
                let _ = write!(out, "<td{}>{cell}</td>", attribute(class));
            }
            out.push_str("</tr>\n");
        }
        out.push_str(if wide {
            "</tbody>\n</table></div>\n"
        } else {
            "</tbody>\n</table>\n"
        });
    }

    fn finding_start(&self, out: &mut String, kind: &str, level: u8, title: &str) {
        let _ = writeln!(out, "<article class=\"finding {kind}\">");
        self.heading(out, level, title, None);
    }

    fn finding_end(&self, out: &mut String) {
        out.push_str("</article>\n");
    }

    fn field(&self, out: &mut String, class: Option<&str>, text: &str) {
        self.paragraph(out, class, text);
    }

    fn field_list(&self, out: &mut String, label: &str, numbered: bool, items: &[String]) {
        self.paragraph(out, Some("label"), label);
        let (open, close) = if numbered {
            ("<ol>", "</ol>")
        } else {
            ("<ul class=\"answers\">", "</ul>")
        };
        let _ = writeln!(out, "{open}");
        for item in items {
            let _ = writeln!(out, "<li>{item}</li>");
        }
        let _ = writeln!(out, "{close}");
    }
}

/// ` class="…"`, or nothing.
fn attribute(class: Option<&str>) -> String {
    class.map_or_else(String::new, |c| format!(" class=\"{c}\""))
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Go => "go",
        Verdict::Conditional => "conditional",
        Verdict::NoGo => "no-go",
    }
}

fn priority(out: &mut String, p: &PriorityLine) {
    let (score, bar) = match p.score {
        Some(s) if s < p.floor => (
            format!("<strong>{s:.1}</strong> below floor {}", p.floor),
            score_bar(s, Some(p.floor), &p.title),
        ),
        Some(s) => (format!("{s:.1}"), score_bar(s, Some(p.floor), &p.title)),
        None => (
            "n/a".to_owned(),
            "<p class=\"hint\">nothing applicable</p>".to_owned(),
        ),
    };
    let _ = writeln!(
        out,
        "<div class=\"prio\"><span class=\"name\">{}</span><span class=\"num\">{score}</span>{bar}</div>",
        h(&p.title)
    );
}

/// A horizontal bar from 0 to 100, with the floor marked when there is one.
fn score_bar(score: f64, floor: Option<f64>, label: &str) -> String {
    let width = score.clamp(0.0, 100.0);
    let class = if floor.is_some_and(|f| score < f) {
        "fill low"
    } else {
        "fill"
    };
    let mark = floor.map_or_else(String::new, |f| {
        format!(
            "<rect class=\"floor\" x=\"{:.1}\" y=\"0\" width=\"0.6\" height=\"10\" />",
            f.clamp(0.0, 99.4)
        )
    });
    format!(
        "<svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{}: {score:.1} of 100\">\
         <rect class=\"track\" x=\"0\" y=\"0\" width=\"100\" height=\"10\" />\
         <rect class=\"{class}\" x=\"0\" y=\"0\" width=\"{width:.1}\" height=\"10\" />{mark}</svg>",
        h(label)
    )
}

/// The overall score under the banner: a bar with the NO-GO and GO lines marked and named.
fn overall(out: &mut String, r: &Report) {
    let t = &r.thresholds;
    let (no_go, go) = (t.no_go_score.clamp(0.0, 99.4), t.go_score.clamp(0.0, 99.4));
    let class = if r.score < t.no_go_score {
        "fill low"
    } else {
        "fill"
    };
    let _ = writeln!(
        out,
        "<div class=\"overall\"><p class=\"score\"><strong>Readiness {:.1} / 100</strong> · {:.1}% answered · {}</p>\n\
         <svg class=\"bar big\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Readiness {:.1} of 100; NO-GO below {}, GO from {}\">\
         <rect class=\"track\" x=\"0\" y=\"0\" width=\"100\" height=\"10\" />\
         <rect class=\"{class}\" x=\"0\" y=\"0\" width=\"{:.1}\" height=\"10\" />\
         <rect class=\"line\" x=\"{no_go:.1}\" y=\"0\" width=\"0.6\" height=\"10\" />\
         <rect class=\"line\" x=\"{go:.1}\" y=\"0\" width=\"0.6\" height=\"10\" /></svg>\n\
         <div class=\"marks\"><span style=\"left: {no_go:.1}%\">NO-GO below {}</span><span style=\"left: {go:.1}%\">GO from {}</span></div></div>",
        r.score,
        r.completeness,
        h(&sections::judged(r)),
        r.score,
        t.no_go_score,
        t.go_score,
        r.score.clamp(0.0, 100.0),
        t.no_go_score,
        t.go_score,
    );
}
