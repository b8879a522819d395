//! Adding a deal right in a column: a title, a customer and an amount.

use crate::components::{CustomerPicker, TextField};
use crate::state::{AppState, SaveError};
use daftar_core::check::{Field, FieldError};
use daftar_core::pipeline::DealInput;
use leptos::prelude::*;

#[component]
pub fn QuickAdd(pipeline_id: String, stage_id: String, done: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let title = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let customer = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let submit = {
        let done = done.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let input = DealInput {
                title: title.get_untracked(),
                amount: amount.get_untracked(),
                customer_id: customer.get_untracked(),
                currency: state.currency.get_untracked(),
                pipeline_id: pipeline_id.clone(),
                stage: stage_id.clone(),
                owner: state.my_name_untracked(),
                ..Default::default()
            };
            let done = done.clone();
            leptos::task::spawn_local(async move {
                match state.save_deal(None, &input).await {
                    Ok(_) => done(),
                    Err(SaveError::Invalid(e)) => errors.set(e),
                    Err(e) => state.notify(crate::i18n::save_error_text(&e, state.lang.get_untracked()), None),
                }
            });
        }
    };
    view! {
        <form class="quick-add card" on:submit=submit novalidate data-testid="quick-add-form">
            <TextField errors=errors id="quick-title" label=|t| t.field_title value=title field=Field::Subject required=true/>
            <CustomerPicker id="quick-customer" chosen=customer errors=errors/>
            <TextField errors=errors id="quick-amount" label=|t| t.pipeline.field_amount value=amount field=Field::Amount inputmode="decimal" ltr=true/>
            <div class="segmented">
                <button type="submit" class="btn primary" data-testid="quick-save">{move || t().save}</button>
                <button type="button" class="btn ghost" on:click=move |_| done()>{move || t().cancel}</button>
            </div>
        </form>
    }
}
