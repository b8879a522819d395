//! Sync with a CouchDB server, its review list and the survey inbox.

use super::words::{en, en_count, fa};

texts! {
    SyncTexts {
        // sync
        sync: "Sync",
            "همگام‌سازی";
        sync_hint: "Share this device's records with your team through a CouchDB server. Without one, Daftar works on this device alone.",
            "رکوردهای این دستگاه را از راه یک سرور CouchDB با تیم خود به اشتراک بگذارید. بدون سرور، دفتر فقط روی همین دستگاه کار می‌کند.";
        sync_server_url: "Server address",
            "نشانی سرور";
        sync_database: "Database",
            "پایگاه داده";
        sync_user: "User name",
            "نام کاربری";
        sync_password: "Password",
            "گذرواژه";
        sync_sign_in_method: "Sign-in",
            "روش ورود";
        sync_method_cookie: "Session (the password is not kept on this device)",
            "نشست (گذرواژه روی این دستگاه نگه داشته نمی‌شود)";
        sync_method_basic: "Basic (the password is kept on this device)",
            "ساده (گذرواژه روی این دستگاه نگه داشته می‌شود)";
        sync_method_none: "No sign-in",
            "بدون ورود";
        sync_test: "Test connection",
            "آزمایش اتصال";
        sync_save: "Save and sync",
            "ذخیره و همگام‌سازی";
        sync_now: "Sync now",
            "همین حالا همگام‌سازی کن";
        sync_sign_out: "Sign out",
            "خروج از حساب";
        sync_connection_ok: "Connected: the server and the database answer.",
            "اتصال برقرار است: سرور و پایگاه داده پاسخ می‌دهند.";
        sync_saved: "Saved. Syncing…",
            "ذخیره شد. همگام‌سازی در جریان است…";
        sync_signed_out: "Signed out. The records stay on this device.",
            "از حساب خارج شدید. رکوردها روی این دستگاه می‌مانند.";
        sync_bad_url: "Type the server address starting with https:// (or http:// on your own network).",
            "نشانی سرور را با https://‎ (یا در شبکهٔ خودتان با http://‎) شروع کنید.";
        sync_bad_database: "A database name starts with a lowercase English letter and has only lowercase letters, digits and _ $ ( ) + - /.",
            "نام پایگاه داده با یک حرف کوچک انگلیسی شروع می‌شود و فقط حرف کوچک انگلیسی، رقم و _ $ ( ) + - / دارد.";
        sync_unreachable: "The server cannot be reached. Check the address and that this device is online. Changes wait on this device.",
            "سرور در دسترس نیست. نشانی و اتصال این دستگاه به اینترنت را بررسی کنید. تغییرها روی این دستگاه منتظر می‌مانند.";
        sync_not_couch: "This address answers, but not as a CouchDB server. Check the address.",
            "این نشانی پاسخ می‌دهد، اما سرور CouchDB نیست. نشانی را بررسی کنید.";
        sync_wrong_password: "The user name or password is wrong.",
            "نام کاربری یا گذرواژه نادرست است.";
        sync_sign_in_again: "The server asks you to sign in again: open Sync in Settings.",
            "سرور می‌خواهد دوباره وارد شوید: همگام‌سازی را در تنظیمات باز کنید.";
        sync_status_offline: "Offline: changes wait on this device",
            "آفلاین: تغییرها روی این دستگاه منتظر می‌مانند";
        sync_status_starting: "Syncing…",
            "همگام‌سازی…";
        sync_status_failed: "Sync failed",
            "همگام‌سازی ناموفق بود";
        sync_review: "Review changes",
            "بازبینی تغییرها";
        sync_review_hint: "The same field was changed on two devices. The later change was kept: check it, or put the other value back.",
            "یک فیلد روی دو دستگاه تغییر کرده است. تغییر دیرتر نگه داشته شد: آن را بررسی کنید یا مقدار دیگر را برگردانید.";
        sync_kept: "Kept",
            "نگه داشته شد";
        sync_set_aside: "Other value",
            "مقدار دیگر";
        sync_keep_it: "Keep this",
            "همین بماند";
        sync_use_other: "Use the other value",
            "مقدار دیگر را بگذار";
        sync_nothing_to_review: "Nothing to review.",
            "موردی برای بازبینی نیست.";
        sync_empty_value: "(empty)",
            "(خالی)";
        sync_field: "Field",
            "فیلد";
        sync_inbox: "Survey inbox database (optional)",
            "پایگاه دادهٔ صندوق نظرسنجی (اختیاری)";
        sync_inbox_hint: "Survey links then send answers here by themselves; see README, “Survey inbox”.",
            "آن‌گاه پیوندهای نظرسنجی پاسخ‌ها را خودشان به این‌جا می‌فرستند؛ بخش «صندوق نظرسنجی» در README را ببینید.";
        sync_cookie_blocked: "Signed in, but this browser did not keep the server's sign-in cookie (the app and the server are on different sites). Choose Basic sign-in, or set CouchDB's cookie to SameSite=None; Secure (see the README).",
            "ورود انجام شد، اما این مرورگر کوکی ورود سرور را نگه نداشت (برنامه و سرور روی دو سایت جدا هستند). ورود ساده را برگزینید، یا کوکی CouchDB را SameSite=None; Secure کنید (README را ببینید).";
    } values {
        sync_cors(origin: &str):
            format!("The server answers but does not let this site in: CORS is not enabled for {origin}. The server's admin can enable it with:"),
            format!("سرور پاسخ می‌دهد اما به این سایت اجازهٔ دسترسی نمی‌دهد: CORS برای {origin} فعال نیست. مدیر سرور می‌تواند آن را این‌گونه فعال کند:");
        sync_no_database(db: &str):
            format!("There is no database named «{db}» on the server. Ask the server's admin to create it."),
            format!("پایگاه داده‌ای به نام «{db}» روی سرور نیست. از مدیر سرور بخواهید آن را بسازد.");
        sync_forbidden(db: &str):
            format!("This user may not open the database «{db}». Ask the server's admin for access."),
            format!("این کاربر اجازهٔ باز کردن پایگاه دادهٔ «{db}» را ندارد. از مدیر سرور دسترسی بخواهید.");
        sync_server_error(reason: &str):
            format!("The server refused: {reason}"),
            format!("سرور نپذیرفت: {reason}");
        sync_status_syncing(done: i64, total: i64):
            format!("Syncing {done} of {total}", done = en(done), total = en(total)),
            format!("همگام‌سازی {done} از {total}", done = fa(done), total = fa(total));
        sync_status_up_to_date(time: &str):
            format!("Up to date at {time}"),
            format!("به‌روز در {time}");
        sync_waiting(n: i64):
            format!("{n} waiting", n = en(n)),
            format!("{n} در انتظار", n = fa(n));
        sync_review_count(n: i64):
            format!("{n} to review", n = en(n)),
            format!("{n} مورد برای بازبینی", n = fa(n));
        sync_inbox_filed(filed: i64, refused: i64):
            format!("Survey inbox: {} filed, {} refused.", en_count(filed, "response", "responses"), en(refused)),
            format!("صندوق نظرسنجی: {filed} پاسخ ثبت شد، {refused} پاسخ پذیرفته نشد.", filed = fa(filed), refused = fa(refused));
        sync_inbox_error(reason: &str):
            format!("Survey inbox: {reason}"),
            format!("صندوق نظرسنجی: {reason}");
    }
}
