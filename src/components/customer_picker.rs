//! Choosing one customer by typing part of a name, phone or email.

use super::form_fields::FieldErrors;
use crate::state::AppState;
use daftar_core::check::{Field, FieldError};
use leptos::prelude::*;

#[component]
pub fn CustomerPicker(
    id: &'static str,
    chosen: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    /// No customer is a valid choice (an anonymous survey, an open link).
    #[prop(optional)]
    optional: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let query = RwSignal::new(String::new());
    let name = move || {
        let c = chosen.get();
        (!c.is_empty()).then(|| state.customers.with(|ix| ix.row(&c).map(|r| r.name.clone())).unwrap_or_default())
    };
    let matches = move || {
        let q = query.get();
        if q.trim().is_empty() {
            return Vec::new();
        }
        state.customers.with(|ix| ix.search(&q).into_iter().take(6).map(|i| &ix.rows()[i as usize]).map(|r| (r.id.clone(), r.name.clone())).collect::<Vec<_>>())
    };
    view! {
        <div class="field" class:invalid=move || errors.with(|e| e.iter().any(|e| e.field == Field::Customer))>
            <label for=id>{move || t().pipeline.field_customer}{(!optional).then_some(" *")}</label>
            {move || match name() {
                Some(name) => view! {
                    <div class="company-chip">
                        <bdi data-testid=format!("{id}-chosen")>{name}</bdi>
                        <button type="button" class="btn ghost" on:click=move |_| chosen.set(String::new())>{move || t().change}</button>
                    </div>
                }.into_any(),
                None => view! {
                    <input id=id type="search" autocomplete="off" placeholder=move || t().customers.search_customers bind:value=query/>
                    <ul class="plain-list">
                        {move || matches().into_iter().map(|(cid, cname)| view! {
                            <li><button type="button" class="btn ghost pick" on:click=move |_| { chosen.set(cid.clone()); query.set(String::new()); }>
                                <bdi>{cname}</bdi>
                            </button></li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <FieldErrors errors=errors field=Field::Customer id=id/>
        </div>
    }
}
