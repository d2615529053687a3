//! The JSON Schemas: the committed copies under `schema/` match what `migready schema` prints, the
//! schemas accept exactly the fields the loaders accept, and the real files validate against them.
//!
//! After an intended change, `MIGREADY_BLESS=1 cargo test --test schema` rewrites `schema/*.json`.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::Path;

use migready::diag::{Diagnostics, Sink};
use migready::load::source::Source;
use migready::load::yaml;
use migready::model::Catalog;
use migready::model::Limits;
use migready::schema::Kind as SchemaKind;
use serde_json::Value;

const KINDS: [SchemaKind; 3] = [
    SchemaKind::Answers,
    SchemaKind::Config,
    SchemaKind::Checklist,
];

fn catalog() -> Catalog {
    migready::load::catalog::load(&migready::load::builtin::sources(), Limits::default()).unwrap()
}

fn schema(kind: SchemaKind) -> Value {
    migready::schema::generate(kind, &catalog())
}

#[test]
fn committed_schemas_match_the_generated_ones() {
    let catalog = catalog();
    let bless = std::env::var_os("MIGREADY_BLESS").is_some();
    for kind in KINDS {
        let path = Path::new("schema").join(migready::schema::file_name(kind));
        let fresh = migready::schema::render(kind, &catalog);
        if bless {
            std::fs::write(&path, &fresh).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "{} is out of date: run `MIGREADY_BLESS=1 cargo test --test schema` and review the diff",
            path.display()
        );
    }
}

#[test]
fn schemas_are_draft_2020_12() {
    for kind in KINDS {
        let s = schema(kind);
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert!(jsonschema::meta::is_valid(&s), "{kind:?}");
    }
}

