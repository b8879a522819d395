//! Making a survey link: for one customer or open to anyone, valid for a
//! number of days, answers going back to an address the rep gives. The
//! link is shown with copy, share and a QR code to show on the tablet.

use crate::components::CustomerPicker;
use crate::state::{AppState, LinkIssueError};
use crate::survey_page::qr_svg;
use daftar_core::locale::to_ascii_digits;
use daftar_core::surveys::Survey;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

const REPLY_TO_KEY: &str = "daftar.survey-reply-to";
const MAX_DAYS: i64 = 365;

#[component]
pub fn LinkDialog(
    survey_id: String,
    survey: Survey,
    /// Preset by the inbox's suggestion; "" lets the rep choose.
    customer_id: String,
    deal_id: String,
    on_close: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let customer = RwSignal::new(customer_id);
    let deal_id = StoredValue::new(deal_id);
    let days = RwSignal::new("14".to_string());
    let reply_to = RwSignal::new(LocalStorage::get::<String>(REPLY_TO_KEY).unwrap_or_default());
    let link = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let errors = RwSignal::new(Vec::new());
    let copied = RwSignal::new(false);
    let (survey_id, survey) = (StoredValue::new(survey_id), StoredValue::new(survey));
    let busy = RwSignal::new(false);
    let make = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(days) = to_ascii_digits(days.get_untracked().trim())
            .parse::<i64>()
            .ok()
            .filter(|d| (1..=MAX_DAYS).contains(d))
        else {
            problem.set(Some(state.t_untracked().surveys.link_days_range.to_string()));
            return;
        };
        // One link per tap: a second one would count as unanswered.
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let reply = reply_to.get_untracked().trim().to_string();
        let _ = LocalStorage::set(REPLY_TO_KEY, &reply);
        leptos::task::spawn_local(async move {
            let issued = state
                .issue_survey_link(
                    &survey_id.get_value(),
                    &survey.get_value(),
                    &customer.get_untracked(),
                    &deal_id.get_value(),
                    days,
                    &reply,
                )
                .await;
            busy.set(false);
            match issued {
                Ok(url) => {
                    problem.set(None);
                    link.set(Some(url));
                }
                Err(LinkIssueError::TooLarge) => problem.set(Some(state.t_untracked().surveys.link_too_large.to_string())),
                Err(LinkIssueError::Store(e)) => problem.set(Some(crate::i18n::store_error_text(&e, state.lang.get_untracked()))),
            }
        });
    };
    let copy = move |_| {
        let Some(url) = link.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move { copied.set(crate::browser_env::copy_text(&url).await) });
    };
    let close = on_close.clone();
    view! {
        <div class="card link-dialog" data-testid="link-dialog">
            <h2>{move || t().surveys.make_survey_link}</h2>
            {move || match link.get() {
                None => view! {
                    <form on:submit=make>
                        <CustomerPicker id="link-customer" chosen=customer errors=errors optional=true/>
                        <p class="hint muted">{move || t().surveys.link_customer_hint}</p>
                        <div class="row2">
                            <div class="field">
                                <label for="link-days">{move || t().surveys.link_valid_days}</label>
                                <input id="link-days" inputmode="numeric" bind:value=days data-testid="link-days"/>
                            </div>
                            <div class="field">
                                <label for="link-reply">{move || t().surveys.link_reply_to}</label>
                                <input id="link-reply" type="email" dir="ltr" bind:value=reply_to data-testid="link-reply"/>
                            </div>
                        </div>
                        {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
                        <div class="actions">
                            <button type="submit" class="btn primary" disabled=move || busy.get() data-testid="link-create">{move || t().surveys.make_survey_link}</button>
                            <button type="button" class="btn" on:click={let close = close.clone(); move |_| close()}>{move || t().cancel}</button>
                        </div>
                    </form>
                }.into_any(),
                Some(url) => {
                    let qr = qr_svg(&url);
                    let close = close.clone();
                    view! {
                        <p class="muted">{move || t().surveys.link_ready}</p>
                        <input class="link-url" dir="ltr" readonly prop:value=url.clone() data-testid="survey-link-url"/>
                        <div class="survey-actions">
                            <button type="button" class="btn primary" on:click=copy>{move || if copied.get() { t().surveys.copied } else { t().surveys.copy_link }}</button>
                            <a class="btn" href=format!("sms:?&body={}", String::from(js_sys::encode_uri_component(&url)))>{move || t().surveys.send_by_sms}</a>
                            <button type="button" class="btn" on:click=move |_| close()>{move || t().close}</button>
                        </div>
                        {if qr.is_empty() {
                            view! { <p class="muted">{move || t().surveys.link_too_long_for_qr}</p> }.into_any()
                        } else {
                            view! { <div class="qr" role="img" aria-label=move || t().surveys.survey_link inner_html=qr></div> }.into_any()
                        }}
                    }.into_any()
                }
            }}
        </div>
    }
}
