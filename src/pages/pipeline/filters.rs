//! What the board shows: owner, customer, customer tag, expected close
//! range and "rotting only". Folded away until asked for, so a tablet
//! keeps its height for cards.

use crate::components::DateField;
use crate::state::AppState;
use daftar_core::locale::parse_date;
use daftar_core::pipeline::Filter;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn FilterBar(filter: RwSignal<Filter>, pipeline_id: Memo<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let open = RwSignal::new(false);
    let query = use_query_map();
    // A customer page links here with ?customer=ID.
    Effect::new(move || {
        let customer = query.with(|q| q.get("customer")).unwrap_or_default();
        filter.update(|f| f.customer_id = customer);
    });
    let owners = move || {
        let id = pipeline_id.get();
        let mut owners: Vec<String> = state.sales().with(|s| s.as_ref().map(|s| s.deals.iter().filter(|e| e.fields.pipeline_id == id).map(|e| e.fields.owner.clone()).filter(|o| !o.is_empty()).collect()).unwrap_or_default());
        owners.sort();
        owners.dedup();
        owners
    };
    let customer_name = move || {
        let id = filter.with(|f| f.customer_id.clone());
        (!id.is_empty()).then(|| state.customers.with(|ix| ix.row(&id).map(|r| r.name.clone())).unwrap_or_default())
    };
    let date_filter = |set: fn(&mut Filter, Option<chrono::NaiveDate>)| {
        let text = RwSignal::new(String::new());
        let invalid = RwSignal::new(false);
        Effect::new(move || {
            let raw = text.get();
            let parsed = parse_date(&raw, state.lang.get()).ok();
            invalid.set(parsed.is_none() && !raw.trim().is_empty());
            filter.update(|f| set(f, parsed));
        });
        (text, invalid)
    };
    let (from, from_bad) = date_filter(|f, d| f.close_from = d);
    let (to, to_bad) = date_filter(|f, d| f.close_to = d);
    let active = move || filter.with(|f| !f.is_empty());
    view! {
        <div class="filter-bar">
            <button type="button" class="btn" class:primary=active aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o) data-testid="filters-toggle">
                {move || t().pipeline.filters}
            </button>
            {move || customer_name().map(|name| view! {
                <span class="company-chip badge"><bdi>{name}</bdi>
                    <button type="button" class="btn ghost" on:click=move |_| filter.update(|f| f.customer_id.clear())>{move || t().remove}</button>
                </span>
            })}
            <label class="check">
                <input type="checkbox" prop:checked=move || filter.with(|f| f.rotting_only) on:change=move |ev| filter.update(|f| f.rotting_only = event_target_checked(&ev)) data-testid="filter-rotting"/>
                {move || t().pipeline.rotting_only}
            </label>
        </div>
        <Show when=move || open.get()>
            <div class="filters card row2">
                <div class="field">
                    <label for="filter-owner">{move || t().field_owner}</label>
                    <select id="filter-owner" on:change=move |ev| filter.update(|f| f.owner = event_target_value(&ev)) prop:value=move || filter.with(|f| f.owner.clone())>
                        <option value="">{move || t().pipeline.anyone}</option>
                        {move || owners().into_iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-tag">{move || t().customers.field_tags}</label>
                    <input id="filter-tag" prop:value=move || filter.with(|f| f.tag.clone()) on:change=move |ev| filter.update(|f| f.tag = daftar_core::check::clean(&event_target_value(&ev)))/>
                </div>
                <DateField id="filter-from" label=|t| t.pipeline.close_from value=from invalid=from_bad/>
                <DateField id="filter-to" label=|t| t.pipeline.close_to value=to invalid=to_bad/>
            </div>
        </Show>
    }
}
