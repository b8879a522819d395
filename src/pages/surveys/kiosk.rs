//! Kiosk mode: the rep's tablet handed to customers, one response after
//! another. Full screen, nothing of the app reachable; each response is
//! saved at once; the form resets after the thank-you and when left idle;
//! only the rep's PIN leaves — the lock survives the back button, a typed
//! URL and a reload (it lives in localStorage and a guard holds the route).

use crate::browser_env::BrowserEnv;
use crate::components::CustomerPicker;
use crate::settings::{load_kiosk, save_kiosk};
use crate::state::AppState;
use crate::survey_form::{LanguagePicker, SurveyForm};
use daftar_core::env::Env;
use daftar_core::locale::localize_digits;
use daftar_core::surveys::kiosk::{recovery_code, KioskLock, PinError};
use daftar_core::surveys::{Answers, Channel, Response, Survey, SURVEY};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

/// After this long untouched, a half-answered form starts over (the next
/// customer must not see the last one's answers).
const IDLE_MS: i32 = 90_000;
/// How long the thank-you shows before the next respondent's form.
const THANKS_MS: i32 = 8_000;

fn kiosk_path(lock: &KioskLock) -> String {
    format!("/surveys/{}/kiosk", lock.survey_id)
}

/// Holds the route on the kiosk while a lock is set, whatever navigation
/// is tried — also in the app's other open tabs, which learn of the lock
/// from the storage event. Mounted once inside the router.
#[component]
pub fn KioskGuard() -> impl IntoView {
    let location = use_location();
    let navigate = use_navigate();
    let stored = RwSignal::new(0u32);
    // For the life of the page (the handle is not needed to keep it).
    let _ = window_event_listener(leptos::ev::storage, move |_| stored.update(|n| *n += 1));
    Effect::new(move || {
        stored.track();
        let path = location.pathname.get();
        if let Some(lock) = load_kiosk() {
            let home = kiosk_path(&lock);
            if path != home {
                navigate(
                    &home,
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
        }
    });
}

/// Where the rep chooses the customer and the PIN, then starts.
#[component]
pub fn KioskStart(
    survey_id: String,
    on_cancel: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let customer = RwSignal::new(String::new());
    let (pin, again) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let problem = RwSignal::new(None::<PinError>);
    let errors = RwSignal::new(Vec::new());
    let navigate = use_navigate();
    let survey_id = StoredValue::new(survey_id);
    // Shown before the start, so the rep can note it: it opens the kiosk
    // if the PIN is forgotten.
    let recovery = recovery_code(BrowserEnv.random_bytes());
    let grouped = format!("{}-{}-{}", &recovery[..3], &recovery[3..6], &recovery[6..]);
    let recovery = StoredValue::new(recovery);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match KioskLock::new(
            &survey_id.get_value(),
            &customer.get_untracked(),
            &pin.get_untracked(),
            &again.get_untracked(),
            &recovery.get_value(),
        ) {
            Ok(lock) => {
                save_kiosk(Some(&lock));
                // Asked for inside the tap, as browsers require; refused is fine.
                if let Some(root) = document().document_element() {
                    let _ = root.request_fullscreen();
                }
                navigate(&kiosk_path(&lock), Default::default());
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <form class="card kiosk-start" on:submit=start data-testid="kiosk-start">
            <h2>{move || t().surveys.kiosk_mode}</h2>
            <p class="muted">{move || t().surveys.kiosk_explained}</p>
            <CustomerPicker id="kiosk-customer" chosen=customer errors=errors optional=true/>
            <p class="hint muted">{move || t().surveys.kiosk_customer_hint}</p>
            <div class="row2">
                <div class="field">
                    <label for="kiosk-pin">{move || t().surveys.kiosk_pin}</label>
                    <input id="kiosk-pin" type="password" inputmode="numeric" autocomplete="off" bind:value=pin data-testid="kiosk-pin"/>
                </div>
                <div class="field">
                    <label for="kiosk-pin-again">{move || t().surveys.kiosk_pin_again}</label>
                    <input id="kiosk-pin-again" type="password" inputmode="numeric" autocomplete="off" bind:value=again data-testid="kiosk-pin-again"/>
                </div>
            </div>
            <p class="kiosk-recovery">{move || t().surveys.kiosk_recovery}" "<strong dir="ltr" data-testid="kiosk-recovery">{localize_digits(&grouped, state.lang.get_untracked())}</strong></p>
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{move || crate::i18n::pin_error_text(p, state.lang.get())}</p> })}
            <div class="actions">
                <button type="submit" class="btn primary" data-testid="kiosk-go">{move || t().surveys.kiosk_begin}</button>
                <button type="button" class="btn" on:click=move |_| on_cancel()>{move || t().cancel}</button>
            </div>
        </form>
    }
}

#[component]
pub fn SurveyKiosk() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(lock) = load_kiosk() else {
        // Opened without a lock (an old bookmark): nothing to hold.
        return view! { <p class="alert">{move || state.t().surveys.kiosk_not_started}</p> }.into_any();
    };
    let lock = StoredValue::new(lock);
    let survey = LocalResource::new(move || {
        state.store_status.track();
        async move {
            state
                .record(SURVEY, &lock.with_value(|l| l.survey_id.clone()))
                .await
                .ok()
                .flatten()
                .and_then(|r| r.decode::<Survey>().ok())
        }
    });
    view! {
        <div class="kiosk" data-testid="kiosk">
            <Suspense fallback=|| ()>
                {move || survey.get().map(|s| match s {
                    Some(s) => view! { <KioskRun survey=s lock=lock.get_value()/> }.into_any(),
                    None => view! { <p class="alert">{move || state.t().surveys.survey_gone}</p><KioskExit lock=lock.get_value()/> }.into_any(),
                })}
            </Suspense>
        </div>
    }
    .into_any()
}

