//! Dates as people read and type them: Jalali with Persian digits for Persian
//! readers, ISO 8601 for English ones. Storage stays `NaiveDate`/epoch ms;
//! these functions only sit at the edge.

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Timelike};

use super::digits::{digit_value, to_persian_digits};
use super::jalali::{from_jalali, month_len, month_name, to_jalali};
use super::Lang;

const MONTHS_EN_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Fa: Jalali `۱۴۰۳/۰۵/۱۲`; En: ISO `2024-08-02`. Fixed width so columns
/// of dates line up and sort as text.
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fa => {
            let j = to_jalali(date);
            to_persian_digits(&format!("{:04}/{:02}/{:02}", j.year, j.month, j.day))
        }
        Lang::En => format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day()),
    }
}

/// Fa: `۱۲ مرداد ۱۴۰۳`; En: `2 Aug 2024` (Gregorian, as English readers
/// expect).
pub fn format_date_long(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fa => {
            let j = to_jalali(date);
            let month = month_name(j.month, Lang::Fa).unwrap_or("");
            to_persian_digits(&format!("{} {} {}", j.day, month, j.year))
        }
        Lang::En => {
            let month = MONTHS_EN_SHORT[date.month0() as usize];
            format!("{} {} {}", date.day(), month, date.year())
        }
    }
}

/// Date and time of day in UTC, e.g. `۱۴۰۳/۰۵/۱۲ ۱۴:۳۰` / `2024-08-02 14:30`.
///
/// UTC because core has no access to the user's time zone (that lives in the
/// browser); use [`format_datetime_ms_offset`] when the UI knows it. An
/// `epoch_ms` outside chrono's range gives an empty string rather than a
/// made-up date.
pub fn format_datetime_ms(epoch_ms: i64, lang: Lang) -> String {
    format_datetime_ms_offset(epoch_ms, 0, lang)
}

/// Like [`format_datetime_ms`] at a fixed offset in minutes *east* of UTC
/// (Tehran is +210). JavaScript's `Date.getTimezoneOffset()` counts the other
/// way, so pass its negation. An offset of a whole day or more is no time
/// zone and gives an empty string, like an out-of-range `epoch_ms`.
pub fn format_datetime_ms_offset(epoch_ms: i64, offset_minutes: i32, lang: Lang) -> String {
    if offset_minutes.unsigned_abs() >= 24 * 60 {
        return String::new();
    }
    let local = DateTime::from_timestamp_millis(epoch_ms)
        .map(|utc| utc.naive_utc())
        .and_then(|t| t.checked_add_signed(TimeDelta::try_minutes(i64::from(offset_minutes))?));
    let Some(t) = local else {
        return String::new();
    };
    let time = format!("{:02}:{:02}", t.hour(), t.minute());
    let time = match lang {
        Lang::Fa => to_persian_digits(&time),
        Lang::En => time,
    };
    format!("{} {}", format_date(t.date(), lang), time)
}

/// Why typed text is not a date. No strings: the UI words it per language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    Empty,
    /// Not `yyyy/mm/dd` or `yyyy-mm-dd` with a four-digit year.
    Malformed,
    /// Year 0 does not exist in either calendar as people use them.
    InvalidYear,
    InvalidMonth {
        month: u32,
    },
    /// `max` is the length of that month, so the UI can say "at most 29".
    InvalidDay {
        day: u32,
        max: u32,
    },
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // For logs only; users see the UI's translation of the variant.
        write!(f, "{self:?}")
    }
}

impl std::error::Error for DateError {}

/// A Jalali year this large is 2321 AD or later: no CRM date. A Persian user
/// typing `2024/08/02` means Gregorian, so reading it as Jalali would
/// silently produce a date six centuries away.
const FA_GREGORIAN_FROM_YEAR: u32 = 1700;

/// Reads year-first dates: `yyyy/mm/dd` or `yyyy-mm-dd` (one separator kind
/// per date, month and day may be one digit), in Persian, Arabic-Indic or
/// ASCII digits, ignoring surrounding whitespace and any bidi marks.
///
/// Fa reads Jalali, except years from 1700 up which are taken as Gregorian
/// (see above); En reads Gregorian (ISO 8601).
pub fn parse_date(s: &str, lang: Lang) -> Result<NaiveDate, DateError> {
    let (year, month, day) = split_ymd(s)?;
    if year == 0 {
        return Err(DateError::InvalidYear);
    }
    let gregorian = lang == Lang::En || year >= FA_GREGORIAN_FROM_YEAR;
    // Four digits always fit in i32.
    let y = year as i32;
    let max = if gregorian {
        gregorian_month_len(y, month)
    } else {
        month_len(y, month)
    }
    .ok_or(DateError::InvalidMonth { month })?;
    if day == 0 || day > max {
        return Err(DateError::InvalidDay { day, max });
    }
    let date = if gregorian {
        NaiveDate::from_ymd_opt(y, month, day)
    } else {
        from_jalali(y, month, day)
    };
    // Validated above, so this only guards against a bug in the checks.
    date.ok_or(DateError::Malformed)
}