/// The field names a loader accepts at one place, read from its unknown-field message.
fn accepted(diags: Diagnostics) -> BTreeSet<String> {
    let all = diags.into_sorted();
    let message = all
        .iter()
        .map(|d| d.message.as_str())
        .find(|m| m.starts_with("unknown field `zz_probe`"))
        .unwrap_or_else(|| panic!("the loader did not refuse `zz_probe`: {all:#?}"));
    let list = message.split("expected one of ").nth(1).unwrap();
    list.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The property names of a schema object, by its `$defs` name or the root.
fn properties(schema: &Value, def: Option<&str>) -> BTreeSet<String> {
    let object = match def {
        Some(name) => &schema["$defs"][name],
        None => schema,
    };
    object["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("no properties for {def:?}"))
        .keys()
        .cloned()
        .collect()
}

fn answers_fields(text: &str) -> BTreeSet<String> {
    let source = Source::from_text("probe.yaml", text);
    let err = migready::load::answers::load(&source, &catalog(), Limits::default()).unwrap_err();
    accepted(err)
}

fn checklist_fields(text: &str) -> BTreeSet<String> {
    let mut diags = Diagnostics::default();
    let mut sink = Sink::new("probe.yaml", &mut diags);
    let root = yaml::parse(text, Limits::default(), &mut sink).unwrap();
    migready::load::checklist::checklist(&root, &mut sink);
    accepted(diags)
}

const META: &str = "meta: {organisation: O, project: P, go_live: 2027-01-01}\n";

#[test]
fn the_answers_schema_has_exactly_the_fields_the_loader_accepts() {
    let s = schema(SchemaKind::Answers);
    let cases = [
        (format!("{META}zz_probe: 1\n"), None),
        (
            "meta: {organisation: O, project: P, go_live: 2027-01-01, zz_probe: 1}\n".to_owned(),
            Some("Meta"),
        ),
        (
            format!("{META}answers:\n  identity.ca_state: {{value: enforced, zz_probe: 1}}\n"),
            Some("LongAnswer"),
        ),
        (
            format!(
                "{META}waivers:\n  - {{rule: IDN-004, reason: R, approved_by: A, expires: 2027-01-01, zz_probe: 1}}\n"
            ),
            Some("Waiver"),
        ),
    ];
    for (text, def) in cases {
        assert_eq!(answers_fields(&text), properties(&s, def), "{def:?}");
    }
}

#[test]
fn the_checklist_schema_has_exactly_the_fields_the_loader_accepts() {
    let s = schema(SchemaKind::Checklist);
    let question = "questions:\n  - {id: q, prompt: P, weight: 0,";
    let cases = [
        ("id: x\ntitle: X\nzz_probe: 1\n".to_owned(), None),
        (format!("id: x\ntitle: X\n{question} type: yes_no, zz_probe: 1}}\n"), Some("Question")),
        (
            format!(
                "id: x\ntitle: X\n{question} type: choice, options: [{{value: a, score: 1, zz_probe: 1}}]}}\n"
            ),
            Some("ChoiceOption"),
        ),
        (
            format!("id: x\ntitle: X\n{question} type: number, bands: [{{score: 1, zz_probe: 1}}]}}\n"),
            Some("Band"),
        ),
        (
            "id: x\ntitle: X\nrules:\n  - {id: X-001, when: 'true', severity: low, priorities: [p], title: T, risk: R, remediation: M, owner: O, zz_probe: 1}\n"
                .to_owned(),
            Some("Rule"),
        ),
    ];
    for (text, def) in cases {
        assert_eq!(checklist_fields(&text), properties(&s, def), "{def:?}");
    }
}

fn validator(kind: SchemaKind) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema(kind))
        .unwrap()
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

fn yaml_file(path: &Path) -> Value {
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_examples_and_the_starter_answers_file_validate() {
    let v = validator(SchemaKind::Answers);
    for name in ["summit-accounting", "harbor-logistics", "lakeside-dental"] {
        let path = Path::new("examples").join(name).join("answers.yaml");
        let errors = errors(&v, &yaml_file(&path));
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
    let today = "2026-11-25".parse().unwrap();
    let starter = migready::commands::init::starter_answers(today);
    assert!(starter.starts_with(migready::schema::ANSWERS_SCHEMA_COMMENT));
    let starter: Value = serde_saphyr::from_str(&starter).unwrap();
    assert_eq!(errors(&v, &starter), Vec::<String>::new());
}

#[test]
fn the_answers_schema_catches_what_the_loader_refuses() {
    let v = validator(SchemaKind::Answers);
    let bad = [
        "identity.mfa_coverage: all_user",
        "identity.mfa_coverage: {value: all_users, ownr: Sam}",
        "identity.global_admins: lots",
        "identity.person_with_no_such_question: 1",
        "Identity.Bad-Key: yes",
    ];
    for answer in bad {
        let text = format!("{META}answers:\n  {answer}\n");
        let doc: Value = serde_saphyr::from_str(&text).unwrap();
        let known_id = !answer.contains("no_such_question");
        assert_eq!(
            errors(&v, &doc).is_empty(),
            !known_id,
            "{answer}: unknown ids stay allowed for custom checklists; all else is refused"
        );
    }
    let good = "identity.mfa_coverage: {value: all_users, owner: Sam, due: 2027-01-01}";
    let doc: Value = serde_saphyr::from_str(&format!("{META}answers:\n  {good}\n")).unwrap();
    assert_eq!(errors(&v, &doc), Vec::<String>::new());
}

#[test]
fn the_built_in_checklists_validate() {
    let v = validator(SchemaKind::Checklist);
    for entry in std::fs::read_dir("checklists").unwrap() {
        let path = entry.unwrap().path();
        // `checklists/evidence/` holds the evidence mapping; the priorities and the deadlines are not checklists.
        let other = path
            .file_name()
            .is_some_and(|n| n == "priorities.yaml" || n == "deadlines.yaml");
        if !path.is_file() || other {
            continue;
        }
        let errors = errors(&v, &yaml_file(&path));
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

#[test]
fn the_init_config_template_validates_and_holds_the_defaults() {
    let template = migready::commands::init::CONFIG_TEMPLATE;
    let doc: Value = toml::from_str(template).unwrap();
    assert_eq!(
        errors(&validator(SchemaKind::Config), &doc),
        Vec::<String>::new()
    );
    let source = Source::from_text("migready.toml", template);
    let config = migready::load::config::parse(&source, Path::new("migready.toml")).unwrap();
    let defaults = migready::model::Config::default();
    assert_eq!(config.thresholds, defaults.thresholds);
    assert_eq!(config.gate, defaults.gate);
    assert_eq!(config.portfolio, defaults.portfolio);
    assert_eq!(config.report, defaults.report);
    assert_eq!(config.evidence_max_age_days, defaults.evidence_max_age_days);
    assert!(config.checklists.is_empty());
}

/// `migready init` writes every setting there is, so a new one cannot be left out of it: as a line
/// (`name = …`, commented out where it has no default) or as a table (`[name]`).
#[test]
fn the_init_config_template_names_every_setting() {
    let template = migready::commands::init::CONFIG_TEMPLATE;
    let schema = schema(SchemaKind::Config);
    let mut names = properties(&schema, None);
    for (name, def) in schema["$defs"].as_object().unwrap() {
        if def.get("properties").is_some() {
            names.extend(properties(&schema, Some(name)));
        }
    }
    let named = |name: &str| {
        template.lines().any(|line| {
            let line = line.trim_start_matches(['#', ' ']);
            line.starts_with(&format!("{name} ="))
                || line.starts_with(&format!("[{name}]"))
                || line.ends_with(&format!(".{name}]"))
        })
    };
    let missing: Vec<&String> = names.iter().filter(|n| !named(n)).collect();
    assert!(missing.is_empty(), "not in the init template: {missing:?}");
}
