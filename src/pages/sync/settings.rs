use super::words::{cors_fix, error_text, problem_text, setting_text};
use crate::state::AppState;
use crate::sync::config::{SignIn, SyncConfig};
use crate::sync::http::{CouchServer, Problem};
use crate::sync::SyncStatus;
use daftar_core::sync::settings::{database_name, server_url};
use leptos::prelude::*;

/// What the last button press found.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Connected,
    Saved,
    SignedOut,
    Invalid(&'static str),
    Failed(Problem),
}

#[component]
pub fn SyncSettingsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let saved = state.sync.config.get_untracked().unwrap_or_else(|| SyncConfig { db: "daftar".into(), ..SyncConfig::default() });
    let url = RwSignal::new(saved.url.clone());
    let db = RwSignal::new(saved.db.clone());
    let user = RwSignal::new(saved.user.clone());
    let password = RwSignal::new(String::new());
    let inbox = RwSignal::new(saved.inbox.clone());
    let method = RwSignal::new(saved.method);
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = RwSignal::new(false);

    let typed = move || -> Result<SyncConfig, &'static str> {
        let t = state.t_untracked();
        let url = server_url(&url.get_untracked()).map_err(|p| setting_text(t, &p))?;
        let db = database_name(&db.get_untracked()).map_err(|p| setting_text(t, &p))?;
        let method = method.get_untracked();
        let password = if method == SignIn::Basic { password.get_untracked() } else { String::new() };
        let inbox = match inbox.get_untracked().trim() {
            "" => String::new(),
            typed => database_name(typed).map_err(|p| setting_text(t, &p))?,
        };
        Ok(SyncConfig { url, db, user: user.get_untracked().trim().to_string(), method, password, inbox })
    };
    // Signs in (a cookie session needs the password once) and checks the
    // server and database; `save` then keeps the settings and syncs.
    let try_settings = move |save: bool| {
        if busy.get_untracked() {
            return;
        }
        let config = match typed() {
            Ok(config) => config,
            Err(text) => return outcome.set(Some(Outcome::Invalid(text))),
        };
        busy.set(true);
        outcome.set(None);
        leptos::task::spawn_local(async move {
            let server = CouchServer::new(config.clone());
            let mut checked = Ok(());
            if config.method == SignIn::Cookie {
                checked = server.sign_in(&password.get_untracked()).await;
            }
            if checked.is_ok() {
                checked = server.check().await;
            }
            match checked {
                Ok(()) if save => {
                    outcome.set(Some(Outcome::Saved));
                    crate::sync::connect(state, config).await;
                }
                Ok(()) => outcome.set(Some(Outcome::Connected)),
                Err(problem) => outcome.set(Some(Outcome::Failed(problem))),
            }
            busy.set(false);
        });
    };
    let sign_out = move |_| {
        leptos::task::spawn_local(async move {
            crate::sync::disconnect(state).await;
            password.set(String::new());
            outcome.set(Some(Outcome::SignedOut));
        });
    };
    let configured = move || state.sync.config.with(Option::is_some);
    let db_name = move || db.get();
    let outcome_view = move || {
        let t = t();
        outcome.get().map(|o| match o {
            Outcome::Connected => view! { <p class="notice ok" data-testid="sync-outcome">{t.sync.sync_connection_ok}</p> }.into_any(),
            Outcome::Saved => view! { <p class="notice ok" data-testid="sync-outcome">{t.sync.sync_saved}</p> }.into_any(),
            Outcome::SignedOut => view! { <p class="notice ok" data-testid="sync-outcome">{t.sync.sync_signed_out}</p> }.into_any(),
            Outcome::Invalid(text) => view! { <p class="alert" role="alert" data-testid="sync-outcome">{text}</p> }.into_any(),
            Outcome::Failed(problem) => {
                let fix = (problem == Problem::Cors).then(|| cors_fix(&url.get_untracked(), &crate::browser_env::origin()));
                view! {
                    <div class="alert" role="alert" data-testid="sync-outcome">
                        <p>{problem_text(t, state.lang.get_untracked(), &problem, &db_name())}</p>
                        {fix.map(|fix| view! { <pre class="code" dir="ltr" data-testid="cors-fix">{fix}</pre> })}
                    </div>
                }
                .into_any()
            }
        })
    };
    let last_run = move || match state.sync.status.get() {
        SyncStatus::Failed(e) => Some(error_text(t(), state.lang.get(), &e, &db_name())),
        _ => None,
    };
    let inbox_failed = move || {
        let inbox = state.sync.config.get().map(|c| c.inbox).unwrap_or_default();
        state.sync.inbox_error.get().map(|e| t().sync.sync_inbox_error(&error_text(t(), state.lang.get(), &e, &inbox)))
    };
    view! {
        <section class="page sync-settings">
            <h1>{move || t().sync.sync}</h1>
            <p class="muted">{move || t().sync.sync_hint}</p>
            <form class="card form" on:submit=move |ev| { ev.prevent_default(); try_settings(true); }>
                <div class="field">
                    <label for="sync-url">{move || t().sync.sync_server_url}</label>
                    <input id="sync-url" type="url" dir="ltr" inputmode="url" autocomplete="url" placeholder="https://couch.example.com" bind:value=url data-testid="sync-url"/>
                </div>
                <div class="field">
                    <label for="sync-db">{move || t().sync.sync_database}</label>
                    <input id="sync-db" dir="ltr" autocapitalize="none" bind:value=db data-testid="sync-db"/>
                </div>
                <div class="field">
                    <label for="sync-method">{move || t().sync.sync_sign_in_method}</label>
                    <select id="sync-method" data-testid="sync-method"
                        on:change=move |ev| method.set(match event_target_value(&ev).as_str() { "basic" => SignIn::Basic, "none" => SignIn::None, _ => SignIn::Cookie })
                        prop:value=move || match method.get() { SignIn::Cookie => "cookie", SignIn::Basic => "basic", SignIn::None => "none" }>
                        <option value="cookie">{move || t().sync.sync_method_cookie}</option>
                        <option value="basic">{move || t().sync.sync_method_basic}</option>
                        <option value="none">{move || t().sync.sync_method_none}</option>
                    </select>
                </div>
                <Show when=move || method.get() != SignIn::None>
                    <div class="field">
                        <label for="sync-user">{move || t().sync.sync_user}</label>
                        <input id="sync-user" dir="ltr" autocapitalize="none" autocomplete="username" bind:value=user data-testid="sync-user"/>
                    </div>
                    <div class="field">
                        <label for="sync-password">{move || t().sync.sync_password}</label>
                        <input id="sync-password" type="password" dir="ltr" autocomplete="current-password" bind:value=password data-testid="sync-password"/>
                    </div>
                </Show>
                <div class="field">
                    <label for="sync-inbox">{move || t().sync.sync_inbox}</label>
                    <input id="sync-inbox" dir="ltr" autocapitalize="none" placeholder="daftar-inbox" bind:value=inbox data-testid="sync-inbox"/>
                    <p class="hint muted">{move || t().sync.sync_inbox_hint}</p>
                </div>
                {outcome_view}
                <div class="actions">
                    <button type="button" class="btn" disabled=move || busy.get() on:click=move |_| try_settings(false) data-testid="sync-test">{move || t().sync.sync_test}</button>
                    <button type="submit" class="btn primary" disabled=move || busy.get() data-testid="sync-save">{move || t().sync.sync_save}</button>
                </div>
            </form>
            <Show when=configured>
                <div class="card">
                    {move || last_run().map(|text| view! { <p class="alert" role="alert" data-testid="sync-last-error">{text}</p> })}
                    {move || inbox_failed().map(|text| view! { <p class="alert" role="alert" data-testid="sync-inbox-error">{text}</p> })}
                    <div class="actions">
                        <button class="btn primary" on:click=move |_| leptos::task::spawn_local(crate::sync::run(state)) data-testid="sync-now">{move || t().sync.sync_now}</button>
                        <a class="btn" href="/sync/review" data-testid="sync-review-link">{move || t().sync.sync_review}</a>
                        <button class="btn danger" on:click=sign_out data-testid="sync-sign-out">{move || t().sync.sync_sign_out}</button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
