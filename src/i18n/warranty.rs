//! Warranty and after-sales service: items, coverage, claims, visits, contracts and renewals.

use super::words::{en, en_count, fa};

texts! {
    WarrantyTexts {
        // warranty and after-sales service
        warranty_check: "Coverage check",
            "استعلام گارانتی";
        warranty_check_title: "Is it under warranty?",
            "آیا گارانتی دارد؟";
        warranty_items: "Installed base",
            "اقلام فروخته‌شده";
        warranty_claims: "Service requests",
            "درخواست‌های خدمات";
        warranty_visits: "Service visits",
            "بازدیدهای سرویس";
        warranty_contracts: "Service contracts",
            "قراردادهای خدمات";
        warranty_renewals: "Renewals",
            "تمدیدها";
        field_serial: "Serial number",
            "شماره سریال";
        field_date: "Date",
            "تاریخ";
        technician: "Technician",
            "تکنسین";
        coverage_serial_label: "Type or scan the serial number",
            "شماره سریال را وارد یا اسکن کنید";
        coverage_did_you_mean: "Did you mean:",
            "منظورتان این بود؟";
        cov_covered: "Under warranty",
            "در گارانتی";
        cov_soon: "Ending soon",
            "رو به پایان";
        cov_expired: "Expired",
            "منقضی‌شده";
        cov_void: "Void",
            "باطل‌شده";
        cov_not_started: "Not started",
            "شروع‌نشده";
        cov_none: "No warranty",
            "بدون گارانتی";
        cov_in_extension: "(extended warranty)",
            "(گارانتی تمدیدی)";
        cov_no_term: "This item was sold without a warranty.",
            "این کالا بدون گارانتی فروخته شده است.";
        item_new: "Register an item",
            "ثبت کالای فروخته‌شده";
        item_edit: "Edit item",
            "ویرایش کالا";
        item_open: "Open",
            "باز کردن";
        item_gone: "This item no longer exists.",
            "این کالا دیگر وجود ندارد.";
        item_saved: "Item saved.",
            "کالا ذخیره شد.";
        item_sold_on: "Sale date",
            "تاریخ فروش";
        item_installed_on: "Delivery / installation date",
            "تاریخ تحویل / نصب";
        item_start_policy: "Warranty starts on",
            "شروع گارانتی از";
        start_on_sale: "Sale",
            "تاریخ فروش";
        start_on_installation: "Installation",
            "تاریخ نصب";
        item_term_months: "Warranty term (months)",
            "مدت گارانتی (ماه)";
        item_calendar: "Months counted in",
            "ماه‌ها به تقویم";
        calendar_jalali_months: "Solar Hijri (Jalali) months",
            "ماه شمسی";
        calendar_gregorian_months: "Gregorian months",
            "ماه میلادی";
        item_parts_percent: "Parts covered (%)",
            "پوشش قطعه (٪)";
        item_labour_percent: "Labour covered (%)",
            "پوشش اجرت (٪)";
        item_exclusions: "Not covered",
            "موارد خارج از پوشش";
        item_exclusions_hint: "One per line, e.g. physical damage, power surges.",
            "هر مورد در یک سطر، مثلاً آسیب فیزیکی، نوسان برق.";
        item_transferable: "Transferable to a new owner",
            "قابل انتقال به مالک جدید";
        item_location: "Installed at",
            "محل نصب";
        item_extensions: "Extended warranties",
            "گارانتی‌های تمدیدی";
        item_transfers: "Transfers",
            "انتقال‌ها";
        item_extend: "Extend warranty",
            "تمدید گارانتی";
        item_extend_months: "Extra months",
            "ماه‌های اضافه";
        item_extend_numbers: "Type the months and the percentages as whole numbers.",
            "ماه‌ها و درصدها را به عدد صحیح وارد کنید.";
        item_transfer: "Transfer to another customer",
            "انتقال به مشتری دیگر";
        item_void: "Void the warranty",
            "ابطال گارانتی";
        transfer_on: "Transfer date",
            "تاریخ انتقال";
        transfer_not_allowed: "This item's warranty cannot be transferred.",
            "گارانتی این کالا قابل انتقال نیست.";
        transfer_same_customer: "Choose a different customer from the current owner.",
            "مشتری دیگری غیر از مالک فعلی انتخاب کنید.";
        transfer_no_customer: "Choose the new owner.",
            "مالک جدید را انتخاب کنید.";
        transfer_before_sale: "A transfer cannot be dated before the sale.",
            "تاریخ انتقال نمی‌تواند پیش از تاریخ فروش باشد.";
        void_on: "Void from",
            "باطل از تاریخ";
        void_reason: "Reason",
            "دلیل";
        items_filter: "Filter by serial, product or customer",
            "جست‌وجو با سریال، کالا یا مشتری";
        certificate: "Certificate",
            "کارت گارانتی";
        certificate_title: "Warranty certificate",
            "کارت گارانتی";
        certificate_number: "Certificate no.",
            "شماره کارت";
        certificate_start: "Warranty from",
            "شروع گارانتی";
        certificate_until: "Warranty until",
            "پایان گارانتی";
        certificate_coverage: "Coverage",
            "پوشش";
        certificate_terms: "The warranty covers faults in materials and workmanship under normal use. Keep this certificate; the QR code carries the serial number for a quick check.",
            "گارانتی، عیب‌های ناشی از مواد و ساخت در شرایط استفادهٔ عادی را پوشش می‌دهد. این کارت را نگه دارید؛ کد QR شماره سریال را برای استعلام سریع در بر دارد.";
        certificate_seller_sign: "Seller's signature and stamp",
            "مهر و امضای فروشنده";
        certificate_issued: "Issued on",
            "تاریخ صدور";
        claim_new: "New service request",
            "درخواست خدمات جدید";
        claim_open: "Open the request",
            "ثبت درخواست";
        claim_saved: "Service request opened.",
            "درخواست خدمات ثبت شد.";
        claim_gone: "This service request no longer exists.",
            "این درخواست دیگر وجود ندارد.";
        claim_pick_item: "Find the item first: check its serial number, then open a request from there.",
            "ابتدا کالا را پیدا کنید: سریال را استعلام کنید و از همان‌جا درخواست ثبت کنید.";
        claim_problem: "What is wrong",
            "شرح مشکل";
        claim_reported_on: "Reported on",
            "تاریخ اعلام";
        claim_channel: "Reported by",
            "روش اعلام";
        claim_channel_phone: "Phone",
            "تلفن";
        claim_channel_on_site: "At the customer's site",
            "در محل مشتری";
        claim_channel_carried_in: "Brought to us",
            "مراجعه حضوری";
        claim_channel_email: "Email",
            "ایمیل";
        claim_channel_other: "Other",
            "سایر";
        claim_not_covered: "Not covered on the day it was reported: everything is billable.",
            "در روز اعلام تحت پوشش نبود؛ همهٔ هزینه‌ها با مشتری است.";
        claim_status_open: "Open",
            "باز";
        claim_status_diagnosed: "Diagnosed",
            "عیب‌یابی‌شده";
        claim_status_approved: "Approved",
            "تأییدشده";
        claim_status_rejected: "Rejected",
            "ردشده";
        claim_status_in_repair: "In repair",
            "در تعمیر";
        claim_status_resolved: "Resolved",
            "رفع‌شده";
        claim_status_closed: "Closed",
            "بسته‌شده";
        claim_to_diagnosed: "Diagnosed",
            "عیب‌یابی شد";
        claim_to_approved: "Approve",
            "تأیید";
        claim_to_rejected: "Reject",
            "رد";
        claim_to_in_repair: "Start repair",
            "شروع تعمیر";
        claim_to_resolved: "Resolved",
            "رفع شد";
        claim_to_closed: "Close",
            "بستن";
        claim_note: "Note (the reason, when rejecting)",
            "یادداشت (هنگام رد، دلیل آن)";
        claim_moved: "Now:",
            "اکنون:";
        claim_reason_needed: "Write why the request is rejected.",
            "دلیل رد درخواست را بنویسید.";
        claim_changed_elsewhere: "This request was changed meanwhile (perhaps in another tab). Look again and retry.",
            "این درخواست در این فاصله تغییر کرده است (شاید در زبانهٔ دیگری). دوباره نگاه کنید و تکرار کنید.";
        claim_diagnosis: "Diagnosis",
            "عیب‌یابی";
        claim_reject_reason: "Rejected because",
            "دلیل رد";
        claim_resolution: "Resolution",
            "نتیجه";
        claim_work: "Parts and labour",
            "قطعات و اجرت";
        claim_add_part: "Add a part",
            "افزودن قطعه";
        claim_labour_hours: "Labour hours",
            "ساعت کار";
        claim_labour_rate: "Rate per hour",
            "نرخ هر ساعت";
        claim_work_save: "Save parts and labour",
            "ذخیرهٔ قطعات و اجرت";
        claim_work_saved: "Parts and labour saved.",
            "قطعات و اجرت ذخیره شد.";
        claim_parts: "Parts",
            "قطعات";
        claim_labour: "Labour",
            "اجرت";
        claim_total: "Total",
            "جمع";
        claim_covered: "Warranty pays",
            "سهم گارانتی";
        claim_billable: "Customer pays",
            "سهم مشتری";
        claim_photos: "Photos",
            "عکس‌ها";
        photo_take: "Take a photo",
            "گرفتن عکس";
        photo_saving: "Saving…",
            "در حال ذخیره…";
        photo_unreadable: "That file could not be read as a picture.",
            "این فایل به‌عنوان عکس خوانده نشد.";
        claims_empty: "No service requests yet.",
            "هنوز درخواستی ثبت نشده است.";
        claims_none_anywhere: "No service requests yet. One is opened from the item's page: find it by its serial under Coverage check.",
            "هنوز درخواستی ثبت نشده است. درخواست از صفحهٔ کالای فروخته‌شده باز می‌شود: آن را با شمارهٔ سریال در «استعلام گارانتی» پیدا کنید.";
        claims_figures: "Figures per product",
            "آمار هر کالا";
        figures_units: "Units sold",
            "تعداد فروخته‌شده";
        figures_per_100: "Requests per 100 units",
            "درخواست در هر ۱۰۰ واحد";
        figures_median_repair: "Median repair time",
            "میانهٔ زمان تعمیر";
        figures_cost: "Warranty cost",
            "هزینهٔ گارانتی";
        visit_new: "Plan a visit",
            "برنامه‌ریزی بازدید";
        visit_edit: "Service visit",
            "بازدید سرویس";
        visit_gone: "This visit no longer exists.",
            "این بازدید دیگر وجود ندارد.";
        visit_saved: "Visit saved.",
            "بازدید ذخیره شد.";
        visit_item: "Item",
            "کالا";
        visit_when: "Date",
            "تاریخ";
        visit_kind: "Kind of visit",
            "نوع بازدید";
        visit_kind_maintenance: "Scheduled maintenance",
            "سرویس دوره‌ای";
        visit_kind_repair: "Repair",
            "تعمیر";
        visit_kind_inspection: "Inspection",
            "بازرسی";
        visit_kind_installation: "Installation",
            "نصب";
        visit_duration: "Duration (minutes)",
            "مدت (دقیقه)";
        visit_status_scheduled: "Scheduled",
            "برنامه‌ریزی‌شده";
        visit_status_done: "Done",
            "انجام‌شده";
        visit_status_missed: "Missed",
            "انجام‌نشده";
        visit_status_cancelled: "Cancelled",
            "لغوشده";
        visit_report_needed: "Write the visit report first.",
            "ابتدا گزارش بازدید را بنویسید.";
        visit_mark_done: "Done, save the report",
            "انجام شد، ذخیرهٔ گزارش";
        visit_reopen: "Plan again",
            "برنامه‌ریزی دوباره";
        visits_day: "Day",
            "روز";
        visits_week: "Week",
            "هفته";
        visits_everyone: "Every technician",
            "همهٔ تکنسین‌ها";
        visits_none: "No visits.",
            "بازدیدی نیست.";
        visits_empty: "No visits yet.",
            "هنوز بازدیدی نیست.";
        contract_new: "New service contract",
            "قرارداد خدمات جدید";
        contract_edit: "Service contract",
            "قرارداد خدمات";
        contract_gone: "This contract no longer exists.",
            "این قرارداد دیگر وجود ندارد.";
        contract_saved: "Contract saved.",
            "قرارداد ذخیره شد.";
        contract_items: "Covered items",
            "اقلام تحت پوشش";
        contract_no_items: "Choose a customer with registered items to pick them here.",
            "مشتری‌ای با کالای ثبت‌شده انتخاب کنید تا اقلام اینجا بیاید.";
        contract_starts: "Starts on",
            "تاریخ شروع";
        contract_ends: "Ends on",
            "تاریخ پایان";
        contract_visits: "Visits included",
            "تعداد بازدید";
        contract_response_hours: "Response within (hours)",
            "زمان پاسخ‌گویی (ساعت)";
        contract_visits_planned: "Visits planned.",
            "بازدیدها برنامه‌ریزی شد.";
        contracts_empty: "No service contracts yet.",
            "هنوز قراردادی ثبت نشده است.";
        renewals_none: "Nothing ends in this window.",
            "در این بازه چیزی به پایان نمی‌رسد.";
        renewal_warranty: "Warranty",
            "گارانتی";
        renewal_contract: "Contract",
            "قرارداد";
        renew: "Renew",
            "تمدید";
        renewal_open_deal: "Renewal deal",
            "معاملهٔ تمدید";
        renewal_created: "Renewal deal and task created.",
            "معاملهٔ تمدید و کار پیگیری ساخته شد.";
        tl_item_sold: "Sold with warranty",
            "فروش با گارانتی";
        tl_item_extended: "Warranty extended",
            "تمدید گارانتی";
        tl_item_transferred: "Item transferred",
            "انتقال کالا";
        tl_item_voided: "Warranty voided",
            "ابطال گارانتی";
        tl_claim: "Service request",
            "درخواست خدمات";
        tl_service_visit: "Service visit",
            "بازدید سرویس";
        tl_contract: "Service contract",
            "قرارداد خدمات";
        item_owner: "Owner (changes only by a transfer)",
            "مالک (فقط با انتقال تغییر می‌کند)";
    } values {
        coverage_not_found(serial: &str):
            format!("No item with serial number «{serial}» is registered."),
            format!("کالایی با شماره سریال «{serial}» ثبت نشده است.");
        cov_until_left(date: &str, n: i64):
            format!("Covered until {date} — {} left.", en_count(n, "day", "days")),
            format!("تا {date} — {n} روز مانده.", n = fa(n));
        cov_ended_on(date: &str):
            format!("Ended on {date}."),
            format!("در {date} به پایان رسید.");
        cov_void_since(date: &str, reason: &str):
            format!("Void since {date}: {reason}"),
            format!("از {date} باطل شده است: {reason}");
        cov_awaiting_installation(n: i64):
            format!("Runs {} from installation; not installed yet.", en_count(n, "month", "months")),
            format!("از تاریخ نصب به مدت {n} ماه؛ هنوز نصب نشده است.", n = fa(n));
        cov_starts_on(date: &str):
            format!("Starts on {date}."),
            format!("از {date} شروع می‌شود.");
        cov_parts_labour(p: i64, l: i64):
            format!("Parts {p}% · Labour {l}%", p = en(p), l = en(l)),
            format!("قطعه {p}٪ | اجرت {l}٪", p = fa(p), l = fa(l));
        item_extension_line(n: i64):
            format!("{} more {}", en(n), if n == 1 { "month" } else { "months" }),
            format!("{n} ماه بیشتر", n = fa(n));
        items_count(n: i64):
            en_count(n, "item", "items"),
            format!("{n} کالا", n = fa(n));
        items_showing_of(shown: i64, n: i64):
            format!("Showing {} of {}: narrow the filter.", en(shown), en_count(n, "item", "items")),
            format!("نمایش {shown} از {n} کالا؛ جست‌وجو را دقیق‌تر کنید.", shown = fa(shown), n = fa(n));
        photo_limit(n: i64):
            format!("At most {} per request.", en_count(n, "photo", "photos")),
            format!("حداکثر {n} عکس برای هر درخواست.", n = fa(n));
        contract_visits_used(used: i64, n: i64):
            format!("{} of {} used", en(used), en_count(n, "visit", "visits")),
            format!("{used} از {n} بازدید انجام شده", used = fa(used), n = fa(n));
        contract_planned(n: i64):
            format!("{} planned.", en_count(n, "visit", "visits")),
            format!("{n} بازدید برنامه‌ریزی شده است.", n = fa(n));
        contract_plan(n: i64):
            format!("Plan {}", en_count(n, "maintenance visit", "maintenance visits")),
            format!("برنامه‌ریزی {n} بازدید دوره‌ای", n = fa(n));
        renewals_within(n: i64):
            format!("Within {}", en_count(n, "day", "days")),
            format!("تا {n} روز آینده", n = fa(n));
        renewals_reminder(n: i64):
            format!("{} within 30 days: offer a renewal.", en_count(n, "warranty or contract ends", "warranties or contracts end")),
            format!("{n} گارانتی یا قرارداد تا ۳۰ روز دیگر تمام می‌شود؛ تمدید را پیشنهاد دهید.", n = fa(n));
        renewal_ends(date: &str, n: i64):
            format!("Ends {date} ({})", en_count(n, "day", "days")),
            format!("پایان {date} ({n} روز)", n = fa(n));
        renewal_deal_title(title: &str):
            format!("Renewal: {title}"),
            format!("تمدید: {title}");
        renewal_task_title(customer: &str, title: &str):
            format!("Call {customer} about renewing {title}"),
            format!("تماس با {customer} برای تمدید {title}");
        tl_warranty_until(date: &str):
            format!("until {date}"),
            format!("تا {date}");
        claim_part_currency(currency: &str):
            format!("This part is priced in {currency}, which cannot be converted to the request's currency: change the part's currency in the catalog."),
            format!("قیمت این قطعه به {currency} است و درخواست آن را تبدیل نمی‌کند؛ واحد پول قطعه را در فهرست کالا تغییر دهید.");
        contract_response_line(n: i64):
            format!("Response within {n} h", n = en(n)),
            format!("پاسخ‌گویی تا {n} ساعت", n = fa(n));
    }
}
