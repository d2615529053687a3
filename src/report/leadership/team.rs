//! The part of the report for the project team, after the brief: priorities, the serious
//! findings in full, the other risks as a table, accepted risks, open questions, waivers, the
//! glossary and the ids. Findings are in the order of the action table: urgency, then severity.

use crate::report::leadership::actions::{self, Action};
use crate::report::leadership::markup::{Column, Markup};
use crate::report::leadership::outline::{action_row, defined, labelled};
use crate::report::leadership::sections;
use crate::report::model::{FindingLine, Report};

/// How many of the verdict's reasons the appendix spells out.
const REASONS: usize = 8;

pub fn render(m: &impl Markup, out: &mut String, r: &Report, all: &[Action]) {
    m.part(out, "For the project team");
    m.priorities(out, r);
    serious(m, out, r, all);
    others(m, out, all);
    accepted(m, out, r);
    open_questions(m, out, r);
    waivers(m, out, r);
    glossary(m, out, r);
    appendix(m, out, r);
}

/// Go-live blockers and serious risks in full, most urgent first.
fn serious(m: &impl Markup, out: &mut String, r: &Report, all: &[Action]) {
    let list: Vec<&Action> = all.iter().filter(|a| full(a)).collect();
    let blockers = list.iter().filter(|a| a.finding.blocker).count();
    let title = format!(
        "Go-live blockers ({blockers}) and serious risks ({})",
        list.len() - blockers
    );
    m.section(out, "blockers", &title);
    if list.is_empty() {
        m.paragraph(
            out,
            None,
            "None: no go-live blocker or serious risk is open.",
        );
    } else {
        m.paragraph(out, None, "Each must be fixed, or formally accepted by someone entitled to accept the risk (a waiver), before go-live.");
    }
    // An answer that raised several findings is quoted in full once, at the first of them.
    let mut quoted = Vec::new();
    for a in list {
        finding(m, out, r, a, &mut quoted);
    }
    m.section_end(out);
}

/// Shown in full: blockers, serious risks and anything already late.
fn full(a: &Action) -> bool {
    a.finding.blocker || a.finding.severity <= crate::model::Severity::High || a.late()
}

/// The lower risks as rows of the action table: enough for the team to pick them up.
fn others(m: &impl Markup, out: &mut String, all: &[Action]) {
    let rest: Vec<&Action> = all.iter().filter(|a| !full(a)).collect();
    m.section(out, "risks", &format!("Other open risks ({})", rest.len()));
    if rest.is_empty() {
        m.paragraph(out, None, "None.");
    } else {
        let columns = [
            Column::left("Risk"),
            Column::left("Owner"),
            Column::left("Due"),
        ];
        if rest.iter().any(|a| a.owner.is_none()) {
            m.paragraph(
                out,
                Some("hint"),
                &format!(
                    "An owner in {} is a role: nobody is named yet.",
                    m.aside("italics")
                ),
            );
        }
        let rows: Vec<Vec<String>> = rest.iter().map(|a| action_row(m, a, true)).collect();
        m.table(out, &columns, &rows, false);
    }
    m.section_end(out);
}

/// Risks a waiver accepts: not open, but on record until the waiver runs out.
fn accepted(m: &impl Markup, out: &mut String, r: &Report) {
    let waived: Vec<&FindingLine> = r.findings.iter().filter(|f| f.waived).collect();
    if waived.is_empty() {
        return;
    }
    m.section(
        out,
        "accepted",
        &format!("Accepted risks ({})", waived.len()),
    );
    let items: Vec<String> = waived
        .iter()
        .map(|f| {
            let how = r.waiver_for(&f.rule).map_or_else(String::new, |w| {
                format!(
                    ": accepted by {} until {}",
                    m.text(&w.approved_by),
                    w.expires
                )
            });
            format!(
                "{} {}{how}",
                m.text(&f.title),
                m.aside(&format!("({})", f.severity.as_str()))
            )
        })
        .collect();
    m.list(out, Some("accepted"), &items);
    m.section_end(out);
}