#[component]
fn KioskRun(survey: Survey, lock: KioskLock) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = RwSignal::new(state.lang.get_untracked());
    let answers = RwSignal::new(Answers::new());
    let round = RwSignal::new(0u32);
    let thanking = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    let survey = StoredValue::new(survey);
    let lock = StoredValue::new(lock);
    // The next person starts clean: no answers, the app's language, no error.
    let next = move || {
        answers.set(Answers::new());
        lang.set(state.lang.get_untracked());
        failed.set(None);
        thanking.set(false);
        round.update(|n| *n += 1);
    };
    let on_submit = Callback::new(move |kept: Answers| {
        // A second tap while the first is being written would file it twice.
        if saving.get_untracked() {
            return;
        }
        saving.set(true);
        let response = Response {
            survey_id: lock.with_value(|l| l.survey_id.clone()),
            survey_name: survey.with_value(|s| s.name.clone()),
            customer_id: lock.with_value(|l| l.customer_id.clone()),
            channel: Channel::Kiosk,
            lang: lang.get_untracked(),
            answered_ms: js_sys::Date::now() as i64,
            answers: kept,
            ..Default::default()
        };
        leptos::task::spawn_local(async move {
            let filed = state
                .file_kiosk_response(response, &survey.get_value())
                .await;
            saving.set(false);
            match filed {
                Ok(_) => {
                    failed.set(None);
                    thanking.set(true);
                    let shown = round.get_untracked();
                    // The kiosk may be gone by then (left with the PIN): the
                    // signals are read only if they still exist.
                    set_timeout(
                        move || {
                            if round.try_get_untracked() == Some(shown)
                                && thanking.try_get_untracked() == Some(true)
                            {
                                next()
                            }
                        },
                        std::time::Duration::from_millis(THANKS_MS as u64),
                    );
                }
                Err(e) => failed.set(Some(crate::i18n::store_error_text(
                    &e,
                    state.lang.get_untracked(),
                ))),
            }
        });
    });
    // Idle: any touch or key restarts the clock; a form with answers left
    // alone that long starts over.
    let last_touch = StoredValue::new(js_sys::Date::now());
    let touched = move || last_touch.set_value(js_sys::Date::now());
    let idle = set_interval_with_handle(
        move || {
            let quiet = js_sys::Date::now() - last_touch.get_value();
            if quiet >= f64::from(IDLE_MS)
                && !answers.with_untracked(|a| a.is_empty())
                && !thanking.get_untracked()
            {
                next();
            }
        },
        std::time::Duration::from_secs(5),
    )
    .ok();
    on_cleanup(move || {
        if let Some(h) = idle {
            h.clear()
        }
    });
    view! {
        <div class="kiosk-body" lang=move || lang.get().code() dir=move || lang.get().dir()
            on:pointerdown=move |_| touched() on:keydown=move |_| touched() data-round=move || round.get().to_string()>
            <div class="kiosk-top">
                <LanguagePicker lang/>
                <KioskExit lock=lock.get_value()/>
            </div>
            {move || failed.get().map(|f| view! { <p class="alert" role="alert">{f}</p> })}
            {move || {
                round.track();
                if thanking.get() {
                    view! {
                        <div class="kiosk-thanks" data-testid="kiosk-thanks">
                            <h1>{move || survey.with_value(|s| s.thanks.get(lang.get()).to_string())}</h1>
                            <button type="button" class="btn primary survey-submit" on:click=move |_| next() data-testid="kiosk-next">{move || crate::i18n::texts(lang.get()).surveys.kiosk_next_person}</button>
                        </div>
                    }.into_any()
                } else {
                    view! { <SurveyForm survey=survey.get_value() lang answers on_submit busy=Signal::from(saving)/> }.into_any()
                }
            }}
        </div>
    }
}

/// The way out: a small button, then the PIN.
#[component]
fn KioskExit(lock: KioskLock) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let asking = RwSignal::new(false);
    let pin = RwSignal::new(String::new());
    let wrong = RwSignal::new(false);
    let navigate = use_navigate();
    let lock = StoredValue::new(lock);
    let leave = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lock.get_value();
        if l.opens(&pin.get_untracked()) {
            save_kiosk(None);
            if document().fullscreen_element().is_some() {
                document().exit_fullscreen();
            }
            navigate(
                &format!("/surveys/{}", l.survey_id),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        } else {
            wrong.set(true);
            pin.set(String::new());
        }
    };
    view! {
        <Show when=move || asking.get() fallback=move || view! {
            <button type="button" class="btn ghost kiosk-exit" on:click=move |_| asking.set(true) data-testid="kiosk-exit">{move || t().surveys.kiosk_leave}</button>
        }>
            <form class="kiosk-pin-pad card" on:submit=leave.clone() data-testid="kiosk-exit-form">
                <label for="kiosk-exit-pin">{move || t().surveys.kiosk_enter_pin}</label>
                <input id="kiosk-exit-pin" type="password" inputmode="numeric" autocomplete="off" bind:value=pin data-testid="kiosk-exit-pin"/>
                {move || wrong.get().then(|| view! { <p class="field-error" role="alert" data-testid="kiosk-wrong-pin">{move || t().surveys.kiosk_wrong_pin}</p> })}
                <button type="submit" class="btn primary">{move || t().surveys.kiosk_leave}</button>
                <button type="button" class="btn" on:click=move |_| { asking.set(false); wrong.set(false); pin.set(String::new()) }>{move || t().cancel}</button>
            </form>
        </Show>
    }
}
