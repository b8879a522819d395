//! The CouchDB protocol over `fetch`: the engine's `Transport`, and the
//! checks behind "test connection", each failure told apart so the user
//! reads what to fix.

use super::config::{SignIn, SyncConfig};
use daftar_core::store::StoreError;
use daftar_core::sync::review::basic_auth;
use daftar_core::sync::transport::{read_bulk_results, read_changes, read_open_revs, ChangesPage, DocResult, SyncError, Transport};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

pub struct CouchServer {
    config: SyncConfig,
}

/// What "test connection" found wrong, each with its own words on screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// No answer at all (offline, wrong address, server down).
    Unreachable,
    /// The server answers but not to this site: CORS is not enabled for it.
    Cors,
    /// Something answers, but not a CouchDB-protocol server.
    NotCouch,
    WrongPassword,
    /// Signed in, yet the next request is not: the browser did not keep the
    /// server's sign-in cookie (the app and the server on different sites).
    CookieBlocked,
    NoDatabase,
    Forbidden,
    /// This device's storage failed while checking (not the server).
    Store(StoreError),
    Other(String),
}

impl From<SyncError> for Problem {
    fn from(e: SyncError) -> Self {
        match e {
            SyncError::Unreachable => Problem::Unreachable,
            SyncError::Unauthorized => Problem::WrongPassword,
            SyncError::Forbidden => Problem::Forbidden,
            SyncError::NoDatabase => Problem::NoDatabase,
            SyncError::Store(e) => Problem::Store(e),
            SyncError::Server(reason) => Problem::Other(reason),
        }
    }
}

impl CouchServer {
    pub fn new(config: SyncConfig) -> Self {
        Self { config }
    }

    fn db_url(&self, path: &str) -> String {
        format!("{}/{}{path}", self.config.url, encode(&self.config.db))
    }

    async fn request(&self, method: &str, url: &str, body: Option<String>, content_type: &str) -> Result<(u16, Value), SyncError> {
        let response = send(method, url, body, content_type, self.authorization().as_deref()).await.map_err(|_| SyncError::Unreachable)?;
        let status = response.status();
        let text = match response.text() {
            Ok(promise) => JsFuture::from(promise).await.ok().and_then(|t| t.as_string()).unwrap_or_default(),
            Err(_) => String::new(),
        };
        let value = serde_json::from_str(&text).unwrap_or(Value::Null);
        Ok((status, value))
    }

    /// A database request: statuses that mean the same whatever was asked
    /// become the engine's errors.
    async fn db_request(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value, SyncError> {
        let (status, value) = self.request(method, &self.db_url(path), body.map(Value::to_string), "application/json").await?;
        match status {
            200..=299 => Ok(value),
            _ => Err(status_error(status, &value)),
        }
    }

    /// A page of the survey responses waiting in an inbox database, by id,
    /// after the id `after` (None: from the first); empty after the last.
    pub async fn responses(&self, after: Option<&str>) -> Result<Vec<Value>, SyncError> {
        let start = match after {
            Some(id) => format!("startkey={}&skip=1", encode(&Value::from(id).to_string())),
            None => format!("startkey={}", encode("\"response:\"")),
        };
        let range = format!("{start}&endkey={}", encode("\"response:\u{fff0}\""));
        let answer = self.db_request("GET", &format!("/_all_docs?include_docs=true&limit=500&{range}"), None).await?;
        let rows = answer.get("rows").and_then(Value::as_array).cloned().unwrap_or_default();
        Ok(rows.into_iter().filter_map(|row| row.get("doc").cloned()).filter(Value::is_object).collect())
    }

    fn authorization(&self) -> Option<String> {
        (self.config.method == SignIn::Basic).then(|| basic_auth(&self.config.user, &self.config.password))
    }

    /// Starts a cookie session (`POST /_session`); the browser keeps the cookie.
    pub async fn sign_in(&self, password: &str) -> Result<(), Problem> {
        let body = format!("name={}&password={}", encode(&self.config.user), encode(password));
        let url = format!("{}/_session", self.config.url);
        let (status, _) = match self.request("POST", &url, Some(body), "application/x-www-form-urlencoded").await {
            Ok(answer) => answer,
            Err(_) => return Err(self.blocked_or_unreachable().await),
        };
        match status {
            200..=299 => Ok(()),
            401 => Err(Problem::WrongPassword),
            _ => Err(Problem::Other(format!("{status}"))),
        }
    }

    /// Ends the cookie session, if any; offline it simply lapses.
    pub async fn sign_out(&self) {
        let _ = self.request("DELETE", &format!("{}/_session", self.config.url), None, "application/json").await;
    }

    /// Is the server there, CouchDB, letting this site in, and the database
    /// readable with the sign-in given?
    pub async fn check(&self) -> Result<(), Problem> {
        let (status, root) = match self.request("GET", &format!("{}/", self.config.url), None, "application/json").await {
            Ok(answer) => answer,
            Err(_) => return Err(self.blocked_or_unreachable().await),
        };
        let is_couch = root.get("couchdb").is_some() || root.get("express-pouchdb").is_some();
        if !(200..300).contains(&status) || !is_couch {
            return Err(Problem::NotCouch);
        }
        match self.db_request("GET", "", None).await {
            Ok(_) => Ok(()),
            // The root answered (CORS allowed there, or an old answer from
            // the cache) but the database did not.
            Err(SyncError::Unreachable) => Err(self.blocked_or_unreachable().await),
            // Signing in just worked (the settings sign in before checking).
            Err(SyncError::Unauthorized) if self.config.method == SignIn::Cookie => Err(Problem::CookieBlocked),
            Err(e) => Err(e.into()),
        }
    }

    /// A fetch that fails says nothing of why. If a request the browser
    /// sends without asking the server's leave (`no-cors`) gets through,
    /// the server is there and only CORS stands in the way.
    async fn blocked_or_unreachable(&self) -> Problem {
        let init = web_sys::RequestInit::new();
        init.set_mode(web_sys::RequestMode::NoCors);
        init.set_cache(web_sys::RequestCache::NoStore);
        let Some(window) = web_sys::window() else { return Problem::Unreachable };
        match JsFuture::from(window.fetch_with_str_and_init(&format!("{}/", self.config.url), &init)).await {
            Ok(_) => Problem::Cors,
            Err(_) => Problem::Unreachable,
        }
    }
}

impl Transport for CouchServer {
    async fn bulk_docs(&self, docs: &[Value]) -> Result<Vec<DocResult>, SyncError> {
        let answer = self.db_request("POST", "/_bulk_docs", Some(&json!({ "docs": docs }))).await?;
        read_bulk_results(&answer)
    }

