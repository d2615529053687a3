//! `migready portfolio --format html`: the page an MSP sends to its management. What it lists, in
//! which order, what it escapes, and that it is the same bytes on every run.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use assert_cmd::Command;

fn portfolio(args: &[&str]) -> String {
    let out = Command::cargo_bin("migready")
        .unwrap()
        .args(["portfolio", "--format", "html"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// The text of the section with this id.
fn section<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("<section id=\"{id}\">"))
        .unwrap_or_else(|| panic!("no section {id}"));
    let len = page[start..].find("</section>").unwrap();
    &page[start..start + len]
}

#[test]
fn clients_short_of_go_come_first_with_their_blockers_and_owners() {
    let page = portfolio(&["examples", "--today", "2026-12-01"]);
    assert!(page.contains("<li class=\"no-go\"><strong>1</strong> NO-GO</li>"));
    assert!(page.contains("<li class=\"go\"><strong>0</strong> GO</li>"));
    let attention = section(&page, "attention");
    assert!(
        attention.contains("Needs attention first (4)"),
        "{attention}"
    );
    let lakeside = attention.find("Lakeside Dental Group — NO-GO").unwrap();
    let harbor = attention
        .find("Harbor Logistics — GO WITH CONDITIONS")
        .unwrap();
    assert!(lakeside < harbor, "NO-GO first");
    for blocker in [
        "Nobody owns the go / no-go decision: Project sponsor <em>(a role: nobody is named yet)</em>",
        "The MSP leaves at go-live and nobody takes over: <strong>Nicole Brandt (group practice manager)</strong>",
    ] {
        assert!(attention.contains(blocker), "{blocker}\n{attention}");
    }
    let chart = section(&page, "chart");
    assert_eq!(chart.matches("<svg ").count(), 4, "one bar per client");
    assert_eq!(chart.matches("role=\"img\" aria-label=\"").count(), 4);
}

#[test]
fn go_lives_from_today_to_thirty_days_ahead_are_listed() {
    // Harbor Logistics goes live on 2028-03-06.
    for (today, listed) in [
        ("2028-02-04", false), // 31 days ahead
        ("2028-02-05", true),  // 30 days
        ("2028-03-06", true),  // today
        ("2028-03-07", false), // yesterday
    ] {
        let page = portfolio(&["examples/harbor-logistics/answers.yaml", "--today", today]);
        let soon = section(&page, "soon");
        assert_eq!(soon.contains("Harbor Logistics"), listed, "{today}: {soon}");
    }
}

#[test]
fn text_from_answers_files_is_escaped_and_nothing_can_load_or_run() {
    let dir = std::env::temp_dir().join(format!("migready-portfolio-html-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let answers = std::fs::read_to_string("examples/lakeside-dental/answers.yaml").unwrap();
    let hostile = answers.replacen(
        "organisation: Lakeside Dental Group",
        "organisation: \"<script>alert(1)</script> <img src=https://x.invalid/a.png> & 'Co'\"",
        1,
    );
    assert_ne!(hostile, answers);
    let file: PathBuf = dir.join("answers.yaml");
    std::fs::write(&file, hostile).unwrap();
    let page = portfolio(&[file.to_str().unwrap(), "--today", "2026-12-01"]);
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=https://x.invalid/a.png&gt; &amp; &#39;Co&#39;"));
    for forbidden in ["<script", "<img", "<link", "href=", "src=\"", "url("] {
        assert!(!page.contains(forbidden), "{forbidden}");
    }
}

#[test]
fn the_same_files_give_the_same_bytes_whatever_the_threads() {
    let args = ["examples", "--today", "2028-02-15"];
    let one = portfolio(&[&args[..], &["--jobs", "1"]].concat());
    let four = portfolio(&[&args[..], &["--jobs", "4"]].concat());
    assert_eq!(one, four);
    assert_eq!(one, portfolio(&args));
}
