//! Where the warranty and service area lives in the app: its addresses and its main tab.

use super::{Certificate, ClaimList, ClaimNew, ClaimShow, ContractEdit, ContractList, CoverageCheckPage, ItemEdit, ItemList, ItemShow, RenewalsPage, VisitEdit, VisitList};
use crate::areas::Tab;
use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes};

/// Its main tab.
pub const TAB: Tab = Tab { href: "/warranty", icon: "warranty", label: |t| t.nav_warranty };

/// Its addresses.
#[component(transparent)]
pub fn WarrantyRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/warranty") view=CoverageCheckPage/>
        <Route path=path!("/warranty/items") view=ItemList/>
        <Route path=path!("/warranty/items/new") view=ItemEdit/>
        <Route path=path!("/warranty/items/:id") view=ItemShow/>
        <Route path=path!("/warranty/items/:id/edit") view=ItemEdit/>
        <Route path=path!("/warranty/items/:id/certificate") view=Certificate/>
        <Route path=path!("/warranty/claims") view=ClaimList/>
        <Route path=path!("/warranty/claims/new") view=ClaimNew/>
        <Route path=path!("/warranty/claims/:id") view=ClaimShow/>
        <Route path=path!("/warranty/visits") view=VisitList/>
        <Route path=path!("/warranty/visits/new") view=VisitEdit/>
        <Route path=path!("/warranty/visits/:id") view=VisitEdit/>
        <Route path=path!("/warranty/contracts") view=ContractList/>
        <Route path=path!("/warranty/contracts/new") view=ContractEdit/>
        <Route path=path!("/warranty/contracts/:id") view=ContractEdit/>
        <Route path=path!("/warranty/renewals") view=RenewalsPage/>
    }
    .into_inner()
}
