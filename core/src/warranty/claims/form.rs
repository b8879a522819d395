//! The claim form: what it sends, and how its fields are checked into a new,
//! open claim that keeps the coverage in force on the day it was reported.

use super::{Claim, ClaimChannel, ClaimStatus, ClaimStep, MAX_TEXT};
use crate::check::{self, Field, FieldError, Problem};
use crate::locale::Currency;
use crate::warranty::Coverage;
use chrono::NaiveDate;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::warranty::claims::test_support::*;
    use ClaimStatus::*;

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
}