fn finding(m: &impl Markup, out: &mut String, r: &Report, a: &Action, quoted: &mut Vec<String>) {
    let (f, flags, level) = (a.finding, &a.flags, 3);
    let kind = if f.blocker && !f.waived {
        "blocker"
    } else {
        f.severity.as_str()
    };
    m.finding_start(out, kind, level, &m.text(&f.title));
    let owner = if f.owner == f.owner_role {
        format!(
            "{} {}",
            m.text(&f.owner),
            m.aside("(a role: nobody is named yet)")
        )
    } else {
        m.text(&f.owner)
    };
    let mut due = f
        .due
        .map_or_else(|| "not set".to_owned(), |d| d.to_string());
    for flag in flags {
        let text = flag.text();
        due.push_str(&format!(
            ", {}",
            if flag.late() { m.strong(&text) } else { text }
        ));
    }
    let who = format!(
        "{} · {} · {}",
        labelled(m, "Owner", &owner),
        labelled(m, "Due", &due),
        m.aside(&m.code(&f.rule))
    );
    m.field(out, Some("who"), &who);
    m.field(out, None, &labelled(m, "Risk", &m.text(&f.risk)));
    match f.remediation_steps().as_slice() {
        [one] => m.field(out, None, &labelled(m, "Fix", &m.text(one))),
        steps => {
            let steps: Vec<String> = steps.iter().map(|s| m.text(s)).collect();
            m.field_list(out, &m.strong("Fix:"), true, &steps);
        }
    }
    // One answer (most cards) goes on the label's line, as a one-step fix does.
    match triggers(m, r, f, quoted).as_slice() {
        [one] => m.field(out, None, &labelled(m, "Triggered by", one)),
        many => m.field_list(out, &m.strong("Triggered by:"), false, many),
    }
    if let Some(w) = r.waiver_for(&f.rule) {
        let until = m.strong(&format!("Accepted until {}", w.expires));
        let text = format!(
            "{until} by {}: {}",
            m.text(&w.approved_by),
            m.text(&w.reason)
        );
        m.field(out, Some("accepted"), &text);
    }
    m.finding_end(out);
}

/// The answers that made a finding fire, each with its value and note.
fn triggers(m: &impl Markup, r: &Report, f: &FindingLine, quoted: &mut Vec<String>) -> Vec<String> {
    f.answers
        .iter()
        .map(|a| {
            let mut value = a
                .value
                .as_deref()
                .map_or_else(|| "not answered".to_owned(), |v| m.text(v));
            if let Some(date) = a.date.filter(|d| *d < r.today) {
                let ago = actions::days(date.days_until(r.today));
                value.push_str(&format!(", already passed ({ago} ago)"));
            }
            let mut item = format!("{} {}", m.text(&a.prompt), m.answer(&value));
            if quoted.contains(&a.question) {
                return format!("{item} {}", m.aside("(as above)"));
            }
            quoted.push(a.question.clone());
            if let Some(note) = &a.note {
                item.push_str(&format!("{}Note: {}", m.note_break(), m.text(note)));
            }
            item
        })
        .collect()
}

fn open_questions(m: &impl Markup, out: &mut String, r: &Report) {
    let title = format!("Open questions ({})", r.open_questions.len());
    m.section(out, "open", &title);
    if r.open_questions.is_empty() {
        m.paragraph(out, None, "None: every applicable question has an answer.");
        m.section_end(out);
        return;
    }
    m.paragraph(
        out,
        None,
        "Unknown and unanswered questions score zero until someone answers them.",
    );
    let columns = [
        Column::left("Follows up"),
        Column::left("Question"),
        Column::left("Status"),
    ];
    for (area, questions) in sections::by_area(&r.open_questions) {
        let title = format!("{} ({})", m.text(area), questions.len());
        m.heading(out, 3, &title, None);
        let rows: Vec<Vec<String>> = questions
            .iter()
            .map(|q| {
                let owner = q
                    .owner
                    .as_deref()
                    .map_or_else(|| m.aside("nobody named"), |o| m.cell(o));
                let status = if q.unknown { "unknown" } else { "not answered" };
                let question = m.cell(&q.prompt);
                vec![owner, question, status.to_owned()]
            })
            .collect();
        m.table(out, &columns, &rows, false);
    }
    m.section_end(out);
}

