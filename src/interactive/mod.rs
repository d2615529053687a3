//! The interview behind `migready assess`: the logic, the prompters that ask, and the file it writes.
//!
//! `interview` decides what to ask and saves after every answer through a `Store`; a `Prompter` asks
//! (`terminal` with dialoguer, `scripted` in tests); `writer` turns answers into the answers file;
//! What the team reads at the end is rendered by `report::interview`.

pub mod choices;
pub mod interrupt;
pub mod interview;
pub mod prompter;
pub mod scripted;
pub mod select;
pub mod store;
pub mod tenant_offer;
pub mod terminal;
pub mod typed;
pub mod writer;

pub use interview::{Ending, Interview, Store};
pub use prompter::{Ask, FollowUp, FollowUpAsk, Prompter, Reply, Risk};
