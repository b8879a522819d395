//! Pages, one folder per business area.

pub mod activities;
pub mod catalog;
pub mod complaints;
pub mod contacts;
pub mod customers;
pub mod pipeline;
mod placeholder;
mod settings;
pub mod surveys;
pub mod sync;
pub mod tasks;
pub mod warranty;

pub use placeholder::{NotFound, Placeholder};
pub use settings::SettingsPage;
