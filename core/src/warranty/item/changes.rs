//! What happens to an item after the sale: an extended warranty bought
//! later, a change of owner, a void.

use chrono::NaiveDate;

use super::{error, Extension, InstalledItem, Transfer, Voided, MAX_TEXT};
use crate::check::{self, Field, FieldError, Problem};

const MAX_EXTENSION_MONTHS: u32 = 120;

/// Why a transfer was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TransferError {
    /// The product's warranty stays with the first buyer.
    NotTransferable,
    SameCustomer,
    NoCustomer,
    /// Dated before the item was sold.
    BeforeSale,
}

impl InstalledItem {
    /// With an extended warranty added (pushes the end date).
    pub fn extended(&self, ext: Extension) -> Result<InstalledItem, FieldError> {
        if !(1..=MAX_EXTENSION_MONTHS).contains(&ext.months) {
            let range = Problem::OutOfRange {
                min: 1,
                max: i64::from(MAX_EXTENSION_MONTHS),
            };
            return Err(error(Field::Quantity, range));
        }
        if ext.coverage.parts_percent > 100 || ext.coverage.labour_percent > 100 {
            return Err(error(
                Field::Percent,
                Problem::OutOfRange { min: 0, max: 100 },
            ));
        }
        if ext.price < 0 {
            return Err(error(
                Field::Price,
                Problem::OutOfRange {
                    min: 0,
                    max: i64::MAX,
                },
            ));
        }
        let mut item = self.clone();
        item.extensions.push(ext);
        Ok(item)
    }

    /// Moved to another customer; the warranty keeps its dates.
    pub fn transferred(
        &self,
        to_customer: &str,
        on: NaiveDate,
        note: &str,
    ) -> Result<InstalledItem, TransferError> {
        let to = to_customer.trim();
        if !self.transferable {
            return Err(TransferError::NotTransferable);
        }
        if to.is_empty() {
            return Err(TransferError::NoCustomer);
        }
        if to == self.customer_id {
            return Err(TransferError::SameCustomer);
        }
        if self.sold_on.is_some_and(|sold| on < sold) {
            return Err(TransferError::BeforeSale);
        }
        let mut item = self.clone();
        let from_customer = std::mem::replace(&mut item.customer_id, to.to_string());
        item.transfers.push(Transfer {
            on,
            from_customer,
            to_customer: to.to_string(),
            note: check::clean(note),
        });
        Ok(item)
    }

    /// Warranty voided from `on` (e.g. the seal was broken). The reason is
    /// required: the customer will ask, and whoever answers was not there.
    pub fn voided(&self, on: NaiveDate, reason: &str) -> Result<InstalledItem, FieldError> {
        let mut errors = Vec::new();
        let reason = check::required(reason, Field::Notes, MAX_TEXT, &mut errors);
        if let Some(e) = errors.pop() {
            return Err(e);
        }
        Ok(InstalledItem {
            voided: Some(Voided { on, reason }),
            ..self.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::warranty::item::test_support::*;
    use crate::warranty::item::{CoverageCheck, CoverageStatus, Reason, SOON_DAYS};
    use crate::warranty::Coverage;

    #[test]
    fn a_void_counts_from_its_date() {
        let void = item().voided(j(1402, 9, 1), "  seal   broken ").unwrap();
        assert_eq!(
            void.voided,
            Some(Voided {
                on: j(1402, 9, 1),
                reason: "seal broken".into()
            })
        );
        assert_eq!(void.coverage_on(j(1402, 8, 30)), Some(Coverage::default()));
        assert_eq!(void.coverage_on(j(1402, 9, 1)), None);
        assert_eq!(
            void.check(j(1402, 8, 30), SOON_DAYS).status,
            CoverageStatus::Covered
        );
        assert_eq!(
            void.check(j(1402, 9, 1), SOON_DAYS),
            CoverageCheck {
                status: CoverageStatus::Void,
                reason: Reason::Voided {
                    on: j(1402, 9, 1),
                    reason: "seal broken".into()
                },
                start: Some(j(1402, 5, 10)),
                until: Some(j(1403, 5, 9)),
                days_left: None,
                coverage: Coverage::NONE,
            }
        );
        // Even after the term would have ended, it is the void that is reported.
        assert_eq!(
            void.check(j(1404, 1, 1), SOON_DAYS).status,
            CoverageStatus::Void
        );
        assert_eq!(
            item().voided(j(1402, 9, 1), " "),
            Err(error(Field::Notes, Problem::Required))
        );
    }

    #[test]
    fn extensions_outside_their_limits_are_refused() {
        let ext = |months, parts_percent, price| Extension {
            months,
            coverage: Coverage {
                parts_percent,
                labour_percent: 100,
            },
            price,
            ..Default::default()
        };
        let months = error(Field::Quantity, Problem::OutOfRange { min: 1, max: 120 });
        assert_eq!(item().extended(ext(0, 100, 0)), Err(months));
        assert_eq!(item().extended(ext(121, 100, 0)), Err(months));
        let share = error(Field::Percent, Problem::OutOfRange { min: 0, max: 100 });
        assert_eq!(item().extended(ext(12, 101, 0)), Err(share));
        let price = error(
            Field::Price,
            Problem::OutOfRange {
                min: 0,
                max: i64::MAX,
            },
        );
        assert_eq!(item().extended(ext(12, 100, -1)), Err(price));
        assert_eq!(
            item().extended(ext(120, 100, 0)).unwrap().covered_until(),
            Some(j(1413, 5, 9))
        );
    }

    #[test]
    fn a_transfer_changes_the_owner_not_the_dates() {
        let before = item();
        let after = before
            .transferred(" c2 ", j(1402, 8, 1), " sold  on ")
            .unwrap();
        assert_eq!(after.customer_id, "c2");
        assert_eq!(
            after.transfers,
            [Transfer {
                on: j(1402, 8, 1),
                from_customer: "c1".into(),
                to_customer: "c2".into(),
                note: "sold on".into(),
            }]
        );
        assert_eq!(after.covered_until(), before.covered_until());
        assert_eq!(
            after.check(j(1403, 1, 1), SOON_DAYS),
            before.check(j(1403, 1, 1), SOON_DAYS)
        );
        assert_eq!(
            after
                .transferred("c3", j(1402, 5, 10), "")
                .unwrap()
                .transfers
                .len(),
            2
        );
    }

    #[test]
    fn transfers_are_refused_when_they_make_no_sense() {
        let on = j(1402, 8, 1);
        let locked = InstalledItem {
            transferable: false,
            ..item()
        };
        assert_eq!(
            locked.transferred("c2", on, ""),
            Err(TransferError::NotTransferable)
        );
        assert_eq!(
            item().transferred(" c1", on, ""),
            Err(TransferError::SameCustomer)
        );
        assert_eq!(
            item().transferred("  ", on, ""),
            Err(TransferError::NoCustomer)
        );
        assert_eq!(
            item().transferred("c2", j(1402, 5, 9), ""),
            Err(TransferError::BeforeSale)
        );
    }
}
