//! Saving complaints and moving them through their statuses. Like every
//! write, through a core command → `apply`, so the log, the outbox, other tabs
//! and the timeline stay in step.

use super::{AppState, SaveError};
use crate::browser_env::BrowserEnv;
use daftar_core::complaints::{self, Complaint, ComplaintInput, Status};
use daftar_core::env::Env;
use daftar_core::save;
use daftar_core::store::Record;

impl AppState {
    /// Creates a complaint (opened now, as new) or saves its form's fields,
    /// keeping its status, resolution and history; returns its id.
    pub async fn save_complaint(&self, existing: Option<&Record>, input: &ComplaintInput) -> Result<String, SaveError> {
        Ok(self.commit(complaints::save(existing, input, &BrowserEnv)?).await?)
    }

    /// Moves a complaint to `to` with `note` (the resolution when resolving).
    /// The stored complaint is read again first, so a page opened before
    /// another tab's edit moves what is stored, not what it once showed.
    pub async fn move_complaint(&self, record: &Record, to: Status, note: &str) -> Result<(), SaveError> {
        let (stored, complaint) = self.stored::<Complaint>(&record.id).await?;
        let moved = complaint.moved(to, note, BrowserEnv.now_ms())?;
        self.commit(save::save(Some(&stored), &moved, &BrowserEnv)?).await?;
        Ok(())
    }
}
