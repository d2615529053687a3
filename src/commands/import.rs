//! `migready import`: tenant-assessment results (ScubaGear, Maester) as evidence in an answers file.

use crate::atomic::{self, Backup};
use crate::cli::{ImportArgs, TenantMismatch};
use crate::commands::{Env, Exit, Failure};
use crate::diag::Diagnostics;
use crate::evidence::{self, apply, mapping, summary, tenant};
use crate::interactive::writer;
use crate::load::{self, source};

pub fn run(env: &Env, args: &ImportArgs) -> Result<Exit, Failure> {
    let (config, catalog) = env.load()?;
    let limits = config.limits;
    let text = source::read(&args.answers, limits.max_file_bytes)?;
    let mut answers = load::answers::load(&text, &catalog, limits)?;
    let (mapping, problems) = mapping::builtin(&catalog);
    for d in problems.into_sorted() {
        // Only when an organisation's checklist replaces a built-in one; the rest still imports.
        env.note(&format!("migready: evidence mapping entry left out: {d}"));
    }
    let files = read_results(&args.files, limits)?;
    let mismatch_ok = args.tenant_mismatch == Some(TenantMismatch::Ok);
    let selected = tenant::select(files, answers.meta.tenant_id.as_deref(), mismatch_ok)
        .map_err(Failure::Usage)?;
    for note in &selected.notes {
        env.note(&format!("migready: {note}"));
    }
    let mut import = apply::apply(&mut answers, &catalog, &mapping, &selected.runs);
    if answers.meta.tenant_id.is_none() && selected.tenant.is_some() {
        answers.meta.tenant_id = selected.tenant.clone();
        import.changed = true;
    }
    let mut report = summary::render(&selected.runs, &import, &catalog, &mapping, env.style.width);
    let covered = evidence::coverage::coverage(&catalog, &answers, &mapping);
    report.push_str(&summary::coverage_line(&covered));
    if !env.global.quiet {
        env.emit(&report)?;
    }
    write(env, args, (&answers, &catalog), import.changed, limits)
}

/// Every results file, or every problem with them: nothing is imported from a set with a bad file.
fn read_results(
    paths: &[std::path::PathBuf],
    limits: crate::model::Limits,
) -> Result<Vec<(String, Vec<evidence::Run>)>, Failure> {
    let mut files = Vec::new();
    let mut diags = Diagnostics::default();
    for path in paths {
        match source::read(path, limits.max_file_bytes)
            .and_then(|s| evidence::read(&s, limits.max_yaml_depth))
        {
            Ok(runs) => files.push((path.display().to_string(), runs)),
            Err(d) => diags.push(d),
        }
    }
    if diags.is_empty() {
        Ok(files)
    } else {
        Err(diags.into())
    }
}

fn write(
    env: &Env,
    args: &ImportArgs,
    (answers, catalog): (&crate::model::Answers, &crate::model::Catalog),
    changed: bool,
    limits: crate::model::Limits,
) -> Result<Exit, Failure> {
    let file = args.answers.display().to_string();
    if !changed || args.dry_run {
        let why = if args.dry_run {
            "--dry-run"
        } else {
            "nothing changed"
        };
        env.note(&format!("{file} not written ({why})"));
        return Ok(Exit::Success);
    }
    let yaml = writer::to_yaml(answers, catalog);
    // The file is read back before it replaces the old one: an import never leaves a file `check` refuses.
    load::answers::load(
        &source::Source::from_text(&file, yaml.clone()),
        catalog,
        limits,
    )?;
    atomic::write(&args.answers, yaml.as_bytes(), Backup::Keep)
        .map_err(|e| Failure::Usage(format!("cannot write {file}: {e}")))?;
    env.note(&format!(
        "Wrote {file} (the previous version is {file}.bak)"
    ));
    Ok(Exit::Success)
}
