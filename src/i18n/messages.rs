//! Typed errors from core turned into sentences, at the UI edge only.

use super::Lang;
use daftar_core::customers::Problem;
use daftar_core::import::{CsvError, VCardProblem};
use daftar_core::locale::localize_digits;
use crate::state::ImportError;
use daftar_core::store::StoreError;
use daftar_core::surveys::kiosk::PinError;
use daftar_core::surveys::seal::CodeError;
use daftar_core::surveys::{Survey, SurveyProblem};

pub fn problem_text(p: Problem, lang: Lang) -> String {
    let fa = lang == Lang::Fa;
    let s = match p {
        Problem::Required => if fa { "این فیلد را پر کنید.".into() } else { "This field is required.".into() },
        Problem::TooLong { max } => if fa { format!("حداکثر {max} نویسه.") } else { format!("At most {max} characters.") },
        Problem::TooMany { max } => if fa { format!("حداکثر {max} مورد.") } else { format!("At most {max} entries.") },
        Problem::PhoneCharacters => if fa {
            "شماره تلفن فقط رقم، فاصله، خط تیره و + در ابتدا می‌پذیرد.".into()
        } else {
            "A phone number may only hold digits, spaces, dashes and a leading +.".into()
        },
        Problem::PhoneLength => if fa {
            "شماره تلفن کامل نیست؛ مانند ۰۹۱۲۱۲۳۴۵۶۷ یا ۰۲۱۸۸۸۸۱۲۳۴.".into()
        } else {
            "Incomplete phone number; e.g. 09121234567 or +44 20 7946 0958.".into()
        },
        Problem::EmailFormat => if fa { "ایمیل درست نیست؛ مانند name@example.com.".into() } else { "Not a valid email; e.g. name@example.com.".into() },
        Problem::NationalCode => if fa {
            "کد ملی باید ۱۰ رقم و معتبر باشد (رقم کنترل درست نیست).".into()
        } else {
            "A national code has 10 digits and a valid check digit.".into()
        },
        Problem::LegalId => if fa {
            "شناسه ملی شرکت باید ۱۱ رقم و معتبر باشد.".into()
        } else {
            "A company national ID has 11 digits and a valid check digit.".into()
        },
        Problem::Date => if fa {
            "تاریخ خوانده نشد؛ مانند ۱۴۰۳/۰۵/۱۲ یا 2024-08-02 بنویسید.".into()
        } else {
            "Not a date; write it like 2024-08-02 or ۱۴۰۳/۰۵/۱۲.".into()
        },
        Problem::EconomicCode => if fa {
            "کد اقتصادی باید ۱۰، ۱۱ یا ۱۲ رقم و معتبر باشد.".into()
        } else {
            "An economic code has 10, 11 or 12 digits and must be valid.".into()
        },
        Problem::Number => if fa { "عدد بنویسید؛ مانند ۱۲ یا ۱۲٫۵.".into() } else { "Write a number, e.g. 12 or 12.5.".into() },
        Problem::OutOfRange { min, max } if max == i64::MAX => if fa { format!("دست‌کم {min}.") } else { format!("At least {min}.") },
        Problem::OutOfRange { min, max } => if fa { format!("عددی از {min} تا {max}.") } else { format!("A number from {min} to {max}.") },
        Problem::Duplicate => if fa { "این مقدار تکراری است.".into() } else { "This appears twice.".into() },
        Problem::SerialTaken => if fa { "این شماره سریال برای همین کالا پیش‌تر ثبت شده است.".into() } else { "This serial number is already registered for this product.".into() },
        Problem::BeforeStart => if fa { "این تاریخ پیش از تاریخ شروع است.".into() } else { "This date is before the start date.".into() },
        Problem::InUse => if fa {
            "هنوز فرصت‌های باز در آن است؛ نخست آن‌ها را به مرحله دیگری ببرید.".into()
        } else {
            "Open deals still stand in it; move them to another stage first.".into()
        },
    };
    localize_digits(&s, lang)
}

pub fn store_error_text(e: &StoreError, lang: Lang) -> String {
    let fa = lang == Lang::Fa;
    match e {
        StoreError::Conflict { .. } => if fa {
            "این مورد همزمان جای دیگری (زبانهٔ دیگر یا همگام‌سازی) تغییر کرده است. صفحه را تازه کنید و دوباره امتحان کنید."
        } else {
            "This item was changed elsewhere at the same time (another tab or a sync). Reload and try again."
        },
        StoreError::QuotaExceeded => if fa {
            "فضای ذخیره‌سازی دستگاه پر است؛ چیزی ذخیره نشد."
        } else {
            "The device is out of storage space; nothing was saved."
        },
        StoreError::Corrupt(_) | StoreError::Backend(_) => if fa {
            "حافظهٔ این دستگاه پاسخ درستی نداد؛ اگر در حال ذخیره بودید، چیزی ذخیره نشد. دوباره امتحان کنید یا صفحه را تازه کنید."
        } else {
            "This device's storage did not answer properly; if you were saving, nothing was saved. Try again or reload the page."
        },
    }
    .to_string()
}

