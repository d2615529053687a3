//! File-name patterns such as `*answers.y*ml`: `*` is any run of characters, `?` is one.
//!
//! Only names are matched, never paths, so the two wildcards are all a user needs; a crate for
//! full glob syntax would be more to learn and more to trust.

/// A checked file-name pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glob {
    pattern: Vec<char>,
}

impl Glob {
    /// Refuses patterns that could never match a name: empty ones and ones holding a path separator.
    pub fn new(pattern: &str) -> Result<Glob, String> {
        if pattern.is_empty() {
            return Err("the file-name pattern is empty".into());
        }
        if pattern.contains(['/', '\\']) {
            return Err(format!(
                "`{pattern}` is not a file-name pattern: it is matched against names, not paths, \
                 so it cannot hold `/` or `\\`"
            ));
        }
        Ok(Glob {
            pattern: pattern.chars().collect(),
        })
    }

    /// Whether the whole of `name` matches, case-sensitively (as shells and `.gitignore` do).
    ///
    /// Backtracks only to the last `*` seen, so the time is at most the product of the two
    /// lengths, whatever the pattern: `a*a*a*a*b` against a long run of `a` stays fast.
    pub fn matches(&self, name: &str) -> bool {
        let name: Vec<char> = name.chars().collect();
        let (mut p, mut n) = (0, 0);
        // Where the last `*` stood in the pattern, and where in the name it started to match.
        let mut star: Option<(usize, usize)> = None;
        while n < name.len() {
            match self.pattern.get(p) {
                Some('*') => {
                    star = Some((p, n));
                    p += 1;
                }
                Some(&c) if c == '?' || c == name[n] => {
                    p += 1;
                    n += 1;
                }
                _ => match star {
                    // Let the last `*` swallow one more character and try again from there.
                    Some((star_p, star_n)) => {
                        star = Some((star_p, star_n + 1));
                        p = star_p + 1;
                        n = star_n + 1;
                    }
                    None => return false,
                },
            }
        }
        self.pattern[p..].iter().all(|&c| c == '*')
    }
}

impl std::fmt::Display for Glob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.pattern.iter().try_for_each(|c| write!(f, "{c}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glob(p: &str) -> Glob {
        Glob::new(p).unwrap()
    }

    #[test]
    fn the_default_pattern_takes_answers_files_and_nothing_else() {
        let g = glob("*answers.y*ml");
        for name in [
            "answers.yaml",
            "answers.yml",
            "client-answers.yaml",
            "acme.answers.yml",
        ] {
            assert!(g.matches(name), "{name}");
        }
        for name in [
            "answers.yaml.bak",
            "answers-september.yaml",
            "Answers.yaml",
            "answers.json",
            "migready.toml",
            "answers.yaml~",
            "",
        ] {
            assert!(!g.matches(name), "{name}");
        }
    }

    #[test]
    fn question_mark_is_exactly_one_character() {
        let g = glob("q?.yaml");
        assert!(g.matches("q1.yaml"));
        assert!(g.matches("qé.yaml"));
        assert!(!g.matches("q.yaml"));
        assert!(!g.matches("q12.yaml"));
    }

    #[test]
    fn stars_match_empty_runs_and_anything() {
        assert!(glob("*").matches("anything at all"));
        assert!(glob("*").matches(""));
        assert!(glob("a**b").matches("ab"));
        assert!(glob("*.yaml").matches(".yaml"));
        assert!(glob("a*b*c").matches("aXbYbZc"));
        assert!(!glob("a*b*c").matches("aXbYbZ"));
        assert!(glob("exact.yaml").matches("exact.yaml"));
        assert!(!glob("exact.yaml").matches("exact.yamlx"));
        assert!(!glob("exact.yaml").matches("xexact.yaml"));
    }

    #[test]
    fn many_stars_against_a_long_name_stay_fast() {
        let name = "a".repeat(10_000);
        let started = std::time::Instant::now();
        assert!(!glob("*a*a*a*a*a*a*a*a*b").matches(&name));
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }

    #[test]
    fn patterns_that_could_never_match_a_name_are_refused() {
        assert!(Glob::new("").is_err());
        assert!(Glob::new("clients/*answers.yaml").is_err());
        assert!(Glob::new(r"clients\answers.yaml").is_err());
    }

    #[test]
    fn shows_as_written() {
        assert_eq!(glob("*answers.y*ml").to_string(), "*answers.y*ml");
    }
}
