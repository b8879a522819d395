//! The installed base in memory — the coverage check answers while the
//! serial is typed, among 100,000 items, so it cannot wait on the database —
//! and the warranty writes: items, claims and their photos, visits,
//! contracts and renewals. Every write goes through `apply` like all others.

use super::customers::unavailable;
use super::{AppState, SaveError, Written};
use crate::browser_env::BrowserEnv;
use daftar_core::env::Env;
use daftar_core::locale::Currency;
use daftar_core::save;
use daftar_core::store::{self, Record, RecordStore, StoreError};
use daftar_core::warranty::claims::{self, Claim, ClaimInput, ClaimPhoto, ClaimStatus, PartLine, StatusError};
use daftar_core::warranty::item::{self, InstalledItem, ItemInput};
use daftar_core::warranty::lookup::SerialIndex;
use daftar_core::warranty::service::{self, ContractInput, Renewable, RenewalTexts, ServiceVisit, VisitInput, VisitStatus};
use daftar_core::warranty::{CLAIM, ITEM, VISIT};
use leptos::prelude::*;
use std::collections::HashMap;

/// Every live installed item, with the serial index the coverage check uses.
#[derive(Default)]
pub struct InstalledBase {
    pub items: HashMap<String, InstalledItem>,
    pub index: SerialIndex,
}

impl InstalledBase {
    fn put(&mut self, id: &str, item: InstalledItem) {
        self.index.put(id, &item.product_id, &item.serial);
        self.items.insert(id.to_string(), item);
    }

    fn remove(&mut self, id: &str) {
        self.index.remove(id);
        self.items.remove(id);
    }

    /// Keeps up with records just written; returns whether any was an item.
    fn take_in(&mut self, records: &[Record]) -> bool {
        let mut changed = false;
        for r in records.iter().filter(|r| r.kind == ITEM) {
            match r.decode::<InstalledItem>() {
                Ok(item) if !r.deleted => self.put(&r.id, item),
                _ => self.remove(&r.id),
            }
            changed = true;
        }
        changed
    }
}

