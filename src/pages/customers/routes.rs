//! Where the customers area lives in the app: its addresses and its main tab.

use super::{CustomerEdit, CustomerImport, CustomerList, CustomerMerge, CustomerShow};
use crate::areas::Tab;
use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes};

/// Its main tab.
pub const TAB: Tab = Tab { href: "/customers", icon: "customers", label: |t| t.nav_customers };

/// Its addresses.
#[component(transparent)]
pub fn CustomerRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/") view=CustomerList/>
        <Route path=path!("/customers") view=CustomerList/>
        <Route path=path!("/customers/new") view=CustomerEdit/>
        <Route path=path!("/customers/import") view=CustomerImport/>
        <Route path=path!("/customers/:id") view=CustomerShow/>
        <Route path=path!("/customers/:id/edit") view=CustomerEdit/>
        <Route path=path!("/customers/:id/merge") view=CustomerMerge/>
    }
    .into_inner()
}
