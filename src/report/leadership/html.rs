//! The leadership report as one self-contained HTML page: the same content as the markdown.
//!
//! Inline CSS and inline SVG bars; no script, no fonts, images or styles fetched from anywhere, and
//! no link made from answer text. The markup is XHTML-compatible (every element closed, only the
//! five XML entities), so it parses as XML as well as HTML. It reads on a phone and prints on A4.

use std::fmt::Write;

use crate::engine::Verdict;
use crate::report::baseline::Since;
use crate::report::escape::html as h;
use crate::report::leadership::decision;
use crate::report::leadership::sections;
use crate::report::model::{FindingLine, PriorityLine, Report};
use crate::report::phrases::{capitalised, days_phrase, score, signed};

const STYLE: &str = include_str!("report.css");

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <title>{}: {}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n",
        h(&r.organisation),
        r.verdict.label()
    );
    header(&mut out, r);
    decision_needed(&mut out, r);
    if let Some(since) = &r.since {
        since_section(&mut out, since);
    }
    priorities(&mut out, r);
    blockers(&mut out, r);
    risks(&mut out, r);
    open_questions(&mut out, r);
    waivers(&mut out, r);
    appendix(&mut out, r);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Go => "go",
        Verdict::Conditional => "conditional",
        Verdict::NoGo => "no-go",
    }
}

fn header(out: &mut String, r: &Report) {
    let _ = writeln!(
        out,
        "<header class=\"verdict {}\">\n<p class=\"org\">{}</p>\n<h1>{}</h1>",
        verdict_class(r.verdict),
        h(&r.organisation),
        r.verdict.label()
    );
    let _ = writeln!(
        out,
        "<p class=\"score\"><strong>{:.1}</strong> / 100 readiness · {:.1}% answered · go-live <strong>{}</strong>, {}</p>",
        r.score,
        r.completeness,
        r.go_live,
        days_phrase(r.days_to_go_live)
    );
    let _ = writeln!(out, "{}\n</header>", score_bar(r.score, None, "overall"));
    let mut about = h(&r.project);
    if let Some(by) = &r.assessed_by {
        let _ = write!(about, " · assessed by {}", h(by));
    }
    if let Some(on) = r.assessed_on {
        let _ = write!(about, " on {on}");
    }
    let _ = writeln!(
        out,
        "<p class=\"about\">{about} · report as of {}</p>",
        r.today
    );
}

