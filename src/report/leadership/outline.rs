//! The leadership report's outline, written once. Page 1 is the brief: the verdict and what it
//! means, the decisions for leadership, the most urgent actions and what the verdict rests on;
//! `team` writes the rest, for the project team. `markdown` and `html` supply the markup.

use crate::report::baseline::Since;
use crate::report::leadership::actions::{self, Action};
use crate::report::leadership::brief;
use crate::report::leadership::markup::{Column, Markup};
use crate::report::leadership::sections;
use crate::report::leadership::team;
use crate::report::model::Report;
use crate::report::phrases::{score, signed};

pub fn render(m: &impl Markup, r: &Report) -> String {
    let mut out = String::new();
    let actions = actions::all(r);
    m.begin(&mut out, r);
    m.headline(&mut out, r);
    m.brief_start(&mut out);
    decisions(m, &mut out, &actions);
    action_table(m, &mut out, r, &actions);
    basis(m, &mut out, r);
    words(m, &mut out, r, &actions);
    m.brief_end(&mut out);
    if let Some(s) = &r.since {
        m.section(&mut out, "since", "Since the last assessment");
        since(m, &mut out, s, false);
        m.section_end(&mut out);
    }
    team::render(m, &mut out, r, &actions);
    m.end(&mut out);
    out
}

fn decisions(m: &impl Markup, out: &mut String, all: &[Action]) {
    m.section(out, "decisions", "Decisions for leadership");
    let groups = brief::decisions(all);
    if groups.is_empty() {
        m.paragraph(out, None, "None: no open risk needs money, a contract or an appointment that only leadership can give.");
    }
    let items: Vec<String> = groups
        .iter()
        .map(|(need, group)| {
            let titles: Vec<String> = group.iter().map(|f| m.text(&f.title)).collect();
            let quoted: Vec<String> = brief::notes(group, 1)
                .iter()
                .map(|n| format!("“{}”", m.text(n)))
                .collect();
            let said = if quoted.is_empty() {
                String::new()
            } else {
                format!(
                    " {}",
                    m.aside(&format!("In the answers: {}", quoted.join(" ")))
                )
            };
            format!(
                "{} {}.{said}",
                m.strong(&format!("{}:", brief::need_label(*need))),
                titles.join("; ")
            )
        })
        .collect();
    m.list(out, Some("decisions"), &items);
    m.section_end(out);
}

fn action_table(m: &impl Markup, out: &mut String, r: &Report, all: &[Action]) {
    m.section(out, "actions", "Actions, most urgent first");
    if all.is_empty() {
        m.paragraph(out, None, "None: no risk is open.");
        m.section_end(out);
        return;
    }
    let shown = actions::page_one(all);
    let columns = [
        Column::left("Action"),
        Column::left("Owner"),
        Column::left("Due"),
    ];
    let rows: Vec<Vec<String>> = shown.iter().map(|a| action_row(m, a, false)).collect();
    m.table(out, &columns, &rows, false);
    if all.len() > shown.len() {
        let more = all.len() - shown.len();
        let mut which = Vec::new();
        match left_out(all, &shown, |a| a.finding.blocker) {
            0 => {}
            1 => which.push("1 of them a go-live blocker".to_owned()),
            n => which.push(format!("{n} of them go-live blockers")),
        }
        match left_out(all, &shown, Action::late) {
            0 => {}
            n => which.push(format!("{n} of them late")),
        }
        let late: String = which.iter().map(|w| format!(", {w}")).collect();
        m.paragraph(
            out,
            Some("hint"),
            &format!("{more} more for the project team{late}, in the pages that follow."),
        );
    }
    accepted_line(m, out, r);
    m.section_end(out);
}

