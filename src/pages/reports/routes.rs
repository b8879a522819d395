//! Where the reports live in the app: their addresses and their tab.

use super::acquisition::AcquisitionReport;
use super::dashboard::ReportsHome;
use super::frame::ReportsFrame;
use super::dormant::DormantReport;
use super::lost::LostReport;
use super::open_sales::OpenSalesReport;
use super::products::ProductsReport;
use super::win_rates::WinRateReport;
use super::ranking::CustomerRanking;
use super::segments::SegmentsReport;
use super::team::TeamReport;
use crate::areas::Tab;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route};
use leptos_router::{path, MatchNestedRoutes};

pub const TAB: Tab = Tab { href: "/reports", icon: "reports", label: |t| t.nav_reports };

/// Their addresses, each report inside the frame it shares with the others.
#[component(transparent)]
pub fn ReportRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/reports") view=ReportsFrame>
            <Route path=path!("") view=ReportsHome/>
            <Route path=path!("open") view=OpenSalesReport/>
            <Route path=path!("lost") view=LostReport/>
            <Route path=path!("win-rates") view=WinRateReport/>
            <Route path=path!("customers") view=CustomerRanking/>
            <Route path=path!("acquisition") view=AcquisitionReport/>
            <Route path=path!("products") view=ProductsReport/>
            <Route path=path!("team") view=TeamReport/>
            <Route path=path!("dormant") view=DormantReport/>
            <Route path=path!("segments") view=SegmentsReport/>
        </ParentRoute>
    }
    .into_inner()
}
