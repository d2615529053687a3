//! The same inputs give the same bytes in every format: run twice (each process hashes
//! differently, so any dependence on hash order shows), with the keys of the input files in
//! another order, and with checklist files created on disk in another order.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use migready::diag::{Diagnostics, Sink};
use migready::load::yaml::{self, Node, Value};
use migready::model::Limits;

const EXAMPLES: [&str; 3] = ["summit-accounting", "harbor-logistics", "lakeside-dental"];
const TODAY: &str = "2026-11-25";

/// Every output format, as the arguments that ask for it.
const FORMATS: [&[&str]; 9] = [
    &["check", "--format", "table"],
    &["check", "--format", "json"],
    &["check", "--format", "junit"],
    &["check", "--format", "sarif"],
    &["check", "--format", "github"],
    &["check", "--format", "markdown"],
    &["report", "--format", "markdown"],
    &["report", "--format", "html"],
    &["report", "--format", "json"],
];

/// Formats that point at answer lines: reordering the keys moves those lines, and nothing else.
fn has_positions(format: &[&str]) -> bool {
    matches!(
        format,
        ["check", _, "junit" | "sarif" | "github" | "markdown"] | ["report", _, "json"]
    )
}

fn run(dir: &Path, args: &[&str], extra: &[&str]) -> Vec<u8> {
    let output = Command::new(assert_cmd::cargo::cargo_bin("migready"))
        .args(["--today", TODAY, "--color", "never"])
        .args(extra)
        .args(args)
        .arg("answers.yaml")
        .current_dir(dir)
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .expect("migready runs");
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{args:?} in {}: {}",
        dir.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("migready-det-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// A small deterministic generator, so that a failing shuffle can be replayed.
struct Shuffle(u64);

impl Shuffle {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn order<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// The document as JSON (which is YAML), every mapping's keys in a shuffled order; lists keep
/// their order, which means something (questions are asked in it).
fn shuffled(node: &Node, rng: &mut Shuffle) -> String {
    match &node.value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => format!("{f:?}"),
        Value::Str(s) => serde_json::to_string(s).expect("string"),
        Value::Seq(items) => {
            let items: Vec<String> = items.iter().map(|n| shuffled(n, rng)).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Map(entries) => {
            let mut entries: Vec<&(Node, Node)> = entries.iter().collect();
            rng.order(&mut entries);
            let entries: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{}: {}", shuffled(k, rng), shuffled(v, rng)))
                .collect();
            format!("{{\n{}\n}}", entries.join(",\n"))
        }
    }
}

fn parse(path: &Path) -> Node {
    let text = fs::read_to_string(path).expect("read");
    let mut diags = Diagnostics::default();
    yaml::parse(
        &text,
        Limits::default(),
        &mut Sink::new("input", &mut diags),
    )
    .expect("parses")
}

/// Digits masked: compares everything but line and column numbers.
fn without_numbers(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    for &b in bytes {
        if b.is_ascii_digit() {
            if out.last() != Some(&b'#') {
                out.push(b'#');
            }
        } else {
            out.push(b);
        }
    }
    out
}

#[test]
fn every_format_is_the_same_bytes_on_every_run() {
    for example in EXAMPLES {
        let dir = repo(&format!("examples/{example}"));
        for format in FORMATS {
            let first = run(&dir, format, &[]);
            let second = run(&dir, format, &[]);
            assert!(!first.is_empty(), "{example} {format:?} printed nothing");
            assert!(first == second, "{example} {format:?} differs between runs");
        }
    }
}

#[test]
fn the_order_of_keys_in_an_answers_file_changes_nothing() {
    for (seed, example) in EXAMPLES.iter().enumerate() {
        let original = repo(&format!("examples/{example}"));
        let tree = parse(&original.join("answers.yaml"));
        for round in 0..3u64 {
            let dir = scratch_dir(&format!("{example}-{round}"));
            let mut rng = Shuffle(0x9E37_79B9_7F4A_7C15 ^ (seed as u64 * 31 + round + 1));
            fs::write(dir.join("answers.yaml"), shuffled(&tree, &mut rng)).expect("write");
            for format in FORMATS {
                let expected = run(&original, format, &[]);
                let actual = run(&dir, format, &[]);
                if has_positions(format) {
                    assert!(
                        without_numbers(&expected) == without_numbers(&actual),
                        "{example} {format:?}: more than line numbers changed (seed {round})"
                    );
                } else {
                    assert!(
                        expected == actual,
                        "{example} {format:?}: output changed with the key order (seed {round})"
                    );
                }
            }
            let _ = fs::remove_dir_all(dir);
        }
    }
}

#[test]
fn checklists_give_the_same_output_whatever_their_key_or_file_order() {
    let names: Vec<PathBuf> = {
        let mut v: Vec<PathBuf> = fs::read_dir(repo("checklists"))
            .expect("checklists/")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.is_file())
            .collect();
        v.sort();
        v
    };
    let example = repo("examples/harbor-logistics");
    let plain = scratch_dir("checklists-plain");
    let mixed = scratch_dir("checklists-mixed");
    // One folder gets the files as they are, in name order; the other gets them with shuffled
    // keys, created in reverse order.
    for path in &names {
        fs::copy(path, plain.join(path.file_name().expect("name"))).expect("copy");
    }
    let mut rng = Shuffle(0xDEAD_BEEF);
    for path in names.iter().rev() {
        let text = shuffled(&parse(path), &mut rng);
        fs::write(mixed.join(path.file_name().expect("name")), text).expect("write");
    }
    for format in FORMATS {
        let args = |dir: &Path| vec!["--checklists".to_owned(), dir.display().to_string()];
        let plain_args = args(&plain);
        let mixed_args = args(&mixed);
        let a = run(
            &example,
            format,
            &plain_args.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        let b = run(
            &example,
            format,
            &mixed_args.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        assert!(
            without_numbers(&a) == without_numbers(&b),
            "{format:?}: checklist key or file order changed the output"
        );
    }
    let _ = fs::remove_dir_all(plain);
    let _ = fs::remove_dir_all(mixed);
}
