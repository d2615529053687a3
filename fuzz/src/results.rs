//! Tenant-assessment results files (ScubaGear, Maester) built from `arbitrary` input, and what
//! `migready import` does with one, run in process.
//!
//! Control ids come from the built-in evidence mapping, so most results bear on a question; the
//! result words are the tools' own (see `src/evidence/`), with anything at all now and then.

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use migready::evidence::{self, Run, apply, coverage, mapping, summary, tenant};
use migready::interactive::writer;
use migready::load::{self, source::Source};
use migready::model::{Answers, Tool};
use serde_json::{Value, json};

use crate::{EXAMPLE_ANSWERS, catalog};

const TENANT: &str = "ca08493a-c9c8-4db0-a9e8-d3b4bafac269";
const SCUBA_RESULTS: &[&str] = &[
    "Pass",
    "Fail",
    "Warning",
    "N/A",
    "Omitted",
    "Incorrect result",
    "-",
    "Error - Test results missing",
];
const MAESTER_RESULTS: &[&str] = &[
    "Passed",
    "Failed",
    "Skipped",
    "NotRun",
    "Error",
    "Investigate",
];

#[derive(Arbitrary, Debug)]
pub enum Results {
    Scuba(Scuba),
    Maester(Maester),
    Merged(Vec<Maester>),
}

#[derive(Arbitrary, Debug)]
pub struct Scuba {
    pub tenant: TenantId,
    pub name: Option<String>,
    pub version: Option<String>,
    pub stamp: Stamp,
    pub products: Vec<(u8, Vec<Vec<Control>>)>,
    pub bom: bool,
}

#[derive(Arbitrary, Debug)]
pub struct Maester {
    pub tenant: TenantId,
    pub name: Option<String>,
    pub version: Option<String>,
    pub stamp: Stamp,
    pub tests: Vec<Control>,
    /// A single test written as an object rather than a list of one.
    pub single: bool,
}

#[derive(Arbitrary, Debug)]
pub struct Control {
    pub id: Id,
    pub result: u8,
    pub other: Option<String>,
    pub detail: Option<(Option<String>, Option<String>)>,
}

#[derive(Arbitrary, Debug)]
pub enum Id {
    /// An id the mapping knows (an index into its list).
    Known(u16),
    /// The same with a baseline version suffix, as ScubaGear writes it.
    Versioned(u16, u8),
    Any(String),
}

#[derive(Arbitrary, Debug)]
pub enum TenantId {
    Same,
    Upper,
    Other,
    Sentence,
    Any(String),
}

#[derive(Arbitrary, Debug)]
pub enum Stamp {
    Zulu,
    DateOnly,
    Missing,
    Any(String),
}

/// (tool, id) pairs of the built-in mapping.
fn known_ids() -> &'static [(Tool, String)] {
    static IDS: OnceLock<Vec<(Tool, String)>> = OnceLock::new();
    IDS.get_or_init(|| {
        let (map, _) = mapping::builtin(catalog());
        map.questions
            .iter()
            .flat_map(|q| q.checks.iter())
            .flat_map(|c| c.ids.iter().cloned())
            .collect()
    })
}

impl Results {
    /// The file as the tool would write it.
    pub fn to_json(&self) -> String {
        match self {
            Results::Scuba(s) => {
                let text = s.value().to_string();
                if s.bom {
                    format!("\u{feff}{text}")
                } else {
                    text
                }
            }
            Results::Maester(m) => m.value().to_string(),
            Results::Merged(ms) => {
                let tenants: Vec<Value> = ms.iter().map(Maester::value).collect();
                json!({ "CurrentVersion": "2.2.0", "Tenants": tenants }).to_string()
            }
        }
    }
}

impl Scuba {
    fn value(&self) -> Value {
        const PRODUCTS: [&str; 4] = ["AAD", "EXO", "Defender", "Teams"];
        let mut results = serde_json::Map::new();
        for (p, groups) in &self.products {
            let groups: Vec<Value> = groups
                .iter()
                .map(|controls| {
                    let controls: Vec<Value> = controls
                        .iter()
                        .map(|c| {
                            json!({
                                "Control ID": c.id.text(Tool::ScubaGear),
                                "Result": c.word(SCUBA_RESULTS),
                                "Criticality": if c.result % 2 == 0 { "Shall" } else { "Shall/3rd Party" },
                            })
                        })
                        .collect();
                    json!({ "GroupName": "Group", "GroupNumber": "1", "Controls": controls })
                })
                .collect();
            let product = PRODUCTS[usize::from(*p) % PRODUCTS.len()];
            results.insert(product.to_owned(), Value::Array(groups));
        }
        let mut meta = json!({ "TenantId": self.tenant.text(), "Tool": "ScubaGear" });
        put(&mut meta, "DisplayName", self.name.clone());
        put(&mut meta, "ToolVersion", self.version.clone());
        put(&mut meta, "TimestampZulu", self.stamp.text());
        json!({ "MetaData": meta, "Summary": {}, "Results": results, "Raw": {} })
    }
}

