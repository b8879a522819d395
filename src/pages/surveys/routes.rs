//! Where the surveys area lives in the app: its addresses and its main tab.

use super::{ImportCode, SurveyEdit, SurveyKiosk, SurveyList, SurveyResults};
use crate::areas::Tab;
use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes};

/// Its main tab.
pub const TAB: Tab = Tab { href: "/surveys", icon: "surveys", label: |t| t.nav_surveys };

/// Its addresses.
#[component(transparent)]
pub fn SurveyRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/surveys") view=SurveyList/>
        <Route path=path!("/surveys/new") view=SurveyEdit/>
        <Route path=path!("/surveys/import") view=ImportCode/>
        <Route path=path!("/surveys/:id") view=SurveyResults/>
        <Route path=path!("/surveys/:id/edit") view=SurveyEdit/>
        <Route path=path!("/surveys/:id/kiosk") view=SurveyKiosk/>
    }
    .into_inner()
}
