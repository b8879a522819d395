//! What every report shares, drawn once above it: the reports' tabs, the
//! period and the owner, pipeline, customer tag and segment filters. They
//! are kept while the manager moves between reports (the `Scope` in
//! context).

use super::period_picker::PeriodPicker;
use super::table::Published;
use crate::browser_env::today;
use crate::pages::pipeline::use_sales;
use crate::i18n::store_error_text;
use crate::state::{AppState, StoreStatus};
use crate::components::ChoiceField;
use crate::i18n::labels::value_segment;
use crate::i18n::Texts;
use crate::pages::customers::SEGMENT_CHOICES;
use daftar_core::customers::ValueSegment;
use daftar_core::locale::Lang;
use daftar_core::pipeline::Deal;
use daftar_core::reports::{Filter, Period, Preset};
use daftar_core::store::Envelope;
use leptos::prelude::*;
use std::collections::HashSet;
use std::sync::Arc;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::use_location;

/// The period and filters every report reads.
#[derive(Clone, Copy)]
pub struct Scope {
    pub period: RwSignal<Period>,
    pub owner: RwSignal<String>,
    pub pipeline: RwSignal<String>,
    pub tag: RwSignal<String>,
    pub segment: RwSignal<Option<ValueSegment>>,
    /// The customers the tag and segment pick.
    customers: Memo<Option<Arc<HashSet<String>>>>,
    /// The open report's table, for the CSV export.
    pub table: RwSignal<Published, LocalStorage>,
}

impl Scope {
    pub fn filter(&self) -> Filter {
        Filter { owner: self.owner.get(), pipeline_id: self.pipeline.get(), customers: self.customers.get() }
    }

    /// A report over the deals in memory for this period, these filters and
    /// the reader's language, timed as `name`: worked out again when any of
    /// them or any deal changes; None while the deals load.
    pub fn over_deals<T>(self, name: &'static str, report: impl Fn(&[&Envelope<Deal>], Period, &Filter, Lang) -> T + Send + Sync + 'static) -> Memo<Option<T>>
    where
        T: PartialEq + Send + Sync + 'static,
    {
        let state = expect_context::<AppState>();
        Memo::new(move |_| {
            let (period, filter, lang) = (self.period.get(), self.filter(), state.lang.get());
            super::over_deals(state, name, |deals| report(deals, period, &filter, lang))
        })
    }
}

