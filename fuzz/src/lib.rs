//! What the fuzz targets share: the built-in catalogue, a fixed date, and the checks on results.

use std::sync::OnceLock;

// Loading, scoring and rendering a report allocate thousands of small strings a run; with
// mimalloc the engine targets spend about a fifth less CPU a run than with the system allocator
// (measured on answers_doc and checklist_doc over the same 3,000 inputs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod checklist;
pub mod doc;
pub mod props;
pub mod results;

use migready::cli::CheckFormat;
use migready::commands::check;
use migready::date::Date;
use migready::diag::{Diagnostic, Diagnostics, Level};
use migready::engine::{self, GateRequest};
use migready::load;
use migready::load::source::Source;
use migready::model::{Answers, Catalog, Thresholds};
use migready::report::Report;
use migready::report::leadership::{html, json as report_json, markdown};
use migready::report::terminal::Style;

/// With `FUZZ_SHOW=1` in the environment, prints a generated file to stderr: how a crash of a
/// structure-aware target is turned into a file the command line (and a regression test) can replay.
pub fn show(name: &str, text: &str) {
    static SHOW: OnceLock<bool> = OnceLock::new();
    if *SHOW.get_or_init(|| std::env::var_os("FUZZ_SHOW").is_some()) {
        eprintln!("----- {name}\n{text}\n----- end of {name}");
    }
}

/// The built-in catalogue as the binary uses it (compiled at build time), decoded once per process.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| load::builtin::catalog().expect("the built-in catalogue decodes"))
}

/// Loads the built-in checklists followed by `extra`, as `--checklists` does. The built-in
/// sources (their parsed trees) are decoded once per thread rather than on every run: decoding
/// them took a tenth of each run of the checklist targets.
pub fn load_with_builtins(extra: Vec<Source>) -> Result<Catalog, Diagnostics> {
    thread_local! {
        static SOURCES: std::cell::RefCell<Vec<Source>> = std::cell::RefCell::new(load::builtin::sources());
    }
    SOURCES.with(|cell| {
        let mut sources = cell.borrow_mut();
        let builtins = sources.len();
        sources.extend(extra);
        let loaded = load::catalog::load(&sources, Default::default());
        sources.truncate(builtins);
        loaded
    })
}

/// A complete, valid answers file: what the config and checklist targets score.
pub const EXAMPLE_ANSWERS: &str = include_str!("../../examples/harbor-logistics/answers.yaml");

/// A fixed "today", so that a crash found once reproduces on any day.
pub fn today() -> Date {
    Date::from_ymd(2026, 11, 25).expect("a real date")
}

/// Which output a byte-level target renders: any byte of the input changes it.
pub fn pick(data: &[u8]) -> u8 {
    data.iter().fold(0u8, |a, b| a.wrapping_add(*b))
}

/// The input as a file's text, or `None` when `source::read` would refuse it before parsing.
pub fn text(data: &[u8]) -> Option<&str> {
    let text = std::str::from_utf8(data).ok()?;
    (!text.contains('\0')).then_some(text)
}

/// A refused input must tell the user why and where: at least one error, each at line and column 1 or later.
pub fn assert_reported(diags: Diagnostics) {
    assert_reported_sorted(diags.into_sorted());
}

fn assert_reported_sorted(diags: Vec<Diagnostic>) {
    assert!(
        diags.iter().any(|d| d.level == Level::Error),
        "refused without an error: {diags:?}"
    );
    for d in &diags {
        assert!(d.pos.line >= 1 && d.pos.column >= 1, "unlocated: {d}");
    }
}

