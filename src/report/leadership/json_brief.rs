//! Page 1 of the report as data, for the JSON form: what the verdict means, the decisions for
//! leadership, every open action with its flags, and what the verdict rests on.

use serde::Serialize;

use crate::date::Date;
use crate::report::leadership::actions::{self, Action, FlagView};
use crate::report::leadership::brief::{self, Course};
use crate::report::leadership::sections;
use crate::report::model::Report;

#[derive(Serialize)]
pub struct Brief<'a> {
    /// `stop`, `keep-preparing`, `proceed-with-conditions` or `proceed`.
    course: &'static str,
    decisions: Vec<Decision<'a>>,
    /// Every open finding, most urgent first; `on_page_one` marks those page 1 lists.
    actions: Vec<ActionJson<'a>>,
    basis: Basis<'a>,
}

#[derive(Serialize)]
struct Decision<'a> {
    /// `money`, `contract` or `appoint`.
    need: &'static str,
    rules: Vec<&'a str>,
}

#[derive(Serialize)]
struct ActionJson<'a> {
    rule: &'a str,
    title: &'a str,
    /// A named person, or `null` while only the role is known.
    owner: Option<&'a str>,
    owner_role: &'a str,
    due: Option<Date>,
    /// `overdue`, `waiver-expired`, `date-passed`, `before-go-live`, with days where they apply.
    flags: Vec<FlagView>,
    on_page_one: bool,
}

#[derive(Serialize)]
struct Basis<'a> {
    assessor: Option<&'a str>,
    assessor_role: Option<&'a str>,
    assessed_on: Option<Date>,
    /// Set when the assessor's company is named in a decision for leadership.
    independence: Option<String>,
    age_days: Option<i64>,
    max_age_days: u32,
    out_of_date: bool,
    answers: usize,
    self_reported: usize,
    with_tenant_evidence: usize,
    tool_version: &'a str,
    custom_checklists: usize,
    catalogue_fingerprint: &'a str,
}

pub fn brief(r: &Report) -> Brief<'_> {
    let all = actions::all(r);
    let b = &r.basis;
    Brief {
        course: match Course::of(r) {
            Course::Stop => "stop",
            Course::KeepPreparing => "keep-preparing",
            Course::ProceedWithConditions => "proceed-with-conditions",
            Course::Proceed => "proceed",
        },
        decisions: brief::decisions(&all)
            .into_iter()
            .map(|(need, group)| Decision {
                need: need.as_str(),
                rules: group.iter().map(|f| f.rule.as_str()).collect(),
            })
            .collect(),
        actions: {
            let shown = actions::page_one(&all);
            all.iter()
                .map(|a| action(a, shown.iter().any(|s| std::ptr::eq(s.finding, a.finding))))
                .collect()
        },
        basis: Basis {
            assessor: b.assessor.as_deref(),
            assessor_role: b.assessor_role.as_deref(),
            assessed_on: b.assessed_on,
            independence: sections::independence(r),
            age_days: b.age_days,
            max_age_days: b.max_age_days,
            out_of_date: b.out_of_date(),
            answers: b.answers,
            self_reported: b.self_reported(),
            with_tenant_evidence: b.with_tenant_evidence,
            tool_version: b.tool_version,
            custom_checklists: b.catalogue.custom_checklists,
            catalogue_fingerprint: &b.catalogue.fingerprint,
        },
    }
}

fn action<'a>(a: &Action<'a>, on_page_one: bool) -> ActionJson<'a> {
    ActionJson {
        rule: &a.finding.rule,
        title: &a.finding.title,
        owner: a.owner,
        owner_role: &a.finding.owner_role,
        due: a.finding.due,
        flags: a.flags.iter().map(|f| f.view()).collect(),
        on_page_one,
    }
}
