//! Ctrl-C at any moment ends the interview with a note on what is saved, never in the middle of a save.
//!
//! A list prompt reads keys in raw mode and turns Ctrl-C into SIGINT; between prompts the terminal
//! sends it. Either way the handler takes the lock that every save holds, so it waits for a save in
//! progress, prints the note the last save left, and exits with 130. When the interview itself
//! sees the stop (a closed terminal, a prompt that returns Ctrl-C), it prints the note with
//! `stopped` and the command returns `Exit::Interrupted`, which `main` maps to 130.

use std::sync::{Mutex, MutexGuard};

use dialoguer::console::Term;

/// The exit code of an interview stopped by Ctrl-C (128 + SIGINT), as shells report it.
pub const EXIT_CODE: u8 = 130;

/// What to print when stopped; held locked during every save.
static NOTE: Mutex<String> = Mutex::new(String::new());

/// Installs the handler, with the note for a stop before anything is saved.
pub fn catch(note: String) {
    *lock() = note;
    // A second install (only in tests) fails harmlessly: the first handler does the same.
    let _ = ctrlc::set_handler(|| stop());
}

/// Held while saving: Ctrl-C waits. Set the note to what a stop after this save should say.
pub fn lock() -> MutexGuard<'static, String> {
    NOTE.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The signal handler's end: prints the note and exits with 130. A handler thread cannot return
/// through `main`, so this is the one place that exits the process.
#[allow(clippy::exit, reason = "a signal handler cannot return through main")]
fn stop() -> ! {
    stopped();
    std::process::exit(i32::from(EXIT_CODE));
}

/// Prints the note once, whoever stops first: a second caller (the handler racing the interview)
/// finds it printed and says nothing.
pub fn stopped() {
    let mut note = lock();
    if note.is_empty() {
        return;
    }
    let _ = Term::stderr().show_cursor();
    eprintln!("\n{note}");
    note.clear();
}
