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

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use hkdf::Hkdf;
use sha2::Sha256;
use x25519_dalek::{PublicKey, StaticSecret};

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

/// The business's secret: 32 random bytes kept on the device as a record.
/// Everything else is derived from it (HKDF-SHA256, one info string each), so
/// storing those 32 bytes is enough to read every code ever issued.
#[derive(Clone)]
pub struct BusinessKey {
    bytes: [u8; 32],
    /// Seals and opens link tokens (ChaCha20Poly1305).
    token_key: [u8; 32],
    /// Opens response codes (X25519).
    secret: StaticSecret,
    public: [u8; 32],
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

    fn token_cipher(&self) -> ChaCha20Poly1305 {
        ChaCha20Poly1305::new(Key::from_slice(&self.token_key))
    }
}

// Written by hand so a stray `{:?}` never prints the secret into a log.
impl std::fmt::Debug for BusinessKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BusinessKey(..)")
    }
}

/// What a link stands for. Never readable from the link itself: it travels
/// sealed with the business's token key.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkToken {
    /// 16 random bytes, fresh for every link: the first 12 are the token's
    /// AEAD nonce, so reusing an id under one key would break the sealing.
    pub token_id: [u8; 16],
    pub survey_id: String,
    /// Empty for an open link (anyone may answer).
    pub customer_id: String,
    pub issued_ms: i64,
    pub expires_ms: i64,
}

impl LinkToken {
    fn body(&self) -> Option<Vec<u8>> {
        let sid = self.survey_id.as_bytes();
        let sid_len = u16::try_from(sid.len()).ok()?;
        let mut out = Vec::with_capacity(TOKEN_FIXED + sid.len() + self.customer_id.len());
        out.extend_from_slice(&self.issued_ms.to_be_bytes());
        out.extend_from_slice(&self.expires_ms.to_be_bytes());
        out.extend_from_slice(&sid_len.to_be_bytes());
        out.extend_from_slice(sid);
        // The customer id runs to the end: its length is implied.
        out.extend_from_slice(self.customer_id.as_bytes());
        Some(out)
    }

    fn from_body(token_id: [u8; 16], body: &[u8]) -> Option<Self> {
        let (issued, body) = body.split_first_chunk::<8>()?;
        let (expires, body) = body.split_first_chunk::<8>()?;
        let (sid_len, body) = body.split_first_chunk::<2>()?;
        let sid_len = usize::from(u16::from_be_bytes(*sid_len));
        if body.len() < sid_len {
            return None;
        }
        let (sid, cid) = body.split_at(sid_len);
        Some(LinkToken {
            token_id,
            survey_id: String::from_utf8(sid.to_vec()).ok()?,
            customer_id: String::from_utf8(cid.to_vec()).ok()?,
            issued_ms: i64::from_be_bytes(*issued),
            expires_ms: i64::from_be_bytes(*expires),
        })
    }
}

/// The whole token id is authenticated, not only the 12 bytes used as nonce:
/// otherwise its last 4 bytes (part of the record key) could be changed freely.
fn token_aad(token_id: &[u8; 16]) -> [u8; TOKEN_AAD.len() + TOKEN_ID_LEN] {
    let mut aad = [0u8; TOKEN_AAD.len() + TOKEN_ID_LEN];
    aad[..TOKEN_AAD.len()].copy_from_slice(TOKEN_AAD);
    aad[TOKEN_AAD.len()..].copy_from_slice(token_id);
    aad
}

fn seal_token(key: &BusinessKey, token: &LinkToken) -> Option<Vec<u8>> {
    let body = token.body()?;
    let aad = token_aad(&token.token_id);
    let nonce = Nonce::from_slice(&token.token_id[..12]);
    let sealed = key.token_cipher().encrypt(nonce, Payload { msg: &body, aad: &aad }).ok()?;
    let mut out = Vec::with_capacity(TOKEN_ID_LEN + sealed.len());
    out.extend_from_slice(&token.token_id);
    out.extend_from_slice(&sealed);
    Some(out)
}

