//! A date in the user's calendar plus a time of day: when an activity
//! happened or a task is due.

use super::DateField;
use crate::i18n::{Lang, TextOf};
use crate::state::AppState;
use chrono::{NaiveDateTime, NaiveTime};
use daftar_core::locale::{format_date, parse_date};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct When {
    /// As typed, in the current language's calendar.
    pub date: RwSignal<String>,
    /// `HH:MM` from the time input (always ASCII digits).
    pub time: RwSignal<String>,
    pub invalid: RwSignal<bool>,
}

impl When {
    pub fn new(at: Option<NaiveDateTime>, lang: Lang) -> Self {
        Self {
            date: RwSignal::new(at.map(|a| format_date(a.date(), lang)).unwrap_or_default()),
            time: RwSignal::new(at.map(|a| a.format("%H:%M").to_string()).unwrap_or_default()),
            invalid: RwSignal::new(false),
        }
    }

    /// None: nothing entered. Err: a date that cannot be read (`invalid` is set).
    pub fn read(&self, lang: Lang) -> Result<Option<NaiveDateTime>, ()> {
        let date = self.date.get_untracked();
        if date.trim().is_empty() {
            self.invalid.set(false);
            return Ok(None);
        }
        let Ok(day) = parse_date(&date, lang) else {
            self.invalid.set(true);
            return Err(());
        };
        self.invalid.set(false);
        let time = NaiveTime::parse_from_str(self.time.get_untracked().trim(), "%H:%M").unwrap_or(NaiveTime::MIN);
        Ok(Some(day.and_time(time)))
    }
}

#[component]
pub fn WhenField(id: &'static str, label: TextOf, when: When) -> impl IntoView {
    let state = expect_context::<AppState>();
    let time_id = format!("{id}-time");
    view! {
        <div class="row2 when">
            <DateField id=id label=label value=when.date invalid=when.invalid/>
            <div class="field">
                <label for=time_id.clone()>{move || state.t().field_due_time}</label>
                <input id=time_id type="time" dir="ltr" bind:value=when.time/>
            </div>
        </div>
    }
}
