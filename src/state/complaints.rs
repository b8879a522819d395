//! Saving complaints and moving them through their statuses. Like every
//! write, through `save_value` → `apply`, so the log, the outbox, other tabs
//! and the timeline stay in step.

use super::{AppState, SaveError};
use crate::browser_env::BrowserEnv;
use daftar_core::check::FieldError;
use daftar_core::complaints::{self, Complaint, ComplaintInput, Status, StatusError, COMPLAINT};
use daftar_core::env::Env;
use daftar_core::store::{Record, StoreError};

/// Why a status change was not written.
#[derive(Clone, Debug, PartialEq)]
pub enum ComplaintMoveError {
    /// The complaint was deleted (here or in another tab).
    Gone,
    /// The stored complaint is no longer in a status that allows this move
    /// (another tab moved it meanwhile).
    NotAllowed,
    /// The move's note is missing (resolving) or too long.
    Invalid(Vec<FieldError>),
    Store(StoreError),
}

impl AppState {
    /// Creates a complaint (opened now, as new) or saves its form's fields,
    /// keeping its status, resolution and history; returns its id.
    pub async fn save_complaint(&self, existing: Option<&Record>, input: &ComplaintInput) -> Result<String, SaveError> {
        let complaint = match existing.map(Record::decode::<Complaint>).transpose().map_err(SaveError::Store)? {
            Some(old) => old.edited(input),
            None => complaints::validate(input, BrowserEnv.now_ms()),
        }
        .map_err(SaveError::Invalid)?;
        self.save_value(COMPLAINT, existing, &complaint).await.map_err(SaveError::Store)
    }

    /// Moves a complaint to `to` with `note` (the resolution when resolving).
    /// The stored complaint is read again first, so a page opened before
    /// another tab's edit moves what is stored, not what it once showed.
    pub async fn move_complaint(&self, record: &Record, to: Status, note: &str) -> Result<(), ComplaintMoveError> {
        let stored = self.record(COMPLAINT, &record.id).await.map_err(ComplaintMoveError::Store)?.filter(|r| !r.deleted).ok_or(ComplaintMoveError::Gone)?;
        let complaint: Complaint = stored.decode().map_err(ComplaintMoveError::Store)?;
        let moved = complaint.moved(to, note, BrowserEnv.now_ms()).map_err(|e| match e {
            StatusError::NotAllowed { .. } => ComplaintMoveError::NotAllowed,
            StatusError::Fields(errors) => ComplaintMoveError::Invalid(errors),
        })?;
        self.save_value(COMPLAINT, Some(&stored), &moved).await.map(|_| ()).map_err(ComplaintMoveError::Store)
    }
}
