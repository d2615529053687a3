//! A list prompt that also answers to single keys: `?` for help, `u` for unknown, and so on.
//!
//! dialoguer's lists take only arrows, Space and Enter, so a key such as `?` did nothing. This one
//! draws with the same theme (the same prompt, marks and colours) on a `console::Term` and returns
//! either the highlighted entry or the key that was pressed, so that the interview decides what
//! the key means. It serves a single pick (Enter) and ticks (Space, then Enter).

use std::io;

use console::{Key, Term, measure_text_width};
use dialoguer::theme::Theme;

/// A key that answers from anywhere in the list, and the word the prompt line shows for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortcut {
    pub key: char,
    pub hint: &'static str,
}

/// What ended the prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// Enter on an entry (a single pick).
    Item(usize),
    /// Enter with these entries ticked (ticks mode), in list order.
    Ticked(Vec<usize>),
    /// One of the shortcut keys.
    Key(char),
}

/// A list, its shortcuts, and where the highlight starts. After `interact`, `default` and `ticks`
/// hold where the user left them, so that asking again (after help, or an error) starts there.
#[derive(Debug, Clone)]
pub struct ListPrompt<'a> {
    /// Shown before the key hints: "Choose (↑↓ Enter · ? help · u unknown)".
    pub prompt: &'a str,
    pub items: &'a [String],
    pub shortcuts: &'a [Shortcut],
    /// The entry highlighted first: the current answer, or an answer offered as a default.
    pub default: usize,
    /// `Some` for ticks: one flag per entry, Space toggles the highlighted one.
    pub ticks: Option<Vec<bool>>,
    /// The most entries shown at once; the list scrolls past that.
    pub max_rows: usize,
}

impl<'a> ListPrompt<'a> {
    /// A single pick from `items`, highlighting `default` first.
    pub fn new(prompt: &'a str, items: &'a [String], shortcuts: &'a [Shortcut]) -> Self {
        ListPrompt {
            prompt,
            items,
            shortcuts,
            default: 0,
            ticks: None,
            max_rows: 14,
        }
    }

    /// The prompt line: what the arrows and Enter do, then every shortcut.
    pub fn hint_line(&self) -> String {
        let keys = if self.ticks.is_some() {
            "↑↓ · Space ticks · Enter"
        } else {
            "↑↓ Enter"
        };
        let mut line = format!("{} ({keys}", self.prompt);
        for s in self.shortcuts {
            line.push_str(&format!(" · {} {}", s.key, s.hint));
        }
        line.push(')');
        line
    }

