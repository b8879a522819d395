//! The small dashboard above the complaints list: what is open by severity,
//! the median time to resolve, and complaints per 100 active customers over
//! the last six months.

use super::{duration_text, severity_class};
use crate::i18n::{labels, Lang};
use crate::state::AppState;
use daftar_core::complaints::{dashboard, Complaint, MonthRate};
use daftar_core::locale::{format_decimal, localize_digits};
use leptos::prelude::*;

const MONTHS: usize = 6;

/// Hundredths as "1.50" ("۱٫۵۰" in Persian).
fn hundredths(n: u64, lang: Lang) -> String {
    format_decimal(n as f64 / 100.0, 2, lang)
}

#[component]
pub fn ComplaintsDashboard(complaints: Vec<Complaint>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let complaints = StoredValue::new(complaints);
    let now = js_sys::Date::now() as i64;
    let board = Memo::new(move |_| {
        let lang = state.lang.get();
        // Active customers: every customer in the list (merged and deleted ones are not in it).
        let active = state.customers.with(|c| c.len());
        complaints.with_value(|all| dashboard(all, active, MONTHS, now, lang, &|ms| crate::browser_env::ms_to_local(ms).date()))
    });
    let rates = move || board.with(|b| b.months.clone());
    let widest = move || board.with(|b| b.months.iter().map(|m| m.opened).max().unwrap_or(0)).max(1);
    view! {
        <div class="card complaint-dashboard" data-testid="complaints-dashboard">
            <div class="complaint-stats">
                <div>
                    <h2>{move || t().complaints.complaints_open_by_severity}</h2>
                    <ul class="plain-list complaint-severities">
                        {move || board.with(|b| b.open_by_severity).into_iter().rev().map(|(severity, n)| view! {
                            <li data-testid="open-by-severity">
                                <span class=severity_class(severity)>{move || labels::complaint_severity(severity, t())}</span>
                                <strong>{move || localize_digits(&n.to_string(), state.lang.get())}</strong>
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
                <div>
                    <h2>{move || t().complaints.complaints_median_resolution}</h2>
                    <p class="complaint-big" data-testid="median-resolution">
                        {move || match board.with(|b| b.median_resolution_ms) {
                            Some(ms) => duration_text(ms, t()),
                            None => t().complaints.complaints_none_resolved.to_string(),
                        }}
                    </p>
                </div>
            </div>
            <h2>{move || t().complaints.complaints_rate}</h2>
            <ul class="plain-list complaint-rates" data-testid="complaint-rates">
                {move || rates().into_iter().map(|row| view! { <RateRow row widest=widest()/> }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
fn RateRow(row: MonthRate, widest: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = move || state.lang.get();
    let width = format!("inline-size: {}%", row.opened * 100 / widest);
    let (opened, per_100) = (row.opened, row.per_100);
    view! {
        <li class="complaint-rate">
            <span class="complaint-month">{row.month.title()}</span>
            <span class="complaint-bar" aria-hidden="true"><span style=width></span></span>
            <span class="complaint-rate-value">
                <strong>{move || per_100.map(|n| hundredths(n, lang())).unwrap_or_else(|| "–".to_string())}</strong>
                <span class="muted">{move || format!(" {}", t().complaints.opened_count(opened as i64))}</span>
            </span>
        </li>
    }
}
