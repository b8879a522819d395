//! App state shared by every page: preferences, connectivity, the open store,
//! toasts, change notifications and the in-memory customer list; each area's
//! own records in memory are its module's, held by type (`cache`). Pages read
//! signals from here and call its actions; they never touch IndexedDB
//! themselves.

mod catalog;
mod complaints;
mod customers;
mod deals;
mod records;
mod paged;
mod reports;
mod search;
mod surveys;
pub mod reminders;
pub mod device;
pub mod export;
mod tabs;
mod warranty;
mod writes;

pub use daftar_core::save::SaveError;
pub use customers::unavailable;
pub use surveys::{Filed, ImportError, LinkIssueError, SurveySaveError};
pub use warranty::{coverage_today, use_installed};

use crate::i18n::{texts, Lang, Texts};
use crate::storage::IdbStore;
use daftar_core::customers::CustomerIndex;
use daftar_core::locale::Currency;
use leptos::prelude::*;
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq)]
pub enum StoreStatus {
    Opening,
    Ready,
    Failed(String),
    /// Another tab upgraded the database; this one must reload to use it.
    Outdated,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub text: String,
    pub action: Option<ToastAction>,
    pub id: u64,
}

/// What a toast's button does.
#[derive(Clone, Debug, PartialEq)]
pub enum ToastAction {
    /// Undo the delete of this record (kind, id).
    UndoDelete(String, String),
    /// Undo a change of many records (a merge, value classes written):
    /// every record it touched, as it was before.
    UndoChanges(Vec<daftar_core::store::Record>),
    /// A task about this customer is done: log what happened, plan what next.
    LogAfterTask(String),
}

