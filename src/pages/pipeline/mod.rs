//! The sales pipeline screens: the board, the forecast and the table of
//! deals, the deal form, and the close (won / lost) dialog.

mod routes;
mod board;
mod card;
mod close;
mod deal_edit;
mod drag;
mod filters;
mod forecast;
mod lines;
mod quick_add;
mod settings;
mod table;

pub use routes::{PipelineRoutes, TAB};

pub use board::Board;
pub use deal_edit::{timeline_items, DealEdit, DealsCard};
pub use forecast::Forecast;
pub use settings::PipelineSettings;
pub use table::DealTable;

use crate::i18n::{Lang, Texts};
use crate::areas::kind::{page, KindView};
use daftar_core::pipeline::{DEAL_KIND, PIPELINE_KIND};
use crate::state::{AppState, SaveError, StoreStatus};
use daftar_core::locale::format_money;
use daftar_core::pipeline::Totals;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The pipeline the page shows (`?p=ID`, else the first) and whether the
/// deals are in memory yet; starts loading them when the database is open.
pub fn use_sales() -> (Memo<String>, Signal<bool>) {
    let state = expect_context::<AppState>();
    let query = use_query_map();
    Effect::new(move || {
        if state.store_status.get() == StoreStatus::Ready && state.sales().with(Option::is_none) {
            leptos::task::spawn_local(async move {
                if let Err(e) = state.load_sales().await {
                    state.notify(crate::i18n::store_error_text(&e, state.lang.get_untracked()), None);
                }
            });
        }
    });
    let pipeline_id = Memo::new(move |_| {
        let asked = query.with(|q| q.get("p")).unwrap_or_default();
        state.sales().with(|s| {
            let s = s.as_ref()?;
            s.pipeline(&asked).map(|_| asked.clone()).or_else(|| s.pipelines.first().map(|(id, _)| id.clone()))
        })
        .unwrap_or_default()
    });
    // A memo, not a derived signal: a page under it must not be rebuilt
    // each time a deal changes, only when the deals first arrive.
    let ready = Memo::new(move |_| state.sales().with(Option::is_some));
    (pipeline_id, ready.into())
}

/// The pipelines as tabs, and the board / table / forecast switch.
#[component]
pub fn PipelineTabs(current: Memo<String>, view: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let pipelines = move || state.sales().with(|s| s.as_ref().map(|s| s.pipelines.iter().map(|(id, p)| (id.clone(), p.name.clone())).collect::<Vec<_>>()).unwrap_or_default());
    let link = move |to: &'static str| move || format!("/pipeline{to}?p={}", current.get());
    view! {
        <nav class="pipeline-tabs" aria-label=move || t().nav_pipeline>
            {move || pipelines().into_iter().map(|(id, name)| {
                let here = current.get() == id;
                let base = match view { "table" => "/pipeline/table", "forecast" => "/pipeline/forecast", _ => "/pipeline" };
                view! { <a class="tab" href=format!("{base}?p={id}") aria-current=here.then_some("page")>{name}</a> }
            }).collect_view()}
        </nav>
        <div class="segmented view-switch">
            <a class="btn" href=link("") aria-current=(view == "board").then_some("page")>{move || t().pipeline.view_board}</a>
            <a class="btn" href=link("/table") aria-current=(view == "table").then_some("page") data-testid="view-table">{move || t().pipeline.view_table}</a>
            <a class="btn" href=link("/forecast") aria-current=(view == "forecast").then_some("page") data-testid="view-forecast">{move || t().pipeline.view_forecast}</a>
            <a class="btn primary" href=move || format!("/deals/new?p={}", current.get()) data-testid="new-deal">
                <crate::components::Icon name="plus"/>{move || t().pipeline.new_deal}
            </a>
        </div>
    }
}

/// "sum · weighted" per currency, the largest first.
pub fn totals_text(totals: &Totals, lang: Lang) -> String {
    let t = crate::i18n::texts(lang);
    totals
        .by_currency()
        .iter()
        .map(|(c, s)| format!("{}{}{} {}", format_money(s.amount, *c, lang), t.part_separator, t.pipeline.weighted_short, format_money(s.weighted, *c, lang)))
        .collect::<Vec<_>>()
        .join(t.list_separator)
}

/// Why a deal was not moved or changed; the board then shows it as stored.
pub fn move_failure_text(e: &SaveError, state: AppState) -> String {
    match e {
        SaveError::Gone | SaveError::NotAllowed => state.t_untracked().pipeline.deal_gone.to_string(),
        e => crate::i18n::save_error_text(e, state.lang.get_untracked()),
    }
}

pub const KINDS: &[KindView] = &[
    KindView { kind: DEAL_KIND, heading: |t| t.pipeline.deals, opens: |hit| page("/deals", hit), timeline: Some(timeline_items), field: deal_field },
    KindView { kind: PIPELINE_KIND, heading: |t| t.pipeline.pipeline_settings, opens: |_| "/settings/pipelines".into(), timeline: None, field: |name, t| if name == "stages" { t.pipeline.field_stage } else { "" } },
];

fn deal_field(name: &str, t: &Texts) -> &'static str {
    match name {
        "amount" => t.pipeline.field_amount,
        "expected_close" => t.pipeline.field_expected_close,
        "source" => t.pipeline.field_deal_source,
        "pipeline_id" => t.nav_pipeline,
        "stage" => t.pipeline.field_stage,
        "lost_reason" | "lost_note" => t.pipeline.field_lost_reason,
        "closed_on" => t.pipeline.field_closed_on,
        "competitor_ids" => t.pipeline.competitors,
        "next_step" => t.activities.field_next_step,
        "next_step_on" => t.pipeline.field_next_step_on,
        "lines" => t.pipeline.line_items,
        _ => "",
    }
}
