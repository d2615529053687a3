//! The terminal prompter: dialoguer prompts on standard error, an indicatif bar for progress.
//!
//! Choices are picked from a list (arrow keys, Enter); numbers, dates and names are typed and checked
//! line by line. Every question also offers `n/a` (where the checklist allows it), `unknown`, skip,
//! back and the help text. Ctrl-C is handled in `interrupt`.

use std::io;

use dialoguer::console::{Term, style};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, Input, MultiSelect, Select};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::date::Date;
use crate::interactive::choices::{Extra, choices, current_text, extra_reply};
use crate::interactive::prompter::{AreaStart, Ask, FollowUp, FollowUpAsk, Prompter, Reply};
use crate::interactive::typed::{self, Typed};
use crate::model::{AnswerKind, AnswerValue, Meta, Question};

pub struct Terminal {
    term: Term,
    theme: Box<dyn Theme>,
    color: bool,
}

impl Terminal {
    pub fn new(color: bool) -> Terminal {
        let theme: Box<dyn Theme> = if color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        Terminal {
            term: Term::stderr(),
            theme,
            color,
        }
    }

    /// Writes text wrapped at word boundaries to the terminal's width, so that no word is split.
    fn line(&self, text: &str) {
        let width = usize::from(self.term.size().1).max(20);
        for line in wrap(text, width) {
            let _ = self.term.write_line(&line);
        }
    }

    fn dim(&self, text: &str) -> String {
        if self.color {
            style(text).dim().to_string()
        } else {
            text.to_owned()
        }
    }

    /// The line a list leaves behind once answered.
    fn report(&self, choice: &str) {
        let mark = if self.color {
            style("✔").green().to_string()
        } else {
            "✔".into()
        };
        self.line(&format!("{mark} {choice}"));
    }

    /// Restores the cursor that a list hides, whatever ended the prompt.
    fn done<T>(&self, result: dialoguer::Result<T>) -> io::Result<T> {
        let _ = self.term.show_cursor();
        result.map_err(|dialoguer::Error::IO(e)| e)
    }

    fn header(&self, ask: &Ask<'_>) {
        self.line("");
        let bar = ProgressBar::with_draw_target(
            Some(ask.total as u64),
            ProgressDrawTarget::term(self.term.clone(), 1),
        );
        let template = if self.color {
            "{msg}  {bar:20.cyan/blue} {pos}/{len} answered"
        } else {
            "{msg}  {bar:20} {pos}/{len} answered"
        };
        if let Ok(s) = ProgressStyle::with_template(template) {
            bar.set_style(s.progress_chars("█▓░"));
        }
        bar.set_message(format!(
            "{}  {}/{} applicable",
            ask.area.title, ask.number, ask.total
        ));
        bar.set_position(ask.answered.min(ask.total) as u64);
        bar.abandon();
        self.line(&self.dim(&format!("  {}", ask.question.id)));
        // The question is printed once, above the prompt: dialoguer redraws its own prompt line and
        // cannot clear one that wraps, so that line stays short.
        let prompt = ask.question.prompt.trim();
        self.line(&if self.color {
            style(prompt).bold().to_string()
        } else {
            prompt.to_owned()
        });
        if let Some(t) = &ask.tenant {
            self.line(&format!("  Tenant evidence: {}", t.said));
        }
    }

    fn help(&self, q: &Question) {
        self.line("");
        let indented: Vec<String> = q
            .help
            .trim_end()
            .lines()
            .map(|l| format!("  {l}"))
            .collect();
        self.line(&indented.join("\n"));
        if !q.references.is_empty() {
            self.line(&format!("  References: {}", q.references.join("; ")));
        }
        self.line(&self.dim(&format!("  More: migready explain {}", q.id)));
        self.line("");
    }

