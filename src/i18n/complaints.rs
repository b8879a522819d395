//! Complaints and their dashboard.

use super::words::{en, en_count, fa};

texts! {
    ComplaintTexts {
        // complaints
        complaints_title: "Complaints",
            "شکایت‌ها";
        complaint_new: "New complaint",
            "شکایت جدید";
        complaint_edit: "Complaint",
            "شکایت";
        complaints_filter_open: "Open",
            "باز";
        complaints_filter_all: "All",
            "همه";
        complaints_empty: "No complaints yet.",
            "هنوز شکایتی ثبت نشده است.";
        complaints_none_open: "No open complaints.",
            "شکایت بازی وجود ندارد.";
        complaints_open_by_severity: "Open complaints by severity",
            "شکایت‌های باز به تفکیک شدت";
        complaints_median_resolution: "Median time to resolve",
            "میانهٔ زمان رسیدگی";
        complaints_none_resolved: "No complaint resolved yet",
            "هنوز شکایتی حل نشده است";
        complaints_rate: "Complaints per 100 active customers, last 6 months",
            "شکایت به ازای هر ۱۰۰ مشتری فعال، ۶ ماه اخیر";
        complaint_opened_today: "opened today",
            "امروز ثبت شده";
        complaint_no_customer: "No customer",
            "بدون مشتری";
        complaint_description: "Description",
            "شرح شکایت";
        complaint_channel: "Received by",
            "راه دریافت";
        complaint_category: "Category",
            "موضوع";
        complaint_severity: "Severity",
            "شدت";
        complaint_owner: "Handled by",
            "مسئول رسیدگی";
        complaint_status: "Status",
            "وضعیت";
        complaint_resolution: "Resolution",
            "نتیجهٔ رسیدگی";
        complaint_note: "Note (optional)",
            "توضیح (اختیاری)";
        complaint_time_to_resolve: "Time to resolve",
            "مدت رسیدگی";
        complaint_history: "History",
            "تاریخچه";
        complaint_under_an_hour: "under an hour",
            "کمتر از یک ساعت";
        complaint_from_survey: "This complaint was opened from a survey response.",
            "این شکایت از پاسخ یک نظرسنجی ثبت شده است.";
        complaint_saved: "Complaint saved.",
            "شکایت ذخیره شد.";
        complaint_deleted: "Complaint deleted.",
            "شکایت حذف شد.";
        complaint_moved: "Complaint status changed.",
            "وضعیت شکایت تغییر کرد.";
        complaint_gone: "This complaint no longer exists.",
            "این شکایت دیگر وجود ندارد.";
        complaint_move_refused: "This complaint was changed elsewhere in the meantime; its current status is shown now.",
            "وضعیت این شکایت در این فاصله جای دیگری تغییر کرده است؛ وضعیت فعلی آن نمایش داده شد.";
        complaint_action_start: "Start handling",
            "شروع رسیدگی";
        complaint_action_resolve: "Mark resolved",
            "ثبت حل شدن";
        complaint_action_close: "Close",
            "بستن";
        complaint_status_new: "New",
            "جدید";
        complaint_status_in_progress: "In progress",
            "در حال رسیدگی";
        complaint_status_resolved: "Resolved",
            "حل‌شده";
        complaint_status_closed: "Closed",
            "بسته‌شده";
        complaint_channel_phone: "Phone",
            "تلفن";
        complaint_channel_email: "Email",
            "ایمیل";
        complaint_channel_visit: "In person",
            "حضوری";
        complaint_channel_survey: "Survey",
            "نظرسنجی";
        complaint_channel_website: "Website",
            "وب‌سایت";
        complaint_channel_social: "Social media",
            "شبکه‌های اجتماعی";
        complaint_channel_other: "Other",
            "سایر";
        complaint_category_product_quality: "Product quality",
            "کیفیت کالا";
        complaint_category_delivery: "Delivery",
            "ارسال و تحویل";
        complaint_category_service: "Service",
            "خدمات";
        complaint_category_billing: "Billing and payment",
            "صورت‌حساب و پرداخت";
        complaint_category_staff: "Staff conduct",
            "برخورد کارکنان";
        complaint_category_other: "Other",
            "سایر";
        complaint_severity_low: "Low",
            "کم";
        complaint_severity_medium: "Medium",
            "متوسط";
        complaint_severity_high: "High",
            "زیاد";
        complaint_severity_critical: "Critical",
            "بحرانی";
        complaint_tl_opened: "Complaint",
            "شکایت";
        complaint_tl_in_progress: "Complaint taken up",
            "رسیدگی به شکایت آغاز شد";
        complaint_tl_resolved: "Complaint resolved",
            "شکایت حل شد";
        complaint_tl_closed: "Complaint closed",
            "شکایت بسته شد";
        complaint_tl_reopened: "Complaint reopened",
            "شکایت دوباره باز شد";
        // complaint links
        complaint_deal: "Deal",
            "فرصت فروش";
    } values {
        complaint_opened_days_ago(n: i64):
            format!("opened {} ago", en_count(n, "day", "days")),
            format!("{n} روز پیش ثبت شده", n = fa(n));
        hours(n: i64):
            en_count(n, "hour", "hours"),
            format!("{} ساعت", fa(n));
        /// Complaints opened in a month, beside its rate.
        opened_count(n: i64):
            format!("({} opened)", en(n)),
            format!("({} ثبت‌شده)", fa(n));
    }
}
