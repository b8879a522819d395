//! What the language files use to write values into texts: counts in the
//! language's digits and digit groups, English plurals. Persian keeps the
//! noun singular after a number, so its texts write `fa(n)` and the noun.

use daftar_core::locale::{format_count, format_number, Lang};

/// A number in English digits with groups: `12,345`.
pub fn en(n: i64) -> String {
    format_number(n, Lang::En)
}

/// A number in Persian digits with groups: `۱۲٬۳۴۵`.
pub fn fa(n: i64) -> String {
    format_number(n, Lang::Fa)
}

/// An English count with its noun: "1 item", "2 items", "1,000 items".
pub fn en_count(n: i64, one: &str, many: &str) -> String {
    format_count(n, one, many, Lang::En)
}
