//! Turning answers into records: a response, and, when a score is at or
//! under the survey's thresholds, a complaint and a follow-up task for the
//! customer's owner — in one batch, so a filed low score never lacks its
//! follow-up. Also the business side of a response code: which link it
//! answers, and whether it may still be filed.

use super::model::{IssuedLink, LinkAnswers, Response};
use super::seal::{self, CodeError, LinkToken};
use super::{LINK, RESPONSE};
use crate::complaints::{Complaint, Severity, COMPLAINT};
use crate::env::Env;
use crate::store::{self, to_fields, Batch, Record, Write};
use crate::tasks::{Priority, Task, KIND as TASK};
use chrono::NaiveDateTime;

/// The follow-up a low score calls for, worded by the caller in the user's language.
#[derive(Clone, Debug, PartialEq)]
pub struct FollowUp {
    pub complaint_title: String,
    pub severity: Severity,
    pub task_title: String,
    /// The customer's owner ("" leaves the task to anyone).
    pub owner: String,
    pub due: NaiveDateTime,
}

/// The batch filing `response`; `link` is the issued link it came through
/// (marked used) — its stored record, or a new one when this device did not
/// issue it. Returns the batch and the response's id.
///
/// A response to a link is filed under ids made from the link's, so two
/// devices filing the same code (both pulled it from the survey inbox before
/// either synced) create the same records, which sync then holds once.
pub fn file_response(response: &Response, follow_up: Option<&FollowUp>, link: Option<(&IssuedLink, Option<&Record>)>, env: &dyn Env) -> (Batch, String) {
    let id_for = |kind: &str| match response.survey_link_id.as_str() {
        "" => env.new_id(),
        link_id => derived_id(link_id, kind),
    };
    let response_id = id_for(RESPONSE);
    let mut batch = Batch::one(Write::create_with_id(RESPONSE, &response_id, to_fields(response), env));
    if let Some(f) = follow_up {
        let complaint = Complaint::from_survey(&response.customer_id, &response_id, &f.complaint_title, f.severity, env.now_ms());
        batch.writes.push(Write::create_with_id(COMPLAINT, &id_for(COMPLAINT), to_fields(&complaint), env));
        let task = Task { title: f.task_title.clone(), due: Some(f.due), priority: Priority::High, owner: f.owner.clone(), customer_id: response.customer_id.clone(), ..Default::default() };
        batch.writes.push(Write::create_with_id(TASK, &id_for(TASK), to_fields(&task), env));
    }
    if let Some((issued, stored)) = link {
        let used = IssuedLink { used_ms: Some(response.answered_ms), survey_response_id: response_id.clone(), ..issued.clone() };
        match stored {
            Some(prev) => batch.writes.extend(store::update(prev, &used, env).map(|b| b.writes).unwrap_or_default()),
            None => batch.writes.push(Write::create_with_id(LINK, &response.survey_link_id, to_fields(&used), env)),
        }
    }
    (batch, response_id)
}

/// A UUID-shaped id made from another id and a purpose: the same inputs
/// always make the same id, different ones practically never collide.
fn derived_id(from: &str, purpose: &str) -> String {
    use sha2::{Digest, Sha256};
    let hash = Sha256::new().chain_update(purpose).chain_update([0]).chain_update(from).finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&hash[..16]);
    uuid::Builder::from_random_bytes(bytes).into_uuid().hyphenated().to_string()
}

/// The record id of the link a token stands for: its 16 bytes as a UUID, so
/// a response's `survey_link_id` follows the link naming rule.
pub fn link_id(token: &LinkToken) -> String {
    uuid::Uuid::from_bytes(token.token_id).hyphenated().to_string()
}

/// Fresh token bytes shaped as a version-4 UUID.
pub fn new_token_id(env: &dyn Env) -> [u8; 16] {
    *uuid::Builder::from_random_bytes(env.random_bytes()).into_uuid().as_bytes()
}

/// A code opened and checked: what to file, and the link it answers.
#[derive(Clone, Debug, PartialEq)]
pub struct AcceptedCode {
    pub token: LinkToken,
    pub answers: LinkAnswers,
}

/// How long after a link's expiry a code answered in time is still filed:
/// the rep may import it days after the customer sent it.
pub const IMPORT_GRACE_MS: i64 = 14 * 86_400_000;

/// Opens a response code with whichever of our keys sealed its link (see
/// [`seal::open_response`]), allowing [`IMPORT_GRACE_MS`] past the link's
/// expiry. Devices that issued links before they first synced each made a
/// key, and sync keeps them all: a code may be sealed to any of them.
pub fn open_code(keys: &[seal::BusinessKey], code: &str, now_ms: i64) -> Result<seal::OpenedResponse, CodeError> {
    for key in keys {
        match seal::open_response(key, code, now_ms - IMPORT_GRACE_MS) {
            Err(CodeError::NotIssuedHere) => continue,
            // Opened, or refused for what it is whatever the key.
            answer => return answer,
        }
    }
    Err(CodeError::NotIssuedHere)
}

