//! The issuing Daftar's side: opening a pasted response code and refusing it
//! unless it was issued here, arrived unchanged and came back in time.

use super::frame::read_frame;
use super::respond::{response_aad, response_cipher, ZERO_NONCE};
use super::token::open_token;
use super::{BusinessKey, CodeError, LinkToken, MAX_CODE_TEXT, TAG};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::Nonce;
use x25519_dalek::PublicKey;

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
    use crate::surveys::seal::test_support::*;
    use crate::surveys::seal::frame::write_frame;
    use crate::surveys::seal::token::seal_token;
    use crate::surveys::seal::{issue_link, open_link, seal_response, LinkError};

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
}
