//! Everything that depends on who is reading: the Jalali calendar, Persian and
//! Arabic-Indic digits, money formatting, and the text folding that makes
//! search forgive the many ways Persian is typed.
//!
//! All functions are pure and allocation-light so they can run over every
//! customer on every keystroke, on the host in tests and in the browser alike.

mod calendar;
mod collate;
mod dates;
mod digits;
mod jalali;
mod letters;
mod money;
mod normalize;
mod numbers;
mod times;
mod search_text;

use serde::{Deserialize, Serialize};

pub use dates::{
    format_date, format_date_long, format_datetime_ms, format_datetime_ms_offset, parse_date,
    DateError,
};
pub use digits::{localize_digits, to_ascii_digits, to_persian_digits};
pub use jalali::{
    from_jalali, is_leap_jalali, month_len, month_name, to_jalali, JalaliDate, MONTH_NAMES_EN,
    MONTH_NAMES_FA,
};
pub use money::{format_amount, format_money, parse_money, rial_to_toman, toman_to_rial, Currency, MoneyError};
pub use times::{format_time, parse_time};
pub use numbers::{decimal_point, format_count, format_decimal, format_number, format_percent, percent_input};
pub use normalize::{matches, normalize_for_search, SearchQuery};
pub use search_text::SearchText;
pub use calendar::{day_number, week_start, weekday_labels, Month};
pub use collate::collation_key;

/// The interface language. Persian is the default because that is who the
/// product is for; English exists for staff and for debugging.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fa,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fa, Lang::En];

    /// BCP 47 primary language subtag, as used in `<html lang>` and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fa => "fa",
            Lang::En => "en",
        }
    }

    /// Accepts full tags such as `fa-IR` or `en_US` (what browsers report) by
    /// looking only at the primary subtag, case-insensitively.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("fa") {
            Some(Lang::Fa)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Fa)
    }

    /// Value for the HTML `dir` attribute, so the UI never re-derives it.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_default_is_persian() {
        assert_eq!(Lang::default(), Lang::Fa);
    }

    #[test]
    fn lang_codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
    }

    #[test]
    fn lang_from_browser_tags() {
        assert_eq!(Lang::from_code("fa-IR"), Some(Lang::Fa));
        assert_eq!(Lang::from_code("EN_us"), Some(Lang::En));
        assert_eq!(Lang::from_code(" en "), Some(Lang::En));
        assert_eq!(Lang::from_code(""), None);
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code("fas"), None);
        assert_eq!(Lang::from_code("فا"), None);
    }

    #[test]
    fn lang_direction() {
        assert!(Lang::Fa.is_rtl());
        assert!(!Lang::En.is_rtl());
        assert_eq!(Lang::Fa.dir(), "rtl");
        assert_eq!(Lang::En.dir(), "ltr");
    }

    #[test]
    fn lang_serde_uses_codes() {
        assert_eq!(serde_json::to_string(&Lang::Fa).unwrap(), "\"fa\"");
        assert_eq!(serde_json::from_str::<Lang>("\"en\"").unwrap(), Lang::En);
        assert!(serde_json::from_str::<Lang>("\"xx\"").is_err());
    }
}
