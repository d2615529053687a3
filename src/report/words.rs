//! Remediation in the steps a reader sees.

/// Splits "1. Do this. 2. Then that." at each next number in turn; anything else stays whole.
pub fn steps(text: &str) -> Vec<&str> {
    let text = text.trim();
    let Some(mut rest) = text.strip_prefix("1. ") else {
        return vec![text];
    };
    let mut steps = Vec::new();
    let mut next = 2;
    while let Some((step, after)) = split_at_number(rest, next) {
        steps.push(step.trim());
        rest = after;
        next += 1;
    }
    steps.push(rest.trim());
    steps
}

/// Finds `N. ` after whitespace (a space or the line break of a folded YAML string).
fn split_at_number(text: &str, n: usize) -> Option<(&str, &str)> {
    let marker = format!("{n}. ");
    let mut from = 0;
    while let Some(at) = text[from..].find(&marker).map(|i| i + from) {
        if text[..at].ends_with(char::is_whitespace) {
            return Some((&text[..at], &text[at + marker.len()..]));
        }
        from = at + marker.len();
    }
    None
}
