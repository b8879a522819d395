//! The survey inbox: a second database on the sync server where people
//! answering a survey link post their sealed response code, anonymously
//! and only that (see scripts/survey-inbox.mjs). Each run files what is
//! there through the same checks as a code typed in by hand, so a forged,
//! altered, expired or replayed code is refused, then removes it.

use super::config::SyncConfig;
use super::http::CouchServer;
use crate::state::{AppState, ImportError};
use daftar_core::store::CacheStore;
use daftar_core::surveys::seal::CodeError;
use daftar_core::sync::transport::{DocResult, SyncError, Transport};
use std::collections::BTreeSet;
use serde_json::{json, Value};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InboxReport {
    pub filed: usize,
    pub refused: usize,
}

/// Response ids this device could not file, kept so each is counted (and
/// tried) once; they stay in the inbox for a device that can open them.
const REFUSED_CACHE: &str = "sync:inbox-refused";

pub async fn file_inbox(state: AppState, config: &SyncConfig) -> Result<InboxReport, SyncError> {
    let mut report = InboxReport::default();
    // No survey key here: no link was issued on this device or synced to
    // it, so nothing in the inbox can be opened yet; leave it for a device
    // that can.
    if config.inbox.is_empty() || !state.has_survey_key().await.map_err(SyncError::Store)? {
        return Ok(report);
    }
    let store = state.store().ok_or_else(|| SyncError::Store(crate::state::unavailable()))?;
    let mut refused: BTreeSet<String> = store.cache_get(REFUSED_CACHE).await?.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
    let inbox = CouchServer::new(SyncConfig { db: config.inbox.clone(), ..config.clone() });
    let mut done = Vec::new();
    let mut after = None;
    loop {
        let page = inbox.responses(after.as_deref()).await?;
        let Some(last) = page.last() else { break };
        after = text(last, "_id").map(str::to_string);
        for doc in &page {
            let (Some(id), Some(rev), Some(code)) = (text(doc, "_id"), text(doc, "_rev"), text(doc, "code")) else { continue };
            if refused.contains(id) {
                continue;
            }
            let delete = json!({"_id": id, "_rev": rev, "_deleted": true});
            match state.import_response_code(code).await {
                Ok(_) => {
                    report.filed += 1;
                    done.push(delete);
                }
                // Already filed, by this device or (synced) by another.
                Err(ImportError::Code(CodeError::AlreadyUsed { .. })) => done.push(delete),
                // Worth another try later: this device's storage failed, or
                // the survey it answers has not synced here yet.
                Err(ImportError::SurveyGone) => {}
                Err(ImportError::Store(e)) => leptos::logging::warn!("filing inbox answer {id} failed: {e}"),
                // Forged or altered, expired, sealed to a key this device
                // lacks, or from a newer version: never deleted, as a
                // device that can open it may come.
                Err(_) => {
                    report.refused += 1;
                    refused.insert(id.to_string());
                }
            }
        }
    }
    if report.refused > 0 {
        store.cache_put(REFUSED_CACHE, &serde_json::to_string(&refused).unwrap_or_default()).await?;
    }
    // Removing needs the team's role on the inbox; without it the filed
    // codes are met again next time and set aside as already filed.
    if !done.is_empty() {
        let results = inbox.bulk_docs(&done).await?;
        if let Some(DocResult::Refused { reason, .. }) = results.iter().find(|r| matches!(r, DocResult::Refused { .. })) {
            leptos::logging::warn!("filed survey responses stay in the inbox: {reason}");
        }
    }
    Ok(report)
}

fn text<'a>(doc: &'a Value, name: &str) -> Option<&'a str> {
    doc.get(name).and_then(Value::as_str)
}
