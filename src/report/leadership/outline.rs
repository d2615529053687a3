//! The leadership report's outline, written once: verdict and decision first, the complete
//! picture below. `markdown` and `html` supply the markup; `sections` decides what each holds.

use crate::report::baseline::Since;
use crate::report::leadership::decision;
use crate::report::leadership::markup::{Column, Markup};
use crate::report::leadership::sections;
use crate::report::model::{FindingLine, Report};
use crate::report::phrases::{capitalised, score, signed};

pub fn render(m: &impl Markup, r: &Report) -> String {
    let mut out = String::new();
    m.begin(&mut out, r);
    m.headline(&mut out, r);
    about(m, &mut out, r);
    decision_needed(m, &mut out, r);
    if let Some(s) = &r.since {
        m.section(&mut out, "since", "Since the last assessment");
        since(m, &mut out, s, false);
        m.section_end(&mut out);
    }
    m.priorities(&mut out, r);
    blockers(m, &mut out, r);
    risks(m, &mut out, r);
    open_questions(m, &mut out, r);
    waivers(m, &mut out, r);
    appendix(m, &mut out, r);
    m.end(&mut out);
    out
}

fn about(m: &impl Markup, out: &mut String, r: &Report) {
    let mut about = m.text(&r.project);
    if let Some(by) = &r.assessed_by {
        about.push_str(&format!(" · assessed by {}", m.text(by)));
    }
    if let Some(on) = r.assessed_on {
        about.push_str(&format!(" on {on}"));
    }
    let text = format!("{about} · report as of {}", r.today);
    m.paragraph(out, Some("about"), &text);
}

fn decision_needed(m: &impl Markup, out: &mut String, r: &Report) {
    m.section(out, "decision", "Decision needed");
    let items: Vec<String> = decision::summary(r)
        .iter()
        .map(|line| labelled(m, line.label, &m.text(&line.text)))
        .collect();
    m.list(out, Some("decision"), &items);
    m.section_end(out);
}

/// "**Label:** text".
fn labelled(m: &impl Markup, label: &str, text: &str) -> String {
    format!("{} {text}", m.strong(&format!("{label}:")))
}

/// "Since the last assessment", without its heading: the report puts it in a section, `diff`
/// under a title of its own, with the rule ids (`ids`).
pub fn since(m: &impl Markup, out: &mut String, s: &Since, ids: bool) {
    let on = s
        .baseline_assessed_on
        .map(|d| format!(", assessed on {d}"))
        .unwrap_or_default();
    let compared = format!("Compared with {}{on}.", m.code(&s.baseline_file));
    m.paragraph(out, None, &compared);
    let lines: Vec<String> = sections::since_lines(s, &|t| m.strong(t))
        .iter()
        .map(|(label, text)| labelled(m, label, text))
        .collect();
    m.list(out, None, &lines);
    let columns = [
        Column::left("Priority"),
        Column::number("Before"),
        Column::number("Now"),
        Column::number("Change"),
    ];
    let rows: Vec<Vec<String>> = s
        .priorities
        .iter()
        .map(|p| {
            let delta = p.delta().map_or_else(|| "n/a".to_owned(), signed);
            vec![m.cell(&p.title), score(p.before), score(p.after), delta]
        })
        .collect();
    m.table(out, &columns, &rows, false);
    for (title, list) in sections::since_lists(s) {
        if list.is_empty() {
            continue;
        }
        m.label(out, title);
        let items: Vec<String> = list
            .iter()
            .map(|f| {
                let id = if ids {
                    format!("{} ", m.code(&f.rule))
                } else {
                    String::new()
                };
                let kind = sections::change_kind(f);
                let (title, owner) = (m.text(&f.title), m.text(&f.owner));
                format!("{id}{title}: {kind}, owner {owner}")
            })
            .collect();
        m.list(out, None, &items);
    }
}

fn blockers(m: &impl Markup, out: &mut String, r: &Report) {
    let blockers: Vec<&FindingLine> = r.blockers().collect();
    let title = format!("Go-live blockers ({})", blockers.len());
    m.section(out, "blockers", &title);
    if blockers.is_empty() {
        m.paragraph(out, None, "None: no go-live blocker is open.");
    } else {
        m.paragraph(out, None, "Each must be fixed, or formally waived by someone who can accept the risk, before go-live.");
    }
    for f in blockers {
        finding(m, out, r, f, 3);
    }
    m.section_end(out);
}

fn risks(m: &impl Markup, out: &mut String, r: &Report) {
    let risks = sections::risks(r);
    m.section(out, "risks", &format!("Risks ({})", risks.len()));
    if risks.is_empty() {
        m.paragraph(out, None, "None: no other rule fired.");
    }
    for (severity, group) in sections::by_severity(&risks) {
        let id = severity.as_str();
        let title = format!("{} ({})", capitalised(id), group.len());
        m.heading(out, 3, &title, Some(&format!("sev {id}")));
        for f in group {
            finding(m, out, r, f, 4);
        }
    }
    m.section_end(out);
}

fn finding(m: &impl Markup, out: &mut String, r: &Report, f: &FindingLine, level: u8) {
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
    let due = f
        .due
        .map_or_else(|| "not set".to_owned(), |d| d.to_string());
    let who = format!(
        "{} · {}",
        labelled(m, "Owner", &owner),
        labelled(m, "Due", &due)
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
    m.field_list(out, &m.strong("Triggered by:"), false, &triggers(m, f));
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
fn triggers(m: &impl Markup, f: &FindingLine) -> Vec<String> {
    f.answers
        .iter()
        .map(|a| {
            let value = a
                .value
                .as_deref()
                .map_or_else(|| "not answered".to_owned(), |v| m.text(v));
            let prompt = format!("{} {}", m.text(&a.prompt), m.answer(&value));
            let mut item = m.with_id(&prompt, &a.question);
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
                let question = m.with_id(&m.cell(&q.prompt), &q.question);
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

fn appendix(m: &impl Markup, out: &mut String, r: &Report) {
    m.section(out, "appendix", "Appendix: rule ids and the gate");
    if !r.findings.is_empty() {
        let columns = [
            Column::no_wrap("Rule"),
            Column::left("Finding"),
            Column::no_wrap("Severity"),
            Column::left("Status"),
            Column::left("Answers read"),
        ];
        let rows: Vec<Vec<String>> = r
            .findings
            .iter()
            .map(|f| {
                let answers: Vec<&str> = f.answers.iter().map(|a| a.question.as_str()).collect();
                vec![
                    m.code(&f.rule),
                    m.cell(&f.title),
                    f.severity.as_str().to_owned(),
                    sections::status(f).to_owned(),
                    m.ids(&answers),
                ]
            })
            .collect();
        m.table(out, &columns, &rows, true);
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
        let reasons: Vec<String> = r.reasons.iter().map(|s| m.text(s)).collect();
        m.list(out, None, &reasons);
    }
    if let Some(gate) = &r.gate {
        let lead = format!(
            "CI gate: {}.",
            if gate.passed { "passed" } else { "failed" }
        );
        let reasons: Vec<String> = gate.reasons.iter().map(|s| m.text(s)).collect();
        m.lead_list(out, &lead, &reasons);
    }
    let file = format!(
        "Answers file: {}, judged as of {}.",
        m.code(&r.answers_file),
        r.today
    );
    m.paragraph(out, None, &file);
    m.section_end(out);
}
