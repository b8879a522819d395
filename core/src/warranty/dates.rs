//! Warranty term arithmetic: a term is a number of months, and where it ends
//! depends on the calendar the warranty card was written in — Jalali months
//! are 29 to 31 days long in a different pattern from Gregorian ones.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::locale::{from_jalali, month_len, to_jalali};

/// Which calendar a term in months is counted in. Persian warranties are
/// written in Jalali months.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermCalendar {
    #[default]
    Jalali,
    Gregorian,
}

impl TermCalendar {
    pub const ALL: [TermCalendar; 2] = [TermCalendar::Jalali, TermCalendar::Gregorian];
}

/// `date` plus `months` in that calendar, on the same day of the month,
/// clamped to the target month's last day (Jalali: months 1–6 have 31 days,
/// 7–11 have 30, Esfand 29 or 30 in leap years; Gregorian: Jan 31 + 1 →
/// Feb 28/29).
///
/// Periods that follow one another must be counted from their common start
/// with the summed months, not chained: once a day is clamped (31 Shahrivar →
/// 30 Mehr) chaining would keep the shorter day for every later month.
///
/// Beyond chrono's range (hundreds of thousands of years) the result is the
/// last representable day: such a term never ends in practice.
pub fn add_months(date: NaiveDate, months: u32, cal: TermCalendar) -> NaiveDate {
    let added = match cal {
        TermCalendar::Gregorian => date.checked_add_months(Months::new(months)),
        TermCalendar::Jalali => {
            let j = to_jalali(date);
            let index = i64::from(j.year) * 12 + i64::from(j.month - 1) + i64::from(months);
            let month = index.rem_euclid(12) as u32 + 1;
            i32::try_from(index.div_euclid(12)).ok().and_then(|year| {
                let day = j.day.min(month_len(year, month)?);
                from_jalali(year, month, day)
            })
        }
    };
    added.unwrap_or(NaiveDate::MAX)
}

/// The last day a term of `months` starting on `start` covers: the day before
/// the anniversary, e.g. Jalali 1402/01/01 + 12 → 1402/12/29. When the
/// start's day does not exist in the anniversary's month (a sale on 30
/// Esfand of a leap year, on 31 Shahrivar, on 31 January), the term runs to
/// the end of that month: the customer loses no day to the calendar.
/// `None` for a term of 0 months (no warranty).
pub fn last_covered_day(start: NaiveDate, months: u32, cal: TermCalendar) -> Option<NaiveDate> {
    if months == 0 {
        return None;
    }
    let anniversary = add_months(start, months, cal);
    if day_of_month(anniversary, cal) < day_of_month(start, cal) {
        return Some(anniversary);
    }
    anniversary.pred_opt()
}