/// What a write means to an area's in-memory records.
pub(super) enum Written<'a> {
    /// These records' new states: a save, another tab's, a sync step.
    Records(&'a [daftar_core::store::Record]),
    /// Thousands at once (an import, demo data): reading the kind again when
    /// next needed is often quicker than taking each in.
    Bulk(&'a [daftar_core::store::Record]),
    /// Another tab wrote too much to name: start again from the store.
    Reset,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub currency: RwSignal<Currency>,
    pub online: RwSignal<bool>,
    pub store_status: RwSignal<StoreStatus>,
    pub customers: RwSignal<CustomerIndex>,
    pub customers_loaded: RwSignal<bool>,
    pub toast: RwSignal<Option<Toast>>,
    pub update_ready: RwSignal<bool>,
    /// Bumped after every write here or in another tab: pages showing
    /// records beyond the customer list re-read when it moves.
    pub changes: RwSignal<u64>,
    /// The device user's name: the owner of new tasks and activities, and
    /// whose tasks the inbox shows.
    pub me: RwSignal<String>,
    pub sync: crate::sync::SyncView,
    store: StoredValue<Option<Rc<IdbStore>>, LocalStorage>,
    /// The areas' records in memory, one signal per area keyed by what it
    /// keeps (see [`Self::cache`]).
    caches: StoredValue<HashMap<TypeId, Box<dyn Any>>, LocalStorage>,
    /// Where the caches' signals are made: the app's, so that none goes
    /// with the page that first needed it.
    root: StoredValue<WeakOwner, LocalStorage>,
    /// The areas keeping records in memory, by name: each registers when it
    /// first loads and is then told of every write (see `writes.rs`).
    listeners: StoredValue<Vec<(&'static str, Listener)>>,
}

/// How an area hears of a write: it takes in what concerns its cache.
type Listener = fn(&AppState, &Written);

impl AppState {
    pub fn new() -> Self {
        let state = Self {
            lang: RwSignal::new(crate::settings::load_lang()),
            currency: RwSignal::new(crate::settings::load_currency()),
            online: RwSignal::new(device::is_online()),
            store_status: RwSignal::new(StoreStatus::Opening),
            customers: RwSignal::new(CustomerIndex::default()),
            customers_loaded: RwSignal::new(false),
            toast: RwSignal::new(None),
            update_ready: RwSignal::new(false),
            changes: RwSignal::new(0),
            me: RwSignal::new(crate::settings::load_me()),
            sync: crate::sync::SyncView::new(),
            store: StoredValue::new_local(None),
            caches: StoredValue::new_local(HashMap::new()),
            root: StoredValue::new_local(Owner::current().unwrap_or_else(Owner::new).downgrade()),
            listeners: StoredValue::new(Vec::new()),
        };
        Effect::new(move || device::set_document_language(state.lang.get()));
        // Saved when changed, not on the first run: a start that found a
        // preference missing must not save the default over the one kept
        // durably (see `settings::restore`).
        Effect::watch(move || state.lang.get(), |lang, _, _| crate::settings::save_lang(*lang), false);
        Effect::watch(move || state.currency.get(), |currency, _, _| crate::settings::save_currency(*currency), false);
        Effect::watch(move || state.me.get(), |me, _, _| crate::settings::save_me(me), false);
        device::watch_online(state.online);
        // For the life of the page (the handle is not needed to keep it).
        let _ = window_event_listener_untyped(crate::storage::CLOSED_EVENT, move |_| {
            state.store_status.set(StoreStatus::Outdated);
            state.update_ready.set(true);
        });
        tabs::listen(state);
        reminders::start(state);
        state
    }

    pub fn t(&self) -> &'static Texts {
        texts(self.lang.get())
    }

    /// The user's name as task owners are stored (spacing cleaned), so a
    /// stray space typed in Settings never hides their own tasks.
    pub fn my_name(&self) -> String {
        daftar_core::check::clean(&self.me.get())
    }

    pub fn my_name_untracked(&self) -> String {
        daftar_core::check::clean(&self.me.get_untracked())
    }

    pub fn t_untracked(&self) -> &'static Texts {
        texts(self.lang.get_untracked())
    }

    /// Opens the database, then loads the customer list. Asks the browser to
    /// keep our data (persistent storage) once, quietly.
    pub fn boot(self) {
        leptos::task::spawn_local(async move {
            let span = crate::perf::start("daftar:open-db");
            let opened = IdbStore::open(crate::storage::DB_NAME).await;
            span.end();
            crate::browser_env::dispatch(crate::storage::OPENED_EVENT);
            match opened {
                Ok(store) => {
                    let store = Rc::new(store);
                    self.store.set_value(Some(store.clone()));
                    self.store_status.set(StoreStatus::Ready);
                    // Beside the start, not before it: it must not hold up the first screen.
                    leptos::task::spawn_local(async move {
                        if crate::settings::restore(store).await {
                            // Preferences a crash took from localStorage are back: start again with them.
                            let _ = web_sys::window().map(|w| w.location().reload());
                        }
                    });
                    self.reload_customers().await;
                    self.preload_sales();
                    crate::sync::start(self).await;
                }
                Err(e) => {
                    leptos::logging::error!("opening IndexedDB failed: {e}");
                    self.store_status.set(StoreStatus::Failed(e.to_string()));
                    self.customers_loaded.set(true);
                }
            }
            device::request_persistence().await;
        });
    }

    /// Makes the calling effect or resource re-run after every write and
    /// once the database opens (a page opened by URL reads before it is open).
    pub fn track_records(&self) {
        self.changes.track();
        self.store_status.track();
    }

    pub(crate) fn store(&self) -> Option<Rc<IdbStore>> {
        self.store.get_value()
    }

    /// An area's records in memory, `T` being what it keeps: None until the
    /// area first loads them. The area's own state module owns `T`, loads
    /// it and keeps it in step with writes (see [`Self::listen`]); this
    /// module names no area.
    pub fn cache<T: Send + Sync + 'static>(&self) -> RwSignal<Option<T>> {
        let kept = self.caches.with_value(|caches| caches.get(&TypeId::of::<T>()).and_then(|c| c.downcast_ref::<RwSignal<Option<T>>>().copied()));
        kept.unwrap_or_else(|| {
            let made = match self.root.with_value(WeakOwner::upgrade) {
                Some(root) => root.with(|| RwSignal::new(None)),
                None => RwSignal::new(None),
            };
            self.caches.update_value(|caches| {
                caches.insert(TypeId::of::<T>(), Box::new(made));
            });
            made
        })
    }

    pub fn notify(&self, text: String, action: Option<ToastAction>) {
        let id = js_sys::Date::now() as u64;
        self.toast.set(Some(Toast { text, action, id }));
        let toast = self.toast;
        leptos::task::spawn_local(async move {
            crate::browser_env::sleep_ms(6000).await;
            toast.update(|t| {
                if t.as_ref().is_some_and(|t| t.id == id) {
                    *t = None;
                }
            });
        });
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}
