//! Closing a deal from the board: won asks the close date, lost asks why
//! (from the business's list, or in the user's own words) — and refuses
//! to record a loss without a reason.

use crate::browser_env::today;
use crate::components::DateField;
use crate::state::{AppState, SaveError};
use daftar_core::check::{Field, FieldError};
use daftar_core::locale::{format_date, parse_date};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct Closing {
    pub deal: String,
    pub won: bool,
}

impl Closing {
    pub fn won(deal: String) -> Self {
        Closing { deal, won: true }
    }

    pub fn lost(deal: String) -> Self {
        Closing { deal, won: false }
    }
}

#[component]
pub fn CloseDialog(
    closing: Closing,
    /// Cancel: nothing was recorded.
    on_close: impl Fn() + Clone + Send + Sync + 'static,
    /// The deal was marked won or lost.
    on_done: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = state.lang.get_untracked();
    let title = state.sales().with_untracked(|s| s.as_ref().and_then(|s| s.deals.get(&closing.deal)).map(|e| e.fields.title.clone())).unwrap_or_default();
    let reasons = state.sales().with_untracked(|s| s.as_ref().map(|s| s.lost_reasons.clone())).unwrap_or_default();
    let chosen = RwSignal::new(String::new());
    let typed = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let date = RwSignal::new(format_date(today(), lang));
    let bad_date = RwSignal::new(false);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let alert = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    let won = closing.won;
    let deal = closing.deal.clone();
    let submit = {
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let lang = state.lang.get_untracked();
            let Ok(on) = parse_date(&date.get_untracked(), lang) else {
                bad_date.set(true);
                return;
            };
            let reason = Some(typed.get_untracked()).filter(|r| !r.trim().is_empty()).unwrap_or_else(|| chosen.get_untracked());
            let (deal, on_done) = (deal.clone(), on_done.clone());
            saving.set(true);
            leptos::task::spawn_local(async move {
                let done = if won { state.win_deal(&deal, on).await } else { state.lose_deal(&deal, &reason, &note.get_untracked(), on).await };
                saving.set(false);
                match done {
                    Ok(()) => {
                        let t = state.t_untracked();
                        state.notify(if won { t.pipeline.deal_marked_won } else { t.pipeline.deal_marked_lost }.to_string(), None);
                        on_done();
                    }
                    Err(SaveError::Invalid(e)) => {
                        errors.set(e);
                        alert.set(Some(state.t_untracked().pipeline.lost_reason_required.to_string()));
                    }
                    Err(e) => alert.set(Some(super::move_failure_text(&e, state))),
                }
            });
        }
    };
    let cancel = move |_| on_close();
    view! {
        <div class="dialog-backdrop">
            <form class="dialog card" role="dialog" aria-modal="true" on:submit=submit novalidate data-testid="close-dialog">
                <h2>{move || if won { t().pipeline.mark_won } else { t().pipeline.mark_lost }}": "<bdi>{title.clone()}</bdi></h2>
                {move || alert.get().map(|a| view! { <p class="alert" role="alert" data-testid="close-alert">{a}</p> })}
                <Show when=move || !won>
                    <fieldset class="reasons">
                        <legend>{move || t().pipeline.field_lost_reason}" *"</legend>
                        {reasons.clone().into_iter().map(|r| {
                            let value = r.clone();
                            view! {
                                <label class="reason">
                                    <input type="radio" name="lost-reason" value=r.clone() on:change=move |_| chosen.set(value.clone())/>
                                    <span>{r}</span>
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                    <crate::components::TextField errors=errors id="lost-reason-text" label=|t| t.pipeline.lost_reason_other value=typed field=Field::LostReason/>
                    <crate::components::TextField errors=errors id="lost-note" label=|t| t.field_notes value=note field=Field::Notes multiline=true/>
                </Show>
                <DateField id="close-date" label=|t| t.pipeline.field_closed_on value=date invalid=bad_date/>
                <div class="actions">
                    <button type="submit" class="btn primary" disabled=move || saving.get() data-testid="close-save">{move || if won { t().pipeline.mark_won } else { t().pipeline.mark_lost }}</button>
                    <button type="button" class="btn ghost" on:click=cancel data-testid="close-cancel">{move || t().cancel}</button>
                </div>
            </form>
        </div>
    }
}
