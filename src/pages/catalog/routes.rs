//! Where the catalog area lives in the app: its addresses.

use super::{CatalogPage, CompetitorEdit, ProductEdit, SupplierEdit};
use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes};

/// Its addresses.
#[component(transparent)]
pub fn CatalogRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/catalog") view=CatalogPage/>
        <Route path=path!("/catalog/products/new") view=ProductEdit/>
        <Route path=path!("/catalog/products/:id") view=ProductEdit/>
        <Route path=path!("/catalog/suppliers/new") view=SupplierEdit/>
        <Route path=path!("/catalog/suppliers/:id") view=SupplierEdit/>
        <Route path=path!("/catalog/competitors/new") view=CompetitorEdit/>
        <Route path=path!("/catalog/competitors/:id") view=CompetitorEdit/>
    }
    .into_inner()
}
