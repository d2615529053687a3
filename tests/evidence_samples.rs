//! The two real results files in `../shared/evidence-samples/` (beside the repository, not in it),
//! imported as a user would, compared with the table in `tests/fixtures/evidence/real-samples-filled.txt`.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use migready::load::{self, source};
use migready::model::Limits;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn samples() -> PathBuf {
    let dir = root().join("../shared/evidence-samples");
    assert!(
        dir.is_dir(),
        "the real samples are expected in {}",
        dir.display()
    );
    dir
}

fn import(sample: &Path, answers: &Path, extra: &[&str]) -> Output {
    let output = Command::new(assert_cmd::cargo::cargo_bin("migready"))
        .arg("import")
        .arg(sample)
        .arg("--answers")
        .arg(answers)
        .args(extra)
        .env("NO_COLOR", "1")
        .output()
        .expect("run migready");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    output
}

/// The expected table: one section per sample, `[file]` then its lines.
fn expected() -> Vec<(String, Vec<String>)> {
    let text =
        fs::read_to_string(root().join("tests/fixtures/evidence/real-samples-filled.txt")).unwrap();
    let mut sections: Vec<(String, Vec<String>)> = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(name) => sections.push((name.to_owned(), Vec::new())),
            None => sections.last_mut().unwrap().1.push(line.to_owned()),
        }
    }
    sections
}

/// What the import did, in the table's words: the tenant, the answers filled in, and the
/// disagreements with the fully answered example.
fn observed(sample: &Path, dir: &Path) -> Vec<String> {
    let catalog = load::catalog::load(&load::builtin::sources(), Limits::default()).unwrap();
    let empty = dir.join("answers.yaml");
    fs::write(
        &empty,
        "meta:\n  organisation: Sample\n  project: Import\n  go_live: 2027-01-01\n",
    )
    .unwrap();
    import(sample, &empty, &[]);
    let text = source::read(&empty, 1 << 20).unwrap();
    let answers = load::answers::load(&text, &catalog, Limits::default()).unwrap();
    let mut lines = vec![format!(
        "tenant: {}",
        answers.meta.tenant_id.clone().unwrap_or_default()
    )];
    let mut narrowed = Vec::new();
    for entry in answers.by_question.iter().flatten() {
        assert!(
            !entry.tenant_evidence.is_empty(),
            "an answer the import wrote keeps its evidence"
        );
        let id = &catalog.questions[entry.question].id;
        if entry.value == migready::model::AnswerValue::Unknown {
            narrowed.push(id.as_str());
            continue;
        }
        let value = migready::interactive::writer::value_text(&entry.value);
        lines.push(format!("{id} = {value}"));
    }
    lines.push(format!("kept beside unknown: {}", narrowed.join(" ")));
    let example = root().join("examples/harbor-logistics/answers.yaml");
    let stdout = String::from_utf8(import(sample, &example, &["--dry-run"]).stdout).unwrap();
    let count = stdout
        .lines()
        .find_map(|l| l.strip_prefix("The tenant disagrees with "))
        .and_then(|l| l.split(' ').next())
        .unwrap_or("0");
    lines.push(format!("harbor-logistics disagreements: {count}"));
    lines
}

#[test]
fn the_real_samples_fill_in_what_the_table_says() {
    let dir = std::env::temp_dir().join(format!("migready-samples-{}", std::process::id()));
    for (name, want) in expected() {
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let got = observed(&samples().join(&name), &dir);
        assert_eq!(got, want, "{name}");
    }
    let _ = fs::remove_dir_all(&dir);
}
