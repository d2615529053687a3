//! `migready portfolio` on a realistic folder tree: ~200 assessments in nested folders, with the
//! files a real tree holds besides (an invalid answers file, backups, a `.git` folder, a symlink
//! loop). The rows must cover exactly the answers files, the output must not depend on the number
//! of threads, and text from answers files must never become a spreadsheet formula.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;
use migready::load::{self, source};
use migready::model::Limits;
use migready::model::Thresholds;
use migready::report::Report;
use serde_json::Value;

const EXAMPLES: [&str; 3] = ["summit-accounting", "harbor-logistics", "lakeside-dental"];
const COPIES: usize = 200;

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("migready-portfolio-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn example(name: &str) -> String {
    std::fs::read_to_string(Path::new("examples").join(name).join("answers.yaml")).unwrap()
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// `COPIES` answers files in nested folders, each organisation renamed so that every row differs,
/// plus what must not become a row (or must become an invalid one).
fn client_tree(name: &str) -> PathBuf {
    let root = scratch(name);
    let originals: Vec<String> = EXAMPLES.iter().map(|e| example(e)).collect();
    for i in 0..COPIES {
        let text = &originals[i % originals.len()];
        let renamed = text.replacen(
            "  organisation: ",
            &format!("  organisation: Client {i:03} "),
            1,
        );
        // Three depths, so that the walk goes down and back up.
        let folder = match i % 3 {
            0 => root.join(format!("client-{i:03}")),
            1 => root
                .join(format!("region-{}", i % 4))
                .join(format!("client-{i:03}")),
            _ => root
                .join(format!("region-{}", i % 4))
                .join("archive")
                .join(format!("client-{i:03}")),
        };
        let file = if i % 5 == 0 {
            "client-answers.yml"
        } else {
            "answers.yaml"
        };
        write(&folder.join(file), &renamed);
    }
    let broken = std::fs::read_to_string("tests/fixtures/bad/answers-unknown-option.yaml").unwrap();
    write(&root.join("region-1/broken/answers.yaml"), &broken);
    // Names that do not match the pattern, and folders that are never searched.
    write(
        &root.join("client-000/answers-september.yaml"),
        &originals[0],
    );
    write(&root.join("client-000/answers.yaml.bak"), &originals[0]);
    write(&root.join(".git/answers.yaml"), &broken);
    write(&root.join("target/answers.yaml"), &broken);
    #[cfg(unix)]
    {
        // A link back up the tree: following it would never end.
        std::os::unix::fs::symlink("..", root.join("region-0/loop")).unwrap();
        std::os::unix::fs::symlink(&root, root.join("region-2/archive/root")).unwrap();
    }
    root
}

fn portfolio(args: &[&str]) -> Output {
    Command::cargo_bin("migready")
        .unwrap()
        .arg("portfolio")
        .args(args)
        .args(["--today", "2026-11-25"])
        .env_remove("MIGREADY_TODAY")
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn every_answers_file_in_the_tree_is_one_row_and_nothing_else_is() {
    let root = client_tree("rows");
    let dir = root.to_str().unwrap();
    let out = portfolio(&[dir, "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "the invalid file makes it exit 2"
    );
    let json = json(&out);
    let rows = json["rows"].as_array().unwrap();
    assert_eq!(rows.len(), COPIES + 1);
    let totals = &json["totals"];
    let assessed: u64 = ["go", "conditional", "no_go"]
        .iter()
        .map(|k| totals[k].as_u64().unwrap())
        .sum();
    assert_eq!(assessed, COPIES as u64);
    assert_eq!(totals["invalid"], 1);

    // The invalid file comes first, with its error, and the run went on past it.
    assert_eq!(
        rows[0]["file"],
        format!("{dir}/region-1/broken/answers.yaml")
    );
    let error = rows[0]["error"].as_str().unwrap();
    assert!(
        error.starts_with(&format!(
            "{dir}/region-1/broken/answers.yaml:8:26: error[unknown-option]"
        )),
        "{error}"
    );

    let files: Vec<&str> = rows.iter().map(|r| r["file"].as_str().unwrap()).collect();
    for skipped in [
        "answers-september",
        ".bak",
        "/.git/",
        "/target/",
        "/loop/",
        "/root/",
    ] {
        assert!(
            files.iter().all(|f| !f.contains(skipped)),
            "{skipped} was taken"
        );
    }
    let mut unique = files.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), files.len(), "a file was listed twice");

    // Piped: no progress bar, only the one note about the invalid file.
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "migready: 1 of {} files could not be assessed (listed first, each with its error)\n",
            COPIES + 1
        )
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn output_is_the_same_bytes_whatever_the_threads_and_on_every_run() {
    let root = client_tree("threads");
    let dir = root.to_str().unwrap();
    for format in ["json", "csv", "table"] {
        let one = portfolio(&[dir, "--format", format, "--jobs", "1"]);
        let two = portfolio(&[dir, "--format", format, "--jobs", "2"]);
        let again = portfolio(&[dir, "--format", format, "--jobs", "2"]);
        assert!(!one.stdout.is_empty());
        assert!(
            one.stdout == two.stdout,
            "{format}: --jobs 1 and --jobs 2 differ"
        );
        assert!(two.stdout == again.stdout, "{format}: two runs differ");
    }
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn rows_are_sorted_worst_first_with_ties_broken_by_path() {
    let root = client_tree("sorted");
    let out = portfolio(&[root.to_str().unwrap(), "--format", "json"]);
    let json = json(&out);
    let rank = |v: &str| match v {
        "no-go" => 0,
        "conditional" => 1,
        _ => 2,
    };
    let keys: Vec<(i32, f64, String)> = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .skip(1)
        .map(|r| {
            (
                rank(r["verdict"].as_str().unwrap()),
                r["score"].as_f64().unwrap(),
                r["file"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(keys.windows(2).all(|w| w[0].0 < w[1].0
        || (w[0].0 == w[1].0 && (w[0].1 < w[1].1 || (w[0].1 == w[1].1 && w[0].2 < w[1].2)))));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn csv_text_cells_cannot_become_formulas_but_numbers_stay_numbers() {
    let root = scratch("csv");
    let text = example("summit-accounting")
        .replacen(
            "  organisation: Summit Accounting",
            "  organisation: '=HYPERLINK(\"https://evil.example\",\"open\")'",
            1,
        )
        .replacen(
            "  project: Hosted Exchange and file-server move to Microsoft 365",
            "  project: \"@SUM(A1:A9), then more\"",
            1,
        )
        .replacen("  go_live: 2028-06-12", "  go_live: 2026-11-15", 1)
        .replacen("  assessed_on: 2026-11-20", "  assessed_on: 2026-11-01", 1);
    write(&root.join("answers.yaml"), &text);
    let out = portfolio(&[root.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let row = csv.lines().nth(1).unwrap();
    assert!(
        row.contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"open\"\")\","),
        "{row}"
    );
    assert!(row.contains(",\"'@SUM(A1:A9), then more\","), "{row}");
    // The go-live date passed ten days ago: a negative number, left as a number.
    assert!(row.contains(",2026-11-15,-10,"), "{row}");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_path_that_does_not_exist_is_an_invalid_row_and_the_run_goes_on() {
    let missing = "tests/fixtures/no-such-folder/answers.yaml";
    let out = portfolio(&[
        "examples/summit-accounting/answers.yaml",
        missing,
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let json = json(&out);
    let rows = json["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["file"], missing);
    assert_eq!(rows[0]["verdict"], Value::Null);
    assert_eq!(
        rows[0]["error"],
        format!("{missing}:1:1: error[io]: no such file")
    );
    assert_eq!(rows[1]["verdict"], "conditional");
}

/// Blockers, overdue items and the weakest priority mean what the report means by them.
#[test]
fn rows_agree_with_the_report_of_each_example() {
    let today = "2027-12-01";
    let catalog = load::catalog::load(&load::builtin::sources(), Limits::default()).unwrap();
    let mut overdue_seen = 0;
    for name in EXAMPLES {
        let path = Path::new("examples").join(name).join("answers.yaml");
        let text = source::read(&path, Limits::default().max_file_bytes).unwrap();
        let answers = load::answers::load(&text, &catalog, Limits::default()).unwrap();
        let thresholds = Thresholds::default();
        let a = migready::engine::assess(&catalog, &answers, today.parse().unwrap(), &thresholds);
        let report = Report::new(&catalog, &answers, &a, &thresholds, None);

        let out = Command::cargo_bin("migready")
            .unwrap()
            .args([
                "portfolio",
                path.to_str().unwrap(),
                "--format",
                "json",
                "--today",
                today,
            ])
            .output()
            .unwrap();
        let row = &json(&out)["rows"][0];

        assert_eq!(row["blockers"], report.blockers().count(), "{name}");
        let overdue = report
            .findings
            .iter()
            .filter(|f| !f.waived && f.due.is_some_and(|d| d < report.today))
            .count();
        assert_eq!(row["overdue"], overdue, "{name}");
        overdue_seen += overdue;
        let weakest = report
            .priorities
            .iter()
            .filter_map(|p| Some((p, p.score?)))
            .min_by(|x, y| x.1.total_cmp(&y.1))
            .unwrap();
        assert_eq!(row["weakest_priority"]["id"], weakest.0.id, "{name}");
        assert_eq!(row["weakest_priority"]["score"], weakest.1, "{name}");
        assert_eq!(row["score"], report.score, "{name}");
        assert_eq!(row["verdict"], report.verdict.as_str(), "{name}");
        assert_eq!(row["days_left"].as_i64(), report.days_to_go_live, "{name}");
    }
    assert!(
        overdue_seen > 0,
        "pick a date on which some item is overdue"
    );
}

#[test]
fn an_old_assessment_and_an_expired_waiver_show_in_every_portfolio_format() {
    let lakeside = "examples/lakeside-dental/answers.yaml";
    let run = |format: &str, today: &str| {
        let out = Command::cargo_bin("migready")
            .unwrap()
            .args(["portfolio", lakeside, "--format", format, "--today", today])
            .env_remove("MIGREADY_TODAY")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    // Assessed on 2026-11-20; its backup waiver expired on 2026-09-30.
    let now: Value = serde_json::from_str(&run("json", "2026-12-01")).unwrap();
    assert_eq!(now["rows"][0]["out_of_date_days"], Value::Null);
    assert_eq!(now["rows"][0]["expired_waivers"], 1);
    let later: Value = serde_json::from_str(&run("json", "2027-07-15")).unwrap();
    assert_eq!(later["rows"][0]["out_of_date_days"], 237);
    let md = run("markdown", "2027-07-15");
    assert!(
        md.contains("· **assessed 237 days ago** · **1 waiver expired** |"),
        "{md}"
    );
    assert!(!run("markdown", "2026-12-01").contains("assessed"));
    let html = run("html", "2027-07-15");
    assert!(
        html.contains("<strong>assessed 237 days ago</strong>"),
        "{html}"
    );
    let csv = run("csv", "2027-07-15");
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",assessed_on,out_of_date_days,expired_waivers"),
        "{csv}"
    );
    assert!(
        csv.lines().nth(1).unwrap().ends_with(",2026-11-20,237,1"),
        "{csv}"
    );
}
