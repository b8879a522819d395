//! Checksums of Iranian identifiers. Input must already be ASCII digits
//! (see `locale::to_ascii_digits`).

/// National code of a person (کد ملی): 10 digits, the last a mod-11 check digit.
pub fn is_valid_national_code(code: &str) -> bool {
    let Some(d) = digits::<10>(code) else { return false };
    // Codes of one repeated digit pass the arithmetic but are never issued.
    if d.iter().all(|&x| x == d[0]) {
        return false;
    }
    let sum: u32 = d[..9].iter().enumerate().map(|(i, &x)| x * (10 - i as u32)).sum();
    let r = sum % 11;
    let check = if r < 2 { r } else { 11 - r };
    d[9] == check
}

/// National ID of a legal entity (شناسه ملی): 11 digits; the check digit uses
/// the tenth digit plus two as an offset and fixed weights.
pub fn is_valid_legal_id(code: &str) -> bool {
    const WEIGHTS: [u32; 10] = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17];
    let Some(d) = digits::<11>(code) else { return false };
    // The six digits after the three-digit prefix are a serial that is never all zero.
    if d[3..9].iter().all(|&x| x == 0) {
        return false;
    }
    let offset = d[9] + 2;
    let sum: u32 = d[..10].iter().zip(WEIGHTS).map(|(&x, w)| (x + offset) * w).sum();
    let check = (sum % 11) % 10;
    d[10] == check
}

/// Economic code (کد اقتصادی): since 1398 SH it equals the person's national code
/// or the entity's national ID; older 12-digit codes carry no public checksum.
pub fn is_valid_economic_code(code: &str) -> bool {
    match code.len() {
        10 => is_valid_national_code(code),
        11 => is_valid_legal_id(code),
        12 => code.bytes().all(|b| b.is_ascii_digit()),
        _ => false,
    }
}

fn digits<const N: usize>(s: &str) -> Option<[u32; N]> {
    let b = s.as_bytes();
    if b.len() != N || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut out = [0u32; N];
    for (o, c) in out.iter_mut().zip(b) {
        *o = u32::from(c - b'0');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(f: fn(&str) -> bool, cases: &[(&str, bool)]) {
        for (input, want) in cases {
            assert_eq!(f(input), *want, "{input}");
        }
    }

    #[test]
    fn national_codes() {
        check(
            is_valid_national_code,
            &[
                ("0499370899", true),
                ("0790419904", true),
                ("0084575948", true),
                ("0013542419", true),
                ("0499370898", false),
                ("1111111111", false),
                ("0000000000", false),
                ("123456789", false),
                ("12345678901", false),
                ("04993708a9", false),
                ("", false),
            ],
        );
    }

    #[test]
    fn legal_ids() {
        check(
            is_valid_legal_id,
            &[
                ("10380284790", true),
                ("10380284791", false),
                ("00000000000", false),
                ("10300000008", false),
                ("1038028479", false),
                ("1038028479x", false),
            ],
        );
    }

    #[test]
    fn economic_codes() {
        check(
            is_valid_economic_code,
            &[("0499370899", true), ("10380284790", true), ("411111111111", true), ("41111111111a", false), ("123", false)],
        );
    }

    #[test]
    fn every_national_code_has_exactly_one_check_digit() {
        let body = "049937089";
        let valid: Vec<u32> = (0..10).filter(|d| is_valid_national_code(&format!("{body}{d}"))).collect();
        assert_eq!(valid, vec![9]);
    }
}
