//! `/warranty/claims/new?item=ID`: opening a claim on a sold item — what is
//! wrong, when it was reported, how, and who handles it. The item's
//! coverage on that day is kept with the claim.

use super::CoverageCard;
use crate::components::{read_date, ChoiceField, DateField, FieldErrors, FormAlert, FormStatus, SaveButton, TextField};
use crate::i18n::labels;
use crate::state::AppState;
use daftar_core::check::Field;
use daftar_core::locale::format_date;
use daftar_core::warranty::claims::{ClaimChannel, ClaimInput};
use daftar_core::warranty::item::InstalledItem;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn ClaimNew() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let query = use_query_map();
    // Read once (when the database opens): a write elsewhere must not wipe the form.
    let item = LocalResource::new(move || {
        state.store_status.track();
        let id = query.with(|q| q.get("item")).unwrap_or_default();
        async move { state.stored::<InstalledItem>(&id).await.ok().map(|(record, item)| (record.id, item)) }
    });
    view! {
        <section class="page form-page" data-testid="claim-new-page">
            <h1>{move || t().warranty.claim_new}</h1>
            <Suspense fallback=move || view! { <p class="muted">{move || t().loading}</p> }>
                {move || item.get().map(|found| match found {
                    Some((id, item)) => view! { <ClaimForm item_id=id item/> }.into_any(),
                    None => view! {
                        <p class="muted">{move || t().warranty.claim_pick_item}</p>
                        <a class="btn" href="/warranty">{move || t().warranty.warranty_check}</a>
                    }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ClaimForm(item_id: String, item: InstalledItem) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let navigate = use_navigate();
    let problem = RwSignal::new(String::new());
    let reported = RwSignal::new(format_date(crate::browser_env::today(), state.lang.get_untracked()));
    let reported_bad = RwSignal::new(false);
    let channel = RwSignal::new(ClaimChannel::default());
    let technician = RwSignal::new(state.my_name_untracked());
    let status = FormStatus::new();
    let errors = status.errors;
    let base = ClaimInput {
        installed_item_id: item_id,
        customer_id: item.customer_id.clone(),
        product_id: item.product_id.clone(),
        serial: item.serial.clone(),
        ..Default::default()
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = state.lang.get_untracked();
        let Ok(reported_on) = read_date(reported, reported_bad, lang) else { return };
        let input = ClaimInput { problem: problem.get_untracked(), reported_on, channel: channel.get_untracked(), technician: technician.get_untracked(), ..base.clone() };
        let navigate = navigate.clone();
        status.save(state, |t| t.warranty.claim_saved, async move { state.open_claim(&input).await }, move |id| navigate(&format!("/warranty/claims/{id}"), Default::default()));
    };
    view! {
        <p><bdi>{item.product_name.clone()}</bdi>" "<span dir="ltr" class="serial">{item.serial.clone()}</span></p>
        <CoverageCard item/>
        <form on:submit=submit novalidate data-testid="claim-form">
            <FormAlert status/>
            <TextField errors id="claim-problem" label=|t| t.warranty.claim_problem value=problem field=Field::Subject required=true multiline=true/>
            <div class="row2">
                <div>
                    <DateField id="claim-reported" label=|t| t.warranty.claim_reported_on value=reported invalid=reported_bad/>
                    <FieldErrors errors field=Field::Date id="claim-reported"/>
                </div>
                <ChoiceField id="claim-channel" label=|t| t.warranty.claim_channel value=channel choices=&ClaimChannel::ALL name_of=labels::claim_channel/>
            </div>
            <TextField errors id="claim-technician" label=|t| t.warranty.technician value=technician/>
            <div class="actions">
                <SaveButton status testid="claim-save" label=|t| t.warranty.claim_open/>
                <a class="btn ghost" href="/warranty/claims">{move || t().cancel}</a>
            </div>
        </form>
    }
}
