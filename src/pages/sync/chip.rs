use super::words::error_text;
use crate::state::AppState;
use crate::sync::SyncStatus;
use daftar_core::locale::localize_digits;
use leptos::prelude::*;

/// Sync's state in the top bar, always visible once a server is set up:
/// offline / syncing n of m / up to date at HH:MM / failed, the count of
/// changes waiting, and the clashes to review. Opens the sync settings.
#[component]
pub fn SyncChip() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = move || state.lang.get();
    let text = move || {
        let t = t();
        let main = match state.sync.status.get() {
            SyncStatus::Off => return None,
            SyncStatus::Offline => t.sync.sync_status_offline.to_string(),
            SyncStatus::Syncing(p) if p.total == 0 => t.sync.sync_status_starting.to_string(),
            SyncStatus::Syncing(p) => t.sync.sync_status_syncing(p.done.min(p.total) as i64, p.total as i64),
            SyncStatus::UpToDate { at_ms } => t.sync.sync_status_up_to_date(&clock_time(at_ms, lang())),
            SyncStatus::Failed(_) => t.sync.sync_status_failed.to_string(),
        };
        let waiting = state.sync.waiting.get();
        Some(if waiting > 0 { format!("{main}{}{}", t.part_separator, t.sync.sync_waiting(waiting as i64)) } else { main })
    };
    let failed = move || matches!(state.sync.status.get(), SyncStatus::Failed(_));
    let detail = move || match state.sync.status.get() {
        SyncStatus::Failed(e) => error_text(t(), lang(), &e, &state.sync.config.get().map(|c| c.db).unwrap_or_default()),
        _ => String::new(),
    };
    let to_review = move || state.sync.review.with(|r| r.len());
    view! {
        {move || text().map(|text| view! {
            <a class="chip" href="/settings/sync" class:error=failed title=detail data-runs=move || state.sync.runs.get() data-testid="sync-chip">{text}</a>
        })}
        <Show when=move || to_review() != 0>
            <a class="chip error" href="/sync/review" data-testid="sync-review-chip">{move || t().sync.sync_review_count(to_review() as i64)}</a>
        </Show>
    }
}

/// HH:MM on this device's clock, in the language's digits.
fn clock_time(at_ms: f64, lang: daftar_core::locale::Lang) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms));
    localize_digits(&format!("{:02}:{:02}", date.get_hours(), date.get_minutes()), lang)
}
