//! Which runs belong to the assessment's tenant. Results of another tenant would answer for the
//! wrong organisation, so they are refused unless the user says the mismatch is expected.

use crate::evidence::Run;

/// The runs to import, the tenant the answers file is about afterwards, and notes for the user.
#[derive(Debug, Default)]
pub struct Selected {
    pub runs: Vec<Run>,
    pub tenant: Option<String>,
    pub notes: Vec<String>,
}

/// `files`: each results file's name and runs (a merged Maester file holds several tenants).
/// `expected`: `meta.tenant_id`. The error is the sentence that explains the refusal.
pub fn select(
    files: Vec<(String, Vec<Run>)>,
    expected: Option<&str>,
    mismatch_ok: bool,
) -> Result<Selected, String> {
    let tenant = match expected {
        Some(t) => Some(t.to_owned()),
        None => first_tenant(&files, mismatch_ok)?,
    };
    let mut selected = Selected {
        tenant: tenant.clone(),
        ..Selected::default()
    };
    for (file, runs) in files {
        let several = runs.len() > 1;
        let before = selected.runs.len();
        let first = runs.first().cloned();
        for run in runs {
            match (&tenant, &run.tenant) {
                (Some(want), Some(got)) if want == got => selected.runs.push(run),
                _ if mismatch_ok => {
                    selected.notes.push(format!(
                        "{file}: {} imported although {} (--tenant-mismatch ok)",
                        describe(&run),
                        other(&run, tenant.as_deref())
                    ));
                    selected.runs.push(run);
                }
                (Some(_), Some(_)) if several => {
                    selected.notes.push(format!(
                        "{file}: {} set aside: another tenant",
                        describe(&run)
                    ));
                }
                (None, None) => {
                    selected.notes.push(format!(
                        "{file}: {} names no tenant (`{}`); imported without a tenant check",
                        describe(&run),
                        run.tenant_label
                    ));
                    selected.runs.push(run);
                }
                _ => return Err(refusal(&file, &run, tenant.as_deref())),
            }
        }
        // A merged file none of whose tenants is the assessment's is refused like a single one.
        if let (true, Some(run)) = (selected.runs.len() == before, first) {
            return Err(refusal(&file, &run, tenant.as_deref()));
        }
    }
    Ok(selected)
}

/// The tenant the first file names; several distinct tenants with none chosen is refused.
fn first_tenant(files: &[(String, Vec<Run>)], mismatch_ok: bool) -> Result<Option<String>, String> {
    let mut tenants: Vec<&str> = files
        .iter()
        .flat_map(|(_, runs)| runs)
        .filter_map(|r| r.tenant.as_deref())
        .collect();
    let first = tenants.first().map(|t| (*t).to_owned());
    tenants.sort_unstable();
    tenants.dedup();
    if tenants.len() > 1 && !mismatch_ok {
        return Err(format!(
            "the results cover {} tenants ({}); set `meta.tenant_id` in the answers file to the one this assessment is about",
            tenants.len(),
            tenants.join(", ")
        ));
    }
    Ok(first)
}

fn describe(run: &Run) -> String {
    format!("{} {} run of {}", run.tool, run.version, run.run)
}

fn other(run: &Run, expected: Option<&str>) -> String {
    match (&run.tenant, expected) {
        (Some(t), Some(e)) => format!("its tenant {t} is not {e}"),
        (None, Some(e)) => format!("it names no tenant, so it cannot be matched to {e}"),
        _ => "its tenant cannot be checked".to_owned(),
    }
}

fn refusal(file: &str, run: &Run, expected: Option<&str>) -> String {
    let expected = expected.unwrap_or("none");
    let what = match &run.tenant {
        Some(t) => format!("holds results of tenant {t} ({})", run.tenant_label),
        None => format!(
            "names no tenant (`{}`), so it cannot be matched",
            run.tenant_label
        ),
    };
    format!(
        "{file} {what}, but the answers file is about tenant {expected}; nothing was imported \
         (use --tenant-mismatch ok to import it anyway)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tool;

    const A: &str = "11111111-1111-1111-1111-111111111111";
    const B: &str = "22222222-2222-2222-2222-222222222222";

    fn run(tenant: Option<&str>) -> Run {
        Run {
            tool: Tool::Maester,
            version: "2.2.0".into(),
            run: "2026-11-20T10:00:00Z".into(),
            tenant: tenant.map(str::to_owned),
            tenant_label: tenant
                .unwrap_or("TenantId (not connected to Graph)")
                .to_owned(),
            results: Vec::new(),
        }
    }

    fn files(runs: Vec<Run>) -> Vec<(String, Vec<Run>)> {
        vec![("r.json".to_owned(), runs)]
    }

    #[test]
    fn the_first_import_names_the_tenant() {
        let s = select(files(vec![run(Some(A))]), None, false).unwrap();
        assert_eq!(s.tenant.as_deref(), Some(A));
        assert_eq!(s.runs.len(), 1);
    }

    #[test]
    fn another_tenant_is_refused_unless_allowed() {
        let e = select(files(vec![run(Some(B))]), Some(A), false).unwrap_err();
        assert!(e.contains(B) && e.contains("--tenant-mismatch ok"), "{e}");
        let s = select(files(vec![run(Some(B))]), Some(A), true).unwrap();
        assert_eq!((s.runs.len(), s.tenant.as_deref()), (1, Some(A)));
    }

    #[test]
    fn a_file_without_a_tenant_cannot_prove_it_is_the_same_one() {
        assert!(select(files(vec![run(None)]), Some(A), false).is_err());
        let s = select(files(vec![run(None)]), None, false).unwrap();
        assert_eq!((s.runs.len(), s.tenant), (1, None));
    }

    #[test]
    fn a_merged_file_gives_the_assessments_tenant_only() {
        let s = select(files(vec![run(Some(B)), run(Some(A))]), Some(A), false).unwrap();
        assert_eq!(s.runs.len(), 1);
        assert_eq!(s.runs[0].tenant.as_deref(), Some(A));
        assert!(select(files(vec![run(Some(B)), run(Some(A))]), None, false).is_err());
    }
}