impl Maester {
    fn value(&self) -> Value {
        let tests: Vec<Value> = self
            .tests
            .iter()
            .map(|c| {
                let mut t =
                    json!({ "Id": c.id.text(Tool::Maester), "Result": c.word(MAESTER_RESULTS) });
                if let Some((skipped, reason)) = &c.detail {
                    t["ResultDetail"] = json!({ "TestSkipped": skipped, "SkippedReason": reason });
                }
                t
            })
            .collect();
        let tests = match (self.single, tests.as_slice()) {
            (true, [one]) => one.clone(),
            _ => Value::Array(tests),
        };
        let mut v = json!({ "TenantId": self.tenant.text(), "Tests": tests });
        put(&mut v, "TenantName", self.name.clone());
        put(&mut v, "CurrentVersion", self.version.clone());
        put(&mut v, "ExecutedAt", self.stamp.text());
        v
    }
}

fn put(v: &mut Value, key: &str, value: Option<String>) {
    if let Some(s) = value {
        v[key] = Value::String(s);
    }
}

impl Control {
    fn word(&self, words: &[&str]) -> String {
        match &self.other {
            Some(s) if self.result > 250 => s.clone(),
            _ => words[usize::from(self.result) % words.len()].to_owned(),
        }
    }
}

impl Id {
    fn text(&self, tool: Tool) -> String {
        let ids = known_ids();
        let pick = |n: &u16| {
            let mine: Vec<&String> = ids
                .iter()
                .filter(|(t, _)| *t == tool)
                .map(|(_, id)| id)
                .collect();
            mine.get(usize::from(*n) % mine.len().max(1))
                .map_or_else(String::new, |s| (*s).clone())
        };
        match self {
            Id::Known(n) => pick(n),
            Id::Versioned(n, v) => format!("{}v{v}", pick(n)),
            Id::Any(s) => s.clone(),
        }
    }
}

impl TenantId {
    fn text(&self) -> String {
        match self {
            TenantId::Same => TENANT.to_owned(),
            TenantId::Upper => TENANT.to_ascii_uppercase(),
            TenantId::Other => "0b5e3a1c-0000-4000-8000-000000000001".to_owned(),
            TenantId::Sentence => "Error retrieving Tenant ID".to_owned(),
            TenantId::Any(s) => s.clone(),
        }
    }
}

impl Stamp {
    fn text(&self) -> Option<String> {
        match self {
            Stamp::Zulu => Some("2026-05-04T17:15:48.307Z".to_owned()),
            Stamp::DateOnly => Some("2026-05-04".to_owned()),
            Stamp::Missing => None,
            Stamp::Any(s) => Some(s.clone()),
        }
    }
}

/// The answers an import starts from: the example (answered, no tenant id) or an empty file.
fn start(answered: bool) -> Answers {
    let text = if answered {
        EXAMPLE_ANSWERS
    } else {
        "meta:\n  organisation: Fuzz Ltd\n  project: Move\n  go_live: 2027-03-01\n"
    };
    let source = Source::from_text("answers.yaml", text);
    load::answers::load(&source, catalog(), Default::default()).expect("the starting answers load")
}

/// `migready import` in process: read the file, pick the tenant's runs, apply them, summarise,
/// and write the answers; the written file must load again (an import never leaves a file that
/// `check` refuses) and score.
pub fn import(text: &str, answered: bool, mismatch_ok: bool) {
    let source = Source::from_text("results.json", text);
    let runs: Vec<Run> = match evidence::read(&source, 64) {
        Ok(runs) => runs,
        Err(d) => return assert!(d.pos.line >= 1 && d.pos.column >= 1, "unlocated: {d}"),
    };
    let mut answers = start(answered);
    let files = vec![("results.json".to_owned(), runs)];
    let selected = match tenant::select(files, answers.meta.tenant_id.as_deref(), mismatch_ok) {
        Ok(s) => s,
        Err(why) => return assert!(!why.trim().is_empty(), "refused without a reason"),
    };
    let (map, _) = mapping::builtin(catalog());
    let import = apply::apply(&mut answers, catalog(), &map, &selected.runs);
    if answers.meta.tenant_id.is_none() {
        answers.meta.tenant_id.clone_from(&selected.tenant);
    }
    for width in [None, Some(40)] {
        let out = summary::render(&selected.runs, &import, catalog(), &map, width);
        assert!(!out.is_empty(), "an empty import summary");
    }
    let covered = coverage::coverage(catalog(), &answers, &map);
    let _ = summary::coverage_line(&covered);
    let yaml = writer::to_yaml(&answers, catalog());
    let written = Source::from_text("answers.yaml", yaml.as_str());
    if let Err(diags) = load::answers::load(&written, catalog(), Default::default()) {
        panic!("the imported answers do not load again: {diags:?}\n{yaml}");
    }
}
