use crate::areas::registry;
use crate::state::AppState;
use daftar_core::global_search::hit_of;
use daftar_core::sync::review::ReviewItem;
use leptos::prelude::*;
use serde_json::Value;

/// Fields changed on two devices since they last agreed: the value kept and
/// the one set aside, side by side; the user agrees or puts the other back.
#[component]
pub fn SyncReviewPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    view! {
        <section class="page sync-review">
            <h1>{move || t().sync.sync_review}</h1>
            <p class="muted">{move || t().sync.sync_review_hint}</p>
            {move || {
                let items = state.sync.review.get().items;
                if items.is_empty() {
                    return view! { <p class="empty" data-testid="review-empty">{t().sync.sync_nothing_to_review}</p> }.into_any();
                }
                view! {
                    <ul class="list" data-testid="review-list">
                        {items.into_iter().rev().map(|item| view! { <ReviewRow item/> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn ReviewRow(item: ReviewItem) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let clash = item.clash;
    let (kind, id, field) = (clash.kind.clone(), clash.id.clone(), clash.clash.field.clone());
    // The record as its area names and opens it; a record gone or without
    // a name is called by its kind, in the reader's language.
    let named = LocalResource::new({
        let (kind, id) = (kind.clone(), id.clone());
        move || {
            let (kind, id) = (kind.clone(), id.clone());
            async move {
                let hit = state.record(&kind, &id).await.ok().flatten().as_ref().and_then(hit_of);
                let view = registry::view_of(&kind);
                let href = hit.as_ref().zip(view).map(|(hit, view)| (view.opens)(hit));
                (hit.map(|hit| hit.title).filter(|title| !title.is_empty()), href)
            }
        }
    });
    let busy = RwSignal::new(false);
    let done = move |put_back: Option<Value>| {
        let (kind, id, field) = (kind.clone(), id.clone(), field.clone());
        move |_| {
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            let (kind, id, field, put_back) = (kind.clone(), id.clone(), field.clone(), put_back.clone());
            leptos::task::spawn_local(async move {
                if let Some(value) = put_back {
                    if let Err(e) = state.set_field(&kind, &id, &field, value).await {
                        state.notify(crate::i18n::store_error_text(&e, state.lang.get_untracked()), None);
                        busy.set(false);
                        return;
                    }
                }
                crate::sync::update_review(state, |list| list.dismiss(&kind, &id, &field)).await;
            });
        }
    };
    let separator = state.t_untracked().list_separator;
    let kept = shown(&clash.clash.kept, separator);
    let set_aside = shown(&clash.clash.set_aside, separator);
    view! {
        <li class="card review-item" data-testid="review-item">
            <h2><a href=move || named.get().and_then(|(_, href)| href)>{
                let kind = clash.kind.clone();
                move || named.get().and_then(|(title, _)| title).unwrap_or_else(|| registry::view_of(&kind).map_or(kind.clone(), |view| (view.heading)(t()).to_string()))
            }</a></h2>
            <dl class="values">
                <dt>{move || t().sync.sync_field}</dt><dd dir="auto" data-testid="review-field">{
                    let (kind, field) = (clash.kind.clone(), clash.clash.field.clone());
                    move || registry::field_label(&kind, &field, t())
                }</dd>
                <dt>{move || t().sync.sync_kept}</dt><dd dir="auto" data-testid="review-kept">{kept.clone().unwrap_or_else(|| t().sync.sync_empty_value.into())}</dd>
                <dt>{move || t().sync.sync_set_aside}</dt><dd dir="auto" data-testid="review-set-aside">{set_aside.clone().unwrap_or_else(|| t().sync.sync_empty_value.into())}</dd>
            </dl>
            <div class="row">
                <button class="btn primary" disabled=move || busy.get() on:click=done(None) data-testid="review-keep">{move || t().sync.sync_keep_it}</button>
                <button class="btn" disabled=move || busy.get() on:click=done(Some(clash.clash.set_aside.clone())) data-testid="review-use-other">{move || t().sync.sync_use_other}</button>
            </div>
        </li>
    }
}

/// A value as text, a list's items joined with `separator`; None for an
/// absent one.
fn shown(value: &Value, separator: &str) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => Some(items.iter().filter_map(|v| shown(v, separator)).collect::<Vec<_>>().join(separator)),
        other => Some(other.to_string()),
    }
}
