//! Customers: the list, the form, classification, merge and the customer page.

use super::words::{en_count, fa};

texts! {
    CustomerTexts {
        customers: "Customers",
            "مشتریان";
        unreadable: "This customer was saved by a newer version of Daftar; update Daftar to edit it.",
            "این مشتری با نسخهٔ تازه‌تری از دفتر ذخیره شده است؛ برای ویرایش، دفتر را به‌روز کنید.";
        // customers list
        search_customers: "Search name, phone, city, tag…",
            "جستجوی نام، تلفن، شهر، برچسب…";
        new_customer: "New customer",
            "مشتری جدید";
        export_failed: "This browser could not create the export file.",
            "ساختن فایل خروجی در این مرورگر ممکن نشد.";
        no_customers: "No customers yet.",
            "هنوز مشتری‌ای ثبت نشده است.";
        no_matches: "No customer matches this search.",
            "مشتری‌ای با این جستجو پیدا نشد.";
        // customer form and detail
        deleted_customer: "Customer deleted.",
            "مشتری حذف شد.";
        field_kind: "Kind",
            "نوع شخص";
        field_customer_type: "Customer type",
            "نوع مشتری";
        field_category: "Category / class",
            "دسته / طبقه";
        field_preferred_contact: "Preferred contact",
            "روش ترجیحی تماس";
        field_phones_hint: "Separate several numbers with commas",
            "چند شماره را با ویرگول جدا کنید";
        field_email: "Email",
            "ایمیل";
        field_address: "Address",
            "نشانی";
        field_city: "City",
            "شهر";
        field_province: "Province",
            "استان";
        field_tags: "Tags",
            "برچسب‌ها";
        field_tags_hint: "Separate with commas",
            "با ویرگول جدا کنید";
        field_national_id: "National ID",
            "کد ملی / شناسه ملی";
        field_economic_code: "Economic code",
            "کد اقتصادی";
        field_since: "Customer since",
            "مشتری از تاریخ";
        kind_person: "Person",
            "حقیقی";
        kind_company: "Company / organisation",
            "حقوقی (شرکت / سازمان)";
        type_end: "End customer",
            "مشتری نهایی";
        type_agent: "Agent / intermediary",
            "نماینده / واسطه";
        type_internal: "Internal customer",
            "مشتری داخلی";
        contact_phone: "Phone call",
            "تماس تلفنی";
        contact_sms: "SMS",
            "پیامک";
        contact_email: "Email",
            "ایمیل";
        contact_visit: "Visit",
            "بازدید حضوری";
        op_create: "created",
            "ایجاد شد";
        op_update: "edited",
            "ویرایش شد";
        op_delete: "deleted",
            "حذف شد";
        op_restore: "restored",
            "بازگردانی شد";
        // settings
        dup_title: "This customer may already exist:",
            "شاید این مشتری قبلاً ثبت شده باشد:";
        save_anyway: "Save anyway",
            "با این حال ذخیره شود";
        import_csv: "Import from a file",
            "ورود اطلاعات از فایل";
        import_choose_file: "Choose a CSV file (an Excel export, with commas, semicolons or tabs) or a phone's address book (vCard, .vcf).",
            "فایل CSV (خروجی Excel، با ویرگول، نقطه‌ویرگول یا تب) یا دفترچه تلفن گوشی (vCard، ‎.vcf‎) را انتخاب کنید.";
        import_pick_file: "Choose a file",
            "انتخاب فایل";
        import_other_file: "Another file",
            "فایل دیگر";
        import_column: "Column in the file",
            "ستون فایل";
        import_goes_to: "Goes to",
            "به فیلد";
        import_sample: "Sample",
            "نمونه";
        import_check: "Check rows",
            "بررسی سطرها";
        import_checking: "Checking rows…",
            "در حال بررسی سطرها…";
        import_cancel: "Cancel",
            "لغو";
        import_cancelled: "Check cancelled; nothing was saved.",
            "بررسی لغو شد؛ چیزی ذخیره نشد.";
        import_rows_ok: "valid rows",
            "سطر درست";
        import_rows_bad: "rows with errors",
            "سطر با خطا";
        import_line: "Line",
            "سطر";
        import_confirm: "Save the valid rows",
            "ذخیرهٔ سطرهای درست";
        import_nothing_yet: "Nothing is saved until you confirm. Rows with errors are not saved.",
            "تا وقتی تأیید نکنید، چیزی ذخیره نمی‌شود. سطرهای خطادار ذخیره نمی‌شوند.";
        import_done: "Customers imported from the file.",
            "مشتریان از فایل اضافه شدند.";
        import_need_name: "Choose which column holds the name.",
            "ستون «نام» را مشخص کنید.";
        import_unreadable: "This file could not be read.",
            "این فایل خوانده نشد.";
        import_more_problems: "more errors",
            "خطای دیگر";
        // classification
        field_loyalty: "Loyalty",
            "میزان وفاداری";
        field_value_segment: "Value segment",
            "بخش ارزشی";
        field_source: "Acquisition source",
            "روش جذب";
        field_lifecycle: "Lifecycle stage",
            "مرحله چرخه عمر";
        loyalty_loyal: "Loyal",
            "وفادار";
        loyalty_fairly: "Fairly loyal",
            "نسبتاً وفادار";
        loyalty_disloyal: "Disloyal",
            "بی‌وفا";
        loyalty_competitor: "Loyal to a competitor",
            "وفادار به رقیب";
        segment_a: "A — highest value",
            "الف — بیشترین ارزش";
        segment_b: "B — medium value",
            "ب — ارزش متوسط";
        segment_c: "C — lowest value",
            "ج — کمترین ارزش";
        source_referral: "Referral",
            "معرفی";
        source_website: "Website",
            "وب‌سایت";
        source_exhibition: "Exhibition",
            "نمایشگاه";
        source_cold_call: "Cold call",
            "تماس مستقیم";
        source_advertising: "Advertising",
            "تبلیغات";
        source_agent: "Agent",
            "نماینده";
        source_other: "Other",
            "سایر";
        stage_prospect: "Prospect",
            "مشتری بالقوه";
        stage_customer: "Customer",
            "مشتری";
        stage_developed: "Developed",
            "توسعه‌یافته";
        stage_at_risk: "At risk",
            "در معرض ریزش";
        stage_lost: "Lost",
            "از دست رفته";
        stage_won_back: "Won back",
            "بازگشته";
        last_contact: "Last contact",
            "آخرین ارتباط";
        days_since_purchase: "Days since last purchase",
            "روز از آخرین خرید";
        never: "Never",
            "هرگز";
        // merge
        merge: "Merge…",
            "ادغام…";
        merge_title: "Merge duplicate customers",
            "ادغام مشتریان تکراری";
        merge_pick: "Which customer is the same as this one?",
            "کدام مشتری همین مشتری است؟";
        merge_explain: "Everything of the other customer (activities, contacts, tasks, details this one lacks) moves here, and the other is removed. You can undo right after.",
            "همهٔ سوابق مشتری دیگر (فعالیت‌ها، اشخاص رابط، کارها و مشخصاتی که این مشتری ندارد) به این مشتری منتقل و مشتری دیگر حذف می‌شود. بلافاصله پس از آن می‌توانید برگردانید.";
        merge_confirm: "Merge into this customer",
            "ادغام در این مشتری";
        merged: "Customers merged.",
            "مشتریان ادغام شدند.";
        merge_none: "No likely duplicates found. Search for the other customer:",
            "مشتری مشابهی پیدا نشد. مشتری دیگر را جستجو کنید:";
        merged_into_note: "This customer was merged into another.",
            "این مشتری در مشتری دیگری ادغام شده است.";
        open_merged: "Open the customer it was merged into",
            "باز کردن مشتری مقصد ادغام";
        import_duplicates: "rows look like customers already in Daftar or earlier rows of this file",
            "سطر شبیه مشتریان ثبت‌شده یا سطرهای قبلی همین فایل است";
        import_skip_duplicates: "Skip these likely duplicates",
            "این موارد احتمالاً تکراری را ذخیره نکن";
        bucket_header: "Section",
            "بخش";
        // customer page
        new_complaint: "Log a complaint",
            "ثبت شکایت";
    } values {
        /// How many customers the list holds.
        customer_count(n: i64):
            en_count(n, "customer", "customers"),
            format!("{} مشتری", fa(n));
        days_ago(n: i64):
            format!("{} ago", en_count(n, "day", "days")),
            format!("{} روز پیش", fa(n));
    }
}
