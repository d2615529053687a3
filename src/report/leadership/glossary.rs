//! Plain words for the terms the report uses: the list is data (`glossary.yaml`); this module
//! picks the terms a given report uses, so the glossary at its end stays short.

use serde::Deserialize;

use crate::report::model::Report;

const GLOSSARY: &str = include_str!("glossary.yaml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub term: String,
    pub means: String,
    #[serde(default)]
    pub always: bool,
    #[serde(default = "yes")]
    pub page_one: bool,
}

fn yes() -> bool {
    true
}

/// Every term of the built-in glossary, parsed once.
pub fn all() -> &'static [Term] {
    // Built in and checked by a unit test: an empty glossary is the worst a bad edit can cause.
    static TERMS: std::sync::LazyLock<Vec<Term>> =
        std::sync::LazyLock::new(|| serde_saphyr::from_str(GLOSSARY).unwrap_or_default());
    &TERMS
}

/// The terms this report uses: the page-1 words, and any that appear in a finding or its answers.
pub fn used(r: &Report) -> Vec<Term> {
    let mut text = String::new();
    for f in &r.findings {
        for part in [&f.title, &f.risk, &f.remediation] {
            text.push_str(part);
            text.push('\n');
        }
        for a in &f.answers {
            text.push_str(&a.prompt);
            text.push('\n');
            text.push_str(a.note.as_deref().unwrap_or_default());
            text.push('\n');
        }
    }
    all()
        .iter()
        .filter(|t| t.always || mentions(&text, &t.term))
        .cloned()
        .collect()
}

/// The terms a piece of text uses, for the short list of words under the brief.
pub fn mentioned(text: &str) -> Vec<Term> {
    all()
        .iter()
        .filter(|t| t.page_one && mentions(text, &t.term))
        .cloned()
        .collect()
}

/// Whole-word, and case-sensitive for abbreviations (MX is not "mx" in "mixed").
fn mentions(text: &str, term: &str) -> bool {
    let abbreviation = term.chars().filter(char::is_ascii_uppercase).count() > 1;
    let (hay, needle) = if abbreviation {
        (text.to_owned(), term.to_owned())
    } else {
        (text.to_lowercase(), term.to_lowercase())
    };
    hay.match_indices(&needle).any(|(at, _)| {
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glossary_reads_and_spells_out_the_abbreviations_the_issue_named() {
        let terms: Vec<String> = all().iter().map(|t| t.term.clone()).collect();
        for word in ["MSP", "DNS", "RACI", "Hypercare", "Cutover", "Waiver"] {
            assert!(
                terms.iter().any(|t| t == word),
                "{word} missing from {terms:?}"
            );
        }
    }

    #[test]
    fn page_one_leaves_out_the_terms_marked_too_common() {
        let terms: Vec<String> = mentioned("Go-live is near and the MSP leaves")
            .into_iter()
            .map(|t| t.term)
            .collect();
        assert_eq!(terms, ["MSP"]);
    }

    #[test]
    fn terms_match_whole_words_and_abbreviations_by_case() {
        assert!(mentions("the MSP leaves", "MSP"));
        assert!(!mentions("mixed records", "MX"));
        assert!(!mentions("the msp leaves", "MSP"));
        assert!(mentions("Hypercare ends", "Hypercare"));
        assert!(!mentions("cutovers", "Cutover"));
    }
}
