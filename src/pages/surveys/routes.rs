//! Where the surveys area lives in the app: its addresses and its main tab.

use super::{ImportCode, SurveyEdit, SurveyKiosk, SurveyList, SurveyResults};
use crate::areas::{area_routes, Tab};

/// Its main tab.
pub const TAB: Tab = Tab { href: "/surveys", icon: "surveys", label: |t| t.nav_surveys };

area_routes!(SurveyRoutes {
    "/surveys" => SurveyList,
    "/surveys/new" => SurveyEdit,
    "/surveys/import" => ImportCode,
    "/surveys/:id" => SurveyResults,
    "/surveys/:id/edit" => SurveyEdit,
    "/surveys/:id/kiosk" => SurveyKiosk,
});
