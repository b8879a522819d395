//! A time of day as people type and read it: `14:30` / `۱۴:۳۰`, on the
//! 24-hour clock both languages' business use, in the reader's digits.

use super::digits::{localize_digits, to_ascii_digits};
use super::Lang;
use chrono::NaiveTime;

/// `14:30`, `۱۴:۳۰`.
pub fn format_time(t: NaiveTime, lang: Lang) -> String {
    localize_digits(&t.format("%H:%M").to_string(), lang)
}

/// Reads `14:30`, `9:05`, `۱۴:۳۰`, `14.30`, `14,30`, `۱۴٫۳۰`, the digits
/// alone (`1430`, `930`) or a bare hour (`9`, `۱۴`); None when it is not a
/// time of day.
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let text = to_ascii_digits(s.trim());
    let (hour, minute) = match text.split_once([':', '.', ',', '٫', '٬', '/']) {
        Some((h, m)) => (h, m),
        None if text.len() > 2 && text.bytes().all(|b| b.is_ascii_digit()) => text.split_at(text.len() - 2),
        None => (text.as_str(), "0"),
    };
    let number = |part: &str, width: usize| (!part.is_empty() && part.len() <= width && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse::<u32>().ok()).flatten();
    NaiveTime::from_hms_opt(number(hour, 2)?, number(minute, 2)?, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    #[test]
    fn times_are_read_in_either_script_with_either_mark() {
        for (typed, want) in [("14:30", at(14, 30)), ("۱۴:۳۰", at(14, 30)), ("9:05", at(9, 5)), ("14.30", at(14, 30)), ("14,30", at(14, 30)), ("۱۴٫۳۰", at(14, 30)), ("1430", at(14, 30)), ("930", at(9, 30)), ("۱۴۳۰", at(14, 30)), (" 9 ", at(9, 0)), ("۰۰:۰۰", at(0, 0)), ("23:59", at(23, 59))] {
            assert_eq!(parse_time(typed), want, "{typed}");
        }
    }

    #[test]
    fn what_is_not_a_time_of_day_is_refused() {
        for typed in ["", "24:00", "12:60", "noon", "1:2:3", "123:00", "12:", ":30", "-1:00", "12:3x", "12345", "2460", "a€", "ساعت"] {
            assert_eq!(parse_time(typed), None, "{typed}");
        }
    }

    #[test]
    fn a_time_shown_reads_back() {
        for lang in [Lang::En, Lang::Fa] {
            let t = at(7, 5).unwrap();
            assert_eq!(parse_time(&format_time(t, lang)), Some(t));
        }
        assert_eq!(format_time(at(14, 30).unwrap(), Lang::Fa), "۱۴:۳۰");
    }
}