    /// Shows the list until Enter or a shortcut. Ctrl-C raises SIGINT (the interview's handler takes
    /// it); a closed terminal is an error.
    pub fn interact(&mut self, term: &Term, theme: &dyn Theme) -> io::Result<Picked> {
        if !term.is_term() || self.items.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::NotConnected,
                "not a terminal",
            ));
        }
        self.default = self.default.min(self.items.len() - 1);
        term.hide_cursor()?;
        let mut drawn = 0;
        loop {
            term.clear_last_lines(drawn)?;
            drawn = self.draw(term, theme)?;
            term.flush()?;
            let key = term.read_key()?;
            if let Some(done) = self.on_key(&key) {
                term.clear_last_lines(drawn)?;
                term.show_cursor()?;
                return Ok(done);
            }
        }
    }

    /// Moves, ticks or ends; `None` while the prompt goes on.
    fn on_key(&mut self, key: &Key) -> Option<Picked> {
        let last = self.items.len() - 1;
        match *key {
            Key::ArrowDown | Key::Tab | Key::Char('j') => {
                self.default = if self.default == last {
                    0
                } else {
                    self.default + 1
                };
            }
            Key::ArrowUp | Key::BackTab | Key::Char('k') => {
                self.default = self.default.checked_sub(1).unwrap_or(last);
            }
            Key::Home => self.default = 0,
            Key::End => self.default = last,
            Key::Char(' ') if self.ticks.is_some() => {
                if let Some(t) = self.ticks.as_mut().and_then(|t| t.get_mut(self.default)) {
                    *t = !*t;
                }
            }
            Key::Enter => {
                return Some(match &self.ticks {
                    Some(t) => Picked::Ticked((0..t.len()).filter(|&i| t[i]).collect()),
                    None => Picked::Item(self.default),
                });
            }
            Key::Char(c) => {
                let c = c.to_ascii_lowercase();
                return self
                    .shortcuts
                    .iter()
                    .any(|s| s.key == c)
                    .then_some(Picked::Key(c));
            }
            _ => {}
        }
        None
    }

    /// Draws the prompt line and the visible window of entries; returns the screen rows used, counting
    /// a line that the terminal wraps as the rows it takes, so that the next redraw clears them all.
    fn draw(&self, term: &Term, theme: &dyn Theme) -> io::Result<usize> {
        let (rows, cols) = term.size();
        let cols = usize::from(cols).max(1);
        let mut lines = Vec::with_capacity(self.items.len() + 1);
        let mut prompt = String::new();
        let formatted = match self.ticks {
            Some(_) => theme.format_multi_select_prompt(&mut prompt, &self.hint_line()),
            None => theme.format_select_prompt(&mut prompt, &self.hint_line()),
        };
        formatted.map_err(io::Error::other)?;
        lines.push(prompt);
        let (start, end) = self.window(usize::from(rows));
        for i in start..end {
            let mut item = String::new();
            let active = i == self.default;
            match &self.ticks {
                Some(t) => {
                    theme.format_multi_select_prompt_item(&mut item, &self.items[i], t[i], active)
                }
                None => theme.format_select_prompt_item(&mut item, &self.items[i], active),
            }
            .map_err(io::Error::other)?;
            lines.push(item);
        }
        let mut used = 0;
        for line in &lines {
            term.write_line(line)?;
            used += measure_text_width(line).div_ceil(cols).max(1);
        }
        Ok(used)
    }

    /// The entries shown: all of them when they fit, else a window that keeps the highlight in view.
    fn window(&self, term_rows: usize) -> (usize, usize) {
        let fit = self.max_rows.min(term_rows.saturating_sub(3)).max(3);
        let n = self.items.len();
        if n <= fit {
            return (0, n);
        }
        let start = self.default.saturating_sub(fit / 2).min(n - fit);
        (start, start + fit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[String]) -> ListPrompt<'_> {
        const KEYS: &[Shortcut] = &[
            Shortcut {
                key: '?',
                hint: "help",
            },
            Shortcut {
                key: 'u',
                hint: "unknown",
            },
        ];
        ListPrompt::new("Choose", items, KEYS)
    }

    #[test]
    fn the_prompt_line_names_every_key() {
        let items = vec!["a".to_owned()];
        assert_eq!(
            list(&items).hint_line(),
            "Choose (↑↓ Enter · ? help · u unknown)"
        );
    }

    #[test]
    fn arrows_wrap_and_enter_picks_the_highlight() {
        let items: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let mut l = list(&items);
        l.default = 2;
        assert_eq!(l.on_key(&Key::ArrowDown), None);
        assert_eq!(l.default, 0);
        assert_eq!(l.on_key(&Key::ArrowUp), None);
        assert_eq!(l.on_key(&Key::Enter), Some(Picked::Item(2)));
    }

    #[test]
    fn shortcuts_answer_and_other_letters_do_nothing() {
        let items = vec!["a".to_owned()];
        let mut l = list(&items);
        assert_eq!(l.on_key(&Key::Char('?')), Some(Picked::Key('?')));
        assert_eq!(l.on_key(&Key::Char('U')), Some(Picked::Key('u')));
        assert_eq!(l.on_key(&Key::Char('x')), None);
    }

    #[test]
    fn space_ticks_and_enter_returns_the_ticks() {
        let items: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let mut l = list(&items);
        l.ticks = Some(vec![false, false, true]);
        l.on_key(&Key::ArrowDown);
        l.on_key(&Key::Char(' '));
        assert_eq!(l.on_key(&Key::Enter), Some(Picked::Ticked(vec![1, 2])));
    }

    #[test]
    fn a_long_list_scrolls_with_the_highlight() {
        let items: Vec<String> = (0..30).map(|i| i.to_string()).collect();
        let mut l = list(&items);
        l.default = 29;
        assert_eq!(l.window(24), (16, 30));
        l.default = 0;
        assert_eq!(l.window(24), (0, 14));
        assert_eq!(l.window(8), (0, 5));
    }
}