fn decision_needed(out: &mut String, r: &Report) {
    out.push_str("<section id=\"decision\">\n<h2>Decision needed</h2>\n<ul class=\"decision\">\n");
    for line in decision::summary(r) {
        let _ = writeln!(
            out,
            "<li><strong>{}:</strong> {}</li>",
            line.label,
            h(&line.text)
        );
    }
    out.push_str("</ul>\n</section>\n");
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

fn priorities(out: &mut String, r: &Report) {
    out.push_str("<section id=\"priorities\">\n<h2>Readiness by priority</h2>\n");
    out.push_str("<p class=\"hint\">The thin mark on each bar is the priority's floor.</p>\n");
    for p in &r.priorities {
        priority(out, p);
    }
    out.push_str("</section>\n");
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

fn blockers(out: &mut String, r: &Report) {
    let blockers: Vec<&FindingLine> = r.blockers().collect();
    let _ = writeln!(
        out,
        "<section id=\"blockers\">\n<h2>Go-live blockers ({})</h2>",
        blockers.len()
    );
    if blockers.is_empty() {
        out.push_str("<p>None: no go-live blocker is open.</p>\n");
    } else {
        out.push_str("<p>Each must be fixed, or formally waived by someone who can accept the risk, before go-live.</p>\n");
    }
    for f in blockers {
        finding(out, r, f, "h3");
    }
    out.push_str("</section>\n");
}

fn risks(out: &mut String, r: &Report) {
    let risks = sections::risks(r);
    let _ = writeln!(
        out,
        "<section id=\"risks\">\n<h2>Risks ({})</h2>",
        risks.len()
    );
    if risks.is_empty() {
        out.push_str("<p>None: no other rule fired.</p>\n");
    }
    for (severity, group) in sections::by_severity(&risks) {
        let id = severity.as_str();
        let title = capitalised(id);
        let _ = writeln!(out, "<h3 class=\"sev {id}\">{title} ({})</h3>", group.len());
        for f in group {
            finding(out, r, f, "h4");
        }
    }
    out.push_str("</section>\n");
}

fn finding(out: &mut String, r: &Report, f: &FindingLine, tag: &str) {
    let kind = if f.blocker && !f.waived {
        "blocker"
    } else {
        f.severity.as_str()
    };
    let _ = writeln!(
        out,
        "<article class=\"finding {kind}\">\n<{tag}>{}</{tag}>",
        h(&f.title)
    );
    let owner = if f.owner == f.owner_role {
        format!("{} <em>(a role: nobody is named yet)</em>", h(&f.owner))
    } else {
        h(&f.owner)
    };
    let due = f
        .due
        .map_or_else(|| "not set".to_owned(), |d| d.to_string());
    let _ = writeln!(
        out,
        "<p class=\"who\"><strong>Owner:</strong> {owner} · <strong>Due:</strong> {due}</p>"
    );
    let _ = writeln!(out, "<p><strong>Risk:</strong> {}</p>", h(&f.risk));
    match f.remediation_steps().as_slice() {
        [one] => {
            let _ = writeln!(out, "<p><strong>Fix:</strong> {}</p>", h(one));
        }
        steps => {
            out.push_str("<p class=\"label\"><strong>Fix:</strong></p>\n<ol>\n");
            for step in steps {
                let _ = writeln!(out, "<li>{}</li>", h(step));
            }
            out.push_str("</ol>\n");
        }
    }
    out.push_str("<p class=\"label\"><strong>Triggered by:</strong></p>\n<ul class=\"answers\">\n");
    for a in &f.answers {
        let value = a
            .value
            .as_deref()
            .map_or_else(|| "not answered".to_owned(), h);
        let _ = write!(
            out,
            "<li>{} <b class=\"answer\">{value}</b> <code>{}</code>",
            h(&a.prompt),
            h(&a.question)
        );
        if let Some(note) = &a.note {
            let _ = write!(out, "<br />Note: {}", h(note));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
    if let Some(w) = r.waiver_for(&f.rule) {
        let _ = writeln!(
            out,
            "<p class=\"accepted\"><strong>Accepted until {}</strong> by {}: {}</p>",
            w.expires,
            h(&w.approved_by),
            h(&w.reason)
        );
    }
    out.push_str("</article>\n");
}

fn open_questions(out: &mut String, r: &Report) {
    let _ = writeln!(
        out,
        "<section id=\"open\">\n<h2>Open questions ({})</h2>",
        r.open_questions.len()
    );
    if r.open_questions.is_empty() {
        out.push_str("<p>None: every applicable question has an answer.</p>\n</section>\n");
        return;
    }
    out.push_str(
        "<p>Unknown and unanswered questions score zero until someone answers them.</p>\n",
    );
    for (area, questions) in sections::by_area(&r.open_questions) {
        let _ = writeln!(
            out,
            "<h3>{} ({})</h3>\n<table>\n<thead><tr><th>Follows up</th><th>Question</th><th>Status</th></tr></thead>\n<tbody>",
            h(area),
            questions.len()
        );
        for q in questions {
            let owner = q
                .owner
                .as_deref()
                .map_or_else(|| "<em>nobody named</em>".to_owned(), h);
            let status = if q.unknown { "unknown" } else { "not answered" };
            let _ = writeln!(
                out,
                "<tr><td>{owner}</td><td>{} <code>{}</code></td><td>{status}</td></tr>",
                h(&q.prompt),
                h(&q.question)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

fn waivers(out: &mut String, r: &Report) {
    let _ = writeln!(
        out,
        "<section id=\"waivers\">\n<h2>Waivers ({})</h2>",
        r.waivers.len()
    );
    if r.waivers.is_empty() {
        out.push_str("<p>None: no risk has been formally accepted.</p>\n");
    }
    for (title, group) in sections::waiver_groups(r) {
        let _ = writeln!(out, "<h3>{title}</h3>\n<ul class=\"waivers\">");
        for w in group {
            let _ = writeln!(
                out,
                "<li><strong>{}</strong>: {}, approved by {}. Reason: {}</li>",
                h(&w.title),
                sections::waiver_when(r, w),
                h(&w.approved_by),
                h(&w.reason)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn since_section(out: &mut String, s: &Since) {
    out.push_str("<section id=\"since\">\n<h2>Since the last assessment</h2>\n");
    let on = s
        .baseline_assessed_on
        .map(|d| format!(", assessed on {d}"))
        .unwrap_or_default();
    let file = h(&s.baseline_file);
    let _ = writeln!(out, "<p>Compared with <code>{file}</code>{on}.</p>\n<ul>");
    for (label, text) in sections::since_lines(s, ("<strong>", "</strong>")) {
        let _ = writeln!(out, "<li><strong>{label}:</strong> {text}</li>");
    }
    out.push_str("</ul>\n<table>\n<thead><tr><th>Priority</th><th class=\"n\">Before</th>");
    out.push_str("<th class=\"n\">Now</th><th class=\"n\">Change</th></tr></thead>\n<tbody>\n");
    for p in &s.priorities {
        let delta = p.delta().map_or_else(|| "n/a".to_owned(), signed);
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{delta}</td></tr>",
            h(&p.title),
            score(p.before),
            score(p.after)
        );
    }
    out.push_str("</tbody>\n</table>\n");
    for (title, list) in sections::since_lists(s) {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "<h3>{title}</h3>\n<ul>");
        for f in list {
            let kind = sections::change_kind(f);
            let _ = writeln!(
                out,
                "<li>{}: {kind}, owner {}</li>",
                h(&f.title),
                h(&f.owner)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn appendix(out: &mut String, r: &Report) {
    out.push_str("<section id=\"appendix\">\n<h2>Appendix: rule ids and the gate</h2>\n");
    if !r.findings.is_empty() {
        out.push_str("<div class=\"scroll\"><table>\n<thead><tr><th>Rule</th><th>Finding</th><th>Severity</th><th>Status</th><th>Answers read</th></tr></thead>\n<tbody>\n");
        for f in &r.findings {
            let answers: Vec<String> = f
                .answers
                .iter()
                .map(|a| format!("<code>{}</code>", h(&a.question)))
                .collect();
            let status = sections::status(f);
            let _ = writeln!(
                out,
                "<tr><td class=\"nw\"><code>{}</code></td><td>{}</td><td class=\"nw\">{}</td><td>{status}</td><td>{}</td></tr>",
                h(&f.rule),
                h(&f.title),
                f.severity.as_str(),
                answers.join(" ")
            );
        }
        out.push_str("</tbody>\n</table></div>\n");
    }
    if !r.reasons.is_empty() {
        let _ = writeln!(
            out,
            "<p>Why the verdict is {}:</p>\n<ul>",
            r.verdict.label()
        );
        for reason in &r.reasons {
            let _ = writeln!(out, "<li>{}</li>", h(reason));
        }
        out.push_str("</ul>\n");
    }
    if let Some(gate) = &r.gate {
        let _ = writeln!(
            out,
            "<p>CI gate: {}.</p>",
            if gate.passed { "passed" } else { "failed" }
        );
        if !gate.reasons.is_empty() {
            out.push_str("<ul>\n");
            for reason in &gate.reasons {
                let _ = writeln!(out, "<li>{}</li>", h(reason));
            }
            out.push_str("</ul>\n");
        }
    }
    let _ = writeln!(
        out,
        "<p>Answers file: <code>{}</code>, judged as of {}.</p>\n</section>",
        h(&r.answers_file),
        r.today
    );
}
