//! A claim's work: parts from the catalog and labour hours at a rate, and
//! what of it the warranty pays (covered) and the customer pays (billable),
//! by the coverage the item had on the day the claim was reported.

use crate::pages::catalog::use_products;
use crate::i18n::problem_text;
use crate::state::{AppState, SaveError};
use daftar_core::locale::{format_amount, format_decimal, format_money, Currency};
use daftar_core::warranty::claims::{Claim, ClaimStatus, PartLine};
use leptos::prelude::*;

/// A catalog price in the claim's currency: rials and tomans convert (ten
/// rials to the toman); other pairs have no rate on the device.
fn price_in(price: i64, from: Currency, to: Currency) -> Option<i64> {
    match (from, to) {
        _ if from == to => Some(price),
        (Currency::Irr, Currency::Irt) => Some((price + 5) / 10),
        (Currency::Irt, Currency::Irr) => price.checked_mul(10),
        _ => None,
    }
}

#[component]
pub fn ClaimWork(id: String, claim: Signal<Claim>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = move || state.lang.get();
    // The boxes start from the claim as first shown; what is typed stays
    // until saved, whatever else is written meanwhile.
    let first = claim.get_untracked();
    let currency = first.currency;
    let closed = move || claim.with(|c| c.status == ClaimStatus::Closed);
    let parts = RwSignal::new(first.parts.clone());
    let shown_in = state.lang.get_untracked();
    let hours = RwSignal::new(if first.labour_tenths == 0 { String::new() } else { format_decimal(f64::from(first.labour_tenths) / 10.0, 1, shown_in) });
    let rate = RwSignal::new(if first.labour_rate == 0 { String::new() } else { format_amount(first.labour_rate, currency, shown_in) });
    let alert = RwSignal::new(None::<String>);
    let products = use_products();
    let add_part = move |product_id: String| {
        let Some((_, p)) = products.get_untracked().unwrap_or_default().into_iter().find(|(id, _)| *id == product_id) else { return };
        match price_in(p.price, p.currency, currency) {
            Some(unit_price) => parts.update(|lines| lines.push(PartLine { product_id, name: p.name.clone(), quantity: 1, unit_price })),
            None => alert.set(Some(state.t_untracked().warranty.claim_part_currency(&p.currency.name(state.lang.get_untracked())))),
        }
    };
    let id = StoredValue::new(id);
    let save = move |_| {
        alert.set(None);
        leptos::task::spawn_local(async move {
            let saved = state.set_claim_work(&id.get_value(), parts.get_untracked(), &hours.get_untracked(), &rate.get_untracked()).await;
            let t = state.t_untracked();
            let lang = state.lang.get_untracked();
            match saved {
                Ok(()) => state.notify(t.warranty.claim_work_saved.to_string(), None),
                Err(SaveError::Invalid(errors)) => {
                    alert.set(Some(errors.iter().map(|e| format!("{}: {}", crate::i18n::labels::field(e.field, t), problem_text(e.problem, lang))).collect::<Vec<_>>().join(" ")))
                }
                Err(SaveError::Gone) => alert.set(Some(t.warranty.claim_gone.to_string())),
                Err(SaveError::NotAllowed) => alert.set(Some(t.warranty.claim_changed_elsewhere.to_string())),
                Err(e) => alert.set(Some(crate::i18n::save_error_text(&e, lang))),
            }
        });
    };
    let cost = move || claim.with(Claim::cost);
    let money = move |v: i64| format_money(v, currency, lang());
    view! {
        <div class="card claim-work" data-testid="claim-work">
            <h2>{move || t().warranty.claim_work}</h2>
            <ul class="plain-list part-lines">
                {move || parts.get().into_iter().enumerate().map(|(i, line)| view! {
                    <li class="part-line" data-testid="part-line">
                        <bdi>{line.name.clone()}</bdi>
                        <input type="number" min="1" class="qty" aria-label=move || t().pipeline.field_quantity prop:value=line.quantity.to_string() disabled=closed
                            on:change=move |ev| {
                                let q = event_target_value(&ev).parse::<u32>().unwrap_or(1).max(1);
                                parts.update(|l| if let Some(x) = l.get_mut(i) { x.quantity = q });
                            }/>
                        <span>{move || money(line.unit_price * i64::from(line.quantity))}</span>
                        <Show when=move || !closed()>
                            <button type="button" class="btn ghost" aria-label=move || t().remove on:click=move |_| parts.update(|l| { l.remove(i); })>"×"</button>
                        </Show>
                    </li>
                }).collect_view()}
            </ul>
            <Show when=move || !closed()>
                <div class="field">
                    <label for="claim-add-part">{move || t().warranty.claim_add_part}</label>
                    <select id="claim-add-part" data-testid="claim-add-part" on:change=move |ev| {
                        add_part(event_target_value(&ev));
                        // Back to "choose", so the same part can be added twice.
                        event_target::<web_sys::HtmlSelectElement>(&ev).set_value("");
                    }>
                        <option value="">{move || t().not_set}</option>
                        {move || products.get().unwrap_or_default().into_iter().map(|(pid, p)| view! { <option value=pid>{p.name}</option> }).collect_view()}
                    </select>
                </div>
                <div class="row2">
                    <div class="field">
                        <label for="claim-hours">{move || t().warranty.claim_labour_hours}</label>
                        <input id="claim-hours" inputmode="decimal" dir="ltr" bind:value=hours data-testid="claim-hours"/>
                    </div>
                    <div class="field">
                        <label for="claim-rate">{move || t().warranty.claim_labour_rate}</label>
                        <input id="claim-rate" inputmode="decimal" dir="ltr" bind:value=rate data-testid="claim-rate"/>
                    </div>
                </div>
                {move || alert.get().map(|a| view! { <p class="alert" role="alert">{a}</p> })}
                <button type="button" class="btn primary" on:click=save data-testid="claim-work-save">{move || t().warranty.claim_work_save}</button>
            </Show>
            <table class="cost-split" data-testid="cost-split">
                <thead><tr><th></th><th>{move || t().warranty.claim_total}</th><th>{move || t().warranty.claim_covered}</th><th>{move || t().warranty.claim_billable}</th></tr></thead>
                <tbody>
                    <tr><th>{move || t().warranty.claim_parts}</th><td>{move || money(cost().parts_total)}</td><td>{move || money(cost().parts_covered)}</td><td>{move || money(cost().parts_billable)}</td></tr>
                    <tr><th>{move || t().warranty.claim_labour}</th><td>{move || money(cost().labour_total)}</td><td>{move || money(cost().labour_covered)}</td><td>{move || money(cost().labour_billable)}</td></tr>
                    <tr class="total"><th>{move || t().warranty.claim_total}</th><td>{move || money(cost().total())}</td>
                        <td data-testid="cost-covered">{move || money(cost().covered())}</td><td data-testid="cost-billable">{move || money(cost().billable())}</td></tr>
                </tbody>
            </table>
        </div>
    }
}
