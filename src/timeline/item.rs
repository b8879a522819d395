//! What a timeline line is, apart from the timeline that gathers them, so
//! the areas that make lines need not know the timeline.

use crate::i18n::{Lang, Texts};
use daftar_core::store::Record;

/// One line of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// When it happened (ms since the epoch); newest first.
    pub at: i64,
    /// A short code for the look (icon colour) and for tests: "visit", "task", "edit" …
    pub kind: &'static str,
    /// What kind of thing it is, in the user's language ("Visit").
    pub label: String,
    pub title: String,
    pub detail: String,
    /// The date and time as the user reads them.
    pub when: String,
    pub href: Option<String>,
}

/// Turns a linked record into its timeline items: usually one, several
/// for a record with a history of its own (a deal's stage moves).
pub type Source = fn(&Record, &Texts, Lang) -> Vec<Item>;

