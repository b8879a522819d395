//! What every report shares, drawn once above it: the reports' tabs, the
//! period and the owner and pipeline filters. They are kept while the
//! manager moves between reports (the `Scope` in context).

use super::period_picker::PeriodPicker;
use crate::browser_env::today;
use crate::pages::pipeline::use_sales;
use crate::state::AppState;
use daftar_core::reports::{Filter, Period, Preset};
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};

/// The period and filters every report reads.
#[derive(Clone, Copy)]
pub struct Scope {
    pub period: RwSignal<Period>,
    pub owner: RwSignal<String>,
    pub pipeline: RwSignal<String>,
}

impl Scope {
    pub fn filter(&self) -> Filter {
        Filter { owner: self.owner.get(), pipeline_id: self.pipeline.get() }
    }
}

#[component]
pub fn ReportsFrame() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    // The deals come from the sales screens' memory, loaded here if need be.
    use_sales();
    let scope = Scope {
        period: RwSignal::new(Period::preset(Preset::ThisMonth, today(), state.lang.get_untracked())),
        owner: RwSignal::new(String::new()),
        pipeline: RwSignal::new(String::new()),
    };
    provide_context(scope);
    let owners = move || {
        let mut all: Vec<String> = state.sales.with(|s| s.as_ref().map(|s| s.deals.iter().map(|e| e.fields.owner.clone()).filter(|o| !o.is_empty()).collect()).unwrap_or_default());
        all.sort();
        all.dedup();
        all
    };
    let pipelines = move || state.sales.with(|s| s.as_ref().map(|s| s.pipelines.iter().map(|(id, p)| (id.clone(), p.name.clone())).collect::<Vec<_>>()).unwrap_or_default());
    view! {
        <section class="page reports">
            <div class="list-head">
                <h1>{move || t().nav_reports}</h1>
            </div>
            <nav class="segmented report-tabs" aria-label=move || t().nav_reports>
                <A href="/reports" exact=true attr:class="btn" attr:data-testid="report-tab-dashboard">{move || t().reports.dashboard}</A>
                <A href="/reports/lost" attr:class="btn" attr:data-testid="report-tab-lost">{move || t().reports.lost_deals}</A>
            </nav>
            <PeriodPicker period=scope.period/>
            <div class="report-filters">
                <div class="field">
                    <label for="report-owner">{move || t().reports.owner}</label>
                    <select id="report-owner" on:change=move |ev| scope.owner.set(event_target_value(&ev)) prop:value=move || scope.owner.get() data-testid="report-owner">
                        <option value="">{move || t().reports.every_owner}</option>
                        {move || owners().into_iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="report-pipeline">{move || t().reports.pipeline}</label>
                    <select id="report-pipeline" on:change=move |ev| scope.pipeline.set(event_target_value(&ev)) prop:value=move || scope.pipeline.get() data-testid="report-pipeline">
                        <option value="">{move || t().reports.every_pipeline}</option>
                        {move || pipelines().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <Outlet/>
        </section>
    }
}
