//! Jalali (Solar Hijri) <-> Gregorian conversion.
//!
//! # Decision: our own arithmetic, not the `parsidate` crate
//!
//! `parsidate` 1.7.1 was checked against `testdata/jalali_1300_1500.csv` and
//! is correct (all 201 rows, all 73,414 days of 1300–1500 round-trip). It is
//! still rejected because it depends on `chrono` *with default features*;
//! Cargo unifies features, so that would switch on chrono's `clock` and
//! `wasmbind` for the whole workspace and pull `js-sys` and `wasm-bindgen`
//! into `daftar-core` on wasm32 (seen with `cargo tree --target
//! wasm32-unknown-unknown`), which breaks this crate's "no browser code" rule.
//! It is also ~7k lines for what is, in our range, thirty lines of arithmetic.
//!
//! # The rule
//!
//! A year is leap when `year mod 33` is one of 1, 5, 9, 13, 17, 22, 26, 30.
//! The official Iranian calendar is astronomical (the year starts on the day
//! of the March equinox if it falls before noon in Tehran), and the 33-year
//! rule is only a model of it. For 1300–1500 SH the reference table was
//! produced only where three independent implementations agree: `convertdate`
//! (astronomical, computing the equinox with pymeeus), `jdatetime` (FarsiWeb's
//! arithmetic) and `persiantools` (33-year rule plus correction tables). They
//! agree on every year, so this rule is exact over that span. The popular
//! 2820-year cycle (Birashk) is *wrong* there: it disagrees with the
//! astronomical calendar in 1403/1404, 1436/1437 and 1469/1470 — e.g. it misses
//! 30 Esfand 1403 (20 March 2025), a day that really existed.
//!
//! Outside the range the rule is applied proleptically so every `NaiveDate`
//! still has exactly one Jalali date and conversions stay consistent. It is
//! known to drift from the astronomical calendar first at 1502/1503 (2123 AD),
//! and before 1300 the reference sources already disagree among themselves.

use chrono::{Datelike, NaiveDate};

use super::Lang;

/// A day in the Jalali calendar. Field order makes the derived `Ord`
/// chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JalaliDate {
    pub year: i32,
    /// 1 = Farvardin … 12 = Esfand.
    pub month: u32,
    pub day: u32,
}

impl JalaliDate {
    /// Only valid calendar days can be built this way.
    pub fn new(year: i32, month: u32, day: u32) -> Option<JalaliDate> {
        let len = month_len(year, month)?;
        (1..=len)
            .contains(&day)
            .then_some(JalaliDate { year, month, day })
    }

    pub fn to_gregorian(self) -> Option<NaiveDate> {
        from_jalali(self.year, self.month, self.day)
    }
}

pub const MONTH_NAMES_FA: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];

pub const MONTH_NAMES_EN: [&str; 12] = [
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
];

/// Jalali month name; `None` outside 1..=12 rather than a panic, since month
/// numbers often come straight from user input.
pub fn month_name(month: u32, lang: Lang) -> Option<&'static str> {
    let i = usize::try_from(month).ok()?.checked_sub(1)?;
    match lang {
        Lang::Fa => MONTH_NAMES_FA.get(i).copied(),
        Lang::En => MONTH_NAMES_EN.get(i).copied(),
    }
}

const CYCLE_YEARS: i64 = 33;
const CYCLE_DAYS: i64 = 33 * 365 + 8;

/// Leap years among the first `phase` years of a 33-year cycle (years with
/// remainder 1..=phase), so year starts need no loop.
const LEAPS_BEFORE_PHASE: [i64; 33] = [
    0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7, 8, 8,
    8,
];

pub fn is_leap_jalali(year: i32) -> bool {
    matches!(year.rem_euclid(33), 1 | 5 | 9 | 13 | 17 | 22 | 26 | 30)
}

/// Days in a month, or `None` for a month outside 1..=12.
pub fn month_len(year: i32, month: u32) -> Option<u32> {
    match month {
        1..=6 => Some(31),
        7..=11 => Some(30),
        12 if is_leap_jalali(year) => Some(30),
        12 => Some(29),
        _ => None,
    }
}

/// Days from 1 Farvardin of year 1 to 1 Farvardin of `year` (negative before
/// it). i64 so that any i32 year is safe.
const fn days_before_year(year: i32) -> i64 {
    let k = year as i64 - 1;
    let cycles = k.div_euclid(CYCLE_YEARS);
    let phase = k.rem_euclid(CYCLE_YEARS) as usize;
    365 * k + 8 * cycles + LEAPS_BEFORE_PHASE[phase]
}

/// Anchor the arithmetic to a date that all reference sources agree on
/// (1 Farvardin 1300 = 21 March 1921, chrono day 701,345 counting 1 Jan 1 CE
/// as day 1), instead of trusting a historical epoch.
const FARVARDIN_1300_CE_DAY: i64 = 701_345;
const EPOCH_CE_DAY: i64 = FARVARDIN_1300_CE_DAY - days_before_year(1300);