thread_local! {
    static LOADING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Keeps the installed base in step with every write; thousands of new
/// items at once (demo data) are read again when next needed.
fn on_written(state: &AppState, written: &Written) {
    match written {
        Written::Records(records) => state.take_in_installed(records),
        Written::Bulk(records) if records.iter().any(|r| r.kind == ITEM) => state.installed().set(None),
        Written::Bulk(records) => state.take_in_installed(records),
        Written::Reset => state.installed().set(None),
    }
}

impl AppState {
    /// Installed items and their serial index; loaded when an after-sales
    /// screen first opens, then kept in step with every write.
    pub fn installed(&self) -> RwSignal<Option<InstalledBase>> {
        self.cache()
    }

    /// Reads the installed base once; writes keep it current afterwards.
    /// A second caller while a read runs waits for it to finish.
    pub async fn load_installed(&self) -> Result<(), StoreError> {
        self.listen("installed", on_written);
        if LOADING.with(|l| l.get()) {
            while LOADING.with(|l| l.get()) {
                crate::browser_env::sleep_ms(20).await;
            }
        }
        if self.installed().with_untracked(Option::is_some) {
            return Ok(());
        }
        LOADING.with(|l| l.set(true));
        let loaded = self.read_installed().await;
        LOADING.with(|l| l.set(false));
        self.installed().set(Some(loaded?));
        Ok(())
    }

    async fn read_installed(&self) -> Result<InstalledBase, StoreError> {
        let store = self.store().ok_or_else(unavailable)?;
        let span = crate::perf::start("daftar:load-installed");
        // A write during the read would be missing (the base takes writes in
        // only once loaded): read again, a few times at most.
        const TRIES: usize = 5;
        let mut base = InstalledBase::default();
        for attempt in 1..=TRIES {
            let changes_before = self.changes.get_untracked();
            let scan = store.all_as::<InstalledItem>(ITEM).await?;
            base = InstalledBase::default();
            for r in scan.records.into_iter().filter(|r| !r.deleted) {
                base.put(&r.id, r.fields);
            }
            if self.changes.get_untracked() == changes_before || attempt == TRIES {
                break;
            }
        }
        span.end();
        Ok(base)
    }

    fn take_in_installed(&self, records: &[Record]) {
        if self.installed().with_untracked(Option::is_none) {
            return;
        }
        let mut changed = false;
        self.installed().update_untracked(|b| changed = b.as_mut().is_some_and(|b| b.take_in(records)));
        if changed {
            self.installed().notify();
        }
    }

    /// Registers or edits an installed item; a serial another item of the
    /// same product has is refused.
    pub async fn save_item(&self, existing: Option<&Record>, input: &ItemInput) -> Result<String, SaveError> {
        self.load_installed().await?;
        let own_id = existing.map(|r| r.id.clone());
        let saved = self.installed().with_untracked(|b| {
            let Some(b) = b else { return Err(StoreError::Backend("the installed base was reset while saving".into()).into()) };
            let taken = |product: &str, serial: &str| b.index.taken(product, serial, own_id.as_deref());
            item::save_item(existing, input, taken, &BrowserEnv)
        })?;
        Ok(self.commit(saved).await?)
    }

    /// Writes an item changed by an action (extension, transfer, void) on
    /// the stored record, read again so another tab's edit is not lost.
    pub async fn change_item<E>(&self, id: &str, change: impl FnOnce(&InstalledItem) -> Result<InstalledItem, E>) -> Result<Result<(), E>, SaveError> {
        let (stored, item) = self.stored::<InstalledItem>(id).await?;
        match change(&item) {
            Ok(changed) => self.commit(save::save(Some(&stored), &changed, &BrowserEnv)?).await.map(|_| Ok(())).map_err(SaveError::Store),
            Err(e) => Ok(Err(e)),
        }
    }

    /// Opens a claim on an item, with the coverage it had on the reported day.
    pub async fn open_claim(&self, input: &ClaimInput) -> Result<String, SaveError> {
        let stored = self.record(ITEM, &input.installed_item_id).await?.filter(|r| !r.deleted);
        let item = stored.map(|r| r.read::<InstalledItem>()).transpose()?;
        let coverage = item.as_ref().zip(input.reported_on).and_then(|(i, on)| i.coverage_on(on));
        let claim = claims::validate(input, coverage, self.currency.get_untracked(), BrowserEnv.now_ms())?;
        Ok(self.commit(save::save(None, &claim, &BrowserEnv)?).await?)
    }

    /// Changes a claim as stored now (another tab may have moved it).
    async fn change_claim(&self, id: &str, change: impl FnOnce(&Claim) -> Result<Claim, StatusError>) -> Result<(), SaveError> {
        let (stored, claim) = self.stored::<Claim>(id).await?;
        let changed = change(&claim)?;
        self.commit(save::save(Some(&stored), &changed, &BrowserEnv)?).await?;
        Ok(())
    }

    pub async fn move_claim(&self, id: &str, to: ClaimStatus, note: &str) -> Result<(), SaveError> {
        self.change_claim(id, |c| c.moved(to, note, BrowserEnv.now_ms())).await
    }

    pub async fn set_claim_work(&self, id: &str, parts: Vec<PartLine>, hours: &str, rate: &str) -> Result<(), SaveError> {
        self.change_claim(id, |c| c.with_work(parts, hours, rate)).await
    }

    /// Stores a photo (already downscaled) for a claim; refused past the limit.
    pub async fn add_claim_photo(&self, photo: &ClaimPhoto) -> Result<bool, StoreError> {
        let linked = self.linked_to(CLAIM, &photo.warranty_claim_id).await?;
        match claims::add_photo(photo, &linked, &BrowserEnv) {
            Some(batch) => self.apply(batch).await.map(|()| true),
            None => Ok(false),
        }
    }

    /// Plans a visit or edits one; an edit keeps the status and report as
    /// stored now (the report card on the same page may have changed them).
    pub async fn save_visit(&self, existing: Option<&Record>, input: &VisitInput) -> Result<String, SaveError> {
        let stored = match existing {
            Some(page_record) => Some(self.stored::<ServiceVisit>(&page_record.id).await?.0),
            None => None,
        };
        Ok(self.commit(service::save_visit(stored.as_ref(), input, &BrowserEnv)?).await?)
    }

    /// Records the visit report; the visit is then done.
    pub async fn finish_visit(&self, id: &str, report: &str) -> Result<(), SaveError> {
        let (record, visit) = self.stored::<ServiceVisit>(id).await?;
        let done = visit.done(report, BrowserEnv.now_ms())?;
        self.commit(save::save(Some(&record), &done, &BrowserEnv)?).await?;
        Ok(())
    }

    /// Missed, cancelled, or planned again (done goes through the report).
    pub async fn set_visit_status(&self, id: &str, to: VisitStatus) -> Result<(), SaveError> {
        let (record, visit) = self.stored::<ServiceVisit>(id).await?;
        self.commit(save::save(Some(&record), &visit.with_status(to), &BrowserEnv)?).await?;
        Ok(())
    }

    pub async fn save_contract(&self, existing: Option<&Record>, input: &ContractInput) -> Result<String, SaveError> {
        Ok(self.commit(service::save_contract(existing, input, &BrowserEnv)?).await?)
    }

    /// Plans the contract's included maintenance visits, evenly over its period.
    pub async fn plan_visits(&self, visits: &[ServiceVisit]) -> Result<(), StoreError> {
        let mut batch = store::Batch::default();
        for v in visits {
            batch.writes.extend(store::create(VISIT, v, &BrowserEnv).writes);
        }
        self.apply(batch).await
    }

    /// One tap on "renew": the renewal deal and its task, in one write.
    /// Returns the deal's id.
    pub async fn renew(&self, due: &Renewable, texts: &RenewalTexts, (amount, currency): (i64, Currency)) -> Result<String, StoreError> {
        use daftar_core::pipeline::{defaults, RENEWALS};
        self.load_sales().await?;
        // The sales preload may still be running: the built-in renewals
        // pipeline stands in, so the deal always lands in a real stage.
        let pipeline = self
            .sales()
            .with_untracked(|s| s.as_ref().and_then(|s| s.pipeline(RENEWALS).cloned()))
            .or_else(|| defaults(self.lang.get_untracked()).into_iter().find(|(id, _)| id == RENEWALS).map(|(_, p)| p))
            .unwrap_or_default();
        let task_due = crate::browser_env::now_local() + chrono::Duration::days(1);
        let (batch, deal_id) = service::renewal_batch(due, texts, &pipeline, &self.my_name_untracked(), amount, currency, task_due, &BrowserEnv);
        self.apply(batch).await?;
        Ok(deal_id)
    }

}

impl AppState {
    /// Adds demo installed items for the customers and products on the
    /// device; returns how many (0 when there are no customers or products).
    pub async fn load_demo_items(&self, count: usize) -> Result<usize, StoreError> {
        let customer_ids: Vec<String> = self.customers.with_untracked(|c| c.rows().iter().map(|r| r.id.clone()).collect());
        let products: Vec<(String, daftar_core::catalog::Product)> =
            self.all_live(daftar_core::catalog::PRODUCT).await?.into_iter().filter_map(|r| Some((r.id.clone(), r.decode().ok()?))).collect();
        self.load_installed().await?;
        let first = self.installed().with_untracked(|b| b.as_ref().map_or(0, |b| b.items.len()));
        let span = crate::perf::start("daftar:demo-items-generate");
        let batch = daftar_core::demo::installed_base(first, count, &customer_ids, &products, crate::browser_env::today(), daftar_core::demo::SEED, &BrowserEnv);
        span.end();
        let n = batch.writes.len();
        if n > 0 {
            self.apply(batch).await?;
        }
        Ok(n)
    }
}

/// Starts reading the installed base once the database is open.
pub fn use_installed() -> Signal<bool> {
    let state = expect_context::<AppState>();
    Effect::new(move || {
        if state.store_status.get() == super::StoreStatus::Ready && state.installed().with(Option::is_none) {
            leptos::task::spawn_local(async move {
                if let Err(e) = state.load_installed().await {
                    state.notify(crate::i18n::store_error_text(&e, state.lang.get_untracked()), None);
                }
            });
        }
    });
    let ready = Memo::new(move |_| state.installed().with(Option::is_some));
    ready.into()
}

/// Today's coverage of an item at the standard "expiring soon" horizon.
pub fn coverage_today(item: &InstalledItem) -> item::CoverageCheck {
    item.check(crate::browser_env::today(), item::SOON_DAYS)
}

