//! Reminders while the app is open: once a minute, tasks whose due time has
//! just come are announced — as a system notification when the user allowed
//! them, otherwise as an in-app message.

use super::AppState;
use crate::browser_env::{now_local, sleep_ms};
use daftar_core::tasks::{self, due_for_reminder, Task};

const CHECK_EVERY_MS: i32 = 30_000;

pub fn start(state: AppState) {
    leptos::task::spawn_local(async move {
        // Tasks already overdue when the app opens are in the inbox; only
        // those whose time comes while it is open ring.
        let mut since = now_local();
        loop {
            sleep_ms(CHECK_EVERY_MS).await;
            let now = now_local();
            let Ok(records) = state.all_live(tasks::KIND).await else { continue };
            let me = state.my_name_untracked();
            for task in records.iter().filter_map(|r| r.decode::<Task>().ok()) {
                if due_for_reminder(&task, since, now) && (task.owner.is_empty() || task.owner == me) {
                    announce(state, &task.title);
                }
            }
            since = now;
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
