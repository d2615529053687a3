//! GitHub Actions workflow commands: each finding becomes an annotation on the answer line that triggered it.
//!
//! Critical and high findings are errors, medium and low warnings, info and waived findings notices.
//! The last lines say the verdict and why the gate failed, in plain text for the job log.

use std::fmt::Write;

use crate::model::Severity;
use crate::report::location::{first_answer_pos, message};
use crate::report::model::{FindingLine, Report};

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let _ = writeln!(out, "{}", annotation(report, f));
    }
    let _ = writeln!(
        out,
        "migready: {} (score {:.1}/100, completeness {:.1}%) for {}, {}",
        report.verdict.label(),
        report.score,
        report.completeness,
        report.answers_file,
        crate::report::phrases::judged_phrase(report)
    );
    if let Some(c) = report.coverage.shown() {
        let _ = writeln!(out, "Tenant evidence: {}", c.sentence());
    }
    if let Some(gate) = &report.gate {
        if gate.passed {
            let _ = writeln!(out, "Gate passed");
        } else {
            let _ = writeln!(out, "Gate FAILED");
            for reason in &gate.reasons {
                let _ = writeln!(out, "  - {reason}");
            }
        }
    }
    out
}

/// `::error file=…,line=…,col=…,title=…::message`; without a line when no triggering answer is written.
fn annotation(report: &Report, f: &FindingLine) -> String {
    let mut properties = format!("file={}", property(&report.answers_file));
    if let Some(pos) = first_answer_pos(f) {
        let _ = write!(properties, ",line={},col={}", pos.line, pos.column);
    }
    let waived = if f.waived { " (waived)" } else { "" };
    let title = format!("{} {}{waived}: {}", f.rule, f.severity.as_str(), f.title);
    let _ = write!(properties, ",title={}", property(&title));
    let mut text = message(f);
    let _ = write!(text, "\n\n{}", f.remediation.trim());
    let waiver = report.waivers.iter().find(|w| w.rule == f.rule);
    if let (true, Some(w)) = (f.waived, waiver) {
        let _ = write!(
            text,
            "\n\nWaived until {} by {}: {}",
            w.expires,
            w.approved_by,
            w.reason.trim()
        );
    }
    format!("::{} {properties}::{}", command(f), data(&text))
}

fn command(f: &FindingLine) -> &'static str {
    if f.waived {
        return "notice";
    }
    match f.severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium | Severity::Low => "warning",
        Severity::Info => "notice",
    }
}

/// Escapes a workflow command's message, as the Actions toolkit does.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value, where `:` and `,` are separators.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
