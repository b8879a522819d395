//! What the reports read beyond the deals (which the sales screens keep in
//! memory): each customer's start, owner, tags and segment; each activity's
//! day, type, owner and customer; each task's due and done days; each
//! complaint's open spans; each survey response's scale answers, and which
//! survey questions ask for a recommendation. Only those fields are
//! decoded, so 200,000 activities cost a few MB. Read the first time
//! Reports opens, then kept in step with every write.

use super::customers::unavailable;
use super::{AppState, Written};
use crate::browser_env::ms_to_local;
use crate::storage::IdbStore;
use daftar_core::activities::ActivityType;
use daftar_core::complaints;
use daftar_core::customers::ValueSegment;
use daftar_core::reports::{Activities, ActivityDone, Answered, ComplaintFacts, CustomerFacts, TaskPlanned};
use daftar_core::store::{Record, RecordStore, StoreError};
use daftar_core::surveys::{self, Answer, Kind};
use daftar_core::{activities, customers, tasks};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashMap};

thread_local! {
    static LOADING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The records behind the reports, by id.
#[derive(Clone, Debug, Default)]
pub struct ReportData {
    pub customers: HashMap<String, CustomerFacts>,
    pub activities: Activities,
    pub tasks: HashMap<String, TaskPlanned>,
    pub complaints: HashMap<String, ComplaintFacts>,
    pub answered: HashMap<String, Answered>,
    /// Each survey's recommendation (0–10) questions.
    pub nps_questions: HashMap<String, Vec<String>>,
}

impl ReportData {
    pub fn is_nps(&self, survey_id: &str, question_id: &str) -> bool {
        self.nps_questions.get(survey_id).is_some_and(|ids| ids.iter().any(|id| id == question_id))
    }
}

// Every choice among a fixed set (a segment, a type, a status) is read
// loosely: a record a newer version wrote with a value this one does not
// know still counts, only without that value.

/// A customer's fields the reports read.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct CustomerFields {
    since: Option<chrono::NaiveDate>,
    owner: String,
    tags: Vec<String>,
    value_segment: serde_json::Value,
}

fn customer_facts(f: CustomerFields, created_at: i64) -> CustomerFacts {
    let value_segment = serde_json::from_value::<Option<ValueSegment>>(f.value_segment).ok().flatten();
    CustomerFacts { since: f.since.unwrap_or_else(|| ms_to_local(created_at).date()), owner: f.owner, tags: f.tags, value_segment }
}

/// An activity's fields the reports read.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct ActivityFields {
    at: i64,
    owner: String,
    customer_id: String,
    #[serde(rename = "type")]
    kind: serde_json::Value,
}

fn activity_done(f: ActivityFields, _: i64) -> ActivityDone {
    ActivityDone { day: ms_to_local(f.at).date(), owner: f.owner, customer_id: f.customer_id, kind: serde_json::from_value::<ActivityType>(f.kind).ok() }
}

/// A task's fields the reports read.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct TaskFields {
    owner: String,
    customer_id: String,
    due: Option<chrono::NaiveDateTime>,
    done_at: Option<i64>,
}

fn task_planned(f: TaskFields, _: i64) -> TaskPlanned {
    TaskPlanned { owner: f.owner, customer_id: f.customer_id, due: f.due.map(|d| d.date()), done_on: f.done_at.map(|ms| ms_to_local(ms).date()) }
}

/// A complaint's fields the reports read.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct ComplaintFields {
    owner: String,
    customer_id: String,
    steps: Vec<StatusStep>,
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct StatusStep {
    at: i64,
    status: serde_json::Value,
}

/// A status this version does not know counts as not waiting.
fn complaint_facts(f: ComplaintFields, _: i64) -> ComplaintFacts {
    let open = |status: serde_json::Value| serde_json::from_value::<complaints::Status>(status).is_ok_and(|s| s.is_open());
    let steps = f.steps.into_iter().map(|s| (ms_to_local(s.at).date(), open(s.status))).collect();
    ComplaintFacts { owner: f.owner, customer_id: f.customer_id, steps }
}

/// A survey response's fields the reports read; a kind of answer a newer
/// version added is no score.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct ResponseFields {
    survey_id: String,
    customer_id: String,
    answered_ms: i64,
    answers: BTreeMap<String, serde_json::Value>,
}

fn answered(f: ResponseFields, _: i64) -> Answered {
    let numbers = f.answers.into_iter().filter_map(|(q, a)| match serde_json::from_value(a) {
        Ok(Answer::Number(n)) => Some((q, n)),
        _ => None,
    });
    Answered { survey_id: f.survey_id, day: ms_to_local(f.answered_ms).date(), customer_id: f.customer_id, numbers: numbers.collect() }
}

