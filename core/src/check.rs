//! What every form's validation shares: which field is wrong and why (the UI
//! words it in the user's language), and the small text rules all kinds use.

use crate::customers::{normalize_phone, PhoneError};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Phones,
    Email,
    NationalId,
    EconomicCode,
    Tags,
    Notes,
    Since,
    Subject,
    Customer,
    Duration,
    Amount,
    Stage,
    Probability,
    LostReason,
    Quantity,
    Price,
    Percent,
    Serial,
    Product,
    Date,
    Other,
}

/// What is wrong with a field; the UI turns it into words in the user's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong { max: usize },
    PhoneCharacters,
    PhoneLength,
    EmailFormat,
    /// A person's national code (10 digits) failed its checksum or length.
    NationalCode,
    /// A company's national ID (11 digits) failed its checksum or length.
    LegalId,
    EconomicCode,
    TooMany { max: usize },
    /// Not a date in either calendar.
    Date,
    /// Not a number (digits, Persian or Latin, with an optional decimal point).
    Number,
    OutOfRange { min: i64, max: i64 },
    /// The same value twice where each must be unique.
    Duplicate,
    /// A serial number already registered for the same product.
    SerialTaken,
    /// A date earlier than the date it must follow (an end before its start).
    BeforeStart,
    /// Removed while records still stand in it (a stage holding open deals).
    InUse,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// Trims and collapses runs of whitespace (pasted text often carries them).
pub fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn split_list<'a>(s: &'a str, seps: &'a [char]) -> impl Iterator<Item = &'a str> {
    s.split(move |c| seps.contains(&c)).map(str::trim).filter(|p| !p.is_empty())
}

/// Deliberately permissive (addresses are checked by delivering mail), but
/// catches what people actually mistype: no @, spaces, no dot in the domain.
pub fn is_plausible_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else { return false };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && domain.len() <= 253
        && labels.iter().all(|l| {
            !l.is_empty() && !l.starts_with('-') && !l.ends_with('-') && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2);
    local_ok && domain_ok
}


const MAX_PHONES: usize = 10;

/// One or more numbers separated by commas, «،», semicolons or new lines,
/// each normalised (see [`normalize_phone`]), without repeats.
pub fn phone_list(raw: &str, errors: &mut Vec<FieldError>) -> Vec<String> {
    let mut fail = |problem| errors.push(FieldError { field: Field::Phones, problem });
    let mut phones: Vec<String> = Vec::new();
    for one in split_list(raw, &[',', '،', ';', '\n']) {
        match normalize_phone(one) {
            Ok(p) if !phones.contains(&p) => phones.push(p),
            Ok(_) => {}
            Err(PhoneError::BadCharacters) => fail(Problem::PhoneCharacters),
            Err(PhoneError::BadLength) => fail(Problem::PhoneLength),
        }
    }
    if phones.len() > MAX_PHONES {
        fail(Problem::TooMany { max: MAX_PHONES });
    }
    phones
}

/// An optional email: lower-cased, checked when present.
pub fn email(raw: &str, errors: &mut Vec<FieldError>) -> String {
    let email = clean(raw).to_lowercase();
    if !email.is_empty() && !is_plausible_email(&email) {
        errors.push(FieldError { field: Field::Email, problem: Problem::EmailFormat });
    }
    email
}

/// A required one-line text of at most `max` characters.
pub fn required(raw: &str, field: Field, max: usize, errors: &mut Vec<FieldError>) -> String {
    let text = clean(raw);
    if text.is_empty() {
        errors.push(FieldError { field, problem: Problem::Required });
    } else if text.chars().count() > max {
        errors.push(FieldError { field, problem: Problem::TooLong { max } });
    }
    text
}

/// Free text (notes, reports) kept as typed, trimmed, at most `max` characters.
pub fn long_text(raw: &str, field: Field, max: usize, errors: &mut Vec<FieldError>) -> String {
    let text = raw.trim().to_string();
    if text.chars().count() > max {
        errors.push(FieldError { field, problem: Problem::TooLong { max } });
    }
    text
}

