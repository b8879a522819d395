//! The byte layout links and response codes share (version, sealed token, a
//! public key, the rest), read and written in one place so both formats check
//! versions and lengths the same way.

use super::{CodeError, LinkError, KEY_LEN, MIN_SEALED_TOKEN, VERSION};

/// The part both formats share: `version | u16 len | sealed token | key (32) | rest`.
pub(super) struct Frame<'a> {
    pub(super) sealed_token: &'a [u8],
    pub(super) key: [u8; 32],
    pub(super) rest: &'a [u8],
}

pub(super) enum FrameError {
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

pub(super) fn read_frame(bytes: &[u8]) -> Result<Frame<'_>, FrameError> {
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
pub(super) fn write_frame(sealed_token: &[u8], key: &[u8; 32], rest: &[u8]) -> Option<Vec<u8>> {
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
pub(super) fn b64_len(n: usize) -> usize {
    n / 3 * 4 + [0, 2, 3][n % 3]
}
