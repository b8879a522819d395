//! Where the sync area lives in the app: its addresses.

use super::{SyncReviewPage, SyncSettingsPage};
use crate::areas::area_routes;

area_routes!(SyncRoutes {
    "/settings/sync" => SyncSettingsPage,
    "/sync/review" => SyncReviewPage,
});
