//! A month of the user's calendar laid out as weeks, for the date picker:
//! Jalali months with weeks starting on Saturday in Persian, Gregorian months
//! with weeks starting on Monday in English.

use super::dates::gregorian_month_len;
use super::jalali::{from_jalali, month_len, month_name, to_jalali};
use super::{localize_digits, Lang};
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// A month in the calendar of a language (Jalali for Persian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Month {
    pub year: i32,
    /// 1..=12
    pub month: u32,
    pub lang: Lang,
}

const GREGORIAN_MONTHS_EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

impl Month {
    /// The month containing `date`.
    pub fn of(date: NaiveDate, lang: Lang) -> Self {
        match lang {
            Lang::Fa => {
                let j = to_jalali(date);
                Self { year: j.year, month: j.month, lang }
            }
            Lang::En => Self { year: date.year(), month: date.month(), lang },
        }
    }

    pub fn next(self) -> Self {
        if self.month == 12 { Self { year: self.year + 1, month: 1, ..self } } else { Self { month: self.month + 1, ..self } }
    }

    pub fn previous(self) -> Self {
        if self.month == 1 { Self { year: self.year - 1, month: 12, ..self } } else { Self { month: self.month - 1, ..self } }
    }

    /// "مرداد ۱۴۰۳" / "August 2024".
    pub fn title(self) -> String {
        match self.lang {
            Lang::Fa => localize_digits(&format!("{} {}", month_name(self.month, Lang::Fa).unwrap_or(""), self.year), Lang::Fa),
            Lang::En => format!("{} {}", GREGORIAN_MONTHS_EN[(self.month - 1) as usize % 12], self.year),
        }
    }

    /// Every day of the month, in order.
    pub fn days(self) -> Vec<NaiveDate> {
        let (first, len) = match self.lang {
            Lang::Fa => (from_jalali(self.year, self.month, 1), month_len(self.year, self.month)),
            Lang::En => (NaiveDate::from_ymd_opt(self.year, self.month, 1), gregorian_month_len(self.year, self.month)),
        };
        match (first, len) {
            (Some(first), Some(len)) => first.iter_days().take(len as usize).collect(),
            _ => Vec::new(),
        }
    }

    /// The month as rows of seven, blanks (None) before the first and after
    /// the last day so each column is one weekday.
    pub fn weeks(self) -> Vec<[Option<NaiveDate>; 7]> {
        let days = self.days();
        let Some(first) = days.first() else { return Vec::new() };
        let lead = column(first.weekday(), self.lang);
        let mut cells: Vec<Option<NaiveDate>> = vec![None; lead];
        cells.extend(days.into_iter().map(Some));
        cells.resize(cells.len().div_ceil(7) * 7, None);
        cells.chunks(7).map(|w| [w[0], w[1], w[2], w[3], w[4], w[5], w[6]]).collect()
    }
}

/// Column of a weekday: the Persian week starts on Saturday, the English (ISO) on Monday.
fn column(day: Weekday, lang: Lang) -> usize {
    match lang {
        Lang::Fa => ((day.num_days_from_monday() + 2) % 7) as usize,
        Lang::En => day.num_days_from_monday() as usize,
    }
}

/// Short weekday names in column order.
pub fn weekday_labels(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Fa => ["ش", "ی", "د", "س", "چ", "پ", "ج"],
        Lang::En => ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"],
    }
}

/// The day-of-month number in the language's calendar and digits.
pub fn day_number(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fa => localize_digits(&to_jalali(date).day.to_string(), Lang::Fa),
        Lang::En => date.day().to_string(),
    }
}

/// The first day of the week holding `date`: Saturday in Persian, Monday in
/// English, as the date picker lays weeks out.
pub fn week_start(date: NaiveDate, lang: Lang) -> NaiveDate {
    let from_monday = date.weekday().num_days_from_monday();
    let back = match lang {
        Lang::Fa => (from_monday + 2) % 7,
        Lang::En => from_monday,
    };
    date - Days::new(u64::from(back))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn persian_month_starts_in_the_saturday_column() {
        // 1 Mordad 1403 = 2024-07-22, a Monday: the third column (Sat, Sun, Mon).
        let m = Month::of(d(2024, 8, 2), Lang::Fa);
        assert_eq!((m.year, m.month), (1403, 5));
        assert_eq!(m.title(), "مرداد ۱۴۰۳");
        let weeks = m.weeks();
        assert_eq!(weeks[0][..2], [None, None]);
        assert_eq!(weeks[0][2], Some(d(2024, 7, 22)));
        assert_eq!(m.days().len(), 31);
        assert_eq!(weeks.iter().flatten().flatten().count(), 31);
    }

    #[test]
    fn esfand_of_a_leap_year_has_30_days() {
        let esfand_1403 = Month { year: 1403, month: 12, lang: Lang::Fa };
        assert_eq!(esfand_1403.days().last(), Some(&d(2025, 3, 20)));
        assert_eq!(esfand_1403.next().days().first(), Some(&d(2025, 3, 21)));
        assert_eq!(Month { year: 1404, month: 12, lang: Lang::Fa }.days().len(), 29);
    }

    #[test]
    fn english_months_are_gregorian_and_start_on_monday() {
        let m = Month::of(d(2024, 2, 10), Lang::En);
        assert_eq!(m.title(), "February 2024");
        assert_eq!(m.days().len(), 29);
        // 2024-02-01 was a Thursday.
        assert_eq!(m.weeks()[0][3], Some(d(2024, 2, 1)));
        assert_eq!(m.previous().title(), "January 2024");
        assert_eq!(Month::of(d(2023, 12, 31), Lang::En).next().title(), "January 2024");
    }

    #[test]
    fn every_week_row_is_seven_days_of_one_weekday_per_column() {
        for lang in [Lang::Fa, Lang::En] {
            let mut m = Month::of(d(2020, 1, 1), lang);
            for _ in 0..60 {
                for week in m.weeks() {
                    for (col, day) in week.iter().enumerate() {
                        if let Some(day) = day {
                            assert_eq!(column(day.weekday(), lang), col);
                        }
                    }
                }
                m = m.next();
            }
        }
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number(d(2024, 8, 2), Lang::Fa), "۱۲");
        assert_eq!(day_number(d(2024, 8, 2), Lang::En), "2");
        assert_eq!(weekday_labels(Lang::Fa)[0], "ش");
    }
    #[test]
    fn weeks_start_on_saturday_in_persian_and_monday_in_english() {
        let wednesday = d(2026, 3, 4);
        assert_eq!(wednesday.weekday(), Weekday::Wed);
        assert_eq!(week_start(wednesday, Lang::Fa), d(2026, 2, 28));
        assert_eq!(week_start(wednesday, Lang::En), d(2026, 3, 2));
        let saturday = d(2026, 2, 28);
        assert_eq!(week_start(saturday, Lang::Fa), saturday);
        assert_eq!(week_start(saturday, Lang::En), d(2026, 2, 23));
        let friday = d(2026, 3, 6);
        assert_eq!(week_start(friday, Lang::Fa), saturday);
        let sunday = d(2026, 3, 8);
        assert_eq!(week_start(sunday, Lang::En), d(2026, 3, 2));
        assert_eq!(week_start(sunday, Lang::Fa), d(2026, 3, 7));
        for lang in Lang::ALL {
            let first = week_start(wednesday, lang);
            assert!(first <= wednesday && (wednesday - first).num_days() < 7);
        }
    }

}
