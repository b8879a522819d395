//! Where the customers area lives in the app: its addresses and its main tab.

use super::{CustomerEdit, CustomerImport, CustomerList, CustomerMerge, CustomerShow};
use crate::areas::{area_routes, Tab};

/// Its main tab.
pub const TAB: Tab = Tab { href: "/customers", icon: "customers", label: |t| t.nav_customers };

area_routes!(CustomerRoutes {
    "/" | "/customers" => CustomerList,
    "/customers/new" => CustomerEdit,
    "/customers/import" => CustomerImport,
    "/customers/:id" => CustomerShow,
    "/customers/:id/edit" => CustomerEdit,
    "/customers/:id/merge" => CustomerMerge,
});
