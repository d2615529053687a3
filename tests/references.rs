//! References that exist: every CISA SCuBA policy id the built-in checklists cite is in the
//! current baselines, and every id the evidence mapping names is one a ScubaGear or Maester report
//! can carry (current, or removed but still found in reports of older versions).
//!
//! The list of ids, with the ScubaGear commit and version it was read from, is `tests/data/scuba-ids.yaml`.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use regex::Regex;

#[derive(serde::Deserialize)]
struct ScubaIds {
    scubagear_version: String,
    current: BTreeMap<String, Vec<String>>,
    removed: Vec<String>,
}

fn scuba_ids() -> ScubaIds {
    let text = fs::read_to_string("tests/data/scuba-ids.yaml").unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

/// `(file:line, id)` for every SCuBA id written in a file, with or without its version suffix.
fn cited(path: &Path) -> Vec<(String, String)> {
    let id = Regex::new(r"MS\.[A-Z]+\.[0-9]+\.[0-9]+(v[0-9]+)?").unwrap();
    let text = fs::read_to_string(path).unwrap();
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        for m in id.find_iter(line) {
            found.push((
                format!("{}:{}", path.display(), n + 1),
                m.as_str().to_owned(),
            ));
        }
    }
    found
}

fn checklist_files() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = fs::read_dir("checklists")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

fn without_version(id: &str) -> &str {
    id.rsplit_once('v').map_or(id, |(stem, _)| stem)
}

#[test]
fn the_list_of_scuba_ids_is_read_from_a_named_version() {
    let ids = scuba_ids();
    assert_eq!(ids.scubagear_version, "1.8.0");
    let current: BTreeSet<&String> = ids.current.values().flatten().collect();
    assert!(current.len() > 100, "{} current ids", current.len());
    for gone in ["MS.EXO.17.1v1", "MS.DEFENDER.6.1v1"] {
        assert!(ids.removed.iter().any(|r| r == gone), "{gone} is removed");
        assert!(!current.contains(&gone.to_owned()), "{gone} is not current");
    }
    assert!(current.contains(&"MS.SECURITYSUITE.5.1v1".to_owned()));
}

#[test]
fn every_scuba_id_the_checklists_cite_is_current() {
    let ids = scuba_ids();
    let current: BTreeSet<&str> = ids.current.values().flatten().map(String::as_str).collect();
    let mut wrong = Vec::new();
    let mut seen = 0;
    for file in checklist_files() {
        for (at, id) in cited(&file) {
            seen += 1;
            if !current.contains(id.as_str()) {
                let why = if ids.removed.contains(&id) {
                    "removed from the baselines"
                } else {
                    "not in the baselines (a full id with its version suffix is expected)"
                };
                wrong.push(format!("{at}: {id} is {why}"));
            }
        }
    }
    assert!(seen > 20, "only {seen} SCuBA ids cited");
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn every_scuba_id_the_evidence_mapping_names_can_appear_in_a_report() {
    let ids = scuba_ids();
    let known: BTreeSet<&str> = ids
        .current
        .values()
        .flatten()
        .chain(&ids.removed)
        .map(|id| without_version(id))
        .collect();
    let current: BTreeSet<&str> = ids
        .current
        .values()
        .flatten()
        .map(|id| without_version(id))
        .collect();
    let cites = cited(Path::new("checklists/evidence/scuba-maester.yaml"));
    assert!(cites.len() > 20, "only {} SCuBA ids named", cites.len());
    let wrong: Vec<String> = cites
        .iter()
        .filter(|(_, id)| !known.contains(without_version(id)))
        .map(|(at, id)| format!("{at}: {id} is neither current nor removed"))
        .collect();
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    // A removed id is kept only beside the current one that replaced it, so new reports still match.
    let audit = cites
        .iter()
        .filter(|(_, id)| id.starts_with("MS.SECURITYSUITE.5.1"))
        .count();
    assert!(audit > 0, "the audit log check names MS.SECURITYSUITE.5.1");
    assert!(current.contains("MS.SECURITYSUITE.5.1"));
}