/// A percentage such as «۱۲٫۵», "12.5" or "12.5%", as basis points (1250):
/// integers keep commission sums exact. Empty means 0.
pub fn percent(raw: &str, field: Field, errors: &mut Vec<FieldError>) -> u32 {
    let text: String = crate::locale::to_ascii_digits(&clean(raw)).chars().filter(|c| !matches!(c, '%' | '٪')).collect();
    let text = text.trim().replace(['٫', '/'], ".");
    if text.is_empty() {
        return 0;
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !digits_only(whole) || !digits_only(fraction) || fraction.len() > 2 || whole.len() > 4 {
        errors.push(FieldError { field, problem: Problem::Number });
        return 0;
    }
    let bp = whole.parse::<u32>().unwrap_or(0) * 100 + format!("{fraction:0<2}").parse::<u32>().unwrap_or(0);
    if bp > 10_000 {
        errors.push(FieldError { field, problem: Problem::OutOfRange { min: 0, max: 100 } });
    }
    bp
}

/// A whole number from `min` to `max` (Persian or Latin digits); empty means `min`.
pub fn whole_number(raw: &str, field: Field, min: i64, max: i64, errors: &mut Vec<FieldError>) -> i64 {
    let text = crate::locale::to_ascii_digits(&clean(raw)).replace([',', '٬'], "");
    if text.is_empty() {
        return min;
    }
    match text.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => n,
        Ok(_) => {
            errors.push(FieldError { field, problem: Problem::OutOfRange { min, max } });
            min
        }
        Err(_) => {
            errors.push(FieldError { field, problem: Problem::Number });
            min
        }
    }
}

/// An amount of money typed in `currency` (see [`crate::locale::parse_money`]), in
/// minor units; empty means 0. Group marks are for reading and are dropped
/// first: a field shows `15,000,000`, and deleting one digit of it
/// (`15,000,00`) means the digits left, not a mistake.
pub fn money(raw: &str, field: Field, currency: crate::locale::Currency, errors: &mut Vec<FieldError>) -> i64 {
    if clean(raw).is_empty() {
        return 0;
    }
    let digits: String = raw.chars().filter(|c| !matches!(c, ',' | '٬' | '،')).collect();
    match crate::locale::parse_money(&digits, currency) {
        Ok(n) if n >= 0 => n,
        Ok(_) => {
            errors.push(FieldError { field, problem: Problem::OutOfRange { min: 0, max: i64::MAX } });
            0
        }
        Err(_) => {
            errors.push(FieldError { field, problem: Problem::Number });
            0
        }
    }
}

#[cfg(test)]
mod number_tests {
    use super::*;

    #[test]
    fn percents_in_either_script_to_basis_points() {
        let mut errors = Vec::new();
        assert_eq!(percent("۱۲٫۵", Field::Percent, &mut errors), 1250);
        assert_eq!(percent("12.5%", Field::Percent, &mut errors), 1250);
        assert_eq!(percent("7", Field::Percent, &mut errors), 700);
        assert_eq!(percent("0.25", Field::Percent, &mut errors), 25);
        assert_eq!(percent("", Field::Percent, &mut errors), 0);
        assert_eq!(percent("100", Field::Percent, &mut errors), 10_000);
        assert!(errors.is_empty());
        percent("101", Field::Percent, &mut errors);
        percent("1.234", Field::Percent, &mut errors);
        percent("ten", Field::Percent, &mut errors);
        percent(".", Field::Percent, &mut errors);
        let problems: Vec<Problem> = errors.iter().map(|e| e.problem).collect();
        assert_eq!(problems, [Problem::OutOfRange { min: 0, max: 100 }, Problem::Number, Problem::Number, Problem::Number]);
    }

    #[test]
    fn whole_numbers_and_money_refuse_what_is_not() {
        let mut errors = Vec::new();
        assert_eq!(whole_number("۱۲", Field::Quantity, 1, 1000, &mut errors), 12);
        assert_eq!(whole_number("", Field::Quantity, 1, 1000, &mut errors), 1);
        assert!(errors.is_empty());
        whole_number("0", Field::Quantity, 1, 1000, &mut errors);
        whole_number("x", Field::Quantity, 1, 1000, &mut errors);
        assert_eq!(errors.len(), 2);
        let mut errors = Vec::new();
        assert_eq!(money("۱٬۲۰۰٬۰۰۰", Field::Amount, crate::locale::Currency::Irt, &mut errors), 1_200_000);
        assert_eq!(money("", Field::Amount, crate::locale::Currency::Irt, &mut errors), 0);
        assert!(errors.is_empty());
        money("abc", Field::Amount, crate::locale::Currency::Irt, &mut errors);
        assert_eq!(errors[0].problem, Problem::Number);
    }

    #[test]
    fn money_edited_in_a_grouped_field_keeps_the_digits_left() {
        let mut errors = Vec::new();
        let usd = crate::locale::Currency::Usd;
        assert_eq!(money("15,000,00", Field::Amount, crate::locale::Currency::Irt, &mut errors), 1_500_000);
        assert_eq!(money("۱۵۰۰۰٬۰۰۰", Field::Amount, crate::locale::Currency::Irt, &mut errors), 15_000_000);
        assert_eq!(money("1,234.5", Field::Amount, usd, &mut errors), 123_450);
        assert!(errors.is_empty());
        money("1.2.3", Field::Amount, usd, &mut errors);
        assert_eq!(errors.len(), 1);
    }
}
