//! Tenant evidence: the two tools' files as the importer reads them, the mapping against the
//! built-in catalogue, and the answers file it writes read back by `check`, `lint` and `assess`.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use migready::diag::Code;
use migready::evidence::{self, Run, Status, mapping};
use migready::load::{self, source};
use migready::model::Limits;
use migready::model::{AnswerValue, Catalog, Outcome, Tool};

fn catalog() -> Catalog {
    load::catalog::load(&load::builtin::sources(), Limits::default()).unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/evidence")
        .join(name)
}

fn read(name: &str) -> Result<Vec<Run>, migready::diag::Diagnostic> {
    let s = source::read(&fixture(name), Limits::default().max_file_bytes).unwrap();
    evidence::read(&s, Limits::default().max_yaml_depth)
}

fn status<'a>(run: &'a Run, id: &str) -> &'a Status {
    &run.results
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("{id} missing"))
        .status
}

#[test]
fn scubagear_with_a_byte_order_mark_and_a_collapsed_list_is_read_whole() {
    let runs = read("scubagear.json").unwrap();
    let [run] = runs.as_slice() else {
        panic!("one run expected")
    };
    assert_eq!((run.tool, run.version.as_str()), (Tool::ScubaGear, "1.8.0"));
    assert_eq!(
        run.tenant.as_deref(),
        Some("3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e6f")
    );
    assert_eq!(run.run, "2026-11-20T09:30:00.000Z");
    assert_eq!(
        run.results.len(),
        8,
        "the EXO group written as one object counts too"
    );
    assert_eq!(status(run, "MS.AAD.3.2v2"), &Status::Decided(Outcome::Pass));
    assert_eq!(status(run, "MS.AAD.1.1v1"), &Status::Decided(Outcome::Fail));
    assert_eq!(
        status(run, "MS.EXO.3.1v1"),
        &Status::Decided(Outcome::Fail),
        "a Warning is a missed SHOULD"
    );
    for id in [
        "MS.AAD.2.1v1",
        "MS.AAD.2.2v1",
        "MS.AAD.2.3v1",
        "MS.EXO.1.1v2",
    ] {
        assert!(
            matches!(status(run, id), Status::Nothing(_)),
            "{id} is evidence of nothing"
        );
    }
}

#[test]
fn a_sentinel_tenant_id_is_no_tenant() {
    let runs = read("scubagear-no-tenant.json").unwrap();
    assert_eq!(runs[0].tenant, None);
    assert_eq!(runs[0].tenant_label, "Error retrieving Tenant ID");
    let runs = read("maester-no-tenant.json").unwrap();
    assert_eq!(runs[0].tenant, None);
}

#[test]
fn maester_single_and_merged_files_are_read_per_tenant() {
    let runs = read("maester.json").unwrap();
    let [run] = runs.as_slice() else {
        panic!("one run expected")
    };
    assert_eq!((run.tool, run.version.as_str()), (Tool::Maester, "2.2.0"));
    assert_eq!(status(run, "MT.1007"), &Status::Decided(Outcome::Fail));
    assert_eq!(status(run, "MS.AAD.3.6"), &Status::Decided(Outcome::Pass));
    for id in [
        "MT.1021",
        "CISA.MS.EXO.1.1",
        "MT.1005",
        "MT.1034.0",
        "MT.1054",
    ] {
        assert!(
            matches!(status(run, id), Status::Nothing(_)),
            "{id} is evidence of nothing"
        );
    }
    let merged = read("maester-merged.json").unwrap();
    let tenants: Vec<_> = merged.iter().map(|r| r.tenant.clone().unwrap()).collect();
    assert_eq!(
        tenants,
        [
            "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            "3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e6f"
        ]
    );
}

#[test]
fn bad_files_are_one_located_error() {
    let e = read("truncated.json").unwrap_err();
    assert_eq!((e.code, e.pos.line > 1), (Code::JsonSyntax, true), "{e}");
    let e = read("not-results.json").unwrap_err();
    assert_eq!(e.code, Code::JsonSyntax);
    assert!(e.message.contains("neither a ScubaGear"), "{e}");
}

