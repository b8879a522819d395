//! The respondent's page: sealing the answers to the issuer's public key into
//! a response code, and the one-time response key both sides derive, kept
//! here so the page and the business cannot drift apart.

use super::frame::write_frame;
use super::{CodeError, OpenedLink, CODE_PREFIX, MAX_ANSWERS, RESPONSE_INFO, VERSION};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use hkdf::Hkdf;
use sha2::Sha256;
use x25519_dalek::{PublicKey, StaticSecret};

/// The single-use AEAD key for one response. Both public keys go into the
/// salt so the key is bound to this exact exchange.
pub(super) fn response_cipher(shared: &[u8; 32], ephemeral_public: &[u8; 32], issuer: &[u8; 32]) -> ChaCha20Poly1305 {
    let mut salt = [0u8; 64];
    salt[..32].copy_from_slice(ephemeral_public);
    salt[32..].copy_from_slice(issuer);
    let mut okm = [0u8; 32];
    Hkdf::<Sha256>::new(Some(&salt), shared)
        .expand(RESPONSE_INFO, &mut okm)
        .expect("32 bytes is a valid HKDF length");
    ChaCha20Poly1305::new(Key::from_slice(&okm))
}

/// The response AEAD's associated data: the token is bound to the answers, so
/// answers cannot be moved under another link's token.
pub(super) fn response_aad(sealed_token: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(1 + sealed_token.len());
    aad.push(VERSION);
    aad.extend_from_slice(sealed_token);
    aad
}

/// A zero nonce is safe: every response key comes from a fresh ephemeral
/// secret and encrypts exactly one message.
pub(super) const ZERO_NONCE: [u8; 12] = [0; 12];

/// Seals `answers` (opaque bytes) on the respondent's page into the response
/// code text. `ephemeral` must be 32 fresh random bytes from the caller.
/// `TooLarge` over [`MAX_ANSWERS`]; `Malformed` when the link's public key is
/// a low-order point (no real Daftar makes such a link).
pub fn seal_response(link: &OpenedLink, answers: &[u8], ephemeral: [u8; 32]) -> Result<String, CodeError> {
    if answers.len() > MAX_ANSWERS {
        return Err(CodeError::TooLarge);
    }
    let secret = StaticSecret::from(ephemeral);
    let ephemeral_public = PublicKey::from(&secret).to_bytes();
    let shared = secret.diffie_hellman(&PublicKey::from(link.issuer));
    // A low-order issuer key gives a shared secret anyone can compute.
    if !shared.was_contributory() {
        return Err(CodeError::Malformed);
    }
    let cipher = response_cipher(shared.as_bytes(), &ephemeral_public, &link.issuer);
    let aad = response_aad(&link.sealed_token);
    let ciphertext = cipher
        .encrypt(Nonce::from_slice(&ZERO_NONCE), Payload { msg: answers, aad: &aad })
        .map_err(|_| CodeError::TooLarge)?;
    let bytes = write_frame(&link.sealed_token, &ephemeral_public, &ciphertext).ok_or(CodeError::Malformed)?;
    Ok(format!("{CODE_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::seal::test_support::*;
    use crate::surveys::seal::frame::b64_len;
    use crate::surveys::seal::{issue_link, open_link, open_response, MAX_CODE_TEXT};

    #[test]
    fn empty_answers_round_trip() {
        let code = code_for(&token("c"), b"", 3);
        assert_eq!(open_response(&our_key(), &code, ISSUED).unwrap().answers, b"");
    }

    #[test]
    fn seal_refuses_a_low_order_issuer_key() {
        let key = our_key();
        let mut link = open_link(&issue_link(&key, &token("c"), SURVEY.as_bytes()).unwrap()).unwrap();
        link.issuer = [0u8; 32];
        assert_eq!(seal_response(&link, b"x", bytes32(4)), Err(CodeError::Malformed));
    }

    #[test]
    fn oversized_answers_are_refused_on_seal() {
        let key = our_key();
        let link = open_link(&issue_link(&key, &token("c"), SURVEY.as_bytes()).unwrap()).unwrap();
        assert_eq!(seal_response(&link, &vec![b'a'; MAX_ANSWERS + 1], bytes32(16)), Err(CodeError::TooLarge));
        // The largest allowed answers still make a code that opens.
        let code = seal_response(&link, &vec![b'a'; MAX_ANSWERS], bytes32(16)).unwrap();
        assert!(code.len() <= MAX_CODE_TEXT);
        assert_eq!(open_response(&key, &code, ISSUED).unwrap().answers.len(), MAX_ANSWERS);
    }

    #[test]
    fn different_ephemeral_bytes_give_different_codes() {
        let t = token("c");
        let a = code_for(&t, ANSWERS.as_bytes(), 20);
        let b = code_for(&t, ANSWERS.as_bytes(), 21);
        assert_ne!(a, b);
        // The ciphertexts differ too, not only the ephemeral keys.
        let (a, b) = (code_bytes(&a), code_bytes(&b));
        assert_ne!(a[a.len() - ANSWERS.len()..], b[b.len() - ANSWERS.len()..]);
        // The same bytes make the same code: nothing random hides in here.
        assert_eq!(code_for(&t, ANSWERS.as_bytes(), 20), code_for(&t, ANSWERS.as_bytes(), 20));
    }

    #[test]
    fn typical_code_size() {
        // 500 bytes of answers, UUID survey and customer ids.
        let t = token("0190a6f2-0000-7000-8000-00000000c0de");
        let code = code_for(&t, &[b'a'; 500], 22);
        // 1 + 2 + (16 + 18 + 36 + 36 + 16) + 32 + (500 + 16) = 673 bytes -> 898 + "DF1."
        assert_eq!(code.len(), 4 + b64_len(673));
        assert_eq!(code.len(), 902);
    }
}
