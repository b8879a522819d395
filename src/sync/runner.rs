//! When sync runs, and what the user sees of it. A run starts when the app
//! opens, when the device comes online, when the page becomes visible again,
//! every minute while online, shortly after a local save, and on demand; a
//! Web Lock keeps it to one run at a time across tabs.

use super::config::SyncConfig;
use super::http::CouchServer;
use super::waiting;
use crate::browser_env::BrowserEnv;
use crate::state::AppState;
use daftar_core::store::{CacheStore, RecordStore};
use daftar_core::sync::engine::{Engine, Progress, Report};
use daftar_core::sync::review::ReviewList;
use daftar_core::sync::transport::SyncError;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/sync/lock.js")]
extern "C" {
    fn acquire(name: &str) -> js_sys::Promise;
}

const LOCK: &str = "daftar-sync";
const EVERY_MS: u32 = 60_000;
/// A save is pushed after this pause, so a burst of edits goes in one run.
const AFTER_SAVE_MS: u32 = 2_000;
const REVIEW_CACHE: &str = "sync:review";

#[derive(Clone, Debug, PartialEq)]
pub enum SyncStatus {
    /// No server set up: Daftar works on this device alone.
    Off,
    Offline,
    Syncing(Progress),
    UpToDate { at_ms: f64 },
    Failed(SyncError),
}

/// What the screens show of sync.
#[derive(Clone, Copy)]
pub struct SyncView {
    pub status: RwSignal<SyncStatus>,
    /// Records changed here and not yet on the server.
    pub waiting: RwSignal<usize>,
    pub review: RwSignal<ReviewList>,
    pub config: RwSignal<Option<SyncConfig>>,
    /// Why the survey inbox could not be read, if it could not.
    pub inbox_error: RwSignal<Option<SyncError>>,
    /// Runs finished since the page loaded (tests wait on it).
    pub runs: RwSignal<u64>,
    pub(super) waiting_keys: StoredValue<super::waiting::WaitingKeys>,
    running: StoredValue<bool>,
    again: StoredValue<bool>,
    /// When the last local save was made, while a run after saves is due.
    last_save: StoredValue<Option<f64>>,
}

impl SyncView {
    pub fn new() -> Self {
        let config = SyncConfig::load();
        Self {
            status: RwSignal::new(match (&config, crate::state::device::is_online()) {
                (None, _) => SyncStatus::Off,
                (Some(_), true) => SyncStatus::Syncing(Progress::default()),
                (Some(_), false) => SyncStatus::Offline,
            }),
            waiting: RwSignal::new(0),
            review: RwSignal::new(ReviewList::default()),
            inbox_error: RwSignal::new(None),
            config: RwSignal::new(config),
            runs: RwSignal::new(0),
            waiting_keys: StoredValue::new(Default::default()),
            running: StoredValue::new(false),
            again: StoredValue::new(false),
            last_save: StoredValue::new(None),
        }
    }
}

impl Default for SyncView {
    fn default() -> Self {
        Self::new()
    }
}

/// Called once the database is open: resumes the clock (every local write
/// is stamped by it), reads the review list (a stale form's edit adds to it
/// too), and sets the triggers. What waits is counted only when a server is
/// set up: with sync off nothing reads the outbox.
pub async fn start(state: AppState) {
    let Some(store) = state.store() else { return };
    if let Err(e) = super::clock::resume(&*store).await {
        leptos::logging::warn!("resuming the sync clock: {e}");
    }
    state.sync.review.set(read_review(&*store).await);
    leptos::task::spawn_local(waiting::count(state));
    let run = move || leptos::task::spawn_local(run(state));
    Effect::new(move |was: Option<bool>| {
        let online = state.online.get();
        if online && was != Some(true) {
            run();
        }
        online
    });
    let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            run();
        }
    });
    let _ = set_interval_with_handle(
        move || {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                run();
            }
        },
        std::time::Duration::from_millis(EVERY_MS.into()),
    );
}

/// After a local save of these records (`kind:id`): counts them as
/// waiting and pushes them soon.
pub fn saved(state: AppState, keys: impl IntoIterator<Item = String>) {
    if state.sync.config.with_untracked(Option::is_none) {
        return;
    }
    waiting::add(state.sync, keys);
    let due = state.sync.last_save.get_value().is_some();
    state.sync.last_save.set_value(Some(crate::browser_env::monotonic_ms()));
    if !due {
        run_after_saves(state, AFTER_SAVE_MS);
    }
}

/// Runs once no save has come for [`AFTER_SAVE_MS`]: one timer, moved on
/// while saves keep coming (an import tells sync of its records a slice at
/// a time), so a burst of edits goes in one run.
fn run_after_saves(state: AppState, ms: u32) {
    let later = Closure::once_into_js(move || {
        let since = crate::browser_env::monotonic_ms() - state.sync.last_save.get_value().unwrap_or_default();
        if since < f64::from(AFTER_SAVE_MS) {
            run_after_saves(state, AFTER_SAVE_MS - since.max(0.0) as u32);
            return;
        }
        state.sync.last_save.set_value(None);
        leptos::task::spawn_local(run(state));
    });
    let armed = web_sys::window().is_some_and(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), ms as i32).is_ok());
    // Not armed, the next save tries again.
    if !armed {
        state.sync.last_save.set_value(None);
    }
}

