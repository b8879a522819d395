//! Sealed survey links and response codes: how a survey reaches a customer's
//! phone from a static page, and how the answers come back to the one Daftar
//! that asked, without a server.
//!
//! The rep's Daftar issues a *link*: its URL fragment alone lets a tiny page
//! (no keys, no CRM data) show the survey. The fragment carries the survey
//! definition, the issuer's X25519 public key, and a *sealed token* saying
//! which survey and customer the link is for; the token is encrypted with a key
//! only the issuing Daftar holds, so the link neither reveals nor lets anyone
//! change what it stands for.
//!
//! The page seals the customer's answers to the issuer's public key (ephemeral
//! X25519 + HKDF + ChaCha20Poly1305) into a short text *response code* that
//! travels any way text does (copy, share, QR, mailto). Only the issuing
//! Daftar can open it; the token inside the code proves the link was issued
//! here, and the AEAD proves neither the answers nor the token were changed.
//!
//! Randomness (the business secret, token ids, ephemeral keys) is always
//! passed in as bytes: core never calls an RNG, so it builds for
//! wasm32-unknown-unknown without `getrandom`.
//!
//! Wire formats (all base64url, no padding; integers big-endian):
//! - link fragment: `1 | u16 len | sealed token | issuer public (32) | survey bytes`
//! - response code: `"DF1." + b64(1 | u16 len | sealed token | ephemeral public (32) | AEAD ciphertext)`
//! - sealed token: `token_id (16) | ChaCha20Poly1305(token key, nonce = token_id[..12],
//!   aad = "daftar-token-v1" || token_id, body)`, body =
//!   `issued_ms (i64) | expires_ms (i64) | u16 len | survey_id | customer_id`.

mod business_key;
mod frame;
mod link;
mod receive;
mod respond;
#[cfg(test)]
mod test_support;
mod token;

pub use business_key::BusinessKey;
pub use link::{issue_link, open_link, OpenedLink};
pub use receive::{open_response, OpenedResponse};
pub use respond::seal_response;
pub use token::LinkToken;

/// The format version, first byte of both the link and the code. Bumped
/// whenever either layout or any derivation changes.
pub const VERSION: u8 = 1;
/// A link fragment longer than this (after an optional '#') is refused before
/// decoding: a page must not spend memory on a hostile URL.
pub const MAX_LINK_TEXT: usize = 64 * 1024;
/// A response code longer than this (raw text, whitespace included) is refused
/// before any other work. The largest code a page can make (16 KiB of answers)
/// is about 22 KiB, leaving room for line breaks added by messengers.
pub const MAX_CODE_TEXT: usize = 32 * 1024;
/// The most answer bytes a page may seal.
pub const MAX_ANSWERS: usize = 16 * 1024;

const CODE_PREFIX: &str = "DF1.";
const TOKEN_AAD: &[u8] = b"daftar-token-v1";
const TOKEN_KEY_INFO: &[u8] = b"daftar-token-key-v1";
const X25519_INFO: &[u8] = b"daftar-x25519-v1";
const RESPONSE_INFO: &[u8] = b"daftar-response-v1";

const TAG: usize = 16;
const KEY_LEN: usize = 32;
const TOKEN_ID_LEN: usize = 16;
/// issued_ms + expires_ms + survey id length.
const TOKEN_FIXED: usize = 8 + 8 + 2;
/// The shortest sealed token (empty ids); anything shorter cannot be ours.
const MIN_SEALED_TOKEN: usize = TOKEN_ID_LEN + TOKEN_FIXED + TAG;

/// Why a link fragment cannot be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Not base64url, truncated, or its lengths do not add up.
    Malformed,
    /// Over [`MAX_LINK_TEXT`] (or, when issuing, it would be).
    TooLarge,
    /// Made by a newer (or unknown) format.
    UnknownVersion,
}

/// Why a response code is refused (or cannot be made).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// Not base64url, wrong prefix, truncated, or its lengths do not add up.
    Malformed,
    /// Code text over [`MAX_CODE_TEXT`], or answers over [`MAX_ANSWERS`] when sealing.
    TooLarge,
    /// Made by a newer (or unknown) format.
    UnknownVersion,
    /// Its token does not open with our key: forged, altered, or issued by
    /// another business.
    NotIssuedHere,
    /// The token is ours but the answers do not open: changed on the way.
    Altered,
    /// The link had expired when the code was imported.
    Expired { expires_ms: i64 },
    /// The link already has a response filed (decided by the caller from its
    /// stored links; this module keeps no state).
    AlreadyUsed { filed_ms: i64 },
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::test_support::*;

    fn round_trip(customer_id: &str) {
        let key = our_key();
        let t = token(customer_id);
        let link = issue_link(&key, &t, SURVEY.as_bytes()).unwrap();
        let opened = open_link(&format!("#{link}")).unwrap();
        assert_eq!(opened.survey, SURVEY.as_bytes());
        let code = seal_response(&opened, ANSWERS.as_bytes(), bytes32(99)).unwrap();
        assert!(code.starts_with("DF1."));
        let got = open_response(&key, &code, ISSUED + DAY).unwrap();
        assert_eq!(got.token, t);
        assert_eq!(got.answers, ANSWERS.as_bytes());
    }

    #[test]
    fn round_trip_customer_link() {
        round_trip("0190a6f2-0000-7000-8000-00000000c0de");
    }

    #[test]
    fn round_trip_open_link() {
        round_trip("");
    }
}
