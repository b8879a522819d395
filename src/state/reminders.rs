//! Reminders while the app is open: twice a minute, tasks whose due time has
//! just come are announced — as a system notification when the user allowed
//! them, otherwise as an in-app message. The first check reads the tasks a
//! page at a time into an agenda of those still ahead, and writes keep it in
//! step, so later checks read nothing (each check used to read and decode
//! every task ever written).

use super::{AppState, Written};
use crate::browser_env::{now_local, sleep_ms};
use chrono::NaiveDateTime;
use daftar_core::store::Envelope;
use daftar_core::tasks::{self, Agenda, Task};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};

const CHECK_EVERY_MS: i32 = 30_000;

thread_local! {
    /// The open tasks still ahead; None until the first check reads them,
    /// and again after a write too big to take in. Not in `AppState`: no
    /// screen shows it.
    static AGENDA: RefCell<Option<Agenda>> = const { RefCell::new(None) };
    /// The last check: a task due by then has rung, or was overdue when the
    /// app opened (the inbox shows it).
    static SINCE: Cell<NaiveDateTime> = const { Cell::new(NaiveDateTime::MIN) };
}

pub fn start(state: AppState) {
    SINCE.set(now_local());
    state.listen("reminders", on_written);
    leptos::task::spawn_local(async move {
        loop {
            sleep_ms(CHECK_EVERY_MS).await;
            if AGENDA.with_borrow(Option::is_none) {
                let Some(agenda) = read(state).await else { continue };
                AGENDA.set(Some(agenda));
            }
            let now = now_local();
            let me = state.my_name_untracked();
            let due = AGENDA.with_borrow_mut(|agenda| agenda.as_mut().map(|a| a.ring(now, &me)));
            SINCE.set(now);
            for title in due.unwrap_or_default() {
                announce(state, &title);
            }
        }
    });
}

/// Every task still ahead, or None when the store is not open or could
/// not be read (the next check tries again).
async fn read(state: AppState) -> Option<Agenda> {
    let store = state.store()?;
    let since = SINCE.get();
    // A write during the read would be missing: read again (writes are rare).
    for _ in 0..3 {
        let changes_before = state.changes.get_untracked();
        let mut agenda = Agenda::default();
        super::paged::each_page(&store, tasks::KIND, |text| {
            for task in text.lines().filter_map(|line| serde_json::from_str::<Envelope<Task>>(line).ok()) {
                agenda.take_in(&task.id, (!task.deleted).then_some(&task.fields), since);
            }
        })
        .await
        .ok()?;
        if state.changes.get_untracked() == changes_before {
            return Some(agenda);
        }
    }
    None
}

fn on_written(_: &AppState, written: &Written) {
    let records = match written {
        Written::Records(records) => records,
        Written::Bulk(records) if !records.iter().any(|r| r.kind == tasks::KIND) => return,
        // Thousands of tasks at once, or too much to name: read again at the next check.
        Written::Bulk(_) | Written::Reset => return AGENDA.set(None),
    };
    AGENDA.with_borrow_mut(|agenda| {
        let Some(agenda) = agenda else { return };
        for record in records.iter().filter(|r| r.kind == tasks::KIND) {
            let task = record.decode::<Task>().ok().filter(|_| !record.deleted);
            agenda.take_in(&record.id, task.as_ref(), SINCE.get());
        }
    });
}

fn announce(state: AppState, title: &str) {
    let heading = state.t_untracked().tasks.reminder;
    if notifications_allowed() {
        let options = web_sys::NotificationOptions::new();
        options.set_body(title);
        if web_sys::Notification::new_with_options(heading, &options).is_ok() {
            return;
        }
    }
    state.notify(format!("{heading}: {title}"), None);
}

pub fn notifications_allowed() -> bool {
    js_sys::Reflect::has(&js_sys::global(), &"Notification".into()).unwrap_or(false)
        && web_sys::Notification::permission() == web_sys::NotificationPermission::Granted
}

/// Asks for permission (from a tap, as browsers require).
pub fn ask_permission() {
    if js_sys::Reflect::has(&js_sys::global(), &"Notification".into()).unwrap_or(false) {
        let _ = web_sys::Notification::request_permission();
    }
}
