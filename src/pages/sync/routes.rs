//! Where the sync area lives in the app: its addresses.

use super::{SyncReviewPage, SyncSettingsPage};
use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes};

/// Its addresses.
#[component(transparent)]
pub fn SyncRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/settings/sync") view=SyncSettingsPage/>
        <Route path=path!("/sync/review") view=SyncReviewPage/>
    }
    .into_inner()
}