/// A broken spot in a CSV file, in words.
pub fn csv_error_text(e: &CsvError, lang: Lang) -> String {
    let fa = lang == Lang::Fa;
    let s = match *e {
        CsvError::NoHeader => if fa { "فایل خالی است یا سطر عنوان ندارد.".into() } else { "The file is empty or has no header row.".into() },
        CsvError::UnterminatedQuote { line } => if fa {
            format!("در سطر {line} یک گیومه (\") باز شده و بسته نشده است؛ خواندن فایل از این‌جا متوقف شد.")
        } else {
            format!("A quote (\") opened on line {line} is never closed; reading stopped there.")
        },
        CsvError::FieldCount { expected, found, .. } => if fa {
            format!("این سطر {found} ستون دارد، ولی سطر عنوان {expected} ستون.")
        } else {
            format!("This row has {found} cells but the header has {expected}.")
        },
        CsvError::EmptyHeader { column } => if fa { format!("ستون {column} عنوان ندارد.") } else { format!("Column {column} has no title.") },
        CsvError::DuplicateHeader { column, first } => if fa {
            format!("عنوان ستون {column} با ستون {first} یکی است.")
        } else {
            format!("Column {column} has the same title as column {first}.")
        },
    };
    localize_digits(&s, lang)
}

/// A broken spot in a contact card, in words.
pub fn vcard_problem_text(p: VCardProblem, lang: Lang) -> String {
    let fa = lang == Lang::Fa;
    match p {
        VCardProblem::MissingEnd => if fa { "این کارت تمام نشده است (END:VCARD ندارد)؛ وارد نمی‌شود." } else { "This card is cut off (no END:VCARD); it is not imported." },
        VCardProblem::MalformedLine => if fa { "یک سطر این کارت خوانده نشد و کنار گذاشته شد." } else { "A line of this card could not be read and was left out." },
        VCardProblem::BadQuotedPrintable => if fa { "یک مقدار این کارت خراب است و کنار گذاشته شد." } else { "A value of this card is garbled and was left out." },
        VCardProblem::BadBirthday => if fa { "تاریخ تولد این کارت خوانده نشد و کنار گذاشته شد." } else { "This card's birthday could not be read and was left out." },
    }
    .to_string()
}

/// Why a response code was not filed.
pub fn import_error_text(e: &ImportError, lang: Lang) -> String {
    let t = super::texts(lang);
    match e {
        ImportError::Code(CodeError::Malformed) => t.code_malformed.into(),
        ImportError::Code(CodeError::TooLarge) => t.code_too_large.into(),
        ImportError::Code(CodeError::UnknownVersion) => t.code_unknown_version.into(),
        ImportError::Code(CodeError::NotIssuedHere) => t.code_not_ours.into(),
        ImportError::Code(CodeError::Altered) => t.code_altered.into(),
        ImportError::Code(CodeError::Expired { expires_ms }) => format!("{} {}", t.code_expired, super::local_datetime(*expires_ms, lang)),
        ImportError::Code(CodeError::AlreadyUsed { filed_ms }) => format!("{} {}", t.code_used, super::local_datetime(*filed_ms, lang)),
        ImportError::SurveyGone => t.survey_gone.into(),
        ImportError::AnswersInvalid => t.code_answers_invalid.into(),
        ImportError::Store(e) => store_error_text(e, lang),
    }
}

/// What keeps a survey from being saved; questions are numbered as the
/// builder shows them (retired ones are not shown, so not counted).
pub fn survey_problem_text(p: &SurveyProblem, survey: &Survey, lang: Lang) -> String {
    let t = super::texts(lang);
    let at = |i: &usize| {
        let shown = survey.questions.iter().take(i + 1).filter(|q| !q.retired).count();
        format!("{} {}", t.question, localize_digits(&shown.max(1).to_string(), lang))
    };
    match p {
        SurveyProblem::NoName => t.survey_needs_name.into(),
        SurveyProblem::NoQuestions => t.survey_needs_question.into(),
        SurveyProblem::NoText(i) => format!("{}: {}", at(i), t.question_needs_text),
        SurveyProblem::Choices(i) => format!("{}: {}", at(i), t.question_needs_choices),
        SurveyProblem::Condition(i) => format!("{}: {}", at(i), t.question_bad_condition),
        SurveyProblem::DuplicateId(i) => format!("{}: {}", at(i), t.question_duplicate),
    }
}

pub fn pin_error_text(e: PinError, lang: Lang) -> &'static str {
    let t = super::texts(lang);
    match e {
        PinError::Format => t.kiosk_pin_format,
        PinError::Mismatch => t.kiosk_pin_mismatch,
    }
}