/// `None` unless the token was sealed by this key and is unchanged.
fn open_token(key: &BusinessKey, sealed: &[u8]) -> Option<LinkToken> {
    let (token_id, ciphertext) = sealed.split_first_chunk::<TOKEN_ID_LEN>()?;
    let aad = token_aad(token_id);
    let nonce = Nonce::from_slice(&token_id[..12]);
    let body = key.token_cipher().decrypt(nonce, Payload { msg: ciphertext, aad: &aad }).ok()?;
    LinkToken::from_body(*token_id, &body)
}

/// The part both formats share: `version | u16 len | sealed token | key (32) | rest`.
struct Frame<'a> {
    sealed_token: &'a [u8],
    key: [u8; 32],
    rest: &'a [u8],
}

enum FrameError {
    Malformed,
    UnknownVersion,
}

impl From<FrameError> for LinkError {
    fn from(e: FrameError) -> Self {
        match e {
            FrameError::Malformed => LinkError::Malformed,
            FrameError::UnknownVersion => LinkError::UnknownVersion,
        }
    }
}

impl From<FrameError> for CodeError {
    fn from(e: FrameError) -> Self {
        match e {
            FrameError::Malformed => CodeError::Malformed,
            FrameError::UnknownVersion => CodeError::UnknownVersion,
        }
    }
}

fn read_frame(bytes: &[u8]) -> Result<Frame<'_>, FrameError> {
    let (&version, bytes) = bytes.split_first().ok_or(FrameError::Malformed)?;
    if version != VERSION {
        return Err(FrameError::UnknownVersion);
    }
    let (len, bytes) = bytes.split_first_chunk::<2>().ok_or(FrameError::Malformed)?;
    let len = usize::from(u16::from_be_bytes(*len));
    if len < MIN_SEALED_TOKEN || bytes.len() < len {
        return Err(FrameError::Malformed);
    }
    let (sealed_token, bytes) = bytes.split_at(len);
    let (key, rest) = bytes.split_first_chunk::<KEY_LEN>().ok_or(FrameError::Malformed)?;
    Ok(Frame { sealed_token, key: *key, rest })
}

/// `None` when the sealed token is too long for its u16 length.
fn write_frame(sealed_token: &[u8], key: &[u8; 32], rest: &[u8]) -> Option<Vec<u8>> {
    let len = u16::try_from(sealed_token.len()).ok()?;
    let mut out = Vec::with_capacity(1 + 2 + sealed_token.len() + KEY_LEN + rest.len());
    out.push(VERSION);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(sealed_token);
    out.extend_from_slice(key);
    out.extend_from_slice(rest);
    Some(out)
}

/// Base64 text length of `n` bytes without padding.
fn b64_len(n: usize) -> usize {
    n / 3 * 4 + [0, 2, 3][n % 3]
}

