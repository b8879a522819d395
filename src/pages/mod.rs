//! Pages, one folder per business area.

pub mod activities;
pub mod catalog;
pub mod complaints;
pub mod contacts;
pub mod customers;
pub mod pipeline;
mod placeholder;
mod settings;
pub mod surveys;
pub mod sync;
pub mod tasks;
pub mod warranty;

pub use placeholder::{NotFound, Placeholder};
pub use settings::SettingsPage;

use crate::state::{AppState, StoreStatus};
use daftar_core::store::Record;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The record of `kind` a form route names (`/contacts/ID`), read once the
/// database is open: `Some(None)` on a "new" route without an id, `None`
/// while waiting.
pub fn record_of_route(kind: &'static str) -> LocalResource<Option<Option<Record>>> {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    LocalResource::new(move || {
        let id = params.with(|p| p.get("id"));
        let ready = state.store_status.get() == StoreStatus::Ready;
        async move {
            match id {
                Some(id) if ready => Some(state.record(kind, &id).await.ok().flatten()),
                Some(_) => None,
                None => Some(None),
            }
        }
    })
}
