//! Page 1 of `migready report`, the brief leadership decides from: what it says about time, what
//! it leaves out, and that its counts agree with the pages for the project team.

// A test stops at the line that failed: unwrapping and panicking are how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;

const LAKESIDE: &str = "examples/lakeside-dental/answers.yaml";
const HARBOR: &str = "examples/harbor-logistics/answers.yaml";
const EXAMPLES: [&str; 3] = ["examples/summit-accounting/answers.yaml", HARBOR, LAKESIDE];

fn report(args: &[&str], today: &str) -> String {
    let out = Command::cargo_bin("migready")
        .unwrap()
        .env("NO_COLOR", "1")
        .env_remove("MIGREADY_TODAY")
        .arg("report")
        .args(args)
        .args(["--today", today])
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// The markdown report's page 1: everything before the part for the project team.
fn brief(answers: &str, today: &str) -> String {
    let md = report(&[answers], today);
    let end = md.find("# For the project team").expect("the team part");
    md[..end].to_owned()
}

#[test]
fn page_one_says_what_time_has_done() {
    let now = brief(LAKESIDE, "2026-12-01");
    assert!(now.contains("**waiver expired 62 days ago**"), "{now}");
    assert!(!now.contains("overdue"), "{now}");
    assert!(!now.contains("older than"), "{now}");
    assert!(now.contains("2027-03-01: due before go-live"), "{now}");

    let later = brief(LAKESIDE, "2027-07-15");
    assert!(
        later.contains("2027-03-01: **overdue by 136 days**"),
        "{later}"
    );
    assert!(
        later.contains("**2027-04-18 passed 88 days ago**"),
        "{later}"
    );
    assert!(
        later.contains("237 days ago: older than 90 days"),
        "{later}"
    );
    // Late items come first.
    let first_row = later
        .lines()
        .find(|l| l.starts_with("| ") && !l.starts_with("| Action"));
    assert!(first_row.unwrap().contains("overdue"), "{later}");
}

#[test]
fn a_date_answered_that_has_passed_says_so_where_it_appears() {
    let md = report(&[LAKESIDE], "2027-07-15");
    assert!(
        md.contains("*2027-04-18, already passed (88 days ago)*"),
        "the APNs expiry is no longer read as a future date"
    );
    let before = report(&[LAKESIDE], "2026-12-01");
    assert!(!before.contains("already passed"));
}

#[test]
fn the_age_warning_follows_the_configured_number_of_days() {
    let dir = std::env::temp_dir().join(format!("migready-brief-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("migready.toml");
    std::fs::write(&config, "[report]\nassessment_max_age_days = 365\n").unwrap();
    let config = config.to_str().unwrap();
    let md = report(&[LAKESIDE, "--config", config], "2027-07-15");
    assert!(!md.contains("older than"), "365 days allowed: {md}");
    let json: Value = serde_json::from_str(&report(
        &[LAKESIDE, "--format", "json", "--config", config],
        "2027-07-15",
    ))
    .unwrap();
    assert_eq!(json["brief"]["basis"]["max_age_days"], 365);
    assert_eq!(json["brief"]["basis"]["out_of_date"], false);

    std::fs::write(
        dir.join("migready.toml"),
        "[report]\nassessment_max_age_days = \"soon\"\n",
    )
    .unwrap();
    let out = Command::cargo_bin("migready")
        .unwrap()
        .args(["report", LAKESIDE, "--config", config])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("migready.toml:2:"), "{stderr}");
    assert!(stderr.contains("assessment_max_age_days"), "{stderr}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_verdict_says_whether_to_stop_keep_preparing_or_proceed() {
    let far = brief(LAKESIDE, "2026-12-01");
    assert!(
        far.contains("**Keep preparing, but do not start the cutover:**"),
        "{far}"
    );
    let close = brief(LAKESIDE, "2028-05-01");
    assert!(
        close.contains("**Stop: do not cut over on the planned date:**"),
        "{close}"
    );
    let harbor = brief(HARBOR, "2026-12-01");
    assert!(harbor.contains("**Proceed, and meet the conditions before the cutover:**"));
    // The overall bar marks the NO-GO and GO lines in text too.
    assert!(far.contains("NO-GO below 50, GO from 75"), "{far}");
    assert_eq!(
        far.lines()
            .find(|l| l.starts_with('`'))
            .unwrap()
            .matches('│')
            .count(),
        2
    );
}

#[test]
fn decisions_for_leadership_quote_the_organisations_own_words() {
    let page = brief(LAKESIDE, "2026-12-01");
    let section = &page[page.find("## Decisions for leadership").unwrap()..];
    assert!(section.contains("**Approve spending:**"), "{section}");
    assert!(
        section.contains("A third-party backup was quoted and not approved."),
        "{section}"
    );
    assert!(
        section.contains("**Sign or change a contract:** The MSP leaves at go-live"),
        "{section}"
    );
    assert!(
        section.contains("**Appoint someone:** Nobody owns the go / no-go decision"),
        "{section}"
    );
}

#[test]
fn page_one_holds_no_ids_paths_or_pipeline_words() {
    for answers in EXAMPLES {
        let page = brief(answers, "2026-12-01");
        let json: Value =
            serde_json::from_str(&report(&[answers, "--format", "json"], "2026-12-01")).unwrap();
        for f in json["findings"].as_array().unwrap() {
            let id = f["rule"].as_str().unwrap();
            assert!(!page.contains(id), "{answers}: id {id} on page 1");
        }
        for word in ["answers.yaml", "CI gate", "examples/"] {
            assert!(!page.contains(word), "{answers}: {word:?} on page 1");
        }
    }
}

#[test]
fn counts_agree_and_accepted_risks_are_not_open() {
    let md = report(&[HARBOR], "2026-12-01");
    assert!(
        md.contains("**Why:** 4 serious risks have no waiver"),
        "{md}"
    );
    assert!(
        md.contains("## Go-live blockers (0) and serious risks (4)"),
        "{md}"
    );
    assert!(md.contains("## Accepted risks (1)"), "{md}");
    let page = brief(HARBOR, "2026-12-01");
    assert!(
        page.contains("Accepted, not open: “MFA does not cover every user” (high)"),
        "{page}"
    );
}

#[test]
fn every_open_blocker_stays_in_the_action_table_when_late_items_come_first() {
    // By mid-2027 three of Lakeside's risks are late and outrank its three blockers; the verdict's
    // sentence still promises "the 3 go-live blockers below", so all three must be listed.
    for today in ["2026-12-01", "2027-07-15"] {
        let page = brief(LAKESIDE, today);
        let table: Vec<&str> = page
            .lines()
            .skip_while(|l| !l.starts_with("## Actions"))
            .take_while(|l| !l.starts_with("## What"))
            .filter(|l| l.starts_with("| ") && !l.starts_with("| Action"))
            .collect();
        let blockers = table
            .iter()
            .filter(|l| l.contains("(go-live blocker)"))
            .count();
        assert!(page.contains("the 3 go-live blockers below"), "{page}");
        assert_eq!(blockers, 3, "{today}: {table:#?}");
        assert!(table.len() >= 5, "{today}: {table:#?}");
        let shown = table.len();
        let open = 69;
        assert!(
            page.contains(&format!("{} more for the project team", open - shown)),
            "{today}: {page}"
        );
    }
    // The JSON form marks the same rows.
    let json: Value =
        serde_json::from_str(&report(&[LAKESIDE, "--format", "json"], "2027-07-15")).unwrap();
    let actions = json["brief"]["actions"].as_array().unwrap();
    let on_page_one: Vec<&str> = actions
        .iter()
        .filter(|a| a["on_page_one"] == true)
        .map(|a| a["rule"].as_str().unwrap())
        .collect();
    assert_eq!(on_page_one.len(), 6, "{on_page_one:?}");
    for blocker in ["COM-001", "ESC-003", "PGL-003"] {
        assert!(on_page_one.contains(&blocker), "{on_page_one:?}");
    }
}

#[test]
fn an_assessor_from_the_company_a_decision_concerns_is_pointed_out() {
    // Lakeside's answers were given by BrightPath IT, whose unsigned quote is a leadership decision.
    let now = brief(LAKESIDE, "2026-12-01");
    assert!(
        now.contains("**Independence:** **the assessor works for BrightPath IT"),
        "{now}"
    );
    for answers in &EXAMPLES[..2] {
        let page = brief(answers, "2026-12-01");
        assert!(!page.contains("Independence"), "{answers}: {page}");
    }
    // The same answers given by the practice manager carry no such line.
    let dir = std::env::temp_dir().join(format!("migready-independence-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(LAKESIDE).unwrap().replace(
        "assessed_by: Kevin Tran, project engineer, BrightPath IT",
        "assessed_by: Nicole Brandt, group practice manager, Lakeside Dental Group",
    );
    let own = dir.join("answers.yaml");
    std::fs::write(&own, text).unwrap();
    let page = brief(own.to_str().unwrap(), "2026-12-01");
    assert!(page.contains("Nicole Brandt"), "{page}");
    assert!(!page.contains("Independence"), "{page}");
    let json: Value =
        serde_json::from_str(&report(&[LAKESIDE, "--format", "json"], "2026-12-01")).unwrap();
    assert!(
        json["brief"]["basis"]["independence"]
            .as_str()
            .unwrap()
            .contains("BrightPath IT")
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn every_open_finding_shows_its_rule_id_in_the_part_for_the_project_team() {
    // The id is how the team asks `migready explain` why a finding fired.
    for answers in EXAMPLES {
        let md = report(&[answers], "2026-12-01");
        let team = &md[md.find("# For the project team").unwrap()..];
        let json: Value =
            serde_json::from_str(&report(&[answers, "--format", "json"], "2026-12-01")).unwrap();
        for f in json["findings"].as_array().unwrap() {
            if f["waived"] == true {
                continue;
            }
            // As code, which keeps the id as it is written.
            let id = format!("`{}`", f["rule"].as_str().unwrap());
            assert!(team.contains(&id), "{answers}: {id} missing");
        }
    }
}