/// Makes the URL fragment (no leading '#') for `token`: the survey definition
/// (`survey`, opaque bytes) travels in clear, the token sealed.
/// `TooLarge` when the fragment would exceed [`MAX_LINK_TEXT`] (or the ids are
/// absurdly long); `Malformed` for an empty survey, which no page could show.
pub fn issue_link(key: &BusinessKey, token: &LinkToken, survey: &[u8]) -> Result<String, LinkError> {
    if survey.is_empty() {
        return Err(LinkError::Malformed);
    }
    // Checked before sealing so a huge survey costs nothing.
    let fixed = 1 + 2 + MIN_SEALED_TOKEN + KEY_LEN;
    if b64_len(fixed + survey.len()) > MAX_LINK_TEXT {
        return Err(LinkError::TooLarge);
    }
    let sealed = seal_token(key, token).ok_or(LinkError::TooLarge)?;
    let bytes = write_frame(&sealed, &key.public, survey).ok_or(LinkError::TooLarge)?;
    if b64_len(bytes.len()) > MAX_LINK_TEXT {
        return Err(LinkError::TooLarge);
    }
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// A link as the respondent's page sees it: the survey to show, and what it
/// needs to seal the answers (kept private: the page has no use for them).
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedLink {
    /// The survey definition, exactly as issued.
    pub survey: Vec<u8>,
    sealed_token: Vec<u8>,
    issuer: [u8; 32],
}

/// Reads a link fragment on the respondent's page (no key needed). A leading
/// '#' is tolerated so `location.hash` can be passed as is.
pub fn open_link(fragment: &str) -> Result<OpenedLink, LinkError> {
    let text = fragment.strip_prefix('#').unwrap_or(fragment);
    if text.len() > MAX_LINK_TEXT {
        return Err(LinkError::TooLarge);
    }
    let bytes = URL_SAFE_NO_PAD.decode(text).map_err(|_| LinkError::Malformed)?;
    let frame = read_frame(&bytes)?;
    // The survey has no length of its own; an empty one means the link was cut.
    if frame.rest.is_empty() {
        return Err(LinkError::Malformed);
    }
    Ok(OpenedLink { survey: frame.rest.to_vec(), sealed_token: frame.sealed_token.to_vec(), issuer: frame.key })
}

/// The single-use AEAD key for one response. Both public keys go into the
/// salt so the key is bound to this exact exchange.
fn response_cipher(shared: &[u8; 32], ephemeral_public: &[u8; 32], issuer: &[u8; 32]) -> ChaCha20Poly1305 {
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
fn response_aad(sealed_token: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(1 + sealed_token.len());
    aad.push(VERSION);
    aad.extend_from_slice(sealed_token);
    aad
}

/// A zero nonce is safe: every response key comes from a fresh ephemeral
/// secret and encrypts exactly one message.
const ZERO_NONCE: [u8; 12] = [0; 12];

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

/// A response code opened by the business that issued its link.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedResponse {
    pub token: LinkToken,
    pub answers: Vec<u8>,
}

/// Characters a paste may add that are never part of a code: whitespace (line
/// breaks from messengers and mail) and the invisible direction and joiner
/// marks Persian text around a pasted code often carries.
fn is_ignorable(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Strips the `DF<version>.` prefix (case-insensitive). A well-formed prefix
/// with another version number is `UnknownVersion`, so a code from a newer
/// Daftar says so instead of looking like garbage.
fn strip_prefix(code: &str) -> Result<&str, CodeError> {
    let dot = code.find('.').ok_or(CodeError::Malformed)?;
    let head = &code.as_bytes()[..dot];
    let digits = head.get(2..).ok_or(CodeError::Malformed)?;
    if !head[..2].eq_ignore_ascii_case(b"DF") || digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return Err(CodeError::Malformed);
    }
    // The version as written in CODE_PREFIX ("DF1.").
    if digits != b"1" {
        return Err(CodeError::UnknownVersion);
    }
    Ok(&code[dot + 1..])
}

/// Opens a response code on the business side: checks the token was sealed by
/// `key`, that the answers are intact, and that the link had not expired at
/// `now_ms` (`now_ms == expires_ms` is still in time). Whether the link was
/// already answered is the caller's check (`CodeError::AlreadyUsed`).
pub fn open_response(key: &BusinessKey, code: &str, now_ms: i64) -> Result<OpenedResponse, CodeError> {
    // Before anything else, so a hostile paste costs no work.
    if code.len() > MAX_CODE_TEXT {
        return Err(CodeError::TooLarge);
    }
    let clean: String = code.chars().filter(|&c| !is_ignorable(c)).collect();
    let body = strip_prefix(&clean)?;
    let bytes = URL_SAFE_NO_PAD.decode(body).map_err(|_| CodeError::Malformed)?;
    let frame = read_frame(&bytes)?;
    if frame.rest.len() < TAG {
        return Err(CodeError::Malformed);
    }
    // The token first: a code not issued here says so, whatever else is wrong.
    let token = open_token(key, frame.sealed_token).ok_or(CodeError::NotIssuedHere)?;
    let shared = key.secret.diffie_hellman(&PublicKey::from(frame.key));
    // A low-order ephemeral key makes the shared secret public knowledge, so
    // anyone could forge the answers: refuse it like any other alteration.
    if !shared.was_contributory() {
        return Err(CodeError::Altered);
    }
    let cipher = response_cipher(shared.as_bytes(), &frame.key, &key.public);
    let aad = response_aad(frame.sealed_token);
    let answers = cipher
        .decrypt(Nonce::from_slice(&ZERO_NONCE), Payload { msg: frame.rest, aad: &aad })
        .map_err(|_| CodeError::Altered)?;
    // Last, so `Expired` is only ever said of a genuine, intact code.
    if now_ms > token.expires_ms {
        return Err(CodeError::Expired { expires_ms: token.expires_ms });
    }
    Ok(OpenedResponse { token, answers })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic "random" bytes (splitmix64): tests must not need an RNG.
    fn bytes32(seed: u64) -> [u8; 32] {
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

    fn token_id(seed: u64) -> [u8; 16] {
        bytes32(seed)[..16].try_into().unwrap()
    }

    const DAY: i64 = 86_400_000;
    const ISSUED: i64 = 1_760_000_000_000;
    const SURVEY: &str = r#"{"title":"نظرسنجی رضایت مشتری","questions":[{"id":"q1","text":"چقدر از خرید خود راضی بودید؟"}]}"#;
    const ANSWERS: &str = r#"{"q1":9,"q2":"ارسال سریع بود، ممنون از شما 🌷"}"#;

    fn our_key() -> BusinessKey {
        BusinessKey::from_bytes(bytes32(1))
    }

    fn token(customer_id: &str) -> LinkToken {
        LinkToken {
            token_id: token_id(7),
            survey_id: "0190a6f2-6a1e-7c3b-9d4e-5f6a7b8c9d0e".into(),
            customer_id: customer_id.into(),
            issued_ms: ISSUED,
            expires_ms: ISSUED + 14 * DAY,
        }
    }

    /// A genuine code from our key for `token`.
    fn code_for(token: &LinkToken, answers: &[u8], ephemeral_seed: u64) -> String {
        let link = issue_link(&our_key(), token, SURVEY.as_bytes()).unwrap();
        seal_response(&open_link(&link).unwrap(), answers, bytes32(ephemeral_seed)).unwrap()
    }

    fn code_bytes(code: &str) -> Vec<u8> {
        URL_SAFE_NO_PAD.decode(&code[CODE_PREFIX.len()..]).unwrap()
    }

    fn code_from_bytes(bytes: &[u8]) -> String {
        format!("{CODE_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))
    }

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

    #[test]
    fn empty_answers_round_trip() {
        let code = code_for(&token("c"), b"", 3);
        assert_eq!(open_response(&our_key(), &code, ISSUED).unwrap().answers, b"");
    }

    #[test]
    fn link_does_not_reveal_the_token() {
        let t = token("customer-who-must-not-be-named");
        let bytes = URL_SAFE_NO_PAD.decode(issue_link(&our_key(), &t, SURVEY.as_bytes()).unwrap()).unwrap();
        let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
        assert!(!contains(t.customer_id.as_bytes()));
        assert!(!contains(t.survey_id.as_bytes()));
        assert!(!contains(&t.expires_ms.to_be_bytes()));
        assert!(contains(SURVEY.as_bytes()), "the survey itself travels in clear");
    }

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

    #[test]
    fn every_bit_flip_in_code_is_refused() {
        let key = our_key();
        let code = code_for(&token("c-1"), "بله".as_bytes(), 5);
        let bytes = code_bytes(&code);
        for i in 0..bytes.len() {
            for bit in 0..8 {
                let mut b = bytes.clone();
                b[i] ^= 1 << bit;
                let got = open_response(&key, &code_from_bytes(&b), ISSUED);
                assert!(
                    matches!(
                        got,
                        Err(CodeError::NotIssuedHere | CodeError::Altered | CodeError::UnknownVersion | CodeError::Malformed)
                    ),
                    "byte {i} bit {bit}: {got:?}"
                );
            }
        }
        // The flips must actually reach each part, not all stop at the frame.
        let flip = |i: usize| {
            let mut b = bytes.clone();
            b[i] ^= 1;
            open_response(&key, &code_from_bytes(&b), ISSUED).unwrap_err()
        };
        assert_eq!(flip(0), CodeError::UnknownVersion);
        assert_eq!(flip(3), CodeError::NotIssuedHere); // token id
        assert_eq!(flip(3 + 15), CodeError::NotIssuedHere); // token id's last byte (not in the nonce)
        assert_eq!(flip(bytes.len() - 40), CodeError::Altered); // ephemeral key
        assert_eq!(flip(bytes.len() - 1), CodeError::Altered); // tag
    }

    #[test]
    fn every_character_change_in_code_is_refused() {
        let key = our_key();
        let code = code_for(&token("c-2"), b"{\"q1\":10}", 6);
        let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (i, c) in code.char_indices() {
            // Replace with the next alphabet character, and with characters
            // outside it; a case change in the prefix is allowed by design.
            let next = alphabet.find(c).map_or('A', |p| char::from(alphabet.as_bytes()[(p + 1) % 64]));
            for r in [next, '!', '=', '+', '/', 'ی'] {
                if r.eq_ignore_ascii_case(&c) {
                    continue;
                }
                let mut changed = code.clone();
                changed.replace_range(i..i + c.len_utf8(), r.encode_utf8(&mut [0; 4]));
                assert!(open_response(&key, &changed, ISSUED).is_err(), "position {i} {c} -> {r}");
            }
        }
    }

    #[test]
    fn code_for_another_business_is_not_issued_here() {
        let theirs = BusinessKey::from_bytes(bytes32(2));
        let link = issue_link(&theirs, &token("c"), SURVEY.as_bytes()).unwrap();
        let code = seal_response(&open_link(&link).unwrap(), ANSWERS.as_bytes(), bytes32(8)).unwrap();
        assert!(open_response(&theirs, &code, ISSUED).is_ok());
        assert_eq!(open_response(&our_key(), &code, ISSUED), Err(CodeError::NotIssuedHere));
    }

    #[test]
    fn forged_token_with_our_public_key_is_not_issued_here() {
        // The attacker knows our public key (it is in every link) and makes up
        // a token sealed with a key of their own, with a far expiry.
        let ours = our_key();
        let attacker = BusinessKey::from_bytes(bytes32(666));
        let mut t = token("victim");
        t.expires_ms = i64::MAX;
        let sealed = seal_token(&attacker, &t).unwrap();
        let forged = URL_SAFE_NO_PAD.encode(write_frame(&sealed, &ours.public(), SURVEY.as_bytes()).unwrap());
        let code = seal_response(&open_link(&forged).unwrap(), ANSWERS.as_bytes(), bytes32(9)).unwrap();
        assert_eq!(open_response(&ours, &code, ISSUED), Err(CodeError::NotIssuedHere));

        // Same with a token that is only random bytes of the right shape.
        let junk: Vec<u8> = bytes32(10).iter().chain(&bytes32(11)).copied().collect();
        let forged = URL_SAFE_NO_PAD.encode(write_frame(&junk[..60], &ours.public(), SURVEY.as_bytes()).unwrap());
        let code = seal_response(&open_link(&forged).unwrap(), ANSWERS.as_bytes(), bytes32(12)).unwrap();
        assert_eq!(open_response(&ours, &code, ISSUED), Err(CodeError::NotIssuedHere));
    }

    #[test]
    fn answers_cannot_move_to_another_token() {
        // A genuine token from one link, with the ciphertext of another code.
        let key = our_key();
        let a = code_bytes(&code_for(&token("a"), b"A", 13));
        let mut other = token("b");
        other.token_id = token_id(14);
        let b = code_bytes(&code_for(&other, b"A", 13));
        let (fa, fb) = (read_frame(&a).ok().unwrap(), read_frame(&b).ok().unwrap());
        let spliced = write_frame(fa.sealed_token, &fb.key, fb.rest).unwrap();
        assert_eq!(open_response(&key, &code_from_bytes(&spliced), ISSUED), Err(CodeError::Altered));
    }

    #[test]
    fn low_order_ephemeral_key_is_altered() {
        // With the all-zero point the shared secret is all zeros, known to
        // anyone: a code built that way carries a valid tag, so only the
        // contributory check stops it.
        let key = our_key();
        let link = open_link(&issue_link(&key, &token("c"), SURVEY.as_bytes()).unwrap()).unwrap();
        let low = [0u8; 32];
        let cipher = response_cipher(&[0u8; 32], &low, &key.public());
        let ct = cipher
            .encrypt(Nonce::from_slice(&ZERO_NONCE), Payload { msg: b"forged", aad: &response_aad(&link.sealed_token) })
            .unwrap();
        let code = code_from_bytes(&write_frame(&link.sealed_token, &low, &ct).unwrap());
        assert_eq!(open_response(&key, &code, ISSUED), Err(CodeError::Altered));
    }

    #[test]
    fn seal_refuses_a_low_order_issuer_key() {
        let key = our_key();
        let mut link = open_link(&issue_link(&key, &token("c"), SURVEY.as_bytes()).unwrap()).unwrap();
        link.issuer = [0u8; 32];
        assert_eq!(seal_response(&link, b"x", bytes32(4)), Err(CodeError::Malformed));
    }

    #[test]
    fn expiry_is_inclusive() {
        let key = our_key();
        let t = token("c");
        let code = code_for(&t, ANSWERS.as_bytes(), 15);
        assert!(open_response(&key, &code, t.expires_ms).is_ok());
        assert_eq!(
            open_response(&key, &code, t.expires_ms + 1),
            Err(CodeError::Expired { expires_ms: t.expires_ms })
        );
    }

    #[test]
    fn oversized_code_is_refused_before_decoding() {
        let key = our_key();
        // Not base64 at all: decoding first would say Malformed.
        let huge = format!("DF1.{}", "!".repeat(MAX_CODE_TEXT));
        assert_eq!(open_response(&key, &huge, ISSUED), Err(CodeError::TooLarge));
        // At the limit it is read (and found malformed), not refused for size.
        let at_limit = format!("DF1.{}", "!".repeat(MAX_CODE_TEXT - 4));
        assert_eq!(open_response(&key, &at_limit, ISSUED), Err(CodeError::Malformed));
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
    fn oversized_link_is_refused() {
        let huge = "!".repeat(MAX_LINK_TEXT + 1);
        assert_eq!(open_link(&huge).unwrap_err(), LinkError::TooLarge);
        assert_eq!(open_link(&format!("#{huge}")).unwrap_err(), LinkError::TooLarge);
        assert_eq!(open_link(&huge[1..]).unwrap_err(), LinkError::Malformed);
        // Issuing refuses what no page would open.
        let key = our_key();
        assert_eq!(issue_link(&key, &token("c"), &vec![b'x'; MAX_LINK_TEXT]), Err(LinkError::TooLarge));
        // And the largest survey it accepts opens.
        let mut n = MAX_LINK_TEXT * 3 / 4 - 200;
        while let Ok(link) = issue_link(&key, &token("c"), &vec![b'x'; n + 1]) {
            assert!(link.len() <= MAX_LINK_TEXT);
            n += 1;
        }
        let link = issue_link(&key, &token("c"), &vec![b'x'; n]).unwrap();
        assert_eq!(open_link(&link).unwrap().survey.len(), n);
    }

    #[test]
    fn malformed_codes_never_open() {
        let key = our_key();
        for bad in ["", "DF1.", "df1.", "DF1", "DF.", ".AAAA", "DF1.!!!!", "DF1.AQAA", "DF1.=", "DF1.سلام", "XX1.AAAAAAAA", "hello world", "DF1.DF1."] {
            assert_eq!(open_response(&key, bad, ISSUED), Err(CodeError::Malformed), "{bad:?}");
        }
        let code = code_for(&token("c"), ANSWERS.as_bytes(), 17);
        for n in 0..code.len() {
            assert!(open_response(&key, &code[..n], ISSUED).is_err(), "cut at {n}");
        }
        // Bytes appended after a valid code change the ciphertext.
        let mut long = code_bytes(&code);
        long.push(0);
        assert_eq!(open_response(&key, &code_from_bytes(&long), ISSUED), Err(CodeError::Altered));
    }

    #[test]
    fn unknown_versions_are_named() {
        let key = our_key();
        let code = code_for(&token("c"), ANSWERS.as_bytes(), 18);
        assert_eq!(open_response(&key, &code.replacen("DF1.", "DF2.", 1), ISSUED), Err(CodeError::UnknownVersion));
        let mut bytes = code_bytes(&code);
        bytes[0] = 2;
        assert_eq!(open_response(&key, &code_from_bytes(&bytes), ISSUED), Err(CodeError::UnknownVersion));
        let mut link = URL_SAFE_NO_PAD.decode(issue_link(&key, &token("c"), SURVEY.as_bytes()).unwrap()).unwrap();
        link[0] = 2;
        assert_eq!(open_link(&URL_SAFE_NO_PAD.encode(link)).unwrap_err(), LinkError::UnknownVersion);
    }

    #[test]
    fn malformed_links_are_refused() {
        for bad in ["", "#", "!!!!", "#AQAA", "AQ", "سلام"] {
            assert_eq!(open_link(bad).unwrap_err(), LinkError::Malformed, "{bad:?}");
        }
        let link = issue_link(&our_key(), &token("c"), SURVEY.as_bytes()).unwrap();
        let bytes = URL_SAFE_NO_PAD.decode(&link).unwrap();
        // Cut anywhere before the survey begins: version, length, token, key.
        let survey_at = bytes.len() - SURVEY.len();
        for n in 0..=survey_at {
            let cut = URL_SAFE_NO_PAD.encode(&bytes[..n]);
            assert_eq!(open_link(&cut).unwrap_err(), LinkError::Malformed, "cut at {n}");
        }
        // A token length pointing past the end.
        let mut b = bytes.clone();
        b[1] = 0xff;
        assert_eq!(open_link(&URL_SAFE_NO_PAD.encode(b)).unwrap_err(), LinkError::Malformed);
        // Padding and the standard alphabet are not base64url-no-pad.
        assert_eq!(open_link(&format!("{link}=")).unwrap_err(), LinkError::Malformed);
    }

    #[test]
    fn whitespace_and_marks_in_code_are_ignored() {
        let key = our_key();
        let code = code_for(&token("c"), ANSWERS.as_bytes(), 19);
        let mut messy = String::from("\u{200F} \n");
        for (i, c) in code.chars().enumerate() {
            messy.push(if i < 2 { c.to_ascii_lowercase() } else { c });
            match i % 7 {
                0 => messy.push_str("\r\n"),
                3 => messy.push(' '),
                5 => messy.push_str("\t\u{200E}"),
                _ => {}
            }
        }
        messy.push_str("\u{00A0}\n");
        assert_ne!(messy, code);
        assert_eq!(open_response(&key, &messy, ISSUED).unwrap().answers, ANSWERS.as_bytes());
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
