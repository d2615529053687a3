//! What each section of the leadership report holds, decided once for markdown and HTML alike:
//! which findings are risks, how open questions and waivers are grouped, and the plain words for
//! dates and changes. The strings returned here carry no text from answers, so need no escaping.

use crate::engine::WaiverState;
use crate::model::Severity;
use crate::report::baseline::{FindingChange, Since};
use crate::report::model::{FindingLine, OpenQuestion, Report, WaiverLine};
use crate::report::phrases::signed;

/// Findings shown under "Risks": everything but the unwaived blockers, which have their own section.
pub fn risks(r: &Report) -> Vec<&FindingLine> {
    r.findings
        .iter()
        .filter(|f| !f.blocker || f.waived)
        .collect()
}

/// Risks grouped by severity, most severe first, leaving out empty groups.
pub fn by_severity<'r>(risks: &[&'r FindingLine]) -> Vec<(Severity, Vec<&'r FindingLine>)> {
    Severity::ALL
        .into_iter()
        .map(|s| {
            (
                s,
                risks
                    .iter()
                    .copied()
                    .filter(|f| f.severity == s)
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, group)| !group.is_empty())
        .collect()
}

/// Open questions by area in checklist order, and within an area by who follows them up
/// (named people first, then nobody), keeping checklist order for each person.
pub fn by_area(questions: &[OpenQuestion]) -> Vec<(&str, Vec<&OpenQuestion>)> {
    let mut areas: Vec<(&str, Vec<&OpenQuestion>)> = Vec::new();
    for q in questions {
        match areas.iter_mut().find(|(a, _)| *a == q.area) {
            Some((_, list)) => list.push(q),
            None => areas.push((&q.area, vec![q])),
        }
    }
    for (_, list) in &mut areas {
        list.sort_by(|a, b| (a.owner.is_none(), &a.owner).cmp(&(b.owner.is_none(), &b.owner)));
    }
    areas
}

/// Waivers in the order a reader acts on them: running out soon, no longer counting, in force,
/// unused. Empty groups are left out.
pub fn waiver_groups(r: &Report) -> Vec<(&'static str, Vec<&WaiverLine>)> {
    let pick = |keep: &dyn Fn(&WaiverLine) -> bool| r.waivers.iter().filter(|w| keep(w)).collect();
    let groups: [(&'static str, Vec<&WaiverLine>); 4] = [
        ("Expiring within 14 days", pick(&|w| w.expiring())),
        (
            "Expired: they count for nothing",
            pick(&|w| w.state == WaiverState::Expired),
        ),
        (
            "In force",
            pick(&|w| w.state == WaiverState::Active && !w.expiring()),
        ),
        (
            "Stale: the risk they accept is no longer found",
            pick(&|w| w.state == WaiverState::Stale && !w.expiring()),
        ),
    ];
    groups.into_iter().filter(|(_, g)| !g.is_empty()).collect()
}

/// "until 2028-06-30 (217 days left)", "expired on 2026-09-30", with a warning when go-live is later.
pub fn waiver_when(r: &Report, w: &WaiverLine) -> String {
    if w.state == WaiverState::Expired {
        return format!("expired on {} ({} days ago)", w.expires, -w.days_left);
    }
    let left = match w.days_left {
        0 => "last day".to_owned(),
        1 => "1 day left".to_owned(),
        d => format!("{d} days left"),
    };
    let mut s = format!("until {} ({left})", w.expires);
    if let Some(go_live) = r.go_live.filter(|g| w.expires < *g) {
        s.push_str(&format!(", which is before go-live on {go_live}"));
    }
    s
}

/// A finding's standing, for the appendix.
pub fn status(f: &FindingLine) -> &'static str {
    match (f.blocker, f.waived) {
        (true, true) => "blocker, waived",
        (true, false) => "blocker",
        (false, true) => "waived",
        (false, false) => "open",
    }
}

/// "blocker", or the severity, and whether a waiver accepts it: "high, accepted by a waiver".
pub fn change_kind(f: &FindingChange) -> String {
    let kind = if f.blocker {
        "blocker"
    } else {
        f.severity.as_str()
    };
    if f.waived {
        format!("{kind}, accepted by a waiver")
    } else {
        kind.to_owned()
    }
}

/// The headline of "since the last assessment": label and text for verdict, score, completeness
/// and findings. `strong` sets off the new verdict when it changed.
pub fn since_lines(s: &Since, strong: &dyn Fn(&str) -> String) -> [(&'static str, String); 4] {
    let verdict = if s.verdict.changed() {
        format!(
            "{} → {}",
            s.verdict.before.label(),
            strong(s.verdict.after.label())
        )
    } else {
        format!("unchanged, {}", s.verdict.after.label())
    };
    [
        ("Verdict", verdict),
        (
            "Readiness",
            format!(
                "{:.1} → {:.1} ({})",
                s.score.before,
                s.score.after,
                signed(s.score.delta())
            ),
        ),
        (
            "Answered",
            format!(
                "{:.1}% → {:.1}% ({})",
                s.completeness.before,
                s.completeness.after,
                signed(s.completeness.delta())
            ),
        ),
        (
            "Findings",
            format!(
                "{} resolved, {} new, {} still open",
                s.resolved.len(),
                s.new.len(),
                s.still_open.len()
            ),
        ),
    ]
}

/// The three lists of a comparison, with their headings.
pub fn since_lists(s: &Since) -> [(&'static str, &[FindingChange]); 3] {
    [
        ("Resolved", &s.resolved),
        ("New", &s.new),
        ("Still open", &s.still_open),
    ]
}

/// "What the verdict rests on": label, text and whether the text is a warning.
pub fn basis_lines(r: &Report) -> Vec<(&'static str, String, bool)> {
    let b = &r.basis;
    let mut lines = Vec::new();
    let who = match (&b.assessor, &b.assessor_role) {
        (Some(name), Some(role)) => format!("{name} ({role})"),
        (Some(name), None) => name.clone(),
        _ => "nobody named in the answers".to_owned(),
    };
    let (when, stale) = match (b.assessed_on, b.age_days) {
        (Some(on), Some(age)) if b.out_of_date() => (
            format!(
                " on {on}, {} ago: older than {} days, so the answers may no longer hold",
                days(age),
                b.max_age_days
            ),
            true,
        ),
        (Some(on), Some(age)) => (format!(" on {on}, {} ago", days(age)), false),
        _ => (", on a date the answers do not give".to_owned(), false),
    };
    lines.push(("Assessed by", format!("{who}{when}"), stale));
    if let Some(line) = independence(r) {
        lines.push(("Independence", line, true));
    }
    let evidence = if b.with_tenant_evidence == 0 {
        format!(
            "all {} answers are self-reported; none is backed by evidence read from the tenant",
            b.answers
        )
    } else {
        format!(
            "{} of {} answers are self-reported; {} are backed by evidence read from the tenant",
            b.self_reported(),
            b.answers,
            b.with_tenant_evidence
        )
    };
    lines.push(("Evidence", evidence, false));
    let c = &b.catalogue;
    let custom = match c.custom_checklists {
        0 => "built-in checklists".to_owned(),
        n => format!(
            "{n} of {} checklists from the organisation's own folder",
            c.checklists
        ),
    };
    lines.push((
        "Judged by",
        format!(
            "migready {}, {custom} ({} rules, fingerprint {}), as of {}",
            b.tool_version, c.rules, c.fingerprint, r.today
        ),
        false,
    ));
    lines
}

/// An assessor from another company whose name comes up in a decision only leadership can take
/// (an unsigned quote, a contract that ends at go-live) has a stake in the answers: the reader
/// should know before deciding. The company is what follows the last comma of `assessed_by`.
pub fn independence(r: &Report) -> Option<String> {
    let role = r.basis.assessor_role.as_deref()?;
    let (_, company) = role.rsplit_once(',')?;
    let company = company.trim();
    let own = r.organisation.to_lowercase();
    if company.is_empty() || own.contains(&company.to_lowercase()) {
        return None;
    }
    // "BrightPath IT" is written "BrightPath" in notes: its first word names it.
    let name = company.split_whitespace().next()?;
    if name.chars().count() < 3 {
        return None;
    }
    let named = r
        .findings
        .iter()
        .filter(|f| !f.waived && f.leadership.is_some())
        .flat_map(|f| f.answers.iter().filter_map(|a| a.note.as_deref()))
        .any(|note| {
            note.split(|c: char| !c.is_alphanumeric())
                .any(|w| w == name)
        });
    named.then(|| {
        format!(
            "the assessor works for {company}, which the decisions for leadership concern; \
             someone at {} should confirm the answers before the decision is taken",
            r.organisation
        )
    })
}

fn days(n: i64) -> String {
    crate::report::leadership::actions::days(n)
}

/// The stage, and what held the score down, in words without ids: "judged at kickoff (…) ·
/// score held at 70.0 by “Not every computer is covered by endpoint detection”".
pub fn judged(r: &Report) -> String {
    let mut s = format!("judged at {}", r.stage.label());
    if let Some(cap) = &r.score_cap {
        let by = cap.rule.as_deref().map_or_else(
            || "too few questions answered".to_owned(),
            |id| {
                let title = r
                    .findings
                    .iter()
                    .find(|f| f.rule == id)
                    .map_or(id, |f| &f.title);
                format!("by “{title}”")
            },
        );
        s.push_str(&format!(" · score held at {:.1} {by}", cap.max));
    }
    if !r.not_evaluable.is_empty() {
        s.push_str(&format!(
            " · {} more rules are judged once a go-live date is set",
            r.not_evaluable.len()
        ));
    }
    s
}
