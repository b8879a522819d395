//! Where the catalog area lives in the app: its addresses.

use super::{CatalogPage, CompetitorEdit, ProductEdit, SupplierEdit};
use crate::areas::area_routes;

area_routes!(CatalogRoutes {
    "/catalog" => CatalogPage,
    "/catalog/products/new" | "/catalog/products/:id" => ProductEdit,
    "/catalog/suppliers/new" | "/catalog/suppliers/:id" => SupplierEdit,
    "/catalog/competitors/new" | "/catalog/competitors/:id" => CompetitorEdit,
});
