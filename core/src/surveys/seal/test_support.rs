//! Test helpers shared by the sealing tests in several files: deterministic
//! "random" bytes, our key, a token, and genuine codes to tamper with.

use super::{issue_link, open_link, seal_response, BusinessKey, LinkToken, CODE_PREFIX};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

/// Deterministic "random" bytes (splitmix64): tests must not need an RNG.
pub(super) fn bytes32(seed: u64) -> [u8; 32] {
    let mut x = seed;
    let mut out = [0u8; 32];
    for chunk in out.chunks_mut(8) {
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        chunk.copy_from_slice(&(z ^ (z >> 31)).to_le_bytes());
    }
    out
}

pub(super) fn token_id(seed: u64) -> [u8; 16] {
    bytes32(seed)[..16].try_into().unwrap()
}

pub(super) const DAY: i64 = 86_400_000;
pub(super) const ISSUED: i64 = 1_760_000_000_000;
pub(super) const SURVEY: &str = r#"{"title":"نظرسنجی رضایت مشتری","questions":[{"id":"q1","text":"چقدر از خرید خود راضی بودید؟"}]}"#;
pub(super) const ANSWERS: &str = r#"{"q1":9,"q2":"ارسال سریع بود، ممنون از شما 🌷"}"#;

pub(super) fn our_key() -> BusinessKey {
    BusinessKey::from_bytes(bytes32(1))
}

pub(super) fn token(customer_id: &str) -> LinkToken {
    LinkToken {
        token_id: token_id(7),
        survey_id: "0190a6f2-6a1e-7c3b-9d4e-5f6a7b8c9d0e".into(),
        customer_id: customer_id.into(),
        issued_ms: ISSUED,
        expires_ms: ISSUED + 14 * DAY,
    }
}

/// A genuine code from our key for `token`.
pub(super) fn code_for(token: &LinkToken, answers: &[u8], ephemeral_seed: u64) -> String {
    let link = issue_link(&our_key(), token, SURVEY.as_bytes()).unwrap();
    seal_response(&open_link(&link).unwrap(), answers, bytes32(ephemeral_seed)).unwrap()
}

pub(super) fn code_bytes(code: &str) -> Vec<u8> {
    URL_SAFE_NO_PAD.decode(&code[CODE_PREFIX.len()..]).unwrap()
}

pub(super) fn code_from_bytes(bytes: &[u8]) -> String {
    format!("{CODE_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))
}
