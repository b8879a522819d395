//! Pages, one folder per business area.

pub mod activities;
pub mod contacts;
pub mod customers;
mod placeholder;
mod settings;
pub mod tasks;

pub use placeholder::{NotFound, Placeholder};
pub use settings::SettingsPage;
