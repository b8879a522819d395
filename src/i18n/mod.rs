//! Every word the user sees, in Persian and English. Each area declares its
//! texts in its own file, both languages side by side, so a text missing in
//! either language is a compile error, not a blank. Texts that carry values
//! are typed functions: the caller passes numbers and dates, the language
//! writes them in its own digits, plurals and punctuation.

#[macro_use]
pub(crate) mod declare;
mod common;
mod customers;
mod settings;
mod activities;
mod contacts;
mod tasks;
mod timeline;
mod search;
mod pipeline;
mod problems;
mod catalog;
mod complaints;
mod surveys;
mod warranty;
mod reports;
mod sync;
pub mod labels;
mod messages;
pub mod words;

pub use daftar_core::locale::Lang;
pub use messages::{csv_error_text, import_error_text, pin_error_text, problem_text, save_error_text, store_error_text, survey_problem_text, vcard_problem_text};

use common::CommonTexts;
use customers::CustomerTexts;
use settings::SettingsTexts;
use activities::ActivityTexts;
use contacts::ContactTexts;
use tasks::TaskTexts;
use timeline::TimelineTexts;
use search::SearchTexts;
use pipeline::PipelineTexts;
use problems::ProblemTexts;
use catalog::CatalogTexts;
use complaints::ComplaintTexts;
use surveys::SurveyTexts;
use warranty::WarrantyTexts;
use sync::SyncTexts;
use reports::ReportTexts;

/// Picks one text out of [`Texts`]: how a widget takes its label, so the
/// label follows the language at run time.
pub type TextOf = fn(&Texts) -> &'static str;

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Fa => &FA,
        Lang::En => &EN,
    }
}

/// All texts of one language: the shared words, reached directly
/// (`t.save`), and one group per area (`t.warranty.claim_new`).
pub struct Texts {
    common: CommonTexts,
    pub customers: CustomerTexts,
    pub settings: SettingsTexts,
    pub activities: ActivityTexts,
    pub contacts: ContactTexts,
    pub tasks: TaskTexts,
    pub timeline: TimelineTexts,
    pub search: SearchTexts,
    pub pipeline: PipelineTexts,
    pub problems: ProblemTexts,
    pub catalog: CatalogTexts,
    pub complaints: ComplaintTexts,
    pub surveys: SurveyTexts,
    pub warranty: WarrantyTexts,
    pub sync: SyncTexts,
    pub reports: ReportTexts,
}

impl std::ops::Deref for Texts {
    type Target = CommonTexts;
    fn deref(&self) -> &CommonTexts {
        &self.common
    }
}

const EN: Texts = Texts {
    common: CommonTexts::EN,
    customers: CustomerTexts::EN,
    settings: SettingsTexts::EN,
    activities: ActivityTexts::EN,
    contacts: ContactTexts::EN,
    tasks: TaskTexts::EN,
    timeline: TimelineTexts::EN,
    search: SearchTexts::EN,
    pipeline: PipelineTexts::EN,
    problems: ProblemTexts::EN,
    catalog: CatalogTexts::EN,
    complaints: ComplaintTexts::EN,
    surveys: SurveyTexts::EN,
    warranty: WarrantyTexts::EN,
    sync: SyncTexts::EN,
    reports: ReportTexts::EN,
};

const FA: Texts = Texts {
    common: CommonTexts::FA,
    customers: CustomerTexts::FA,
    settings: SettingsTexts::FA,
    activities: ActivityTexts::FA,
    contacts: ContactTexts::FA,
    tasks: TaskTexts::FA,
    timeline: TimelineTexts::FA,
    search: SearchTexts::FA,
    pipeline: PipelineTexts::FA,
    problems: ProblemTexts::FA,
    catalog: CatalogTexts::FA,
    complaints: ComplaintTexts::FA,
    surveys: SurveyTexts::FA,
    warranty: WarrantyTexts::FA,
    sync: SyncTexts::FA,
    reports: ReportTexts::FA,
};

/// A moment in the user's own time zone (the device's), in their calendar.
pub fn local_datetime(epoch_ms: i64, lang: Lang) -> String {
    // getTimezoneOffset is minutes *behind* UTC, and differs across DST.
    let offset = -js_sys::Date::new(&(epoch_ms as f64).into()).get_timezone_offset() as i32;
    daftar_core::locale::format_datetime_ms_offset(epoch_ms, offset, lang)
}
