use crate::locale::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use crate::global_search::{Entry, Order, Searchable};
use crate::store::{Envelope, RecordKind};

/// A text in both languages; the respondent picks the language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Text {
    pub fa: String,
    pub en: String,
}

impl Text {
    pub fn new(fa: &str, en: &str) -> Self {
        Self { fa: fa.into(), en: en.into() }
    }

    /// The text in `lang`, or in the other language when it was left empty
    /// (a survey written only in Persian still shows to an English reader).
    pub fn get(&self, lang: Lang) -> &str {
        let (mine, other) = match lang {
            Lang::Fa => (&self.fa, &self.en),
            Lang::En => (&self.en, &self.fa),
        };
        if mine.trim().is_empty() { other } else { mine }
    }

    pub fn is_blank(&self) -> bool {
        self.fa.trim().is_empty() && self.en.trim().is_empty()
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Net Promoter: 0–10, "how likely are you to recommend us".
    Nps,
    /// Customer satisfaction: 1–5.
    Csat,
    /// Customer effort: 1–7, 7 = very easy.
    Ces,
    /// 1–5 stars.
    Stars,
    Single,
    Multiple,
    YesNo,
    #[default]
    ShortText,
    LongText,
    /// SERVQUAL: expectation and perception of one item, both on 1–7.
    Servqual,
}

impl Kind {
    pub const ALL: [Kind; 10] = [Kind::Nps, Kind::Csat, Kind::Ces, Kind::Stars, Kind::Single, Kind::Multiple, Kind::YesNo, Kind::ShortText, Kind::LongText, Kind::Servqual];

    /// The inclusive range of a scale question.
    pub fn scale(self) -> Option<(u8, u8)> {
        match self {
            Kind::Nps => Some((0, 10)),
            Kind::Csat | Kind::Stars => Some((1, 5)),
            Kind::Ces | Kind::Servqual => Some((1, 7)),
            _ => None,
        }
    }

    pub fn has_choices(self) -> bool {
        matches!(self, Kind::Single | Kind::Multiple)
    }
}

/// The five SERVQUAL dimensions of service quality.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Tangibles,
    Reliability,
    Responsiveness,
    Assurance,
    Empathy,
}

impl Dimension {
    pub const ALL: [Dimension; 5] = [Dimension::Tangibles, Dimension::Reliability, Dimension::Responsiveness, Dimension::Assurance, Dimension::Empathy];
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Choice {
    /// Stable: answers name the choice by id, so relabelling keeps them.
    pub id: String,
    pub label: Text,
    /// Removed after answers named it: hidden from new respondents, kept
    /// so old answers still read.
    pub retired: bool,
}

/// When a question shows, judged on one earlier answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// A scale answer at most this.
    AtMost(u8),
    AtLeast(u8),
    /// A choice answer includes this choice id, or a yes/no answer is "yes"/"no".
    Is(String),
    Answered,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShowIf {
    pub question: String,
    pub rule: Rule,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Question {
    /// Stable within the survey; answers are keyed by it.
    pub id: String,
    pub kind: Kind,
    pub text: Text,
    pub required: bool,
    pub choices: Vec<Choice>,
    /// For SERVQUAL items.
    pub dimension: Option<Dimension>,
    pub show_if: Option<ShowIf>,
    /// Removed after the survey was answered or sent: see [`Choice::retired`].
    pub retired: bool,
}

/// What the survey is for: the inbox suggests sending it after the matching event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    #[default]
    General,
    Relationship,
    /// After a deal is won.
    AfterSale,
    /// After a warranty claim is closed.
    AfterService,
}

impl Purpose {
    pub const ALL: [Purpose; 4] = [Purpose::General, Purpose::Relationship, Purpose::AfterSale, Purpose::AfterService];
}

/// Which scores open a complaint (the closed loop). None switches that one off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Alerts {
    pub nps_at_most: Option<u8>,
    pub csat_at_most: Option<u8>,
}

