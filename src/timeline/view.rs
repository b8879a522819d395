use super::Item;
use crate::state::AppState;
use leptos::prelude::*;

/// Items shown at first; a customer with thousands of activities opens as
/// fast as one with ten, and "show more" adds a page at a time.
const PAGE: usize = 50;

#[component]
pub fn Timeline(items: Signal<Vec<Item>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let shown = RwSignal::new(PAGE);
    let total = move || items.with(Vec::len);
    let any = move || total() != 0;
    view! {
        <div class="card">
            <h2>{move || t().timeline.timeline}</h2>
            <Show when=any fallback=move || view! { <p class="muted">{move || t().timeline.timeline_empty}</p> }>
                <ol class="timeline" data-testid="timeline">
                    {move || items.with(|items| items.iter().take(shown.get()).cloned().map(|item| view! {
                        <li class=format!("tl-{}", item.kind) data-testid=format!("timeline-{}", item.kind)>
                            <div class="tl-head">
                                {match item.href {
                                    Some(href) => view! { <a href=href class="row-title">{item.label}</a> }.into_any(),
                                    None => view! { <strong>{item.label}</strong> }.into_any(),
                                }}
                                <span class="muted">{item.when}</span>
                            </div>
                            {(!item.title.is_empty()).then(|| view! { <p><bdi>{item.title}</bdi></p> })}
                            {(!item.detail.is_empty()).then(|| view! { <p class="pre muted">{item.detail}</p> })}
                        </li>
                    }).collect_view())}
                </ol>
                <Show when=move || shown.get() < total()>
                    <button class="btn" on:click=move |_| shown.update(|n| *n += PAGE)>{move || t().timeline.show_more}</button>
                </Show>
            </Show>
        </div>
    }
}
