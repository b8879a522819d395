//! Customer actions: run a core command, apply its batch to the store, and
//! keep the in-memory list in step with what was stored.

use super::AppState;
use crate::browser_env::BrowserEnv;
use daftar_core::customers::{self, CustomerIndex, CustomerInput, FieldError, KIND};
use daftar_core::demo;
use daftar_core::store::{Batch, Change, Record, Store, StoreError};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    Invalid(Vec<FieldError>),
    Store(StoreError),
}

fn unavailable() -> StoreError {
    StoreError::Backend("the database is not open".into())
}

impl AppState {
    pub async fn reload_customers(&self) {
        let Some(store) = self.store() else { return };
        let span = crate::perf::start("daftar:load-customers");
        let read = crate::perf::start("daftar:read-customers");
        let scanned = store.all_as(KIND).await;
        read.end();
        match scanned {
            Ok(scan) => {
                if scan.unreadable > 0 {
                    leptos::logging::warn!("{} customer records could not be read", scan.unreadable);
                }
                self.customers.set(CustomerIndex::build(scan));
            }
            Err(e) => leptos::logging::error!("loading customers failed: {e}"),
        }
        self.customers_loaded.set(true);
        span.end();
    }

    pub async fn customer(&self, id: &str) -> Result<Option<Record>, StoreError> {
        self.store().ok_or_else(unavailable)?.get(KIND, id).await
    }

    pub async fn customer_history(&self, id: &str) -> Result<Vec<Change>, StoreError> {
        let key = format!("{KIND}:{id}");
        self.store().ok_or_else(unavailable)?.history(&key).await
    }

    /// Creates (no `existing`) or edits a customer; returns its id.
    pub async fn save_customer(&self, existing: Option<Record>, input: CustomerInput) -> Result<String, SaveError> {
        let env = BrowserEnv;
        let batch = match &existing {
            None => customers::create(&input, &env).map_err(SaveError::Invalid)?,
            Some(prev) => match customers::update(prev, &input, &env).map_err(SaveError::Invalid)? {
                Some(batch) => batch,
                None => return Ok(prev.id.clone()),
            },
        };
        let id = batch.writes[0].record.id.clone();
        self.apply(batch).await.map_err(SaveError::Store)?;
        Ok(id)
    }

    /// Soft-deletes; the toast offers undo.
    pub async fn delete_customer(&self, prev: &Record) -> Result<(), StoreError> {
        self.apply(customers::delete(prev, &BrowserEnv)).await
    }

    pub async fn undo_delete_customer(&self, id: &str) -> Result<(), StoreError> {
        let Some(prev) = self.customer(id).await? else { return Ok(()) };
        if prev.deleted {
            self.apply(customers::restore(&prev, &BrowserEnv)).await?;
        }
        Ok(())
    }

    /// Adds a demo dataset through the same write path as every other write.
    pub async fn load_demo(&self, size: demo::Size) -> Result<usize, StoreError> {
        let seed = js_sys::Date::now() as u64;
        let span = crate::perf::start("daftar:demo-generate");
        let batch = demo::batch(size, seed, js_sys::Date::now() as i64);
        span.end();
        let n = batch.writes.len();
        let span = crate::perf::start("daftar:import");
        self.store().ok_or_else(unavailable)?.apply(&batch).await?;
        span.end();
        self.reload_customers().await;
        Ok(n)
    }

    async fn apply(&self, batch: Batch) -> Result<(), StoreError> {
        self.store().ok_or_else(unavailable)?.apply(&batch).await?;
        self.customers.update(|ix| ix.upsert(batch.writes.into_iter().map(|w| w.record)));
        Ok(())
    }
}
