use super::Icon;
use crate::browser_env::today;
use crate::i18n::{Lang, TextOf};
use crate::state::AppState;
use chrono::NaiveDate;
use daftar_core::locale::{day_number, format_date, parse_date, weekday_labels, Month};
use leptos::prelude::*;

/// A stored date as the field shows it ("" when unset).
pub fn date_text(d: Option<NaiveDate>, lang: Lang) -> String {
    d.map(|d| format_date(d, lang)).unwrap_or_default()
}

/// A typed date read in the user's calendar: None when left empty, Err
/// (with the field marked invalid) when it is not a date.
pub fn read_date(text: RwSignal<String>, invalid: RwSignal<bool>, lang: Lang) -> Result<Option<NaiveDate>, ()> {
    invalid.set(false);
    let raw = text.get_untracked();
    if raw.trim().is_empty() {
        return Ok(None);
    }
    parse_date(&raw, lang).map(Some).map_err(|_| invalid.set(true))
}

/// A date typed in the user's calendar (Jalali in Persian) or picked from a
/// month grid, which on a tablet beats typing digits on a touch keyboard.
#[component]
pub fn DateField(
    id: &'static str,
    label: TextOf,
    /// The date as text in the current language's calendar.
    value: RwSignal<String>,
    /// Set by the form when the text cannot be read as a date.
    invalid: RwSignal<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let open = RwSignal::new(false);
    let picked = move || parse_date(&value.get(), state.lang.get()).ok();
    let shown = RwSignal::new(Month::of(today(), state.lang.get_untracked()));
    let toggle = move |_| {
        let lang = state.lang.get_untracked();
        shown.set(Month::of(picked().unwrap_or_else(today), lang));
        open.update(|o| *o = !*o);
    };
    // The grid shows a month of one calendar: a language switch closes it.
    Effect::new(move |_| {
        state.lang.track();
        open.set(false);
    });
    let choose = move |day: NaiveDate| {
        value.set(format_date(day, state.lang.get_untracked()));
        invalid.set(false);
        open.set(false);
    };
    view! {
        <div class="field" class:invalid=move || invalid.get()>
            <label for=id>{move || label(t())}</label>
            <div class="date-input">
                <input id=id name=id inputmode="numeric" placeholder=move || t().date_hint
                    aria-invalid=move || invalid.get().to_string() bind:value=value/>
                <button type="button" class="btn" on:click=toggle aria-expanded=move || open.get().to_string()
                    aria-label=move || t().pick_date data-testid=format!("{id}-picker")><Icon name="calendar"/></button>
            </div>
            <Show when=move || invalid.get()>
                <p class="field-error" data-testid=format!("{id}-error")>{move || t().bad_date}</p>
            </Show>
            <Show when=move || open.get()>
                <div class="calendar" role="dialog" aria-label=move || t().pick_date>
                    <div class="calendar-head">
                        <button type="button" class="btn ghost" aria-label=move || t().previous_month
                            on:click=move |_| shown.update(|m| *m = m.previous())>"‹"</button>
                        <strong data-testid="calendar-title">{move || shown.get().title()}</strong>
                        <button type="button" class="btn ghost" aria-label=move || t().next_month
                            on:click=move |_| shown.update(|m| *m = m.next())>"›"</button>
                    </div>
                    <div class="calendar-grid">
                        {move || weekday_labels(state.lang.get()).map(|w| view! { <span class="weekday">{w}</span> }).collect_view()}
                        {move || {
                            let lang = state.lang.get();
                            let month = Month { lang, ..shown.get() };
                            let selected = picked();
                            month.weeks().into_iter().flatten().map(|cell| match cell {
                                None => view! { <span></span> }.into_any(),
                                Some(day) => view! {
                                    <button type="button" class="day" class:selected=selected == Some(day)
                                        class:today=day == today() on:click=move |_| choose(day)>
                                        {day_number(day, lang)}
                                    </button>
                                }.into_any(),
                            }).collect_view()
                        }}
                    </div>
                    <div class="calendar-foot">
                        <button type="button" class="btn" on:click=move |_| choose(today())>{move || t().today}</button>
                        <button type="button" class="btn ghost" on:click=move |_| { value.set(String::new()); open.set(false); }>
                            {move || t().clear}
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