/// Invisible direction marks that pasted RTL text carries.
fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2066}'..='\u{2069}' | '\u{202A}'..='\u{202E}')
}

fn split_ymd(s: &str) -> Result<(u32, u32, u32), DateError> {
    let s = s.trim_matches(|c: char| c.is_whitespace() || is_bidi_mark(c));
    if s.is_empty() {
        return Err(DateError::Empty);
    }
    let mut parts = [0u32; 3];
    let mut widths = [0usize; 3];
    let mut part = 0;
    let mut sep = None;
    for c in s.chars() {
        if let Some(v) = digit_value(c) {
            widths[part] += 1;
            // Wider than any valid field: stop before the number can grow.
            if widths[part] > 4 {
                return Err(DateError::Malformed);
            }
            parts[part] = parts[part] * 10 + v;
        } else if c == '/' || c == '-' {
            if *sep.get_or_insert(c) != c || part == 2 {
                return Err(DateError::Malformed);
            }
            part += 1;
        } else if !is_bidi_mark(c) {
            return Err(DateError::Malformed);
        }
    }
    let width_ok = widths[0] == 4 && (1..=2).contains(&widths[1]) && (1..=2).contains(&widths[2]);
    if part != 2 || !width_ok {
        return Err(DateError::Malformed);
    }
    Ok((parts[0], parts[1], parts[2]))
}

