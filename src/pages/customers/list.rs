use crate::components::{Icon, VirtualList};
use crate::i18n::store_error_text;
use crate::state::export::download;
use crate::state::AppState;
use daftar_core::customers::SearchResult;
use daftar_core::locale::localize_digits;
use leptos::prelude::*;
use leptos_router::components::A;

const ROW_HEIGHT: f64 = 68.0;

#[component]
pub fn CustomerList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let query = RwSignal::new(String::new());
    // Positions in the index of the rows that match; recomputed per keystroke.
    let result = Memo::new(move |previous: Option<&SearchResult>| {
        let span = crate::perf::start("daftar:search");
        let result = state.customers.with(|ix| ix.search_from(&query.get(), previous));
        span.end();
        result
    });
    let count = Signal::derive(move || result.with(|r| r.hits.len()));
    let row_at = move |pos: usize| {
        result.with(|r| r.hits.get(pos).copied())
            .and_then(|i| state.customers.with(|ix| ix.rows().get(i as usize).cloned()))
    };
    // The key changes with the record's revision and the language, so a row
    // edited elsewhere or shown in other digits is drawn again.
    let key = move |pos: usize| {
        let lang = state.lang.get().code();
        let index = result.with(|r| r.hits.get(pos).copied());
        let row = index.and_then(|i| state.customers.with(|ix| ix.rows().get(i as usize).map(|r| format!("{}:{}", r.id, r.rev))));
        format!("{}:{lang}", row.unwrap_or_default())
    };
    let render = move |pos: usize| {
        row_at(pos).map(|r| {
            let lang = state.lang.get_untracked();
            // Each part isolated, so a Persian city, a Latin owner and a phone
            // number keep their own direction; a number always reads left to right.
            let phone = (!r.phone.is_empty()).then(|| view! { <bdi dir="ltr">{localize_digits(&r.phone, lang)}</bdi> });
            let text = |s: String| (!s.is_empty()).then(|| view! { <bdi>{s}</bdi> });
            let detail = (text(r.city), phone, text(r.owner));
            view! {
                // A plain link (the router still handles the click): rows are
                // created on every scroll step, so they stay as light as possible.
                <a href=format!("/customers/{}", r.id) class="customer-row">
                    <span class="row-title">{r.name}</span>
                    <span class="row-detail muted">{detail}</span>
                </a>
            }
        })
    };
    let exporting = RwSignal::new(false);
    let export = move |_| {
        if exporting.get_untracked() {
            return;
        }
        exporting.set(true);
        // What is on screen: the current search's matches, in list order.
        let ids: Vec<String> = result.with_untracked(|r| {
            state.customers.with_untracked(|ix| r.hits.iter().filter_map(|&i| ix.rows().get(i as usize).map(|row| row.id.clone())).collect())
        });
        leptos::task::spawn_local(async move {
            let lang = state.lang.get_untracked();
            match state.export_customers(&ids).await {
                Ok(bytes) => {
                    let name = format!("daftar-customers-{}.csv", crate::browser_env::today());
                    if download(&bytes, &name).is_err() {
                        state.notify(state.t_untracked().customers.export_failed.to_string(), None);
                    }
                }
                Err(e) => state.notify(store_error_text(&e, lang), None),
            }
            exporting.set(false);
        });
    };
    // Nothing until the list is read: "0 customers" would alarm a rep whose list is loading.
    let total = move || state.customers_loaded.get().then(|| t().customers.customer_count(count.get() as i64));
    view! {
        <section class="page list-page">
            <div class="list-head">
                <h1>{move || t().customers.customers}</h1>
                <span class="muted" data-testid="customer-count">{total}</span>
                <A href="/customers/import" attr:class="btn" attr:data-testid="import-customers">{move || t().customers.import_csv}</A>
                <button class="btn" on:click=export disabled=move || exporting.get() || count.get() == 0
                    data-testid="export-customers">{move || t().export_csv}</button>
                <A href="/customers/new" attr:class="btn primary" attr:data-testid="new-customer">
                    <Icon name="plus"/><span>{move || t().customers.new_customer}</span>
                </A>
            </div>
            <label class="search">
                <Icon name="search"/>
                <input type="search" placeholder=move || t().customers.search_customers
                    aria-label=move || t().customers.search_customers data-testid="customer-search"
                    bind:value=query/>
            </label>
            <Show when=move || state.customers_loaded.get() fallback=move || view! { <p class="muted">{t().loading}</p> }>
                <Show when={move || count.get() > 0} fallback=move || view! {
                    <p class="empty muted">{move || if query.with(String::is_empty) { t().customers.no_customers } else { t().customers.no_matches }}</p>
                }>
                    <VirtualList count=count row_height=ROW_HEIGHT key=key render=render/>
                </Show>
            </Show>
        </section>
    }
}
