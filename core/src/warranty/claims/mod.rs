//! A warranty claim (درخواست گارانتی): a customer reports a fault in an
//! installed item, a technician diagnoses it, the claim is approved or
//! rejected, repaired and closed — every status with when, so repair times
//! can be measured — and the parts and labour it took are split between
//! what the warranty pays and what the customer is billed.

use super::Coverage;
use crate::check::{self, Field, FieldError, Problem};
use crate::locale::Currency;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashSet};
use crate::global_search::{Entry, Order, Searchable};
use crate::store::{Envelope, RecordKind};

const MAX_TEXT: usize = 5_000;
const MAX_HOURS: u64 = 999;
const DAY_MS: i64 = 86_400_000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    #[default]
    Open,
    Diagnosed,
    Approved,
    Rejected,
    InRepair,
    Resolved,
    Closed,
}

impl ClaimStatus {
    pub const ALL: [ClaimStatus; 7] = [
        ClaimStatus::Open,
        ClaimStatus::Diagnosed,
        ClaimStatus::Approved,
        ClaimStatus::Rejected,
        ClaimStatus::InRepair,
        ClaimStatus::Resolved,
        ClaimStatus::Closed,
    ];

    /// Still waiting on the business (a decision or a repair): what the
    /// open counts count. A rejected claim waits on nobody.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ClaimStatus::Open
                | ClaimStatus::Diagnosed
                | ClaimStatus::Approved
                | ClaimStatus::InRepair
        )
    }
}

/// The statuses a claim in `status` may move to, for the UI's buttons:
/// open → diagnosed → approved or rejected → in repair → resolved → closed;
/// also resolved → in repair (the fix did not hold), rejected → closed and
/// rejected → diagnosed (reconsidered). A closed claim is final.
pub fn allowed_next(status: ClaimStatus) -> &'static [ClaimStatus] {
    use ClaimStatus::*;
    match status {
        Open => &[Diagnosed],
        Diagnosed => &[Approved, Rejected],
        Approved => &[InRepair],
        Rejected => &[Closed, Diagnosed],
        InRepair => &[Resolved],
        Resolved => &[Closed, InRepair],
        Closed => &[],
    }
}

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

/// What the claim form sends.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClaimInput {
    pub installed_item_id: String,
    pub customer_id: String,
    pub product_id: String,
    pub serial: String,
    pub problem: String,
    pub reported_on: Option<NaiveDate>,
    pub channel: ClaimChannel,
    pub technician: String,
}

/// Why a change to a claim was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatusError {
    /// Not a move the status machine has (see [`allowed_next`]).
    NotAllowed { from: ClaimStatus, to: ClaimStatus },
    /// A closed claim's work and cost are final.
    Closed,
    /// The change is allowed but what came with it is missing or wrong.
    Fields(Vec<FieldError>),
}

