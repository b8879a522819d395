use crate::locale::to_ascii_digits;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneError {
    /// Characters other than digits, spaces, dashes, dots, parentheses and a leading +.
    BadCharacters,
    /// Digits, but not a length any phone number has.
    BadLength,
}

/// Cleans a phone number typed in any digits into one canonical form, so the
/// same number always compares equal: Iranian numbers as `0` + 10 digits
/// (`+98 912 …` and `0098 912 …` become `0912…`), other countries as `+` and
/// digits, local numbers without area code as their 8 digits.
pub fn normalize_phone(raw: &str) -> Result<String, PhoneError> {
    let ascii = to_ascii_digits(raw.trim());
    let mut digits = String::with_capacity(ascii.len());
    let mut plus = false;
    for (i, c) in ascii.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => plus = true,
            ' ' | '-' | '.' | '(' | ')' | '\u{200c}' => {}
            _ => return Err(PhoneError::BadCharacters),
        }
    }
    if !plus && digits.starts_with("00") {
        plus = true;
        digits.drain(..2);
    }
    if plus {
        if let Some(national) = digits.strip_prefix("98") {
            return iranian(&format!("0{national}"));
        }
        return if (8..=15).contains(&digits.len()) { Ok(format!("+{digits}")) } else { Err(PhoneError::BadLength) };
    }
    if digits.starts_with('0') {
        return iranian(&digits);
    }
    if digits.len() == 8 {
        return Ok(digits);
    }
    Err(PhoneError::BadLength)
}

/// Iranian numbers with the trunk 0: mobiles 09xx xxx xxxx and landlines with
/// a two-digit area code, both eleven digits.
fn iranian(digits: &str) -> Result<String, PhoneError> {
    if digits.len() == 11 && digits.as_bytes()[1] != b'0' {
        Ok(digits.to_string())
    } else {
        Err(PhoneError::BadLength)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms() {
        let ok = [
            ("09121234567", "09121234567"),
            ("0912 123 4567", "09121234567"),
            ("۰۹۱۲-۱۲۳-۴۵۶۷", "09121234567"),
            ("٠٩١٢١٢٣٤٥٦٧", "09121234567"),
            ("+98 912 123 4567", "09121234567"),
            ("0098-912-123-4567", "09121234567"),
            ("(021) 8888 1234", "02188881234"),
            ("88881234", "88881234"),
            ("+1 415 555 0100", "+14155550100"),
            ("+44 20 7946 0958", "+442079460958"),
        ];
        for (raw, want) in ok {
            assert_eq!(normalize_phone(raw).as_deref(), Ok(want), "{raw}");
        }
    }

    #[test]
    fn refusals() {
        let bad = [
            ("0912123456", PhoneError::BadLength),
            ("091212345678", PhoneError::BadLength),
            ("12345", PhoneError::BadLength),
            ("", PhoneError::BadLength),
            ("+1234", PhoneError::BadLength),
            ("0912abc4567", PhoneError::BadCharacters),
            ("0912+1234567", PhoneError::BadCharacters),
            ("<script>", PhoneError::BadCharacters),
        ];
        for (raw, want) in bad {
            assert_eq!(normalize_phone(raw), Err(want), "{raw}");
        }
    }
}
