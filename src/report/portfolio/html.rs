//! The portfolio as one self-contained HTML page that an MSP sends to its management: totals by
//! verdict, a chart of readiness by client, the clients that need attention first with their
//! blockers and owners, and the go-lives of the next 30 days.
//!
//! Like the report's page: inline CSS and SVG, no script, nothing fetched, no link made from a file's
//! text, and every text from an answers file escaped. The same rows always give the same bytes.

use std::fmt::Write;

use crate::date::Date;
use crate::engine::{Assessment, Verdict};
use crate::model::{Answers, Catalog};
use crate::report::escape::html as h;
use crate::report::phrases::{days_phrase, go_live_text};
use crate::report::portfolio::{Assessed, Portfolio, Row, Totals, require_word};

const STYLE: &str = include_str!("../leadership/report.css");
const PORTFOLIO_STYLE: &str = include_str!("portfolio.css");
/// Go-lives this close are listed on their own: the last weeks are when a slipped item hurts.
const SOON_DAYS: i64 = 30;

/// An unwaived go-live blocker of one assessment, as the attention list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockerLine {
    pub title: String,
    /// The person named on a triggering answer, else the rule's owner role.
    pub owner: String,
    /// Whether `owner` names a person (false: a role still to be staffed).
    pub named: bool,
    /// The earliest due date on the triggering answers.
    pub due: Option<Date>,
}

/// The unwaived blockers of an assessment, in the order the rules fired.
pub fn blocker_lines(catalog: &Catalog, answers: &Answers, a: &Assessment) -> Vec<BlockerLine> {
    a.findings
        .iter()
        .filter(|f| f.waiver.is_none() && f.blocker)
        .filter_map(|f| {
            let rule = catalog.rules.get(f.rule)?;
            let entries: Vec<_> = f.questions.iter().filter_map(|&q| answers.get(q)).collect();
            let owner = entries.iter().find_map(|e| e.owner.clone());
            Some(BlockerLine {
                title: rule.title.clone(),
                named: owner.is_some(),
                owner: owner.unwrap_or_else(|| rule.owner.clone()),
                due: entries.iter().filter_map(|e| e.due).min(),
            })
        })
        .collect()
}

pub fn render(p: &Portfolio) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <title>Migration readiness portfolio, {}</title>\n<style>\n{STYLE}{PORTFOLIO_STYLE}</style>\n</head>\n<body>\n<main>\n",
        p.today
    );
    header(&mut out, p);
    // A file that could not be assessed is news too: its client is missing from everything below.
    invalid(&mut out, p);
    attention(&mut out, p);
    soon(&mut out, p);
    chart(&mut out, p);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn assessed(p: &Portfolio) -> impl Iterator<Item = &Assessed> {
    p.rows.iter().filter_map(|row| match row {
        Row::Assessed(a) => Some(a),
        Row::Invalid(_) => None,
    })
}

fn class(v: Verdict) -> &'static str {
    match v {
        Verdict::Go => "go",
        Verdict::Conditional => "conditional",
        Verdict::NoGo => "no-go",
    }
}

fn header(out: &mut String, p: &Portfolio) {
    let t = p.totals();
    let all = t.go + t.conditional + t.no_go + t.invalid;
    let _ = writeln!(
        out,
        "<header>\n<h1>Migration readiness portfolio</h1>\n<p class=\"about\">{all} assessment{} as of {}</p>\n</header>",
        if all == 1 { "" } else { "s" },
        p.today
    );
    out.push_str("<ul class=\"tiles\" aria-label=\"Assessments by verdict\">\n");
    for (count, verdict) in [
        (t.no_go, Verdict::NoGo),
        (t.conditional, Verdict::Conditional),
        (t.go, Verdict::Go),
    ] {
        let _ = writeln!(
            out,
            "<li class=\"{}\"><strong>{count}</strong> {}</li>",
            class(verdict),
            verdict.label()
        );
    }
    if t.invalid > 0 {
        let _ = writeln!(
            out,
            "<li class=\"invalid\"><strong>{}</strong> could not be assessed</li>",
            t.invalid
        );
    }
    out.push_str("</ul>\n");
    gate_line(out, p, &t);
}

fn gate_line(out: &mut String, p: &Portfolio, t: &Totals) {
    if let Some(require) = p.require {
        let assessed = t.go + t.conditional + t.no_go;
        let _ = writeln!(
            out,
            "<p>Gate (<code>--require {}</code>): {}, {} of {assessed} failing.</p>",
            require_word(require),
            if t.gate_failed == 0 {
                "passed"
            } else {
                "<strong>failed</strong>"
            },
            t.gate_failed
        );
    }
}

/// The clients short of GO, or with overdue items, in the portfolio's order (worst first by default).
fn attention(out: &mut String, p: &Portfolio) {
    let needs: Vec<&Assessed> = assessed(p)
        .filter(|a| a.verdict != Verdict::Go || a.overdue > 0 || !a.time_notes().is_empty())
        .collect();
    let _ = writeln!(
        out,
        "<section id=\"attention\">\n<h2>Needs attention first ({})</h2>",
        needs.len()
    );
    if needs.is_empty() {
        out.push_str("<p>None: every client is GO with nothing overdue.</p>\n");
    }
    for a in needs {
        client_card(out, a);
    }
    out.push_str("</section>\n");
}

