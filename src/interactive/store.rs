//! The answers file as a `Store`: every save is a whole, deterministic file written atomically.

use std::io;
use std::path::PathBuf;

use crate::atomic::{self, Backup};
use crate::interactive::interview::Store;
use crate::interactive::writer;
use crate::model::{Answers, Catalog};

pub struct FileStore<'a> {
    pub path: PathBuf,
    catalog: &'a Catalog,
    /// The text on disk, so that a save that changes nothing does not replace the backup.
    last: Option<String>,
}

impl<'a> FileStore<'a> {
    /// `on_disk`: the file's current text, when it exists.
    pub fn new(path: PathBuf, catalog: &'a Catalog, on_disk: Option<String>) -> FileStore<'a> {
        FileStore {
            path,
            catalog,
            last: on_disk,
        }
    }
}

impl Store for FileStore<'_> {
    fn save(&mut self, answers: &Answers) -> io::Result<()> {
        let text = writer::to_yaml(answers, self.catalog);
        if self.last.as_deref() == Some(text.as_str()) {
            return Ok(());
        }
        // Temporary file in the same folder, fsync, rename; the version it replaces becomes `.bak`.
        atomic::write(&self.path, text.as_bytes(), Backup::Keep)?;
        self.last = Some(text);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{builtin, catalog};
    use crate::model::AnswerValue;
    use crate::model::Limits;
    use std::time::Instant;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("migready-store-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn largest_example(catalog: &Catalog) -> (Answers, String) {
        let path = format!(
            "{}/examples/harbor-logistics/answers.yaml",
            env!("CARGO_MANIFEST_DIR")
        );
        let source = crate::load::source::read(std::path::Path::new(&path), 1 << 20).unwrap();
        let text = source.text.to_string();
        (
            crate::load::answers::load(&source, catalog, Limits::default()).unwrap(),
            text,
        )
    }

    #[test]
    fn saves_keep_the_previous_version_and_skip_identical_text() {
        let catalog = catalog::load(&builtin::sources(), Limits::default()).unwrap();
        let (mut answers, _) = largest_example(&catalog);
        let path = scratch("bak").join("answers.yaml");
        let mut store = FileStore::new(path.clone(), &catalog, None);
        store.save(&answers).unwrap();
        let first = std::fs::read_to_string(&path).unwrap();
        store.save(&answers).unwrap();
        assert!(
            !path.with_file_name("answers.yaml.bak").exists(),
            "nothing changed, no backup"
        );
        let slot = answers.by_question.iter_mut().flatten().next().unwrap();
        slot.value = AnswerValue::Unknown;
        store.save(&answers).unwrap();
        assert_eq!(
            std::fs::read_to_string(path.with_file_name("answers.yaml.bak")).unwrap(),
            first
        );
    }

    /// `benches/save.sh` runs this: the median time of one save of the largest example.
    #[test]
    #[ignore = "a measurement, run by benches/save.sh"]
    #[allow(clippy::print_stdout, reason = "the measurement is what it prints")]
    fn bench_save() {
        let catalog = catalog::load(&builtin::sources(), Limits::default()).unwrap();
        let (mut answers, text) = largest_example(&catalog);
        let runs: usize = std::env::var("RUNS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(500);
        let path = scratch("bench").join("answers.yaml");
        let mut store = FileStore::new(path, &catalog, None);
        let q = answers
            .by_question
            .iter()
            .position(Option::is_some)
            .unwrap();
        let mut times = Vec::with_capacity(runs);
        for i in 0..runs {
            // A different answer each time, as in an interview, so that every save writes.
            if let Some(e) = answers.by_question[q].as_mut() {
                e.note = Some(format!("save {i}"));
            }
            let start = Instant::now();
            store.save(&answers).unwrap();
            times.push(start.elapsed());
        }
        times.sort();
        let at = |p: usize| times[(times.len() - 1) * p / 100].as_secs_f64() * 1000.0;
        println!(
            "save of examples/harbor-logistics/answers.yaml ({} bytes, {runs} saves): median {:.3} ms, p90 {:.3} ms, max {:.3} ms",
            text.len(),
            at(50),
            at(90),
            at(100)
        );
    }
}
