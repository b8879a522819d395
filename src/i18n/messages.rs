//! Typed errors from core turned into sentences, at the UI edge only.

use super::Lang;
use daftar_core::customers::Problem;
use daftar_core::import::{CsvError, VCardProblem};
use crate::state::ImportError;
use daftar_core::save::SaveError;
use daftar_core::store::StoreError;
use daftar_core::surveys::kiosk::PinError;
use daftar_core::surveys::seal::CodeError;
use daftar_core::surveys::{Survey, SurveyProblem};

pub fn problem_text(p: Problem, lang: Lang) -> String {
    let t = &super::texts(lang).problems;
    match p {
        Problem::Required => t.required.into(),
        Problem::TooLong { max } => t.too_long(max as i64),
        Problem::TooMany { max } => t.too_many(max as i64),
        Problem::PhoneCharacters => t.phone_characters.into(),
        Problem::PhoneLength => t.phone_length.into(),
        Problem::EmailFormat => t.email_format.into(),
        Problem::NationalCode => t.national_code.into(),
        Problem::LegalId => t.legal_id.into(),
        Problem::Date => t.date.into(),
        Problem::EconomicCode => t.economic_code.into(),
        Problem::Number => t.number.into(),
        Problem::OutOfRange { min, max } if max == i64::MAX => t.at_least(min),
        Problem::OutOfRange { min, max } => t.between(min, max),
        Problem::Duplicate => t.duplicate.into(),
        Problem::SerialTaken => t.serial_taken.into(),
        Problem::BeforeStart => t.before_start.into(),
        Problem::InUse => t.in_use.into(),
    }
}

pub fn store_error_text(e: &StoreError, lang: Lang) -> String {
    let t = &super::texts(lang).problems;
    match e {
        StoreError::Conflict { .. } => t.store_conflict,
        StoreError::QuotaExceeded => t.store_full,
        StoreError::Corrupt(_) => t.store_unreadable,
        StoreError::Backend(_) => t.store_failed,
    }
    .to_string()
}

/// Why a save or a step was refused, in words; callers with their own
/// words for a deleted record match `Gone` first.
pub fn save_error_text(e: &SaveError, lang: Lang) -> String {
    let t = &super::texts(lang).problems;
    match e {
        SaveError::Invalid(errors) => errors.iter().map(|e| problem_text(e.problem, lang)).collect::<Vec<_>>().join(" "),
        SaveError::Gone => t.record_gone.into(),
        SaveError::NotAllowed => t.changed_elsewhere.into(),
        SaveError::Store(e) => store_error_text(e, lang),
    }
}

/// A broken spot in a CSV file, in words.
pub fn csv_error_text(e: &CsvError, lang: Lang) -> String {
    let t = &super::texts(lang).problems;
    match *e {
        CsvError::NoHeader => t.csv_no_header.into(),
        CsvError::UnterminatedQuote { line } => t.csv_open_quote(line as i64),
        CsvError::FieldCount { expected, found, .. } => t.csv_cell_count(found as i64, expected as i64),
        CsvError::EmptyHeader { column } => t.csv_untitled_column(column as i64),
        CsvError::DuplicateHeader { column, first } => t.csv_same_title(column as i64, first as i64),
    }
}

/// A broken spot in a contact card, in words.
pub fn vcard_problem_text(p: VCardProblem, lang: Lang) -> String {
    let t = &super::texts(lang).problems;
    match p {
        VCardProblem::MissingEnd => t.vcard_cut_off,
        VCardProblem::MalformedLine => t.vcard_bad_line,
        VCardProblem::BadQuotedPrintable => t.vcard_garbled,
        VCardProblem::BadBirthday => t.vcard_bad_birthday,
    }
    .to_string()
}

/// Why a response code was not filed.
pub fn import_error_text(e: &ImportError, lang: Lang) -> String {
    let t = super::texts(lang);
    match e {
        ImportError::Code(CodeError::Malformed) => t.surveys.code_malformed.into(),
        ImportError::Code(CodeError::TooLarge) => t.surveys.code_too_large.into(),
        ImportError::Code(CodeError::UnknownVersion) => t.surveys.code_unknown_version.into(),
        ImportError::Code(CodeError::NotIssuedHere) => t.surveys.code_not_ours.into(),
        ImportError::Code(CodeError::Altered) => t.surveys.code_altered.into(),
        ImportError::Code(CodeError::Expired { expires_ms }) => format!("{} {}", t.surveys.code_expired, super::local_datetime(*expires_ms, lang)),
        ImportError::Code(CodeError::AlreadyUsed { filed_ms }) => format!("{} {}", t.surveys.code_used, super::local_datetime(*filed_ms, lang)),
        ImportError::SurveyGone => t.surveys.survey_gone.into(),
        ImportError::AnswersInvalid => t.surveys.code_answers_invalid.into(),
        ImportError::Store(e) => store_error_text(e, lang),
    }
}

/// What keeps a survey from being saved; questions are numbered as the
/// builder shows them (retired ones are not shown, so not counted).
pub fn survey_problem_text(p: &SurveyProblem, survey: &Survey, lang: Lang) -> String {
    let t = super::texts(lang);
    let at = |i: &usize| {
        let shown = survey.questions.iter().take(i + 1).filter(|q| !q.retired).count();
        t.surveys.question_number(shown.max(1) as i64)
    };
    match p {
        SurveyProblem::NoName => t.surveys.survey_needs_name.into(),
        SurveyProblem::NoQuestions => t.surveys.survey_needs_question.into(),
        SurveyProblem::NoText(i) => format!("{}: {}", at(i), t.surveys.question_needs_text),
        SurveyProblem::Choices(i) => format!("{}: {}", at(i), t.surveys.question_needs_choices),
        SurveyProblem::Condition(i) => format!("{}: {}", at(i), t.surveys.question_bad_condition),
        SurveyProblem::DuplicateId(i) => format!("{}: {}", at(i), t.surveys.question_duplicate),
    }
}

pub fn pin_error_text(e: PinError, lang: Lang) -> &'static str {
    let t = super::texts(lang);
    match e {
        PinError::Format => t.surveys.kiosk_pin_format,
        PinError::Mismatch => t.surveys.kiosk_pin_mismatch,
    }
}