fn client_card(out: &mut String, a: &Assessed) {
    let _ = writeln!(
        out,
        "<article class=\"finding {}\">\n<h3>{} — {}</h3>\n<p class=\"who\">{} · {:.1} / 100 · go-live {} ({})</p>",
        if a.verdict == Verdict::NoGo {
            "blocker"
        } else {
            "high"
        },
        h(&a.organisation),
        a.verdict.label(),
        h(&a.project),
        a.score,
        go_live_text(a.go_live),
        days_phrase(a.days_left)
    );
    if a.blocker_lines.is_empty() {
        out.push_str("<p>No go-live blocker open.</p>\n");
    } else {
        let _ = writeln!(out, "<h4>Blockers ({})</h4>\n<ul>", a.blocker_lines.len());
        for b in &a.blocker_lines {
            let _ = writeln!(out, "<li>{}: {}</li>", h(&b.title), owner(b));
        }
        out.push_str("</ul>\n");
    }
    let mut notes = Vec::new();
    if a.overdue > 0 {
        notes.push(format!("<strong>{} overdue</strong>", a.overdue));
    }
    notes.extend(
        a.time_notes()
            .iter()
            .map(|n| format!("<strong>{n}</strong>")),
    );
    if let Some(w) = &a.weakest {
        notes.push(format!("weakest: {} {:.1}", h(&w.title), w.score));
    }
    if let Some(g) = a.gate.as_ref().filter(|g| !g.passed) {
        notes.push(format!("gate failed ({} reasons)", g.reasons.len()));
    }
    let _ = writeln!(
        out,
        "<p class=\"hint\">{}</p>\n</article>",
        notes.join(" · ")
    );
}

fn owner(b: &BlockerLine) -> String {
    let due = b
        .due
        .map_or_else(|| "no due date".to_owned(), |d| format!("due {d}"));
    if b.named {
        format!("<strong>{}</strong>, {due}", h(&b.owner))
    } else {
        format!(
            "{} <em>(a role: nobody is named yet)</em>, {due}",
            h(&b.owner)
        )
    }
}

/// Go-lives from today to `SOON_DAYS` ahead, the soonest first.
fn soon(out: &mut String, p: &Portfolio) {
    let mut soon: Vec<&Assessed> = assessed(p)
        .filter(|a| a.days_left.is_some_and(|d| (0..=SOON_DAYS).contains(&d)))
        .collect();
    soon.sort_by(|a, b| a.go_live.cmp(&b.go_live).then_with(|| a.file.cmp(&b.file)));
    let _ = writeln!(
        out,
        "<section id=\"soon\">\n<h2>Go-live in the next {SOON_DAYS} days ({})</h2>",
        soon.len()
    );
    if soon.is_empty() {
        out.push_str("<p>None.</p>\n");
    } else {
        out.push_str("<ul>\n");
        for a in soon {
            let _ = writeln!(
                out,
                "<li><strong>{}</strong> {} ({}): {} — {}</li>",
                go_live_text(a.go_live),
                h(&a.organisation),
                days_phrase(a.days_left),
                h(&a.project),
                a.verdict.label()
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// One bar per client, coloured by verdict; each bar's text alternative says what it shows.
fn chart(out: &mut String, p: &Portfolio) {
    out.push_str("<section id=\"chart\">\n<h2>Readiness by client</h2>\n<figure>\n");
    out.push_str("<figcaption class=\"hint\">Readiness score out of 100, coloured by verdict.</figcaption>\n");
    for a in assessed(p) {
        let label = format!(
            "{}: {:.1} of 100, {}",
            a.organisation,
            a.score,
            a.verdict.label()
        );
        let _ = writeln!(
            out,
            "<div class=\"prio\"><span>{}</span><span class=\"num\"><strong>{:.1}</strong> {}</span>\n\
             <svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{}\">\
             <rect class=\"track\" x=\"0\" y=\"0\" width=\"100\" height=\"10\" />\
             <rect class=\"fill {}\" x=\"0\" y=\"0\" width=\"{:.1}\" height=\"10\" /></svg>\n\
             <p class=\"hint\">{} · {:.1}% answered · {} blocker{} · go-live {} ({})</p></div>",
            h(&a.organisation),
            a.score,
            a.verdict.label(),
            h(&label),
            class(a.verdict),
            a.score.clamp(0.0, 100.0),
            h(&a.project),
            a.completeness,
            a.blockers,
            if a.blockers == 1 { "" } else { "s" },
            go_live_text(a.go_live),
            days_phrase(a.days_left)
        );
    }
    out.push_str("</figure>\n</section>\n");
}

fn invalid(out: &mut String, p: &Portfolio) {
    let bad = p.invalid();
    if bad.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section id=\"invalid\">\n<h2>Could not be assessed ({})</h2>\n<ul>",
        bad.len()
    );
    for i in bad {
        let _ = writeln!(out, "<li><code>{}</code>: {}</li>", h(&i.file), h(&i.error));
    }
    out.push_str("</ul>\n</section>\n");
}
