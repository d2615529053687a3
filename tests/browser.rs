//! The HTML report of each example and the portfolio page of all three, opened in headless Chromium by `tests/browser/check_html.py`
//! (playwright driving the system's `chromium-headless-shell`): at 375 px and 1280 px wide and as an
//! A4 PDF. What the script must find on the PDF's first page is taken from the report's JSON, so the
//! HTML is checked against the same result, not against itself.
//!
//! Without Python's playwright and pypdf or without Chromium, the test is skipped with the reason,
//! except under CI (`CI` set), where it fails: `.ci/run` installs them.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
// What the browser checked is printed for the reader of the test log.
#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use serde_json::{Value, json};

const EXAMPLES: [&str; 3] = ["summit-accounting", "harbor-logistics", "lakeside-dental"];
const SCRIPT: &str = "tests/browser/check_html.py";
/// Exit code of `check_html.py --probe` when a tool is missing.
const MISSING: i32 = 3;

fn python() -> String {
    std::env::var("MIGREADY_PYTHON").unwrap_or_else(|_| "python3".into())
}

/// `None` when the browser tools are there, else why not.
fn missing_tools() -> Option<String> {
    match Process::new(python()).args([SCRIPT, "--probe"]).output() {
        Err(e) => Some(format!("cannot run {}: {e}", python())),
        Ok(out) if out.status.code() == Some(MISSING) => {
            Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
        }
        Ok(out) if !out.status.success() => Some(format!(
            "{SCRIPT} --probe failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )),
        Ok(_) => None,
    }
}

const TODAY: &str = "2026-12-01";
/// Seven months later: Lakeside's first due dates and its Apple push certificate have passed.
const LATER: &str = "2027-07-15";
/// For the portfolio: 20 days before Harbor Logistics goes live, so the page lists a go-live soon.
const PORTFOLIO_TODAY: &str = "2028-02-15";

fn migready(args: &[&str], today: &str) -> Vec<u8> {
    let out = Command::cargo_bin("migready")
        .unwrap()
        .args(args)
        .args(["--today", today])
        .output()
        .unwrap();
    assert!(out.status.success(), "migready {args:?}: {out:?}");
    out.stdout
}

fn report_json(name: &str, today: &str) -> Value {
    let answers = format!("examples/{name}/answers.yaml");
    serde_json::from_slice(&migready(&["report", &answers, "--format", "json"], today)).unwrap()
}

/// Each open blocker's title and who owns it (or the role still to be staffed).
fn blockers_and_owners(report: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for f in report["findings"].as_array().unwrap() {
        if f["blocker"] == true && f["waived"] == false {
            out.push(f["title"].as_str().unwrap().to_string());
            let owner = f["owner"].as_str().or(f["owner_role"].as_str()).unwrap();
            out.push(owner.to_string());
        }
    }
    out
}

fn label(verdict: &str) -> &'static str {
    match verdict {
        "go" => "GO",
        "conditional" => "GO WITH CONDITIONS",
        "no-go" => "NO-GO",
        other => panic!("unknown verdict {other}"),
    }
}

/// What the script checks for one example: its HTML file and what its first A4 page must say.
fn spec(name: &str, today: &str, dir: &Path) -> Value {
    let answers = format!("examples/{name}/answers.yaml");
    let page = if today == TODAY {
        name.to_owned()
    } else {
        format!("{name}-{today}")
    };
    let html = dir.join(format!("{page}.html"));
    std::fs::write(
        &html,
        migready(&["report", &answers, "--format", "html"], today),
    )
    .unwrap();
    let report = report_json(name, today);
    let mut first_page = vec![label(report["verdict"].as_str().unwrap()).to_string()];
    for line in report["decision"].as_array().unwrap() {
        first_page.push(line["text"].as_str().unwrap().to_string());
    }
    // The whole brief is on page 1, down to its last block, and names every open blocker.
    first_page.extend(
        [
            "Decisions for leadership",
            "Actions, most urgent first",
            "What the verdict rests on",
            "Judged by:",
        ]
        .map(String::from),
    );
    first_page.extend(blocker_titles(&report));
    json!({
        "name": page,
        "file": html,
        // The overall bar and one per priority.
        "min_svgs": 1 + report["priority_details"].as_array().unwrap().len(),
        "max_pages": pages(&page),
        "pages": pages(&page),
        // The team part starts on page 2; the brief must not leave page 1 half empty.
        "brief_min_fill": 0.6,
        "first_page": first_page,
    })
}

/// Each example's A4 page count, as printed from Chromium: page 1 is the brief, the rest is the
/// part for the project team. A change here is a change a reader of the printout sees.
fn pages(name: &str) -> usize {
    match name {
        "summit-accounting" => 4,
        "harbor-logistics" => 5,
        "lakeside-dental" => 11,
        "lakeside-dental-2027-07-15" => 11,
        other => panic!("no page count recorded for {other}"),
    }
}

fn blocker_titles(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["blocker"] == true && f["waived"] == false)
        .map(|f| f["title"].as_str().unwrap().to_string())
        .collect()
}

/// The portfolio of the three examples: its first page holds the totals and every NO-GO client's
/// blockers with their owners.
fn portfolio_spec(dir: &Path) -> Value {
    let html = dir.join("portfolio.html");
    let page = migready(
        &["portfolio", "examples", "--format", "html"],
        PORTFOLIO_TODAY,
    );
    std::fs::write(&html, page).unwrap();
    let mut first_page: Vec<String> = [
        "Migration readiness portfolio",
        "NO-GO",
        "GO WITH CONDITIONS",
    ]
    .map(String::from)
    .to_vec();
    first_page.push("Needs attention first".into());
    for name in EXAMPLES {
        let report = report_json(name, PORTFOLIO_TODAY);
        if report["verdict"] == "no-go" {
            first_page.push(report["organisation"].as_str().unwrap().to_string());
            first_page.extend(blockers_and_owners(&report));
        }
    }
    json!({
        "name": "portfolio",
        "file": html,
        "min_svgs": EXAMPLES.len(),
        "max_pages": 3,
        "first_page": first_page,
    })
}

#[test]
fn the_reports_and_the_portfolio_read_well_on_a_phone_a_desktop_and_a4() {
    if let Some(reason) = missing_tools() {
        assert!(
            std::env::var_os("CI").is_none(),
            "browser tests cannot run under CI: {reason}"
        );
        eprintln!("skipped: the browser tests need {reason}");
        return;
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&dir).unwrap();
    let mut specs: Vec<Value> = EXAMPLES
        .iter()
        .map(|name| spec(name, TODAY, &dir))
        .collect();
    // Later, with overdue items, expired dates and an out-of-date assessment, the brief still fits.
    specs.push(spec("lakeside-dental", LATER, &dir));
    specs.push(portfolio_spec(&dir));
    let spec_file = dir.join("reports.json");
    std::fs::write(&spec_file, serde_json::to_string_pretty(&specs).unwrap()).unwrap();
    let out = Process::new(python())
        .arg(SCRIPT)
        .arg(&spec_file)
        .arg(&dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "{SCRIPT} found problems (screenshots and PDFs in {}):\n{stdout}\n{}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let checked = stdout.lines().filter(|l| l.starts_with('{')).count();
    assert_eq!(checked, specs.len(), "one result per page:\n{stdout}");
}
