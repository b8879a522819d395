//! The kiosk lock: while a survey runs in kiosk mode on the rep's tablet,
//! only the PIN the rep chose lets anyone out — or the recovery code shown
//! once at the start, so a forgotten PIN never forces clearing the site's
//! data (which would take the CRM with it). Only digests are kept, so
//! reading the device's storage does not give either away at a glance.

use crate::locale::to_ascii_digits;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const PIN_MIN: usize = 4;
pub const PIN_MAX: usize = 8;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KioskLock {
    pub survey_id: String,
    /// Whose answers these are; "" for anonymous respondents.
    pub customer_id: String,
    pin_digest: String,
    recovery_digest: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinError {
    /// Not 4 to 8 digits (Persian or Latin).
    Format,
    /// The two entries differ.
    Mismatch,
}

fn digest(survey_id: &str, pin: &str) -> String {
    let hash = Sha256::new().chain_update(b"daftar-kiosk-v1\0").chain_update(survey_id.as_bytes()).chain_update(b"\0").chain_update(pin.as_bytes()).finalize();
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

fn clean_pin(raw: &str) -> Option<String> {
    let pin = to_ascii_digits(raw.trim());
    (pin.len() >= PIN_MIN && pin.len() <= PIN_MAX && pin.bytes().all(|b| b.is_ascii_digit())).then_some(pin)
}

impl KioskLock {
    /// `recovery`: the code shown to the rep as they start (see [`recovery_code`]).
    pub fn new(survey_id: &str, customer_id: &str, pin: &str, again: &str, recovery: &str) -> Result<KioskLock, PinError> {
        let pin = clean_pin(pin).ok_or(PinError::Format)?;
        if clean_pin(again).as_deref() != Some(pin.as_str()) {
            return Err(PinError::Mismatch);
        }
        Ok(KioskLock { survey_id: survey_id.into(), customer_id: customer_id.into(), pin_digest: digest(survey_id, &pin), recovery_digest: digest(survey_id, &to_ascii_digits(recovery)) })
    }

    pub fn opens(&self, pin: &str) -> bool {
        let typed = to_ascii_digits(&pin.split_whitespace().collect::<String>()).replace('-', "");
        let by_pin = clean_pin(&typed).is_some_and(|pin| digest(&self.survey_id, &pin) == self.pin_digest);
        by_pin || (typed.len() == RECOVERY_DIGITS && !self.recovery_digest.is_empty() && digest(&self.survey_id, &typed) == self.recovery_digest)
    }
}

const RECOVERY_DIGITS: usize = 10;

/// A 10-digit recovery code from random bytes (more digits than any PIN,
/// so the two never collide).
pub fn recovery_code(random: [u8; 16]) -> String {
    let n = u64::from_le_bytes(random[..8].try_into().unwrap_or_default()) % 10u64.pow(RECOVERY_DIGITS as u32);
    format!("{n:010}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_chosen_pin_opens_in_either_script() {
        let lock = KioskLock::new("s1", "", "۱۲۳۴", "1234", "0123456789").unwrap();
        assert!(lock.opens("1234") && lock.opens(" ۱۲۳۴ "));
        assert!(!lock.opens("1235") && !lock.opens("") && !lock.opens("12345"));
        assert!(!serde_json::to_string(&lock).unwrap().contains("1234"), "the PIN itself is not stored");
        let other = KioskLock { survey_id: "s2".into(), ..lock.clone() };
        assert!(!other.opens("1234"), "a lock moved to another survey does not open");
    }

    #[test]
    fn the_recovery_code_also_opens_as_typed_or_grouped() {
        let code = recovery_code([7; 16]);
        assert_eq!(code.len(), 10);
        let lock = KioskLock::new("s1", "", "1234", "1234", &code).unwrap();
        assert!(lock.opens(&code));
        let grouped = format!("{}-{} {}", &code[..3], &code[3..6], &code[6..]);
        assert!(lock.opens(&grouped));
        assert!(!lock.opens("0000000000"));
        assert_ne!(recovery_code([8; 16]), code);
    }

    #[test]
    fn pins_are_four_to_eight_digits_typed_twice() {
        assert_eq!(KioskLock::new("s", "", "123", "123", "0123456789"), Err(PinError::Format));
        assert_eq!(KioskLock::new("s", "", "123456789", "123456789", "0123456789"), Err(PinError::Format));
        assert_eq!(KioskLock::new("s", "", "12a4", "12a4", "0123456789"), Err(PinError::Format));
        assert_eq!(KioskLock::new("s", "", "1234", "4321", "0123456789"), Err(PinError::Mismatch));
        assert!(KioskLock::new("s", "", "12345678", "12345678", "0123456789").is_ok());
    }
}
