//! Where the sales pipeline area lives in the app: its addresses and its main tab.

use super::{Board, DealEdit, DealTable, Forecast, PipelineSettings};
use crate::areas::Tab;
use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes};

/// Its main tab.
pub const TAB: Tab = Tab { href: "/pipeline", icon: "pipeline", label: |t| t.nav_pipeline };

/// Its addresses.
#[component(transparent)]
pub fn PipelineRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/pipeline") view=Board/>
        <Route path=path!("/pipeline/table") view=DealTable/>
        <Route path=path!("/pipeline/forecast") view=Forecast/>
        <Route path=path!("/deals/new") view=DealEdit/>
        <Route path=path!("/deals/:id") view=DealEdit/>
        <Route path=path!("/settings/pipelines") view=PipelineSettings/>
    }
    .into_inner()
}
