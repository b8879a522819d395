//! The few words the survey form itself says. Kept apart from the app's
//! `Texts` so the survey link page carries only these, not the whole app's.

use daftar_core::locale::Lang;
use daftar_core::surveys::AnswerProblem;

texts! {
    FormTexts {
        submit: "Send answers",
            "ارسال پاسخ‌ها";
        required_mark: "(required)",
            "(لازم)";
        required: "Please answer this question.",
            "لطفاً به این پرسش پاسخ دهید.";
        invalid: "This answer is not accepted; please choose again.",
            "این پاسخ پذیرفته نیست؛ دوباره انتخاب کنید.";
        too_long: "This answer is too long; please shorten it.",
            "این پاسخ بیش از اندازه بلند است؛ کوتاه‌ترش کنید.";
        yes: "Yes",
            "بله";
        no: "No",
            "خیر";
        expectation: "What you expect",
            "انتظار شما";
        perception: "What you found",
            "آنچه دیدید";
        not_likely: "Not at all",
            "اصلاً";
        very_likely: "Definitely",
            "حتماً";
        fix_above: "Some questions still need an answer; they are marked.",
            "چند پرسش پاسخ لازم دارد؛ آن‌ها را مشخص کرده‌ایم.";
        language: "Language",
            "زبان";
    }
}

pub fn form_texts(lang: Lang) -> &'static FormTexts {
    match lang {
        Lang::Fa => &FormTexts::FA,
        Lang::En => &FormTexts::EN,
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

texts! {
    /// What the survey link page says around the form.
    PageTexts {
        broken_link: "This survey link is incomplete or damaged. Please ask for a new link.",
            "این پیوند نظرسنجی ناقص یا خراب است. لطفاً پیوند تازه‌ای بخواهید.";
        expired: "This survey has closed. If you would still like to answer, please ask for a new link.",
            "مهلت این نظرسنجی تمام شده است. اگر هنوز می‌خواهید نظر بدهید، پیوند تازه‌ای بخواهید.";
        open_until: "Answers are accepted until",
            "پاسخ‌ها تا این تاریخ پذیرفته می‌شود:";
        send_back_title: "One more step: send your answers to us",
            "یک گام دیگر: پاسخ‌ها را برای ما بفرستید";
        send_back: "Your answers are sealed in the code below; only the sender of this survey can read them. Copy the code and send it, or share it with the buttons below.",
            "پاسخ‌های شما در کد زیر قفل شده‌اند و فقط فرستندهٔ این نظرسنجی می‌تواند آن‌ها را بخواند. کد را کپی کنید و بفرستید، یا با دکمه‌های زیر هم‌رسانی کنید.";
        code_label: "Response code",
            "کد پاسخ";
        copy: "Copy code",
            "کپی کد";
        copied: "Code copied.",
            "کد کپی شد.";
        copy_failed: "Could not copy; please select the code and copy it yourself.",
            "کپی نشد؛ کد را خودتان انتخاب و کپی کنید.";
        share: "Share",
            "هم‌رسانی";
        email: "Send by email",
            "فرستادن با ایمیل";
        email_subject: "Survey answers",
            "پاسخ نظرسنجی";
        qr_hint: "Or show this QR code to our representative to scan.",
            "یا این کد QR را به نمایندهٔ ما نشان دهید تا اسکن کند.";
        sealing_failed: "Your answers could not be sealed; please send them again.",
            "پاسخ‌ها قفل نشد؛ لطفاً دوباره بفرستید.";
        sending: "Sending your answers…",
            "در حال فرستادن پاسخ‌ها…";
        sent: "Your answers have reached us. Thank you!",
            "پاسخ‌های شما به دست ما رسید. سپاس!";
        send_failed: "Your answers could not be sent by themselves (perhaps you are offline). Copy the code below and send it.",
            "پاسخ‌ها خودکار فرستاده نشد (شاید اینترنت قطع است). کد زیر را کپی کنید و بفرستید.";
    }
}

pub fn page_texts(lang: Lang) -> &'static PageTexts {
    match lang {
        Lang::Fa => &PageTexts::FA,
        Lang::En => &PageTexts::EN,
    }
}
