//! `/warranty/claims/ID`: one claim — the item and its coverage on the day
//! reported, the status with the moves allowed from it and the history, the
//! parts and labour with the cost split, and the photos.

use super::claim_work::ClaimWork;
use super::photos::ClaimPhotos;
use super::{coverage_text, customer_name, WarrantyTabs};
use crate::components::read_routed;
use crate::i18n::{labels, local_datetime};
use crate::state::{AppState, SaveError};
use daftar_core::locale::format_date;
use daftar_core::warranty::claims::{allowed_next, Claim, ClaimStatus};
use leptos::prelude::*;

#[component]
pub fn ClaimShow() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let loaded = read_routed(|state, id| async move { state.stored::<Claim>(&id).await.ok().map(|(record, claim)| (record.id, claim)) });
    // The claim as last read. The view is built once per claim and reads
    // this signal, so a write elsewhere (a photo, another tab) refreshes the
    // figures without wiping parts, hours or a note being typed.
    let current = RwSignal::new(None::<Option<(String, Claim)>>);
    Effect::new(move || {
        if let Some(found) = loaded.get() {
            current.set(Some(found));
        }
    });
    let shown = Memo::new(move |_| current.with(|c| c.as_ref().map(|found| found.as_ref().map(|(id, _)| id.clone()))));
    view! {
        <section class="page warranty-page" data-testid="claim-page">
            <WarrantyTabs/>
            {move || match shown.get() {
                None => view! { <p class="muted">{move || t().loading}</p> }.into_any(),
                Some(None) => view! { <p class="muted" data-testid="claim-gone">{move || t().warranty.claim_gone}</p> }.into_any(),
                Some(Some(id)) => {
                    let claim = Signal::derive(move || current.with(|c| c.clone().flatten().map(|(_, c)| c).unwrap_or_default()));
                    view! { <ClaimView id claim/> }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn ClaimView(id: String, claim: Signal<Claim>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = move || state.lang.get();
    let first = claim.get_untracked();
    // Read as the list loads: after a reload the claim can show before the customers.
    let customer = { let id = first.customer_id.clone(); move || customer_name(state, &id) };
    let item_href = format!("/warranty/items/{}", first.installed_item_id);
    let closed = Signal::derive(move || claim.with(|c| c.status == ClaimStatus::Closed));
    view! {
        <h1><bdi>{first.problem.clone()}</bdi></h1>
        <dl class="facts card">
            <dt>{move || t().warranty.field_serial}</dt><dd><a href=item_href dir="ltr" class="serial">{first.serial.clone()}</a></dd>
            <dt>{move || t().customers.customers}</dt><dd><bdi>{customer}</bdi></dd>
            <dt>{move || t().warranty.claim_reported_on}</dt><dd>{move || claim.with(|c| c.reported_on).map(|d| format_date(d, lang())).unwrap_or_default()}</dd>
            <dt>{move || t().warranty.claim_channel}</dt><dd>{move || labels::claim_channel(claim.with(|c| c.channel), t())}</dd>
            <dt>{move || t().warranty.technician}</dt><dd><bdi>{move || claim.with(|c| c.technician.clone())}</bdi></dd>
            <dt>{move || t().warranty.certificate_coverage}</dt>
            <dd data-testid="claim-coverage">{move || claim.with(|c| c.coverage).map(|c| coverage_text(c, t())).unwrap_or_else(|| t().warranty.claim_not_covered.to_string())}</dd>
        </dl>
        <ClaimStatusCard id=id.clone() claim/>
        <ClaimWork id=id.clone() claim/>
        <ClaimPhotos claim_id=id closed/>
    }
}

#[component]
fn ClaimStatusCard(id: String, claim: Signal<Claim>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let note = RwSignal::new(String::new());
    let alert = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let status = move || claim.with(|c| c.status);
    let id = StoredValue::new(id);
    let go = move |to: ClaimStatus| {
        busy.set(true);
        alert.set(None);
        leptos::task::spawn_local(async move {
            let moved = state.move_claim(&id.get_value(), to, &note.get_untracked()).await;
            let t = state.t_untracked();
            match moved {
                Ok(()) => {
                    note.set(String::new());
                    state.notify(format!("{} {}", t.warranty.claim_moved, labels::claim_status(to, t)), None);
                }
                Err(SaveError::Invalid(_)) => alert.set(Some(t.warranty.claim_reason_needed.to_string())),
                Err(SaveError::Gone) => alert.set(Some(t.warranty.claim_gone.to_string())),
                Err(SaveError::NotAllowed) => alert.set(Some(t.warranty.claim_changed_elsewhere.to_string())),
                Err(e) => alert.set(Some(crate::i18n::save_error_text(&e, state.lang.get_untracked()))),
            }
            let _ = busy.try_set(false);
        });
    };
    let reasons = move || {
        let t = t();
        claim.with(|c| [(c.diagnosis.clone(), t.warranty.claim_diagnosis), (c.reject_reason.clone(), t.warranty.claim_reject_reason), (c.resolution.clone(), t.warranty.claim_resolution)])
    };
    view! {
        <div class="card status-card" data-testid="claim-status-card">
            <p>{move || t().field_status}": "<strong data-testid="claim-status">{move || labels::claim_status(status(), t())}</strong></p>
            {move || reasons().into_iter().filter(|(text, _)| !text.is_empty()).map(|(text, label)| view! { <p class="muted">{label}": "<bdi>{text}</bdi></p> }).collect_view()}
            {move || alert.get().map(|a| view! { <p class="alert" role="alert">{a}</p> })}
            <Show when=move || !allowed_next(status()).is_empty()>
                <label for="claim-note">{move || t().warranty.claim_note}</label>
                <textarea id="claim-note" rows="2" bind:value=note data-testid="claim-note"></textarea>
                <div class="actions">
                    {move || allowed_next(status()).iter().map(|&to| view! {
                        <button type="button" class=if to == ClaimStatus::Rejected { "btn danger" } else { "btn primary" } disabled=move || busy.get()
                            data-testid=format!("claim-to-{to:?}") on:click=move |_| go(to)>{move || labels::claim_move(to, t())}</button>
                    }).collect_view()}
                </div>
            </Show>
            <ol class="history" data-testid="claim-history">
                {move || claim.with(|c| c.steps.clone()).into_iter().map(|s| view! {
                    <li>{move || local_datetime(s.at, state.lang.get())}" — "{move || labels::claim_status(s.status, t())}
                        {(!s.note.is_empty()).then(|| view! { ": "<bdi>{s.note.clone()}</bdi> })}</li>
                }).collect_view()}
            </ol>
        </div>
    }
}
