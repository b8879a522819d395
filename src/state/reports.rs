//! What the reports read beyond the deals (which the sales screens keep in
//! memory): when each customer began and whose it is, when each activity
//! happened, what it was and whose, when each task is due and was done. Only those fields are decoded, so 200,000 activities
//! cost a few MB. Read the first time Reports opens, then kept in step with
//! every write.

use super::customers::unavailable;
use super::{AppState, Written};
use daftar_core::activities::ActivityType;
use daftar_core::reports::{ActivityDone, CustomerSince, TaskPlanned};
use daftar_core::store::{Record, RecordStore, StoreError};
use daftar_core::{activities, customers, tasks};
use leptos::prelude::*;
use std::collections::HashMap;

thread_local! {
    static LOADING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The records behind the reports, by id.
#[derive(Clone, Debug, Default)]
pub struct ReportData {
    pub customers: HashMap<String, CustomerSince>,
    pub activities: HashMap<String, ActivityDone>,
    pub tasks: HashMap<String, TaskPlanned>,
}

/// A customer's fields the reports read.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct CustomerFacts {
    since: Option<chrono::NaiveDate>,
    owner: String,
}

fn customer_since(facts: CustomerFacts, created_at: i64) -> CustomerSince {
    CustomerSince { since: facts.since.unwrap_or_else(|| crate::browser_env::ms_to_local(created_at).date()), owner: facts.owner }
}

/// An activity's fields the reports read.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct ActivityFacts {
    at: i64,
    owner: String,
    customer_id: String,
    /// Read loosely: a type a newer version added is still an activity.
    #[serde(rename = "type")]
    kind: serde_json::Value,
}

/// Its local day is worked out here, once: in the browser that is a JS
/// `Date` per activity, too dear to repeat on every recompute.
fn activity_done(facts: ActivityFacts) -> ActivityDone {
    ActivityDone { day: crate::browser_env::ms_to_local(facts.at).date(), owner: facts.owner, customer_id: facts.customer_id, kind: serde_json::from_value::<ActivityType>(facts.kind).ok() }
}

/// A task's fields the reports read.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct TaskFacts {
    owner: String,
    due: Option<chrono::NaiveDateTime>,
    done_at: Option<i64>,
}

fn task_planned(facts: TaskFacts) -> TaskPlanned {
    TaskPlanned { owner: facts.owner, due: facts.due.map(|d| d.date()), done_on: facts.done_at.map(|ms| crate::browser_env::ms_to_local(ms).date()) }
}

impl ReportData {
    fn take_in(&mut self, record: &Record) {
        let (id, live) = (record.id.clone(), !record.deleted);
        if record.kind == customers::KIND {
            match record.decode::<CustomerFacts>() {
                Ok(facts) if live => {
                    self.customers.insert(id, customer_since(facts, record.created_at));
                }
                _ => {
                    self.customers.remove(&id);
                }
            }
        } else if record.kind == activities::KIND {
            match record.decode::<ActivityFacts>() {
                Ok(facts) if live => {
                    self.activities.insert(id, activity_done(facts));
                }
                _ => {
                    self.activities.remove(&id);
                }
            }
        } else if record.kind == tasks::KIND {
            match record.decode::<TaskFacts>() {
                Ok(facts) if live => {
                    self.tasks.insert(id, task_planned(facts));
                }
                _ => {
                    self.tasks.remove(&id);
                }
            }
        }
    }
}

fn concerns_reports(r: &Record) -> bool {
    [customers::KIND, activities::KIND, tasks::KIND].contains(&r.kind.as_str())
}

/// Takes in customers and activities once loaded. After a write of
/// thousands (an import, a big merge) everything is read again when Reports
/// next needs it: such a batch's customers go straight to the list, not
/// through here.
fn on_written(state: &AppState, written: &Written) {
    match written {
        Written::Reset | Written::Bulk(_) => state.reports.set(None),
        Written::Records(records) => {
            if state.reports.with_untracked(Option::is_some) && records.iter().any(concerns_reports) {
                state.reports.update(|data| {
                    if let Some(data) = data {
                        records.iter().for_each(|r| data.take_in(r));
                    }
                });
            }
        }
    }
}

impl AppState {
    /// Reads what the reports need the first time they open; a second
    /// caller while it reads leaves it to finish.
    pub async fn load_reports(&self) -> Result<(), StoreError> {
        self.listen("reports", on_written);
        if self.reports.with_untracked(Option::is_some) || LOADING.with(|l| l.replace(true)) {
            return Ok(());
        }
        let loaded = self.read_reports().await;
        LOADING.with(|l| l.set(false));
        loaded
    }

    async fn read_reports(&self) -> Result<(), StoreError> {
        let store = self.store().ok_or_else(unavailable)?;
        let span = crate::perf::start("daftar:load-reports");
        // A write during the read would be missing: read again, and after a
        // few tries (a sync pulling thousands) keep what was read rather
        // than leave the page waiting.
        const TRIES: usize = 3;
        for attempt in 1..=TRIES {
            let changes_before = self.changes.get_untracked();
            let mut data = ReportData::default();
            let scan = store.all_as::<CustomerFacts>(customers::KIND).await?;
            data.customers = scan.records.into_iter().filter(|r| !r.deleted).map(|r| (r.id, customer_since(r.fields, r.created_at))).collect();
            let scan = store.all_as::<ActivityFacts>(activities::KIND).await?;
            data.activities = scan.records.into_iter().filter(|r| !r.deleted).map(|r| (r.id, activity_done(r.fields))).collect();
            let scan = store.all_as::<TaskFacts>(tasks::KIND).await?;
            data.tasks = scan.records.into_iter().filter(|r| !r.deleted).map(|r| (r.id, task_planned(r.fields))).collect();
            if attempt == TRIES || self.changes.get_untracked() == changes_before {
                self.reports.set(Some(data));
                break;
            }
        }
        span.end();
        Ok(())
    }
}