    fn extras(ask: &Ask<'_>) -> Vec<Extra> {
        let mut extras = Vec::with_capacity(5);
        if ask.question.allow_na {
            extras.push(Extra::NotApplicable);
        }
        extras.extend([Extra::Unknown, Extra::Skip]);
        if ask.can_go_back {
            extras.push(Extra::Back);
        }
        extras.push(Extra::Help);
        extras
    }

    /// A single pick from a list: yes/no, a choice, a maturity level.
    fn pick(&self, ask: &Ask<'_>, choices: &[(String, AnswerValue)]) -> io::Result<Reply> {
        let extras = Terminal::extras(ask);
        let mut items: Vec<String> = choices.iter().map(|(label, _)| label.clone()).collect();
        items.extend(extras.iter().map(|e| self.dim(e.label())));
        let default = ask
            .offered()
            .and_then(|c| {
                choices.iter().position(|(_, v)| v == c).or(match c {
                    AnswerValue::NotApplicable => {
                        extras.iter().position(|e| *e == Extra::NotApplicable)
                    }
                    AnswerValue::Unknown => extras.iter().position(|e| *e == Extra::Unknown),
                    _ => None,
                }
                .map(|i| i + choices.len()))
            })
            .unwrap_or(0);
        loop {
            let picked = self.done(
                Select::with_theme(self.theme.as_ref())
                    .with_prompt("Choose (↑↓, Enter)")
                    .items(&items)
                    .default(default)
                    .max_length(14)
                    .report(false)
                    .interact_on(&self.term),
            )?;
            if let Some((label, value)) = choices.get(picked) {
                self.report(label);
                return Ok(Reply::Answer(value.clone()));
            }
            match extras.get(picked - choices.len()) {
                Some(Extra::Help) | None => self.help(ask.question),
                Some(extra) => {
                    self.report(extra.word());
                    return Ok(extra_reply(*extra));
                }
            }
        }
    }

    /// Several picks: Space ticks, Enter confirms; or tick one of the extra entries alone.
    fn pick_many(&self, ask: &Ask<'_>, options: &[(String, String)]) -> io::Result<Reply> {
        let extras = Terminal::extras(ask);
        let current: &[String] = match ask.current {
            Some(AnswerValue::Multi(v)) => v,
            _ => &[],
        };
        let mut items: Vec<(String, bool)> = options
            .iter()
            .map(|(label, value)| (label.clone(), current.contains(value)))
            .collect();
        items.extend(extras.iter().map(|e| (self.dim(e.label()), false)));
        loop {
            let ticked = self.done(
                MultiSelect::with_theme(self.theme.as_ref())
                    .with_prompt("Tick (↑↓, Space), then Enter")
                    .items_checked(items.iter().map(|(l, c)| (l.as_str(), *c)))
                    .report(false)
                    .interact_on(&self.term),
            )?;
            let (chosen, extra): (Vec<usize>, Vec<usize>) =
                ticked.into_iter().partition(|&i| i < options.len());
            match (chosen.is_empty(), extra.as_slice()) {
                (false, []) => {
                    let labels: Vec<&str> = chosen.iter().map(|&i| options[i].0.as_str()).collect();
                    self.report(&labels.join(", "));
                    let values = chosen.iter().map(|&i| options[i].1.clone()).collect();
                    return Ok(Reply::Answer(AnswerValue::Multi(values)));
                }
                (true, [one]) => match extras.get(one - options.len()) {
                    Some(Extra::Help) | None => self.help(ask.question),
                    Some(e) => {
                        self.report(e.word());
                        return Ok(extra_reply(*e));
                    }
                },
                (true, []) => self.line("  Tick at least one option with Space, or tick `skip`."),
                _ => self.line("  Tick options, or one of n/a, unknown, skip, back, ?: not both."),
            }
        }
    }

