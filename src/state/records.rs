//! Actions on the records around a customer — contacts, activities, tasks —
//! and on customers as a whole (merge, value classes). Like every write, they go through
//! `apply`, so the log, the outbox, other tabs and the lists stay in step.

use super::customers::unavailable;
use super::{AppState, SaveError};
use crate::browser_env::BrowserEnv;
use daftar_core::activities::{self, ActivityInput};
use daftar_core::contacts::{self, ContactInput};
use daftar_core::customers::{self, Customer, ValueSegment};
use daftar_core::save::Saved;
use daftar_core::store::{key_of, Batch, Record, RecordKind, RecordStore, StoreError, Write};
use daftar_core::tasks::{self, TaskInput};

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

    /// The record as stored now, read as `T`: a page open for a while
    /// changes what is stored, not what it once showed. `Gone` when it was
    /// deleted meanwhile.
    pub async fn stored<T: RecordKind>(&self, id: &str) -> Result<(Record, T), SaveError> {
        let record = self.record(T::KIND, id).await?.filter(|r| !r.deleted).ok_or(SaveError::Gone)?;
        let value = record.read()?;
        Ok((record, value))
    }

    /// Applies what a core save command worked out (nothing when it
    /// changes nothing); the saved record's id.
    pub(super) async fn commit(&self, saved: Saved) -> Result<String, StoreError> {
        if let Some(batch) = saved.batch {
            self.apply(batch).await?;
        }
        Ok(saved.id)
    }

    /// Like [`Self::commit`], for a form whose fields stand alone: a record
    /// saved elsewhere since the form opened takes its changes field by
    /// field (see `apply_edit`).
    pub(super) async fn commit_edit(&self, saved: Saved) -> Result<String, StoreError> {
        if let Some(batch) = saved.batch {
            self.apply_edit(batch).await?;
        }
        Ok(saved.id)
    }

    pub async fn save_activity(&self, existing: Option<&Record>, input: &ActivityInput) -> Result<String, SaveError> {
        Ok(self.commit_edit(activities::save(existing, input, &BrowserEnv)?).await?)
    }

    pub async fn save_contact(&self, existing: Option<&Record>, input: &ContactInput) -> Result<String, SaveError> {
        Ok(self.commit_edit(contacts::save(existing, input, &BrowserEnv)?).await?)
    }

    pub async fn save_task(&self, existing: Option<&Record>, input: &TaskInput) -> Result<String, SaveError> {
        Ok(self.commit_edit(tasks::save(existing, input, &BrowserEnv)?).await?)
    }

    /// Creates every task in one write; how many.
    pub async fn create_tasks(&self, inputs: &[TaskInput]) -> Result<usize, SaveError> {
        let batch = tasks::create_all(inputs, &BrowserEnv)?;
        let count = batch.writes.len();
        self.apply(batch).await?;
        Ok(count)
    }

    /// Completes (or reopens) a task.
    pub async fn set_task_done(&self, record: &Record, done: bool) -> Result<(), StoreError> {
        self.commit(tasks::set_done(record, done, &BrowserEnv)?).await.map(|_| ())
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
    /// `Gone` when either was deleted meanwhile (in another tab).
    pub async fn merge_customers(&self, keep_id: &str, gone_id: &str) -> Result<Vec<Record>, SaveError> {
        let (keep, _) = self.stored::<Customer>(keep_id).await?;
        let (gone, _) = self.stored::<Customer>(gone_id).await?;
        let linked = self.store().ok_or_else(unavailable)?.linked(&gone.key()).await?;
        let batch = customers::merge(&keep, &gone, &linked, &BrowserEnv);
        let mut before = linked;
        before.extend([keep, gone]);
        self.apply(batch).await?;
        Ok(before)
    }

    /// Writes each class `class_of` gives onto its customer's value
    /// segment; returns the customers written as they were, for undo.
    pub async fn set_value_classes(&self, class_of: impl Fn(&str) -> Option<ValueSegment>) -> Result<Vec<Record>, StoreError> {
        let all = self.all_live(customers::KIND).await?;
        let batch = customers::set_value_segments(&all, class_of, &BrowserEnv);
        let written: std::collections::HashSet<&str> = batch.writes.iter().map(|w| w.record.id.as_str()).collect();
        let before: Vec<Record> = all.iter().filter(|r| written.contains(r.id.as_str())).cloned().collect();
        if !batch.is_empty() {
            self.apply(batch).await?;
        }
        Ok(before)
    }

    /// Puts every record of `before` back as it was.
    pub async fn undo_changes(&self, before: Vec<Record>) -> Result<(), StoreError> {
        let store = self.store().ok_or_else(unavailable)?;
        let mut current = Vec::with_capacity(before.len());
        for r in &before {
            current.extend(store.get(&r.kind, &r.id).await?);
        }
        self.apply(customers::undo_merge(&before, &current, &BrowserEnv)).await
    }
}
