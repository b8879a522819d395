//! The period a report covers: one tap for this or last month, quarter or
//! year in the reader's calendar, or any two dates. A preset follows the
//! calendar: switching language turns a Jalali month into a Gregorian one.

use crate::browser_env::today;
use crate::components::{read_date, DateField};
use crate::i18n::Texts;
use crate::state::AppState;
use daftar_core::locale::format_date;
use daftar_core::reports::{Period, Preset};
use leptos::prelude::*;

fn preset_label(preset: Preset, t: &Texts) -> &'static str {
    match preset {
        Preset::ThisMonth => t.reports.this_month,
        Preset::LastMonth => t.reports.last_month,
        Preset::ThisQuarter => t.reports.this_quarter,
        Preset::LastQuarter => t.reports.last_quarter,
        Preset::ThisYear => t.reports.this_year,
        Preset::LastYear => t.reports.last_year,
    }
}

#[component]
pub fn PeriodPicker(period: RwSignal<Period>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    // None: the two dates below.
    let chosen = RwSignal::new(Some(Preset::ThisMonth));
    Effect::new(move |_| {
        if let Some(preset) = chosen.get() {
            period.set(Period::preset(preset, today(), state.lang.get()));
        }
    });
    let (from, to) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let (from_invalid, to_invalid) = (RwSignal::new(false), RwSignal::new(false));
    let backwards = RwSignal::new(false);
    let pick_dates = move |_| {
        let (shown, lang) = (period.get_untracked(), state.lang.get_untracked());
        from.set(format_date(shown.from, lang));
        to.set(format_date(shown.to, lang));
        chosen.set(None);
    };
    let show_dates = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = state.lang.get_untracked();
        let (Ok(Some(first)), Ok(Some(last))) = (read_date(from, from_invalid, lang), read_date(to, to_invalid, lang)) else { return };
        match Period::new(first, last) {
            Some(range) => {
                backwards.set(false);
                period.set(range);
            }
            None => backwards.set(true),
        }
    };
    let shown = move || {
        let (p, lang) = (period.get(), state.lang.get());
        format!("{} – {}", format_date(p.from, lang), format_date(p.to, lang))
    };
    view! {
        <div class="period-picker" role="group" aria-label=move || t().reports.period>
            <div class="segmented">
                {Preset::ALL.into_iter().map(|preset| view! {
                    <button type="button" class="btn" class:primary=move || chosen.get() == Some(preset)
                        aria-pressed=move || (chosen.get() == Some(preset)).to_string()
                        on:click=move |_| chosen.set(Some(preset)) data-testid=format!("period-{preset:?}")>
                        {move || preset_label(preset, t())}
                    </button>
                }).collect_view()}
                <button type="button" class="btn" class:primary=move || chosen.get().is_none()
                    aria-pressed=move || chosen.get().is_none().to_string() on:click=pick_dates data-testid="period-dates">
                    {move || t().reports.custom_range}
                </button>
            </div>
            <Show when=move || chosen.get().is_none()>
                <form class="period-range" on:submit=show_dates novalidate>
                    <DateField id="period-from" label=|t| t.reports.from value=from invalid=from_invalid/>
                    <DateField id="period-to" label=|t| t.reports.to value=to invalid=to_invalid/>
                    <button type="submit" class="btn primary" data-testid="period-show">{move || t().reports.show}</button>
                </form>
                <Show when=move || backwards.get()>
                    <p class="alert" role="alert">{move || t().reports.range_backwards}</p>
                </Show>
            </Show>
            <p class="muted" data-testid="period-shown"><bdi>{shown}</bdi></p>
        </div>
    }
}
