//! Search everything from every page: customers and every kind of record
//! core's global search covers, grouped by type, each under the heading its
//! area gives it. Opens from the search button or the "/" key; arrow keys
//! move through the results, Enter opens one, Escape closes.

use super::Icon;
use crate::areas::registry;
use crate::state::AppState;
use daftar_core::customers::{self, SearchResult};
use daftar_core::global_search::Found;
use daftar_core::locale::localize_digits;
use daftar_core::store::key_of;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Results shown per type; the rest are counted.
const PER_GROUP: usize = 5;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Line {
    /// The record's store key (`kind:id`): what tells two lines apart when
    /// their text and address are alike (two answers to one anonymous survey
    /// open the same survey).
    record: String,
    href: String,
    title: String,
    /// The customer it belongs to, by name ("" for none, or for a customer).
    customer: String,
}

#[derive(Clone, PartialEq)]
struct ResultGroup {
    kind: &'static str,
    lines: Vec<Line>,
    more: usize,
}

#[component]
pub fn GlobalSearch() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let open = RwSignal::new(false);
    let query = RwSignal::new(String::new());
    let selected = RwSignal::new(0usize);
    let input = NodeRef::<html::Input>::new();
    let navigate = use_navigate();
    let show = move || {
        open.set(true);
        query.set(String::new());
        request_animation_frame(move || {
            if let Some(i) = input.get_untracked() {
                let _ = i.focus();
            }
        });
    };
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if ev.key() == "/" && !typing && !open.get_untracked() {
            ev.prevent_default();
            show();
        }
    });
    // The records beyond customers are read the first time search opens,
    // once the database is open (a deep link can open search before that).
    Effect::new(move |_| {
        if open.get() && state.store_status.get() == crate::state::StoreStatus::Ready {
            leptos::task::spawn_local(async move {
                if let Err(e) = state.load_everything().await {
                    leptos::logging::warn!("loading search failed: {e}");
                }
            });
        }
    });
    let previous = StoredValue::new((None::<SearchResult>, None::<Found>));
    let groups = Memo::new(move |_| {
        let q = query.get();
        let span = crate::perf::start("daftar:global-search");
        // Borrowed, not cloned: a first keystroke's hits run to six figures.
        let (customers, found) = previous.with_value(|(prev_customers, prev_other)| {
            let customers = state.customers.with(|ix| ix.search_from(&q, prev_customers.as_ref()));
            let found = state.everything().with(|ix| ix.as_ref().map(|ix| ix.search(&q, PER_GROUP, prev_other.as_ref())));
            (customers, found)
        });
        let mut out = Vec::new();
        if !q.trim().is_empty() {
            state.customers.with(|ix| {
                let lines = customers.hits.iter().take(PER_GROUP).map(|&i| {
                    let r = &ix.rows()[i as usize];
                    Line { record: key_of(customers::KIND, &r.id), href: format!("/customers/{}", r.id), title: r.name.clone(), customer: String::new() }
                }).collect::<Vec<_>>();
                if !lines.is_empty() {
                    out.push(ResultGroup { kind: customers::KIND, more: customers.hits.len() - lines.len(), lines });
                }
            });
        }
        let (found_groups, found_state) = found.map_or((Vec::new(), None), |(groups, found)| (groups, Some(found)));
        for g in found_groups {
            let Some(view) = registry::view_of(g.kind) else { continue };
            let lines: Vec<Line> = state.customers.with(|ix| {
                g.hits.iter().map(|h| {
                    let customer = ix.row(&h.customer_id).map(|c| c.name.clone()).unwrap_or_default();
                    Line { record: key_of(h.kind, &h.id), href: (view.opens)(h), title: h.title.clone(), customer }
                }).collect()
            });
            out.push(ResultGroup { kind: g.kind, more: g.total - lines.len(), lines });
        }
        previous.set_value((Some(customers), found_state));
        span.end();
        out
    });
    let flat = move || groups.with(|gs| gs.iter().flat_map(|g| g.lines.iter().map(|l| (l.record.clone(), l.href.clone()))).collect::<Vec<_>>());
    // The highlighted result, by record: rows compare themselves to it, so
    // moving the highlight redraws two rows, not the list.
    let chosen = Memo::new(move |_| flat().get(selected.get()).map(|(record, _)| record.clone()));
    let go = Callback::new(move |href: String| {
        open.set(false);
        navigate(&href, Default::default());
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = flat().len();
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                selected.update(|s| *s = (*s + 1) % n);
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                selected.update(|s| *s = (*s + n - 1) % n);
            }
            "Enter" => {
                ev.prevent_default();
                if let Some((_, href)) = flat().get(selected.get_untracked()).cloned() {
                    go.run(href);
                }
            }
            "Escape" => open.set(false),
            _ => {}
        }
    };
    Effect::new(move |_| {
        query.track();
        selected.set(0);
    });
    view! {
        <button class="btn ghost search-open" on:click=move |_| show() aria-label=move || t().search.search data-testid="global-search-open">
            <Icon name="search"/>
        </button>
        <Show when=move || open.get()>
            <div class="search-overlay" on:click=move |_| open.set(false)>
                <div class="search-panel card" role="dialog" aria-label=move || t().search.search on:click=|ev| ev.stop_propagation()>
                    <div class="search-row">
                        <input node_ref=input type="search" class="search" placeholder=move || t().search.search_everything bind:value=query
                            on:keydown=on_key data-testid="global-search" role="combobox" aria-expanded="true"/>
                        <button class="btn ghost" on:click=move |_| open.set(false)>{move || t().close}</button>
                    </div>
                    <Show when=move || !query.with(|q| q.trim().is_empty()) && groups.with(Vec::is_empty)>
                        <p class="muted">{move || t().search.nothing_found}</p>
                    </Show>
                    // Keyed by type and by address: a keystroke that keeps a result keeps its
                    // row, so typing redraws only what changed.
                    <For each=move || groups.with(|gs| gs.iter().map(|g| g.kind).collect::<Vec<_>>()) key=|kind| *kind let:kind>
                        <Group kind groups chosen go/>
                    </For>
                </div>
            </div>
        </Show>
    }
}

