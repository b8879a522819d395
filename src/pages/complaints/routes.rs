//! Where the complaints area lives in the app: its addresses.

use super::{ComplaintEdit, ComplaintList};
use crate::areas::area_routes;

area_routes!(ComplaintRoutes {
    "/complaints" => ComplaintList,
    "/complaints/new" | "/complaints/:id" => ComplaintEdit,
});