fn day_of_month(date: NaiveDate, cal: TermCalendar) -> u32 {
    match cal {
        TermCalendar::Gregorian => chrono::Datelike::day(&date),
        TermCalendar::Jalali => to_jalali(date).day,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::{is_leap_jalali, JalaliDate};
    use TermCalendar::{Gregorian, Jalali};

    fn j(year: i32, month: u32, day: u32) -> NaiveDate {
        from_jalali(year, month, day).unwrap()
    }

    fn g(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn jalali_of(date: NaiveDate) -> (i32, u32, u32) {
        let JalaliDate { year, month, day } = to_jalali(date);
        (year, month, day)
    }

    #[test]
    fn the_jalali_dates_used_here_are_the_real_ones() {
        // Anchors the tests' `j` helper to known days, so the expectations
        // below do not merely repeat the conversion they rely on.
        assert_eq!(j(1403, 1, 1), g(2024, 3, 20));
        assert_eq!(j(1403, 12, 30), g(2025, 3, 20));
        assert_eq!(j(1404, 1, 1), g(2025, 3, 21));
        assert!(is_leap_jalali(1403) && !is_leap_jalali(1402) && !is_leap_jalali(1404));
    }

    #[test]
    fn jalali_months_keep_the_day_or_clamp_to_the_month_end() {
        assert_eq!(add_months(j(1403, 6, 31), 1, Jalali), j(1403, 7, 30));
        assert_eq!(add_months(j(1403, 6, 31), 1, Jalali), g(2024, 10, 21));
        assert_eq!(add_months(j(1403, 5, 31), 1, Jalali), j(1403, 6, 31));
        assert_eq!(add_months(j(1403, 1, 31), 11, Jalali), j(1403, 12, 30));
        assert_eq!(add_months(j(1402, 1, 31), 11, Jalali), j(1402, 12, 29));
        assert_eq!(add_months(j(1403, 3, 10), 0, Jalali), j(1403, 3, 10));
    }

    #[test]
    fn leap_esfand_exists_only_in_leap_years() {
        assert_eq!(add_months(j(1403, 12, 30), 12, Jalali), j(1404, 12, 29));
        assert_eq!(
            jalali_of(add_months(j(1402, 12, 29), 12, Jalali)),
            (1403, 12, 29)
        );
        assert_eq!(add_months(j(1402, 12, 29), 12, Jalali), g(2025, 3, 19));
    }

    #[test]
    fn months_wrap_into_the_next_year() {
        assert_eq!(add_months(j(1402, 11, 15), 3, Jalali), j(1403, 2, 15));
        assert_eq!(add_months(j(1402, 11, 15), 3, Jalali), g(2024, 5, 4));
        assert_eq!(add_months(j(1402, 12, 1), 1, Jalali), j(1403, 1, 1));
    }

    #[test]
    fn long_terms_count_whole_years() {
        assert_eq!(add_months(j(1402, 1, 1), 240, Jalali), j(1422, 1, 1));
        // 1423 is a common year, so 30 Esfand clamps to the 29th.
        assert_eq!(add_months(j(1403, 12, 30), 240, Jalali), j(1423, 12, 29));
        assert_eq!(add_months(g(2024, 2, 29), 240, Gregorian), g(2044, 2, 29));
        assert_eq!(add_months(g(2024, 2, 29), 12, Gregorian), g(2025, 2, 28));
    }

    #[test]
    fn terms_past_the_calendars_range_never_end() {
        assert_eq!(add_months(j(1403, 1, 1), u32::MAX, Jalali), NaiveDate::MAX);
        assert_eq!(
            add_months(g(2024, 1, 1), u32::MAX, Gregorian),
            NaiveDate::MAX
        );
    }

    #[test]
    fn gregorian_january_31_plus_one_is_the_end_of_february() {
        assert_eq!(add_months(g(2024, 1, 31), 1, Gregorian), g(2024, 2, 29));
        assert_eq!(add_months(g(2023, 1, 31), 1, Gregorian), g(2023, 2, 28));
        assert_eq!(add_months(g(2023, 11, 30), 3, Gregorian), g(2024, 2, 29));
    }

    #[test]
    fn a_start_day_missing_from_the_end_month_covers_that_whole_month() {
        // 30 Esfand of leap 1403 + 12: 1404 has no 30 Esfand, so all of 29 Esfand is covered.
        assert_eq!(last_covered_day(j(1403, 12, 30), 12, Jalali), Some(j(1404, 12, 29)));
        // 29 Esfand of 1403 + 12 ends the day before 29 Esfand 1404, one day earlier.
        assert_eq!(last_covered_day(j(1403, 12, 29), 12, Jalali), Some(j(1404, 12, 28)));
        assert_eq!(last_covered_day(j(1403, 6, 31), 1, Jalali), Some(j(1403, 7, 30)));
        assert_eq!(last_covered_day(j(1403, 6, 30), 1, Jalali), Some(j(1403, 7, 29)));
        assert_eq!(last_covered_day(g(2025, 1, 31), 1, Gregorian), Some(g(2025, 2, 28)));
        assert_eq!(last_covered_day(g(2024, 1, 31), 1, Gregorian), Some(g(2024, 2, 29)));
        assert_eq!(last_covered_day(g(2024, 1, 30), 1, Gregorian), Some(g(2024, 2, 29)));
    }

    #[test]
    fn the_last_covered_day_is_the_day_before_the_anniversary() {
        assert_eq!(
            last_covered_day(j(1402, 1, 1), 12, Jalali),
            Some(j(1402, 12, 29))
        );
        assert_eq!(
            last_covered_day(j(1403, 1, 1), 12, Jalali),
            Some(j(1403, 12, 30))
        );
        // Across the new year: six months from Dey end in Khordad.
        assert_eq!(
            last_covered_day(j(1402, 10, 1), 6, Jalali),
            Some(j(1403, 3, 31))
        );
        assert_eq!(
            last_covered_day(j(1402, 12, 15), 1, Jalali),
            Some(j(1403, 1, 14))
        );
        assert_eq!(
            last_covered_day(g(2024, 1, 15), 12, Gregorian),
            Some(g(2025, 1, 14))
        );
        assert_eq!(last_covered_day(j(1402, 1, 1), 0, Jalali), None);
    }

    #[test]
    fn periods_are_counted_from_the_start_not_chained() {
        let start = j(1403, 6, 31);
        let first = add_months(start, 1, Jalali);
        assert_eq!(first, j(1403, 7, 30));
        // Aban also has 30 days, so here both ways agree.
        assert_eq!(add_months(first, 1, Jalali), j(1403, 8, 30));
        assert_eq!(add_months(start, 2, Jalali), j(1403, 8, 30));
        // Farvardin has 31: chaining would lose the day the clamp took.
        assert_eq!(add_months(first, 6, Jalali), j(1404, 1, 30));
        assert_eq!(add_months(start, 7, Jalali), j(1404, 1, 31));
    }

    #[test]
    fn calendars_are_stored_by_name() {
        let names: Vec<String> = TermCalendar::ALL
            .iter()
            .map(|c| serde_json::to_string(c).unwrap())
            .collect();
        assert_eq!(names, ["\"jalali\"", "\"gregorian\""]);
        assert_eq!(TermCalendar::default(), Jalali);
    }
}