    async fn changes(&self, since: &str, limit: usize) -> Result<ChangesPage, SyncError> {
        let path = format!("/_changes?include_docs=true&conflicts=true&limit={limit}&since={}", encode(since));
        read_changes(&self.db_request("GET", &path, None).await?)
    }

    async fn database_mark(&self) -> Result<Option<String>, SyncError> {
        let (status, answer) = self.request("GET", &self.db_url("/_local/daftar"), None, "application/json").await?;
        match status {
            200..=299 => Ok(answer.get("mark").and_then(Value::as_str).map(str::to_string)),
            _ if document_missing(status, &answer) => Ok(None),
            _ => Err(status_error(status, &answer)),
        }
    }

    async fn mark_database(&self, mark: &str) -> Result<bool, SyncError> {
        let body = json!({ "mark": mark }).to_string();
        let (status, answer) = self.request("PUT", &self.db_url("/_local/daftar"), Some(body), "application/json").await?;
        match status {
            200..=299 => Ok(true),
            409 => Ok(false),
            _ => Err(status_error(status, &answer)),
        }
    }

    async fn leaves(&self, id: &str) -> Result<Vec<Value>, SyncError> {
        match self.db_request("GET", &format!("/{}?open_revs=all&revs=true", encode(id)), None).await {
            Ok(answer) => read_open_revs(&answer),
            // The document is not on the server (the database itself was checked by the same run).
            Err(SyncError::NoDatabase) => Ok(Vec::new()),
            Err(e) => Err(e),
        }
    }

    async fn revision(&self, id: &str, rev: &str) -> Result<Option<Value>, SyncError> {
        let (status, answer) = self.request("GET", &self.db_url(&format!("/{}?rev={}", encode(id), encode(rev))), None, "application/json").await?;
        match status {
            200..=299 => Ok(Some(answer)),
            _ if document_missing(status, &answer) => Ok(None),
            _ => Err(status_error(status, &answer)),
        }
    }
}

/// Posts a sealed survey response code to an inbox database, as the
/// anonymous respondent of a survey link; true once the server kept it.
pub async fn post_response(inbox_url: &str, id: &str, code: &str) -> bool {
    let body = json!({ "_id": format!("response:{id}"), "code": code }).to_string();
    matches!(send("POST", inbox_url, Some(body), "application/json", None).await, Ok(r) if (200..300).contains(&r.status()))
}

/// What a failed status means whatever was asked.
fn status_error(status: u16, answer: &Value) -> SyncError {
    match status {
        401 => SyncError::Unauthorized,
        403 => SyncError::Forbidden,
        404 => SyncError::NoDatabase,
        _ => SyncError::Server(format!("{status} {}", answer.get("reason").and_then(Value::as_str).unwrap_or_default())),
    }
}

/// A 404 about a document, not about the database ("missing" or "deleted",
/// where a missing database says "Database does not exist.").
fn document_missing(status: u16, answer: &Value) -> bool {
    status == 404 && matches!(answer.get("reason").and_then(Value::as_str), Some("missing" | "deleted"))
}

async fn send(method: &str, url: &str, body: Option<String>, content_type: &str, authorization: Option<&str>) -> Result<web_sys::Response, JsValue> {
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    init.set_mode(web_sys::RequestMode::Cors);
    // Never an answer from the HTTP cache: a changes page or a document
    // read again must be the server's current one.
    init.set_cache(web_sys::RequestCache::NoStore);
    // The `_session` cookie goes with every request when signing in that way.
    init.set_credentials(web_sys::RequestCredentials::Include);
    let headers = web_sys::Headers::new()?;
    headers.set("Accept", "application/json")?;
    if let Some(body) = body {
        headers.set("Content-Type", content_type)?;
        init.set_body(&JsValue::from_str(&body));
    }
    if let Some(value) = authorization {
        headers.set("Authorization", value)?;
    }
    init.set_headers(&headers);
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    JsFuture::from(window.fetch_with_str_and_init(url, &init)).await?.dyn_into()
}

fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}
