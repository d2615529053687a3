//! The leadership report in markdown: verdict and decision first, the complete picture below.
//!
//! Written for GitHub, GitLab and a mail client's markdown view: headings, lists and pipe tables
//! only, no HTML. Every piece of text that came from a file goes through `escape`.

use std::fmt::Write;

use crate::engine::Verdict;
use crate::report::baseline::Since;
use crate::report::escape::{md, md_cell, md_code, mermaid_label};
use crate::report::leadership::decision;
use crate::report::leadership::sections;
use crate::report::model::{FindingLine, Report};
use crate::report::phrases::{capitalised, days_phrase, score, signed};

/// What the markdown may add beyond the plain report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// A mermaid bar chart of the priorities (GitHub and GitLab draw it; other viewers show its source).
    pub mermaid: bool,
}

pub fn render(r: &Report, options: Options) -> String {
    let mut out = String::new();
    header(&mut out, r);
    decision_needed(&mut out, r);
    if let Some(since) = &r.since {
        since_section(&mut out, since, "##", false);
    }
    priorities(&mut out, r, options);
    blockers(&mut out, r);
    risks(&mut out, r);
    open_questions(&mut out, r);
    waivers(&mut out, r);
    appendix(&mut out, r);
    out
}

/// `migready diff --format markdown`: only what changed.
pub fn render_since(organisation: &str, since: &Since) -> String {
    let mut out = format!("# What changed: {}\n\n", md(organisation));
    since_section(&mut out, since, "", true);
    out
}

fn header(out: &mut String, r: &Report) {
    let _ = writeln!(
        out,
        "# {}: {}\n",
        verdict_mark(r.verdict),
        md(&r.organisation)
    );
    let _ = writeln!(
        out,
        "**Readiness {:.1} / 100** · {:.1}% of applicable questions answered · go-live **{}**, {}\n",
        r.score,
        r.completeness,
        r.go_live,
        days_phrase(r.days_to_go_live)
    );
    let mut about = md(&r.project);
    if let Some(by) = &r.assessed_by {
        let _ = write!(about, " · assessed by {}", md(by));
    }
    if let Some(on) = r.assessed_on {
        let _ = write!(about, " on {on}");
    }
    let _ = writeln!(out, "{about} · report as of {}\n", r.today);
}

fn verdict_mark(v: Verdict) -> &'static str {
    match v {
        Verdict::Go => "✅ GO",
        Verdict::Conditional => "⚠️ GO WITH CONDITIONS",
        Verdict::NoGo => "⛔ NO-GO",
    }
}

fn decision_needed(out: &mut String, r: &Report) {
    out.push_str("## Decision needed\n\n");
    for line in decision::summary(r) {
        let _ = writeln!(out, "- **{}:** {}", line.label, md(&line.text));
    }
    out.push('\n');
}

fn priorities(out: &mut String, r: &Report, options: Options) {
    out.push_str("## Readiness by priority\n\n");
    out.push_str("| Priority | Score | | Floor |\n|---|---:|---|---:|\n");
    for p in &r.priorities {
        let (score, bar) = match p.score {
            Some(s) if s < p.floor => (format!("**{s:.1}** below floor"), bar(s)),
            Some(s) => (format!("{s:.1}"), bar(s)),
            None => ("n/a".to_owned(), "nothing applicable".to_owned()),
        };
        let _ = writeln!(
            out,
            "| {} | {score} | {bar} | {} |",
            md_cell(&p.title),
            p.floor
        );
    }
    out.push('\n');
    if options.mermaid {
        mermaid(out, r);
    }
}

