//! In-process costs of each step of `migready check`: loading, evaluation and scoring, rendering.
//!
//!   cargo bench --bench engine
//!   MIGREADY_STRESS=DIR cargo bench --bench engine   # also the generated stress sizes under DIR
//!
//! DIR holds folders made by `benches/generate.py stress` (benches/run.sh makes three sizes).

// A benchmark of known-good inputs stops at the first surprise.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout
)]

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use migready::date::Date;
use migready::diag::{Diagnostics, Sink};
use migready::engine::{self, GateRequest};
use migready::load::source::{self, Source};
use migready::load::{self, builtin};
use migready::model::Limits;
use migready::model::{Catalog, Thresholds};
use migready::report::Report;
use migready::report::check::json;

const EXAMPLE: &str = "examples/harbor-logistics/answers.yaml";

fn today() -> Date {
    "2026-11-25".parse().expect("a date")
}

fn read(path: &Path) -> Source {
    source::read(path, Limits::default().max_file_bytes).expect("readable input")
}

/// Everything `check` does after reading the files: the part that must scale linearly.
fn check(catalog: &Catalog, answers: &Source) -> String {
    let answers = load::answers::load(answers, catalog, Limits::default()).expect("valid answers");
    let thresholds = Thresholds::default();
    let assessment = engine::assess(catalog, &answers, today(), &thresholds);
    let gate = engine::gate::evaluate(catalog, &assessment, GateRequest::default());
    let report = Report::new(catalog, &answers, &assessment, &thresholds, Some(gate));
    json::render(&report)
}

fn example(c: &mut Criterion) {
    let catalog = builtin::catalog().expect("the built-in catalogue decodes");
    let text = read(Path::new(EXAMPLE));
    let answers = load::answers::load(&text, &catalog, Limits::default()).expect("valid");
    let thresholds = Thresholds::default();
    let assessment = engine::assess(&catalog, &answers, today(), &thresholds);

    let mut group = c.benchmark_group("example");
    group.bench_function("builtin catalogue: decode the compiled form", |b| {
        b.iter(builtin::catalog);
    });
    group.bench_function("builtin catalogue: validate and compile the trees", |b| {
        b.iter(|| load::catalog::load(&builtin::sources(), Limits::default()));
    });
    group.bench_function("answers: parse YAML only", |b| {
        b.iter(|| {
            let mut diags = Diagnostics::default();
            load::yaml::parse(
                black_box(&text.text),
                Limits::default(),
                &mut Sink::new("a", &mut diags),
            )
        });
    });
    group.bench_function("answers: parse and validate", |b| {
        b.iter(|| load::answers::load(black_box(&text), &catalog, Limits::default()));
    });
    group.bench_function("evaluate and score", |b| {
        b.iter(|| engine::assess(&catalog, black_box(&answers), today(), &thresholds));
    });
    group.bench_function("report model and JSON", |b| {
        b.iter(|| {
            let gate = engine::gate::evaluate(&catalog, &assessment, GateRequest::default());
            let report = Report::new(&catalog, &answers, &assessment, &thresholds, Some(gate));
            json::render(&report)
        });
    });
    group.bench_function("everything after reading", |b| {
        b.iter(|| check(&catalog, black_box(&text)));
    });
    group.finish();
}

/// The stress folders under MIGREADY_STRESS, smallest first.
fn stress_dirs() -> Vec<PathBuf> {
    let Some(root) = std::env::var_os("MIGREADY_STRESS") else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.join("answers.yaml").is_file())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort_by_key(|d| std::fs::metadata(d.join("answers.yaml")).map_or(0, |m| m.len()));
    dirs
}

fn stress(c: &mut Criterion) {
    let dirs = stress_dirs();
    if dirs.is_empty() {
        eprintln!(
            "stress: set MIGREADY_STRESS to a folder of generated sizes (see benches/run.sh)"
        );
        return;
    }
    let mut group = c.benchmark_group("stress");
    group.sample_size(10);
    for dir in dirs {
        let name = dir
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let mut sources = builtin::sources();
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("checklists"))
            .expect("checklists")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        files.sort();
        sources.extend(files.iter().map(|f| read(f)));
        let answers = read(&dir.join("answers.yaml"));
        group.bench_with_input(
            BenchmarkId::new("parse YAML only", &name),
            &sources,
            |b, s| {
                b.iter(|| {
                    let mut diags = Diagnostics::default();
                    for source in s.iter().filter(|s| !s.builtin).chain([&answers]) {
                        black_box(load::yaml::parse(
                            &source.text,
                            Limits::default(),
                            &mut Sink::new("s", &mut diags),
                        ));
                    }
                });
            },
        );
        group.bench_with_input(
            BenchmarkId::new("load catalogue", &name),
            &sources,
            |b, s| b.iter(|| load::catalog::load(s, Limits::default())),
        );
        let catalog = load::catalog::load(&sources, Limits::default()).expect("valid stress");
        group.bench_with_input(
            BenchmarkId::new("answers, assess, report", &name),
            &answers,
            |b, a| b.iter(|| check(&catalog, a)),
        );
    }
    group.finish();
}

criterion_group!(benches, example, stress);
criterion_main!(benches);
