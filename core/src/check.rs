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
