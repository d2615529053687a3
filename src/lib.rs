//! migready: readiness checklists, a rule engine and a go/no-go gate for IT migrations.
//!
//! The library is what the binary and the tests share. Data flows one way: `load` reads files
//! into the checked `model`, `engine` scores it without I/O, `report` renders the result, and
//! `commands` glue them for each subcommand.
//!
//! # Layers
//!
//! A module imports only from its own layer's lower entries or from layers below it:
//!
//! ```text
//! main.rs                     parse the command line, run, map the outcome to an exit code
//! commands                    one module per subcommand: load, score, pick a renderer, print
//! interactive  report  schema the interview; every renderer; the JSON Schemas
//! load         engine         files into the model, every problem located; scoring and the gate
//! model  →  expr              the checked catalogue, answers, config and limits; the condition language
//! date diag suggest glob atomic   leaves: dates, diagnostics, "did you mean", globs, atomic writes
//! ```
//!
//! The lower part (the leaves, `expr`, `model::{catalog, limits}` and the checklist loader in
//! `load`) is the `migready-core` crate under `crates/core/`, because `build.rs` compiles the
//! built-in checklists with it; this crate re-exports each module at the same path.
//!
//! `cli` holds only the command-line types (clap); `main` parses them and `commands` read them.
//! It imports value types from below (`model`, `engine`, `schema`, `report::portfolio`) and
//! nothing from `commands`. Nothing below `commands` depends on clap.
//!
//! # Where does X live
//!
//! | what | where |
//! |---|---|
//! | a subcommand's flags / its behaviour | `cli` / `commands::<name>` |
//! | config and catalogue loading for every command, output, exit codes | `commands/mod.rs` (`Env`, `Exit`, `Failure`) |
//! | scoring one answers file (read, load, assess, gate), the gate request | `commands::scoring` |
//! | reading a file, size and encoding limits | `load::source` (core) |
//! | YAML to a spanned tree; checklist files; answers and config files | `load::yaml`, `load::{checklist, question}` (core); `load::{answers, config}` |
//! | checklist folders and their file limit | `load::folders` |
//! | the catalogue: ids, priorities, conditions compiled | `load::catalog` (core) |
//! | the built-in checklists: their list, their build-time compile, their embedding | `load::BUILTIN_FILES` (core), `build.rs`, `load::builtin` |
//! | the limits and their `[limits]` keys | `model::limits` (core) |
//! | the condition language (`when:`) | `expr` (core) |
//! | risky answers in checklists (`raises:`, `finding:`), `lint`'s silent-risk warning | `load::risk` (core) |
//! | which rules fire and at what severity; run-up windows; rules a date would decide | `engine::findings` |
//! | `unknown` judged by its worst answer (conditions and follow-ups) | `engine::worst_case` |
//! | the stage (kickoff, go/no-go, after go-live, no date) | `engine::stage` |
//! | rule evaluation, scores and their caps, verdict, waivers, gate | `engine::{assess, score, verdict, gate}` |
//! | an answer's value checked against its question; placeholder names refused | `load::answer_value` |
//! | `migready.toml` checked against its schema, every problem at once | `load::config_check` |
//! | tenant evidence: ScubaGear and Maester results, the mapping, `import` | `evidence`, `commands::import` |
//! | which answer an interview answer is credited with | `interactive::attribution` |
//! | what every format shows (the report model), baseline comparison | `report::model`, `report::baseline` |
//! | `check` formats: table, json, junit, sarif, github, markdown | `report::check::*` |
//! | `report` formats: the outline once, markdown, html, json | `report::leadership::{outline, markup, markdown, html, json}` |
//! | `portfolio` / `diff` table / `explain` / end of the interview | `report::portfolio`, `report::diff`, `report::explain`, `report::interview` |
//! | escaping (markdown, HTML, XML), plain phrases, finding locations, terminal tables | `report::{escape, phrases, location, terminal}` |
//! | the interview: prompts, saving, Ctrl-C | `interactive::{interview, terminal, store, interrupt}` |
//! | error positions and codes; dates; "did you mean" | `diag`, `date`, `suggest` (core) |

pub mod atomic;
pub mod cli;
pub mod commands;
pub mod engine;
pub mod evidence;
pub mod glob;
pub mod interactive;
pub mod load;
pub mod model;
pub mod report;
pub mod schema;

// Built as their own crate so that build.rs can compile the built-in checklists with them.
pub use migready_core::{date, diag, expr, suggest};
