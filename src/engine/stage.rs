//! The stage an assessment is judged at, from the days left to go-live.
//!
//! Far from go-live a plan with an owner and a date is normal; in the final window the same
//! answer stops the migration. Every output says which stage applied.

/// Days before go-live from which the assessment is a go/no-go decision rather than a kickoff.
pub const FINAL_WINDOW_DAYS: i64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// No go-live date agreed: rules about the run-up to cutover cannot be judged.
    NoDate,
    /// More than the final window before go-live: plans count, execution is not yet due.
    Kickoff,
    /// Within the final window: what is not done now is a blocker.
    GoNoGo,
    /// Go-live has passed: the run-up rules are closed, the post-go-live rules apply.
    AfterGoLive,
}

impl Stage {
    pub fn of(days_to_go_live: Option<i64>) -> Stage {
        match days_to_go_live {
            None => Stage::NoDate,
            Some(d) if d < 0 => Stage::AfterGoLive,
            Some(d) if d <= FINAL_WINDOW_DAYS => Stage::GoNoGo,
            Some(_) => Stage::Kickoff,
        }
    }

    /// The id used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::NoDate => "no-date",
            Stage::Kickoff => "kickoff",
            Stage::GoNoGo => "go-no-go",
            Stage::AfterGoLive => "after-go-live",
        }
    }

    /// The words a report shows.
    pub fn label(self) -> &'static str {
        match self {
            Stage::NoDate => "no go-live date yet",
            Stage::Kickoff => "kickoff (more than 30 days before go-live)",
            Stage::GoNoGo => "go/no-go (final 30 days before go-live)",
            Stage::AfterGoLive => "after go-live",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_final_window_is_thirty_days_and_ends_at_go_live() {
        assert_eq!(Stage::of(Some(31)), Stage::Kickoff);
        assert_eq!(Stage::of(Some(30)), Stage::GoNoGo);
        assert_eq!(Stage::of(Some(0)), Stage::GoNoGo);
        assert_eq!(Stage::of(Some(-1)), Stage::AfterGoLive);
        assert_eq!(Stage::of(None), Stage::NoDate);
    }
}
