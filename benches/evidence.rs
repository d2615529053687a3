//! What `migready import` costs in process on a results file of about 2 MB: read, check the JSON,
//! keep the results, and apply them to an answers file.
//!
//!   cargo bench --bench evidence
//!
//! The files are made here from the small fixtures, padded the way real ones are large: ScubaGear
//! with raw provider data under `Raw`, Maester with many tests carrying long markdown.

// A benchmark stops at the line that failed: unwrapping is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use migready::evidence::{self, apply, mapping};
use migready::load::source::Source;
use migready::load::{self, builtin};
use migready::model::Limits;
use serde_json::{Value, json};

const TARGET_BYTES: usize = 2 * 1024 * 1024;

fn fixture(name: &str) -> Value {
    let path = Path::new("tests/fixtures/evidence").join(name);
    let text = std::fs::read_to_string(path).expect("fixture");
    serde_json::from_str(text.trim_start_matches('\u{feff}')).expect("fixture JSON")
}

/// ScubaGear's file with `Raw` grown to the target: policy-like objects, nested as the provider writes them.
fn scubagear() -> String {
    let mut file = fixture("scubagear.json");
    let mut policies = Vec::new();
    let mut i = 0;
    while serde_json::to_string_pretty(&policies).map_or(0, |s| s.len()) < TARGET_BYTES {
        for _ in 0..200 {
            i += 1;
            policies.push(json!({
                "Id": format!("policy-{i}"), "DisplayName": format!("Require MFA for group {i}"),
                "State": "enabled", "Conditions": { "Users": { "IncludeUsers": ["All"], "ExcludeGroups": [format!("g{i}")] },
                "Applications": { "IncludeApplications": ["All"] }, "ClientAppTypes": ["browser", "mobileAppsAndDesktopClients"] },
                "GrantControls": { "BuiltInControls": ["mfa"], "Operator": "OR" }
            }));
        }
    }
    file["Raw"]["conditional_access_policies"] = Value::Array(policies);
    serde_json::to_string_pretty(&file).expect("JSON")
}

/// Maester's file with the tests repeated until it reaches the target, as a large run would be.
fn maester() -> String {
    let mut file = fixture("maester.json");
    let tests = file["Tests"].as_array().cloned().unwrap_or_default();
    let mut all = Vec::new();
    let mut n = 0;
    while serde_json::to_string_pretty(&all).map_or(0, |s| s.len()) < TARGET_BYTES {
        for t in &tests {
            n += 1;
            let mut t = t.clone();
            t["Id"] = json!(format!("MT.{}", 5000 + n));
            t["ScriptBlock"] = json!(
                "Test-MtSomething | Should -Be $true -Because 'a long explanation'\n".repeat(20)
            );
            all.push(t);
        }
    }
    all.extend(tests);
    file["Tests"] = Value::Array(all);
    serde_json::to_string_pretty(&file).expect("JSON")
}

fn import(c: &mut Criterion) {
    let catalog = builtin::catalog().expect("the built-in catalogue decodes");
    let (map, _) = mapping::builtin(&catalog);
    let starter = Source::from_text(
        "answers.yaml",
        "meta:\n  organisation: A\n  project: B\n  go_live: 2027-01-01\n",
    );
    let answers = load::answers::load(&starter, &catalog, Limits::default()).expect("valid");
    let mut group = c.benchmark_group("import");
    for (name, text) in [("ScubaGear", scubagear()), ("Maester", maester())] {
        let source = Source::from_text(format!("{name}.json"), text);
        let label = format!(
            "{name}: read and apply a {:.1} MB results file",
            source.text.len() as f64 / 1e6
        );
        group.bench_function(label, |b| {
            b.iter(|| {
                let runs = evidence::read(black_box(&source), Limits::default().max_yaml_depth)
                    .expect("results");
                let mut answers = answers.clone();
                apply::apply(&mut answers, &catalog, &map, &runs)
            });
        });
    }
    group.bench_function("mapping: parse and check against the catalogue", |b| {
        b.iter(|| mapping::builtin(&catalog));
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