/// Like [`assert_reported`], and every diagnostic points into the file: a line it has, and a
/// column of that line (or just past its end), counted in characters (carriage returns included).
pub fn assert_reported_in(diags: Diagnostics, text: &str) {
    let diags = diags.into_sorted();
    let lines: Vec<&str> = text.split('\n').collect();
    for d in &diags {
        let line = lines.get(d.pos.line.saturating_sub(1) as usize);
        let Some(line) = line else {
            panic!("{d} is past the last line ({})", lines.len());
        };
        // A lone carriage return is not a line break in TOML: it counts as a column.
        let width = line.chars().count() + 1;
        assert!(
            d.pos.column as usize <= width,
            "{d} is past the end of its line ({width})"
        );
    }
    assert_reported_sorted(diags);
}

/// What `check` and `report` do after loading: assess, gate, and build the report.
pub fn report(
    catalog: &Catalog,
    answers: &Answers,
    thresholds: &Thresholds,
    gate: GateRequest,
) -> Report {
    let assessment = engine::assess(catalog, answers, today(), thresholds);
    report_of(catalog, answers, &assessment, thresholds, gate)
}

/// [`report`] from an assessment already made (the properties need it too).
pub fn report_of(
    catalog: &Catalog,
    answers: &Answers,
    assessment: &engine::Assessment,
    thresholds: &Thresholds,
    gate: GateRequest,
) -> Report {
    let gate = engine::gate::evaluate(catalog, assessment, gate);
    Report::new(catalog, answers, assessment, thresholds, Some(gate))
}

/// How many outputs [`render_one`] chooses from: every `check` format in two styles, the
/// leadership report in markdown (with and without charts), HTML and JSON.
pub const OUTPUTS: u8 = 16;

/// Renders the report in every format migready has (see [`render_one`]).
pub fn render_all(report: &Report) {
    for pick in 0..OUTPUTS {
        render_one(report, pick);
    }
}

/// Renders one output, chosen by `pick`: it must not be empty, must parse where it has a syntax
/// (JSON, SARIF, JUnit XML) and must be byte-identical when rendered a second time (checked in
/// one run of four, also chosen by `pick`). Rendering every
/// output of a full report costs milliseconds; one a run keeps the fuzzer fast, and the corpus
/// keeps the inputs that reach new code in each renderer.
pub fn render_one(report: &Report, pick: u8) {
    let formats = <CheckFormat as clap::ValueEnum>::value_variants();
    let twice = (pick / OUTPUTS) % 4 == 0;
    let pick = usize::from(pick % OUTPUTS);
    let (what, render): (String, Box<dyn Fn() -> String>) =
        match pick.checked_sub(2 * formats.len()) {
            None => {
                let format = formats[pick % formats.len()];
                let style = Style {
                    color: pick >= formats.len(),
                    width: (pick >= formats.len()).then_some(40),
                };
                (
                    format!("{format:?}"),
                    Box::new(move || check::render(format, report, &style)),
                )
            }
            Some(0) => (
                "markdown".into(),
                Box::new(|| markdown::render(report, markdown::Options { mermaid: false })),
            ),
            Some(1) => (
                "markdown".into(),
                Box::new(|| markdown::render(report, markdown::Options { mermaid: true })),
            ),
            Some(2) => ("html".into(), Box::new(|| html::render(report))),
            Some(_) => (
                "report json".into(),
                Box::new(|| report_json::render(report)),
            ),
        };
    let out = render();
    assert!(!out.is_empty(), "{what} rendered nothing");
    // Rendering twice doubles the cost of the costliest step; one run in four is enough to catch
    // output that depends on hash order or the clock over millions of runs.
    if twice {
        same(&out, &render(), &what);
    }
    match what.as_str() {
        "Json" | "Sarif" | "report json" => json(&out),
        "Junit" => {
            if let Err(e) = roxmltree::Document::parse(&out) {
                panic!("JUnit output is not XML: {e}\n{out}");
            }
        }
        _ => {}
    }
}

fn same(first: &str, second: &str, what: &str) {
    assert!(first == second, "{what} differs on a second render");
}

fn json(out: &str) {
    if let Err(e) = serde_json::from_str::<serde_json::Value>(out) {
        panic!("not JSON: {e}\n{out}");
    }
}