/// Refuses a replay of an opened code, or answers given after the link
/// expired, and reads its answers. `stored` is the issued link under
/// [`link_id`] of its token, None when this device never saw it: a link
/// issued on a teammate's device is still ours, as the token proves.
pub fn accept_code(opened: seal::OpenedResponse, stored: Option<&IssuedLink>, now_ms: i64) -> Result<AcceptedCode, CodeError> {
    if let Some(filed_ms) = stored.and_then(|l| l.used_ms) {
        return Err(CodeError::AlreadyUsed { filed_ms });
    }
    // The answers were sealed by whoever held the link, so they are authentic
    // but not trusted: they are checked against the survey before filing,
    // and the time the phone's clock gave is kept within what can be true.
    let mut answers: LinkAnswers = serde_json::from_slice(&opened.answers).map_err(|_| CodeError::Malformed)?;
    let token = opened.token;
    if answers.answered_ms > token.expires_ms {
        return Err(CodeError::Expired { expires_ms: token.expires_ms });
    }
    answers.answered_ms = answers.answered_ms.clamp(token.issued_ms, now_ms.max(token.issued_ms));
    Ok(AcceptedCode { token, answers })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env::SeededEnv;
    use crate::store::{MemoryStore, RecordStore};
    use crate::surveys::model::{Answer, Channel, LinkPayload};
    use crate::surveys::{template, Template};

    use crate::surveys::seal::BusinessKey;

    fn key() -> BusinessKey {
        BusinessKey::from_bytes([7; 32])
    }

    fn code_for(env: &SeededEnv, expires_ms: i64, nps: u8) -> (LinkToken, String) {
        let token = LinkToken { token_id: new_token_id(env), survey_id: "s".into(), customer_id: "c".into(), issued_ms: 0, expires_ms };
        let payload = LinkPayload { survey: template(Template::RelationshipNps), expires_ms, ..Default::default() };
        let link = seal::issue_link(&key(), &token, &payload.to_bytes()).unwrap();
        let opened = seal::open_link(&link).unwrap();
        let answers = LinkAnswers { answers: [("q1".to_string(), Answer::Number(nps))].into(), answered_ms: 5, ..Default::default() };
        (token, seal::seal_response(&opened, &serde_json::to_vec(&answers).unwrap(), [9; 32]).unwrap())
    }

    #[test]
    fn a_code_is_accepted_once_then_refused_as_a_replay() {
        let env = SeededEnv::new(1, 0);
        let (token, code) = code_for(&env, 1_000, 10);
        let open = |now| open_code(&[key()], &code, now);
        let accepted = accept_code(open(10).unwrap(), None, 10).unwrap();
        assert_eq!((accepted.token, accepted.answers.answers["q1"].clone()), (token, Answer::Number(10)));
        let unused = IssuedLink::default();
        assert!(accept_code(open(10).unwrap(), Some(&unused), 10).is_ok());
        let used = IssuedLink { used_ms: Some(42), ..Default::default() };
        assert_eq!(accept_code(open(10).unwrap(), Some(&used), 10), Err(CodeError::AlreadyUsed { filed_ms: 42 }));
        // Answered in time (at 5), imported after the expiry: still filed, within the grace.
        assert!(accept_code(open(1_000 + IMPORT_GRACE_MS).unwrap(), None, 1_000 + IMPORT_GRACE_MS).is_ok());
        assert_eq!(open(1_001 + IMPORT_GRACE_MS), Err(CodeError::Expired { expires_ms: 1_000 }));
    }

    #[test]
    fn answers_after_the_expiry_are_refused_and_the_phones_clock_is_kept_in_bounds() {
        let env = SeededEnv::new(4, 0);
        let seal_at = |answered_ms: i64| {
            let token = LinkToken { token_id: new_token_id(&env), survey_id: "s".into(), customer_id: String::new(), issued_ms: 100, expires_ms: 1_000 };
            let link = seal::open_link(&seal::issue_link(&key(), &token, b"{}").unwrap()).unwrap();
            let answers = LinkAnswers { answered_ms, ..Default::default() };
            seal::seal_response(&link, &serde_json::to_vec(&answers).unwrap(), [3; 32]).unwrap()
        };
        let accept = |code: &str, now| accept_code(open_code(&[key()], code, now).unwrap(), None, now);
        assert_eq!(accept(&seal_at(1_001), 500), Err(CodeError::Expired { expires_ms: 1_000 }));
        assert_eq!(accept(&seal_at(5), 500).unwrap().answers.answered_ms, 100, "not before the link was issued");
        assert_eq!(accept(&seal_at(900), 500).unwrap().answers.answered_ms, 500, "not after it was imported");
    }

    #[test]
    fn link_ids_are_record_ids() {
        let env = SeededEnv::new(2, 0);
        let token = LinkToken { token_id: new_token_id(&env), survey_id: String::new(), customer_id: String::new(), issued_ms: 0, expires_ms: 0 };
        let id = link_id(&token);
        let fields = to_fields(&Response { survey_link_id: id.clone(), ..Default::default() });
        assert_eq!(store::links_of(&fields), [format!("{LINK}:{id}")]);
    }

    #[test]
    fn a_low_score_files_response_complaint_and_task_together_and_marks_the_link_used() {
        let env = SeededEnv::new(3, 1_000);
        let store = MemoryStore::default();
        let customer = "0a0a0a0a-0000-4000-8000-000000000001";
        let issued = IssuedLink { survey_id: "s".into(), customer_id: customer.into(), ..Default::default() };
        let link_id = "0b0b0b0b-0000-4000-8000-000000000002";
        let response = Response { survey_id: "s".into(), customer_id: customer.into(), survey_link_id: link_id.into(), channel: Channel::Link, answered_ms: 900, ..Default::default() };
        let due = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap().and_hms_opt(10, 0, 0).unwrap();
        let follow = FollowUp { complaint_title: "NPS 3".into(), severity: Severity::High, task_title: "Call back".into(), owner: "Sara".into(), due };
        let (batch, response_id) = file_response(&response, Some(&follow), Some((&issued, None)), &env);
        pollster::block_on(store.apply(&batch)).unwrap();
        let complaint: Complaint = pollster::block_on(store.all(COMPLAINT)).unwrap()[0].decode().unwrap();
        assert_eq!((complaint.survey_response_id.as_str(), complaint.customer_id.as_str(), complaint.severity), (response_id.as_str(), customer, Severity::High));
        let task: Task = pollster::block_on(store.all(TASK)).unwrap()[0].decode().unwrap();
        assert_eq!((task.owner.as_str(), task.customer_id.as_str(), task.due), ("Sara", customer, Some(due)));
        let link = pollster::block_on(store.get(LINK, link_id)).unwrap().unwrap();
        let link: IssuedLink = link.decode().unwrap();
        assert_eq!((link.used_ms, link.survey_response_id), (Some(900), response_id.clone()));
        // The customer finds all three through its links.
        let linked = pollster::block_on(store.linked(&store::key_of("customer", customer))).unwrap();
        assert_eq!(linked.len(), 4, "response, complaint, task and link");

        let quiet = Response { survey_link_id: String::new(), ..response };
        let (batch, _) = file_response(&quiet, None, None, &env);
        assert_eq!(batch.writes.len(), 1);
    }

    #[test]
    fn two_devices_filing_the_same_link_response_make_the_same_records() {
        let response = Response { survey_id: "s".into(), customer_id: "c".into(), survey_link_id: "0b0b0b0b-0000-4000-8000-000000000002".into(), channel: Channel::Link, ..Default::default() };
        let due = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap().and_hms_opt(10, 0, 0).unwrap();
        let follow = FollowUp { complaint_title: "NPS 3".into(), severity: Severity::High, task_title: "Call back".into(), owner: "Sara".into(), due };
        let keys = |seed| {
            let (batch, _) = file_response(&response, Some(&follow), None, &SeededEnv::new(seed, 1_000));
            batch.writes.iter().map(|w| w.record.key()).collect::<Vec<_>>()
        };
        let on_a = keys(1);
        assert_eq!(on_a, keys(2));
        assert_eq!(on_a.len(), 3);
        assert!(on_a.iter().all(|k| uuid::Uuid::parse_str(k.split_once(':').unwrap().1).is_ok()), "{on_a:?}");
        // A response not from a link (kiosk) gets a fresh id each time.
        let kiosk = Response { survey_link_id: String::new(), ..response.clone() };
        let id = |seed| file_response(&kiosk, None, None, &SeededEnv::new(seed, 1_000)).1;
        assert_ne!(id(1), id(2));
    }

    #[test]
    fn a_code_opens_with_whichever_key_sealed_its_link() {
        let env = SeededEnv::new(6, 0);
        let (token, code) = code_for(&env, 1_000, 9);
        let other = BusinessKey::from_bytes([1; 32]);
        assert_eq!(open_code(&[other.clone(), key()], &code, 10).map(|o| o.token), Ok(token));
        assert_eq!(open_code(&[other], &code, 10).map(|o| o.token), Err(CodeError::NotIssuedHere));
        assert_eq!(open_code(&[], &code, 10).map(|o| o.token), Err(CodeError::NotIssuedHere));
        assert_eq!(open_code(&[key()], "DF1.!!", 10).map(|o| o.token), Err(CodeError::Malformed));
    }
}
