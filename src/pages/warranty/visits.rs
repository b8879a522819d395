//! `/warranty/visits`: a technician's service visits by day or by week
//! (`?view=week&day=YYYY-MM-DD&tech=NAME`), to plan the rounds.

use super::{customer_name, WarrantyTabs};
use crate::i18n::labels;
use crate::state::AppState;
use chrono::{Duration, NaiveDate};
use daftar_core::locale::{format_date_long, localize_digits};
use daftar_core::locale::week_start;
use daftar_core::warranty::service::{day_list, week_list, ServiceVisit};
use daftar_core::warranty::VISIT;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn VisitList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let query = use_query_map();
    let navigate = StoredValue::new_local(use_navigate());
    let week = move || query.with(|q| q.get("view").as_deref() == Some("week"));
    let day = move || query.with(|q| q.get("day")).and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()).unwrap_or_else(crate::browser_env::today);
    let technician = move || query.with(|q| q.get("tech")).unwrap_or_default();
    let visits = LocalResource::new(move || {
        state.track_records();
        async move {
            let all = state.all_live(VISIT).await.unwrap_or_default();
            all.into_iter().filter_map(|r| Some((r.id.clone(), r.decode::<ServiceVisit>().ok()?))).collect::<Vec<_>>()
        }
    });
    let go = move |week: bool, day: NaiveDate, tech: String| {
        let view = if week { "week" } else { "day" };
        let to = format!("/warranty/visits?view={view}&day={day}&tech={}", js_sys::encode_uri_component(&tech));
        navigate.with_value(|n| n(&to, Default::default()));
    };
    let step = move |sign: i64| {
        let days = if week() { 7 } else { 1 };
        go(week(), day() + Duration::days(sign * days), technician());
    };
    let technicians = move || {
        let mut names: Vec<String> = visits.get().unwrap_or_default().into_iter().map(|(_, v)| v.technician).filter(|n| !n.is_empty()).collect();
        names.sort();
        names.dedup();
        names
    };
    let days = move || {
        let all = visits.get().unwrap_or_default();
        let list: Vec<ServiceVisit> = all.iter().map(|(_, v)| v.clone()).collect();
        let tech = technician();
        let groups: Vec<(NaiveDate, Vec<usize>)> = if week() { week_list(&list, &tech, week_start(day(), state.lang.get())) } else { vec![(day(), day_list(&list, &tech, day()))] };
        groups.into_iter().map(|(d, ix)| (d, ix.into_iter().map(|i| all[i].clone()).collect::<Vec<_>>())).collect::<Vec<_>>()
    };
    view! {
        <section class="page warranty-page" data-testid="visits-page">
            <crate::components::ListHead title=|t| t.warranty.warranty_visits add_href="/warranty/visits/new" add_label=|t| t.warranty.visit_new add_testid="visit-new"/>
            <WarrantyTabs/>
            <div class="visit-controls">
                <button type="button" class="btn" aria-pressed=move || (!week()).to_string() on:click=move |_| go(false, day(), technician()) data-testid="visits-day">{move || t().warranty.visits_day}</button>
                <button type="button" class="btn" aria-pressed=move || week().to_string() on:click=move |_| go(true, day(), technician()) data-testid="visits-week">{move || t().warranty.visits_week}</button>
                <button type="button" class="btn ghost" on:click=move |_| step(-1) aria-label=move || t().previous>"‹"</button>
                <button type="button" class="btn ghost" on:click=move |_| go(week(), crate::browser_env::today(), technician())>{move || t().today}</button>
                <button type="button" class="btn ghost" on:click=move |_| step(1) aria-label=move || t().next>"›"</button>
                <select aria-label=move || t().warranty.technician data-testid="visits-tech" on:change=move |ev| go(week(), day(), event_target_value(&ev))>
                    <option value="">{move || t().warranty.visits_everyone}</option>
                    {move || technicians().into_iter().map(|n| {
                        let selected = technician() == n;
                        view! { <option value=n.clone() selected=selected>{n.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            {move || days().into_iter().map(|(d, visits)| view! {
                <h2 class="visit-day">{move || format_date_long(d, state.lang.get())}</h2>
                <ul class="plain-list card" data-testid="visit-day">
                    {visits.is_empty().then(|| view! { <li class="muted">{move || t().warranty.visits_none}</li> })}
                    {visits.into_iter().map(|(id, v)| {
                        let customer = customer_name(state, &v.customer_id);
                        let time = v.scheduled.map(|s| s.format("%H:%M").to_string()).unwrap_or_default();
                        let (kind, status) = (v.kind, v.status);
                        view! {
                            <li class="contact-row" data-testid="visit-row">
                                <span dir="ltr">{move || localize_digits(&time, state.lang.get())}</span>
                                <a class="row-title" href=format!("/warranty/visits/{id}")><bdi>{customer}</bdi></a>
                                <span>{move || labels::visit_kind(kind, t())}</span>
                                <span class="muted"><bdi>{v.technician.clone()}</bdi></span>
                                <span class="complaint-status">{move || labels::visit_status(status, t())}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }).collect_view()}
        </section>
    }
}
