//! Sync with a CouchDB-protocol server: the settings kept on the device,
//! `fetch` as the engine's transport, the clock stamping local writes, and
//! the triggers and status the screens show. The engine itself, the merge
//! and the document mapping live in core (`daftar_core::sync`).

pub mod clock;
pub mod config;
pub mod http;
mod inbox;
mod runner;
mod waiting;

pub use runner::{catch_up, connect, disconnect, run, saved, start, update_review, SyncStatus, SyncView};
