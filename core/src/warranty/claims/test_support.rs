//! Test helpers shared by the claim tests in several files: a claim form,
//! claims walked to a given status, coverages and part lines.

use super::*;
use ClaimStatus::*;

pub(super) const FULL: Coverage = Coverage {
    parts_percent: 100,
    labour_percent: 100,
};
pub(super) const PARTS_HALF: Coverage = Coverage {
    parts_percent: 50,
    labour_percent: 0,
};

pub(super) fn input() -> ClaimInput {
    ClaimInput {
        installed_item_id: " item1 ".into(),
        customer_id: "c1".into(),
        product_id: "p1".into(),
        serial: " SN  42 ".into(),
        problem: "  دستگاه روشن نمی‌شود\nبعد از قطعی برق ".into(),
        reported_on: NaiveDate::from_ymd_opt(2025, 3, 1),
        channel: ClaimChannel::CarriedIn,
        technician: " Reza ".into(),
    }
}

pub(super) fn opened(coverage: Option<Coverage>) -> Claim {
    validate(&input(), coverage, Currency::Irt, 100).unwrap()
}

/// A claim that reached `status` by the shortest path.
pub(super) fn in_status(status: ClaimStatus) -> Claim {
    let (from, note) = match status {
        Open => return opened(Some(FULL)),
        Diagnosed => (Open, "board burnt"),
        Approved => (Diagnosed, ""),
        Rejected => (Diagnosed, "water damage"),
        InRepair => (Approved, ""),
        Resolved => (InRepair, "board replaced"),
        Closed => (Resolved, ""),
    };
    in_status(from).moved(status, note, 500).unwrap()
}

pub(super) fn part(quantity: u32, unit_price: i64) -> PartLine {
    PartLine {
        product_id: "part".into(),
        name: "Board".into(),
        quantity,
        unit_price,
    }
}
