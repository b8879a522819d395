//! Plain numbers as their readers write them: the language's digits, digit
//! group mark, decimal mark and percent sign (`12,345.5%`, `۱۲٬۳۴۵٫۵٪`).
//! Money builds on the same grouping.

use super::digits::persian_digit;
use super::Lang;

const GROUP_EN: char = ',';
/// ARABIC THOUSANDS SEPARATOR, the Persian digit-group mark.
pub(crate) const GROUP_FA: char = '\u{066C}';
/// ARABIC DECIMAL SEPARATOR, the Persian decimal mark.
pub(crate) const POINT_FA: char = '\u{066B}';
/// ARABIC PERCENT SIGN.
const PERCENT_FA: char = '\u{066A}';

/// The decimal mark of `lang`.
pub fn decimal_point(lang: Lang) -> char {
    match lang {
        Lang::Fa => POINT_FA,
        Lang::En => '.',
    }
}

pub(crate) fn push_digit(out: &mut String, d: u8, lang: Lang) {
    match lang {
        Lang::Fa => out.push(persian_digit(u32::from(d))),
        Lang::En => out.push(char::from(b'0' + d)),
    }
}

/// Appends `n` in groups of three digits.
pub(crate) fn push_grouped(out: &mut String, n: u64, lang: Lang) {
    push_grouped_digits(out, &n.to_string(), lang);
}

/// Appends a run of ASCII digits in groups of three, in `lang`'s digits.
fn push_grouped_digits(out: &mut String, digits: &str, lang: Lang) {
    let group = match lang {
        Lang::Fa => GROUP_FA,
        Lang::En => GROUP_EN,
    };
    let len = digits.len();
    for (i, b) in digits.bytes().enumerate() {
        push_digit(out, b - b'0', lang);
        let left = len - i - 1;
        if left > 0 && left % 3 == 0 {
            out.push(group);
        }
    }
}

/// A whole number with digit groups: `12,345` / `۱۲٬۳۴۵`.
pub fn format_number(n: i64, lang: Lang) -> String {
    let mut out = String::with_capacity(24);
    if n < 0 {
        out.push('-');
    }
    push_grouped(&mut out, n.unsigned_abs(), lang);
    out
}

/// A share in basis points as a form shows it for editing, without the
/// percent sign or trailing zeros: `12.5` / `۱۲٫۵` for 1250 (what
/// `check::percent` reads back).
pub fn percent_input(bp: u32, lang: Lang) -> String {
    let (whole, fraction) = (bp / 100, bp % 100);
    let mut out = String::with_capacity(12);
    push_grouped(&mut out, u64::from(whole), lang);
    if fraction != 0 {
        out.push(decimal_point(lang));
        push_digit(&mut out, (fraction / 10) as u8, lang);
        if fraction % 10 != 0 {
            push_digit(&mut out, (fraction % 10) as u8, lang);
        }
    }
    out
}

/// A count with its noun. English takes the plural after every number but
/// one ("1 item", "2 items", "0 items"); Persian keeps the noun singular after
/// any number ("۲ کالا"), so `many` is never used for it.
pub fn format_count(n: i64, one: &str, many: &str, lang: Lang) -> String {
    let noun = match lang {
        Lang::En if n != 1 => many,
        _ => one,
    };
    format!("{} {noun}", format_number(n, lang))
}

/// A number rounded to `places` decimals, grouped: `1,234.50` / `۱٬۲۳۴٫۵۰`.
/// An exact half rounds to even (12.5 to no places is 12), as Rust's
/// formatting does: round first where halves must go up. Not-a-number and
/// infinities, which no reader can use, show as a dash.
pub fn format_decimal(value: f64, places: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let fixed = format!("{:.*}", places, value.abs());
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let mut out = String::with_capacity(fixed.len() * 2 + 2);
    // "-0.00" is not a thing a reader should see.
    if value < 0.0 && fixed.bytes().any(|b| matches!(b, b'1'..=b'9')) {
        out.push('-');
    }
    push_grouped_digits(&mut out, int, lang);
    if !frac.is_empty() {
        out.push(decimal_point(lang));
        for b in frac.bytes() {
            push_digit(&mut out, b - b'0', lang);
        }
    }
    out
}

/// A percentage, given as the number before the sign (12.5 for 12.5%):
/// `12.5%` / `۱۲٫۵٪`.
pub fn format_percent(percent: f64, places: usize, lang: Lang) -> String {
    let mut out = format_decimal(percent, places, lang);
    out.push(match lang {
        Lang::Fa => PERCENT_FA,
        Lang::En => '%',
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_are_grouped_in_threes() {
        assert_eq!(format_number(0, Lang::En), "0");
        assert_eq!(format_number(999, Lang::En), "999");
        assert_eq!(format_number(1000, Lang::En), "1,000");
        assert_eq!(format_number(-9_800_000, Lang::En), "-9,800,000");
        assert_eq!(format_number(9_800_000, Lang::Fa), "۹٬۸۰۰٬۰۰۰");
        assert_eq!(format_number(i64::MIN, Lang::En), "-9,223,372,036,854,775,808");
    }

    #[test]
    fn shares_for_editing_drop_trailing_zeros_and_read_back() {
        let cases = [(0, "0", "۰"), (1200, "12", "۱۲"), (1250, "12.5", "۱۲٫۵"), (1225, "12.25", "۱۲٫۲۵"), (5, "0.05", "۰٫۰۵"), (10_000, "100", "۱۰۰")];
        for (bp, en, fa) in cases {
            assert_eq!((percent_input(bp, Lang::En).as_str(), percent_input(bp, Lang::Fa).as_str()), (en, fa));
            for shown in [en, fa] {
                let mut errors = Vec::new();
                assert_eq!(crate::check::percent(shown, crate::check::Field::Percent, &mut errors), bp, "{shown}");
                assert!(errors.is_empty());
            }
        }
    }

    #[test]
    fn counts_take_english_plurals_and_persian_singulars() {
        assert_eq!(format_count(1, "item", "items", Lang::En), "1 item");
        assert_eq!(format_count(0, "item", "items", Lang::En), "0 items");
        assert_eq!(format_count(2, "item", "items", Lang::En), "2 items");
        assert_eq!(format_count(1200, "day", "days", Lang::En), "1,200 days");
        assert_eq!(format_count(3, "کالا", "کالاها", Lang::Fa), "۳ کالا");
    }

    #[test]
    fn decimals_use_the_language_mark_and_round() {
        assert_eq!(format_decimal(1234.5, 2, Lang::En), "1,234.50");
        assert_eq!(format_decimal(1234.5, 2, Lang::Fa), "۱٬۲۳۴٫۵۰");
        assert_eq!(format_decimal(2.345, 1, Lang::En), "2.3");
        assert_eq!(format_decimal(7.0, 0, Lang::Fa), "۷");
        assert_eq!(format_decimal(-0.001, 2, Lang::En), "0.00");
        assert_eq!(format_decimal(-1.5, 1, Lang::En), "-1.5");
        assert_eq!(format_decimal(f64::NAN, 1, Lang::En), "–");
        assert_eq!(format_decimal(1e21, 0, Lang::En), "1,000,000,000,000,000,000,000");
    }

    #[test]
    fn percent_takes_the_language_sign() {
        assert_eq!(format_percent(12.5, 1, Lang::En), "12.5%");
        assert_eq!(format_percent(12.5, 1, Lang::Fa), "۱۲٫۵٪");
        assert_eq!(format_percent(40.0, 0, Lang::Fa), "۴۰٪");
    }
}