/// A survey's questions as the reports read them.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct SurveyFields {
    questions: Vec<QuestionFields>,
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct QuestionFields {
    id: String,
    kind: serde_json::Value,
}

fn nps_questions(s: SurveyFields, _: i64) -> Vec<String> {
    s.questions.into_iter().filter(|q| serde_json::from_value::<Kind>(q.kind.clone()).is_ok_and(|k| k == Kind::Nps)).map(|q| q.id).collect()
}

/// Facts by record id: a plain map, or activities with each customer's latest.
trait Facts<F>: FromIterator<(String, F)> {
    fn put(&mut self, id: String, fact: F);
    fn forget(&mut self, id: &str);
}

impl<F> Facts<F> for HashMap<String, F> {
    fn put(&mut self, id: String, fact: F) {
        self.insert(id, fact);
    }

    fn forget(&mut self, id: &str) {
        self.remove(id);
    }
}

impl Facts<ActivityDone> for Activities {
    fn put(&mut self, id: String, fact: ActivityDone) {
        self.insert(id, fact);
    }

    fn forget(&mut self, id: &str) {
        self.remove(id);
    }
}

/// Keeps a written record's facts, or forgets them once it is deleted or
/// unreadable.
fn keep<T: DeserializeOwned, F>(facts: &mut impl Facts<F>, record: &Record, fact: fn(T, i64) -> F) {
    match record.decode::<T>() {
        Ok(fields) if !record.deleted => facts.put(record.id.clone(), fact(fields, record.created_at)),
        _ => facts.forget(&record.id),
    }
}

/// Every live record of `kind` as its facts.
async fn scan<T: DeserializeOwned, F, M: Facts<F>>(store: &IdbStore, kind: &str, fact: fn(T, i64) -> F) -> Result<M, StoreError> {
    let scan = store.all_as::<T>(kind).await?;
    Ok(scan.records.into_iter().filter(|r| !r.deleted).map(|r| (r.id, fact(r.fields, r.created_at))).collect())
}

impl ReportData {
    fn take_in(&mut self, record: &Record) {
        match record.kind.as_str() {
            customers::KIND => keep(&mut self.customers, record, customer_facts),
            activities::KIND => keep(&mut self.activities, record, activity_done),
            tasks::KIND => keep(&mut self.tasks, record, task_planned),
            complaints::COMPLAINT => keep(&mut self.complaints, record, complaint_facts),
            surveys::RESPONSE => keep(&mut self.answered, record, answered),
            surveys::SURVEY => keep(&mut self.nps_questions, record, nps_questions),
            _ => {}
        }
    }

    async fn read(store: &IdbStore) -> Result<ReportData, StoreError> {
        Ok(ReportData {
            customers: scan(store, customers::KIND, customer_facts).await?,
            activities: scan(store, activities::KIND, activity_done).await?,
            tasks: scan(store, tasks::KIND, task_planned).await?,
            complaints: scan(store, complaints::COMPLAINT, complaint_facts).await?,
            answered: scan(store, surveys::RESPONSE, answered).await?,
            nps_questions: scan(store, surveys::SURVEY, nps_questions).await?,
        })
    }
}

fn concerns_reports(r: &Record) -> bool {
    [customers::KIND, activities::KIND, tasks::KIND, complaints::COMPLAINT, surveys::RESPONSE, surveys::SURVEY].contains(&r.kind.as_str())
}

/// Takes in what is written once loaded. After a write of thousands (an
/// import, a big merge) everything is read again when Reports next needs
/// it: such a batch's customers go straight to the list, not through here.
fn on_written(state: &AppState, written: &Written) {
    match written {
        Written::Reset | Written::Bulk(_) => state.reports().set(None),
        Written::Records(records) => {
            if state.reports().with_untracked(Option::is_some) && records.iter().any(concerns_reports) {
                state.reports().update(|data| {
                    if let Some(data) = data {
                        records.iter().for_each(|r| data.take_in(r));
                    }
                });
            }
        }
    }
}

impl AppState {
    /// What the reports read beyond the deals (customers', activities' and
    /// tasks' dates, types and owners); loaded when Reports first opens,
    /// then kept in step with every write.
    pub fn reports(&self) -> RwSignal<Option<ReportData>> {
        self.cache()
    }

    /// Reads what the reports need the first time they open; a second
    /// caller while it reads leaves it to finish.
    pub async fn load_reports(&self) -> Result<(), StoreError> {
        self.listen("reports", on_written);
        if self.reports().with_untracked(Option::is_some) || LOADING.with(|l| l.replace(true)) {
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
            let data = ReportData::read(&store).await?;
            if attempt == TRIES || self.changes.get_untracked() == changes_before {
                self.reports().set(Some(data));
                break;
            }
        }
        span.end();
        Ok(())
    }
}
