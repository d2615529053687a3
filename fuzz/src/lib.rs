//! What the fuzz targets share: the built-in catalogue, a fixed date, and the checks on results.

use std::sync::OnceLock;

use migready::date::Date;
use migready::diag::{Diagnostics, Level};
use migready::engine::{self, GateRequest};
use migready::load;
use migready::model::{Answers, Catalog, Thresholds};
use migready::cli::CheckFormat;
use migready::commands::check;
use migready::report::Report;
use migready::report::leadership::{html, json as report_json, markdown};
use migready::report::terminal::Style;

/// The built-in catalogue as the binary uses it (compiled at build time), decoded once per process.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| load::builtin::catalog().expect("the built-in catalogue decodes"))
}

/// A complete, valid answers file: what the config and checklist targets score.
pub const EXAMPLE_ANSWERS: &str = include_str!("../../examples/harbor-logistics/answers.yaml");

/// A fixed "today", so that a crash found once reproduces on any day.
pub fn today() -> Date {
    Date::from_ymd(2026, 11, 25).expect("a real date")
}

/// The input as a file's text, or `None` when `source::read` would refuse it before parsing.
pub fn text(data: &[u8]) -> Option<&str> {
    let text = std::str::from_utf8(data).ok()?;
    (!text.contains('\0')).then_some(text)
}

/// A refused input must tell the user why and where: at least one error, each at line and column 1 or later.
pub fn assert_reported(diags: Diagnostics) {
    let diags = diags.into_sorted();
    assert!(
        diags.iter().any(|d| d.level == Level::Error),
        "refused without an error: {diags:?}"
    );
    for d in &diags {
        assert!(d.pos.line >= 1 && d.pos.column >= 1, "unlocated: {d}");
    }
}

/// What `check` and `report` do after loading: assess, gate, and build the report.
pub fn report(
    catalog: &Catalog,
    answers: &Answers,
    thresholds: &Thresholds,
    gate: GateRequest,
) -> Report {
    let assessment = engine::assess(catalog, answers, today(), thresholds);
    let gate = engine::gate::evaluate(catalog, &assessment, gate);
    Report::new(catalog, answers, &assessment, thresholds, Some(gate))
}

/// Renders the report in every format migready has, checking what can be checked cheaply.
pub fn render_all(report: &Report) {
    let styles = [
        Style {
            color: false,
            width: None,
        },
        Style {
            color: true,
            width: Some(40),
        },
    ];
    for format in <CheckFormat as clap::ValueEnum>::value_variants() {
        for style in &styles {
            let out = check::render(*format, report, style);
            assert!(!out.is_empty(), "{format:?} rendered nothing");
            match format {
                CheckFormat::Json | CheckFormat::Sarif => json(&out),
                CheckFormat::Junit => {
                    if let Err(e) = roxmltree::Document::parse(&out) {
                        panic!("JUnit output is not XML: {e}\n{out}");
                    }
                }
                _ => {}
            }
        }
    }
    for mermaid in [false, true] {
        let out = markdown::render(report, markdown::Options { mermaid });
        assert!(!out.is_empty(), "markdown rendered nothing");
    }
    assert!(!html::render(report).is_empty(), "html rendered nothing");
    json(&report_json::render(report));
}

fn json(out: &str) {
    if let Err(e) = serde_json::from_str::<serde_json::Value>(out) {
        panic!("not JSON: {e}\n{out}");
    }
}
