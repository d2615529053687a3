//! Where a finding points in the answers file, and the one line that names it beside that spot.
//! SARIF, GitHub annotations, JUnit and the pull-request summary all locate findings this way.

use crate::diag::Pos;
use crate::report::model::FindingLine;

/// Where a finding shows in the answers file: the first of its answers that is written there.
pub fn first_answer_pos(f: &FindingLine) -> Option<Pos> {
    f.answers.iter().find_map(|a| a.pos)
}

/// "title. Owner: X, due D. Answers: a, b." in one line: what a reviewer needs beside the line.
pub fn message(f: &FindingLine) -> String {
    let blocker = if f.blocker { " (go-live blocker)" } else { "" };
    let due = f.due.map(|d| format!(", due {d}")).unwrap_or_default();
    let answers: Vec<String> = f
        .answers
        .iter()
        .map(|a| match a.pos {
            Some(_) => a.question.clone(),
            None => format!("{} (unanswered)", a.question),
        })
        .collect();
    format!(
        "{} {}{blocker}: {}. Owner: {}{due}. Answers: {}.",
        f.severity.as_str(),
        f.rule,
        f.title.trim_end_matches('.'),
        f.owner,
        answers.join(", ")
    )
}
