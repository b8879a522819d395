//! Where the warranty and service area lives in the app: its addresses and its main tab.

use super::{Certificate, ClaimList, ClaimNew, ClaimShow, ContractEdit, ContractList, CoverageCheckPage, ItemEdit, ItemList, ItemShow, RenewalsPage, VisitEdit, VisitList};
use crate::areas::{area_routes, Tab};

/// Its main tab.
pub const TAB: Tab = Tab { href: "/warranty", icon: "warranty", label: |t| t.nav_warranty };

area_routes!(WarrantyRoutes {
    "/warranty" => CoverageCheckPage,
    "/warranty/items" => ItemList,
    "/warranty/items/new" => ItemEdit,
    "/warranty/items/:id" => ItemShow,
    "/warranty/items/:id/edit" => ItemEdit,
    "/warranty/items/:id/certificate" => Certificate,
    "/warranty/claims" => ClaimList,
    "/warranty/claims/new" => ClaimNew,
    "/warranty/claims/:id" => ClaimShow,
    "/warranty/visits" => VisitList,
    "/warranty/visits/new" | "/warranty/visits/:id" => VisitEdit,
    "/warranty/contracts" => ContractList,
    "/warranty/contracts/new" | "/warranty/contracts/:id" => ContractEdit,
    "/warranty/renewals" => RenewalsPage,
});
