//! The business's survey key as it is stored: a record of its own per key
//! (see `KEY`), its 32 secret bytes in hex.

use super::seal::BusinessKey;
use crate::store::RecordKind;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KeyRecord {
    pub secret: String,
}

impl RecordKind for KeyRecord {
    const KIND: &'static str = super::KEY;
}

impl KeyRecord {
    /// `bytes` must come from a CSPRNG.
    pub fn new(bytes: &[u8; 32]) -> Self {
        Self { secret: bytes.iter().map(|b| format!("{b:02x}")).collect() }
    }

    /// The key; None when the stored secret is not 64 hex digits.
    pub fn key(&self) -> Option<BusinessKey> {
        let s = &self.secret;
        if s.len() != 64 {
            return None;
        }
        let mut bytes = [0u8; 32];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(BusinessKey::from_bytes(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_key_reads_back_as_the_same_key_and_a_damaged_one_not_at_all() {
        let bytes: [u8; 32] = std::array::from_fn(|i| (i * 7 + 3) as u8);
        let record = KeyRecord::new(&bytes);
        assert_eq!(record.secret.len(), 64);
        assert!(record.secret.starts_with("030a11"));
        assert_eq!(record.key().map(|k| k.public()), Some(BusinessKey::from_bytes(bytes).public()));
        for damaged in ["", "zz", &record.secret[1..], &format!("{}g", &record.secret[1..]), &format!("{}ا", &record.secret[2..])] {
            assert!(KeyRecord { secret: damaged.to_string() }.key().is_none(), "{damaged:?}");
        }
    }
}
