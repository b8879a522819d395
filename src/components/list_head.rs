//! A list screen's heading, with the button that adds one more of its records.

use super::Icon;
use crate::i18n::TextOf;
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn ListHead(title: TextOf, add_href: &'static str, add_label: TextOf, add_testid: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    view! {
        <div class="list-head">
            <h1>{move || title(t())}</h1>
            <a class="btn primary" href=add_href data-testid=add_testid>
                <Icon name="plus"/>{move || add_label(t())}
            </a>
        </div>
    }
}
