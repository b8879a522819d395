//! The kiosk lock: while a survey runs in kiosk mode on the rep's tablet,
//! only the PIN the rep chose lets anyone out. Only a digest of the PIN is
//! kept, so reading the device's storage does not give it away at a glance.

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
    pub fn new(survey_id: &str, customer_id: &str, pin: &str, again: &str) -> Result<KioskLock, PinError> {
        let pin = clean_pin(pin).ok_or(PinError::Format)?;
        if clean_pin(again).as_deref() != Some(pin.as_str()) {
            return Err(PinError::Mismatch);
        }
        Ok(KioskLock { survey_id: survey_id.into(), customer_id: customer_id.into(), pin_digest: digest(survey_id, &pin) })
    }

    pub fn opens(&self, pin: &str) -> bool {
        clean_pin(pin).is_some_and(|pin| digest(&self.survey_id, &pin) == self.pin_digest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_chosen_pin_opens_in_either_script() {
        let lock = KioskLock::new("s1", "", "۱۲۳۴", "1234").unwrap();
        assert!(lock.opens("1234") && lock.opens(" ۱۲۳۴ "));
        assert!(!lock.opens("1235") && !lock.opens("") && !lock.opens("12345"));
        assert!(!serde_json::to_string(&lock).unwrap().contains("1234"), "the PIN itself is not stored");
        let other = KioskLock { survey_id: "s2".into(), ..lock.clone() };
        assert!(!other.opens("1234"), "a lock moved to another survey does not open");
    }

    #[test]
    fn pins_are_four_to_eight_digits_typed_twice() {
        assert_eq!(KioskLock::new("s", "", "123", "123"), Err(PinError::Format));
        assert_eq!(KioskLock::new("s", "", "123456789", "123456789"), Err(PinError::Format));
        assert_eq!(KioskLock::new("s", "", "12a4", "12a4"), Err(PinError::Format));
        assert_eq!(KioskLock::new("s", "", "1234", "4321"), Err(PinError::Mismatch));
        assert!(KioskLock::new("s", "", "12345678", "12345678").is_ok());
    }
}
