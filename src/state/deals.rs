//! The sales pipeline on the device: every deal in memory (the board,
//! forecast and table never wait for the database), the pipelines and the
//! lost reasons, and the actions that move, win, lose and edit deals.

use super::customers::unavailable;
use super::{AppState, SaveError, Written};
use crate::browser_env::BrowserEnv;
use daftar_core::env::Env;
use daftar_core::pipeline::{self, Deal, DealBook, DealInput, LostReasons, Pipeline, DEAL_KIND, LOST_REASONS_ID, LOST_REASONS_KIND, PIPELINE_KIND};
use daftar_core::save::{self, Saved};
use daftar_core::store::{Envelope, Record, RecordStore, StoreError};
use leptos::prelude::*;

/// What the sales screens read; None until first needed.
#[derive(Clone, Debug, Default)]
pub struct Sales {
    pub deals: DealBook,
    /// By board order; the defaults until the business edits them.
    pub pipelines: Vec<(String, Pipeline)>,
    pub lost_reasons: Vec<String>,
}

impl Sales {
    pub fn pipeline(&self, id: &str) -> Option<&Pipeline> {
        self.pipelines.iter().find(|(pid, _)| pid == id).map(|(_, p)| p)
    }

    /// Records just written (here or in another tab) taken in; true when
    /// the sales screens must draw again.
    fn take_in(&mut self, records: &[Record], lang: daftar_core::locale::Lang) -> bool {
        let mut changed = self.deals.upsert(records);
        if records.iter().any(|r| r.kind == PIPELINE_KIND || r.kind == LOST_REASONS_KIND) {
            let pipelines: Vec<Record> = records.iter().filter(|r| r.kind == PIPELINE_KIND).cloned().collect();
            merge_pipelines(&mut self.pipelines, &pipelines);
            if let Some(r) = records.iter().find(|r| r.kind == LOST_REASONS_KIND) {
                self.lost_reasons = reasons_of(Some(r), lang);
            }
            changed = true;
        }
        changed
    }
}

/// Stored pipelines replace the defaults of the same id; new ones join;
/// deleted ones leave. Sorted by position, then name.
fn merge_pipelines(list: &mut Vec<(String, Pipeline)>, stored: &[Record]) {
    for r in stored {
        list.retain(|(id, _)| *id != r.id);
        if let (false, Ok(p)) = (r.deleted, r.decode::<Pipeline>()) {
            list.push((r.id.clone(), p));
        }
    }
    list.sort_by(|a, b| (a.1.position, &a.1.name).cmp(&(b.1.position, &b.1.name)));
}

fn reasons_of(record: Option<&Record>, lang: daftar_core::locale::Lang) -> Vec<String> {
    match record.filter(|r| !r.deleted).and_then(|r| r.decode::<LostReasons>().ok()) {
        Some(stored) => stored.reasons,
        None => LostReasons::defaults(lang).reasons,
    }
}

