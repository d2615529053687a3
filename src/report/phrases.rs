//! Plain words for numbers and dates, shared by every renderer. Nothing here comes from a file,
//! so nothing needs escaping.

/// What held the score down, in words: "held at 70.0 by END-007", "held at 40.0: too few answers".
pub fn cap_phrase(cap: &crate::report::model::CapLine) -> String {
    match &cap.rule {
        Some(rule) => format!("held at {:.1} by {rule}", cap.max),
        None => format!("held at {:.1}: too few questions answered", cap.max),
    }
}

/// The stage, and what a score cap or a missing date means for the reader; one line.
pub fn judged_phrase(r: &crate::report::Report) -> String {
    let mut s = format!("judged at {}", r.stage.label());
    if let Some(cap) = &r.score_cap {
        s.push_str(&format!(" · score {}", cap_phrase(cap)));
    }
    if !r.not_evaluable.is_empty() {
        let ids: Vec<&str> = r.not_evaluable.iter().map(|(id, _)| id.as_str()).collect();
        s.push_str(&format!(
            " · not evaluable until a go-live date is set: {}",
            ids.join(", ")
        ));
    }
    s
}

/// For an assessment too incomplete to judge, what to do first, before any finding:
/// "Not assessed yet: 3 of 98 applicable questions answered; run `migready assess --answers a.yaml`".
pub fn not_assessed(r: &crate::report::Report) -> Option<String> {
    if r.completeness >= r.thresholds.no_go_completeness {
        return None;
    }
    let answered = r
        .applicable_questions
        .saturating_sub(r.open_questions.len());
    Some(format!(
        "Not assessed yet: {answered} of {} applicable questions answered; run `migready assess --answers {}` to answer them, and read the findings below as what is not known",
        r.applicable_questions, r.answers_file
    ))
}

/// The go-live date, or that none is set.
pub fn go_live_text(go_live: Option<crate::date::Date>) -> String {
    go_live.map_or_else(|| "not set".to_owned(), |d| d.to_string())
}

/// "in 12 days", "tomorrow", "3 days ago": how far a date is, in words; `None` while no go-live
/// date is agreed.
pub fn days_phrase(days: Option<i64>) -> String {
    let Some(days) = days else {
        return "no date agreed".into();
    };
    match days {
        0 => "today".into(),
        1 => "tomorrow".into(),
        d if d > 1 => format!("in {d} days"),
        -1 => "1 day ago".into(),
        d => format!("{} days ago", -d),
    }
}

/// A signed delta for people: `+4.2`, `-0.3`, `±0.0`.
pub fn signed(delta: f64) -> String {
    if delta == 0.0 {
        "±0.0".to_owned()
    } else {
        format!("{delta:+.1}")
    }
}

/// A score with one decimal, or `n/a` when nothing applicable feeds it.
pub fn score(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".to_owned(), |v| format!("{v:.1}"))
}

pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// A score from 0 to 100 as ten cells, each a tenth of the scale, the last one filled in eighths
/// so that 47.4 and 51.2 look different.
pub fn bar(score: f64) -> String {
    cells(score, 10, &[])
}

/// The overall score as twenty cells with a `│` at each mark (the NO-GO and GO lines).
pub fn marked_bar(score: f64, marks: &[f64]) -> String {
    cells(score, 20, marks)
}

fn cells(score: f64, width: usize, marks: &[f64]) -> String {
    const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let step = 100.0 / width as f64;
    let eighths = ((score.clamp(0.0, 100.0) / step) * 8.0).round() as usize;
    let mut out = String::new();
    for cell in 0..width {
        if marks
            .iter()
            .any(|m| (m / step).round() as usize == cell && cell > 0)
        {
            out.push('│');
        }
        let filled = eighths.saturating_sub(cell * 8).min(8);
        out.push(match filled {
            8 => '█',
            0 => '░',
            n => EIGHTHS[n],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_tell_close_scores_apart() {
        assert_ne!(bar(47.4), bar(51.2));
        assert_eq!(bar(50.0), "█████░░░░░");
        assert_eq!(bar(100.0), "██████████");
        assert_eq!(bar(0.0), "░░░░░░░░░░");
    }

    #[test]
    fn the_overall_bar_marks_its_lines() {
        let b = marked_bar(35.8, &[50.0, 75.0]);
        assert_eq!(b.chars().filter(|c| *c == '│').count(), 2);
        assert_eq!(b.chars().count(), 22);
        assert!(b.starts_with("███████"), "{b}");
        assert_eq!(b.split('│').next().map(|s| s.chars().count()), Some(10));
    }
}