pub(super) fn gregorian_month_len(year: i32, month: u32) -> Option<u32> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if leap => Some(29),
        2 => Some(28),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn short_format() {
        assert_eq!(format_date(ymd(2024, 8, 2), Lang::Fa), "۱۴۰۳/۰۵/۱۲");
        assert_eq!(format_date(ymd(2024, 8, 2), Lang::En), "2024-08-02");
        assert_eq!(format_date(ymd(2025, 3, 20), Lang::Fa), "۱۴۰۳/۱۲/۳۰");
        assert_eq!(format_date(ymd(2025, 3, 21), Lang::Fa), "۱۴۰۴/۰۱/۰۱");
        assert_eq!(format_date(ymd(1, 1, 1), Lang::En), "0001-01-01");
    }

    #[test]
    fn long_format() {
        assert_eq!(format_date_long(ymd(2024, 8, 2), Lang::Fa), "۱۲ مرداد ۱۴۰۳");
        assert_eq!(format_date_long(ymd(2024, 8, 2), Lang::En), "2 Aug 2024");
        assert_eq!(
            format_date_long(ymd(2025, 3, 21), Lang::Fa),
            "۱ فروردین ۱۴۰۴"
        );
        assert_eq!(format_date_long(ymd(2024, 12, 31), Lang::En), "31 Dec 2024");
    }

    #[test]
    fn extreme_dates_format_without_panic() {
        for d in [NaiveDate::MIN, NaiveDate::MAX] {
            for l in Lang::ALL {
                assert!(!format_date(d, l).is_empty());
                assert!(!format_date_long(d, l).is_empty());
            }
        }
    }

    #[test]
    fn datetime_in_utc_and_offset() {
        let ms = 1_722_609_000_000; // 2024-08-02 14:30 UTC
        assert_eq!(format_datetime_ms(ms, Lang::En), "2024-08-02 14:30");
        assert_eq!(format_datetime_ms(ms, Lang::Fa), "۱۴۰۳/۰۵/۱۲ ۱۴:۳۰");
        assert_eq!(format_datetime_ms(0, Lang::En), "1970-01-01 00:00");
        assert_eq!(format_datetime_ms(0, Lang::Fa), "۱۳۴۸/۱۰/۱۱ ۰۰:۰۰");
        assert_eq!(format_datetime_ms(-1, Lang::En), "1969-12-31 23:59");
        // 22:00 UTC is already the next day in Tehran.
        let late = 1_722_636_000_000;
        assert_eq!(
            format_datetime_ms_offset(late, 210, Lang::Fa),
            "۱۴۰۳/۰۵/۱۳ ۰۱:۳۰"
        );
        assert_eq!(
            format_datetime_ms_offset(late, -60, Lang::En),
            "2024-08-02 21:00"
        );
    }

    #[test]
    fn datetime_out_of_range_is_empty() {
        assert_eq!(format_datetime_ms(i64::MAX, Lang::Fa), "");
        assert_eq!(format_datetime_ms(i64::MIN, Lang::En), "");
        assert_eq!(format_datetime_ms_offset(0, 24 * 60, Lang::En), "");
        assert_eq!(format_datetime_ms_offset(0, i32::MIN, Lang::Fa), "");
        assert_eq!(
            format_datetime_ms_offset(0, 14 * 60, Lang::En),
            "1970-01-01 14:00"
        );
        // The last representable instant plus a valid offset overflows.
        let last = NaiveDate::MAX
            .and_hms_milli_opt(23, 59, 59, 999)
            .unwrap()
            .and_utc()
            .timestamp_millis();
        assert!(!format_datetime_ms(last, Lang::En).is_empty());
        assert_eq!(format_datetime_ms_offset(last, 60, Lang::En), "");
    }

    #[test]
    fn parse_persian() {
        let d = ymd(2024, 8, 2);
        assert_eq!(parse_date("۱۴۰۳/۰۵/۱۲", Lang::Fa), Ok(d));
        assert_eq!(parse_date("1403-5-12", Lang::Fa), Ok(d));
        assert_eq!(parse_date("١٤٠٣/٠٥/١٢", Lang::Fa), Ok(d));
        assert_eq!(parse_date("  ۱۴۰۳/۵/۱۲\n", Lang::Fa), Ok(d));
        assert_eq!(
            parse_date("\u{200F}۱۴۰۳/\u{200F}۰۵/۱۲\u{200E}", Lang::Fa),
            Ok(d)
        );
        assert_eq!(parse_date("۱۴۰۳/۱۲/۳۰", Lang::Fa), Ok(ymd(2025, 3, 20)));
        // A Gregorian year typed in the Persian UI is read as Gregorian.
        assert_eq!(parse_date("2024-08-02", Lang::Fa), Ok(d));
        assert_eq!(
            parse_date("1699/01/01", Lang::Fa),
            from_jalali(1699, 1, 1).ok_or(DateError::Malformed)
        );
    }

    #[test]
    fn parse_english() {
        assert_eq!(parse_date("2024-08-02", Lang::En), Ok(ymd(2024, 8, 2)));
        assert_eq!(parse_date("2024-8-2", Lang::En), Ok(ymd(2024, 8, 2)));
        assert_eq!(parse_date("2024/08/02", Lang::En), Ok(ymd(2024, 8, 2)));
        assert_eq!(parse_date("۲۰۲۴-۰۲-۲۹", Lang::En), Ok(ymd(2024, 2, 29)));
        // English is always Gregorian, even for years that look Jalali.
        assert_eq!(parse_date("1403-05-12", Lang::En), Ok(ymd(1403, 5, 12)));
    }

    #[test]
    fn parse_refuses_impossible_days() {
        use DateError::*;
        assert_eq!(
            parse_date("1404/12/30", Lang::Fa),
            Err(InvalidDay { day: 30, max: 29 })
        );
        assert_eq!(
            parse_date("1403/12/31", Lang::Fa),
            Err(InvalidDay { day: 31, max: 30 })
        );
        assert_eq!(
            parse_date("1403/07/31", Lang::Fa),
            Err(InvalidDay { day: 31, max: 30 })
        );
        assert_eq!(
            parse_date("1403/01/00", Lang::Fa),
            Err(InvalidDay { day: 0, max: 31 })
        );
        assert_eq!(
            parse_date("1403/13/01", Lang::Fa),
            Err(InvalidMonth { month: 13 })
        );
        assert_eq!(
            parse_date("1403/00/01", Lang::Fa),
            Err(InvalidMonth { month: 0 })
        );
        assert_eq!(
            parse_date("2023-02-29", Lang::En),
            Err(InvalidDay { day: 29, max: 28 })
        );
        assert_eq!(
            parse_date("1900-02-29", Lang::En),
            Err(InvalidDay { day: 29, max: 28 })
        );
        assert_eq!(
            parse_date("2024-04-31", Lang::En),
            Err(InvalidDay { day: 31, max: 30 })
        );
        assert_eq!(
            parse_date("2024-99-01", Lang::En),
            Err(InvalidMonth { month: 99 })
        );
        assert_eq!(parse_date("0000-01-01", Lang::En), Err(InvalidYear));
        assert_eq!(parse_date("0000/01/01", Lang::Fa), Err(InvalidYear));
    }

    #[test]
    fn parse_refuses_garbage() {
        use DateError::*;
        for l in Lang::ALL {
            assert_eq!(parse_date("", l), Err(Empty));
            assert_eq!(parse_date(" \u{200F} ", l), Err(Empty));
            for bad in [
                "abc",
                "1403/05",
                "1403/05/12/1",
                "03/05/12",
                "140/05/12",
                "14030/01/01",
                "1403//12",
                "/1403/05/12",
                "1403/05/12/",
                "1403/05-12",
                "1403/005/12",
                "1403 /05/12",
                "1403.05.12",
                "۱۴۰۳/۰۵/۱۲ ۱۰:۳۰",
                "-1403-05-12",
                "12/05/1403",
                "1403/05/12x",
                "١٤٠٣/٠٥/١٢ب",
            ] {
                assert_eq!(parse_date(bad, l), Err(Malformed), "{bad:?} {l:?}");
            }
        }
        assert_eq!(parse_date(&"1".repeat(1_000_000), Lang::Fa), Err(Malformed));
        assert_eq!(parse_date(&"/".repeat(1_000_000), Lang::En), Err(Malformed));
    }

    #[test]
    fn format_then_parse_round_trips() {
        let mut d = ymd(1921, 3, 21);
        let end = ymd(2122, 3, 21);
        while d < end {
            for l in Lang::ALL {
                assert_eq!(parse_date(&format_date(d, l), l), Ok(d), "{d} {l:?}");
            }
            d = d.checked_add_signed(TimeDelta::days(13)).unwrap();
        }
    }
}