/// A new claim, opened now; `coverage` is the item's coverage on
/// `reported_on` as the caller computed it.
pub fn validate(
    input: &ClaimInput,
    coverage: Option<Coverage>,
    currency: Currency,
    now_ms: i64,
) -> Result<Claim, Vec<FieldError>> {
    let mut errors = Vec::new();
    let installed_item_id = input.installed_item_id.trim().to_string();
    if installed_item_id.is_empty() {
        errors.push(FieldError {
            field: Field::Serial,
            problem: Problem::Required,
        });
    }
    let problem = check::long_text(&input.problem, Field::Subject, MAX_TEXT, &mut errors);
    if problem.is_empty() {
        errors.push(FieldError {
            field: Field::Subject,
            problem: Problem::Required,
        });
    }
    if input.reported_on.is_none() {
        errors.push(FieldError {
            field: Field::Date,
            problem: Problem::Required,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Claim {
        installed_item_id,
        customer_id: input.customer_id.trim().to_string(),
        product_id: input.product_id.trim().to_string(),
        serial: check::clean(&input.serial),
        problem,
        reported_on: input.reported_on,
        channel: input.channel,
        technician: check::clean(&input.technician),
        coverage,
        currency,
        opened_ms: now_ms,
        steps: vec![ClaimStep {
            at: now_ms,
            status: ClaimStatus::Open,
            note: String::new(),
        }],
        ..Claim::default()
    })
}

impl Claim {
    /// Moved to `to` with a `note`: the reason when rejecting (required),
    /// the diagnosis when diagnosing, the resolution when resolving (both
    /// optional). Going back to repair clears the resolution, and
    /// reconsidering clears the reject reason; both stay in the history.
    pub fn moved(&self, to: ClaimStatus, note: &str, now_ms: i64) -> Result<Claim, StatusError> {
        if !allowed_next(self.status).contains(&to) {
            return Err(StatusError::NotAllowed {
                from: self.status,
                to,
            });
        }
        let mut errors = Vec::new();
        let note = check::long_text(note, Field::Notes, MAX_TEXT, &mut errors);
        if to == ClaimStatus::Rejected && note.is_empty() {
            errors.push(FieldError {
                field: Field::Notes,
                problem: Problem::Required,
            });
        }
        if !errors.is_empty() {
            return Err(StatusError::Fields(errors));
        }
        let mut claim = Claim {
            status: to,
            ..self.clone()
        };
        match to {
            ClaimStatus::Diagnosed => {
                claim.reject_reason.clear();
                if !note.is_empty() {
                    claim.diagnosis = note.clone();
                }
            }
            ClaimStatus::Rejected => claim.reject_reason = note.clone(),
            ClaimStatus::InRepair => claim.resolution.clear(),
            ClaimStatus::Resolved => claim.resolution = note.clone(),
            ClaimStatus::Open | ClaimStatus::Approved | ClaimStatus::Closed => {}
        }
        claim.steps.push(ClaimStep {
            at: now_ms,
            status: to,
            note,
        });
        Ok(claim)
    }

    /// Parts and labour replaced: `labour_hours` as typed, with at most one
    /// decimal ("1.5", «۲٫۵»), `labour_rate` as typed money per hour.
    /// Refused once closed, so a settled bill never changes.
    pub fn with_work(
        &self,
        parts: Vec<PartLine>,
        labour_hours: &str,
        labour_rate: &str,
    ) -> Result<Claim, StatusError> {
        if self.status == ClaimStatus::Closed {
            return Err(StatusError::Closed);
        }
        let mut errors = Vec::new();
        if parts.iter().any(|p| p.quantity == 0) {
            errors.push(FieldError {
                field: Field::Quantity,
                problem: Problem::OutOfRange {
                    min: 1,
                    max: i64::from(u32::MAX),
                },
            });
        }
        if parts.iter().any(|p| p.unit_price < 0) {
            errors.push(FieldError {
                field: Field::Price,
                problem: Problem::OutOfRange {
                    min: 0,
                    max: i64::MAX,
                },
            });
        }
        let labour_tenths = hours_in_tenths(labour_hours, &mut errors);
        let labour_rate = check::money(labour_rate, Field::Price, self.currency, &mut errors);
        if !errors.is_empty() {
            return Err(StatusError::Fields(errors));
        }
        Ok(Claim {
            parts,
            labour_tenths,
            labour_rate,
            ..self.clone()
        })
    }

    /// What the work costs and who pays it; a rejected claim (closed or
    /// not) has nothing covered.
    pub fn cost(&self) -> CostSplit {
        let coverage = if self.rejected() { None } else { self.coverage };
        split(&self.parts, self.labour_tenths, self.labour_rate, coverage)
    }

    /// Rejected, or closed straight after a rejection.
    fn rejected(&self) -> bool {
        match self.status {
            ClaimStatus::Rejected => true,
            ClaimStatus::Closed => self
                .steps
                .iter()
                .rev()
                .find(|s| s.status != ClaimStatus::Closed)
                .is_some_and(|s| s.status == ClaimStatus::Rejected),
            _ => false,
        }
    }

    /// When it reached Resolved the last time (ms), for repair time; None
    /// while it is still open, since a fix that did not hold was no fix.
    pub fn resolved_ms(&self) -> Option<i64> {
        if self.status.is_open() {
            return None;
        }
        self.steps
            .iter()
            .rev()
            .find(|s| s.status == ClaimStatus::Resolved)
            .map(|s| s.at)
    }

    /// When it was closed (the last Closed step), for the after-service
    /// survey suggestion.
    pub fn closed_ms(&self) -> Option<i64> {
        if self.status != ClaimStatus::Closed {
            return None;
        }
        self.steps
            .iter()
            .rev()
            .find(|s| s.status == ClaimStatus::Closed)
            .map(|s| s.at)
    }
}

/// Hours as typed, in tenths: a job sheet records one decimal, and tenths
/// keep the labour sum exact. Empty means none.
fn hours_in_tenths(raw: &str, errors: &mut Vec<FieldError>) -> u32 {
    let text = crate::locale::to_ascii_digits(&check::clean(raw)).replace(['٫', '/'], ".");
    if text.is_empty() {
        return 0;
    }
    let (whole, tenth) = text.split_once('.').unwrap_or((&text, ""));
    let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() && tenth.is_empty()
        || !digits_only(whole)
        || !digits_only(tenth)
        || tenth.len() > 1
    {
        errors.push(FieldError {
            field: Field::Duration,
            problem: Problem::Number,
        });
        return 0;
    }
    // Only digits are left, so the parse fails only when the number is huge.
    match format!("{whole}{tenth:0<1}").parse::<u64>() {
        Ok(tenths) if tenths <= MAX_HOURS * 10 => tenths as u32,
        _ => {
            errors.push(FieldError {
                field: Field::Duration,
                problem: Problem::OutOfRange {
                    min: 0,
                    max: MAX_HOURS as i64,
                },
            });
            0
        }
    }
}

/// A claim's cost in minor units: parts and labour, each split into what
/// the warranty covers and what the customer is billed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CostSplit {
    pub parts_total: i64,
    pub parts_covered: i64,
    pub parts_billable: i64,
    pub labour_total: i64,
    pub labour_covered: i64,
    pub labour_billable: i64,
}

impl CostSplit {
    pub fn covered(&self) -> i64 {
        self.parts_covered + self.labour_covered
    }

    pub fn billable(&self) -> i64 {
        self.parts_billable + self.labour_billable
    }

    pub fn total(&self) -> i64 {
        self.parts_total + self.labour_total
    }
}

/// Parts and labour priced and split by coverage: covered = total × percent
/// / 100 rounded half up to the minor unit, billable = total − covered (so
/// the two always add up). Labour is tenths × rate / 10, rounded the same way.
pub fn split(
    parts: &[PartLine],
    labour_tenths: u32,
    labour_rate: i64,
    coverage: Option<Coverage>,
) -> CostSplit {
    let coverage = coverage.unwrap_or(Coverage::NONE);
    let parts_total = parts
        .iter()
        .map(|p| i64::from(p.quantity).saturating_mul(p.unit_price))
        .fold(0, i64::saturating_add);
    let labour_total = share(labour_rate, i64::from(labour_tenths), 10);
    let parts_covered = share(parts_total, i64::from(coverage.parts_percent.min(100)), 100);
    let labour_covered = share(
        labour_total,
        i64::from(coverage.labour_percent.min(100)),
        100,
    );
    CostSplit {
        parts_total,
        parts_covered,
        parts_billable: parts_total - parts_covered,
        labour_total,
        labour_covered,
        labour_billable: labour_total - labour_covered,
    }
}

/// `amount × num / den` rounded half up, without overflowing on the way.
fn share(amount: i64, num: i64, den: i64) -> i64 {
    let (exact, den) = (i128::from(amount) * i128::from(num), i128::from(den));
    (2 * exact + den)
        .div_euclid(2 * den)
        .clamp(i64::MIN.into(), i64::MAX.into()) as i64
}

/// How many photos one claim keeps: enough to show the fault, few enough
/// for a tablet to sync over a weak connection.
pub const MAX_PHOTOS: usize = 5;

/// The batch storing `photo` with its claim, given the records linked to the
/// claim now; None once the claim holds [`MAX_PHOTOS`] (deleted ones free
/// their place).
pub fn add_photo(photo: &ClaimPhoto, linked: &[crate::store::Record], env: &dyn crate::env::Env) -> Option<crate::store::Batch> {
    let taken = linked.iter().filter(|r| r.kind == super::CLAIM_PHOTO && !r.deleted && r.fields.get("warranty_claim_id").and_then(|v| v.as_str()) == Some(photo.warranty_claim_id.as_str())).count();
    (taken < MAX_PHOTOS).then(|| crate::store::create(super::CLAIM_PHOTO, photo, env))
}

/// A photo of a claim, downscaled on the tablet before it is stored (kind
/// CLAIM_PHOTO; `warranty_claim_id` links it to its claim).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClaimPhoto {
    pub warranty_claim_id: String,
    /// "image/jpeg".
    pub mime: String,
    /// Base64 of the image bytes.
    pub data: String,
    pub width: u32,
    pub height: u32,
    pub taken_ms: i64,
}

