//! "Did you mean" suggestions for misspelt ids and option values.

/// The closest candidate to `input`, if one is close enough to be a plausible typo.
pub fn closest<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(input, c), c))
        .filter(|(similarity, _)| *similarity >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// `"; did you mean `x`?"`, or nothing when no candidate is close.
pub fn did_you_mean<'a, I>(input: &str, candidates: I) -> String
where
    I: IntoIterator<Item = &'a str>,
{
    closest(input, candidates)
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_a_near_miss() {
        let ids = ["identity.mfa_coverage", "identity.legacy_auth"];
        assert_eq!(
            closest("identity.mfa_coverag", ids),
            Some("identity.mfa_coverage")
        );
    }

    #[test]
    fn stays_quiet_for_unrelated_input() {
        assert_eq!(closest("zzz", ["identity.mfa_coverage"]), None);
    }
}
