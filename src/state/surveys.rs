//! Surveys on this device: saving them, filing answers (with the closed
//! loop's complaint and task), issuing sealed links and importing the
//! response codes that come back.

use super::customers::unavailable;
use super::AppState;
use crate::browser_env::{self, BrowserEnv};
use daftar_core::complaints::Severity;
use daftar_core::env::Env;
use daftar_core::save;
use daftar_core::store::{self, to_fields, Batch, Record, RecordKind, RecordStore, StoreError, Write};
use daftar_core::surveys::seal::{self, BusinessKey, CodeError, LinkError, LinkToken};
use daftar_core::surveys::{
    self, alert_for, survey_problems, Alert, FollowUp, IssuedLink, KeyRecord, LinkPayload, Response, Survey,
    SurveyProblem,
};
use leptos::prelude::*;

const DAY_MS: i64 = 86_400_000;

#[derive(Clone, Debug, PartialEq)]
pub enum SurveySaveError {
    Invalid(Vec<SurveyProblem>),
    Store(StoreError),
}

/// Why a survey link was not issued.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkIssueError {
    /// The survey sealed would be over the size a link may carry.
    TooLarge,
    Store(StoreError),
}

impl From<StoreError> for LinkIssueError {
    fn from(e: StoreError) -> Self {
        LinkIssueError::Store(e)
    }
}

/// Why a response code was not filed.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    Code(CodeError),
    /// The survey it answers was deleted here.
    SurveyGone,
    /// The answers do not fit the survey as it stands.
    AnswersInvalid,
    Store(StoreError),
}

/// A filed response: its id, and whether it opened a complaint.
#[derive(Clone, Debug, PartialEq)]
pub struct Filed {
    pub response_id: String,
    pub survey_id: String,
    pub customer_id: String,
    pub alert: Option<Alert>,
}

impl AppState {
    pub async fn save_survey(
        &self,
        existing: Option<&Record>,
        survey: &Survey,
    ) -> Result<String, SurveySaveError> {
        let problems = survey_problems(survey);
        if !problems.is_empty() {
            return Err(SurveySaveError::Invalid(problems));
        }
        let saved = save::save(existing, survey, &BrowserEnv).map_err(SurveySaveError::Store)?;
        self.commit(saved).await.map_err(SurveySaveError::Store)
    }

    /// Files answers given on this device (the kiosk).
    pub async fn file_kiosk_response(
        &self,
        response: Response,
        survey: &Survey,
    ) -> Result<Filed, StoreError> {
        self.file(response, survey, None).await
    }

    async fn file(
        &self,
        response: Response,
        survey: &Survey,
        link: Option<(&IssuedLink, Option<&Record>)>,
    ) -> Result<Filed, StoreError> {
        let alert = alert_for(survey, &response.answers);
        let follow_up = match alert {
            Some(alert) => Some(self.follow_up(alert, survey, &response.customer_id).await),
            None => None,
        };
        let (batch, response_id) =
            surveys::file_response(&response, follow_up.as_ref(), link, &BrowserEnv);
        self.apply(batch).await?;
        Ok(Filed {
            response_id,
            survey_id: response.survey_id,
            customer_id: response.customer_id,
            alert,
        })
    }

    /// The complaint and task a low score opens, worded in the user's
    /// language, the task due at ten tomorrow for the customer's owner.
    async fn follow_up(&self, alert: Alert, survey: &Survey, customer_id: &str) -> FollowUp {
        let t = self.t_untracked();
        let lang = self.lang.get_untracked();
        let name = survey.name.get(lang).to_string();
        let customer = self.customers.with_untracked(|c| {
            c.row(customer_id)
                .map(|r| (r.name.clone(), r.owner.clone()))
        });
        let (who, owner) = customer.unwrap_or_else(|| (t.surveys.anonymous.to_string(), String::new()));
        let (score, severity) = match alert {
            Alert::Detractor { score } => (
                format!("NPS {score}"),
                if score <= 3 {
                    Severity::High
                } else {
                    Severity::Medium
                },
            ),
            Alert::LowCsat { score } => (
                format!("CSAT {score}"),
                if score <= 1 {
                    Severity::High
                } else {
                    Severity::Medium
                },
            ),
        };
        let score = daftar_core::locale::localize_digits(&score, lang);
        let due = (browser_env::today() + chrono::Days::new(1))
            .and_hms_opt(10, 0, 0)
            .unwrap_or_default();
        FollowUp {
            complaint_title: format!("{} «{name}»: {score}", t.surveys.low_score_in),
            severity,
            task_title: format!("{} {who} ({score})", t.surveys.call_back_unhappy),
            owner,
            due,
        }
    }

    /// The key links are sealed with: the first of the business's keys,
    /// made now if there is none.
    async fn survey_key(&self) -> Result<BusinessKey, StoreError> {
        if let Some(key) = self.survey_keys().await?.into_iter().next() {
            return Ok(key);
        }
        let mut bytes = [0u8; 32];
        bytes[..16].copy_from_slice(&BrowserEnv.random_bytes());
        bytes[16..].copy_from_slice(&BrowserEnv.random_bytes());
        // An id of its own, not a fixed one: two devices that each make a key
        // before they first sync then keep both, and codes sealed to either open.
        self.apply(store::create(KeyRecord::KIND, &KeyRecord::new(&bytes), &BrowserEnv)).await?;
        Ok(BusinessKey::from_bytes(bytes))
    }

