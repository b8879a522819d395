//! Pages, one folder per business area.

pub mod activities;
pub mod catalog;
pub mod complaints;
pub mod contacts;
pub mod customers;
pub mod pipeline;
pub mod reports;
mod not_found;
mod settings;
pub mod surveys;
pub mod sync;
pub mod tasks;
pub mod warranty;

pub use not_found::NotFound;
pub use settings::SettingsPage;

use crate::areas::Area;

/// Every business area, in the order of their tabs. A new area adds its line.
pub const AREAS: &[Area] = &[
    Area { kinds: tasks::KINDS, tab: Some(tasks::TAB) },
    Area { kinds: customers::KINDS, tab: Some(customers::TAB) },
    Area { kinds: contacts::KINDS, tab: None },
    Area { kinds: activities::KINDS, tab: None },
    Area { kinds: pipeline::KINDS, tab: Some(pipeline::TAB) },
    Area { kinds: catalog::KINDS, tab: None },
    Area { kinds: surveys::KINDS, tab: Some(surveys::TAB) },
    Area { kinds: complaints::KINDS, tab: None },
    Area { kinds: warranty::KINDS, tab: Some(warranty::TAB) },
    Area { kinds: reports::KINDS, tab: Some(reports::TAB) },
];
