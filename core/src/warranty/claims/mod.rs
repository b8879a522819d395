//! A warranty claim (درخواست گارانتی): a customer reports a fault in an
//! installed item, a technician diagnoses it, the claim is approved or
//! rejected, repaired and closed — every status with when, so repair times
//! can be measured — and the parts and labour it took are split between
//! what the warranty pays and what the customer is billed.

use super::Coverage;
use crate::locale::Currency;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use crate::global_search::{Entry, Order, Searchable};
use crate::store::{Envelope, RecordKind};

mod cost;
mod figures;
mod form;
mod photos;
mod status;
mod survey;
#[cfg(test)]
mod test_support;
mod work;

pub use cost::{split, CostSplit};
pub use figures::{product_figures, ProductFigures};
pub use form::{validate, ClaimInput};
pub use photos::{add_photo, downscaled_size, ClaimPhoto, MAX_PHOTOS};
pub use status::{allowed_next, ClaimStatus, StatusError};
pub use survey::{after_service, ServiceSuggestion};

const MAX_TEXT: usize = 5_000;

/// How the fault reached the business.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimChannel {
    #[default]
    Phone,
    /// Found by a technician at the customer's site.
    OnSite,
    /// The customer brought the item in.
    CarriedIn,
    Email,
    Other,
}

impl ClaimChannel {
    pub const ALL: [ClaimChannel; 5] = [
        ClaimChannel::Phone,
        ClaimChannel::OnSite,
        ClaimChannel::CarriedIn,
        ClaimChannel::Email,
        ClaimChannel::Other,
    ];
}

/// A part used in the repair, priced as it was at the time (later price
/// changes must not rewrite a closed claim's cost).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartLine {
    pub product_id: String,
    pub name: String,
    pub quantity: u32,
    /// Minor units of the claim's currency.
    pub unit_price: i64,
}

/// One step of the history: the status the claim had from `at` on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClaimStep {
    pub at: i64,
    pub status: ClaimStatus,
    /// The diagnosis, reason or resolution given with the move, if any.
    pub note: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Claim {
    pub installed_item_id: String,
    pub customer_id: String,
    pub product_id: String,
    pub serial: String,
    pub problem: String,
    pub reported_on: Option<NaiveDate>,
    pub channel: ClaimChannel,
    pub technician: String,
    pub status: ClaimStatus,
    /// The latest diagnosis; a reconsideration without a new one keeps it.
    pub diagnosis: String,
    /// Why it was rejected; empty again once reconsidered (the old reason
    /// stays in `steps`).
    pub reject_reason: String,
    /// How it was fixed; empty again when the fix did not hold.
    pub resolution: String,
    /// The coverage in force on the day it was reported; None when the item
    /// was not covered then (everything billable).
    pub coverage: Option<Coverage>,
    pub parts: Vec<PartLine>,
    /// Tenths of an hour.
    pub labour_tenths: u32,
    /// Per hour, in minor units.
    pub labour_rate: i64,
    pub currency: Currency,
    pub opened_ms: i64,
    /// Every status change; the first is the opening.
    pub steps: Vec<ClaimStep>,
}

impl RecordKind for Claim {
    const KIND: &'static str = super::CLAIM;
}

impl Searchable for Claim {
    fn search_entry(r: &Envelope<Self>) -> Entry {
        let c = &r.fields;
        let problem = crate::global_search::headline([c.problem.as_str()]);
        Entry {
            title: if c.serial.is_empty() { problem } else { format!("{} — {problem}", c.serial) },
            text: [c.serial.as_str(), &super::lookup::normalize_serial(&c.serial), &c.problem, &c.diagnosis, &c.resolution, &c.reject_reason, &c.technician].join(" "),
            customer_id: c.customer_id.clone(),
            within: String::new(),
            order: Order::newest(c.opened_ms),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;
    use ClaimStatus::*;

    #[test]
    fn serde_round_trips_and_defaults_what_is_missing() {
        let c = in_status(InRepair)
            .with_work(vec![part(2, 10)], "1.5", "100")
            .unwrap();
        let json = serde_json::to_value(&c).unwrap();
        assert_eq!(
            (json["status"].as_str(), json["channel"].as_str()),
            (Some("in_repair"), Some("carried_in"))
        );
        assert_eq!(
            (
                json["reported_on"].as_str(),
                json["coverage"]["labour_percent"].as_u64()
            ),
            (Some("2025-03-01"), Some(100))
        );
        assert_eq!(serde_json::from_value::<Claim>(json).unwrap(), c);
        let old: Claim = serde_json::from_str(r#"{"problem":"p","status":"resolved","channel":"on_site","future":1,"steps":[{"at":5}]}"#).unwrap();
        assert_eq!(
            (old.status, old.channel, old.coverage, old.currency),
            (Resolved, ClaimChannel::OnSite, None, Currency::Irt)
        );
        assert_eq!(
            old.steps,
            [ClaimStep {
                at: 5,
                status: Open,
                note: String::new()
            }]
        );
        let photo: ClaimPhoto =
            serde_json::from_str(r#"{"warranty_claim_id":"k1","width":1280}"#).unwrap();
        assert_eq!(
            (
                photo.warranty_claim_id.as_str(),
                photo.width,
                photo.height,
                photo.data.as_str()
            ),
            ("k1", 1_280, 0, "")
        );
        assert_eq!(ClaimChannel::ALL.len(), 5);
    }
}
