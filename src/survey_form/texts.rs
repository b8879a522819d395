//! The few words the survey form itself says. Kept apart from the app's
//! `Texts` so the survey link page carries only these, not the whole app's.

use daftar_core::locale::Lang;
use daftar_core::surveys::AnswerProblem;

pub struct FormTexts {
    pub submit: &'static str,
    pub required_mark: &'static str,
    pub required: &'static str,
    pub invalid: &'static str,
    pub too_long: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub expectation: &'static str,
    pub perception: &'static str,
    pub not_likely: &'static str,
    pub very_likely: &'static str,
    pub fix_above: &'static str,
    pub language: &'static str,
}

const FA: FormTexts = FormTexts {
    submit: "ارسال پاسخ‌ها",
    required_mark: "(لازم)",
    required: "لطفاً به این پرسش پاسخ دهید.",
    invalid: "این پاسخ پذیرفته نیست؛ دوباره انتخاب کنید.",
    too_long: "این پاسخ بیش از اندازه بلند است؛ کوتاه‌ترش کنید.",
    yes: "بله",
    no: "خیر",
    expectation: "انتظار شما",
    perception: "آنچه دیدید",
    not_likely: "اصلاً",
    very_likely: "حتماً",
    fix_above: "چند پرسش پاسخ لازم دارد؛ آن‌ها را مشخص کرده‌ایم.",
    language: "زبان",
};

const EN: FormTexts = FormTexts {
    submit: "Send answers",
    required_mark: "(required)",
    required: "Please answer this question.",
    invalid: "This answer is not accepted; please choose again.",
    too_long: "This answer is too long; please shorten it.",
    yes: "Yes",
    no: "No",
    expectation: "What you expect",
    perception: "What you found",
    not_likely: "Not at all",
    very_likely: "Definitely",
    fix_above: "Some questions still need an answer; they are marked.",
    language: "Language",
};

pub fn form_texts(lang: Lang) -> &'static FormTexts {
    match lang {
        Lang::Fa => &FA,
        Lang::En => &EN,
    }
}

pub fn answer_problem_text(p: AnswerProblem, lang: Lang) -> &'static str {
    let t = form_texts(lang);
    match p {
        AnswerProblem::Required => t.required,
        AnswerProblem::Invalid => t.invalid,
        AnswerProblem::TooLong { .. } => t.too_long,
    }
}

/// What the survey link page says around the form.
pub struct PageTexts {
    pub broken_link: &'static str,
    pub expired: &'static str,
    pub open_until: &'static str,
    pub send_back_title: &'static str,
    pub send_back: &'static str,
    pub code_label: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub share: &'static str,
    pub email: &'static str,
    pub email_subject: &'static str,
    pub qr_hint: &'static str,
    pub sealing_failed: &'static str,
    pub sending: &'static str,
    pub sent: &'static str,
    pub send_failed: &'static str,
}

const PAGE_FA: PageTexts = PageTexts {
    broken_link: "این پیوند نظرسنجی ناقص یا خراب است. لطفاً پیوند تازه‌ای بخواهید.",
    expired: "مهلت این نظرسنجی تمام شده است. اگر هنوز می‌خواهید نظر بدهید، پیوند تازه‌ای بخواهید.",
    open_until: "پاسخ‌ها تا این تاریخ پذیرفته می‌شود:",
    send_back_title: "یک گام دیگر: پاسخ‌ها را برای ما بفرستید",
    send_back: "پاسخ‌های شما در کد زیر قفل شده‌اند و فقط فرستندهٔ این نظرسنجی می‌تواند آن‌ها را بخواند. کد را کپی کنید و بفرستید، یا با دکمه‌های زیر هم‌رسانی کنید.",
    code_label: "کد پاسخ",
    copy: "کپی کد",
    copied: "کد کپی شد.",
    copy_failed: "کپی نشد؛ کد را خودتان انتخاب و کپی کنید.",
    share: "هم‌رسانی",
    email: "فرستادن با ایمیل",
    email_subject: "پاسخ نظرسنجی",
    qr_hint: "یا این کد QR را به نمایندهٔ ما نشان دهید تا اسکن کند.",
    sealing_failed: "پاسخ‌ها قفل نشد؛ لطفاً دوباره بفرستید.",
    sending: "در حال فرستادن پاسخ‌ها…",
    sent: "پاسخ‌های شما به دست ما رسید. سپاس!",
    send_failed: "پاسخ‌ها خودکار فرستاده نشد (شاید اینترنت قطع است). کد زیر را کپی کنید و بفرستید.",
};

const PAGE_EN: PageTexts = PageTexts {
    broken_link: "This survey link is incomplete or damaged. Please ask for a new link.",
    expired: "This survey has closed. If you would still like to answer, please ask for a new link.",
    open_until: "Answers are accepted until",
    send_back_title: "One more step: send your answers to us",
    send_back: "Your answers are sealed in the code below; only the sender of this survey can read them. Copy the code and send it, or share it with the buttons below.",
    code_label: "Response code",
    copy: "Copy code",
    copied: "Code copied.",
    copy_failed: "Could not copy; please select the code and copy it yourself.",
    share: "Share",
    email: "Send by email",
    email_subject: "Survey answers",
    qr_hint: "Or show this QR code to our representative to scan.",
    sealing_failed: "Your answers could not be sealed; please send them again.",
    sending: "Sending your answers…",
    sent: "Your answers have reached us. Thank you!",
    send_failed: "Your answers could not be sent by themselves (perhaps you are offline). Copy the code below and send it.",
};

pub fn page_texts(lang: Lang) -> &'static PageTexts {
    match lang {
        Lang::Fa => &PAGE_FA,
        Lang::En => &PAGE_EN,
    }
}
