//! Surveys: builder, kiosk, links, sealed codes and results.

use super::words::{en, en_count, fa};

texts! {
    SurveyTexts {
        // surveys: closed loop
        anonymous: "Anonymous",
            "ناشناس";
        low_score_in: "Low score in survey",
            "نمرهٔ پایین در نظرسنجی";
        call_back_unhappy: "Call back unhappy customer",
            "تماس با مشتری ناراضی:";
        // surveys
        add_choice: "Add choice",
            "افزودن گزینه";
        add_question: "Add question",
            "افزودن پرسش";
        alert_csat_at_most: "Open a complaint when CSAT is at most",
            "ثبت شکایت وقتی رضایت (CSAT) حداکثر این باشد";
        alert_nps_at_most: "Open a complaint when NPS is at most",
            "ثبت شکایت وقتی امتیاز NPS حداکثر این باشد";
        alert_off_when_empty: "Leave empty to switch off.",
            "برای خاموش کردن خالی بگذارید.";
        answered_at: "Answered at",
            "زمان پاسخ";
        blank_survey: "Blank survey",
            "نظرسنجی خالی";
        breakdown: "Breakdown",
            "تفکیک";
        ces: "Customer effort (CES, mean of 7)",
            "سهولت کار مشتری (CES، میانگین از ۷)";
        channel: "Channel",
            "کانال";
        code_altered: "This code was changed after it was made, so its answers cannot be trusted. Nothing was filed; ask the customer to send the code again exactly as shown.",
            "این کد پس از ساخته شدن تغییر کرده و پاسخ‌هایش قابل اعتماد نیست. چیزی ثبت نشد؛ از مشتری بخواهید کد را دقیقاً همان‌طور که نمایش داده شده دوباره بفرستد.";
        code_answers_invalid: "The answers in this code no longer fit the survey as it stands. Nothing was filed.",
            "پاسخ‌های این کد با نظرسنجی فعلی جور درنمی‌آید. چیزی ثبت نشد.";
        code_expired: "This link had expired; nothing was filed. It was valid until",
            "مهلت این پیوند تمام شده بود؛ چیزی ثبت نشد. اعتبارش تا این زمان بود:";
        code_filed: "The response was filed.",
            "پاسخ ثبت شد.";
        code_malformed: "This is not a complete response code. Check that all of it was copied (it starts with DF1.).",
            "این یک کد پاسخ کامل نیست. بررسی کنید همهٔ آن کپی شده باشد (با DF1. شروع می‌شود).";
        code_not_ours: "This code does not answer a link made by this business: it is forged, damaged, or from another business. Nothing was filed.",
            "این کد پاسخ پیوندی از این کسب‌وکار نیست: جعلی، خراب یا مال کسب‌وکار دیگری است. چیزی ثبت نشد.";
        code_too_large: "This code is far too long to be a response code. Nothing was filed.",
            "این متن برای کد پاسخ بیش از حد بلند است. چیزی ثبت نشد.";
        code_unknown_version: "This code was made by a newer version of Daftar. Update the app, then import it again.",
            "این کد را نسخهٔ تازه‌تری از دفتر ساخته است. برنامه را به‌روز کنید و دوباره وارد کنید.";
        code_used: "This link's response was already filed; a code is filed only once. Filed at",
            "پاسخ این پیوند پیش‌تر ثبت شده است؛ هر کد فقط یک بار ثبت می‌شود. زمان ثبت:";
        complaint_opened_for_score: "The score was low: a complaint and a follow-up task were opened.",
            "نمره پایین بود: یک شکایت و یک کار پیگیری ثبت شد.";
        complaints: "Complaints",
            "شکایت‌ها";
        copied: "Copied",
            "کپی شد";
        copy_link: "Copy link",
            "کپی پیوند";
        csat: "Satisfied (CSAT)",
            "رضایت (CSAT)";
        detractors: "Detractors (0–6)",
            "منتقدان (۰ تا ۶)";
        dim_assurance: "Assurance",
            "اطمینان";
        dim_empathy: "Empathy",
            "همدلی";
        dim_reliability: "Reliability",
            "قابلیت اعتماد";
        dim_responsiveness: "Responsiveness",
            "پاسخ‌گویی";
        dim_tangibles: "Tangibles",
            "عوامل ملموس";
        edit_survey: "Edit survey",
            "ویرایش نظرسنجی";
        expectation: "Expectation",
            "انتظار";
        gap: "Gap",
            "شکاف";
        import_code_button: "Check and file",
            "بررسی و ثبت";
        import_code_explained: "Paste the response code a customer sent back from a survey link. It is checked before anything is filed.",
            "کد پاسخی را که مشتری از پیوند نظرسنجی فرستاده اینجا بچسبانید. پیش از ثبت، کد بررسی می‌شود.";
        import_response_code: "Import a response code",
            "ورود کد پاسخ";
        kind_ces: "Customer effort (CES, 1–7)",
            "سهولت کار (CES، ۱ تا ۷)";
        kind_csat: "Satisfaction (CSAT, 1–5)",
            "رضایت (CSAT، ۱ تا ۵)";
        kind_long_text: "Long text",
            "متن بلند";
        kind_multiple: "Multiple choice",
            "چندگزینه‌ای (چند پاسخ)";
        kind_nps: "Recommend (NPS, 0–10)",
            "پیشنهاد به دیگران (NPS، ۰ تا ۱۰)";
        kind_servqual: "SERVQUAL pair (expectation and perception)",
            "جفت SERVQUAL (انتظار و ادراک)";
        kind_short_text: "Short text",
            "متن کوتاه";
        kind_single: "Single choice",
            "چندگزینه‌ای (یک پاسخ)";
        kind_stars: "Star rating",
            "امتیاز ستاره‌ای";
        kind_yes_no: "Yes or no",
            "بله یا خیر";
        kiosk_begin: "Start kiosk",
            "شروع حالت کیوسک";
        kiosk_customer_hint: "Leave empty for anonymous respondents.",
            "برای پاسخ‌دهندگان ناشناس خالی بگذارید.";
        kiosk_enter_pin: "Enter the PIN to leave kiosk mode",
            "برای خروج از حالت کیوسک رمز را وارد کنید";
        kiosk_explained: "Hand the tablet to customers: one response after another, saved at once. Only your PIN leaves kiosk mode.",
            "تبلت را به مشتریان بدهید: پاسخ‌ها یکی پس از دیگری و بی‌درنگ ذخیره می‌شوند. فقط با رمز شما می‌توان از حالت کیوسک خارج شد.";
        kiosk_leave: "Leave kiosk",
            "خروج از کیوسک";
        kiosk_mode: "Kiosk mode",
            "حالت کیوسک";
        kiosk_next_person: "Next person",
            "نفر بعدی";
        kiosk_not_started: "Kiosk mode is not running. Start it from the survey's page.",
            "حالت کیوسک فعال نیست. آن را از صفحهٔ نظرسنجی شروع کنید.";
        kiosk_pin: "PIN (4 to 8 digits)",
            "رمز (۴ تا ۸ رقم)";
        kiosk_pin_again: "PIN again",
            "تکرار رمز";
        kiosk_pin_format: "The PIN must be 4 to 8 digits.",
            "رمز باید ۴ تا ۸ رقم باشد.";
        kiosk_pin_mismatch: "The two PINs differ; type the same PIN twice.",
            "دو رمز یکی نیستند؛ یک رمز را دو بار بنویسید.";
        kiosk_wrong_pin: "Wrong PIN.",
            "رمز نادرست است.";
        link_customer_hint: "Leave empty for an open link anyone may answer once.",
            "برای پیوند عمومی که هر کس یک بار می‌تواند پاسخ دهد، خالی بگذارید.";
        link_days_range: "Valid days must be a whole number from 1 to 365.",
            "تعداد روزهای اعتبار باید عددی صحیح از ۱ تا ۳۶۵ باشد.";
        link_too_large: "This survey is too long to travel in a link. Shorten its questions, or have it filled on this tablet in kiosk mode.",
            "این نظرسنجی برای فرستادن با پیوند بیش از حد بلند است. پرسش‌هایش را کوتاه‌تر کنید یا آن را روی همین تبلت در حالت کیوسک پر کنید.";
        link_ready: "The link is ready. It works once, on any phone, without the app.",
            "پیوند آماده است. یک بار، روی هر گوشی و بدون برنامه کار می‌کند.";
        link_reply_to: "Answers go back to (email)",
            "پاسخ‌ها به این ایمیل برگردد";
        link_valid_days: "Valid for (days)",
            "مدت اعتبار (روز)";
        make_survey_link: "Make a survey link",
            "ساخت پیوند نظرسنجی";
        mean: "Mean",
            "میانگین";
        move_down: "Move down",
            "پایین‌تر";
        move_up: "Move up",
            "بالاتر";
        new_survey: "New survey",
            "نظرسنجی تازه";
        no_surveys_yet: "No surveys yet: start from a template below.",
            "هنوز نظرسنجی‌ای نیست: از یکی از الگوهای زیر شروع کنید.";
        nps: "NPS",
            "NPS";
        open_customer: "Open customer",
            "باز کردن مشتری";
        passives: "Passives (7–8)",
            "بی‌طرف‌ها (۷ تا ۸)";
        perception: "Perception",
            "ادراک";
        promoters: "Promoters (9–10)",
            "مروجان (۹ تا ۱۰)";
        purpose_after_sale: "After a sale",
            "پس از فروش";
        purpose_after_service: "After a warranty claim",
            "پس از خدمات گارانتی";
        purpose_general: "General",
            "عمومی";
        purpose_relationship: "Relationship",
            "ارتباط با مشتری";
        question_bad_condition: "its show-if rule must name an earlier question and a value that question can have.",
            "شرط نمایش آن باید به پرسشی پیش از آن و مقداری ممکن برای آن اشاره کند.";
        question_duplicate: "its id repeats another question's.",
            "شناسهٔ آن با پرسش دیگری یکی است.";
        question_kind: "Question type",
            "نوع پرسش";
        question_needs_choices: "needs at least two choices, each with a label.",
            "دست‌کم دو گزینه با عنوان لازم دارد.";
        question_needs_text: "needs its text in at least one language.",
            "متن آن دست‌کم به یک زبان لازم است.";
        required_answer: "Answer required",
            "پاسخ لازم است";
        response_code: "Response code",
            "کد پاسخ";
        response_rate: "Response rate (links answered)",
            "نرخ پاسخ (پیوندهای پاسخ‌داده)";
        responses_count: "responses",
            "پاسخ";
        retired_question: "removed, kept for old answers",
            "حذف‌شده، برای پاسخ‌های قدیمی نگه داشته شده";
        rule_answered: "is answered",
            "پاسخ داده شود";
        rule_at_least: "is at least",
            "حداقل این باشد";
        rule_at_most: "is at most",
            "حداکثر این باشد";
        rule_is: "is",
            "این باشد";
        see_results: "See results",
            "دیدن نتایج";
        send_by_sms: "Send by SMS",
            "فرستادن با پیامک";
        servqual_dimension: "Dimension",
            "بُعد";
        servqual_gap: "SERVQUAL gap (perception − expectation)",
            "شکاف SERVQUAL (ادراک − انتظار)";
        show_always: "always",
            "همیشه";
        show_if: "Show if",
            "نمایش اگر";
        show_if_rule: "Rule",
            "شرط";
        show_if_value: "Value",
            "مقدار";
        start_from_template: "Start from a template",
            "شروع از یک الگو";
        survey_answered: "Survey answered",
            "پاسخ به نظرسنجی";
        survey_gone: "This survey no longer exists.",
            "این نظرسنجی دیگر وجود ندارد.";
        survey_in_use: "This survey has answers or links out: removed questions and choices are kept for the old answers.",
            "این نظرسنجی پاسخ یا پیوند فرستاده‌شده دارد: پرسش‌ها و گزینه‌های حذف‌شده برای پاسخ‌های قدیمی نگه داشته می‌شوند.";
        survey_intro: "Introduction",
            "مقدمه";
        survey_link: "Survey link",
            "پیوند نظرسنجی";
        survey_link_sent: "Survey link sent",
            "پیوند نظرسنجی فرستاده شد";
        survey_links: "Survey links",
            "پیوندهای نظرسنجی";
        survey_responses: "Survey responses",
            "پاسخ‌های نظرسنجی";
        survey_name: "Survey name",
            "نام نظرسنجی";
        survey_needs_name: "The survey needs a name in at least one language.",
            "نظرسنجی دست‌کم به یک زبان نام لازم دارد.";
        survey_needs_question: "The survey needs at least one question.",
            "نظرسنجی دست‌کم یک پرسش لازم دارد.";
        survey_purpose: "Purpose",
            "کاربرد";
        survey_saved: "Survey saved.",
            "نظرسنجی ذخیره شد.";
        survey_thanks: "Thank-you message",
            "پیام سپاس";
        template_csat: "After-sale satisfaction (CSAT)",
            "رضایت پس از فروش (CSAT)";
        template_nps: "Relationship NPS",
            "وفاداری مشتری (NPS)";
        template_service: "After-service satisfaction",
            "رضایت از خدمات پس از فروش";
        template_servqual: "Service quality (SERVQUAL)",
            "کیفیت خدمات (SERVQUAL)";
        trend_by_month: "Trend by month",
            "روند ماهانه";
        // survey suggestions
        ask_for_feedback: "Ask for feedback after a sale",
            "نظرخواهی پس از فروش";
        send_survey: "Send survey",
            "فرستادن نظرسنجی";
        // kiosk recovery
        kiosk_recovery: "If you forget the PIN, this code also leaves kiosk mode; note it now:",
            "اگر رمز را فراموش کنید، این کد هم از حالت کیوسک خارج می‌شود؛ همین حالا یادداشتش کنید:";
        // link
        link_too_long_for_qr: "This link is too long for a QR code; copy it or send it as a message.",
            "این پیوند برای کد QR بیش از حد بلند است؛ آن را کپی کنید یا با پیام بفرستید.";
        // archive
        survey_archived: "Archived: kept with its answers, no longer offered",
            "بایگانی: با پاسخ‌هایش نگه داشته می‌شود ولی دیگر فرستاده نمی‌شود";
        archived: "archived",
            "بایگانی‌شده";
    } values {
        /// A question as the builder numbers it.
        question_number(n: i64):
            format!("Question {}", en(n)),
            format!("پرسش {}", fa(n));
        /// How many answered a question.
        answer_count(n: i64):
            en_count(n, "answer", "answers"),
            format!("{} پاسخ", fa(n));
        /// How many responses a survey has.
        response_count(n: i64):
            en_count(n, "response", "responses"),
            format!("{} پاسخ", fa(n));
    }
}
