//! The record kinds the timeline shows, each with the function that turns
//! one record into its line. A new area (deals, surveys, warranty claims …)
//! adds its line here; nothing else in the timeline changes.

use super::Source;
use daftar_core::{activities, contacts, tasks};

pub const SOURCES: &[(&str, Source)] = &[
    (activities::KIND, crate::pages::activities::timeline_item),
    (tasks::KIND, crate::pages::tasks::timeline_item),
    (contacts::KIND, crate::pages::contacts::timeline_item),
];
