//! Plain words for numbers and dates, shared by every renderer. Nothing here comes from a file,
//! so nothing needs escaping.

/// "in 12 days", "tomorrow", "3 days ago": how far a date is, in words.
pub fn days_phrase(days: i64) -> String {
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

/// A score from 0 to 100 as ten cells, each a tenth of the scale.
pub fn bar(score: f64) -> String {
    let filled = ((score / 10.0).round().clamp(0.0, 10.0)) as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}
