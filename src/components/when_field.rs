//! A date in the user's calendar plus a time of day: when an activity
//! happened or a task is due.

use super::DateField;
use crate::i18n::{Lang, TextOf};
use crate::state::AppState;
use chrono::{NaiveDateTime, NaiveTime};
use daftar_core::locale::{format_date, format_time, parse_date, parse_time};
use leptos::prelude::*;

/// A field as typed, and whether it could not be read.
#[derive(Clone, Copy)]
pub struct Typed {
    pub text: RwSignal<String>,
    pub invalid: RwSignal<bool>,
}

/// When something happens: a day as typed in the current language's
/// calendar, and a time of day as typed, `14:30` in either script (the
/// browser's own time box spoke the browser's language and clock: "12:42
/// PM" in a Persian form).
#[derive(Clone, Copy)]
pub struct When {
    pub date: Typed,
    pub time: Typed,
}

impl When {
    pub fn new(at: Option<NaiveDateTime>, lang: Lang) -> Self {
        let typed = || Typed { text: RwSignal::new(String::new()), invalid: RwSignal::new(false) };
        let when = Self { date: typed(), time: typed() };
        when.show(at, lang);
        when
    }

    /// Shows `at` (or nothing), with no error left from before.
    pub fn show(&self, at: Option<NaiveDateTime>, lang: Lang) {
        self.date.text.set(at.map(|a| format_date(a.date(), lang)).unwrap_or_default());
        self.time.text.set(at.map(|a| format_time(a.time(), lang)).unwrap_or_default());
        self.date.invalid.set(false);
        self.time.invalid.set(false);
    }

    /// None: nothing entered. Err: a date or a time that cannot be read
    /// (marked invalid); a day without a time is at 00:00.
    pub fn read(&self, lang: Lang) -> Result<Option<NaiveDateTime>, ()> {
        let (date, time) = (self.date.text.get_untracked(), self.time.text.get_untracked());
        let time = if time.trim().is_empty() { Some(NaiveTime::MIN) } else { parse_time(&time) };
        self.time.invalid.set(time.is_none());
        if date.trim().is_empty() {
            self.date.invalid.set(false);
            return if time.is_some() { Ok(None) } else { Err(()) };
        }
        let day = parse_date(&date, lang).ok();
        self.date.invalid.set(day.is_none());
        match (day, time) {
            (Some(day), Some(time)) => Ok(Some(day.and_time(time))),
            _ => Err(()),
        }
    }
}

#[component]
pub fn WhenField(id: &'static str, label: TextOf, when: When) -> impl IntoView {
    let state = expect_context::<AppState>();
    let time_id = format!("{id}-time");
    view! {
        <div class="row2 when">
            <DateField id=id label=label value=when.date.text invalid=when.date.invalid/>
            <div class="field" class:invalid=move || when.time.invalid.get()>
                <label for=time_id.clone()>{move || state.t().field_due_time}</label>
                <input id=time_id.clone() type="text" inputmode="decimal" dir="ltr" autocomplete="off"
                    placeholder=move || state.t().time_example aria-invalid=move || when.time.invalid.get().to_string() bind:value=when.time.text/>
                <Show when=move || when.time.invalid.get()>
                    <p class="field-error" data-testid=format!("{time_id}-error")>{move || state.t().bad_time}</p>
                </Show>
            </div>
        </div>
    }
}
