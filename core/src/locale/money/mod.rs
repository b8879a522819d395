//! Money as integers of the currency's minor unit (cents for USD/EUR/AED,
//! whole units for IRR/IRT, which have no subunit in practice), so sums are
//! exact and serialization never sees a float.

use serde::{Deserialize, Serialize};

use super::digits::digit_value;
use super::numbers::{decimal_point, push_digit, push_grouped, GROUP_FA, POINT_FA};
use super::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Currency {
    /// Iranian rial, the legal unit.
    Irr,
    /// Toman = 10 rials. Not ISO 4217, but what Iranians actually quote
    /// prices in, so it is a currency of its own rather than a display mode.
    Irt,
    Usd,
    Eur,
    Aed,
}

/// Toman: what Iranian businesses quote prices in.
impl Default for Currency {
    fn default() -> Self {
        Currency::Irt
    }
}

impl Currency {
    pub const ALL: [Currency; 5] = [
        Currency::Irr,
        Currency::Irt,
        Currency::Usd,
        Currency::Eur,
        Currency::Aed,
    ];

    /// ISO 4217 code (IRT is the customary non-ISO code for toman).
    pub fn code(self) -> &'static str {
        match self {
            Currency::Irr => "IRR",
            Currency::Irt => "IRT",
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
            Currency::Aed => "AED",
        }
    }

    pub fn from_code(code: &str) -> Option<Currency> {
        let code = code.trim();
        Currency::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code))
    }

    /// Digits after the decimal point in `amount_minor`.
    pub fn decimals(self) -> u32 {
        match self {
            Currency::Irr | Currency::Irt => 0,
            Currency::Usd | Currency::Eur | Currency::Aed => 2,
        }
    }

    /// What a reader of `lang` calls it.
    pub fn name(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Fa, Currency::Irr) => "ریال",
            (Lang::Fa, Currency::Irt) => "تومان",
            (Lang::Fa, Currency::Usd) => "دلار",
            (Lang::Fa, Currency::Eur) => "یورو",
            (Lang::Fa, Currency::Aed) => "درهم",
            (Lang::En, Currency::Irr) => "Iranian rial",
            (Lang::En, Currency::Irt) => "Toman",
            (Lang::En, Currency::Usd) => "US dollar",
            (Lang::En, Currency::Eur) => "Euro",
            (Lang::En, Currency::Aed) => "UAE dirham",
        }
    }

    /// The short mark written next to an amount. Persian writes the word;
    /// English uses the sign where one is universally known.
    pub fn symbol(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Fa, c) => c.name(Lang::Fa),
            (Lang::En, Currency::Irr) => "Rial",
            (Lang::En, Currency::Irt) => "Toman",
            (Lang::En, Currency::Usd) => "$",
            (Lang::En, Currency::Eur) => "€",
            (Lang::En, Currency::Aed) => "AED",
        }
    }

    /// Whether the English symbol goes before the number ("$5") or after it
    /// ("5 AED").
    fn symbol_first(self, lang: Lang) -> bool {
        lang == Lang::En && matches!(self, Currency::Usd | Currency::Eur)
    }
}

/// Formats with digit grouping and the currency's symbol, e.g.
/// `۱۲٬۳۴۵ ریال`, `-$1,234.56`, `1,234.50 AED`.
///
/// The sign is a leading ASCII '-' in both languages so copied text parses
/// anywhere; in RTL text the UI should isolate the amount (`<bdi>` or
/// `dir="ltr"`) so the sign stays beside the digits.
pub fn format_money(amount_minor: i64, currency: Currency, lang: Lang) -> String {
    let mut out = String::with_capacity(48);
    if amount_minor < 0 {
        out.push('-');
    }
    let symbol = currency.symbol(lang);
    if currency.symbol_first(lang) {
        out.push_str(symbol);
    }
    push_amount(&mut out, amount_minor.unsigned_abs(), currency, lang);
    if !currency.symbol_first(lang) {
        out.push(' ');
        out.push_str(symbol);
    }
    out
}

/// The amount as [`format_money`] shows it without the symbol, for a
/// column whose heading names the currency and for a form's field (what
/// [`parse_money`] reads back): `۱۲٬۳۴۵`, `-1,234.56`.
pub fn format_amount(amount_minor: i64, currency: Currency, lang: Lang) -> String {
    let mut out = String::with_capacity(32);
    if amount_minor < 0 {
        out.push('-');
    }
    push_amount(&mut out, amount_minor.unsigned_abs(), currency, lang);
    out
}

/// Grouped digits, and the minor units after the decimal point.
fn push_amount(out: &mut String, abs_minor: u64, currency: Currency, lang: Lang) {
    let (int, frac) = match currency.decimals() {
        0 => (abs_minor, None),
        _ => (abs_minor / 100, Some(abs_minor % 100)),
    };
    push_grouped(out, int, lang);
    if let Some(f) = frac {
        out.push(decimal_point(lang));
        push_digit(out, (f / 10) as u8, lang);
        push_digit(out, (f % 10) as u8, lang);
    }
}