    /// A typed answer, checked line by line.
    fn typed(&self, ask: &Ask<'_>) -> io::Result<Reply> {
        let q = ask.question;
        let what = match &q.kind {
            AnswerKind::Number { min, max, unit, .. } => typed::range(*min, *max, unit.as_deref()),
            AnswerKind::Date => "a date, YYYY-MM-DD".to_owned(),
            AnswerKind::Person => "a name and role".to_owned(),
            _ => "text".to_owned(),
        };
        self.line(&self.dim(&format!(
            "  {what} · {}",
            typed::keywords_hint(q, ask.can_go_back)
        )));
        let back = ask.can_go_back;
        loop {
            let mut input = Input::<String>::with_theme(self.theme.as_ref())
                .with_prompt("Answer")
                .report(false)
                .allow_empty(true)
                .validate_with(|s: &String| typed::parse(q, s, back).map(|_| ()));
            if let Some(current) = ask.offered() {
                input = input.default(current_text(current));
            }
            let line = self.done(input.interact_text_on(&self.term))?;
            match typed::parse(q, &line, back) {
                Ok(Typed::Reply(reply)) => {
                    self.report(match &reply {
                        Reply::Skip => "skipped",
                        Reply::Back => "back",
                        Reply::Answer(_) => line.trim(),
                    });
                    return Ok(reply);
                }
                Ok(Typed::Help) => self.help(q),
                Err(e) => self.line(&format!("  {e}")),
            }
        }
    }

    fn text_line(
        &self,
        prompt: &str,
        default: Option<String>,
        check: impl Fn(&str) -> Result<(), String>,
    ) -> io::Result<String> {
        let mut input = Input::<String>::with_theme(self.theme.as_ref())
            .with_prompt(prompt)
            .allow_empty(true)
            .validate_with(|s: &String| check(s));
        if let Some(d) = default {
            input = input.default(d);
        }
        self.done(input.interact_text_on(&self.term))
    }
}

impl Prompter for Terminal {
    fn meta(&mut self, today: Date) -> io::Result<Meta> {
        self.line("A new answers file: first, what is being assessed.");
        let required = |what: &'static str| move |s: &str| typed::required(s, what).map(|_| ());
        let organisation = self.text_line("Organisation", None, required("organisation"))?;
        let project = self.text_line("Project", None, required("project name"))?;
        let go_live = self.text_line(
            "Go-live date (YYYY-MM-DD; Enter if none is agreed yet)",
            None,
            |s| match s.trim() {
                "" => Ok(()),
                s => s.parse::<Date>().map(|_| ()),
            },
        )?;
        let by = self.text_line(
            "Assessed by (name and role; Enter to leave out)",
            None,
            typed::plain,
        )?;
        Ok(Meta {
            organisation: organisation.trim().to_owned(),
            project: project.trim().to_owned(),
            go_live: match go_live.trim() {
                "" => None,
                s => Some(s.parse().map_err(io::Error::other)?),
            },
            assessed_by: Some(by.trim().to_owned()).filter(|s| !s.is_empty()),
            assessed_on: Some(today),
            tenant_id: None,
        })
    }

    fn confirm(&mut self, text: &str) -> io::Result<bool> {
        // The text may wrap; dialoguer's prompt line must not, or its redraw leaves a copy behind.
        self.line(text);
        self.done(
            Confirm::with_theme(self.theme.as_ref())
                .with_prompt("Go on?")
                .default(false)
                .interact_on(&self.term),
        )
    }

    fn area(&mut self, start: &AreaStart<'_>) {
        let area = start.area;
        self.line("");
        let title = format!(
            "━━ Area {} of {}: {} ━━",
            start.number, start.of, area.title
        );
        self.line(&if self.color {
            style(title).bold().to_string()
        } else {
            title
        });
        let left = format!(
            "{} to answer here, {} in all (about {} min); follow-ups appear as answers call for them.",
            start.remaining,
            start.remaining_in_all,
            start.minutes_left()
        );
        self.line(&left);
        let description = area.description.trim();
        if !description.is_empty() {
            self.line(&self.dim(description));
        }
    }

