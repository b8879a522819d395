//! Filing a response code a customer sent back: pasted from a message or an
//! email, or scanned from the QR code on their phone. The code is checked (issued here, intact, not expired, not used)
//! before anything is written; a refusal says why.

use crate::components::ScanButton;
use crate::i18n::import_error_text;
use crate::state::{AppState, Filed, ImportError};
use daftar_core::surveys::Alert;
use leptos::prelude::*;

#[component]
pub fn ImportCode() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let code = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Result<Filed, ImportError>>);
    let busy = RwSignal::new(false);
    let import = move || {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = state.import_response_code(&code.get_untracked()).await;
            if result.is_ok() {
                code.set(String::new());
            }
            outcome.set(Some(result));
            busy.set(false);
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        import();
    };
    let scanned = Callback::new(move |text: String| {
        code.set(text);
        import();
    });
    view! {
        <section class="page">
            <h1>{move || t().surveys.import_response_code}</h1>
            <p class="muted">{move || t().surveys.import_code_explained}</p>
            <ScanButton formats=&["qr_code"] on_code=scanned/>
            <form on:submit=submit>
                <div class="field">
                    <label for="response-code-input">{move || t().surveys.response_code}</label>
                    <textarea id="response-code-input" dir="ltr" rows="6" bind:value=code data-testid="code-input"></textarea>
                </div>
                <button type="submit" class="btn primary" disabled=move || busy.get() || code.with(|c| c.trim().is_empty()) data-testid="code-import">{move || t().surveys.import_code_button}</button>
            </form>
            {move || outcome.get().map(|o| match o {
                Ok(filed) => view! {
                    <div class="card success" role="status" data-testid="code-filed">
                        <p>{move || t().surveys.code_filed}</p>
                        {filed.alert.map(|a| view! { <p class="alert">{move || match a { Alert::Detractor { .. } | Alert::LowCsat { .. } => t().surveys.complaint_opened_for_score }}</p> })}
                        <a class="btn" href=format!("/surveys/{}", filed.survey_id)>{move || t().surveys.see_results}</a>
                        {(!filed.customer_id.is_empty()).then(|| view! { <a class="btn" href=format!("/customers/{}", filed.customer_id)>{move || t().surveys.open_customer}</a> })}
                    </div>
                }.into_any(),
                Err(e) => view! { <p class="alert" role="alert" data-testid="code-refused">{move || import_error_text(&e, state.lang.get())}</p> }.into_any(),
            })}
        </section>
    }
}