thread_local! {
    static LOADING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// After the customer list has painted and settled.
const PRELOAD_DELAY_MS: i32 = 1_500;

/// Every deal, read and parsed a page at a time with the browser free in
/// between (6,000 deals parsed at once held the page for over 100 ms).
async fn read_deals(store: &crate::storage::IdbStore) -> Result<daftar_core::store::Scan<Deal>, StoreError> {
    let mut scan = daftar_core::store::Scan::default();
    super::paged::each_page(store, DEAL_KIND, |text| {
        for line in text.lines().filter(|l| !l.is_empty()) {
            scan.push(serde_json::from_str::<Envelope<Deal>>(line));
        }
    })
    .await?;
    Ok(scan)
}


/// Keeps the sales screens' records in step with every write; a bulk
/// write of deals (demo data) is read again when next needed.
fn on_written(state: &AppState, written: &Written) {
    match written {
        Written::Records(records) => state.take_in_sales(records),
        Written::Bulk(records) if records.iter().any(|r| r.kind == DEAL_KIND) => state.sales().set(None),
        Written::Bulk(records) => state.take_in_sales(records),
        Written::Reset => state.sales().set(None),
    }
}

impl AppState {
    /// Deals, pipelines and lost reasons; loaded when a sales screen first
    /// opens, then kept in step with every write.
    pub fn sales(&self) -> RwSignal<Option<Sales>> {
        self.cache()
    }

    /// Reads deals, pipelines and lost reasons the first time a sales screen
    /// opens; later writes keep them in step (see `take_in`).
    pub async fn load_sales(&self) -> Result<(), StoreError> {
        self.listen("sales", on_written);
        // Once loaded, writes keep it current; while a load runs (the preload),
        // a second caller leaves it to finish and set the signal it waits on.
        if self.sales().with_untracked(Option::is_some) || LOADING.with(|l| l.replace(true)) {
            return Ok(());
        }
        let loaded = self.read_sales().await;
        LOADING.with(|l| l.set(false));
        loaded
    }

    async fn read_sales(&self) -> Result<(), StoreError> {
        let store = self.store().ok_or_else(unavailable)?;
        let span = crate::perf::start("daftar:load-sales");
        let lang = self.lang.get_untracked();
        // A write during the read would be missing: read again (writes are
        // rare), and after a few tries keep what was read rather than wait.
        const TRIES: usize = 5;
        for attempt in 1..=TRIES {
            let changes_before = self.changes.get_untracked();
            let scan = read_deals(&store).await?;
            let stored = store.all(PIPELINE_KIND).await?;
            let reasons = store.get(LOST_REASONS_KIND, LOST_REASONS_ID).await?;
            if self.changes.get_untracked() != changes_before && attempt < TRIES {
                continue;
            }
            if scan.unreadable > 0 {
                leptos::logging::warn!("{} deals could not be read", scan.unreadable);
            }
            let mut pipelines = pipeline::defaults(lang);
            merge_pipelines(&mut pipelines, &stored);
            self.sales().set(Some(Sales { deals: DealBook::build(scan), pipelines, lost_reasons: reasons_of(reasons.as_ref(), lang) }));
            break;
        }
        span.end();
        crate::perf::mark_wasm_memory();
        Ok(())
    }

    /// Loads the sales screens' data a moment after start, in slices, so
    /// the first visit to the board finds it in memory.
    pub(super) fn preload_sales(self) {
        leptos::task::spawn_local(async move {
            crate::browser_env::sleep_ms(PRELOAD_DELAY_MS).await;
            if let Err(e) = self.load_sales().await {
                leptos::logging::warn!("loading deals failed: {e}");
            }
        });
    }

    fn take_in_sales(&self, records: &[Record]) {
        let relevant = |r: &Record| r.kind == DEAL_KIND || r.kind == PIPELINE_KIND || r.kind == LOST_REASONS_KIND;
        if self.sales().with_untracked(Option::is_some) && records.iter().any(relevant) {
            let lang = self.lang.get_untracked();
            let mut changed = false;
            self.sales().update_untracked(|s| {
                if let Some(s) = s {
                    changed = s.take_in(records, lang);
                }
            });
            if changed {
                self.sales().notify();
            }
        }
    }

    fn sales_pipeline(&self, id: &str) -> Option<Pipeline> {
        self.sales().with_untracked(|s| s.as_ref().and_then(|s| s.pipeline(id).cloned()))
    }

    /// Creates or edits a deal; returns its id.
    pub async fn save_deal(&self, existing: Option<&Record>, input: &DealInput) -> Result<String, SaveError> {
        self.load_sales().await?;
        let pipeline = self.sales_pipeline(&input.pipeline_id).unwrap_or_default();
        Ok(self.commit_showing_first(pipeline::save_deal(existing, input, &pipeline, &BrowserEnv)?).await?)
    }

    /// Ids of the customers carrying `tag` (the board's tag filter).
    pub async fn customers_tagged(&self, tag: &str) -> std::collections::HashSet<String> {
        #[derive(serde::Deserialize, Default)]
        #[serde(default)]
        struct Tags {
            tags: Vec<String>,
        }
        let Some(store) = self.store() else { return Default::default() };
        let folded = daftar_core::locale::normalize_for_search(tag);
        match store.all_as::<Tags>(daftar_core::customers::KIND).await {
            Ok(scan) => scan.records.into_iter().filter(|r| !r.deleted && r.fields.tags.iter().any(|t| daftar_core::locale::normalize_for_search(t) == folded)).map(|r| r.id).collect(),
            Err(e) => {
                leptos::logging::warn!("reading customer tags failed: {e}");
                Default::default()
            }
        }
    }

    /// Edits one deal in place (the table's inline edits).
    pub async fn update_deal(&self, id: &str, edit: impl FnOnce(&mut DealInput)) -> Result<(), SaveError> {
        let (record, deal) = self.stored::<Deal>(id).await?;
        let mut input = DealInput::from_deal(&deal, self.lang.get_untracked());
        edit(&mut input);
        self.save_deal(Some(&record), &input).await.map(|_| ())
    }

    /// Applies a deal change with the board updated at once, before the
    /// database confirms; if the write fails, the board shows the stored deal.
    async fn commit_showing_first(&self, saved: Saved) -> Result<String, StoreError> {
        let Some(batch) = saved.batch else { return Ok(saved.id) };
        let records: Vec<Record> = batch.writes.iter().map(|w| w.record.clone()).collect();
        self.take_in_sales(&records);
        if let Err(e) = self.apply(batch).await {
            for r in &records {
                self.show_stored_deal(&r.id).await;
            }
            return Err(e);
        }
        Ok(saved.id)
    }

    /// Writes a deal a step changed (moved, won, lost), board first.
    async fn write_deal(&self, record: &Record, deal: &Deal) -> Result<(), SaveError> {
        self.commit_showing_first(save::save(Some(record), deal, &BrowserEnv)?).await?;
        Ok(())
    }

    /// The deal as stored now with its pipeline; a pipeline deleted
    /// elsewhere leaves the deal nowhere to move.
    async fn deal_record(&self, id: &str) -> Result<(Record, Deal, Pipeline), SaveError> {
        // Another tab's big write may have emptied the sales memory meanwhile.
        self.load_sales().await?;
        let (record, deal) = self.stored::<Deal>(id).await?;
        let pipeline = self.sales_pipeline(&deal.pipeline_id).ok_or(SaveError::NotAllowed)?;
        Ok((record, deal, pipeline))
    }

    /// A card dropped on another stage (a closed deal reopens). The board
    /// shows the move at once from memory; the stored deal is then read,
    /// moved and written, and on any failure the board shows it as stored.
    pub async fn move_deal(&self, id: &str, stage: &str) -> Result<(), SaveError> {
        let now = BrowserEnv.now_ms();
        let shown = self.sales().with_untracked(|s| {
            let s = s.as_ref()?;
            let e = s.deals.get(id)?;
            let moved = e.fields.moved(s.pipeline(&e.fields.pipeline_id)?, stage, now).ok()??;
            Some(Envelope { fields: moved, ..e.clone() })
        });
        if let Some(e) = shown {
            self.sales().update(|s| {
                if let Some(s) = s {
                    s.deals.put(e);
                }
            });
            crate::browser_env::after_paint().await;
        }
        let result = self.write_move(id, stage, now).await;
        if result.is_err() {
            self.show_stored_deal(id).await;
        }
        result
    }

    async fn write_move(&self, id: &str, stage: &str, now: i64) -> Result<(), SaveError> {
        let (record, deal, pipeline) = self.deal_record(id).await?;
        // The stage was removed elsewhere (in another tab or device).
        let Some(moved) = deal.moved(&pipeline, stage, now).map_err(|_| SaveError::NotAllowed)? else { return Ok(()) };
        self.write_deal(&record, &moved).await
    }

    /// The board shows the deal as stored (after a write that failed).
    async fn show_stored_deal(&self, id: &str) {
        let Some(store) = self.store() else { return };
        match store.get(DEAL_KIND, id).await {
            Ok(Some(stored)) => self.take_in_sales(&[stored]),
            Ok(None) => self.sales().update(|s| {
                if let Some(s) = s {
                    s.deals.forget(id);
                }
            }),
            Err(e) => leptos::logging::warn!("re-reading deal {id} failed: {e}"),
        }
    }

    pub async fn win_deal(&self, id: &str, on: chrono::NaiveDate) -> Result<(), SaveError> {
        let (record, deal, pipeline) = self.deal_record(id).await?;
        self.write_deal(&record, &deal.won(&pipeline, on, BrowserEnv.now_ms())).await
    }

    /// Refused (with the field errors) when no reason is given.
    pub async fn lose_deal(&self, id: &str, reason: &str, note: &str, on: chrono::NaiveDate) -> Result<(), SaveError> {
        let (record, deal, pipeline) = self.deal_record(id).await?;
        let lost = deal.lost(&pipeline, reason, note, on, BrowserEnv.now_ms())?;
        self.write_deal(&record, &lost).await
    }

    /// Saves a pipeline (a default one is stored the first time it is edited).
    pub async fn save_pipeline(&self, id: Option<&str>, pipeline: &Pipeline) -> Result<String, SaveError> {
        self.load_sales().await?;
        let pipeline = match id {
            Some(id) => self.sales().with_untracked(|s| {
                let s = s.as_ref();
                let before = s.and_then(|s| s.pipeline(id)).cloned().unwrap_or_default();
                pipeline.validated_against(&before, id, s.iter().flat_map(|s| s.deals.iter().map(|e| &e.fields)))
            }),
            None => pipeline.validated(),
        }?;
        let saved = match id {
            // A default pipeline is stored under its fixed id the first time it is edited.
            Some(id) => save::save_at(id, self.record(PIPELINE_KIND, id).await?.as_ref(), &pipeline, &BrowserEnv)?,
            None => save::save(None, &pipeline, &BrowserEnv)?,
        };
        Ok(self.commit(saved).await?)
    }

    pub async fn save_lost_reasons(&self, reasons: LostReasons) -> Result<(), StoreError> {
        let stored = self.record(LOST_REASONS_KIND, LOST_REASONS_ID).await?;
        self.commit(save::save_at(LOST_REASONS_ID, stored.as_ref(), &reasons, &BrowserEnv)?).await.map(|_| ())
    }
}
