//! Satisfaction surveys (نظرسنجی رضایت): what a survey asks, which questions
//! show given earlier answers, the ready templates, the scores (NPS, CSAT,
//! CES, SERVQUAL gap) and the sealed links that carry a survey to a customer's
//! phone and its answers back as a response code.

mod filing;
mod key_record;
pub mod kiosk;
mod logic;
mod model;
mod results;
pub mod suggest;
pub mod seal;
mod templates;

pub use key_record::KeyRecord;
pub use filing::{accept_code, file_response, link_id, new_token_id, open_code, AcceptedCode, FollowUp, IMPORT_GRACE_MS};
pub use logic::{alert_for, answers_as_sent, check_answers, is_shown, survey_problems, visible, Alert, AnswerError, AnswerProblem, SurveyProblem};
pub use model::{Alerts, Answer, Answers, Channel, Choice, Dimension, IssuedLink, Kind, LinkAnswers, LinkPayload, Purpose, Question, Response, Rule, ShowIf, Survey, Text};
pub use results::{breakdown, by_month, nps_group, Distribution, Group, NpsGroup, QuestionResult, Scores, ServqualGap, Summary};
pub use templates::{template, Template};

pub const SURVEY: &str = "survey";
pub const RESPONSE: &str = "survey_response";
/// A link issued to a customer (or an open link); its id is the token's id.
pub const LINK: &str = "survey_link";
/// Records holding the business's survey keys (see [`seal::BusinessKey`]): usually one.
pub const KEY: &str = "survey_key";