/// How many of the actions not shown on page 1 are of a kind. The rows shown need not be a prefix
/// of `all` (blockers are kept), so this counts by difference.
fn left_out<'r>(
    all: &[Action<'r>],
    shown: &[Action<'r>],
    is: impl Fn(&Action<'r>) -> bool,
) -> usize {
    all.iter().filter(|a| is(a)).count() - shown.iter().filter(|a| is(a)).count()
}

/// Waived risks on page 1 read as accepted, with who accepted them and until when, not as open.
fn accepted_line(m: &impl Markup, out: &mut String, r: &Report) {
    let accepted: Vec<String> = r
        .findings
        .iter()
        .filter(|f| f.waived)
        .map(|f| {
            let by = r.waiver_for(&f.rule).map_or_else(String::new, |w| {
                format!(" by {}, until {}", m.text(&w.approved_by), w.expires)
            });
            format!("“{}” ({}){by}", m.text(&f.title), f.severity.as_str())
        })
        .collect();
    if !accepted.is_empty() {
        let text = format!("Accepted, not open: {}.", accepted.join("; "));
        m.paragraph(out, Some("hint"), &text);
    }
}

/// Item with its kind, owner or "unassigned", due date with what time says about it. The
/// project team's table (`team`) adds the rule id, for `migready explain`, and shows an unfilled
/// owner as the role alone, set apart; page 1 spells out "unassigned".
pub fn action_row(m: &impl Markup, a: &Action, team: bool) -> Vec<String> {
    let kind = if team {
        format!("({}, {})", a.kind(), m.cell_code(&a.finding.rule))
    } else {
        format!("({})", a.kind())
    };
    let item = format!("{} {}", m.cell(&a.finding.title), m.aside(&kind));
    let owner = a.owner.map_or_else(
        || {
            if team {
                m.aside(&m.cell(&a.finding.owner_role))
            } else {
                format!(
                    "unassigned {}",
                    m.aside(&format!("({})", m.cell(&a.finding.owner_role)))
                )
            }
        },
        |o| m.cell(o.split(" (").next().unwrap_or(o)),
    );
    let mut due = a
        .finding
        .due
        .map_or_else(|| "not set".to_owned(), |d| d.to_string());
    let flags: Vec<String> = a
        .flags
        .iter()
        .map(|f| {
            if f.late() {
                m.strong(&f.text())
            } else {
                f.text()
            }
        })
        .collect();
    if !flags.is_empty() {
        due.push_str(&format!(": {}", flags.join("; ")));
    }
    vec![item, owner, due]
}

fn basis(m: &impl Markup, out: &mut String, r: &Report) {
    m.section(out, "basis", "What the verdict rests on");
    let items: Vec<String> = sections::basis_lines(r)
        .into_iter()
        .map(|(label, text, warn)| {
            let text = m.text(&text);
            labelled(m, label, &if warn { m.strong(&text) } else { text })
        })
        .collect();
    m.list(out, Some("basis"), &items);
    m.section_end(out);
}

/// The terms page 1 uses, spelled out in one line; the glossary at the end has them all.
fn words(m: &impl Markup, out: &mut String, r: &Report, all: &[Action]) {
    let mut text: Vec<String> = crate::report::leadership::decision::summary(r)
        .iter()
        .map(|l| format!("{} {}", l.label, l.text))
        .collect();
    text.extend(
        actions::page_one(all)
            .iter()
            .map(|a| a.finding.title.clone()),
    );
    for (_, group) in brief::decisions(all) {
        text.extend(group.iter().map(|f| f.title.clone()));
    }
    let terms = crate::report::leadership::glossary::mentioned(&text.join("\n"));
    if terms.is_empty() {
        return;
    }
    let items: Vec<String> = terms.iter().map(|t| defined(m, t)).collect();
    m.paragraph(out, Some("words"), &items.join(" "));
}

/// "**Cutover:** the switch from the old system to the new one", on page 1 and in the glossary.
pub fn defined(m: &impl Markup, t: &crate::report::leadership::glossary::Term) -> String {
    format!(
        "{} {}",
        m.strong(&format!("{}:", m.text(&t.term))),
        m.text(&t.means)
    )
}

/// "**Label:** text".
pub fn labelled(m: &impl Markup, label: &str, text: &str) -> String {
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
