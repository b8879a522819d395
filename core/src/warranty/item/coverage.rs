//! The coverage check a technician runs on site: when the warranty starts
//! and ends, what it pays for on a given day, and why.

use chrono::NaiveDate;

use super::{InstalledItem, StartPolicy};
use crate::warranty::dates::last_covered_day;
use crate::warranty::Coverage;

/// Days before its end that a warranty counts as expiring soon: a month's
/// notice to offer an extension.
pub const SOON_DAYS: i64 = 30;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoverageStatus {
    Covered,
    ExpiringSoon,
    Expired,
    Void,
    NotStarted,
    NoWarranty,
}

/// Why the status is what it is, for the words the UI shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    InTerm,
    /// Inside `extensions[index]`.
    InExtension {
        index: usize,
    },
    /// The last covered day was `on`.
    Ended {
        on: NaiveDate,
    },
    Voided {
        on: NaiveDate,
        reason: String,
    },
    /// The clock starts at installation, and there has been none yet.
    AwaitingInstallation,
    /// Sold without warranty and none bought since.
    NoTerm,
    /// The warranty starts `on`, after today.
    NotYetStarted {
        on: NaiveDate,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageCheck {
    pub status: CoverageStatus,
    pub reason: Reason,
    pub start: Option<NaiveDate>,
    /// The last covered day, base term and extensions together.
    pub until: Option<NaiveDate>,
    /// Days from today to `until`, 0 on the last day; negative once ended.
    /// `None` when there is no end, or it no longer matters (void).
    pub days_left: Option<i64>,
    /// What is paid for today; [`Coverage::NONE`] when not covered.
    pub coverage: Coverage,
}

impl InstalledItem {
    /// `sold_on`, or `installed_on` under [`StartPolicy::Installation`]
    /// (`None` until installed).
    pub fn warranty_start(&self) -> Option<NaiveDate> {
        match self.start_policy {
            StartPolicy::Sale => self.sold_on,
            StartPolicy::Installation => self.installed_on,
        }
    }

    fn total_months(&self) -> u32 {
        self.extensions
            .iter()
            .fold(self.term_months, |sum, e| sum.saturating_add(e.months))
    }

    /// The last day of the base term plus every extension, counted from the
    /// start as one total of months (see [`crate::warranty::dates::add_months`] for why). A void
    /// does not move it: [`InstalledItem::check`] reports the void.
    pub fn covered_until(&self) -> Option<NaiveDate> {
        last_covered_day(self.warranty_start()?, self.total_months(), self.calendar)
    }

    /// The period in force on `date` and what it pays for.
    fn period_on(&self, date: NaiveDate) -> Option<(Reason, Coverage)> {
        let start = self.warranty_start()?;
        if date < start || self.voided.as_ref().is_some_and(|v| date >= v.on) {
            return None;
        }
        let extensions = self
            .extensions
            .iter()
            .enumerate()
            .map(|(index, e)| (Reason::InExtension { index }, e));
        let periods = std::iter::once((Reason::InTerm, self.term_months, self.coverage))
            .chain(extensions.map(|(reason, e)| (reason, e.months, e.coverage)));
        let mut months = 0u32;
        for (reason, length, coverage) in periods {
            months = months.saturating_add(length);
            if last_covered_day(start, months, self.calendar).is_some_and(|last| date <= last) {
                return Some((reason, coverage));
            }
        }
        None
    }

    /// The coverage in force on `date` (the base term's inside the base term,
    /// extension i's inside its months); `None` when not covered that day
    /// (before the start, after the end, or on or after a void date).
    pub fn coverage_on(&self, date: NaiveDate) -> Option<Coverage> {
        self.period_on(date).map(|(_, coverage)| coverage)
    }

    /// The check at `today`. A void counts from its date on and outranks
    /// everything; an item sold without warranty has none whatever its
    /// installation; then the warranty may not have started, be running
    /// (expiring soon within `soon_days` of its last day) or have ended.
    pub fn check(&self, today: NaiveDate, soon_days: i64) -> CoverageCheck {
        let start = self.warranty_start();
        let until = self.covered_until();
        let days_left = until.map(|u| (u - today).num_days());
        let not_covered = |status, reason, days_left| CoverageCheck {
            status,
            reason,
            start,
            until,
            days_left,
            coverage: Coverage::NONE,
        };
        if let Some(v) = self.voided.as_ref().filter(|v| today >= v.on) {
            let reason = Reason::Voided {
                on: v.on,
                reason: v.reason.clone(),
            };
            return not_covered(CoverageStatus::Void, reason, None);
        }
        // Without a start or a term there is no last day.
        let (Some(start_day), Some(until_day)) = (start, until) else {
            return if self.total_months() == 0 {
                not_covered(CoverageStatus::NoWarranty, Reason::NoTerm, None)
            } else {
                not_covered(
                    CoverageStatus::NotStarted,
                    Reason::AwaitingInstallation,
                    None,
                )
            };
        };
        if today < start_day {
            let reason = Reason::NotYetStarted { on: start_day };
            return not_covered(CoverageStatus::NotStarted, reason, days_left);
        }
        match self.period_on(today) {
            Some((reason, coverage)) => CoverageCheck {
                status: if days_left.is_some_and(|d| d <= soon_days) {
                    CoverageStatus::ExpiringSoon
                } else {
                    CoverageStatus::Covered
                },
                reason,
                start,
                until,
                days_left,
                coverage,
            },
            None => not_covered(
                CoverageStatus::Expired,
                Reason::Ended { on: until_day },
                days_left,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::warranty::item::test_support::*;
    use crate::warranty::item::Extension;

    #[test]
    fn the_clock_starts_at_sale_or_at_installation() {
        let sold = InstalledItem {
            installed_on: Some(j(1402, 7, 1)),
            ..item()
        };
        assert_eq!(sold.warranty_start(), Some(j(1402, 5, 10)));
        assert_eq!(sold.covered_until(), Some(j(1403, 5, 9)));
        let installed = InstalledItem {
            start_policy: StartPolicy::Installation,
            ..sold
        };
        assert_eq!(installed.warranty_start(), Some(j(1402, 7, 1)));
        // A year from 1 Mehr ends the day before 1 Mehr: 31 Shahrivar.
        assert_eq!(installed.covered_until(), Some(j(1403, 6, 31)));
        assert_eq!(installed.coverage_on(j(1402, 6, 31)), None);
        assert_eq!(
            installed.coverage_on(j(1402, 7, 1)),
            Some(Coverage::default())
        );
        assert_eq!(
            installed.coverage_on(j(1403, 6, 31)),
            Some(Coverage::default())
        );
        assert_eq!(installed.coverage_on(j(1403, 7, 1)), None);
    }

    #[test]
    fn an_item_not_yet_installed_awaits_installation() {
        let waiting = InstalledItem {
            start_policy: StartPolicy::Installation,
            ..item()
        };
        assert_eq!(
            (waiting.warranty_start(), waiting.covered_until()),
            (None, None)
        );
        assert_eq!(waiting.coverage_on(j(1402, 6, 1)), None);
        assert_eq!(
            waiting.check(j(1402, 6, 1), SOON_DAYS),
            CoverageCheck {
                status: CoverageStatus::NotStarted,
                reason: Reason::AwaitingInstallation,
                start: None,
                until: None,
                days_left: None,
                coverage: Coverage::NONE,
            }
        );
    }

    #[test]
    fn a_warranty_that_starts_later_has_not_started() {
        let later = InstalledItem {
            start_policy: StartPolicy::Installation,
            installed_on: Some(j(1402, 6, 1)),
            ..item()
        };
        // 1402 is a common year: 365 days to the same day of 1403.
        assert_eq!(
            later.check(j(1402, 5, 31), SOON_DAYS),
            CoverageCheck {
                status: CoverageStatus::NotStarted,
                reason: Reason::NotYetStarted { on: j(1402, 6, 1) },
                start: Some(j(1402, 6, 1)),
                until: Some(j(1403, 5, 31)),
                days_left: Some(365),
                coverage: Coverage::NONE,
            }
        );
    }

    #[test]
    fn no_term_is_no_warranty_even_before_installation() {
        let none = InstalledItem {
            term_months: 0,
            ..item()
        };
        let check = none.check(j(1402, 6, 1), SOON_DAYS);
        assert_eq!(
            (check.status, check.reason, check.until),
            (CoverageStatus::NoWarranty, Reason::NoTerm, None)
        );
        assert_eq!(check.coverage, Coverage::NONE);
        let waiting = InstalledItem {
            start_policy: StartPolicy::Installation,
            ..none
        };
        assert_eq!(
            waiting.check(j(1402, 6, 1), SOON_DAYS).status,
            CoverageStatus::NoWarranty
        );
    }

    #[test]
    fn extensions_push_the_end_and_pay_what_they_cover() {
        let labour_only = Coverage {
            parts_percent: 0,
            labour_percent: 100,
        };
        let extended = item()
            .extended(Extension {
                months: 6,
                coverage: labour_only,
                price: 500,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(item().covered_until(), Some(j(1403, 5, 9)));
        assert_eq!(extended.covered_until(), Some(j(1403, 11, 9)));
        assert_eq!(
            extended.coverage_on(j(1403, 5, 9)),
            Some(Coverage::default())
        );
        assert_eq!(extended.coverage_on(j(1403, 5, 10)), Some(labour_only));
        assert_eq!(extended.coverage_on(j(1403, 11, 9)), Some(labour_only));
        assert_eq!(extended.coverage_on(j(1403, 11, 10)), None);
        assert_eq!(extended.coverage_on(j(1402, 5, 9)), None);
        let check = extended.check(j(1403, 8, 1), SOON_DAYS);
        assert_eq!(check.status, CoverageStatus::Covered);
        assert_eq!(check.reason, Reason::InExtension { index: 0 });
        assert_eq!(check.coverage, labour_only);
        assert_eq!(check.days_left, Some(98));
    }

    #[test]
    fn a_second_extension_follows_the_first() {
        let parts_half = Coverage {
            parts_percent: 50,
            labour_percent: 0,
        };
        let twice = item()
            .extended(Extension {
                months: 6,
                ..Default::default()
            })
            .unwrap()
            .extended(Extension {
                months: 12,
                coverage: parts_half,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(twice.covered_until(), Some(j(1404, 11, 9)));
        assert_eq!(
            twice.check(j(1403, 11, 10), SOON_DAYS).reason,
            Reason::InExtension { index: 1 }
        );
        assert_eq!(twice.coverage_on(j(1403, 11, 10)), Some(parts_half));
    }

    #[test]
    fn an_item_sold_without_warranty_is_covered_by_a_bought_extension() {
        let bought = InstalledItem {
            term_months: 0,
            ..item()
        }
        .extended(Extension {
            months: 3,
            ..Default::default()
        })
        .unwrap();
        assert_eq!(bought.covered_until(), Some(j(1402, 8, 9)));
        let check = bought.check(j(1402, 5, 10), SOON_DAYS);
        assert_eq!(
            (check.status, check.reason),
            (CoverageStatus::Covered, Reason::InExtension { index: 0 })
        );
    }

    #[test]
    fn expiring_soon_counts_the_last_thirty_days() {
        let item = item();
        // 1403/04/10 + 30 days = 1403/05/09, the last day (Tir has 31 days).
        let soon = item.check(j(1403, 4, 10), SOON_DAYS);
        assert_eq!(
            (soon.status, soon.days_left),
            (CoverageStatus::ExpiringSoon, Some(30))
        );
        assert_eq!(
            (soon.reason, soon.coverage),
            (Reason::InTerm, Coverage::default())
        );
        let covered = item.check(j(1403, 4, 9), SOON_DAYS);
        assert_eq!(
            (covered.status, covered.days_left),
            (CoverageStatus::Covered, Some(31))
        );
        let last = item.check(j(1403, 5, 9), SOON_DAYS);
        assert_eq!(
            (last.status, last.days_left),
            (CoverageStatus::ExpiringSoon, Some(0))
        );
        assert_eq!(
            item.check(j(1403, 4, 10), 29).status,
            CoverageStatus::Covered
        );
    }

    #[test]
    fn after_the_last_day_it_has_expired() {
        assert_eq!(
            item().check(j(1403, 5, 10), SOON_DAYS),
            CoverageCheck {
                status: CoverageStatus::Expired,
                reason: Reason::Ended { on: j(1403, 5, 9) },
                start: Some(j(1402, 5, 10)),
                until: Some(j(1403, 5, 9)),
                days_left: Some(-1),
                coverage: Coverage::NONE,
            }
        );
    }
}