/// One type's results, drawn from the search's groups by its kind.
#[component]
fn Group(kind: &'static str, groups: Memo<Vec<ResultGroup>>, chosen: Memo<Option<String>>, go: Callback<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let group = Memo::new(move |_| groups.with(|gs| gs.iter().find(|g| g.kind == kind).cloned()));
    let lines = move || group.with(|g| g.as_ref().map(|g| g.lines.clone()).unwrap_or_default());
    let more = move || group.with(|g| g.as_ref().map_or(0, |g| g.more));
    view! {
        <section class="search-group" data-testid=format!("search-group-{kind}")>
            <h3>{move || registry::view_of(kind).map_or("", |view| (view.heading)(state.t()))}</h3>
            <ul class="plain-list">
                <For each=lines key=|line| line.clone() let:line>
                    <Hit line chosen go/>
                </For>
            </ul>
            {move || (more() > 0).then(|| view! { <p class="muted">{move || format!("+{} {}", localize_digits(&more().to_string(), state.lang.get()), state.t().search.more_results)}</p> })}
        </section>
    }
}

/// One result: its title and, for a record of a customer, the customer.
#[component]
fn Hit(line: Line, chosen: Memo<Option<String>>, go: Callback<String>) -> impl IntoView {
    let href = line.href.clone();
    let record = line.record.clone();
    let selected = move || chosen.with(|c| c.as_deref() == Some(record.as_str()));
    view! {
        <li><a href=line.href class="search-hit" class:selected=selected
            on:click=move |ev| { ev.prevent_default(); go.run(href.clone()); }>
            {(!line.title.is_empty()).then(|| view! { <bdi>{line.title}</bdi> })}
            {(!line.customer.is_empty()).then(|| view! { <bdi class="muted search-hit-customer">{line.customer}</bdi> })}
        </a></li>
    }
}
