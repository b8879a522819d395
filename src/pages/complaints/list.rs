//! `/complaints`: the dashboard, then the complaints — open ones first,
//! newest first — with a filter for open only or all.

use super::dashboard::ComplaintsDashboard;
use super::severity_class;
use crate::i18n::labels;
use crate::state::{AppState, StoreStatus};
use daftar_core::complaints::{Complaint, COMPLAINT};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ComplaintList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let query = use_query_map();
    let show_all = move || query.with(|q| q.get("show").as_deref() == Some("all"));
    let complaints = LocalResource::new(move || {
        state.changes.track();
        let ready = state.store_status.get() == StoreStatus::Ready;
        async move {
            if !ready {
                return None;
            }
            let all = state.all_live(COMPLAINT).await.unwrap_or_default();
            let mut rows: Vec<(String, Complaint)> = all.iter().filter_map(|r| Some((r.id.clone(), r.decode::<Complaint>().ok()?))).collect();
            rows.sort_by_key(|(_, c)| (!c.status.is_open(), std::cmp::Reverse(c.opened_ms)));
            Some(rows)
        }
    });
    let filters: [(bool, &str, crate::i18n::TextOf); 2] = [(false, "/complaints", |t| t.complaints.complaints_filter_open), (true, "/complaints?show=all", |t| t.complaints.complaints_filter_all)];
    view! {
        <section class="page" data-testid="complaints-page">
            <crate::components::ListHead title=|t| t.complaints.complaints_title add_href="/complaints/new" add_label=|t| t.complaints.complaint_new add_testid="complaint-new"/>
            <Suspense fallback=move || view! { <p class="muted">{move || t().loading}</p> }>
                {move || complaints.get().flatten().map(|rows| {
                    let all: Vec<Complaint> = rows.iter().map(|(_, c)| c.clone()).collect();
                    let rows = StoredValue::new(rows);
                    let shown = move || rows.with_value(|rows| rows.iter().filter(|(_, c)| show_all() || c.status.is_open()).cloned().collect::<Vec<_>>());
                    view! {
                        <ComplaintsDashboard complaints=all/>
                        <nav class="pipeline-tabs complaint-filters" aria-label=move || t().complaints.complaints_title>
                            {filters.map(|(all, href, label)| view! {
                                <a class="tab" href=href aria-current=move || (show_all() == all).then_some("page")>{move || label(t())}</a>
                            })}
                        </nav>
                        <ul class="plain-list card" data-testid="complaint-list">
                            {move || {
                                let shown = shown();
                                let empty = shown.is_empty().then(|| view! {
                                    <li class="muted">{move || if show_all() { t().complaints.complaints_empty } else { t().complaints.complaints_none_open }}</li>
                                });
                                (empty, shown.into_iter().map(|(id, c)| view! { <ComplaintRow id complaint=c/> }).collect_view())
                            }}
                        </ul>
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ComplaintRow(id: String, complaint: Complaint) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let customer_id = complaint.customer_id.clone();
    // Anonymous complaints say so; a customer since deleted shows no name.
    let customer = move || match customer_id.as_str() {
        "" => t().complaints.complaint_no_customer.to_string(),
        id => state.customers.with(|c| c.row(id).map(|r| r.name.clone())).unwrap_or_default(),
    };
    let (severity, status, opened) = (complaint.severity, complaint.status, complaint.opened_ms);
    let days = (js_sys::Date::now() as i64 - opened).max(0) / 86_400_000;
    let age = move || match days {
        0 => t().complaints.complaint_opened_today.to_string(),
        n => t().complaints.complaint_opened_days_ago(n as i64),
    };
    view! {
        <li class="contact-row complaint-row" class:closed=!status.is_open() data-testid="complaint-row">
            <a class="row-title" href=format!("/complaints/{id}")><bdi>{complaint.title}</bdi></a>
            <span class="muted"><bdi>{customer}</bdi></span>
            <span class=severity_class(severity)>{move || labels::complaint_severity(severity, t())}</span>
            <span class="complaint-status" data-testid="complaint-status">{move || labels::complaint_status(status, t())}</span>
            <span class="muted">{age}</span>
        </li>
    }
}
