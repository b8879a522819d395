//! Every word the user sees, in Persian and English. One struct with a field per
//! text, so a text missing in either language is a compile error, not a blank.

mod en;
mod fa;
pub mod labels;
mod messages;

pub use daftar_core::locale::Lang;
pub use messages::{csv_error_text, problem_text, store_error_text, vcard_problem_text};

/// Picks one text out of [`Texts`]: how a widget takes its label, so the
/// label follows the language at run time.
pub type TextOf = fn(&Texts) -> &'static str;

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Fa => &fa::TEXTS,
        Lang::En => &en::TEXTS,
    }
}

pub struct Texts {
    pub app_name: &'static str,
    pub nav_customers: &'static str,
    pub nav_pipeline: &'static str,
    pub nav_surveys: &'static str,
    pub nav_warranty: &'static str,
    pub nav_reports: &'static str,
    pub nav_settings: &'static str,
    pub switch_language: &'static str,
    /// Between items of a list written out in a sentence.
    pub list_separator: &'static str,
    pub nav_label: &'static str,
    pub megabytes: &'static str,
    pub online: &'static str,
    pub offline: &'static str,
    pub saved_on_device: &'static str,
    pub storage_unavailable: &'static str,
    pub storage_outdated: &'static str,
    pub loading: &'static str,
    pub coming_soon: &'static str,
    pub not_found: &'static str,
    pub unreadable: &'static str,
    // customers list
    pub customers: &'static str,
    pub search_customers: &'static str,
    pub new_customer: &'static str,
    pub export_csv: &'static str,
    pub export_failed: &'static str,
    pub no_customers: &'static str,
    pub no_matches: &'static str,
    pub count_of: &'static str,
    // customer form and detail
    pub edit: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub delete: &'static str,
    pub undo: &'static str,
    pub deleted_customer: &'static str,
    pub saved: &'static str,
    pub fix_errors: &'static str,
    pub field_name: &'static str,
    pub field_kind: &'static str,
    pub field_customer_type: &'static str,
    pub field_category: &'static str,
    pub field_preferred_contact: &'static str,
    pub field_phones: &'static str,
    pub field_phones_hint: &'static str,
    pub field_email: &'static str,
    pub field_address: &'static str,
    pub field_city: &'static str,
    pub field_province: &'static str,
    pub field_tags: &'static str,
    pub field_tags_hint: &'static str,
    pub field_owner: &'static str,
    pub field_notes: &'static str,
    pub field_national_id: &'static str,
    pub field_economic_code: &'static str,
    pub field_since: &'static str,
    pub date_hint: &'static str,
    pub created: &'static str,
    pub updated: &'static str,
    pub history: &'static str,
    pub kind_person: &'static str,
    pub kind_company: &'static str,
    pub type_end: &'static str,
    pub type_agent: &'static str,
    pub type_internal: &'static str,
    pub contact_phone: &'static str,
    pub contact_sms: &'static str,
    pub contact_email: &'static str,
    pub contact_visit: &'static str,
    pub op_create: &'static str,
    pub op_update: &'static str,
    pub op_delete: &'static str,
    pub op_restore: &'static str,
    // settings
    pub settings: &'static str,
    pub language: &'static str,
    pub currency: &'static str,
    pub money_example: &'static str,
    pub storage: &'static str,
    pub storage_used: &'static str,
    pub storage_persisted: &'static str,
    pub storage_not_persisted: &'static str,
    pub demo_data: &'static str,
    pub demo_data_hint: &'static str,
    pub load_demo: &'static str,
    pub demo_loaded: &'static str,
    pub update_ready: &'static str,
    pub reload: &'static str,
    pub crash_notice: &'static str,
    pub dismiss: &'static str,
    pub bad_date: &'static str,
    pub dup_title: &'static str,
    pub dup_same_phone: &'static str,
    pub dup_same_email: &'static str,
    pub dup_same_name: &'static str,
    pub save_anyway: &'static str,
    pub field_other: &'static str,
    pub import_csv: &'static str,
    pub import_choose_file: &'static str,
    pub import_skip: &'static str,
    pub import_other_file: &'static str,
    pub import_column: &'static str,
    pub import_goes_to: &'static str,
    pub import_sample: &'static str,
    pub import_check: &'static str,
    pub import_checking: &'static str,
    pub import_cancel: &'static str,
    pub import_cancelled: &'static str,
    pub import_rows_ok: &'static str,
    pub import_rows_bad: &'static str,
    pub import_line: &'static str,
    pub import_confirm: &'static str,
    pub import_nothing_yet: &'static str,
    pub import_done: &'static str,
    pub import_need_name: &'static str,
    pub import_unreadable: &'static str,
    pub import_more_problems: &'static str,
    pub pick_date: &'static str,
    pub previous_month: &'static str,
    pub next_month: &'static str,
    pub today: &'static str,
    pub clear: &'static str,
}

/// A moment in the user's own time zone (the device's), in their calendar.
pub fn local_datetime(epoch_ms: i64, lang: Lang) -> String {
    // getTimezoneOffset is minutes *behind* UTC, and differs across DST.
    let offset = -js_sys::Date::new(&(epoch_ms as f64).into()).get_timezone_offset() as i32;
    daftar_core::locale::format_datetime_ms_offset(epoch_ms, offset, lang)
}
