//! Where the reports live in the app: their addresses and their tab.

use super::dashboard::ReportsHome;
use crate::areas::Tab;
use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes};

pub const TAB: Tab = Tab { href: "/reports", icon: "reports", label: |t| t.nav_reports };

/// Their addresses.
#[component(transparent)]
pub fn ReportRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/reports") view=ReportsHome/>
    }
    .into_inner()
}
