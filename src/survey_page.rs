//! The page a survey link opens (`/s/#…`), built as its own small wasm
//! binary. It renders the survey from the link alone — it opens no
//! database and reads nothing of the device — and hands the answers back as
//! a sealed response code: posted to the business's survey inbox when the
//! link names one, and always there to copy, share, email or show as a QR
//! code should that fail.

use crate::browser_env::BrowserEnv;
use crate::survey_form::{page_texts, LanguagePicker, SurveyForm};
use daftar_core::env::Env;
use daftar_core::locale::{format_date, Lang};
use daftar_core::surveys::seal::{open_link, seal_response, OpenedLink};
use daftar_core::surveys::{Answers, LinkAnswers, LinkPayload};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub fn start() {
    console_error_panic_hook::set_once();
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    mount_to_body(SurveyPage);
}

fn browser_lang() -> Lang {
    let tag = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    Lang::from_code(&tag).unwrap_or_default()
}

fn read_link() -> Option<(OpenedLink, LinkPayload)> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let link = open_link(&hash).ok()?;
    let payload = LinkPayload::from_bytes(&link.survey)?;
    Some((link, payload))
}

#[component]
fn SurveyPage() -> impl IntoView {
    let lang = RwSignal::new(browser_lang());
    Effect::new(move || {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().code());
            let _ = html.set_attribute("dir", lang.get().dir());
        }
    });
    let body = match read_link() {
        None => view! { <p class="survey-notice" role="alert" data-testid="survey-broken">{move || page_texts(lang.get()).broken_link}</p> }.into_any(),
        Some((_, payload)) if payload.expires_ms < BrowserEnv.now_ms() => {
            view! { <p class="survey-notice" role="alert" data-testid="survey-expired">{move || page_texts(lang.get()).expired}</p> }.into_any()
        }
        Some((link, payload)) => view! { <Answering link payload lang/> }.into_any(),
    };
    view! {
        <main class="survey-page">
            <LanguagePicker lang/>
            {body}
        </main>
    }
}

#[component]
fn Answering(link: OpenedLink, payload: LinkPayload, lang: RwSignal<Lang>) -> impl IntoView {
    let answers = RwSignal::new(Answers::new());
    let code: RwSignal<Option<String>> = RwSignal::new(None);
    let failed = RwSignal::new(false);
    let delivery = RwSignal::new(Delivery::ByHand);
    let inbox = payload.inbox.clone();
    let link = StoredValue::new(link);
    let thanks = payload.survey.thanks.clone();
    let reply_to = payload.reply_to.clone();
    let until = payload.expires_ms;
    let on_submit = Callback::new(move |kept: Answers| {
        let sealed = LinkAnswers {
            answers: kept,
            lang: lang.get_untracked(),
            answered_ms: BrowserEnv.now_ms(),
        };
        let mut ephemeral = [0u8; 32];
        ephemeral[..16].copy_from_slice(&BrowserEnv.random_bytes());
        ephemeral[16..].copy_from_slice(&BrowserEnv.random_bytes());
        let result = serde_json::to_vec(&sealed)
            .ok()
            .and_then(|bytes| link.with_value(|l| seal_response(l, &bytes, ephemeral).ok()));
        failed.set(result.is_none());
        if let (Some(code), false) = (&result, inbox.is_empty()) {
            delivery.set(Delivery::Sending);
            let (inbox, code, id) = (inbox.clone(), code.clone(), BrowserEnv.new_id());
            leptos::task::spawn_local(async move {
                let sent = crate::sync::http::post_response(&inbox, &id, &code).await;
                delivery.set(if sent { Delivery::Sent } else { Delivery::Failed });
            });
        }
        code.set(result);
        scroll_to_top();
    });
    let until_text = move || {
        let day = crate::browser_env::ms_to_local(until).date();
        format!(
            "{} {}",
            page_texts(lang.get()).open_until,
            format_date(day, lang.get())
        )
    };
    view! {
        {move || match code.get() {
            None => view! {
                <SurveyForm survey=payload.survey.clone() lang answers on_submit/>
                <p class="muted survey-until">{until_text}</p>
                {move || failed.get().then(|| view! { <p class="field-error" role="alert">{move || page_texts(lang.get()).sealing_failed}</p> })}
            }.into_any(),
            Some(code) => view! { <SendBack code thanks=thanks.clone() reply_to=reply_to.clone() delivery lang/> }.into_any(),
        }}
    }
}