/// The size to downscale a photo of `width`×`height` to so its longer side
/// is at most `max_side`, keeping the aspect ratio (never upscales; at
/// least 1×1).
pub fn downscaled_size(width: u32, height: u32, max_side: u32) -> (u32, u32) {
    let longer = width.max(height);
    if longer <= max_side {
        return (width.max(1), height.max(1));
    }
    let scaled = |side: u32| {
        let side = (u64::from(side) * u64::from(max_side) * 2 + u64::from(longer))
            / (2 * u64::from(longer));
        (side as u32).max(1)
    };
    (scaled(width), scaled(height))
}

/// Per-product figures for the after-sales screen.
#[derive(Clone, Debug, PartialEq)]
pub struct ProductFigures {
    pub product_id: String,
    pub units: usize,
    pub claims: usize,
    /// Claims per 100 units sold, one decimal as tenths (125 = 12.5); None
    /// when no units are on record to divide by.
    pub claims_per_100_tenths: Option<u64>,
    /// Median of resolved − opened over claims that reached Resolved.
    pub median_repair_ms: Option<i64>,
    /// Covered cost of claims not rejected, summed per currency; currencies
    /// with nothing covered are left out.
    pub warranty_cost: Vec<(Currency, i64)>,
}

/// `units`: the product id of every installed item not deleted; `claims`:
/// every claim not deleted. Sorted by claims per 100 units, highest first
/// (products without units last), then product id. Items and claims
/// without a product have no row to go in and are left out.
pub fn product_figures<'a>(
    units: impl Iterator<Item = &'a str>,
    claims: impl Iterator<Item = &'a Claim>,
) -> Vec<ProductFigures> {
    let mut by_product: BTreeMap<&str, (usize, Vec<&Claim>)> = BTreeMap::new();
    for product in units.filter(|p| !p.is_empty()) {
        by_product.entry(product).or_default().0 += 1;
    }
    for claim in claims.filter(|c| !c.product_id.is_empty()) {
        by_product
            .entry(claim.product_id.as_str())
            .or_default()
            .1
            .push(claim);
    }
    let mut rows: Vec<ProductFigures> = by_product
        .into_iter()
        .map(|(product_id, (units, claims))| figures(product_id, units, &claims))
        .collect();
    // Stable, so equal rates stay in product id order.
    rows.sort_by_key(|r| Reverse(r.claims_per_100_tenths));
    rows
}

