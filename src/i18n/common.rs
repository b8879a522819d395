//! Words every area shares: the shell, navigation, buttons, storage and date picking.

use super::words::{en_count, fa};

texts! {
    CommonTexts {
        app_name: "Daftar",
            "دفتر";
        nav_customers: "Customers",
            "مشتریان";
        nav_pipeline: "Pipeline",
            "قیف فروش";
        nav_surveys: "Surveys",
            "نظرسنجی";
        nav_warranty: "Warranty",
            "گارانتی";
        nav_reports: "Reports",
            "گزارش‌ها";
        nav_settings: "Settings",
            "تنظیمات";
        switch_language: "فارسی",
            "English";
        /// Between items of a list written out in a sentence.
        list_separator: ", ",
            "، ";
        /// Between two facts on one line ("Overdue · 3"). Persian uses a bar:
        /// a middle dot beside a Persian digit reads as a zero (۰).
        part_separator: " · ",
            " | ";
        nav_label: "Daftar areas",
            "بخش‌های دفتر";
        megabytes: "MB",
            "مگابایت";
        online: "Online",
            "آنلاین";
        offline: "Offline",
            "آفلاین";
        saved_on_device: "Saved on this device",
            "ذخیره روی همین دستگاه";
        storage_unavailable: "Browser storage is unavailable; changes will not be saved.",
            "حافظهٔ مرورگر در دسترس نیست؛ تغییرات ذخیره نمی‌شوند.";
        storage_outdated: "Daftar was updated in another tab; reload this page.",
            "دفتر در زبانهٔ دیگری به‌روز شد؛ این صفحه را دوباره بارگذاری کنید.";
        loading: "Loading…",
            "در حال بارگذاری…";
        not_found: "This page was not found.",
            "این صفحه پیدا نشد.";
        // customers list
        export_csv: "Export CSV",
            "خروجی CSV";
        // customer form and detail
        edit: "Edit",
            "ویرایش";
        save: "Save",
            "ذخیره";
        cancel: "Cancel",
            "انصراف";
        delete: "Delete",
            "حذف";
        undo: "Undo",
            "بازگردانی";
        saved: "Saved.",
            "ذخیره شد.";
        fix_errors: "Please fix the errors in the form; nothing was saved.",
            "لطفاً خطاهای فرم را برطرف کنید؛ چیزی ذخیره نشد.";
        field_name: "Name",
            "نام";
        field_phones: "Phones",
            "تلفن‌ها";
        field_owner: "Sales rep",
            "مسئول فروش";
        field_notes: "Notes",
            "یادداشت";
        date_hint: "e.g. 2024-08-02",
            "مانند ۱۴۰۳/۰۵/۱۲";
        created: "Created",
            "ایجاد";
        updated: "Last changed",
            "آخرین تغییر";
        // settings
        currency: "Currency",
            "واحد پول";
        update_ready: "A new version of Daftar is ready.",
            "نسخهٔ تازه‌ای از دفتر آماده است.";
        reload: "Reload",
            "بارگذاری دوباره";
        crash_notice: "Daftar hit an unexpected error and stopped. What you saved is safe; please reload the page.",
            "دفتر به خطای پیش‌بینی‌نشده‌ای خورد و متوقف شد. آنچه ذخیره کرده بودید محفوظ است؛ صفحه را دوباره بارگذاری کنید.";
        dismiss: "Later",
            "بعداً";
        bad_date: "Invalid date; write it as 2024-08-02.",
            "تاریخ نادرست است؛ به شکل ۱۴۰۳/۰۵/۱۲ بنویسید.";
        bad_time: "Invalid time; write it as 14:30.",
            "ساعت نادرست است؛ به شکل ۱۴:۳۰ بنویسید.";
        time_example: "e.g. 14:30",
            "مانند ۱۴:۳۰";
        pick_date: "Pick a date",
            "انتخاب تاریخ";
        previous_month: "Previous month",
            "ماه قبل";
        next_month: "Next month",
            "ماه بعد";
        today: "Today",
            "امروز";
        clear: "Clear",
            "پاک کردن";
        // classification
        not_set: "Not set",
            "تعیین نشده";
        // activities
        field_contact: "Contact",
            "شخص رابط";
        no_contact: "— none —",
            "— هیچ‌کدام —";
        // contacts
        remove: "Remove",
            "حذف";
        // tasks and inbox
        field_title: "Title",
            "عنوان";
        field_due_time: "Time",
            "ساعت";
        reopen: "Reopen",
            "بازگشایی";
        log_and_plan: "Log and plan next",
            "ثبت و برنامه بعدی";
        // global search
        close: "Close",
            "بستن";
        // pipeline
        field_price: "Price",
            "قیمت";
        // pipeline board
        change: "Change",
            "تغییر";
        // catalog
        add: "Add",
            "افزودن";
        nothing_yet: "Nothing here yet.",
            "هنوز چیزی ثبت نشده است.";
        // surveys
        no: "No",
            "خیر";
        product: "Product",
            "کالا";
        yes: "Yes",
            "بله";
        // scanner
        scan_with_camera: "Scan with the camera",
            "اسکن با دوربین";
        scan_hint: "Hold the code in front of the camera.",
            "کد را جلوی دوربین نگه دارید.";
        camera_unavailable: "The camera could not be used (not allowed, or in use). Type or paste the code instead.",
            "از دوربین نمی‌شود استفاده کرد (اجازه داده نشده یا در حال استفاده است). کد را بنویسید یا بچسبانید.";
        // warranty and after-sales service
        field_product: "Product",
            "کالا";
        field_status: "Status",
            "وضعیت";
        print: "Print",
            "چاپ";
        previous: "Previous",
            "قبلی";
        next: "Next",
            "بعدی";
        deleted: "Deleted.",
            "حذف شد.";
    } values {
        /// A number of days: "1 day", "3 days".
        days(n: i64):
            en_count(n, "day", "days"),
            format!("{} روز", fa(n));
        /// A number of months: "1 month", "12 months".
        months(n: i64):
            en_count(n, "month", "months"),
            format!("{} ماه", fa(n));
    }
}
