//! "What the verdict rests on": who assessed and when, how many answers are only the team's word,
//! and which tool and catalogue judged them. A reader weighs a verdict by these before acting on it.

use crate::date::Date;
use crate::model::{Answers, Catalog};
use crate::report::coverage::Coverage;

/// The version of this tool, printed beside every verdict it gives.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Debug, Clone, PartialEq)]
pub struct Basis {
    /// The person, as the answers file names them before the first comma.
    pub assessor: Option<String>,
    /// What follows the name: role and organisation ("project engineer, BrightPath IT").
    pub assessor_role: Option<String>,
    pub assessed_on: Option<Date>,
    /// Days from the assessment to the report date.
    pub age_days: Option<i64>,
    /// Older than this, the report warns that the answers may no longer hold.
    pub max_age_days: u32,
    /// Questions answered (not `unknown`, not `n/a`).
    pub answers: usize,
    /// Answers backed by results imported from the tenant; the rest are the team's own word.
    pub with_tenant_evidence: usize,
    pub tool_version: &'static str,
    pub catalogue: CatalogueVersion,
}

/// Which checklists judged the answers: the built-in ones of this version, or some from a folder.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueVersion {
    /// Checklists loaded from a folder rather than built in.
    pub custom_checklists: usize,
    pub checklists: usize,
    pub rules: usize,
    /// A short fingerprint of the questions, rules and dates: two reports with the same one were
    /// judged by the same catalogue.
    pub fingerprint: String,
}

impl Basis {
    pub fn of(catalog: &Catalog, answers: &Answers, today: Date, coverage: &Coverage) -> Basis {
        let meta = &answers.meta;
        let (assessor, assessor_role) = match meta.assessed_by.as_deref() {
            Some(by) => match by.split_once(',') {
                Some((name, role)) => (Some(name.trim().to_owned()), Some(role.trim().to_owned())),
                None => (Some(by.trim().to_owned()), None),
            },
            None => (None, None),
        };
        Basis {
            assessor,
            assessor_role,
            assessed_on: meta.assessed_on,
            age_days: meta.assessed_on.map(|d| d.days_until(today)),
            max_age_days: crate::model::config::ReportConfig::default().assessment_max_age_days,
            answers: coverage.total.answered,
            with_tenant_evidence: coverage.total.backed,
            tool_version: TOOL_VERSION,
            catalogue: catalogue_version(catalog),
        }
    }

    /// Answers that only the team vouches for.
    pub fn self_reported(&self) -> usize {
        self.answers.saturating_sub(self.with_tenant_evidence)
    }

    /// Older than the configured age: the answers may no longer describe the organisation.
    pub fn out_of_date(&self) -> bool {
        self.age_days
            .is_some_and(|d| d > i64::from(self.max_age_days))
    }
}

fn catalogue_version(catalog: &Catalog) -> CatalogueVersion {
    CatalogueVersion {
        custom_checklists: catalog
            .checklists
            .iter()
            .filter(|c| !c.source.starts_with("<built-in>"))
            .count(),
        checklists: catalog.checklists.len(),
        // The checklists' own rules, as `lint` and the README count them; the tenant-evidence
        // rules come from the mapping, one per question it covers.
        rules: catalog
            .rules
            .iter()
            .filter(|r| r.evidence_of.is_none())
            .count(),
        fingerprint: format!("{:08x}", catalog.fingerprint() >> 32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_follows_the_content_not_the_order() {
        use crate::load::{builtin, catalog};
        let c = catalog::load(&builtin::sources(), crate::model::Limits::default()).unwrap();
        let of = |c: &Catalog| catalogue_version(c).fingerprint;
        let mut rules = c.rules.clone();
        rules.reverse();
        let reordered = Catalog::new(
            c.priorities.clone(),
            c.checklists.clone(),
            c.questions.clone(),
            rules.clone(),
        )
        .with_deadlines(c.deadlines.clone());
        assert_eq!(of(&c), of(&reordered));
        rules[0].title.push('!');
        let changed = Catalog::new(
            c.priorities.clone(),
            c.checklists.clone(),
            c.questions.clone(),
            rules,
        )
        .with_deadlines(c.deadlines.clone());
        assert_ne!(of(&c), of(&changed));
    }
}