#[component]
pub fn ReportsFrame() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    // The deals come from the sales screens' memory, loaded here if need be;
    // customers' and activities' facts from the reports' own.
    use_sales();
    Effect::new(move || {
        if state.store_status.get() == StoreStatus::Ready && state.reports().with(Option::is_none) {
            leptos::task::spawn_local(async move {
                if let Err(e) = state.load_reports().await {
                    state.notify(store_error_text(&e, state.lang.get_untracked()), None);
                }
            });
        }
    });
    let (tag, segment) = (RwSignal::new(String::new()), RwSignal::new(None));
    let customers = Memo::new(move |_| {
        let (tag, segment) = (tag.get(), segment.get());
        state.reports().with(|data| Filter::customers_of(&tag, segment, data.as_ref().map(|d| &d.customers).into_iter().flatten()))
    });
    let scope = Scope {
        period: RwSignal::new(Period::preset(Preset::ThisMonth, today(), state.lang.get_untracked())),
        owner: RwSignal::new(String::new()),
        pipeline: RwSignal::new(String::new()),
        tag,
        segment,
        customers,
        table: RwSignal::new_local(None),
    };
    provide_context(scope);
    let location = use_location();
    let owners = move || {
        let mut all: Vec<String> = state.sales().with(|s| s.as_ref().map(|s| s.deals.iter().map(|e| e.fields.owner.clone()).filter(|o| !o.is_empty()).collect()).unwrap_or_default());
        all.sort();
        all.dedup();
        all
    };
    let tags = Memo::new(move |_| {
        let mut all: Vec<String> = state.reports().with(|d| d.as_ref().map(|d| d.customers.values().flat_map(|c| c.tags.iter().cloned()).collect()).unwrap_or_default());
        all.sort();
        all.dedup();
        all
    });
    // A tag no customer holds any more (edited away, or its last holder
    // deleted) would go on emptying every report while the list no longer shows it.
    Effect::new(move || {
        if state.reports().with(Option::is_some) && tags.with(|all| !scope.tag.with(|tag| tag.is_empty() || all.contains(tag))) {
            scope.tag.set(String::new());
        }
    });
    let export = move |_| {
        let Some(build) = scope.table.with_untracked(|t| t.as_ref().map(|(_, build)| build.clone())) else { return };
        let table = build();
        if crate::state::export::download(&table.csv(), &format!("daftar-{}-{}.csv", table.name, today())).is_err() {
            state.notify(state.t_untracked().customers.export_failed.to_string(), None);
        }
    };
    let print = move |_| {
        let _ = window().print();
    };
    let pipelines = move || state.sales().with(|s| s.as_ref().map(|s| s.pipelines.iter().map(|(id, p)| (id.clone(), p.name.clone())).collect::<Vec<_>>()).unwrap_or_default());
    view! {
        <section class="page reports">
            <div class="list-head">
                <h1>{move || t().nav_reports}</h1>
            </div>
            <nav class="segmented report-tabs" aria-label=move || t().nav_reports>
                <A href="/reports" exact=true attr:class="btn" attr:data-testid="report-tab-dashboard">{move || t().reports.dashboard}</A>
                <A href="/reports/open" attr:class="btn" attr:data-testid="report-tab-open">{move || t().reports.open_sales}</A>
                <A href="/reports/lost" attr:class="btn" attr:data-testid="report-tab-lost">{move || t().reports.lost_deals}</A>
                <A href="/reports/win-rates" attr:class="btn" attr:data-testid="report-tab-win-rates">{move || t().reports.win_rates}</A>
                <A href="/reports/customers" attr:class="btn" attr:data-testid="report-tab-customers">{move || t().reports.customers_ranked}</A>
                <A href="/reports/acquisition" attr:class="btn" attr:data-testid="report-tab-acquisition">{move || t().reports.acquisition}</A>
                <A href="/reports/products" attr:class="btn" attr:data-testid="report-tab-products">{move || t().reports.products}</A>
                <A href="/reports/team" attr:class="btn" attr:data-testid="report-tab-team">{move || t().reports.team}</A>
                <A href="/reports/dormant" attr:class="btn" attr:data-testid="report-tab-dormant">{move || t().reports.dormant}</A>
                <A href="/reports/segments" attr:class="btn" attr:data-testid="report-tab-segments">{move || t().reports.segments}</A>
            </nav>
            // Dormant customers and segments are as of today, not over a period;
            // the picker stays mounted (hidden) so the period picked survives.
            <div hidden=move || ["/dormant", "/segments"].iter().any(|end| location.pathname.get().ends_with(end))>
                <PeriodPicker period=scope.period/>
            </div>
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
                <div class="field">
                    <label for="report-tag">{move || t().reports.tag}</label>
                    <select id="report-tag" on:change=move |ev| scope.tag.set(event_target_value(&ev)) prop:value=move || scope.tag.get() data-testid="report-tag">
                        <option value="">{move || t().reports.every_tag}</option>
                        {move || tags.get().into_iter().map(|tag| view! { <option value=tag.clone()>{tag.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <ChoiceField id="report-segment" label=|t| t.customers.field_value_segment value=scope.segment choices=&SEGMENT_CHOICES name_of=segment_filter_name/>
            </div>
            <div class="report-action no-print">
                <button type="button" class="btn" on:click=export disabled=move || scope.table.with(Option::is_none) data-testid="report-export">{move || t().export_csv}</button>
                <button type="button" class="btn" on:click=print data-testid="report-print">{move || t().reports.print}</button>
            </div>
            <Outlet/>
        </section>
    }
}

/// "Every segment" where the customer form says "not set".
fn segment_filter_name(segment: Option<ValueSegment>, t: &Texts) -> &'static str {
    segment.map_or(t.reports.every_segment, |s| value_segment(Some(s), t))
}