#[test]
fn the_mapping_names_only_questions_and_answers_the_catalogue_has() {
    let catalog = catalog();
    let (map, diags) = mapping::builtin(&catalog);
    let problems: Vec<String> = diags
        .into_sorted()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(
        map.questions.len() >= 15,
        "{} questions mapped",
        map.questions.len()
    );
    for q in &map.questions {
        let id = &catalog.questions[q.question].id;
        assert!(
            !q.checks.is_empty() && q.checks.iter().all(|c| !c.ids.is_empty()),
            "{id}"
        );
        let decides = q
            .checks
            .iter()
            .any(|c| c.pass.is_some() || c.fail.is_some());
        assert!(
            decides,
            "{id}: a mapped question must be narrowed by some outcome"
        );
    }
}

#[test]
fn a_mapping_that_misnames_a_question_or_an_answer_is_refused_at_its_line() {
    let text = "questions:\n  identity.mfa_coverag:\n    checks: []\n  identity.legacy_auth:\n    checks:\n      - maester: [MT.1009]\n        pass: [blockd]\n";
    let (_, diags) = mapping::load("map.yaml", text, &catalog());
    let lines: Vec<String> = diags
        .into_sorted()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(
        lines[0].starts_with("map.yaml:2:3: error[unknown-question]"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("map.yaml:7:16: error[unknown-option]"),
        "{}",
        lines[1]
    );
}

#[test]
fn imported_evidence_survives_the_interviews_writer_and_the_loader() {
    let catalog = catalog();
    let answers_file = fixture("answers.yaml");
    let text = source::read(&answers_file, 1 << 20).unwrap();
    let mut answers = load::answers::load(&text, &catalog, Limits::default()).unwrap();
    let runs = [
        read("scubagear.json").unwrap(),
        read("maester.json").unwrap(),
    ]
    .concat();
    let (map, _) = mapping::builtin(&catalog);
    let import = evidence::apply::apply(&mut answers, &catalog, &map, &runs);
    assert!(import.changed && !import.filled.is_empty());
    let yaml = migready::interactive::writer::to_yaml(&answers, &catalog);
    let again = load::answers::load(
        &source::Source::from_text("again.yaml", yaml.clone()),
        &catalog,
        Limits::default(),
    )
    .unwrap();
    for (a, b) in answers.by_question.iter().zip(&again.by_question) {
        let strip = |e: &Option<migready::model::AnswerEntry>| {
            e.as_ref()
                .map(|e| (e.value.clone(), e.tenant_evidence.clone(), e.owner.clone()))
        };
        assert_eq!(strip(a), strip(b));
    }
    assert_eq!(
        migready::interactive::writer::to_yaml(&again, &catalog),
        yaml,
        "a second write is byte for byte the same"
    );
    let mfa = catalog.question("identity.mfa_coverage").unwrap();
    let kept = again.get(mfa).unwrap();
    assert_eq!(
        kept.value,
        AnswerValue::Choice("all_users".into()),
        "the team's answer stays"
    );
    assert_eq!(kept.owner.as_deref(), Some("Priya Nair"));
    assert_eq!(kept.tenant_evidence.len(), 2);
}

/// Runs `migready import FILE --answers <copy of the fixture answers>` in a scratch folder and
/// returns the output and the folder.
fn import_into_scratch(name: &str, results: &Path) -> (std::process::Output, PathBuf) {
    let dir = std::env::temp_dir().join(format!("migready-evidence-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("answers.yaml"), dir.join("answers.yaml")).unwrap();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("migready"))
        .arg("import")
        .arg(results)
        .arg("--answers")
        .arg(dir.join("answers.yaml"))
        .output()
        .unwrap();
    (output, dir)
}

fn assert_untouched(dir: &Path) {
    let original = std::fs::read_to_string(fixture("answers.yaml")).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.join("answers.yaml")).unwrap(),
        original
    );
    let names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["answers.yaml"], "no backup, no temporary file");
}