impl Default for Alerts {
    fn default() -> Self {
        Self { nps_at_most: Some(6), csat_at_most: Some(2) }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Survey {
    pub name: Text,
    pub intro: Text,
    pub thanks: Text,
    pub purpose: Purpose,
    pub questions: Vec<Question>,
    pub alerts: Alerts,
    /// Kept with its answers but no longer offered.
    pub archived: bool,
}

impl Survey {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// What a respondent needs of it: no retired questions or choices, no
    /// thresholds or purpose (the business's own settings stay home, and
    /// the link stays short).
    pub fn for_respondents(&self) -> Survey {
        let questions = self
            .questions
            .iter()
            .filter(|q| !q.retired)
            .map(|q| Question { choices: q.choices.iter().filter(|c| !c.retired).cloned().collect(), ..q.clone() })
            .collect();
        Survey { name: self.name.clone(), intro: self.intro.clone(), thanks: self.thanks.clone(), questions, ..Default::default() }
    }

    /// A fresh question id, unused by any question, retired ones included.
    pub fn next_question_id(&self) -> String {
        let n = self.questions.iter().filter_map(|q| q.id.strip_prefix('q')?.parse::<u32>().ok()).max().unwrap_or(0);
        format!("q{}", n + 1)
    }

    /// Removes a question, or retires it when answers may name it
    /// (`in_use`: the survey has responses or links out), so old answers
    /// keep their question. Questions shown only after it lose that rule.
    pub fn remove_question(&mut self, id: &str, in_use: bool) {
        if in_use {
            if let Some(q) = self.questions.iter_mut().find(|q| q.id == id) {
                q.retired = true;
            }
        } else {
            self.questions.retain(|q| q.id != id);
        }
        for q in &mut self.questions {
            if q.show_if.as_ref().is_some_and(|s| s.question == id) {
                q.show_if = None;
            }
        }
    }
}

/// One answer, in a compact form (response codes carry these).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// A scale answer.
    #[serde(rename = "n")]
    Number(u8),
    /// SERVQUAL (expectation, perception).
    #[serde(rename = "p")]
    Pair(u8, u8),
    /// Choice ids: one for a single choice.
    #[serde(rename = "c")]
    Choices(Vec<String>),
    #[serde(rename = "b")]
    YesNo(bool),
    #[serde(rename = "t")]
    Text(String),
}

pub type Answers = BTreeMap<String, Answer>;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// On the rep's tablet.
    #[default]
    Kiosk,
    /// From a survey link, returned as a response code or through the inbox.
    Link,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Response {
    pub survey_id: String,
    /// The survey's name when answered: the timeline reads it without the survey.
    pub survey_name: Text,
    /// "" when anonymous.
    pub customer_id: String,
    pub deal_id: String,
    pub product_id: String,
    /// The link it came back through ("" from the kiosk).
    pub survey_link_id: String,
    pub channel: Channel,
    pub lang: Lang,
    pub answered_ms: i64,
    pub answers: Answers,
}

/// A link the business issued; its record id is the token's id, so a
/// second code for the same link is seen as a replay.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IssuedLink {
    pub survey_id: String,
    pub survey_name: Text,
    pub customer_id: String,
    pub deal_id: String,
    pub product_id: String,
    pub issued_ms: i64,
    pub expires_ms: i64,
    /// When its response was filed; None while unanswered.
    pub used_ms: Option<i64>,
    pub survey_response_id: String,
}

/// What a survey link carries besides its sealed token: the survey itself
/// (the page has nothing else to render it from), where answers go back,
/// and the expiry in clear so the page can say it rather than take answers
/// that will be refused (the sealed token's expiry is the one enforced).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LinkPayload {
    pub survey: Survey,
    pub reply_to: String,
    pub expires_ms: i64,
    /// The survey inbox (a CouchDB database URL) the page posts the sealed
    /// code to; empty when the business has none, and the respondent sends
    /// the code back by hand.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub inbox: String,
}

/// The largest survey a link may unpack to: far above any real survey, low
/// enough that a crafted link cannot make a phone inflate gigabytes.
const MAX_PAYLOAD: usize = 512 * 1024;

impl LinkPayload {
    /// The bytes a link carries: JSON, deflated. Links go into QR codes and
    /// text messages, and survey texts repeat a lot (a CSAT link shrinks by
    /// about half).
    pub fn to_bytes(&self) -> Vec<u8> {
        let json = serde_json::to_vec(self).unwrap_or_default();
        miniz_oxide::deflate::compress_to_vec(&json, 9)
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<LinkPayload> {
        let json = miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, MAX_PAYLOAD).ok()?;
        serde_json::from_slice(&json).ok()
    }
}

/// What a response code seals: the answers and when and in which language
/// they were given.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LinkAnswers {
    pub answers: Answers,
    pub lang: Lang,
    pub answered_ms: i64,
}

impl RecordKind for Survey {
    const KIND: &'static str = super::SURVEY;
}

/// Surveys are not searched, but lists that name records of any kind (the
/// sync review) name them like the rest, by their Persian name if any.
impl Searchable for Survey {
    fn search_entry(r: &Envelope<Self>) -> Entry {
        Entry::named(r.fields.name.get(Lang::Fa))
    }
}

impl RecordKind for Response {
    const KIND: &'static str = super::RESPONSE;
}

impl Searchable for Response {
    /// Found by its survey's name and its written answers.
    fn search_entry(r: &Envelope<Self>) -> Entry {
        let resp = &r.fields;
        let mut text = format!("{} {}", resp.survey_name.fa, resp.survey_name.en);
        for answer in resp.answers.values() {
            if let Answer::Text(written) = answer {
                text.push(' ');
                text.push_str(written);
            }
        }
        Entry {
            title: resp.survey_name.get(resp.lang).to_string(),
            text,
            customer_id: resp.customer_id.clone(),
            within: resp.survey_id.clone(),
            order: Order::newest(resp.answered_ms),
        }
    }
}
