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
use crate::global_search::{Entry, Order, Searchable};
use crate::store::{Envelope, RecordKind};

mod cost;
mod figures;
mod photos;
mod survey;
#[cfg(test)]
mod test_support;

pub use cost::{split, CostSplit};
pub use figures::{product_figures, ProductFigures};
pub use photos::{add_photo, downscaled_size, ClaimPhoto, MAX_PHOTOS};
pub use survey::{after_service, ServiceSuggestion};

const MAX_TEXT: usize = 5_000;
const MAX_HOURS: u64 = 999;

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
