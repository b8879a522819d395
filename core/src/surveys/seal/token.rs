//! The sealed token a link carries: which survey and customer it stands for,
//! encrypted under the business's token key so the link neither reveals nor
//! lets anyone change it, and only the issuing Daftar can read it back.

use super::{BusinessKey, TOKEN_AAD, TOKEN_FIXED, TOKEN_ID_LEN};
use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::Nonce;

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

pub(super) fn seal_token(key: &BusinessKey, token: &LinkToken) -> Option<Vec<u8>> {
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
pub(super) fn open_token(key: &BusinessKey, sealed: &[u8]) -> Option<LinkToken> {
    let (token_id, ciphertext) = sealed.split_first_chunk::<TOKEN_ID_LEN>()?;
    let aad = token_aad(token_id);
    let nonce = Nonce::from_slice(&token_id[..12]);
    let body = key.token_cipher().decrypt(nonce, Payload { msg: ciphertext, aad: &aad }).ok()?;
    LinkToken::from_body(*token_id, &body)
}