fn waivers(m: &impl Markup, out: &mut String, r: &Report) {
    m.section(out, "waivers", &format!("Waivers ({})", r.waivers.len()));
    if r.waivers.is_empty() {
        m.paragraph(out, None, "None: no risk has been formally accepted.");
    }
    for (title, group) in sections::waiver_groups(r) {
        m.heading(out, 3, title, None);
        let items: Vec<String> = group
            .iter()
            .map(|w| {
                format!(
                    "{}: {}, approved by {}. Reason: {}",
                    m.strong(&m.text(&w.title)),
                    sections::waiver_when(r, w),
                    m.text(&w.approved_by),
                    m.text(&w.reason)
                )
            })
            .collect();
        m.list(out, Some("waivers"), &items);
    }
    m.section_end(out);
}

fn glossary(m: &impl Markup, out: &mut String, r: &Report) {
    m.section(out, "glossary", "Words used in this report");
    let items: Vec<String> = crate::report::leadership::glossary::used(r)
        .iter()
        .map(|t| defined(m, t))
        .collect();
    m.list(out, Some("glossary"), &items);
    m.section_end(out);
}

fn appendix(m: &impl Markup, out: &mut String, r: &Report) {
    m.section(out, "appendix", "Appendix: how the verdict was reached");
    if !r.findings.is_empty() {
        let text = format!(
            "Each finding above shows its rule id: {} shows the rule and the answers it read.",
            m.code("migready explain ID")
        );
        m.paragraph(out, Some("hint"), &text);
    }
    if let Some(c) = r.coverage.shown() {
        let lead = format!("Tenant evidence: {}.", m.text(&c.sentence()));
        let backed: Vec<String> = c
            .backed
            .iter()
            .map(|b| m.with_id(&m.text(&b.phrase()), &b.question))
            .collect();
        m.lead_list(out, &lead, &backed);
    }
    if !r.reasons.is_empty() {
        let why = format!("Why the verdict is {}:", r.verdict.label());
        m.paragraph(out, None, &why);
        // The first reasons decide the verdict; the rest repeat the risks listed above one by one.
        let mut reasons: Vec<String> = r.reasons.iter().take(REASONS).map(|s| m.text(s)).collect();
        if r.reasons.len() > REASONS {
            let more = r.reasons.len() - REASONS;
            reasons.push(format!(
                "and {more} more, each an open risk listed above (all of them in the JSON form and in {})",
                m.code("migready check")
            ));
        }
        m.list(out, None, &reasons);
    }
    if let Some(gate) = &r.gate {
        let verdict = if gate.passed { "passes" } else { "fails" };
        let shown = r.reasons.len().min(REASONS);
        // The gate's reasons are most often the verdict's first ones: say so rather than repeat them.
        if !gate.reasons.is_empty() && r.reasons[..shown].starts_with(&gate.reasons) {
            let which = if gate.reasons.len() == r.reasons.len() {
                "all of these reasons".to_owned()
            } else {
                format!("the first {} of these reasons", gate.reasons.len())
            };
            let check = m.code("migready check");
            let text = format!("The pipeline check ({check}) {verdict} on {which}.");
            m.paragraph(out, None, &text);
        } else {
            let check = m.code("migready check");
            let lead = format!("The pipeline check ({check}) {verdict}.");
            let reasons: Vec<String> = gate.reasons.iter().map(|s| m.text(s)).collect();
            m.lead_list(out, &lead, &reasons);
        }
    }
    let name = std::path::Path::new(&r.answers_file)
        .file_name()
        .map_or_else(
            || r.answers_file.clone(),
            |n| n.to_string_lossy().into_owned(),
        );
    let file = format!("Answers file: {}, judged as of {}.", m.code(&name), r.today);
    m.paragraph(out, None, &file);
    m.section_end(out);
}
