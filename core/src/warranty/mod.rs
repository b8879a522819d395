//! Warranty and after-sales service (گارانتی و خدمات پس از فروش): the
//! installed base (sold items by serial), the coverage check a technician
//! runs at the customer's site, claims with their cost split, service visits,
//! service contracts, and the renewals that come due.

pub mod claims;
pub mod dates;
pub mod item;
pub mod lookup;
pub mod service;

use serde::{Deserialize, Serialize};

/// An installed (sold) item: one serial of one product.
pub const ITEM: &str = "installed_item";
pub const CLAIM: &str = "warranty_claim";
/// A photo taken for a claim, downscaled on the tablet; its own record so a
/// claim list never loads images.
pub const CLAIM_PHOTO: &str = "claim_photo";
pub const VISIT: &str = "service_visit";
pub const CONTRACT: &str = "service_contract";

/// What a warranty pays for: shares of parts and of labour, in whole percent (0–100).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Coverage {
    pub parts_percent: u8,
    pub labour_percent: u8,
}

impl Default for Coverage {
    /// A full warranty: parts and labour.
    fn default() -> Self {
        Coverage { parts_percent: 100, labour_percent: 100 }
    }
}

impl Coverage {
    pub const NONE: Coverage = Coverage { parts_percent: 0, labour_percent: 0 };
}
