//! Actions on the records around a customer — contacts, activities, tasks —
//! and on customers as a whole (merge). Like every write, they go through
//! `apply`, so the log, the outbox, other tabs and the lists stay in step.

use super::customers::unavailable;
use super::{AppState, SaveError};
use crate::browser_env::BrowserEnv;
use daftar_core::activities::{self, Activity, ActivityInput};
use daftar_core::contacts::{self, ContactInput};
use daftar_core::customers;
use daftar_core::store::{self, key_of, Batch, Record, RecordStore, StoreError, Write};
use daftar_core::tasks::{self, Task, TaskInput};
use serde::Serialize;

impl AppState {
    pub async fn record(&self, kind: &str, id: &str) -> Result<Option<Record>, StoreError> {
        self.store().ok_or_else(unavailable)?.get(kind, id).await
    }

    /// Every record linking to this one (see core's `links_of`), live ones only.
    pub async fn linked_to(&self, kind: &str, id: &str) -> Result<Vec<Record>, StoreError> {
        let mut linked = self.store().ok_or_else(unavailable)?.linked(&key_of(kind, id)).await?;
        linked.retain(|r| !r.deleted);
        Ok(linked)
    }

    pub async fn all_live(&self, kind: &str) -> Result<Vec<Record>, StoreError> {
        let mut all = self.store().ok_or_else(unavailable)?.all(kind).await?;
        all.retain(|r| !r.deleted);
        Ok(all)
    }

    /// Creates (no `existing`) or replaces a record's known fields; returns its id.
    pub(super) async fn save_value<T: Serialize + Default>(&self, kind: &str, existing: Option<&Record>, value: &T) -> Result<String, StoreError> {
        match value_batch(kind, existing, value) {
            Ok(batch) => {
                let id = batch.writes[0].record.id.clone();
                self.apply(batch).await?;
                Ok(id)
            }
            Err(unchanged) => Ok(unchanged),
        }
    }

    pub async fn save_activity(&self, existing: Option<&Record>, input: &ActivityInput) -> Result<String, SaveError> {
        let activity = match existing.map(Record::read::<Activity>).transpose().map_err(SaveError::Store)? {
            Some(old) => old.edited(input),
            None => activities::validate(input),
        }
        .map_err(SaveError::Invalid)?;
        self.save_value(activities::KIND, existing, &activity).await.map_err(SaveError::Store)
    }

    pub async fn save_contact(&self, existing: Option<&Record>, input: &ContactInput) -> Result<String, SaveError> {
        let contact = contacts::validate(input).map_err(SaveError::Invalid)?;
        self.save_value(contacts::KIND, existing, &contact).await.map_err(SaveError::Store)
    }

    pub async fn save_task(&self, existing: Option<&Record>, input: &TaskInput) -> Result<String, SaveError> {
        let task = match existing.map(Record::decode::<Task>).transpose().map_err(SaveError::Store)? {
            Some(old) => old.edited(input),
            None => tasks::validate(input),
        }
        .map_err(SaveError::Invalid)?;
        self.save_value(tasks::KIND, existing, &task).await.map_err(SaveError::Store)
    }

    /// Completes (or reopens) a task.
    pub async fn set_task_done(&self, record: &Record, done: bool) -> Result<(), StoreError> {
        let task: Task = record.decode()?;
        let done_at = done.then(|| js_sys::Date::now() as i64);
        self.save_value(tasks::KIND, Some(record), &task.with_done(done_at)).await.map(|_| ())
    }

    /// Soft-deletes any record (a customer, a mis-logged activity …); the
    /// toast offers undo.
    pub async fn delete_record(&self, record: &Record) -> Result<(), StoreError> {
        self.apply(Batch::one(Write::delete(record, &BrowserEnv))).await
    }

    /// Sets one field of a record (Null removes it): how a value a sync set
    /// aside is put back, as an edit that then syncs like any other.
    pub async fn set_field(&self, kind: &str, id: &str, field: &str, value: serde_json::Value) -> Result<(), StoreError> {
        let Some(prev) = self.record(kind, id).await? else { return Ok(()) };
        let mut fields = prev.fields.clone();
        if value.is_null() {
            fields.remove(field);
        } else {
            fields.insert(field.to_string(), value);
        }
        match Write::update(&prev, fields, &BrowserEnv) {
            Some(write) => self.apply(Batch::one(write)).await,
            None => Ok(()),
        }
    }

    /// Undoes a delete (of a record of any kind).
    pub async fn undo_delete(&self, kind: &str, id: &str) -> Result<(), StoreError> {
        let Some(prev) = self.record(kind, id).await? else { return Ok(()) };
        if prev.deleted {
            self.apply(Batch::one(Write::restore(&prev, &BrowserEnv))).await?;
        }
        Ok(())
    }

    /// Moves everything of customer `gone_id` onto `keep_id` and removes it;
    /// returns the records as they were, for undo.
    pub async fn merge_customers(&self, keep_id: &str, gone_id: &str) -> Result<Vec<Record>, StoreError> {
        let missing = || StoreError::Backend("a customer to merge is gone".into());
        let keep = self.customer(keep_id).await?.ok_or_else(missing)?;
        let gone = self.customer(gone_id).await?.ok_or_else(missing)?;
        let linked = self.store().ok_or_else(unavailable)?.linked(&gone.key()).await?;
        let batch = customers::merge(&keep, &gone, &linked, &BrowserEnv);
        let mut before = linked;
        before.extend([keep, gone]);
        self.apply(batch).await?;
        Ok(before)
    }

    pub async fn undo_merge(&self, before: Vec<Record>) -> Result<(), StoreError> {
        let store = self.store().ok_or_else(unavailable)?;
        let mut current = Vec::with_capacity(before.len());
        for r in &before {
            current.extend(store.get(&r.kind, &r.id).await?);
        }
        self.apply(customers::undo_merge(&before, &current, &BrowserEnv)).await
    }

}

/// The batch creating a record of `kind` holding `value`, or updating
/// `existing` to it; `Err(id)` when the update would change nothing.
pub(super) fn value_batch<T: Serialize + Default>(kind: &str, existing: Option<&Record>, value: &T) -> Result<Batch, String> {
    match existing {
        None => Ok(store::create(kind, value, &BrowserEnv)),
        Some(prev) => store::update(prev, value, &BrowserEnv).ok_or_else(|| prev.id.clone()),
    }
}
