//! `migready assess`: the interview a team runs before kickoff, saved after every answer.
//!
//! Opens (or starts) the answers file, runs the interview on the terminal, and ends with the verdict.
//! Ctrl-C or a closed terminal loses nothing: every confirmed answer is already on disk.

use std::io::{self, IsTerminal};
use std::path::Path;

use crate::cli::AssessArgs;
use crate::commands::scoring::Scorer;
use crate::commands::{Env, Exit, Failure};
use crate::interactive::interrupt;
use crate::interactive::interview::{self, Ending, Interview, Store};
use crate::interactive::store::FileStore;
use crate::interactive::terminal::Terminal;
use crate::interactive::{Prompter, writer};
use crate::load::{self, source};
use crate::model::Limits;
use crate::model::{Answers, Catalog};
use crate::suggest::did_you_mean;

pub fn run(env: &Env, args: &AssessArgs) -> Result<Exit, Failure> {
    writable_folder(&args.answers)?;
    if !(io::stdin().is_terminal() && io::stdout().is_terminal()) {
        return Err(Failure::Usage(format!(
            "`migready assess` is an interactive interview and needs a terminal; to score an answers file in a script or CI, run `migready check {}`",
            args.answers.display()
        )));
    }
    let (config, catalog) = env.load()?;
    let areas = areas(&catalog, args.area.as_deref())?;
    let resume = resume_command(env, args);
    interrupt::catch(format!(
        "Stopped before anything was saved; {} was not created. Run `{resume}` to start again.",
        args.answers.display()
    ));
    let mut prompter = Terminal::new(env.style.color);
    let (answers, on_disk) = match open(env, args, &config.limits, &catalog, &mut prompter)? {
        Opened::Answers(answers, on_disk) => (answers, on_disk),
        Opened::Declined => return Ok(Exit::Success),
        Opened::Stopped => return Ok(stopped()),
    };
    let mut store = start(env, args, &catalog, &answers, on_disk, &resume)?;
    let mut interview = Interview::new(
        &catalog,
        &config.thresholds,
        answers,
        &areas,
        env.today,
        args.review,
    );
    let ending = interview
        .run(&mut prompter, &mut store)
        .map_err(|e| save_failed(&args.answers, &e))?;
    if let Ending::Stopped(_) = ending {
        // Ctrl-C, or the terminal went away: the note of the last save says what is on disk.
        return Ok(stopped());
    }
    let scorer = Scorer {
        catalog: &catalog,
        config: &config,
        gate: None,
    };
    let scored = scorer.answers(interview.answers().clone(), env.today);
    let report = scorer.report(&scored);
    let mut next = next_commands(env, args);
    if let Some(advice) = open_advice(env, args, &catalog, &scored, &areas) {
        next.insert(0, advice);
    }
    let summary = crate::report::interview::render(&report, &next);
    // On a terminal the summary wraps at word boundaries, never where the terminal would cut a word.
    let summary = match env.style.width {
        Some(width) => crate::report::wrap::wrap_lines(&summary, usize::from(width)),
        None => summary,
    };
    env.emit(&summary)?;
    Ok(Exit::Success)
}

/// The folder a new answers file goes in must exist, so that nobody answers the meta questions
/// only to learn that nothing can be saved.
fn writable_folder(path: &Path) -> Result<(), Failure> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() && !path.exists() => {
            Err(Failure::Usage(format!(
                "cannot start {}: the folder {} does not exist; create it first, or choose another path with --answers",
                path.display(),
                dir.display()
            )))
        }
        _ => Ok(()),
    }
}

/// Says what is saved, and ends with the exit code of a stop.
fn stopped() -> Exit {
    interrupt::stopped();
    Exit::Interrupted
}

/// The store for this session: a new file is saved at once, so that a stop leaves it on disk.
fn start<'c>(
    env: &Env,
    args: &AssessArgs,
    catalog: &'c Catalog,
    answers: &Answers,
    on_disk: Option<String>,
    resume: &str,
) -> Result<Guarded<'c>, Failure> {
    let is_new = on_disk.is_none();
    if !is_new {
        let held = answers.by_question.iter().flatten().count();
        env.note(&format!(
            "Continuing {} ({held} answers on file); every answer is saved as soon as it is given.",
            args.answers.display()
        ));
    }
    let mut store = Guarded {
        file: FileStore::new(args.answers.clone(), catalog, on_disk),
        initial: answers.clone(),
        resume: resume.to_owned(),
    };
    if is_new {
        store
            .save(answers)
            .map_err(|e| save_failed(&args.answers, &e))?;
    } else {
        *interrupt::lock() = store.note(answers);
    }
    Ok(store)
}

/// Saves with Ctrl-C held off, then leaves the note a stop after this save prints.
struct Guarded<'a> {
    file: FileStore<'a>,
    /// The answers as they were when the session began, to count what it added.
    initial: Answers,
    resume: String,
}

impl Guarded<'_> {
    fn note(&self, answers: &Answers) -> String {
        let held = answers.by_question.iter().flatten().count();
        let session = answers
            .by_question
            .iter()
            .zip(&self.initial.by_question)
            .filter(|(now, before)| {
                now.is_some() && now.as_ref().map(|e| &e.value) != before.as_ref().map(|e| &e.value)
            })
            .count();
        format!(
            "Stopped. {} holds {held} answer{} ({session} saved in this session). Run `{}` to continue where you left off.",
            self.file.path.display(),
            if held == 1 { "" } else { "s" },
            self.resume,
        )
    }
}

impl Store for Guarded<'_> {
    fn save(&mut self, answers: &Answers) -> io::Result<()> {
        let mut note = interrupt::lock();
        self.file.save(answers)?;
        *note = self.note(answers);
        Ok(())
    }
}

