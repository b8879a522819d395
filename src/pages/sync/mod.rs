//! The sync screens: settings (server, sign-in, test, sync now, sign out),
//! the status chip every page shows, and the review list of clashes.

mod routes;
mod chip;
mod review;
mod settings;
mod words;

pub use routes::SyncRoutes;

pub use chip::SyncChip;
pub use review::SyncReviewPage;
pub use settings::SyncSettingsPage;