    fn ask(&mut self, ask: &Ask<'_>) -> io::Result<Reply> {
        self.header(ask);
        match &ask.question.kind {
            AnswerKind::Multi { options } => {
                let options: Vec<(String, String)> = options
                    .iter()
                    .map(|o| (o.label.clone(), o.value.clone()))
                    .collect();
                self.pick_many(ask, &options)
            }
            AnswerKind::Number { .. }
            | AnswerKind::Date
            | AnswerKind::Text
            | AnswerKind::Person => self.typed(ask),
            kind => self.pick(ask, &choices(kind)),
        }
    }

    fn follow_up(&mut self, ask: &FollowUpAsk<'_>) -> io::Result<FollowUp> {
        for r in ask.risks {
            let blocker = if r.blocker { ", go-live blocker" } else { "" };
            let text = format!(
                "  ⚠ This answer raises {} ({}{blocker}): {}",
                r.rule, r.severity, r.title
            );
            self.line(&if self.color {
                style(text).yellow().to_string()
            } else {
                text
            });
        }
        let owner = self.text_line(
            "Who follows this up? (name and role; Enter to skip)",
            ask.owner.map(str::to_owned),
            |s| typed::owner(s).map(|_| ()),
        )?;
        let due = self.text_line(
            "By when? (YYYY-MM-DD; Enter to skip)",
            ask.due.map(|d| d.to_string()),
            |s| typed::due(s).map(|_| ()),
        )?;
        Ok(FollowUp {
            owner: typed::owner(&owner).ok().flatten(),
            due: typed::due(&due).ok().flatten(),
        })
    }
}

/// Greedy word wrap: each line holds as many whole words as fit in `width - 1` columns (the last
/// column is left free, where some terminals wrap on their own). Line breaks in the text are kept;
/// a word longer than a line stands alone on its line. Widths are measured without colour codes.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let limit = width.saturating_sub(1).max(1);
    let mut out = Vec::new();
    for paragraph in paragraphs(text) {
        let paragraph = paragraph.as_str();
        let indent: String = paragraph.chars().take_while(|c| *c == ' ').collect();
        let mut line = indent.clone();
        for word in paragraph.split_whitespace() {
            let fits = dialoguer::console::measure_text_width(&line)
                + 1
                + dialoguer::console::measure_text_width(word);
            if line.trim().is_empty() {
                line.push_str(word);
            } else if fits <= limit {
                line.push(' ');
                line.push_str(word);
            } else {
                out.push(std::mem::replace(&mut line, format!("{indent}{word}")));
            }
        }
        out.push(line);
    }
    out
}

/// Lines joined into paragraphs: help texts are broken by hand for a wide editor, so a line break
/// inside a paragraph is a space here. A blank line, or a line that starts a list item (`1. `, `- `),
/// starts a new paragraph.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for line in text.split('\n') {
        let item = line.trim_start();
        let starts_item = item.starts_with("- ")
            || item
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        match out.last_mut() {
            Some(last) if open && !item.is_empty() && !starts_item => {
                last.push(' ');
                last.push_str(item);
            }
            _ => out.push(line.to_owned()),
        }
        open = !item.is_empty();
    }
    out
}

#[cfg(test)]
mod wrap_tests {
    use super::wrap;

    #[test]
    fn words_are_never_split_and_lines_fit() {
        let text = "How people and administrators sign in, how well those sign-ins are protected, and whether";
        let lines = wrap(text, 30);
        assert!(lines.iter().all(|l| l.chars().count() <= 29), "{lines:?}");
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn paragraphs_reflow_and_list_items_and_indents_are_kept() {
        assert_eq!(wrap("one\ntwo", 80), ["one two"]);
        assert_eq!(wrap("one\n\n  two three", 80), ["one", "", "  two three"]);
        assert_eq!(
            wrap("Steps:\n1. first\n2. second", 80),
            ["Steps:", "1. first", "2. second"]
        );
    }
}
