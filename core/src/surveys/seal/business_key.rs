//! The business's one stored secret and the keys derived from it: one to seal
//! link tokens, one to open response codes. Deriving both from 32 bytes means
//! a backup of that single record can read every code ever issued.

use super::{TOKEN_KEY_INFO, X25519_INFO};
use chacha20poly1305::aead::KeyInit;
use chacha20poly1305::{ChaCha20Poly1305, Key};
use hkdf::Hkdf;
use sha2::Sha256;
use x25519_dalek::{PublicKey, StaticSecret};

/// The business's secret: 32 random bytes kept on the device as a record.
/// Everything else is derived from it (HKDF-SHA256, one info string each), so
/// storing those 32 bytes is enough to read every code ever issued.
#[derive(Clone)]
pub struct BusinessKey {
    bytes: [u8; 32],
    /// Seals and opens link tokens (ChaCha20Poly1305).
    token_key: [u8; 32],
    /// Opens response codes (X25519).
    pub(super) secret: StaticSecret,
    pub(super) public: [u8; 32],
}

impl BusinessKey {
    /// `b` must come from a CSPRNG (the caller's `crypto.getRandomValues`).
    pub fn from_bytes(b: [u8; 32]) -> Self {
        let hk = Hkdf::<Sha256>::new(None, &b);
        let mut token_key = [0u8; 32];
        let mut x = [0u8; 32];
        // 32 bytes is far below HKDF-SHA256's 8160-byte limit: cannot fail.
        hk.expand(TOKEN_KEY_INFO, &mut token_key).expect("32 bytes is a valid HKDF length");
        hk.expand(X25519_INFO, &mut x).expect("32 bytes is a valid HKDF length");
        let secret = StaticSecret::from(x);
        let public = PublicKey::from(&secret).to_bytes();
        BusinessKey { bytes: b, token_key, secret, public }
    }

    /// The 32 bytes to store (the record's content).
    pub fn to_bytes(&self) -> [u8; 32] {
        self.bytes
    }

    /// The X25519 public key every link carries.
    pub fn public(&self) -> [u8; 32] {
        self.public
    }

    pub(super) fn token_cipher(&self) -> ChaCha20Poly1305 {
        ChaCha20Poly1305::new(Key::from_slice(&self.token_key))
    }
}

// Written by hand so a stray `{:?}` never prints the secret into a log.
impl std::fmt::Debug for BusinessKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BusinessKey(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::seal::test_support::*;

    #[test]
    fn business_key_round_trips_and_differs_per_secret() {
        let key = our_key();
        assert_eq!(key.to_bytes(), bytes32(1));
        assert_eq!(BusinessKey::from_bytes(key.to_bytes()).public(), key.public());
        assert_ne!(BusinessKey::from_bytes(bytes32(2)).public(), key.public());
        // The public key must not simply be the stored secret.
        assert_ne!(key.public(), key.to_bytes());
        assert_eq!(format!("{key:?}"), "BusinessKey(..)");
    }
}
