//! The work a repair took: parts and labour hours as typed on the job sheet,
//! checked and stored on the claim until it is closed and its bill is final.

use super::{Claim, ClaimStatus, PartLine, StatusError};
use crate::check::{self, Field, FieldError, Problem};

const MAX_HOURS: u64 = 999;

impl Claim {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Currency;
    use crate::warranty::claims::test_support::*;
    use crate::warranty::claims::validate;
    use ClaimStatus::*;

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
}