/// How the sealed code reaches the business.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Delivery {
    /// No inbox: the respondent sends it.
    ByHand,
    Sending,
    Sent,
    /// Posting to the inbox failed: the respondent sends it.
    Failed,
}

#[component]
fn SendBack(
    code: String,
    thanks: daftar_core::surveys::Text,
    reply_to: String,
    delivery: RwSignal<Delivery>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let status: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let qr = qr_svg(&code);
    let mailto = format!(
        "mailto:{}?subject={}&body={}",
        reply_to,
        encode(page_texts(lang.get_untracked()).email_subject),
        encode(&code)
    );
    let can_share = web_sys::window()
        .is_some_and(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false));
    let code = StoredValue::new(code);
    let copy = move |_| {
        let texts = page_texts(lang.get_untracked());
        leptos::task::spawn_local(async move {
            let ok = crate::browser_env::copy_text(&code.get_value()).await;
            status.set(Some(if ok { texts.copied } else { texts.copy_failed }));
        });
    };
    let share = move |_| {
        let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
            return;
        };
        let data = web_sys::ShareData::new();
        data.set_title(page_texts(lang.get_untracked()).email_subject);
        data.set_text(&code.get_value());
        // Cancelling the share sheet rejects the promise: nothing to say then.
        let _ = navigator.share_with_data(&data);
    };
    view! {
        <section class="survey-done" data-testid="survey-done">
            <h1>{move || thanks.get(lang.get()).to_string()}</h1>
            {move || match delivery.get() {
                Delivery::Sending => Some(view! { <p class="survey-notice" role="status" data-testid="response-sending">{page_texts(lang.get()).sending}</p> }),
                Delivery::Sent => Some(view! { <p class="survey-notice" role="status" data-testid="response-sent">{page_texts(lang.get()).sent}</p> }),
                Delivery::Failed => Some(view! { <p class="survey-notice" role="alert" data-testid="response-send-failed">{page_texts(lang.get()).send_failed}</p> }),
                Delivery::ByHand => None,
            }}
            <div class="send-back" class:hidden=move || delivery.get() == Delivery::Sent>
            <h2>{move || page_texts(lang.get()).send_back_title}</h2>
            <p>{move || page_texts(lang.get()).send_back}</p>
            <label for="response-code">{move || page_texts(lang.get()).code_label}</label>
            <textarea id="response-code" class="response-code" dir="ltr" readonly rows="6" data-testid="response-code"
                on:focus=|ev| { if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) { t.select(); } }>
                {code.get_value()}
            </textarea>
            <div class="survey-actions">
                <button type="button" class="btn primary" on:click=copy data-testid="copy-code">{move || page_texts(lang.get()).copy}</button>
                {can_share.then(|| view! { <button type="button" class="btn" on:click=share>{move || page_texts(lang.get()).share}</button> })}
                <a class="btn" href=mailto>{move || page_texts(lang.get()).email}</a>
            </div>
            <p class="muted" role="status">{move || status.get()}</p>
            <p class="muted">{move || page_texts(lang.get()).qr_hint}</p>
            <div class="qr" role="img" inner_html=qr aria-label=move || page_texts(lang.get()).code_label></div>
            </div>
        </section>
    }
}

/// The code as a QR image (SVG); low error correction keeps a 900-character
/// code at a size phone cameras read off a screen.
pub fn qr_svg(text: &str) -> String {
    use qrcode::render::svg;
    match qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::L) {
        Ok(code) => code
            .render::<svg::Color>()
            .min_dimensions(240, 240)
            .quiet_zone(true)
            .build(),
        Err(_) => String::new(),
    }
}

fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
