use super::*;
use Currency::*;

#[test]
fn currency_codes() {
    for c in Currency::ALL {
        assert_eq!(Currency::from_code(c.code()), Some(c));
        assert_eq!(Currency::from_code(&c.code().to_lowercase()), Some(c));
    }
    assert_eq!(Currency::from_code("XYZ"), None);
    assert_eq!(Currency::from_code(""), None);
    assert_eq!(serde_json::to_string(&Irt).unwrap(), "\"IRT\"");
    assert_eq!(serde_json::from_str::<Currency>("\"AED\"").unwrap(), Aed);
    assert!(serde_json::from_str::<Currency>("\"irt\"").is_err());
}

#[test]
fn names_and_symbols() {
    assert_eq!(Irr.symbol(Lang::Fa), "ریال");
    assert_eq!(Irt.symbol(Lang::Fa), "تومان");
    assert_eq!(Usd.symbol(Lang::En), "$");
    assert_eq!(Eur.symbol(Lang::En), "€");
    assert_eq!(Irr.name(Lang::En), "Iranian rial");
    assert_eq!(Irr.decimals(), 0);
    assert_eq!(Usd.decimals(), 2);
    for c in Currency::ALL {
        for l in Lang::ALL {
            assert!(!c.name(l).is_empty() && !c.symbol(l).is_empty());
            assert!(
                !c.name(l).contains(['\u{064A}', '\u{0643}']),
                "Persian letters only"
            );
        }
    }
}

#[test]
fn format_persian() {
    assert_eq!(format_money(12_345, Irr, Lang::Fa), "۱۲٬۳۴۵ ریال");
    assert_eq!(format_money(1_500_000, Irt, Lang::Fa), "۱٬۵۰۰٬۰۰۰ تومان");
    assert_eq!(format_money(0, Irt, Lang::Fa), "۰ تومان");
    assert_eq!(format_money(-999, Irr, Lang::Fa), "-۹۹۹ ریال");
    assert_eq!(format_money(123_456, Usd, Lang::Fa), "۱٬۲۳۴٫۵۶ دلار");
    assert_eq!(format_money(5, Eur, Lang::Fa), "۰٫۰۵ یورو");
}

#[test]
fn format_english() {
    assert_eq!(format_money(123_456, Usd, Lang::En), "$1,234.56");
    assert_eq!(format_money(-123_456, Usd, Lang::En), "-$1,234.56");
    assert_eq!(format_money(100, Eur, Lang::En), "€1.00");
    assert_eq!(format_money(123_450, Aed, Lang::En), "1,234.50 AED");
    assert_eq!(format_money(1_000, Irr, Lang::En), "1,000 Rial");
    assert_eq!(format_money(999, Irt, Lang::En), "999 Toman");
    assert_eq!(format_money(-1, Usd, Lang::En), "-$0.01");
    assert_eq!(format_money(0, Usd, Lang::En), "$0.00");
}

#[test]
fn format_extremes() {
    assert_eq!(
        format_money(i64::MAX, Irr, Lang::En),
        "9,223,372,036,854,775,807 Rial"
    );
    assert_eq!(
        format_money(i64::MIN, Irr, Lang::En),
        "-9,223,372,036,854,775,808 Rial"
    );
    assert_eq!(
        format_money(i64::MIN, Usd, Lang::En),
        "-$92,233,720,368,547,758.08"
    );
}

#[test]
fn parse_plain_and_grouped() {
    assert_eq!(parse_money("12345", Irr), Ok(12_345));
    assert_eq!(parse_money("12,345", Irr), Ok(12_345));
    assert_eq!(parse_money("۱۲٬۳۴۵", Irr), Ok(12_345));
    assert_eq!(parse_money("١٢,٣٤٥", Irr), Ok(12_345));
    assert_eq!(parse_money("۱۲،۳۴۵", Irr), Ok(12_345));
    assert_eq!(parse_money("  1,000,000  ", Irt), Ok(1_000_000));
    assert_eq!(parse_money("۱2٣", Irr), Ok(123), "mixed scripts");
    assert_eq!(parse_money("0", Irr), Ok(0));
    assert_eq!(parse_money("-0", Irr), Ok(0));
}

#[test]
fn parse_decimals() {
    assert_eq!(parse_money("1234.56", Usd), Ok(123_456));
    assert_eq!(parse_money("1,234.5", Usd), Ok(123_450));
    assert_eq!(parse_money("۱٬۲۳۴٫۵۶", Eur), Ok(123_456));
    assert_eq!(parse_money("12", Usd), Ok(1_200));
    assert_eq!(parse_money(".5", Usd), Ok(50));
    assert_eq!(
        parse_money("1.500", Usd),
        Ok(150),
        "extra zeros are harmless"
    );
    assert_eq!(parse_money("1000.00", Irr), Ok(1_000));
    assert_eq!(
        parse_money("1.505", Usd),
        Err(MoneyError::TooManyDecimals { max: 2 })
    );
    assert_eq!(
        parse_money("10.5", Irr),
        Err(MoneyError::TooManyDecimals { max: 0 })
    );
}