/// Why typed text is not an amount. No strings: the UI words it per language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyError {
    /// Nothing but whitespace.
    Empty,
    /// A character that is neither a digit, a separator, a sign nor this
    /// currency's symbol.
    InvalidCharacter(char),
    /// Sign or symbol but no digits.
    NoDigits,
    /// Grouping that is not every three digits, doubled or dangling marks, or
    /// a second decimal point. Refused rather than guessed: "1,50" might mean
    /// one and a half.
    MisplacedSeparator,
    /// More fractional digits than the currency has (extra zeros are fine).
    TooManyDecimals { max: u32 },
    /// Outside what i64 minor units can hold.
    Overflow,
}

impl std::fmt::Display for MoneyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // For logs only; users see the UI's translation of the variant.
        write!(f, "{self:?}")
    }
}

impl std::error::Error for MoneyError {}

/// Reads an amount typed in any digit script, with either thousands mark
/// (`,` `٬` or the Persian comma `،`) and either decimal mark (`.` `٫`). A
/// leading sign and this currency's code, symbol or name (in either
/// language) are allowed, so everything [`format_money`] writes parses back.
pub fn parse_money(s: &str, currency: Currency) -> Result<i64, MoneyError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(MoneyError::Empty);
    }
    let (negative, rest) = split_sign(s);
    let rest = strip_affix(rest.trim(), currency).trim();
    parse_unsigned(rest, currency.decimals()).and_then(|v| {
        let v = if negative { -v } else { v };
        i64::try_from(v).map_err(|_| MoneyError::Overflow)
    })
}

fn split_sign(s: &str) -> (bool, &str) {
    match s.chars().next() {
        Some(c @ ('-' | '\u{2212}' | '+')) => (c != '+', &s[c.len_utf8()..]),
        _ => (false, s),
    }
}

fn strip_affix(s: &str, currency: Currency) -> &str {
    let marks = [
        currency.code(),
        currency.symbol(Lang::En),
        currency.symbol(Lang::Fa),
        currency.name(Lang::En),
        currency.name(Lang::Fa),
    ];
    for mark in marks {
        if let Some(rest) = strip_prefix_ci(s, mark) {
            return rest;
        }
        if let Some(rest) = strip_suffix_ci(s, mark) {
            return rest;
        }
    }
    s
}

fn strip_prefix_ci<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let head = s.get(..p.len())?;
    head.eq_ignore_ascii_case(p).then(|| &s[p.len()..])
}

fn strip_suffix_ci<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let at = s.len().checked_sub(p.len())?;
    let tail = s.get(at..)?;
    tail.eq_ignore_ascii_case(p).then(|| &s[..at])
}

/// i128 so that i64::MIN's magnitude fits before the sign is applied.
fn parse_unsigned(s: &str, decimals: u32) -> Result<i128, MoneyError> {
    // Anything above this is already out of i64 range once scaled.
    const LIMIT: i128 = i64::MAX as i128 + 1;
    let mut int: i128 = 0;
    let mut frac: i128 = 0;
    let mut frac_digits = 0u32;
    let mut digits = 0usize;
    let mut group_len = 0usize;
    let mut grouped = false;
    let mut in_frac = false;
    let mut after_mark = false;

    for c in s.chars() {
        if let Some(v) = digit_value(c) {
            digits += 1;
            after_mark = false;
            if in_frac {
                if frac_digits < decimals {
                    frac = frac * 10 + i128::from(v);
                } else if v != 0 {
                    return Err(MoneyError::TooManyDecimals { max: decimals });
                }
                frac_digits += 1;
            } else {
                int = int * 10 + i128::from(v);
                if int > LIMIT {
                    return Err(MoneyError::Overflow);
                }
                group_len += 1;
            }
            continue;
        }
        match c {
            ',' | GROUP_FA | '\u{060C}' => {
                let bad_group = if grouped {
                    group_len != 3
                } else {
                    group_len > 3
                };
                if in_frac || group_len == 0 || bad_group {
                    return Err(MoneyError::MisplacedSeparator);
                }
                grouped = true;
                group_len = 0;
                after_mark = true;
            }
            '.' | POINT_FA => {
                if in_frac || after_mark || (grouped && group_len != 3) {
                    return Err(MoneyError::MisplacedSeparator);
                }
                in_frac = true;
                after_mark = true;
            }
            _ => return Err(MoneyError::InvalidCharacter(c)),
        }
    }

    if digits == 0 {
        return Err(MoneyError::NoDigits);
    }
    if after_mark || (grouped && !in_frac && group_len != 3) {
        return Err(MoneyError::MisplacedSeparator);
    }
    let kept = frac_digits.min(decimals);
    let value = int * 10i128.pow(decimals) + frac * 10i128.pow(decimals - kept);
    if value > LIMIT {
        return Err(MoneyError::Overflow);
    }
    Ok(value)
}

/// Rials to tomans, rounding half away from zero (so 15 rials is 2 tomans
/// and -15 is -2), because a displayed price should not silently lose half
/// a toman in one direction only.
pub fn rial_to_toman(rial: i64) -> i64 {
    let (q, r) = (rial / 10, rial % 10);
    if r >= 5 {
        q + 1
    } else if r <= -5 {
        q - 1
    } else {
        q
    }
}

/// Tomans to rials; `None` on overflow instead of a wrapped total.
pub fn toman_to_rial(toman: i64) -> Option<i64> {
    toman.checked_mul(10)
}

#[cfg(test)]
mod tests;
