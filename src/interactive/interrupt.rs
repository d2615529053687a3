//! Ctrl-C at any moment ends the interview with a note on what is saved, never in the middle of a save.
//!
//! A list prompt reads keys in raw mode and turns Ctrl-C into SIGINT; between prompts the terminal
//! sends it. Either way the handler takes the lock that every save holds, so it waits for a save in
//! progress, prints the note the last save left, and exits with 130.

use std::sync::{Mutex, MutexGuard};

use dialoguer::console::Term;

/// The exit code of an interview stopped by Ctrl-C (128 + SIGINT), as shells report it.
pub const EXIT_CODE: i32 = 130;

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

/// Prints the note and exits with 130; the first caller wins, a second waits for the exit.
pub fn stop() -> ! {
    let note = lock();
    let _ = Term::stderr().show_cursor();
    eprintln!("\n{note}");
    std::process::exit(EXIT_CODE);
}
