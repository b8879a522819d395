//! Tasks: what a salesperson must do and by when, optionally about a
//! customer or contact, and the inbox (کارتابل) that plans the day.

mod agenda;
mod inbox;

pub use agenda::Agenda;
pub use inbox::{arrange, Bucket, InboxSort, Section};

use crate::check::{self, Field, FieldError};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use crate::global_search::{Entry, Order, Searchable};
use crate::env::Env;
use crate::save::{self, SaveError, Saved};
use crate::store::{Batch, Envelope, Record, RecordKind, StoreError};

pub const KIND: &str = "task";

const MAX_SHORT: usize = 200;
const MAX_NOTES: usize = 10_000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Low,
    #[default]
    Normal,
    High,
    Urgent,
}

impl Priority {
    pub const ALL: [Priority; 4] = [Priority::Low, Priority::Normal, Priority::High, Priority::Urgent];

    /// High or urgent: the inbox marks these out.
    pub fn is_pressing(self) -> bool {
        self >= Priority::High
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Task {
    pub title: String,
    pub notes: String,
    /// Local wall-clock time the task is due (the user's own time zone):
    /// "Tuesday 10:00" stays 10:00 wherever the tablet travels.
    pub due: Option<NaiveDateTime>,
    pub priority: Priority,
    pub owner: String,
    pub customer_id: String,
    pub contact_id: String,
    /// When it was completed (ms since the epoch); None while open.
    pub done_at: Option<i64>,
}

/// What the task form sends.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TaskInput {
    pub title: String,
    pub notes: String,
    pub due: Option<NaiveDateTime>,
    pub priority: Priority,
    pub owner: String,
    pub customer_id: String,
    pub contact_id: String,
}

/// Creates a task or saves its form over `existing` (see [`Task::edited`]).
pub fn save(existing: Option<&Record>, input: &TaskInput, env: &dyn Env) -> Result<Saved, SaveError> {
    let task = match save::current::<Task>(existing)? {
        Some(old) => old.edited(input)?,
        None => validate(input)?,
    };
    Ok(save::save(existing, &task, env)?)
}

/// New tasks, all written in one batch (win-back tasks for the customers a
/// manager picked): none is written unless every one is valid.
pub fn create_all(inputs: &[TaskInput], env: &dyn Env) -> Result<Batch, SaveError> {
    let mut writes = Vec::with_capacity(inputs.len());
    for input in inputs {
        writes.extend(save(None, input, env)?.batch.map(|b| b.writes).unwrap_or_default());
    }
    Ok(Batch { writes })
}

/// Completes the task now, or reopens it.
pub fn set_done(record: &Record, done: bool, env: &dyn Env) -> Result<Saved, StoreError> {
    let task = record.read::<Task>()?;
    save::save(Some(record), &task.with_done(done.then(|| env.now_ms())), env)
}

pub fn validate(input: &TaskInput) -> Result<Task, Vec<FieldError>> {
    let mut errors = Vec::new();
    let title = check::required(&input.title, Field::Subject, MAX_SHORT, &mut errors);
    let notes = check::long_text(&input.notes, Field::Notes, MAX_NOTES, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Task {
        title,
        notes,
        due: input.due,
        priority: input.priority,
        owner: check::clean(&input.owner),
        customer_id: input.customer_id.clone(),
        contact_id: input.contact_id.clone(),
        done_at: None,
    })
}

impl TaskInput {
    pub fn from_task(t: &Task) -> Self {
        Self {
            title: t.title.clone(),
            notes: t.notes.clone(),
            due: t.due,
            priority: t.priority,
            owner: t.owner.clone(),
            customer_id: t.customer_id.clone(),
            contact_id: t.contact_id.clone(),
        }
    }
}

impl Task {
    pub fn is_done(&self) -> bool {
        self.done_at.is_some()
    }

    /// The task as edited: the edit never reopens or closes it.
    pub fn edited(&self, input: &TaskInput) -> Result<Task, Vec<FieldError>> {
        Ok(Task { done_at: self.done_at, ..validate(input)? })
    }

    /// Completed now, or reopened.
    pub fn with_done(&self, done_at: Option<i64>) -> Task {
        Task { done_at, ..self.clone() }
    }
}

impl RecordKind for Task {
    const KIND: &'static str = KIND;
}

impl Searchable for Task {
    fn search_entry(r: &Envelope<Self>) -> Entry {
        let t = &r.fields;
        Entry { title: t.title.clone(), text: format!("{} {}", t.title, t.notes), customer_id: t.customer_id.clone(), within: String::new(), order: Order::Soonest(t.due) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_required_edit_keeps_completion() {
        assert!(validate(&TaskInput::default()).is_err());
        let t = validate(&TaskInput { title: " پیگیری  پیش‌فاکتور ".into(), ..Default::default() }).unwrap();
        assert_eq!(t.title, "پیگیری پیش‌فاکتور");
        let done = t.with_done(Some(5));
        let edited = done.edited(&TaskInput { title: "x".into(), ..TaskInput::from_task(&done) }).unwrap();
        assert_eq!((edited.title.as_str(), edited.done_at), ("x", Some(5)));
        assert!(edited.is_done() && !edited.with_done(None).is_done());
    }

    #[test]
    fn many_tasks_in_one_batch_or_none() {
        let env = crate::env::SeededEnv::new(1, 0);
        let task = |title: &str, owner: &str| TaskInput { title: title.into(), owner: owner.into(), ..Default::default() };
        let batch = create_all(&[task("Call A", "sara"), task("Call B", "reza")], &env).unwrap();
        let owners: Vec<String> = batch.writes.iter().map(|w| w.record.decode::<Task>().unwrap().owner).collect();
        assert_eq!(owners, ["sara", "reza"]);
        assert_ne!(batch.writes[0].record.id, batch.writes[1].record.id);
        assert!(matches!(create_all(&[task("Call A", "sara"), task(" ", "reza")], &env), Err(SaveError::Invalid(_))));
    }
}