/// The checklists in scope: all, or the one `--area` names.
fn areas(catalog: &Catalog, area: Option<&str>) -> Result<Vec<usize>, Failure> {
    let Some(area) = area else {
        return Ok((0..catalog.checklists.len()).collect());
    };
    match catalog.checklist(area) {
        Some(i) => Ok(vec![i]),
        None => {
            let ids: Vec<&str> = catalog.checklists.iter().map(|c| c.id.as_str()).collect();
            Err(Failure::Usage(format!(
                "there is no checklist `{area}` (the areas are {}){}",
                ids.join(", "),
                did_you_mean(area, ids.iter().copied()),
            )))
        }
    }
}

/// What opening the answers file gave.
// Made once per run and matched at once: boxing the answers would buy nothing.
#[allow(clippy::large_enum_variant)]
enum Opened {
    /// The answers to continue, and the file's text (`None` for a new file).
    Answers(Answers, Option<String>),
    /// The user chose not to go on.
    Declined,
    /// Stopped at the first prompt: Ctrl-C, or the terminal went away.
    Stopped,
}

/// The answers to continue; a new file starts with the meta questions.
fn open(
    env: &Env,
    args: &AssessArgs,
    limits: &Limits,
    catalog: &Catalog,
    prompter: &mut dyn Prompter,
) -> Result<Opened, Failure> {
    let path = &args.answers;
    let name = path.display().to_string();
    if !path.exists() {
        let Ok(meta) = prompter.meta(env.today) else {
            return Ok(Opened::Stopped);
        };
        let answers = interview::new_answers(&name, meta, catalog);
        return Ok(Opened::Answers(answers, None));
    }
    let text = source::read(path, limits.max_file_bytes)?;
    let answers = load::answers::load(&text, catalog, *limits)?;
    let written = writer::to_yaml(&answers, catalog);
    if has_own_comments(&text.text, &written) {
        let question = format!(
            "{name} has comments written by hand; saving rewrites the file without them (the version before each save is kept as {name}.bak)."
        );
        if !prompter.confirm(&question).unwrap_or(false) {
            env.note("Nothing was changed.");
            return Ok(Opened::Declined);
        }
    }
    Ok(Opened::Answers(answers, Some(text.text.into_owned())))
}

/// Comment lines, or trailing comments, that the writer would not write again.
fn has_own_comments(text: &str, written: &str) -> bool {
    let ours: std::collections::HashSet<&str> = written.lines().collect();
    text.lines()
        .filter(|l| l.trim_start().starts_with('#') || l.contains(" #"))
        .any(|l| !ours.contains(l))
}

fn save_failed(path: &Path, e: &io::Error) -> Failure {
    Failure::Usage(format!(
        "cannot save {}: {e}; the file holds every answer saved before this one",
        path.display()
    ))
}

/// The global options that change what is asked, so that a printed command runs the same catalogue.
fn global_flags(env: &Env) -> String {
    let mut flags = String::new();
    for dir in &env.global.checklists {
        flags.push_str(&format!(
            " --checklists {}",
            shell_word(&dir.display().to_string())
        ));
    }
    if let Some(config) = &env.global.config {
        flags.push_str(&format!(
            " --config {}",
            shell_word(&config.display().to_string())
        ));
    }
    flags
}

fn resume_command(env: &Env, args: &AssessArgs) -> String {
    let mut cmd = format!("migready{} assess", global_flags(env));
    if args.answers != Path::new("answers.yaml") {
        cmd.push_str(&format!(
            " --answers {}",
            shell_word(&args.answers.display().to_string())
        ));
    }
    if let Some(area) = &args.area {
        cmd.push_str(&format!(" --area {}", shell_word(area)));
    }
    if args.review {
        cmd.push_str(" --review");
    }
    cmd
}

/// What to run to answer the open questions, if running it would ask any: questions not yet
/// answered in this scope, then those in other areas, then the ones answered `unknown`.
fn open_advice(
    env: &Env,
    args: &AssessArgs,
    catalog: &Catalog,
    scored: &crate::commands::scoring::Scored,
    areas: &[usize],
) -> Option<String> {
    let (answers, a) = (&scored.answers, &scored.assessment);
    let unanswered = |in_scope: bool| {
        a.open_questions.iter().any(|&q| {
            answers.get(q).is_none() && areas.contains(&catalog.questions[q].checklist) == in_scope
        })
    };
    let plain = AssessArgs {
        area: None,
        review: false,
        ..args.clone()
    };
    if unanswered(true) {
        let again = AssessArgs {
            review: false,
            ..args.clone()
        };
        Some(format!(
            "{}  # answer the open questions",
            resume_command(env, &again)
        ))
    } else if unanswered(false) {
        Some(format!(
            "{}  # the other areas still have open questions",
            resume_command(env, &plain)
        ))
    } else if !a.open_questions.is_empty() {
        let review = AssessArgs {
            review: true,
            ..args.clone()
        };
        Some(format!(
            "{}  # revisit the answers still `unknown`",
            resume_command(env, &review)
        ))
    } else {
        None
    }
}

fn next_commands(env: &Env, args: &AssessArgs) -> Vec<String> {
    let file = shell_word(&args.answers.display().to_string());
    let flags = global_flags(env);
    vec![
        format!(
            "migready{flags} report {file} -o readiness-report.md  # the report for leadership"
        ),
        format!("migready{flags} check {file}  # the CI gate"),
    ]
}

/// A path or word as a shell would need it: quoted only when it has to be.
fn shell_word(s: &str) -> String {
    let safe = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:@,+".contains(c));
    if safe {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}
