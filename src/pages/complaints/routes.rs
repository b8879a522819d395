//! Where the complaints area lives in the app: its addresses.

use super::{ComplaintEdit, ComplaintList};
use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes};

/// Its addresses.
#[component(transparent)]
pub fn ComplaintRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/complaints") view=ComplaintList/>
        <Route path=path!("/complaints/new") view=ComplaintEdit/>
        <Route path=path!("/complaints/:id") view=ComplaintEdit/>
    }
    .into_inner()
}
