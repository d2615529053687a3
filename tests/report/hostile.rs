//! A corpus of hostile strings in every free-text field of an answers file, through every format:
//! nothing may open a link, start a tag, break a table or start a new block.

use super::{answers_file, assert_self_contained, parse_html, run, scratch};

const CORPUS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"https://evil.example/a\">click</a>",
    "[click](javascript:alert(1))",
    "![pixel](https://evil.example/p.png)",
    "[ref]: https://evil.example/ref",
    "https://evil.example/phish",
    "www.evil.example",
    "x@evil.example",
    "mailto:x@evil.example",
    "a | b || c",
    "`code` ``more``",
    "**bold** _it_ ~~strike~~",
    "\"quotes\" & 'apostrophes' &amp; &#60; &lt;b&gt;",
    "<!-- comment -->",
    "</td></tr></table></main>",
    "]]></style><style>*{display:none}</style>",
    "line one\nline two\n# Heading\n- item\n> quote\n1. first\n| a | b |\n|---|---|",
    "tab\there",
    "\\escaped\\ \\| pipe",
    "data:text/html;base64,PHNjcmlwdD4=",
    "{{template}} ${var} %s",
];

/// One string holding every attack; JSON strings are valid YAML, so it survives any escaping.
fn hostile() -> String {
    CORPUS.join(" ")
}

fn yaml(s: &str) -> String {
    serde_json::to_string(s).expect("JSON string")
}

/// Lakeside Dental (findings, open questions, an expired waiver) with every free-text field hostile.
fn hostile_answers() -> String {
    let h = yaml(&hostile());
    let text = std::fs::read_to_string("examples/lakeside-dental/answers.yaml").expect("example");
    let replace = [
        (
            "organisation: Lakeside Dental Group",
            format!("organisation: {h}"),
        ),
        (
            "project: Web-host mail to Microsoft 365 Business Premium",
            format!("project: {h}"),
        ),
        (
            "assessed_by: Kevin Tran, project engineer, BrightPath IT",
            format!("assessed_by: {h}"),
        ),
        (
            "  comms.go_no_go:\n    value: none\n",
            format!("  comms.go_no_go:\n    value: none\n    owner: {h}\n    evidence: {h}\n"),
        ),
        (
            "  escalation.rollback_authority: unknown\n",
            format!("  escalation.rollback_authority:\n    value: unknown\n    owner: {h}\n"),
        ),
        (
            "approved_by: Dr Alan Reyes, principal dentist",
            format!("approved_by: {h}"),
        ),
    ];
    let mut text = text;
    for (from, to) in replace {
        assert!(text.contains(from), "the example still has {from:?}");
        text = text.replacen(from, &to, 1);
    }
    text.replace(
        "    note: Nobody at the practices has been asked",
        &format!("    note: {h}\n    # was: Nobody at the practices has been asked"),
    )
    .replace(
        "    reason: Backup to be added",
        &format!("    reason: {h}\n    # was: Backup to be added"),
    )
}

/// A line with its code spans removed, so that what is left is what a renderer would interpret.
fn outside_code(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\\' && i + 1 < chars.len() {
            out.push(chars[i]);
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if chars[i] == '`' {
            let run = chars[i..].iter().take_while(|c| **c == '`').count();
            let fence: String = "`".repeat(run);
            let rest: String = chars[i + run..].iter().collect();
            if let Some(end) = rest.find(&fence) {
                i += run + rest[..end].chars().count() + run;
                out.push_str("CODE");
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Whether the character at byte `at` is escaped by a backslash (itself not escaped).
fn escaped(text: &str, at: usize) -> bool {
    text[..at].chars().rev().take_while(|c| *c == '\\').count() % 2 == 1
}

fn unescaped(text: &str, pattern: &str) -> bool {
    text.match_indices(pattern)
        .any(|(at, _)| !escaped(text, at))
}

fn pipes(line: &str) -> usize {
    line.match_indices('|')
        .filter(|(at, _)| !escaped(line, *at))
        .count()
}

#[test]
fn hostile_text_cannot_inject_markdown() {
    let dir = scratch("hostile-md");
    let path = answers_file(&dir, "answers.yaml", &hostile_answers());
    let path = path.to_str().expect("path");
    // The leadership report, and the gate summary posted as a pull-request comment.
    assert_no_markdown_injection(&run(&["report", path]));
    let summary = migready_output(&["check", path, "--format", "markdown"]);
    assert_no_markdown_injection(&summary);
    let _ = std::fs::remove_dir_all(dir);
}

/// `check` exits 1 when the gate fails, which is expected here; only its output matters.
fn migready_output(args: &[&str]) -> String {
    let out = super::migready()
        .args(args)
        .output()
        .expect("migready runs");
    assert!(matches!(out.status.code(), Some(0 | 1)), "{args:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn assert_no_markdown_injection(md: &str) {
    assert!(!md.contains('\t'));
    let mut table_pipes = None;
    for line in md.lines() {
        for block in ["# Heading", "- item", "> quote", "1. first", "line two"] {
            assert!(
                !line.starts_with(block),
                "a new block from answer text: {line}"
            );
        }
        let text = outside_code(line);
        for pattern in [
            "<", "](", "]:", "![", "*bold", "_it", "~~", "&amp;", "&#60;",
        ] {
            assert!(
                !unescaped(&text, pattern),
                "unescaped {pattern:?} in: {line}"
            );
        }
        for link in ["://", "www.", "@evil"] {
            assert!(!text.contains(link), "a link outside code in: {line}");
        }
        // Every row of a table has as many cell separators as its header.
        if line.starts_with('|') {
            let expected = *table_pipes.get_or_insert(pipes(line));
            assert_eq!(pipes(line), expected, "a broken table row: {line}");
        } else {
            table_pipes = None;
        }
    }
}

#[test]
fn hostile_text_cannot_inject_html() {
    let dir = scratch("hostile-html");
    let path = answers_file(&dir, "answers.yaml", &hostile_answers());
    let html = run(&["report", path.to_str().expect("path"), "--format", "html"]);
    let doc = parse_html(&html);
    assert_self_contained(&doc);
    assert!(!html.contains('\u{202E}'));
    let text: String = doc
        .descendants()
        .filter(roxmltree::Node::is_text)
        .filter_map(|n| n.text())
        .collect();
    // The strings are shown, as text, exactly as typed (bidi controls aside).
    for s in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "&amp;",
        "a | b || c",
    ] {
        assert!(text.contains(s), "{s:?} is not shown as text");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn hostile_text_round_trips_through_json() {
    let dir = scratch("hostile-json");
    let path = answers_file(&dir, "answers.yaml", &hostile_answers());
    let out = run(&["report", path.to_str().expect("path"), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(json["organisation"], hostile());
    assert_eq!(json["waivers"][0]["approved_by"], hostile());
    let _ = std::fs::remove_dir_all(dir);
}