/// One run, unless sync is off or the device offline. A run asked for
/// while one is under way in this tab follows it; one under way in another
/// tab is waited for (the Web Lock), so every tab's status ends up true.
pub async fn run(state: AppState) {
    let view = state.sync;
    if view.config.with_untracked(Option::is_none) {
        return;
    }
    if !state.online.get_untracked() {
        view.status.set(SyncStatus::Offline);
        return;
    }
    if view.running.get_value() {
        view.again.set_value(true);
        return;
    }
    let Some(store) = state.store() else { return };
    view.running.set_value(true);
    let Ok(release) = JsFuture::from(acquire(LOCK)).await else {
        view.running.set_value(false);
        return;
    };
    loop {
        view.again.set_value(false);
        // Settings saved meanwhile apply from this pass on.
        let Some(config) = view.config.get_untracked() else { break };
        if !state.online.get_untracked() {
            view.status.set(SyncStatus::Offline);
            break;
        }
        view.status.set(SyncStatus::Syncing(Progress::default()));
        let before = store.last_seq().await.unwrap_or(0);
        let server = CouchServer::new(config.clone());
        let clock = super::clock::shared();
        let engine = Engine { store: &*store, server: &server, clock: &clock, env: &BrowserEnv };
        let mut report = Report::default();
        let span = crate::perf::start("daftar:sync");
        let result = engine.run(&mut report, &|p| view.status.set(SyncStatus::Syncing(p))).await;
        span.end();
        // A run that stored and pushed nothing (the server did not answer)
        // left what waits as it was.
        let recount = result.is_ok() || report != Report::default();
        if let Err(e) = super::clock::persist(&*store).await {
            leptos::logging::warn!("keeping the sync clock: {e}");
        }
        // What a failed run stored is kept too, clashes included.
        if !report.clashes.is_empty() {
            let found = std::mem::take(&mut report.clashes);
            update_review(state, move |list| list.add(found, js_sys::Date::now() as i64)).await;
        }
        if result.is_ok() {
            file_inbox(state, &config).await;
        }
        state.take_in_synced(before).await;
        view.status.set(match result {
            // A document the server refused stays waiting; the user is told why.
            Ok(()) => match report.refused.first() {
                Some((key, reason)) => SyncStatus::Failed(SyncError::Server(format!("{key}: {reason}"))),
                None => SyncStatus::UpToDate { at_ms: js_sys::Date::now() },
            },
            Err(_) if !state.online.get_untracked() => SyncStatus::Offline,
            Err(e) => SyncStatus::Failed(e),
        });
        // Counted beside the run, not under its lock: the count waits
        // while the user types, and the other tabs' runs would wait with it.
        if recount {
            leptos::task::spawn_local(waiting::count(state));
        }
        view.runs.update(|n| *n += 1);
        if !view.again.get_value() {
            break;
        }
    }
    view.running.set_value(false);
    if let Ok(release) = release.dyn_into::<js_sys::Function>() {
        let _ = release.call0(&JsValue::NULL);
    }
}

/// Files the survey inbox; its failures are its own (shown in the sync
/// settings), not the sync's.
async fn file_inbox(state: AppState, config: &SyncConfig) {
    match super::inbox::file_inbox(state, config).await {
        Ok(inbox) => {
            state.sync.inbox_error.set(None);
            if inbox.filed + inbox.refused > 0 {
                state.notify(state.t_untracked().sync.sync_inbox_filed(inbox.filed as i64, inbox.refused as i64), None);
            }
        }
        Err(e) => state.sync.inbox_error.set(Some(e)),
    }
}

/// Saves the settings and syncs. Another server or database than the last
/// one is told by its mark (see the engine): this device's records are then
/// all offered to it.
pub async fn connect(state: AppState, config: SyncConfig) {
    // A run under way would store the old server's answers after the new
    // one's: let it finish first.
    while state.sync.running.get_value() {
        crate::browser_env::sleep_ms(100).await;
    }
    config.save();
    state.sync.config.set(Some(config));
    leptos::task::spawn_local(waiting::count(state));
    run(state).await;
}

/// Stops syncing this device (its records stay) and ends the server session.
pub async fn disconnect(state: AppState) {
    if let Some(config) = state.sync.config.get_untracked() {
        CouchServer::new(config).sign_out().await;
    }
    SyncConfig::remove();
    state.sync.config.set(None);
    state.sync.status.set(SyncStatus::Off);
    waiting::forget(state.sync);
}

/// Changes the review list as stored (another tab may have changed it
/// since this one read it), then shows it.
pub async fn update_review(state: AppState, change: impl FnOnce(&mut ReviewList)) {
    let Some(store) = state.store() else { return };
    let mut list = read_review(&*store).await;
    change(&mut list);
    let text = serde_json::to_string(&list).unwrap_or_default();
    if let Err(e) = store.cache_put(REVIEW_CACHE, &text).await {
        leptos::logging::warn!("keeping the review list: {e}");
    }
    state.sync.review.set(list);
}

/// Re-reads what other tabs may have changed: the review list, the clock
/// they moved on, and (sync set up) what waits, which their saves add to
/// and their runs take from.
pub async fn catch_up(state: AppState) {
    let Some(store) = state.store() else { return };
    state.sync.review.set(read_review(&*store).await);
    if let Err(e) = super::clock::resume(&*store).await {
        leptos::logging::warn!("resuming the sync clock: {e}");
    }
    waiting::count(state).await;
}

async fn read_review(store: &impl CacheStore) -> ReviewList {
    store.cache_get(REVIEW_CACHE).await.ok().flatten().and_then(|text| serde_json::from_str(&text).ok()).unwrap_or_default()
}
