//! Sync's failures in the user's words.

use crate::i18n::{store_error_text, Lang, Texts};
use crate::sync::http::Problem;
use daftar_core::sync::settings::SettingProblem;
use daftar_core::sync::transport::SyncError;

pub fn problem_text(t: &Texts, lang: Lang, problem: &Problem, db: &str) -> String {
    match problem {
        Problem::Unreachable => t.sync.sync_unreachable.to_string(),
        Problem::Cors => t.sync.sync_cors(&crate::browser_env::origin()),
        Problem::NotCouch => t.sync.sync_not_couch.to_string(),
        Problem::WrongPassword => t.sync.sync_wrong_password.to_string(),
        Problem::CookieBlocked => t.sync.sync_cookie_blocked.to_string(),
        Problem::NoDatabase => t.sync.sync_no_database(db),
        Problem::Forbidden => t.sync.sync_forbidden(db),
        Problem::Other(reason) => t.sync.sync_server_error(reason),
        // The device's own storage, not the server: said as such.
        Problem::Store(e) => store_error_text(e, lang),
    }
}

pub fn setting_text(t: &Texts, problem: &SettingProblem) -> &'static str {
    match problem {
        SettingProblem::BadUrl => t.sync.sync_bad_url,
        SettingProblem::BadDatabase => t.sync.sync_bad_database,
    }
}

/// A failed run, as the status chip and the settings page tell it.
pub fn error_text(t: &Texts, lang: Lang, error: &SyncError, db: &str) -> String {
    match error {
        SyncError::Unreachable => t.sync.sync_unreachable.to_string(),
        SyncError::Unauthorized => t.sync.sync_sign_in_again.to_string(),
        SyncError::Forbidden => t.sync.sync_forbidden(db),
        SyncError::NoDatabase => t.sync.sync_no_database(db),
        SyncError::Server(reason) => t.sync.sync_server_error(reason),
        SyncError::Store(e) => store_error_text(e, lang),
    }
}

/// The commands that let a static-hosted Daftar at `origin` reach a
/// CouchDB 3 server at `url`.
pub fn cors_fix(url: &str, origin: &str) -> String {
    let config = format!("{url}/_node/_local/_config");
    [
        format!("curl -u admin -X PUT {config}/chttpd/enable_cors -d '\"true\"'"),
        format!("curl -u admin -X PUT {config}/cors/origins -d '\"{origin}\"'"),
        format!("curl -u admin -X PUT {config}/cors/credentials -d '\"true\"'"),
        format!("curl -u admin -X PUT {config}/cors/methods -d '\"GET, PUT, POST, HEAD, DELETE\"'"),
        format!("curl -u admin -X PUT {config}/cors/headers -d '\"accept, authorization, content-type, origin, referer\"'"),
    ]
    .join("\n")
}

