//! Digit scripts. Persian keyboards type Extended Arabic-Indic digits
//! (U+06F0..U+06F9), Arabic keyboards and some phones type Arabic-Indic ones
//! (U+0660..U+0669); both must be read, and Persian is what we show.

use super::Lang;

const PERSIAN_ZERO: u32 = 0x06F0;
const ARABIC_ZERO: u32 = 0x0660;

/// The ASCII value of a digit in any of the three scripts we accept.
#[inline]
pub(crate) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - PERSIAN_ZERO),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - ARABIC_ZERO),
        _ => None,
    }
}

#[inline]
pub(crate) fn persian_digit(value: u32) -> char {
    debug_assert!(value < 10);
    char::from_u32(PERSIAN_ZERO + value).unwrap_or('?')
}

/// ASCII 0-9 become Persian ۰-۹; everything else, including Arabic-Indic
/// digits, is left alone.
pub fn to_persian_digits(s: &str) -> String {
    // Persian digits take two bytes in UTF-8 where ASCII took one.
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.chars() {
        match c {
            '0'..='9' => out.push(persian_digit(c as u32 - '0' as u32)),
            _ => out.push(c),
        }
    }
    out
}

/// Persian and Arabic-Indic digits become ASCII; what parsers call first.
pub fn to_ascii_digits(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{06F0}'..='\u{06F9}' | '\u{0660}'..='\u{0669}' => {
                out.push(char::from(b'0' + digit_value(c).unwrap_or(0) as u8))
            }
            _ => out.push(c),
        }
    }
    out
}

/// Digits in the script readers of `lang` expect. English gets ASCII even if
/// the text was typed with a Persian keyboard.
pub fn localize_digits(s: &str, lang: Lang) -> String {
    match lang {
        Lang::Fa => to_persian_digits(s),
        Lang::En => to_ascii_digits(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_to_persian() {
        assert_eq!(to_persian_digits("0123456789"), "۰۱۲۳۴۵۶۷۸۹");
        assert_eq!(to_persian_digits("Tel: 021-88"), "Tel: ۰۲۱-۸۸");
        assert_eq!(to_persian_digits(""), "");
        assert_eq!(to_persian_digits("بدون عدد"), "بدون عدد");
        // Arabic-Indic digits are not ASCII, so they are not touched.
        assert_eq!(to_persian_digits("٣"), "٣");
    }

    #[test]
    fn any_script_to_ascii() {
        assert_eq!(to_ascii_digits("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
        assert_eq!(to_ascii_digits("٠١٢٣٤٥٦٧٨٩"), "0123456789");
        assert_eq!(to_ascii_digits("۰۹۱۲-٣٤٥ 67"), "0912-345 67");
        assert_eq!(to_ascii_digits(""), "");
        assert_eq!(to_ascii_digits("abc ابپ"), "abc ابپ");
    }

    #[test]
    fn round_trip_and_idempotence() {
        let s = "سفارش 1403 شماره ٤٥ و ۶۷";
        let ascii = to_ascii_digits(s);
        assert_eq!(ascii, "سفارش 1403 شماره 45 و 67");
        assert_eq!(to_ascii_digits(&ascii), ascii);
        let fa = to_persian_digits(&ascii);
        assert_eq!(fa, "سفارش ۱۴۰۳ شماره ۴۵ و ۶۷");
        assert_eq!(to_ascii_digits(&fa), ascii);
    }

    #[test]
    fn localize_by_lang() {
        assert_eq!(localize_digits("12 ۳٤", Lang::Fa), "۱۲ ۳٤");
        assert_eq!(localize_digits("12 ۳٤", Lang::En), "12 34");
    }

    #[test]
    fn digit_values() {
        assert_eq!(digit_value('7'), Some(7));
        assert_eq!(digit_value('۷'), Some(7));
        assert_eq!(digit_value('٧'), Some(7));
        assert_eq!(digit_value('a'), None);
        assert_eq!(digit_value('٫'), None);
        assert_eq!(persian_digit(0), '۰');
    }

    #[test]
    fn hostile_input() {
        let huge = "9".repeat(1_000_000);
        let fa = to_persian_digits(&huge);
        assert_eq!(fa.chars().count(), 1_000_000);
        assert_eq!(to_ascii_digits(&fa), huge);
        // Combining marks, emoji, RTL marks and NUL survive untouched.
        let odd = "\u{0}1\u{200F}😀\u{064B}2";
        assert_eq!(to_persian_digits(odd), "\u{0}۱\u{200F}😀\u{064B}۲");
        assert_eq!(to_ascii_digits(&to_persian_digits(odd)), odd);
    }
}