    /// Whether this device holds a key survey codes are sealed to.
    pub async fn has_survey_key(&self) -> Result<bool, StoreError> {
        Ok(!self.survey_keys().await?.is_empty())
    }

    /// Every survey key made here or synced, in id order (the same on every device).
    async fn survey_keys(&self) -> Result<Vec<BusinessKey>, StoreError> {
        let mut records = self.all_live(surveys::KEY).await?;
        records.sort_by(|a, b| a.id.cmp(&b.id));
        records
            .iter()
            .map(|r| r.read::<KeyRecord>()?.key().ok_or_else(|| StoreError::Corrupt(format!("{}: not a survey key", r.key()))))
            .collect()
    }

    /// Issues a link for `customer_id` ("" for an open link), about
    /// `deal_id` if any, valid for `days`; returns the full URL.
    pub async fn issue_survey_link(
        &self,
        survey_id: &str,
        survey: &Survey,
        customer_id: &str,
        deal_id: &str,
        days: i64,
        reply_to: &str,
    ) -> Result<String, LinkIssueError> {
        let key = self.survey_key().await?;
        let now = BrowserEnv.now_ms();
        let expires_ms = now + days * DAY_MS;
        let token = LinkToken {
            token_id: surveys::new_token_id(&BrowserEnv),
            survey_id: survey_id.into(),
            customer_id: customer_id.into(),
            issued_ms: now,
            expires_ms,
        };
        let payload = LinkPayload {
            survey: survey.for_respondents(),
            reply_to: reply_to.into(),
            expires_ms,
            inbox: self.sync.config.get_untracked().map(|c| c.inbox_url()).unwrap_or_default(),
        };
        let fragment = seal::issue_link(&key, &token, &payload.to_bytes()).map_err(|e| match e {
            LinkError::TooLarge => LinkIssueError::TooLarge,
            // Issuing seals what this version just built: only a bug gets here.
            other => LinkIssueError::Store(StoreError::Backend(format!("sealing a link: {other:?}"))),
        })?;
        let issued = IssuedLink {
            survey_id: survey_id.into(),
            survey_name: survey.name.clone(),
            customer_id: customer_id.into(),
            deal_id: deal_id.into(),
            issued_ms: now,
            expires_ms,
            ..Default::default()
        };
        let link_id = surveys::link_id(&token);
        self.apply(Batch::one(Write::create_with_id(
            surveys::LINK,
            &link_id,
            to_fields(&issued),
            &BrowserEnv,
        )))
        .await?;
        Ok(format!("{}/s/#{fragment}", browser_env::origin()))
    }

    /// Checks and files a response code; nothing is written when it is refused.
    pub async fn import_response_code(&self, code: &str) -> Result<Filed, ImportError> {
        let store = self
            .store()
            .ok_or_else(unavailable)
            .map_err(ImportError::Store)?;
        // No key of ours yet means no link was ever issued here or synced.
        let keys = self.survey_keys().await.map_err(ImportError::Store)?;
        let now = BrowserEnv.now_ms();
        let opened = surveys::open_code(&keys, code, now).map_err(ImportError::Code)?;
        let link_id = surveys::link_id(&opened.token);
        let stored = store
            .get(surveys::LINK, &link_id)
            .await
            .map_err(ImportError::Store)?;
        // A link record that cannot be read must not pass for none: the
        // check that a code is filed once reads it.
        let issued: Option<IssuedLink> = stored.as_ref().map(Record::decode).transpose().map_err(ImportError::Store)?;
        let accepted =
            surveys::accept_code(opened, issued.as_ref(), now).map_err(ImportError::Code)?;
        let survey_record = store
            .get(surveys::SURVEY, &accepted.token.survey_id)
            .await
            .map_err(ImportError::Store)?
            .filter(|r| !r.deleted)
            .ok_or(ImportError::SurveyGone)?;
        let survey: Survey = survey_record.decode().map_err(ImportError::Store)?;
        let answers = surveys::answers_as_sent(&survey, &accepted.answers.answers)
            .map_err(|_| ImportError::AnswersInvalid)?;
        let token = &accepted.token;
        let issued = issued.unwrap_or_else(|| IssuedLink {
            survey_id: token.survey_id.clone(),
            customer_id: token.customer_id.clone(),
            issued_ms: token.issued_ms,
            expires_ms: token.expires_ms,
            ..Default::default()
        });
        // The stored link, not the token: a merge since may have moved it
        // to the customer that was kept.
        let response = Response {
            survey_id: token.survey_id.clone(),
            survey_name: survey.name.clone(),
            customer_id: issued.customer_id.clone(),
            deal_id: issued.deal_id.clone(),
            product_id: issued.product_id.clone(),
            survey_link_id: link_id,
            channel: surveys::Channel::Link,
            lang: accepted.answers.lang,
            answered_ms: accepted.answers.answered_ms,
            answers,
        };
        self.file(response, &survey, Some((&issued, stored.as_ref())))
            .await
            .map_err(ImportError::Store)
    }
}
