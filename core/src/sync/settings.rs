//! The sync settings a user types, checked before anything is sent.

/// What is wrong with a typed server address or database name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingProblem {
    /// Not `http://…` or `https://…` with a host.
    BadUrl,
    /// CouchDB's rule: a lowercase letter first, then lowercase letters,
    /// digits and `_ $ ( ) + - /`.
    BadDatabase,
}

/// The address as the requests use it: trimmed, without trailing slashes.
pub fn server_url(typed: &str) -> Result<String, SettingProblem> {
    let url = typed.trim().trim_end_matches('/');
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).ok_or(SettingProblem::BadUrl)?;
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty() || url.chars().any(char::is_whitespace) {
        return Err(SettingProblem::BadUrl);
    }
    Ok(url.to_string())
}

pub fn database_name(typed: &str) -> Result<String, SettingProblem> {
    let name = typed.trim();
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    let rest_ok = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_$()+-/".contains(c));
    if first_ok && rest_ok {
        Ok(name.to_string())
    } else {
        Err(SettingProblem::BadDatabase)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_trimmed_and_must_be_http() {
        assert_eq!(server_url(" https://couch.example.com/ ").as_deref(), Ok("https://couch.example.com"));
        assert_eq!(server_url("http://127.0.0.1:5984//").as_deref(), Ok("http://127.0.0.1:5984"));
        assert_eq!(server_url("https://example.com/couch/").as_deref(), Ok("https://example.com/couch"));
        for bad in ["", "couch.example.com", "ftp://x", "https://", "https:// x.com", "http:///db"] {
            assert_eq!(server_url(bad), Err(SettingProblem::BadUrl), "{bad:?}");
        }
    }

    #[test]
    fn database_names_follow_couchdb() {
        assert_eq!(database_name(" daftar ").as_deref(), Ok("daftar"));
        assert_eq!(database_name("team_1-sales").as_deref(), Ok("team_1-sales"));
        for bad in ["", "Daftar", "1db", "_users", "دفتر", "a b"] {
            assert_eq!(database_name(bad), Err(SettingProblem::BadDatabase), "{bad:?}");
        }
    }
}
