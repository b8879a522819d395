//! Form widgets every form shares: a labelled text input with its error
//! lines in the user's language, and a choice among an enum's values.

use crate::i18n::{problem_text, TextOf};
use crate::state::AppState;
use daftar_core::check::{Field, FieldError, Problem};
use leptos::prelude::*;

fn messages(errors: RwSignal<Vec<FieldError>>, field: Field) -> Vec<Problem> {
    errors.with(|e| e.iter().filter(|x| x.field == field).map(|x| x.problem).collect())
}

/// The error lines under one field, in the current language.
#[component]
pub fn FieldErrors(errors: RwSignal<Vec<FieldError>>, field: Field, id: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <For each={move || messages(errors, field).into_iter().enumerate().collect::<Vec<_>>()}
            key=|(i, p)| (*i, format!("{p:?}"))
            children=move |(_, p)| view! {
                <p class="field-error" id=format!("{id}-error") data-testid=format!("{id}-error")>
                    {move || problem_text(p, state.lang.get())}
                </p>
            }/>
    }
}

#[component]
pub fn TextField(
    errors: RwSignal<Vec<FieldError>>,
    id: &'static str,
    label: TextOf,
    value: RwSignal<String>,
    #[prop(optional)] field: Option<Field>,
    #[prop(optional)] hint: Option<TextOf>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional)] multiline: bool,
    #[prop(default = "")] inputmode: &'static str,
    /// Numbers and addresses read left to right even in a Persian form.
    #[prop(optional)]
    ltr: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let invalid = move || field.is_some_and(|f| !messages(errors, f).is_empty());
    let control = if multiline {
        view! { <textarea id=id name=id rows="4" bind:value=value aria-invalid=move || invalid().to_string()></textarea> }.into_any()
    } else {
        view! {
            <input id=id name=id type=input_type inputmode=inputmode required=required dir=ltr.then_some("ltr")
                aria-invalid=move || invalid().to_string() bind:value=value/>
        }
        .into_any()
    };
    view! {
        <div class="field" class:invalid=invalid>
            <label for=id>{move || label(state.t())}{required.then_some(" *")}</label>
            {control}
            {hint.map(|h| view! { <p class="hint muted">{move || h(state.t())}</p> })}
            {field.map(|f| view! { <FieldErrors errors=errors field=f id=id/> })}
        </div>
    }
}

/// A `<select>` over a fixed set of choices (an enum's ALL list).
#[component]
pub fn ChoiceField<T>(
    id: &'static str,
    label: TextOf,
    value: RwSignal<T>,
    choices: &'static [T],
    name_of: fn(T, &crate::i18n::Texts) -> &'static str,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let state = expect_context::<AppState>();
    let on_change = move |ev| {
        if let Some(c) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| choices.get(i)) {
            value.set(*c);
        }
    };
    let selected = move || choices.iter().position(|c| *c == value.get()).unwrap_or(0).to_string();
    view! {
        <div class="field">
            <label for=id>{move || label(state.t())}</label>
            <select id=id name=id on:change=on_change prop:value=selected>
                {choices.iter().enumerate().map(|(i, c)| {
                    let c = *c;
                    view! { <option value=i.to_string() selected=move || value.get() == c>{move || name_of(c, state.t())}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

