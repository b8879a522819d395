//! The pickers reports share: which way to cut the figures (by reason, by
//! rep …) and which currency to show when deals are in several.

use crate::i18n::Texts;
use crate::state::AppState;
use daftar_core::locale::Currency;
use leptos::prelude::*;

/// One button per way to cut, the chosen one pressed; each button's test id
/// is `{testid}-{choice:?}`.
#[component]
pub fn CutPicker<T>(choices: &'static [T], chosen: RwSignal<T>, label: fn(T, &Texts) -> &'static str, group: fn(&Texts) -> &'static str, testid: &'static str) -> impl IntoView
where
    T: Copy + PartialEq + std::fmt::Debug + Send + Sync + 'static,
{
    let state = expect_context::<AppState>();
    let t = move || state.t();
    view! {
        <div class="segmented" role="group" aria-label=move || group(t())>
            {choices.iter().map(|&c| view! {
                <button type="button" class="btn" class:primary=move || chosen.get() == c aria-pressed=move || (chosen.get() == c).to_string()
                    on:click=move |_| chosen.set(c) data-testid=format!("{testid}-{c:?}")>{move || label(c, t())}</button>
            }).collect_view()}
        </div>
    }
}

/// The currencies of the figures, `shown` pressed; nothing when there is one.
#[component]
pub fn CurrencySwitch(currencies: Vec<Currency>, shown: Currency, chosen: RwSignal<Option<Currency>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang.get_untracked();
    (currencies.len() > 1).then(|| view! {
        <div class="segmented" role="group" aria-label=state.t_untracked().currency>
            {currencies.into_iter().map(|c| view! {
                <button type="button" class="btn" class:primary=c == shown aria-pressed=(c == shown).to_string()
                    on:click=move |_| chosen.set(Some(c)) data-testid="currency-switch">{c.name(lang)}</button>
            }).collect_view()}
        </div>
    })
}
