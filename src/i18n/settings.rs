//! Settings: language, currency, storage, demo data and CSV import.

use super::words::{en, fa};

texts! {
    SettingsTexts {
        // settings
        settings: "Settings",
            "تنظیمات";
        language: "Language",
            "زبان";
        money_example: "Example",
            "نمونه";
        storage: "Device storage",
            "حافظهٔ دستگاه";
        storage_used: "Used",
            "مصرف‌شده";
        storage_persisted: "Persistent: the browser will not clear this data on its own.",
            "ماندگار: مرورگر این داده‌ها را خودکار پاک نمی‌کند.";
        storage_not_persisted: "Not persistent: the browser may clear this data when space runs low.",
            "ماندگار نیست: مرورگر ممکن است در کمبود فضا داده‌ها را پاک کند.";
        demo_data: "Demo data",
            "دادهٔ نمونه";
        demo_data_hint: "Adds sample customers to try Daftar out.",
            "برای آزمایش، مشتریان نمونه به دفتر اضافه می‌شوند.";
        load_demo: "Add",
            "افزودن";
        demo_loaded: "Demo data added.",
            "دادهٔ نمونه اضافه شد.";
        dup_same_phone: "same phone",
            "تلفن یکسان";
        dup_same_email: "same email",
            "ایمیل یکسان";
        dup_same_name: "same name",
            "نام یکسان";
        field_other: "Other fields",
            "سایر فیلدها";
        import_skip: "— skip —",
            "— نادیده گرفته شود —";
        // tasks and inbox
        your_name: "Your name (owner of your tasks)",
            "نام شما (مسئول کارهای شما)";
        your_name_hint: "Tasks assigned to this name, and unassigned ones, appear in your inbox.",
            "کارهایی که به این نام یا به هیچ‌کس سپرده شده‌اند در کارتابل شما می‌آیند.";
        allow_notifications: "Allow reminder notifications",
            "اجازهٔ اعلان یادآوری";
        // warranty and after-sales service
        demo_items_hint: "Items sold to the customers and of the products already here, to try the coverage check at scale.",
            "کالاهای فروخته‌شده به مشتریان و از کالاهای موجود، برای آزمودن استعلام گارانتی در مقیاس بزرگ.";
        demo_items_need_data: "Load demo customers and products first.",
            "ابتدا مشتریان و کالاهای نمونه را بارگذاری کنید.";
    } values {
        demo_items(n: i64):
            format!("Add {} demo installed items", en(n)),
            format!("افزودن {n} کالای فروخته‌شدهٔ نمونه", n = fa(n));
    }
}
