//! Pages, one folder per business area.

pub mod customers;
mod placeholder;
mod settings;

pub use placeholder::{NotFound, Placeholder};
pub use settings::SettingsPage;
