//! Value decoding: structured parts, backslash escapes, quoted-printable, charsets and birthdays.

use chrono::NaiveDate;

use super::types::Birthday;
use crate::import::text::windows_1256;
use crate::locale::to_ascii_digits;

/// The first `N` `;`-separated parts of a structured value, unescaped and
/// trimmed; missing parts are empty, extra parts ignored.
pub(super) fn components<const N: usize>(value: &str) -> [String; N] {
    let mut parts = split_unquoted_escaped(value);
    std::array::from_fn(|_| parts.next().map(|s| unescape(s).trim().to_owned()).unwrap_or_default())
}

/// Splits a structured value on `;` not escaped by a backslash.
pub(super) fn split_unquoted_escaped(value: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(value);
    std::iter::from_fn(move || {
        let s = rest?;
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => i += 2,
                b';' => {
                    rest = Some(&s[i + 1..]);
                    return Some(&s[..i]);
                }
                _ => i += 1,
            }
        }
        rest = None;
        Some(s)
    })
}

/// `\n` and `\N` to a line break; `\,` `\;` `\:` `\\` to the character.
/// Any other backslash is kept: it was probably meant.
pub(super) fn unescape(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(e @ (',' | ';' | ':' | '\\')) => out.push(e),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Quoted-printable to bytes. Soft line breaks were joined while reading
/// lines; a lone `=` left at the very end is one with nothing after it.
pub(super) fn decode_quoted_printable(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'=' {
            out.push(b[i]);
            i += 1;
        } else if i + 1 == b.len() {
            break;
        } else {
            let hex = |c: Option<&u8>| (*c? as char).to_digit(16);
            out.push((hex(b.get(i + 1))? * 16 + hex(b.get(i + 2))?) as u8);
            i += 3;
        }
    }
    Some(out)
}

/// Decoded quoted-printable bytes to text: `CHARSET=windows-1256` as such,
/// anything else UTF-8 if valid. Old Persian phones left the charset out
/// over Windows-1256 bytes, hence the same fallback as whole files.
pub(super) fn bytes_to_text(bytes: Vec<u8>, charset: Option<&str>) -> String {
    let cp1256 = charset.is_some_and(|c| c.eq_ignore_ascii_case("windows-1256") || c.eq_ignore_ascii_case("cp1256"));
    if !cp1256 {
        match String::from_utf8(bytes) {
            Ok(s) => return s,
            Err(e) => return windows_1256(e.as_bytes()),
        }
    }
    windows_1256(&bytes)
}

/// `19900315`, `1990-03-15` (also with a time after `T`, as some phones
/// write), `--0315` or `--03-15`, in any digits. Apple writes a year-less
/// date as year 1604 with `X-APPLE-OMIT-YEAR=1604`.
pub(super) fn parse_birthday(value: &str, omit_year: Option<&str>) -> Option<Birthday> {
    let value = to_ascii_digits(value.trim());
    let date = value.split(['T', 't']).next()?;
    if let Some(md) = date.strip_prefix("--") {
        let md = match md.as_bytes() {
            [_, _, b'-', _, _] => md.replace('-', ""),
            _ => md.to_owned(),
        };
        let (month, day) = (number(md.get(..2)?)?, number(md.get(2..)?)?);
        // 2000 is a leap year, so 29 February is a valid birthday.
        NaiveDate::from_ymd_opt(2000, month, day)?;
        return Some(Birthday::MonthDay { month, day });
    }
    let compact = match date.as_bytes() {
        [_, _, _, _, b'-', _, _, b'-', _, _] => date.replace('-', ""),
        _ => date.to_owned(),
    };
    if compact.len() != 8 {
        return None;
    }
    let (year, month, day) = (number(&compact[..4])?, number(&compact[4..6])?, number(&compact[6..])?);
    if omit_year == Some(&compact[..4]) {
        NaiveDate::from_ymd_opt(2000, month, day)?;
        return Some(Birthday::MonthDay { month, day });
    }
    NaiveDate::from_ymd_opt(year as i32, month, day).map(Birthday::Date)
}

/// ASCII digits only: `str::parse` would also take a sign.
fn number(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}