fn figures(product_id: &str, units: usize, claims: &[&Claim]) -> ProductFigures {
    let claims_per_100_tenths = (units > 0).then(|| {
        let (claims, units) = (claims.len() as u64, units as u64);
        (claims * 2_000 + units) / (2 * units)
    });
    let mut repairs: Vec<i64> = claims
        .iter()
        .filter_map(|c| Some((c.resolved_ms()? - c.opened_ms).max(0)))
        .collect();
    repairs.sort_unstable();
    let mid = repairs.len() / 2;
    let median_repair_ms = match repairs.len() {
        0 => None,
        n if n % 2 == 1 => Some(repairs[mid]),
        _ => Some(repairs[mid - 1].midpoint(repairs[mid])),
    };
    let warranty_cost = Currency::ALL
        .into_iter()
        .filter_map(|currency| {
            let sum: i64 = claims
                .iter()
                .filter(|c| c.currency == currency)
                .map(|c| c.cost().covered())
                .sum();
            (sum != 0).then_some((currency, sum))
        })
        .collect();
    ProductFigures {
        product_id: product_id.to_string(),
        units,
        claims: claims.len(),
        claims_per_100_tenths,
        median_repair_ms,
        warranty_cost,
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceSuggestion {
    pub claim_id: String,
    pub customer_id: String,
    pub closed_ms: i64,
}

/// After a claim is closed, the inbox suggests the after-service survey to
/// that customer until a link goes out or an answer comes in (the twin of
/// [`crate::surveys::suggest::after_sale`]). Claims closed within `days` of
/// `now_ms`, newest first, whose customer has not been asked since: `asked`
/// lists (customer id, when) for every link issued and every response
/// given on the after-service survey. One suggestion per customer, for
/// their latest closed claim.
pub fn after_service<'a>(
    claims: impl Iterator<Item = &'a Envelope<Claim>>,
    asked: &[(String, i64)],
    now_ms: i64,
    days: i64,
) -> Vec<ServiceSuggestion> {
    let mut out: Vec<ServiceSuggestion> = claims
        .filter(|c| !c.deleted && !c.fields.customer_id.is_empty())
        .filter_map(|c| {
            let closed_ms = c.fields.closed_ms()?;
            let recent = now_ms - closed_ms <= days * DAY_MS;
            let asked_since = asked
                .iter()
                .any(|(customer, at)| *customer == c.fields.customer_id && *at >= closed_ms);
            (recent && !asked_since).then(|| ServiceSuggestion {
                claim_id: c.id.clone(),
                customer_id: c.fields.customer_id.clone(),
                closed_ms,
            })
        })
        .collect();
    out.sort_by_key(|s| Reverse(s.closed_ms));
    let mut seen = HashSet::new();
    out.retain(|s| seen.insert(s.customer_id.clone()));
    out
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
    use super::*;
    use ClaimStatus::*;

    const FULL: Coverage = Coverage {
        parts_percent: 100,
        labour_percent: 100,
    };
    const PARTS_HALF: Coverage = Coverage {
        parts_percent: 50,
        labour_percent: 0,
    };

    fn input() -> ClaimInput {
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

    fn opened(coverage: Option<Coverage>) -> Claim {
        validate(&input(), coverage, Currency::Irt, 100).unwrap()
    }

    /// A claim that reached `status` by the shortest path.
    fn in_status(status: ClaimStatus) -> Claim {
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

    fn part(quantity: u32, unit_price: i64) -> PartLine {
        PartLine {
            product_id: "part".into(),
            name: "Board".into(),
            quantity,
            unit_price,
        }
    }

    #[test]
    fn every_transition_is_allowed_or_refused_by_the_table() {
        let allowed = [
            (Open, Diagnosed),
            (Diagnosed, Approved),
            (Diagnosed, Rejected),
            (Approved, InRepair),
            (Rejected, Closed),
            (Rejected, Diagnosed),
            (InRepair, Resolved),
            (Resolved, Closed),
            (Resolved, InRepair),
        ];
        for from in ClaimStatus::ALL {
            for to in ClaimStatus::ALL {
                let ok = allowed.contains(&(from, to));
                assert_eq!(allowed_next(from).contains(&to), ok, "{from:?} → {to:?}");
                let before = in_status(from);
                assert_eq!(before.status, from);
                match before.moved(to, "because", 1_000) {
                    Ok(after) => {
                        assert!(ok, "{from:?} → {to:?} should be refused");
                        assert_eq!(after.status, to);
                        assert_eq!(after.steps.len(), before.steps.len() + 1);
                        assert_eq!(
                            after.steps.last(),
                            Some(&ClaimStep {
                                at: 1_000,
                                status: to,
                                note: "because".into()
                            })
                        );
                    }
                    Err(e) => {
                        assert!(!ok, "{from:?} → {to:?} should be allowed");
                        assert_eq!(e, StatusError::NotAllowed { from, to });
                    }
                }
            }
        }
        assert!(allowed_next(Closed).is_empty());
        assert_eq!(
            in_status(Open).moved(Approved, "", 1),
            Err(StatusError::NotAllowed {
                from: Open,
                to: Approved
            })
        );
        assert_eq!(
            in_status(Approved).moved(Resolved, "", 1),
            Err(StatusError::NotAllowed {
                from: Approved,
                to: Resolved
            })
        );
        assert_eq!(
            in_status(Closed).moved(InRepair, "", 1),
            Err(StatusError::NotAllowed {
                from: Closed,
                to: InRepair
            })
        );
    }

    #[test]
    fn open_means_waiting_on_the_business() {
        let open: Vec<ClaimStatus> = ClaimStatus::ALL
            .into_iter()
            .filter(|s| s.is_open())
            .collect();
        assert_eq!(open, [Open, Diagnosed, Approved, InRepair]);
    }

    #[test]
    fn a_new_claim_is_open_with_its_coverage_and_needs_item_problem_and_date() {
        let c = validate(&input(), Some(PARTS_HALF), Currency::Usd, 100).unwrap();
        assert_eq!(
            (
                c.installed_item_id.as_str(),
                c.serial.as_str(),
                c.technician.as_str()
            ),
            ("item1", "SN 42", "Reza")
        );
        assert_eq!(
            c.problem, "دستگاه روشن نمی‌شود\nبعد از قطعی برق",
            "line breaks are kept"
        );
        assert_eq!(
            (c.status, c.channel, c.coverage, c.currency),
            (
                Open,
                ClaimChannel::CarriedIn,
                Some(PARTS_HALF),
                Currency::Usd
            )
        );
        assert_eq!(
            (c.opened_ms, c.steps.as_slice()),
            (
                100,
                &[ClaimStep {
                    at: 100,
                    status: Open,
                    note: String::new()
                }][..]
            )
        );
        assert_eq!((c.labour_tenths, c.labour_rate, c.parts.len()), (0, 0, 0));

        let empty = ClaimInput {
            installed_item_id: " ".into(),
            problem: " \n ".into(),
            reported_on: None,
            ..input()
        };
        let got: Vec<(Field, Problem)> = validate(&empty, None, Currency::Irt, 0)
            .unwrap_err()
            .iter()
            .map(|e| (e.field, e.problem))
            .collect();
        assert_eq!(
            got,
            [
                (Field::Serial, Problem::Required),
                (Field::Subject, Problem::Required),
                (Field::Date, Problem::Required)
            ]
        );
        let long = ClaimInput {
            problem: "x".repeat(MAX_TEXT + 1),
            ..input()
        };
        assert_eq!(
            validate(&long, None, Currency::Irt, 0).unwrap_err(),
            [FieldError {
                field: Field::Subject,
                problem: Problem::TooLong { max: MAX_TEXT }
            }]
        );
        assert!(validate(
            &ClaimInput {
                problem: "x".repeat(MAX_TEXT),
                ..input()
            },
            None,
            Currency::Irt,
            0
        )
        .is_ok());
    }

    #[test]
    fn rejecting_needs_a_reason_which_reconsidering_clears() {
        let diagnosed = in_status(Diagnosed);
        let required = StatusError::Fields(vec![FieldError {
            field: Field::Notes,
            problem: Problem::Required,
        }]);
        assert_eq!(diagnosed.moved(Rejected, " \n ", 5), Err(required));
        let too_long = StatusError::Fields(vec![FieldError {
            field: Field::Notes,
            problem: Problem::TooLong { max: MAX_TEXT },
        }]);
        assert_eq!(
            diagnosed.moved(Rejected, &"x".repeat(MAX_TEXT + 1), 5),
            Err(too_long)
        );

        let rejected = diagnosed.moved(Rejected, " Water damage ", 600).unwrap();
        assert_eq!(rejected.reject_reason, "Water damage");
        assert_eq!(
            rejected.moved(Closed, "", 700).unwrap().reject_reason,
            "Water damage"
        );
        let reconsidered = rejected.moved(Diagnosed, "", 700).unwrap();
        assert_eq!(
            (
                reconsidered.reject_reason.as_str(),
                reconsidered.diagnosis.as_str()
            ),
            ("", "board burnt"),
            "an empty note keeps the diagnosis"
        );
        assert_eq!(
            rejected
                .moved(Diagnosed, "only the fuse", 700)
                .unwrap()
                .diagnosis,
            "only the fuse"
        );
        let notes: Vec<&str> = reconsidered.steps.iter().map(|s| s.note.as_str()).collect();
        assert_eq!(notes, ["", "board burnt", "Water damage", ""]);
    }

    #[test]
    fn steps_record_the_notes_and_a_fix_that_did_not_hold_clears_the_resolution() {
        let c = opened(Some(FULL));
        assert_eq!((c.resolved_ms(), c.closed_ms()), (None, None));
        let c = c.moved(Diagnosed, "fan seized", 200).unwrap();
        assert_eq!(c.diagnosis, "fan seized");
        let c = c
            .moved(Approved, "", 300)
            .unwrap()
            .moved(InRepair, "", 400)
            .unwrap();
        let c = c.moved(Resolved, "fan replaced", 1_000).unwrap();
        assert_eq!(
            (c.resolution.as_str(), c.resolved_ms()),
            ("fan replaced", Some(1_000))
        );

        let c = c.moved(InRepair, "noise is back", 2_000).unwrap();
        assert_eq!((c.resolution.as_str(), c.resolved_ms()), ("", None));
        let c = c.moved(Resolved, "", 3_000).unwrap();
        assert_eq!(
            (c.resolution.as_str(), c.resolved_ms(), c.closed_ms()),
            ("", Some(3_000), None)
        );
        let c = c.moved(Closed, "", 4_000).unwrap();
        assert_eq!((c.resolved_ms(), c.closed_ms()), (Some(3_000), Some(4_000)));

        let steps: Vec<(i64, ClaimStatus, &str)> = c
            .steps
            .iter()
            .map(|s| (s.at, s.status, s.note.as_str()))
            .collect();
        assert_eq!(
            steps,
            [
                (100, Open, ""),
                (200, Diagnosed, "fan seized"),
                (300, Approved, ""),
                (400, InRepair, ""),
                (1_000, Resolved, "fan replaced"),
                (2_000, InRepair, "noise is back"),
                (3_000, Resolved, ""),
                (4_000, Closed, ""),
            ]
        );
        let rejected_closed = in_status(Rejected).moved(Closed, "", 900).unwrap();
        assert_eq!(
            (rejected_closed.resolved_ms(), rejected_closed.closed_ms()),
            (None, Some(900))
        );
    }

    #[test]
    fn full_and_partial_coverage_split_parts_and_labour() {
        let parts = [part(2, 250_000), part(1, 100_000)];
        let full = split(&parts, 15, 120_000, Some(FULL));
        assert_eq!(
            full,
            CostSplit {
                parts_total: 600_000,
                parts_covered: 600_000,
                parts_billable: 0,
                labour_total: 180_000,
                labour_covered: 180_000,
                labour_billable: 0,
            }
        );
        assert_eq!(
            (full.total(), full.covered(), full.billable()),
            (780_000, 780_000, 0)
        );

        let half = split(&parts, 15, 120_000, Some(PARTS_HALF));
        assert_eq!(
            (
                half.parts_covered,
                half.parts_billable,
                half.labour_covered,
                half.labour_billable
            ),
            (300_000, 300_000, 0, 180_000)
        );
        assert_eq!(
            (half.total(), half.covered(), half.billable()),
            (780_000, 300_000, 480_000)
        );

        let none = split(&parts, 15, 120_000, None);
        assert_eq!(
            (none.covered(), none.billable(), none.total()),
            (0, 780_000, 780_000)
        );
        assert_eq!(split(&[], 0, 120_000, Some(FULL)), CostSplit::default());
    }

    #[test]
    fn shares_round_half_up_and_always_add_up() {
        let odd = split(&[part(3, 333)], 0, 0, Some(PARTS_HALF));
        assert_eq!(
            (odd.parts_total, odd.parts_covered, odd.parts_billable),
            (999, 500, 499)
        );
        let third = split(
            &[part(1, 1_000)],
            0,
            0,
            Some(Coverage {
                parts_percent: 33,
                labour_percent: 0,
            }),
        );
        assert_eq!((third.parts_covered, third.parts_billable), (330, 670));
        // 0.1 h at 5 per hour is 0.5: rounds up to 1, and 1 at 50 % to 1 again.
        let tiny = split(
            &[],
            1,
            5,
            Some(Coverage {
                parts_percent: 0,
                labour_percent: 50,
            }),
        );
        assert_eq!(
            (tiny.labour_total, tiny.labour_covered, tiny.labour_billable),
            (1, 1, 0)
        );
        let more = split(
            &[],
            3,
            5,
            Some(Coverage {
                parts_percent: 0,
                labour_percent: 50,
            }),
        );
        assert_eq!(
            (more.labour_total, more.labour_covered, more.labour_billable),
            (2, 1, 1)
        );
        let over = split(
            &[part(1, 10)],
            0,
            0,
            Some(Coverage {
                parts_percent: 200,
                labour_percent: 0,
            }),
        );
        assert_eq!(
            (over.parts_covered, over.parts_billable),
            (10, 0),
            "a bad percent covers at most everything"
        );
    }

    #[test]
    fn a_claim_costs_by_its_coverage_unless_rejected() {
        let work = |c: Claim| c.with_work(vec![part(3, 333)], "1.5", "120000").unwrap();
        let approved = work(in_status(Approved)).moved(InRepair, "", 9).unwrap();
        assert_eq!(
            (approved.cost().covered(), approved.cost().billable()),
            (180_999, 0)
        );
        let half = work(validate(&input(), Some(PARTS_HALF), Currency::Irt, 0).unwrap());
        assert_eq!(
            (half.cost().parts_covered, half.cost().billable()),
            (500, 499 + 180_000)
        );
        let rejected = work(in_status(Rejected));
        assert_eq!(
            (rejected.cost().covered(), rejected.cost().billable()),
            (0, 180_999)
        );
        let rejected_closed = rejected.moved(Closed, "", 9).unwrap();
        assert_eq!(rejected_closed.cost().covered(), 0);
        let reconsidered = rejected.moved(Diagnosed, "", 9).unwrap();
        assert_eq!(reconsidered.cost().covered(), 180_999);
        let uncovered = work(opened(None));
        assert_eq!(
            (uncovered.cost().covered(), uncovered.cost().billable()),
            (0, 180_999)
        );
    }

    #[test]
    fn work_takes_hours_with_one_decimal_in_either_script() {
        let c = in_status(InRepair);
        let hours = |raw: &str| c.with_work(Vec::new(), raw, "").map(|c| c.labour_tenths);
        assert_eq!(hours("1.5"), Ok(15));
        assert_eq!(hours("۲٫۵"), Ok(25));
        assert_eq!(hours("۲.۵"), Ok(25));
        assert_eq!(hours(" 3 "), Ok(30));
        assert_eq!(hours(".5"), Ok(5));
        assert_eq!(hours(""), Ok(0));
        assert_eq!(hours("999"), Ok(9_990));
        let number = Err(StatusError::Fields(vec![FieldError {
            field: Field::Duration,
            problem: Problem::Number,
        }]));
        for bad in ["abc", "1.25", "-1", ".", "1,5"] {
            assert_eq!(hours(bad), number, "{bad}");
        }
        let range = Err(StatusError::Fields(vec![FieldError {
            field: Field::Duration,
            problem: Problem::OutOfRange { min: 0, max: 999 },
        }]));
        for bad in ["1000", "999.5", "99999999999999999999999"] {
            assert_eq!(hours(bad), range, "{bad}");
        }
    }

    #[test]
    fn work_replaces_parts_and_labour_until_closed() {
        let c = in_status(InRepair)
            .with_work(vec![part(1, 5), part(2, 7)], "1", "100")
            .unwrap();
        let c = c
            .with_work(vec![part(1, 250_000)], "۰٫۵", "۱۲۰٬۰۰۰")
            .unwrap();
        assert_eq!(
            (c.parts.as_slice(), c.labour_tenths, c.labour_rate),
            (&[part(1, 250_000)][..], 5, 120_000)
        );
        assert_eq!(c.cost().total(), 310_000);
        assert_eq!(
            c.steps.len(),
            in_status(InRepair).steps.len(),
            "work is not a status move"
        );

        let bad = c
            .with_work(vec![part(0, 10), part(1, -1)], "x", "abc")
            .unwrap_err();
        let problems = vec![
            FieldError {
                field: Field::Quantity,
                problem: Problem::OutOfRange {
                    min: 1,
                    max: i64::from(u32::MAX),
                },
            },
            FieldError {
                field: Field::Price,
                problem: Problem::OutOfRange {
                    min: 0,
                    max: i64::MAX,
                },
            },
            FieldError {
                field: Field::Duration,
                problem: Problem::Number,
            },
            FieldError {
                field: Field::Price,
                problem: Problem::Number,
            },
        ];
        assert_eq!(bad, StatusError::Fields(problems));

        let usd = validate(&input(), None, Currency::Usd, 0)
            .unwrap()
            .with_work(Vec::new(), "1", "12.50")
            .unwrap();
        assert_eq!(
            usd.labour_rate, 1_250,
            "the rate is read in the claim's currency"
        );

        let closed = c
            .moved(Resolved, "", 9)
            .unwrap()
            .moved(Closed, "", 10)
            .unwrap();
        assert_eq!(
            closed.with_work(Vec::new(), "1", "1"),
            Err(StatusError::Closed)
        );
        assert!(
            in_status(Rejected).with_work(Vec::new(), "1", "1").is_ok(),
            "a rejected claim can still be billed"
        );
    }

    #[test]
    fn photos_shrink_to_the_longer_side_keeping_the_ratio() {
        assert_eq!(downscaled_size(4_000, 3_000, 1_280), (1_280, 960));
        assert_eq!(downscaled_size(3_000, 4_000, 1_280), (960, 1_280));
        assert_eq!(
            downscaled_size(1_000, 333, 500),
            (500, 167),
            "166.5 rounds up"
        );
        assert_eq!(
            downscaled_size(800, 600, 1_280),
            (800, 600),
            "never upscaled"
        );
        assert_eq!(downscaled_size(1_280, 1_280, 1_280), (1_280, 1_280));
        assert_eq!(downscaled_size(10_000, 10, 1_000), (1_000, 1));
        assert_eq!(
            downscaled_size(100_000, 10, 1_000),
            (1_000, 1),
            "never thinner than a pixel"
        );
        assert_eq!(downscaled_size(0, 0, 1_280), (1, 1));
    }

    /// A claim on `product` opened at 0, resolved at `repaired` when given.
    fn product_claim(
        product: &str,
        currency: Currency,
        covered_parts: i64,
        repaired: Option<i64>,
    ) -> Claim {
        let input = ClaimInput {
            product_id: product.into(),
            ..input()
        };
        let c = validate(&input, Some(FULL), currency, 0).unwrap();
        let c = c
            .moved(Diagnosed, "", 0)
            .unwrap()
            .moved(Approved, "", 0)
            .unwrap()
            .moved(InRepair, "", 0)
            .unwrap();
        let c = c.with_work(vec![part(1, covered_parts)], "", "").unwrap();
        match repaired {
            Some(at) => c.moved(Resolved, "", at).unwrap(),
            None => c,
        }
    }

    #[test]
    fn product_figures_rate_claims_per_100_units_with_repair_time_and_cost() {
        let units: Vec<&str> = [
            ["p1"; 40].as_slice(),
            &["p2"; 3],
            &["p3"; 10],
            &["p5"; 8],
            &[""; 2],
        ]
        .concat();
        let rejected = in_status(Rejected)
            .with_work(vec![part(1, 999)], "", "")
            .unwrap();
        let rejected = Claim {
            product_id: "p1".into(),
            ..rejected
        };
        let claims = [
            product_claim("p1", Currency::Irt, 1_000, Some(300)),
            product_claim("p1", Currency::Irt, 2_000, Some(100)),
            product_claim("p1", Currency::Usd, 50, Some(200)),
            product_claim("p1", Currency::Irt, 4_000, None),
            rejected,
            product_claim("p2", Currency::Irt, 10, Some(400)),
            product_claim("p2", Currency::Irt, 20, Some(100)),
            product_claim("p4", Currency::Irt, 7, None),
            product_claim("p5", Currency::Irt, 0, Some(60)),
            product_claim("", Currency::Irt, 1, None),
        ];
        let got = product_figures(units.iter().copied(), claims.iter());
        let expected = [
            ProductFigures {
                product_id: "p2".into(),
                units: 3,
                claims: 2,
                claims_per_100_tenths: Some(667),
                median_repair_ms: Some(250),
                warranty_cost: vec![(Currency::Irt, 30)],
            },
            ProductFigures {
                product_id: "p1".into(),
                units: 40,
                claims: 5,
                claims_per_100_tenths: Some(125),
                median_repair_ms: Some(200),
                warranty_cost: vec![(Currency::Irt, 7_000), (Currency::Usd, 50)],
            },
            ProductFigures {
                product_id: "p5".into(),
                units: 8,
                claims: 1,
                claims_per_100_tenths: Some(125),
                median_repair_ms: Some(60),
                warranty_cost: vec![],
            },
            ProductFigures {
                product_id: "p3".into(),
                units: 10,
                claims: 0,
                claims_per_100_tenths: Some(0),
                median_repair_ms: None,
                warranty_cost: vec![],
            },
            ProductFigures {
                product_id: "p4".into(),
                units: 0,
                claims: 1,
                claims_per_100_tenths: None,
                median_repair_ms: None,
                warranty_cost: vec![(Currency::Irt, 7)],
            },
        ];
        assert_eq!(got, expected);
        assert!(product_figures(std::iter::empty(), std::iter::empty()).is_empty());
    }

    #[test]
    fn claims_per_100_round_half_up_to_one_decimal() {
        let rate = |units: usize, claims: usize| {
            let units = vec!["p"; units];
            let claims = vec![product_claim("p", Currency::Irt, 0, None); claims];
            product_figures(units.into_iter(), claims.iter())[0].claims_per_100_tenths
        };
        assert_eq!(rate(3, 1), Some(333));
        assert_eq!(rate(16, 1), Some(63), "6.25 rounds up to 6.3");
        assert_eq!(rate(1, 2), Some(2_000));
    }

    fn envelope(id: &str, customer: &str, closed_at: Option<i64>) -> Envelope<Claim> {
        let c = Claim {
            customer_id: customer.into(),
            ..in_status(Resolved)
        };
        let fields = match closed_at {
            Some(at) => c.moved(Closed, "", at).unwrap(),
            None => c,
        };
        Envelope {
            kind: crate::warranty::CLAIM.into(),
            id: id.into(),
            rev: 1,
            created_at: 0,
            updated_at: 0,
            deleted: false,
            fields,
        }
    }

    #[test]
    fn a_recently_closed_claim_is_suggested_until_the_customer_is_asked() {
        let now = 40 * DAY_MS;
        let deleted = Envelope {
            deleted: true,
            ..envelope("k5", "c5", Some(38 * DAY_MS))
        };
        let claims = [
            envelope("k1", "c1", Some(35 * DAY_MS)),
            envelope("k2", "c2", Some(5 * DAY_MS)),
            envelope("k3", "c3", None),
            envelope("k4", "", Some(39 * DAY_MS)),
            deleted,
        ];
        let got = after_service(claims.iter(), &[], now, 30);
        let expected = [ServiceSuggestion {
            claim_id: "k1".into(),
            customer_id: "c1".into(),
            closed_ms: 35 * DAY_MS,
        }];
        assert_eq!(
            got, expected,
            "old, unclosed, deleted and customerless claims are not suggested"
        );
        assert_eq!(
            after_service(claims.iter(), &[], now, 35).len(),
            2,
            "exactly `days` ago still counts"
        );
        let asked_before = [
            ("c1".to_string(), 34 * DAY_MS),
            ("c2".to_string(), 36 * DAY_MS),
        ];
        assert_eq!(
            after_service(claims.iter(), &asked_before, now, 30),
            expected,
            "asked before this closing still counts as not asked"
        );
        let asked_after = [("c1".to_string(), 35 * DAY_MS)];
        assert!(after_service(claims.iter(), &asked_after, now, 30).is_empty());
    }

    #[test]
    fn one_suggestion_per_customer_for_the_latest_closed_claim() {
        let now = 10 * DAY_MS;
        let claims = [
            envelope("old", "c1", Some(2 * DAY_MS)),
            envelope("new", "c1", Some(8 * DAY_MS)),
            envelope("other", "c2", Some(9 * DAY_MS)),
        ];
        let got = after_service(claims.iter(), &[], now, 30);
        assert_eq!(
            got.iter().map(|s| s.claim_id.as_str()).collect::<Vec<_>>(),
            ["other", "new"]
        );
    }

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

    #[test]
    fn a_claim_keeps_at_most_five_photos_and_a_deleted_one_frees_its_place() {
        let env = crate::env::SeededEnv::new(3, 0);
        let photo = |claim: &str| ClaimPhoto { warranty_claim_id: claim.into(), mime: "image/jpeg".into(), ..Default::default() };
        let stored = |p: &ClaimPhoto| crate::store::create(super::super::CLAIM_PHOTO, p, &env).writes.remove(0).record;
        let mut linked: Vec<_> = (0..4).map(|_| stored(&photo("k1"))).collect();
        // Another claim's photo and another kind linked to this claim do not count.
        linked.push(stored(&photo("k2")));
        linked.push(crate::store::create(super::super::VISIT, &serde_json::json!({"warranty_claim_id": "k1"}), &env).writes.remove(0).record);
        let batch = add_photo(&photo("k1"), &linked, &env).expect("the fifth is taken");
        assert_eq!(batch.writes.len(), 1);
        assert_eq!(batch.writes[0].record.kind, "claim_photo");
        linked.push(batch.writes[0].record.clone());
        assert!(add_photo(&photo("k1"), &linked, &env).is_none(), "the sixth is refused");
        let deleted = crate::store::Write::delete(&linked[0], &env).record;
        linked[0] = deleted;
        assert!(add_photo(&photo("k1"), &linked, &env).is_some(), "a deleted photo frees its place");
    }
}
