//! Survey links: the URL fragment the rep's Daftar issues, and how the
//! respondent's page reads it back with no key and no CRM data.

use super::frame::{b64_len, read_frame, write_frame};
use super::token::seal_token;
use super::{BusinessKey, LinkError, LinkToken, KEY_LEN, MAX_LINK_TEXT, MIN_SEALED_TOKEN};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

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
    pub(super) sealed_token: Vec<u8>,
    pub(super) issuer: [u8; 32],
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::seal::test_support::*;

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
}
