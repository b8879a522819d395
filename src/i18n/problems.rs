//! What is wrong with what the user typed or with the device's storage, in
//! words: field problems, storage errors, broken CSV files and contact cards.

use super::words::{en, en_count, fa};

texts! {
    ProblemTexts {
        // a field
        required: "This field is required.",
            "این فیلد را پر کنید.";
        phone_characters: "A phone number may only hold digits, spaces, dashes and a leading +.",
            "شماره تلفن فقط رقم، فاصله، خط تیره و + در ابتدا می‌پذیرد.";
        phone_length: "Incomplete phone number; e.g. 09121234567 or +44 20 7946 0958.",
            "شماره تلفن کامل نیست؛ مانند ۰۹۱۲۱۲۳۴۵۶۷ یا ۰۲۱۸۸۸۸۱۲۳۴.";
        email_format: "Not a valid email; e.g. name@example.com.",
            "ایمیل درست نیست؛ مانند name@example.com.";
        national_code: "A national code has 10 digits and a valid check digit.",
            "کد ملی باید ۱۰ رقم و معتبر باشد (رقم کنترل درست نیست).";
        legal_id: "A company national ID has 11 digits and a valid check digit.",
            "شناسه ملی شرکت باید ۱۱ رقم و معتبر باشد.";
        date: "Not a date; write it like 2024-08-02 or 1403/05/12.",
            "تاریخ خوانده نشد؛ مانند ۱۴۰۳/۰۵/۱۲ یا ۲۰۲۴-۰۸-۰۲ بنویسید.";
        economic_code: "An economic code has 10, 11 or 12 digits and must be valid.",
            "کد اقتصادی باید ۱۰، ۱۱ یا ۱۲ رقم و معتبر باشد.";
        number: "Write a number, e.g. 12 or 12.5.",
            "عدد بنویسید؛ مانند ۱۲ یا ۱۲٫۵.";
        duplicate: "This appears twice.",
            "این مقدار تکراری است.";
        serial_taken: "This serial number is already registered for this product.",
            "این شماره سریال برای همین کالا پیش‌تر ثبت شده است.";
        before_start: "This date is before the start date.",
            "این تاریخ پیش از تاریخ شروع است.";
        in_use: "Open deals still stand in it; move them to another stage first.",
            "هنوز فرصت‌های باز در آن است؛ نخست آن‌ها را به مرحله دیگری ببرید.";
        // the device's storage
        store_conflict: "This item was changed elsewhere at the same time (another tab or a sync). Reload and try again.",
            "این مورد همزمان جای دیگری (زبانهٔ دیگر یا همگام‌سازی) تغییر کرده است. صفحه را تازه کنید و دوباره امتحان کنید.";
        store_full: "The device is out of storage space; nothing was saved.",
            "فضای ذخیره‌سازی دستگاه پر است؛ چیزی ذخیره نشد.";
        store_failed: "This device's storage did not answer properly; if you were saving, nothing was saved. Try again or reload the page.",
            "حافظهٔ این دستگاه پاسخ درستی نداد؛ اگر در حال ذخیره بودید، چیزی ذخیره نشد. دوباره امتحان کنید یا صفحه را تازه کنید.";
        store_unreadable: "This was saved by a newer version of Daftar, or is damaged, and cannot be read here; nothing was changed. Reload the page to update the app.",
            "این مورد با نسخهٔ تازه‌تری از دفتر ذخیره شده یا آسیب دیده است و این‌جا خوانده نمی‌شود؛ چیزی تغییر نکرد. برای به‌روز شدن برنامه، صفحه را تازه کنید.";
        record_gone: "This was deleted meanwhile (perhaps in another tab); nothing was saved.",
            "این مورد در این میان (شاید در زبانهٔ دیگری) حذف شده است؛ چیزی ذخیره نشد.";
        changed_elsewhere: "This was changed meanwhile (perhaps in another tab). Look again and retry.",
            "این مورد در این میان (شاید در زبانهٔ دیگری) تغییر کرده است. دوباره نگاه کنید و باز امتحان کنید.";
        // a CSV file
        csv_no_header: "The file is empty or has no header row.",
            "فایل خالی است یا سطر عنوان ندارد.";
        // a contact card
        vcard_cut_off: "This card is cut off (no END:VCARD); it is not imported.",
            "این کارت تمام نشده است (END:VCARD ندارد)؛ وارد نمی‌شود.";
        vcard_bad_line: "A line of this card could not be read and was left out.",
            "یک سطر این کارت خوانده نشد و کنار گذاشته شد.";
        vcard_garbled: "A value of this card is garbled and was left out.",
            "یک مقدار این کارت خراب است و کنار گذاشته شد.";
        vcard_bad_birthday: "This card's birthday could not be read and was left out.",
            "تاریخ تولد این کارت خوانده نشد و کنار گذاشته شد.";
    } values {
        too_long(max: i64):
            format!("At most {}.", en_count(max, "character", "characters")),
            format!("حداکثر {} نویسه.", fa(max));
        too_many(max: i64):
            format!("At most {}.", en_count(max, "entry", "entries")),
            format!("حداکثر {} مورد.", fa(max));
        at_least(min: i64):
            format!("At least {}.", en(min)),
            format!("دست‌کم {}.", fa(min));
        between(min: i64, max: i64):
            format!("A number from {} to {}.", en(min), en(max)),
            format!("عددی از {} تا {}.", fa(min), fa(max));
        csv_open_quote(line: i64):
            format!("A quote (\") opened on line {} is never closed; reading stopped there.", en(line)),
            format!("در سطر {} یک گیومه (\") باز شده و بسته نشده است؛ خواندن فایل از این‌جا متوقف شد.", fa(line));
        csv_cell_count(found: i64, expected: i64):
            format!("This row has {} but the header has {}.", en_count(found, "cell", "cells"), en(expected)),
            format!("این سطر {} ستون دارد، ولی سطر عنوان {} ستون.", fa(found), fa(expected));
        csv_untitled_column(column: i64):
            format!("Column {} has no title.", en(column)),
            format!("ستون {} عنوان ندارد.", fa(column));
        csv_same_title(column: i64, first: i64):
            format!("Column {} has the same title as column {}.", en(column), en(first)),
            format!("عنوان ستون {} با ستون {} یکی است.", fa(column), fa(first));
    }
}