const fn days_before_month(month: u32) -> i64 {
    if month <= 7 {
        (month as i64 - 1) * 31
    } else {
        186 + (month as i64 - 7) * 30
    }
}

pub fn to_jalali(date: NaiveDate) -> JalaliDate {
    let n = date.num_days_from_ce() as i64 - EPOCH_CE_DAY;
    // The cycle-average estimate is off by at most one year either way.
    let mut year = (n * CYCLE_YEARS).div_euclid(CYCLE_DAYS) as i32 + 1;
    while days_before_year(year) > n {
        year -= 1;
    }
    while days_before_year(year + 1) <= n {
        year += 1;
    }
    let day_of_year = n - days_before_year(year);
    let (month, day) = if day_of_year < 186 {
        (day_of_year / 31 + 1, day_of_year % 31 + 1)
    } else {
        let rest = day_of_year - 186;
        (rest / 30 + 7, rest % 30 + 1)
    };
    JalaliDate {
        year,
        month: month as u32,
        day: day as u32,
    }
}

/// `None` for days that do not exist (month 13, 31 Mehr, 30 Esfand of a
/// common year) and for years beyond chrono's range.
pub fn from_jalali(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let len = month_len(year, month)?;
    if day == 0 || day > len {
        return None;
    }
    let n = days_before_year(year) + days_before_month(month) + (day as i64 - 1);
    let ce_day = i32::try_from(n + EPOCH_CE_DAY).ok()?;
    NaiveDate::from_num_days_from_ce_opt(ce_day)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = include_str!("testdata/jalali_1300_1500.csv");

    struct Row {
        year: i32,
        leap: bool,
        first: NaiveDate,
        last: NaiveDate,
    }

    fn rows() -> Vec<Row> {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("year") && !l.trim().is_empty())
            .map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                assert_eq!(f.len(), 4, "bad row {l}");
                Row {
                    year: f[0].parse().unwrap(),
                    leap: match f[1] {
                        "1" => true,
                        "0" => false,
                        other => panic!("bad leap flag {other}"),
                    },
                    first: f[2].parse().unwrap(),
                    last: f[3].parse().unwrap(),
                }
            })
            .collect()
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn j(year: i32, month: u32, day: u32) -> JalaliDate {
        JalaliDate { year, month, day }
    }

    #[test]
    fn table_covers_1300_to_1500() {
        let years: Vec<i32> = rows().iter().map(|r| r.year).collect();
        assert_eq!(years, (1300..=1500).collect::<Vec<_>>());
    }

    #[test]
    fn table_rows_both_ways() {
        for r in rows() {
            let last_day = if r.leap { 30 } else { 29 };
            assert_eq!(is_leap_jalali(r.year), r.leap, "leap {}", r.year);
            assert_eq!(month_len(r.year, 12), Some(last_day), "esfand {}", r.year);
            assert_eq!(
                from_jalali(r.year, 1, 1),
                Some(r.first),
                "1 Farvardin {}",
                r.year
            );
            assert_eq!(
                from_jalali(r.year, 12, last_day),
                Some(r.last),
                "end {}",
                r.year
            );
            assert_eq!(to_jalali(r.first), j(r.year, 1, 1));
            assert_eq!(to_jalali(r.last), j(r.year, 12, last_day));
            assert_eq!(from_jalali(r.year, 12, last_day + 1), None);
        }
    }

    #[test]
    fn table_is_self_consistent() {
        let rows = rows();
        for w in rows.windows(2) {
            assert_eq!(
                w[0].last.succ_opt(),
                Some(w[1].first),
                "gap after {}",
                w[0].year
            );
        }
        for r in &rows {
            let len = (r.last - r.first).num_days() + 1;
            assert_eq!(len, if r.leap { 366 } else { 365 }, "length {}", r.year);
        }
    }

    #[test]
    fn every_day_1300_to_1500_round_trips_and_is_consecutive() {
        let mut expected = from_jalali(1300, 1, 1).unwrap();
        let mut count = 0u32;
        for year in 1300..=1500 {
            for month in 1..=12 {
                for day in 1..=month_len(year, month).unwrap() {
                    let g = from_jalali(year, month, day).unwrap();
                    assert_eq!(g, expected, "{year}/{month}/{day}");
                    assert_eq!(to_jalali(g), j(year, month, day));
                    assert_eq!(
                        JalaliDate::new(year, month, day).unwrap().to_gregorian(),
                        Some(g)
                    );
                    expected = expected.succ_opt().unwrap();
                    count += 1;
                }
            }
        }
        assert_eq!(expected, ymd(2122, 3, 21), "1 Farvardin 1501");
        assert_eq!(count, 73_414);
    }

    #[test]
    fn known_dates() {
        assert_eq!(to_jalali(ymd(2024, 8, 2)), j(1403, 5, 12));
        assert_eq!(to_jalali(ymd(1979, 2, 11)), j(1357, 11, 22));
        assert_eq!(to_jalali(ymd(2025, 3, 20)), j(1403, 12, 30));
        assert_eq!(to_jalali(ymd(2025, 3, 21)), j(1404, 1, 1));
        assert_eq!(from_jalali(1403, 7, 1), Some(ymd(2024, 9, 22)));
        // Proleptic arithmetic, not history: the astronomical epoch is a day
        // later (22 March 622); see the module docs.
        assert_eq!(from_jalali(1, 1, 1), Some(ymd(622, 3, 21)));
    }

    #[test]
    fn invalid_dates_are_none() {
        assert_eq!(from_jalali(1403, 12, 31), None);
        assert_eq!(from_jalali(1402, 12, 30), None, "1402 is common");
        assert!(from_jalali(1403, 12, 30).is_some(), "1403 is leap");
        assert_eq!(from_jalali(1404, 12, 30), None, "1404 is common");
        assert_eq!(from_jalali(1403, 13, 1), None);
        assert_eq!(from_jalali(1403, 0, 1), None);
        assert_eq!(from_jalali(1403, 1, 0), None);
        assert_eq!(from_jalali(1403, 6, 32), None);
        assert_eq!(from_jalali(1403, 7, 31), None);
        assert_eq!(from_jalali(1403, u32::MAX, u32::MAX), None);
        assert_eq!(JalaliDate::new(1403, 7, 31), None);
        assert_eq!(JalaliDate::new(1403, 12, 30), Some(j(1403, 12, 30)));
    }

    #[test]
    fn extreme_years_do_not_panic() {
        assert_eq!(from_jalali(i32::MAX, 1, 1), None);
        assert_eq!(from_jalali(i32::MIN, 1, 1), None);
        for d in [
            NaiveDate::MIN,
            NaiveDate::MAX,
            ymd(1, 1, 1),
            ymd(-1, 12, 31),
        ] {
            let jd = to_jalali(d);
            assert_eq!(from_jalali(jd.year, jd.month, jd.day), Some(d), "{d}");
        }
    }

    #[test]
    fn proleptic_range_stays_consistent() {
        // Far outside the verified span, conversion must still be a bijection.
        let mut d = ymd(-3000, 1, 1);
        let end = ymd(5000, 1, 1);
        let mut prev = to_jalali(d.pred_opt().unwrap());
        while d < end {
            let jd = to_jalali(d);
            assert!(jd > prev, "{d}");
            assert_eq!(from_jalali(jd.year, jd.month, jd.day), Some(d));
            prev = jd;
            d = d.succ_opt().unwrap();
        }
    }

    #[test]
    fn leap_rule_and_month_lengths() {
        let leaps: Vec<i32> = (1395..=1410).filter(|&y| is_leap_jalali(y)).collect();
        assert_eq!(leaps, vec![1395, 1399, 1403, 1408]);
        assert!(!is_leap_jalali(0));
        assert!(
            is_leap_jalali(-32),
            "rem_euclid keeps negative years on the cycle"
        );
        assert_eq!(month_len(1403, 1), Some(31));
        assert_eq!(month_len(1403, 6), Some(31));
        assert_eq!(month_len(1403, 7), Some(30));
        assert_eq!(month_len(1403, 11), Some(30));
        assert_eq!(month_len(1402, 12), Some(29));
        assert_eq!(month_len(1403, 0), None);
        assert_eq!(month_len(1403, 13), None);
        let year: u32 = (1..=12).map(|m| month_len(1403, m).unwrap()).sum();
        assert_eq!(year, 366);
    }

    #[test]
    fn month_names() {
        assert_eq!(month_name(1, Lang::Fa), Some("فروردین"));
        assert_eq!(month_name(5, Lang::Fa), Some("مرداد"));
        assert_eq!(month_name(12, Lang::Fa), Some("اسفند"));
        assert_eq!(month_name(1, Lang::En), Some("Farvardin"));
        assert_eq!(month_name(12, Lang::En), Some("Esfand"));
        assert_eq!(month_name(0, Lang::Fa), None);
        assert_eq!(month_name(13, Lang::En), None);
        assert_eq!(month_name(u32::MAX, Lang::En), None);
        // Persian forms only: Arabic Yeh U+064A or Kaf U+0643 would break search.
        for name in MONTH_NAMES_FA {
            assert!(
                !name.contains(['\u{064A}', '\u{0643}', '\u{0649}']),
                "{name}"
            );
        }
        assert!(MONTH_NAMES_FA[0].contains('\u{06CC}'));
    }
}
