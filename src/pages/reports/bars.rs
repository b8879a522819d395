//! Bars of deal counts, each tappable to the deals behind it (each deal
//! opening its page): the one chart the deal reports share.

use crate::state::AppState;
use daftar_core::locale::{format_money, format_number};
use leptos::prelude::*;

pub struct Bar {
    /// Tells the bars apart (a reason, a stage id, a month).
    pub key: String,
    pub label: Signal<String>,
    pub count: usize,
    /// Under the bar: its amounts.
    pub note: String,
    /// Largest first.
    pub deals: Vec<String>,
    /// Drawn in the warning colour (an overdue month).
    pub warn: bool,
}

#[component]
pub fn DealBars(bars: Vec<Bar>, #[prop(into)] testid: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    let open = RwSignal::new(None::<String>);
    let widest = bars.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let deal_line = move |id: &str| {
        state.sales().with_untracked(|s| {
            let e = s.as_ref()?.deals.get(id)?;
            Some(format!("{}{}{}", e.fields.title, state.t_untracked().part_separator, format_money(e.fields.amount, e.fields.currency, lang)))
        })
    };
    view! {
        <ul class="bars deal-bars" data-testid=testid>
            {bars.into_iter().map(|bar| {
                let key = bar.key;
                let is_open = { let key = key.clone(); move || open.with(|o| o.as_deref() == Some(key.as_str())) };
                let toggle = { let key = key.clone(); move |_| open.update(|o| *o = if o.as_deref() == Some(key.as_str()) { None } else { Some(key.clone()) }) };
                let width = format!("inline-size: {}%", bar.count * 100 / widest);
                let deals = bar.deals;
                let label = bar.label;
                view! {
                    <li class="deal-group">
                        <button type="button" class="bar-row deal-bar" class:warn=bar.warn aria-expanded={ let is_open = is_open.clone(); move || is_open().to_string() }
                            on:click=toggle disabled=deals.is_empty() data-testid="deal-bar">
                            <span class="bar-label"><bdi>{move || label.get()}</bdi></span>
                            <span class="bar" aria-hidden="true"><span class="bar-fill" style=width></span></span>
                            <span class="bar-count">{format_number(bar.count as i64, lang)}</span>
                        </button>
                        {(!bar.note.is_empty()).then(|| view! { <p class="muted bar-note"><bdi>{bar.note}</bdi></p> })}
                        <Show when=is_open.clone()>
                            <ul class="plain-list bar-deals" data-testid="bar-deals">
                                {deals.iter().filter_map(|id| Some((id.clone(), deal_line(id)?))).map(|(id, line)| view! {
                                    <li><a class="bar-deal" href=format!("/deals/{id}") data-testid="bar-deal"><bdi>{line}</bdi></a></li>
                                }).collect_view()}
                            </ul>
                        </Show>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
