//! The engine: pure functions from a catalogue and answers to scores, findings and a verdict.
//!
//! No I/O and no knowledge of terminals or formats: everything arrives as values.

pub mod assess;
pub mod evidence;
pub mod facts;
pub mod findings;
pub mod gate;
pub mod score;
pub mod stage;
pub mod verdict;
pub mod worst_case;

pub use assess::{Assessment, Finding, WaiverState, assess, assess_with};
pub use gate::{Gate, GateRequest};
pub use stage::Stage;
pub use verdict::Verdict;

/// Scores are shown and compared with one decimal, so that what a user reads is what was judged.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
