//! Where the sales pipeline area lives in the app: its addresses and its main tab.

use super::{Board, DealEdit, DealTable, Forecast, PipelineSettings};
use crate::areas::{area_routes, Tab};

/// Its main tab.
pub const TAB: Tab = Tab { href: "/pipeline", icon: "pipeline", label: |t| t.nav_pipeline };

area_routes!(PipelineRoutes {
    "/pipeline" => Board,
    "/pipeline/table" => DealTable,
    "/pipeline/forecast" => Forecast,
    "/deals/new" | "/deals/:id" => DealEdit,
    "/settings/pipelines" => PipelineSettings,
});
