//! A deal's line items: products from the catalog with quantity, unit price
//! and discount, and what the deal leaves after cost and commissions.

use crate::i18n::problem_text;
use crate::state::AppState;
use daftar_core::catalog::{Product, PRODUCT};
use daftar_core::check::{self, Field};
use daftar_core::locale::{format_amount, format_money, format_number, format_percent, percent_input, Currency, Lang};
use daftar_core::pipeline::{line_totals, LineItem};
use leptos::prelude::*;

#[component]
pub fn LinesEditor(lines: RwSignal<Vec<LineItem>>, currency: RwSignal<Currency>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let products = LocalResource::new(move || async move {
        state.all_live(PRODUCT).await.unwrap_or_default().iter().filter_map(|r| Some((r.id.clone(), r.decode::<Product>().ok()?))).collect::<Vec<_>>()
    });
    let add = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if let Some((pid, p)) = products.get().and_then(|ps| ps.into_iter().find(|(pid, _)| *pid == id)) {
            lines.update(|l| l.push(p.line(&pid, 1)));
        }
    };
    let problem = RwSignal::new(None::<String>);
    let money = move |v: i64| format_money(v, currency.get(), state.lang.get());
    let totals = Memo::new(move |_| lines.with(|l| line_totals(l)));
    view! {
        <fieldset class="field lines" data-testid="deal-lines">
            <legend>{move || t().pipeline.line_items}</legend>
            // Rows by position, values read from `lines`: editing one box
            // never rebuilds the row, so the focus stays where the user is.
            <For each=move || 0..lines.with(Vec::len) key=|i| *i children=move |i| {
                let set = move |f: &dyn Fn(&mut LineItem, &str, &mut Vec<check::FieldError>), raw: String| {
                    let mut errors = Vec::new();
                    let Some(mut next) = lines.with_untracked(|l| l.get(i).cloned()) else { return };
                    f(&mut next, &raw, &mut errors);
                    match errors.first() {
                        Some(e) => problem.set(Some(problem_text(e.problem, state.lang.get_untracked()))),
                        None => {
                            problem.set(None);
                            lines.update(|l| if let Some(slot) = l.get_mut(i) { *slot = next });
                        }
                    }
                };
                let field = move |f: fn(&LineItem, Currency, Lang) -> String| move || lines.with(|l| l.get(i).map(|line| f(line, currency.get(), state.lang.get())).unwrap_or_default());
                view! {
                    <div class="line-row" data-testid="line-row">
                        <bdi class="line-name">{field(|l, _, _| l.name.clone())}</bdi>
                        <label>{move || t().pipeline.field_quantity}
                            <input inputmode="numeric" prop:value=field(|l, _, lang| format_number(i64::from(l.quantity), lang)) on:change=move |ev| set(&|l, raw, e| l.quantity = check::whole_number(raw, Field::Quantity, 1, 1_000_000, e) as u32, event_target_value(&ev))/>
                        </label>
                        <label>{move || t().field_price}
                            <input inputmode="decimal" dir="ltr" prop:value=field(|l, c, lang| format_amount(l.unit_price, c, lang)) on:change=move |ev| set(&|l, raw, e| l.unit_price = check::money(raw, Field::Price, currency.get_untracked(), e), event_target_value(&ev))/>
                        </label>
                        <label>{move || t().pipeline.field_discount}
                            <input inputmode="decimal" dir="ltr" prop:value=field(|l, _, lang| percent_input(l.discount_bp, lang)) on:change=move |ev| set(&|l, raw, e| l.discount_bp = check::percent(raw, Field::Percent, e), event_target_value(&ev))/>
                        </label>
                        <button type="button" class="btn ghost" on:click=move |_| lines.update(|l| { if i < l.len() { l.remove(i); } })>{move || t().remove}</button>
                    </div>
                }
            }/>
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
            // Only products priced in the deal's currency: a line copies its price.
            {move || products.get().map(|ps| ps.into_iter().filter(|(_, p)| p.currency == currency.get()).collect::<Vec<_>>()).filter(|p| !p.is_empty()).map(|ps| view! {
                <select on:change=add prop:value="" data-testid="add-line" aria-label=move || t().pipeline.add_product>
                    <option value="">{move || t().pipeline.add_product}</option>
                    {ps.into_iter().map(|(id, p)| view! { <option value=id>{p.name}</option> }).collect_view()}
                </select>
            })}
            <Show when=move || lines.with(|l| !l.is_empty())>
                <dl class="facts line-totals" data-testid="line-totals">
                    <dt>{move || t().pipeline.net_total}</dt><dd>{move || money(totals.get().net)}</dd>
                    <dt>{move || t().pipeline.cost_total}</dt><dd>{move || money(totals.get().cost)}</dd>
                    <dt>{move || t().pipeline.marketer_commission}</dt><dd>{move || money(totals.get().marketer)}</dd>
                    <dt>{move || t().pipeline.agency_commission}</dt><dd>{move || money(totals.get().agency)}</dd>
                    <dt>{move || t().pipeline.margin}</dt>
                    <dd data-testid="margin">{move || {
                        let tt = totals.get();
                        let pct = tt.margin_bp().map(|bp| format!(" ({})", format_percent((bp / 100) as f64, 0, state.lang.get()))).unwrap_or_default();
                        format!("{}{pct}", money(tt.margin()))
                    }}</dd>
                </dl>
            </Show>
        </fieldset>
    }
}