/// Ten cells, each a tenth of the scale.
fn bar(score: f64) -> String {
    let filled = ((score / 10.0).round().clamp(0.0, 10.0)) as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
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

fn blockers(out: &mut String, r: &Report) {
    let blockers: Vec<&FindingLine> = r.blockers().collect();
    let _ = writeln!(out, "## Go-live blockers ({})\n", blockers.len());
    if blockers.is_empty() {
        out.push_str("None: no go-live blocker is open.\n\n");
        return;
    }
    out.push_str("Each must be fixed, or formally waived by someone who can accept the risk, before go-live.\n\n");
    for f in blockers {
        finding(out, r, f, "###");
    }
}

fn risks(out: &mut String, r: &Report) {
    let risks = sections::risks(r);
    let _ = writeln!(out, "## Risks ({})\n", risks.len());
    if risks.is_empty() {
        out.push_str("None: no other rule fired.\n\n");
    }
    for (severity, group) in sections::by_severity(&risks) {
        let title = capitalised(severity.as_str());
        let _ = writeln!(out, "### {title} ({})\n", group.len());
        for f in group {
            finding(out, r, f, "####");
        }
    }
}

fn finding(out: &mut String, r: &Report, f: &FindingLine, level: &str) {
    let _ = writeln!(out, "{level} {}\n", md(&f.title));
    let owner = if f.owner == f.owner_role {
        format!("{} (a role: nobody is named yet)", md(&f.owner))
    } else {
        md(&f.owner)
    };
    let due = f
        .due
        .map_or_else(|| "not set".to_owned(), |d| d.to_string());
    let _ = writeln!(out, "- **Owner:** {owner} · **Due:** {due}");
    let _ = writeln!(out, "- **Risk:** {}", md(&f.risk));
    match f.remediation_steps().as_slice() {
        [one] => {
            let _ = writeln!(out, "- **Fix:** {}", md(one));
        }
        steps => {
            out.push_str("- **Fix:**\n");
            for (i, step) in steps.iter().enumerate() {
                let _ = writeln!(out, "  {}. {}", i + 1, md(step));
            }
        }
    }
    let _ = writeln!(out, "- **Triggered by:**");
    for a in &f.answers {
        let value = a
            .value
            .as_deref()
            .map_or_else(|| "*not answered*".to_owned(), |v| format!("*{}*", md(v)));
        let _ = write!(
            out,
            "  - {} {value} ({})",
            md(&a.prompt),
            md_code(&a.question)
        );
        if let Some(note) = &a.note {
            let _ = write!(out, ". Note: {}", md(note));
        }
        out.push('\n');
    }
    if let Some(w) = r.waiver_for(&f.rule) {
        let _ = writeln!(
            out,
            "- **Accepted until {}** by {}: {}",
            w.expires,
            md(&w.approved_by),
            md(&w.reason)
        );
    }
    out.push('\n');
}

fn open_questions(out: &mut String, r: &Report) {
    let _ = writeln!(out, "## Open questions ({})\n", r.open_questions.len());
    if r.open_questions.is_empty() {
        out.push_str("None: every applicable question has an answer.\n\n");
        return;
    }
    out.push_str("Unknown and unanswered questions score zero until someone answers them.\n\n");
    for (area, questions) in sections::by_area(&r.open_questions) {
        let _ = writeln!(out, "### {} ({})\n", md(area), questions.len());
        out.push_str("| Follows up | Question | Status |\n|---|---|---|\n");
        for q in questions {
            let owner = q
                .owner
                .as_deref()
                .map_or_else(|| "nobody named".to_owned(), md_cell);
            let status = if q.unknown { "unknown" } else { "not answered" };
            let _ = writeln!(
                out,
                "| {owner} | {} ({}) | {status} |",
                md_cell(&q.prompt),
                md_code(&q.question)
            );
        }
        out.push('\n');
    }
}

fn waivers(out: &mut String, r: &Report) {
    let _ = writeln!(out, "## Waivers ({})\n", r.waivers.len());
    if r.waivers.is_empty() {
        out.push_str("None: no risk has been formally accepted.\n\n");
        return;
    }
    for (title, group) in sections::waiver_groups(r) {
        let _ = writeln!(out, "### {title}\n");
        for w in group {
            let _ = writeln!(
                out,
                "- **{}**: {}, approved by {}. Reason: {}",
                md(&w.title),
                sections::waiver_when(r, w),
                md(&w.approved_by),
                md(&w.reason)
            );
        }
        out.push('\n');
    }
}

fn since_section(out: &mut String, s: &Since, level: &str, ids: bool) {
    if !level.is_empty() {
        let _ = writeln!(out, "{level} Since the last assessment\n");
    }
    let on = s
        .baseline_assessed_on
        .map(|d| format!(", assessed on {d}"))
        .unwrap_or_default();
    let _ = writeln!(out, "Compared with {}{on}.\n", md_code(&s.baseline_file));
    for (label, text) in sections::since_lines(s, ("**", "**")) {
        let _ = writeln!(out, "- **{label}:** {text}");
    }
    out.push_str("\n| Priority | Before | Now | Change |\n|---|---:|---:|---:|\n");
    for p in &s.priorities {
        let delta = p.delta().map_or_else(|| "n/a".to_owned(), signed);
        let (before, after) = (score(p.before), score(p.after));
        let _ = writeln!(
            out,
            "| {} | {before} | {after} | {delta} |",
            md_cell(&p.title)
        );
    }
    out.push('\n');
    for (title, list) in sections::since_lists(s) {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "**{title}:**\n");
        for f in list {
            let id = if ids {
                format!("{} ", md_code(&f.rule))
            } else {
                String::new()
            };
            let kind = sections::change_kind(f);
            let _ = writeln!(
                out,
                "- {id}{}: {kind}, owner {}",
                md(&f.title),
                md(&f.owner)
            );
        }
        out.push('\n');
    }
}

fn appendix(out: &mut String, r: &Report) {
    out.push_str("## Appendix: rule ids and the gate\n\n");
    if !r.findings.is_empty() {
        out.push_str(
            "| Rule | Finding | Severity | Status | Answers read |\n|---|---|---|---|---|\n",
        );
        for f in &r.findings {
            let answers: Vec<String> = f.answers.iter().map(|a| md_code(&a.question)).collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                md_code(&f.rule),
                md_cell(&f.title),
                f.severity.as_str(),
                sections::status(f),
                answers.join(", ")
            );
        }
        out.push('\n');
    }
    if !r.reasons.is_empty() {
        let _ = writeln!(out, "Why the verdict is {}:\n", r.verdict.label());
        for reason in &r.reasons {
            let _ = writeln!(out, "- {}", md(reason));
        }
        out.push('\n');
    }
    if let Some(gate) = &r.gate {
        let _ = writeln!(
            out,
            "CI gate: {}.",
            if gate.passed { "passed" } else { "failed" }
        );
        for reason in &gate.reasons {
            let _ = writeln!(out, "- {}", md(reason));
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "Answers file: {}, judged as of {}.",
        md_code(&r.answers_file),
        r.today
    );
}