#[test]
fn parse_signs_and_symbols() {
    assert_eq!(parse_money("-12", Irr), Ok(-12));
    assert_eq!(parse_money("\u{2212}12", Irr), Ok(-12));
    assert_eq!(parse_money("+12", Irr), Ok(12));
    assert_eq!(parse_money("-$1,234.56", Usd), Ok(-123_456));
    assert_eq!(parse_money("12 USD", Usd), Ok(1_200));
    assert_eq!(parse_money("usd 12", Usd), Ok(1_200));
    assert_eq!(parse_money("۵۰۰ تومان", Irt), Ok(500));
    assert_eq!(
        parse_money("5 AED", Usd),
        Err(MoneyError::InvalidCharacter(' '))
    );
    assert_eq!(
        parse_money("۵۰۰ ریال", Irt),
        Err(MoneyError::InvalidCharacter(' '))
    );
}

#[test]
fn parse_refuses_garbage() {
    use MoneyError::*;
    assert_eq!(parse_money("", Irr), Err(Empty));
    assert_eq!(parse_money(" \t\u{A0} ", Irr), Err(Empty));
    assert_eq!(parse_money("-", Irr), Err(NoDigits));
    assert_eq!(parse_money("$", Usd), Err(NoDigits));
    assert_eq!(parse_money("abc", Irr), Err(InvalidCharacter('a')));
    assert_eq!(parse_money("12a", Irr), Err(InvalidCharacter('a')));
    assert_eq!(parse_money("--5", Irr), Err(InvalidCharacter('-')));
    assert_eq!(parse_money("1 000", Irr), Err(InvalidCharacter(' ')));
    assert_eq!(parse_money("1e5", Irr), Err(InvalidCharacter('e')));
    assert_eq!(parse_money("1,50", Usd), Err(MisplacedSeparator));
    assert_eq!(parse_money("1,,000", Irr), Err(MisplacedSeparator));
    assert_eq!(parse_money(",100", Irr), Err(MisplacedSeparator));
    assert_eq!(parse_money("100,", Irr), Err(MisplacedSeparator));
    assert_eq!(parse_money("1234,567", Irr), Err(MisplacedSeparator));
    assert_eq!(parse_money("1,2345", Irr), Err(MisplacedSeparator));
    assert_eq!(parse_money("1,23.4", Usd), Err(MisplacedSeparator));
    assert_eq!(parse_money("1.2.3", Usd), Err(MisplacedSeparator));
    assert_eq!(parse_money("12.", Usd), Err(MisplacedSeparator));
    assert_eq!(parse_money("1.2,3", Usd), Err(MisplacedSeparator));
    assert_eq!(parse_money(".", Usd), Err(NoDigits));
    assert_eq!(parse_money(",", Irr), Err(MisplacedSeparator));
}

#[test]
fn parse_overflow_and_huge_input() {
    assert_eq!(parse_money("9223372036854775807", Irr), Ok(i64::MAX));
    assert_eq!(parse_money("-9223372036854775808", Irr), Ok(i64::MIN));
    assert_eq!(
        parse_money("9223372036854775808", Irr),
        Err(MoneyError::Overflow)
    );
    assert_eq!(
        parse_money("92233720368547758.08", Usd),
        Err(MoneyError::Overflow)
    );
    assert_eq!(parse_money("-92233720368547758.08", Usd), Ok(i64::MIN));
    assert_eq!(
        parse_money(&"9".repeat(1_000_000), Irr),
        Err(MoneyError::Overflow)
    );
    assert_eq!(
        parse_money(&",".repeat(1_000_000), Irr),
        Err(MoneyError::MisplacedSeparator)
    );
    let zeros = format!("1.{}", "0".repeat(1_000_000));
    assert_eq!(parse_money(&zeros, Usd), Ok(100));
}

#[test]
fn format_then_parse_round_trips() {
    let samples = [
        0,
        1,
        -1,
        9,
        10,
        99,
        100,
        999,
        1_000,
        -1_000,
        123_456_789,
        i64::MAX,
        i64::MIN,
    ];
    for c in Currency::ALL {
        for l in Lang::ALL {
            for &v in &samples {
                let s = format_money(v, c, l);
                assert_eq!(parse_money(&s, c), Ok(v), "{s}");
            }
        }
    }
}

#[test]
fn rial_toman_conversion() {
    assert_eq!(rial_to_toman(10), 1);
    assert_eq!(rial_to_toman(14), 1);
    assert_eq!(rial_to_toman(15), 2);
    assert_eq!(rial_to_toman(-15), -2);
    assert_eq!(rial_to_toman(-14), -1);
    assert_eq!(rial_to_toman(0), 0);
    assert_eq!(rial_to_toman(i64::MAX), i64::MAX / 10 + 1);
    assert_eq!(rial_to_toman(i64::MIN), i64::MIN / 10 - 1);
    assert_eq!(toman_to_rial(150), Some(1_500));
    assert_eq!(toman_to_rial(-3), Some(-30));
    assert_eq!(toman_to_rial(i64::MAX), None);
    assert_eq!(toman_to_rial(i64::MIN), None);
}

#[test]
fn an_amount_is_the_money_without_its_symbol() {
    for (minor, currency, lang) in [(-123_456, Usd, Lang::En), (-123_456, Usd, Lang::Fa), (12_345, Irt, Lang::Fa), (1_250_000, Aed, Lang::En), (0, Eur, Lang::En)] {
        let money = format_money(minor, currency, lang);
        let amount = format_amount(minor, currency, lang);
        assert_eq!(money.replace(currency.symbol(lang), "").trim(), amount, "{money}");
        assert!(!amount.contains(currency.symbol(lang)));
    }
    assert_eq!(format_amount(-123_456, Usd, Lang::En), "-1,234.56");
    assert_eq!(format_amount(12_345, Irt, Lang::Fa), "۱۲٬۳۴۵");
}