#[test]
fn a_50_mb_results_file_is_refused_before_it_is_read_and_nothing_is_written() {
    let big_dir = std::env::temp_dir().join(format!(
        "migready-evidence-large-input-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&big_dir).unwrap();
    let big = big_dir.join("ScubaResults_big.json");
    // A sparse file: its size is what is checked, before a byte is read.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let (output, dir) = import_into_scratch("big", &big);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("ScubaResults_big.json:1:1: error[file-too-large]"),
        "{stderr}"
    );
    assert_untouched(&dir);
    let _ = std::fs::remove_dir_all(&big_dir);
}

#[test]
fn a_truncated_results_file_writes_nothing() {
    let (output, dir) = import_into_scratch("truncated", &fixture("truncated.json"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("error[json-syntax]: the JSON ends too early"),
        "{stderr}"
    );
    assert_untouched(&dir);
}

fn imported(answers_text: &str) -> (Catalog, migready::model::Answers, evidence::apply::Import) {
    let catalog = catalog();
    let source = source::Source::from_text("answers.yaml", answers_text);
    let mut answers = load::answers::load(&source, &catalog, Limits::default()).unwrap();
    let (map, _) = mapping::builtin(&catalog);
    let runs = read("scubagear.json").unwrap();
    let import = evidence::apply::apply(&mut answers, &catalog, &map, &runs);
    (catalog, answers, import)
}

const META: &str = "meta:\n  organisation: A\n  project: B\n  go_live: 2027-01-01\n";

#[test]
fn an_unknown_answer_is_filled_in_and_keeps_its_owner() {
    let text = format!(
        "{META}answers:\n  identity.weak_methods:\n    value: unknown\n    owner: Sam Ortiz\n"
    );
    let (catalog, answers, import) = imported(&text);
    let q = catalog.question("identity.weak_methods").unwrap();
    let entry = answers.get(q).unwrap();
    assert_eq!(entry.value, AnswerValue::Yes);
    assert_eq!(entry.owner.as_deref(), Some("Sam Ortiz"));
    assert!(import.filled.iter().any(|(i, v, _)| *i == q && v == "yes"));
}

#[test]
fn importing_the_same_results_again_changes_nothing() {
    let catalog = catalog();
    let (map, _) = mapping::builtin(&catalog);
    let runs = read("scubagear.json").unwrap();
    let source = source::Source::from_text("answers.yaml", META);
    let mut answers = load::answers::load(&source, &catalog, Limits::default()).unwrap();
    assert!(evidence::apply::apply(&mut answers, &catalog, &map, &runs).changed);
    let once = answers.clone();
    let again = evidence::apply::apply(&mut answers, &catalog, &map, &runs);
    assert!(!again.changed);
    assert_eq!(answers, once);
}

#[test]
fn the_answers_schema_accepts_what_the_import_writes_and_refuses_a_bad_record() {
    let schema = migready::schema::generate(migready::schema::Kind::Answers, &catalog());
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in [
        root.join("tests/cmd/import-fills-and-records.out/answers.yaml"),
        fixture("answers-with-evidence.yaml"),
    ] {
        let value: serde_json::Value =
            serde_saphyr::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
    let bad = format!(
        "{META}answers:\n  identity.legacy_auth:\n    value: blocked\n    tenant_evidence:\n      - tool: Nessus\n        version: \"1\"\n        id: X\n        result: maybe\n        run: yesterday\n"
    );
    let value: serde_json::Value = serde_saphyr::from_str(&bad).unwrap();
    assert!(!validator.is_valid(&value));
}

#[test]
fn a_merged_file_gives_its_version_to_a_tenant_that_has_none() {
    let merged = read("maester-merged.json").unwrap();
    assert!(merged.iter().all(|r| r.version == "2.2.0"));
}

#[test]
fn json_nested_past_the_limit_is_refused_at_the_level_that_crosses_it() {
    let dir = std::env::temp_dir().join(format!("migready-evidence-deep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let deep = dir.join("deep.json");
    std::fs::write(
        &deep,
        format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
    )
    .unwrap();
    let s = source::read(&deep, Limits::default().max_file_bytes).unwrap();
    let e = evidence::read(&s, Limits::default().max_yaml_depth).unwrap_err();
    assert_eq!(
        (e.code, e.pos.line, e.pos.column),
        (Code::LimitExceeded, 1, 65),
        "{e}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
