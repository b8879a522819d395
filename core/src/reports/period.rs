//! The span of days a report covers, picked in the reader's calendar: a
//! Persian reader's quarter is Farvardin–Khordad and their year runs
//! Farvardin–Esfand, an English reader's are Gregorian. Every report also
//! shows the period just before, of the same number of days, to compare.

use crate::locale::{Lang, Month};
use chrono::NaiveDate;

/// Whole days from `from` to `to`, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The periods a manager picks with one tap.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Preset {
    #[default]
    ThisMonth,
    LastMonth,
    ThisQuarter,
    LastQuarter,
    ThisYear,
    LastYear,
}

impl Preset {
    pub const ALL: [Preset; 6] = [Preset::ThisMonth, Preset::LastMonth, Preset::ThisQuarter, Preset::LastQuarter, Preset::ThisYear, Preset::LastYear];
}

impl Period {
    /// Every month of `lang`'s calendar the period touches, oldest first.
    pub fn months(self, lang: Lang) -> Vec<Month> {
        let last = Month::of(self.to, lang);
        std::iter::successors(Some(Month::of(self.from, lang)), |m| (*m != last).then(|| m.next())).collect()
    }

    /// None when `to` is before `from`.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Option<Period> {
        (from <= to).then_some(Period { from, to })
    }

    /// The preset period holding `today`, in `lang`'s calendar. This month,
    /// quarter and year end today, so they are compared with as many days
    /// before them, not with a whole month against a few days.
    pub fn preset(preset: Preset, today: NaiveDate, lang: Lang) -> Period {
        let month = Month::of(today, lang);
        let quarter_start = Month { month: (month.month - 1) / 3 * 3 + 1, ..month };
        let year_start = Month { month: 1, ..month };
        let (first, months) = match preset {
            Preset::ThisMonth => (month, 1),
            Preset::LastMonth => (month.previous(), 1),
            Preset::ThisQuarter => (quarter_start, 3),
            Preset::LastQuarter => (months_before(quarter_start, 3), 3),
            Preset::ThisYear => (year_start, 12),
            Preset::LastYear => (Month { year: month.year - 1, ..year_start }, 12),
        };
        let last = months_before(first, -(months - 1));
        // A month of a valid date always has days.
        let from = first.days().first().copied().unwrap_or(today);
        let to = last.days().last().copied().unwrap_or(today).min(today);
        Period { from, to }
    }

    /// How many days it spans.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The period of the same number of days ending the day before this one.
    pub fn previous(&self) -> Period {
        let to = self.from.pred_opt().unwrap_or(self.from);
        let from = to - chrono::Days::new(self.days() as u64 - 1);
        Period { from, to }
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }
}

/// `n` months before `month` (after it when `n` is negative).
fn months_before(month: Month, n: i32) -> Month {
    let index = month.year * 12 + month.month as i32 - 1 - n;
    Month { year: index.div_euclid(12), month: index.rem_euclid(12) as u32 + 1, ..month }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::from_jalali;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn jalali(y: i32, m: u32, d: u32) -> NaiveDate {
        from_jalali(y, m, d).unwrap()
    }

    #[test]
    fn presets_follow_the_gregorian_calendar_in_english() {
        let today = day(2026, 2, 14);
        let p = |preset| Period::preset(preset, today, Lang::En);
        assert_eq!(p(Preset::ThisMonth), Period { from: day(2026, 2, 1), to: today });
        assert_eq!(p(Preset::LastMonth), Period { from: day(2026, 1, 1), to: day(2026, 1, 31) });
        assert_eq!(p(Preset::ThisQuarter), Period { from: day(2026, 1, 1), to: today });
        assert_eq!(p(Preset::LastQuarter), Period { from: day(2025, 10, 1), to: day(2025, 12, 31) });
        assert_eq!(p(Preset::ThisYear), Period { from: day(2026, 1, 1), to: today });
        assert_eq!(p(Preset::ThisMonth).previous(), Period { from: day(2026, 1, 18), to: day(2026, 1, 31) });
        assert_eq!(p(Preset::LastYear), Period { from: day(2025, 1, 1), to: day(2025, 12, 31) });
    }

    #[test]
    fn presets_follow_the_jalali_calendar_in_persian() {
        // 25 Dey 1404: the tenth month, in the fourth quarter (Dey–Esfand).
        let today = jalali(1404, 10, 25);
        let p = |preset| Period::preset(preset, today, Lang::Fa);
        assert_eq!(p(Preset::ThisMonth), Period { from: jalali(1404, 10, 1), to: today });
        assert_eq!(p(Preset::LastMonth), Period { from: jalali(1404, 9, 1), to: jalali(1404, 9, 30) });
        assert_eq!(p(Preset::ThisQuarter), Period { from: jalali(1404, 10, 1), to: today });
        assert_eq!(p(Preset::LastQuarter), Period { from: jalali(1404, 7, 1), to: jalali(1404, 9, 30) });
        // The year runs Farvardin–Esfand: 1 Farvardin is 21 March 2025.
        assert_eq!(p(Preset::ThisYear), Period { from: day(2025, 3, 21), to: today });
        // Esfand 1404 has 29 days, Esfand 1403 (a leap year) 30.
        assert_eq!(Period::preset(Preset::LastMonth, jalali(1405, 1, 5), Lang::Fa).to, jalali(1404, 12, 29));
        assert_eq!(p(Preset::LastYear), Period { from: jalali(1403, 1, 1), to: jalali(1403, 12, 30) });
        // Farvardin: last month is Esfand of the year before.
        let spring = jalali(1405, 1, 10);
        assert_eq!(Period::preset(Preset::LastMonth, spring, Lang::Fa), Period { from: jalali(1404, 12, 1), to: jalali(1404, 12, 29) });
        assert_eq!(Period::preset(Preset::LastQuarter, spring, Lang::Fa).from, jalali(1404, 10, 1));
    }

    #[test]
    fn the_previous_period_has_as_many_days_and_ends_the_day_before() {
        let feb = Period::new(day(2026, 2, 1), day(2026, 2, 28)).unwrap();
        assert_eq!(feb.days(), 28);
        assert_eq!(feb.previous(), Period { from: day(2026, 1, 4), to: day(2026, 1, 31) });
        let one = Period::new(day(2026, 3, 1), day(2026, 3, 1)).unwrap();
        assert_eq!(one.previous(), Period { from: day(2026, 2, 28), to: day(2026, 2, 28) });
        assert!(feb.contains(day(2026, 2, 28)) && !feb.contains(day(2026, 3, 1)) && !feb.contains(day(2026, 1, 31)));
        assert_eq!(Period::new(day(2026, 3, 2), day(2026, 3, 1)), None);
    }
}
