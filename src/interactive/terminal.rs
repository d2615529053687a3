//! The terminal prompter: dialoguer prompts and `select` lists on standard error.
//!
//! Choices are picked from a list (`select`: arrow keys, Enter, and `?` help, `u` unknown, `s` skip,
//! `b` back); numbers, dates and names are typed and checked line by line. Every question also
//! offers `n/a` where the checklist allows it. Ctrl-C is handled in `interrupt`.

use std::io;

use dialoguer::console::{Term, style};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, Input};

use crate::date::Date;
use crate::interactive::choices::{
    Extra, choices, current_text, default_index, extras, shortcut_reply, shortcuts,
};
use crate::interactive::prompter::{AreaStart, Ask, FollowUp, FollowUpAsk, Prompter, Reply};
use crate::interactive::select::{ListPrompt, Picked};
use crate::interactive::typed::{self, Typed};
use crate::model::{AnswerKind, AnswerValue, Meta, Question};
use crate::report::wrap::wrap;

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

    /// "Identity and access  question 3 of 84  ██░░░░ 2/84 answered · 1 unknown", the bar as long as
    /// the terminal leaves room for (at most 20), and left out when there is none.
    fn progress(&self, ask: &Ask<'_>) -> String {
        let place = format!(
            "{}  question {} of {}",
            ask.area.title, ask.number, ask.total
        );
        let mut count = format!("{}/{} answered", ask.answered.min(ask.total), ask.total);
        if ask.unknown > 0 {
            count.push_str(&format!(" · {} unknown", ask.unknown));
        }
        let width = usize::from(self.term.size().1);
        let used = console::measure_text_width(&place) + console::measure_text_width(&count) + 4;
        let length = width.saturating_sub(used).min(20);
        if length < 5 {
            return format!("{place}  {count}");
        }
        let filled = (ask.answered.min(ask.total) * length) / ask.total.max(1);
        let bar = format!("{}{}", "█".repeat(filled), "░".repeat(length - filled));
        let bar = if self.color {
            style(bar).cyan().to_string()
        } else {
            bar
        };
        format!("{place}  {bar} {count}")
    }

    fn header(&self, ask: &Ask<'_>) {
        self.line("");
        self.line(&self.progress(ask));
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

    /// Shows a list until an answer: a shortcut key answers at once, except `?`, which shows the
    /// help and asks again with the highlight and ticks where they were.
    fn list(&self, ask: &Ask<'_>, list: &mut ListPrompt<'_>) -> io::Result<Picked> {
        loop {
            match list.interact(&self.term, self.theme.as_ref())? {
                Picked::Key(key) => match shortcut_reply(key) {
                    Some(_) => return Ok(Picked::Key(key)),
                    None => self.help(ask.question),
                },
                picked => return Ok(picked),
            }
        }
    }

    /// The reply to a shortcut key, with the line it leaves behind.
    fn keyed(&self, key: char) -> Reply {
        let reply = shortcut_reply(key).unwrap_or(Reply::Skip);
        self.report(match &reply {
            Reply::Answer(_) => "unknown",
            Reply::Skip => "skipped",
            Reply::Back => "back",
        });
        reply
    }

    /// A single pick from a list: yes/no, a choice, a maturity level.
    fn pick(&self, ask: &Ask<'_>, choices: &[(String, AnswerValue)]) -> io::Result<Reply> {
        let extras = extras(ask.question.allow_na);
        let mut items: Vec<String> = choices.iter().map(|(label, _)| label.clone()).collect();
        items.extend(extras.iter().map(|e| self.dim(e.label())));
        let keys = shortcuts(ask.can_go_back);
        let mut list = ListPrompt::new("Choose", &items, &keys);
        list.default = default_index(choices, &extras, ask.offered());
        match self.list(ask, &mut list)? {
            Picked::Item(i) => match choices.get(i) {
                Some((label, value)) => {
                    self.report(label);
                    Ok(Reply::Answer(value.clone()))
                }
                None => {
                    let extra = extras
                        .get(i - choices.len())
                        .copied()
                        .unwrap_or(Extra::Unknown);
                    self.report(extra.word());
                    Ok(Reply::Answer(extra.value()))
                }
            },
            Picked::Key(key) => Ok(self.keyed(key)),
            Picked::Ticked(_) => Ok(Reply::Skip),
        }
    }

    /// Several picks: Space ticks, Enter confirms; or tick `n/a` or `unknown` alone. After a mistake
    /// the list comes back with the ticks as they were.
    fn pick_many(&self, ask: &Ask<'_>, options: &[(String, String)]) -> io::Result<Reply> {
        let extras = extras(ask.question.allow_na);
        let current: &[String] = match ask.current {
            Some(AnswerValue::Multi(v)) => v,
            _ => &[],
        };
        let mut items: Vec<String> = options.iter().map(|(label, _)| label.clone()).collect();
        items.extend(extras.iter().map(|e| self.dim(e.label())));
        let keys = shortcuts(ask.can_go_back);
        let mut list = ListPrompt::new("Tick", &items, &keys);
        let mut ticks: Vec<bool> = options.iter().map(|(_, v)| current.contains(v)).collect();
        ticks.extend(extras.iter().map(|e| ask.current == Some(&e.value())));
        list.ticks = Some(ticks);
        loop {
            let ticked = match self.list(ask, &mut list)? {
                Picked::Ticked(t) => t,
                Picked::Key(key) => return Ok(self.keyed(key)),
                Picked::Item(_) => continue,
            };
            let (chosen, extra): (Vec<usize>, Vec<usize>) =
                ticked.into_iter().partition(|&i| i < options.len());
            match (chosen.is_empty(), extra.as_slice()) {
                (false, []) => {
                    let labels: Vec<&str> = chosen.iter().map(|&i| options[i].0.as_str()).collect();
                    self.report(&labels.join(", "));
                    let values = chosen.iter().map(|&i| options[i].1.clone()).collect();
                    return Ok(Reply::Answer(AnswerValue::Multi(values)));
                }
                (true, [one]) => {
                    let e = extras.get(one - options.len()).copied().unwrap_or(Extra::Unknown);
                    self.report(e.word());
                    return Ok(Reply::Answer(e.value()));
                }
                (true, []) => self.line("  Tick at least one option with Space, or press s to skip."),
                _ => self.line("  Tick options, or one of n/a and unknown alone: not both. Your ticks are kept."),
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
