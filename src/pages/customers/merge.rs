//! Merging a duplicate into this customer: pick the other one (likely
//! duplicates first, or search), see what happens, confirm. Undo is offered
//! right after.

use crate::i18n::{labels, save_error_text};
use crate::state::{AppState, ToastAction};
use daftar_core::customers::{Customer, CustomerRow};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn CustomerMerge() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let query = RwSignal::new(String::new());
    let picked = RwSignal::new(None::<(String, String)>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let row_of = move |id: &str| state.customers.with(|ix| ix.row(id).cloned());
    let this = move || row_of(&id());
    // Likely duplicates of this customer, from its stored record.
    let suggestions = LocalResource::new(move || {
        let id = id();
        state.customers.track();
        async move {
            let record = state.customer(&id).await.ok().flatten()?;
            let customer: Customer = record.decode().ok()?;
            Some(state.customers.with_untracked(|ix| ix.likely_duplicates(&customer, Some(&id))))
        }
    });
    let found = move || -> Vec<CustomerRow> {
        let q = query.get();
        if q.trim().is_empty() {
            return Vec::new();
        }
        let me = id();
        state.customers.with(|ix| ix.search(&q).into_iter().map(|i| ix.rows()[i as usize].clone()).filter(|r| r.id != me).take(8).collect())
    };
    let confirm = move |_| {
        let Some((other, _)) = picked.get_untracked() else { return };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let keep = id();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match state.merge_customers(&keep, &other).await {
                Ok(before) => {
                    state.notify(state.t_untracked().customers.merged.to_string(), Some(ToastAction::UndoChanges(before)));
                    navigate(&format!("/customers/{keep}"), Default::default());
                }
                Err(e) => state.notify(save_error_text(&e, state.lang.get_untracked()), None),
            }
            busy.set(false);
        });
    };
    let pick_button = move |id: String, name: String, detail: String| {
        let chosen = (id.clone(), name.clone());
        view! {
            <li>
                <button class="btn pick" class:primary=move || picked.get().is_some_and(|p| p.0 == id) on:click=move |_| picked.set(Some(chosen.clone()))
                    data-testid="merge-candidate">
                    <bdi>{name}</bdi><span class="muted">{detail}</span>
                </button>
            </li>
        }
    };
    view! {
        <section class="page form-page">
            <h1>{move || t().customers.merge_title}</h1>
            <p><strong><bdi>{move || this().map(|r| r.name).unwrap_or_default()}</bdi></strong></p>
            <p>{move || t().customers.merge_pick}</p>
            <ul class="plain-list" data-testid="merge-suggestions">
                {move || suggestions.get().flatten().unwrap_or_default().into_iter().map(|d| {
                    let reasons = d.reasons.iter().map(|r| labels::duplicate_reason(*r, state.t())).collect::<Vec<_>>().join(state.t().list_separator);
                    pick_button(d.id, d.name, format!("{}{reasons}", t().part_separator))
                }).collect_view()}
            </ul>
            <Show when=move || suggestions.get().flatten().is_some_and(|s| s.is_empty())>
                <p class="muted">{move || t().customers.merge_none}</p>
            </Show>
            <input type="search" class="search" placeholder=move || t().customers.search_customers bind:value=query data-testid="merge-search"/>
            <ul class="plain-list">
                {move || found().into_iter().map(|r| pick_button(r.id, r.name, format!("{}{}", t().part_separator, r.city))).collect_view()}
            </ul>
            <Show when=move || picked.get().is_some()>
                <div class="warning" role="alert">
                    <p>{move || t().customers.merge_explain}</p>
                    <button class="btn primary" on:click=confirm.clone() disabled=move || busy.get() data-testid="merge-confirm">{move || t().customers.merge_confirm}</button>
                </div>
            </Show>
            <a class="btn ghost" href=move || format!("/customers/{}", id())>{move || t().cancel}</a>
        </section>
    }
}
