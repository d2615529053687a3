//! The markup the leadership report is written in: the few block and inline pieces its outline
//! uses, which markdown and HTML each implement. Every method receives text that is already
//! escaped (through `text`, `cell` or `code`) unless it says otherwise.

use crate::report::model::Report;

/// A table column: its heading and how its cells sit.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub title: &'static str,
    pub align: Align,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    /// Figures, right-aligned.
    Number,
    /// Short codes that should not wrap.
    NoWrap,
}

impl Column {
    pub const fn left(title: &'static str) -> Column {
        Column {
            title,
            align: Align::Left,
        }
    }

    pub const fn number(title: &'static str) -> Column {
        Column {
            title,
            align: Align::Number,
        }
    }

    pub const fn no_wrap(title: &'static str) -> Column {
        Column {
            title,
            align: Align::NoWrap,
        }
    }
}

pub trait Markup {
    /// Escapes running text from a file.
    fn text(&self, s: &str) -> String;
    /// Escapes text from a file for a table cell.
    fn cell(&self, s: &str) -> String;
    /// An identifier (question or rule id, file name) as code.
    fn code(&self, s: &str) -> String;
    /// An identifier as code inside a table cell.
    fn cell_code(&self, s: &str) -> String;
    fn strong(&self, s: &str) -> String;
    /// A remark of the report's own, set apart from the text around it.
    fn aside(&self, s: &str) -> String;
    /// An answer's value, set apart from its question.
    fn answer(&self, s: &str) -> String;
    /// Text followed by the id it stands for (already escaped, like `text`).
    fn with_id(&self, text: &str, id: &str) -> String;
    /// Several ids, each as code.
    fn ids(&self, ids: &[&str]) -> String;
    /// What separates an answer from the note written beside it.
    fn note_break(&self) -> &'static str;

    /// What comes before the first section.
    fn begin(&self, out: &mut String, r: &Report);
    /// The verdict, the score and the go-live date, at the top.
    fn headline(&self, out: &mut String, r: &Report);
    /// The "Readiness by priority" section, drawn as this markup can.
    fn priorities(&self, out: &mut String, r: &Report);
    /// What comes after the last section.
    fn end(&self, out: &mut String);
    /// Around page 1's sections after the headline: the brief that leadership reads.
    fn brief_start(&self, out: &mut String);
    fn brief_end(&self, out: &mut String);
    /// The start of the part for the project team, after the brief.
    fn part(&self, out: &mut String, title: &str);

    fn section(&self, out: &mut String, id: &str, title: &str);
    fn section_end(&self, out: &mut String);
    /// A heading inside a section: `level` 3 or 4.
    fn heading(&self, out: &mut String, level: u8, title: &str, class: Option<&str>);
    /// A label over a short list, lighter than a heading.
    fn label(&self, out: &mut String, title: &str);
    fn paragraph(&self, out: &mut String, class: Option<&str>, text: &str);
    fn list(&self, out: &mut String, class: Option<&str>, items: &[String]);
    /// A line of text with the list it introduces right under it.
    fn lead_list(&self, out: &mut String, lead: &str, items: &[String]);
    /// `wide` tables may scroll sideways on a narrow screen.
    fn table(&self, out: &mut String, columns: &[Column], rows: &[Vec<String>], wide: bool);

    /// A finding's block: `kind` is "blocker" or its severity.
    fn finding_start(&self, out: &mut String, kind: &str, level: u8, title: &str);
    fn finding_end(&self, out: &mut String);
    /// One labelled fact of a finding.
    fn field(&self, out: &mut String, class: Option<&str>, text: &str);
    /// A labelled fact that is a list: numbered steps, or the answers that triggered it.
    fn field_list(&self, out: &mut String, label: &str, numbered: bool, items: &[String]);
}
