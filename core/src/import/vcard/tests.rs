//! Tests for the vCard reader: real exports from phones, then each rule and hostile input.

use chrono::NaiveDate;

use super::*;

fn check(input: &str, contacts: Vec<VCardContact>, errors: &[VCardError]) {
    let got = read_vcards(input);
    assert_eq!(got.contacts, contacts, "{input}");
    assert_eq!(got.errors, errors, "{input}");
}

fn phone(number: &str, labels: &[TypeLabel], preferred: bool) -> Phone {
    Phone { number: number.into(), labels: labels.to_vec(), preferred }
}

fn date(y: i32, m: u32, d: u32) -> Option<Birthday> {
    Some(Birthday::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap()))
}

fn err(card_line: usize, line: usize, problem: VCardProblem) -> VCardError {
    VCardError { card_line, line, problem }
}

use TypeLabel::*;

#[test]
fn android_2_1_quoted_printable_persian() {
    let input = "BEGIN:VCARD\r\n\
VERSION:2.1\r\n\
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D8=B1=D8=B6=D8=A7=DB=8C=DB=8C;=D8=B9=D9=84=DB=8C;;;\r\n\
FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D8=B9=D9=84=DB=8C=20=D8=B1=D8=B6=D8=A7=DB=8C=DB=8C\r\n\
TEL;CELL;PREF:0912 123 4567\r\n\
TEL;WORK;VOICE:021-88881234\r\n\
NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D9=85=D8=B4=D8=AA=D8=B1=DB=8C=20=D9=82=D8=AF=DB=8C=D9=85=DB=8C=D8=9B=20=D8=AE=\r\n\
=D9=88=D8=B4=E2=80=8C=D8=AD=D8=B3=D8=A7=D8=A8\r\n\
ORG;CHARSET=UTF-8;QUOTED-PRINTABLE:=D8=AA=D9=87=D8=B1=D8=A7=D9=86\r\n\
PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD\r\n\
/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4n\r\n\
\r\n\
BDAY:19900315\r\n\
END:VCARD\r\n";
    check(
        input,
        vec![VCardContact {
            line: 1,
            formatted_name: "علی رضایی".into(),
            name: Some(StructuredName {
                family: "رضایی".into(), given: "علی".into(), ..Default::default()
            }),
            phones: vec![phone("0912 123 4567", &[Cell], true), phone("021-88881234", &[Work, Voice], false)],
            organization: Some(Organization { name: "تهران".into(), units: vec![] }),
            note: "مشتری قدیمی؛ خوش\u{200c}حساب".into(),
            birthday: date(1990, 3, 15),
            ..Default::default()
        }],
        &[],
    );
}

#[test]
fn iphone_3_0() {
    let input = "BEGIN:VCARD
VERSION:3.0
PRODID:-//Apple Inc.//iPhone OS 17.0//EN
N:رضایی;مریم;;خانم;
FN:مریم رضایی
ORG:شرکت پارس;فروش;
TITLE:مدیر فروش
item1.TEL;type=CELL;type=VOICE;type=pref:+98 912 123 4567
item1.X-ABLabel:_$!<Mobile>!$_
TEL;type=IPHONE;type=CELL;type=VOICE:0935 123 4567
EMAIL;type=INTERNET;type=HOME;type=pref:maryam@example.ir
item2.ADR;type=HOME;type=pref:;;خیابان ولیعصر\\, پلاک ۱۲;تهران;تهران;1234567890;ایران
NOTE:مشتری قدیمی\\nخوش‌حساب\\; همیشه نقد
BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-15
PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQN
 DAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwL
END:VCARD
";
    check(
        input,
        vec![VCardContact {
            line: 1,
            formatted_name: "مریم رضایی".into(),
            name: Some(StructuredName {
                family: "رضایی".into(),
                given: "مریم".into(),
                prefixes: "خانم".into(),
                ..Default::default()
            }),
            phones: vec![
                phone("+98 912 123 4567", &[Cell, Voice], true),
                phone("0935 123 4567", &[Cell, Voice], false),
            ],
            emails: vec![Email { address: "maryam@example.ir".into(), labels: vec![Home], preferred: true }],
            organization: Some(Organization { name: "شرکت پارس".into(), units: vec!["فروش".into()] }),
            title: "مدیر فروش".into(),
            addresses: vec![Address {
                street: "خیابان ولیعصر, پلاک ۱۲".into(),
                locality: "تهران".into(),
                region: "تهران".into(),
                postal_code: "1234567890".into(),
                country: "ایران".into(),
                labels: vec![Home],
                preferred: true,
                ..Default::default()
            }],
            note: "مشتری قدیمی\nخوش\u{200c}حساب; همیشه نقد".into(),
            birthday: Some(Birthday::MonthDay { month: 3, day: 15 }),
        }],
        &[],
    );
}

#[test]
fn version_4_0_with_folding() {
    let input = "BEGIN:VCARD\nVERSION:4.0\nFN:Ali Rez\n aei\nN:Rezaei;Ali;;Dr.;\n\
TEL;TYPE=\"cell,voice\";VALUE=uri;PREF=1:tel:+98-912-123-4567\n\
TEL;VALUE=uri;TYPE=work:TEL:+98-21-8888-1234\n\
EMAIL;TYPE=work:ali@example.com\nBDAY:--0315\nNOTE:line one\\n\n\tline two\nX-UNKNOWN;FOO=bar:ignored\nEND:VCARD\n";
    check(
        input,
        vec![VCardContact {
            line: 1,
            formatted_name: "Ali Rezaei".into(),
            name: Some(StructuredName {
                family: "Rezaei".into(),
                given: "Ali".into(),
                prefixes: "Dr.".into(),
                ..Default::default()
            }),
            phones: vec![
                phone("+98-912-123-4567", &[Cell, Voice], true),
                phone("+98-21-8888-1234", &[Work], false),
            ],
            emails: vec![Email { address: "ali@example.com".into(), labels: vec![Work], preferred: false }],
            note: "line one\nline two".into(),
            birthday: Some(Birthday::MonthDay { month: 3, day: 15 }),
            ..Default::default()
        }],
        &[],
    );
}

#[test]
fn folding_keeps_whitespace_only_in_2_1() {
    for (version, want) in [("2.1", "Ali Rezaei"), ("3.0", "AliRezaei")] {
        let input = format!("BEGIN:VCARD\r\nVERSION:{version}\r\nFN:Ali\r\n Rezaei\r\nEND:VCARD");
        assert_eq!(read_vcards(&input).contacts[0].formatted_name, want, "{version}");
    }
}

#[test]
fn tel_parameter_syntaxes() {
    let cases: &[(&str, Phone)] = &[
        ("TEL;CELL:0912", phone("0912", &[Cell], false)),
        ("TEL;TYPE=CELL:0912", phone("0912", &[Cell], false)),
        ("TEL;type=cell;type=pref:0912", phone("0912", &[Cell], true)),
        ("TEL;TYPE=WORK,FAX:0912", phone("0912", &[Work, Fax], false)),
        ("TEL;TYPE=\"cell,voice\";VALUE=uri:tel:+98912", phone("+98912", &[Cell, Voice], false)),
        ("TEL;VALUE=uri;PREF=1;TYPE=\"home\":tel:+98912", phone("+98912", &[Home], true)),
        ("TEL;HOME;PREF;PAGER:0912", phone("0912", &[Home, Pager], true)),
        ("TEL;TYPE=X-Custom;TYPE=text:0912", phone("0912", &[Text], false)),
        ("item3.TEL;type=MAIN:0912", phone("0912", &[Main], false)),
        ("tel:0912", phone("0912", &[], false)),
        ("TEL: ۰۹۱۲ ", phone("۰۹۱۲", &[], false)),
    ];
    for (line, want) in cases {
        let input = format!("BEGIN:VCARD\nVERSION:3.0\n{line}\nEND:VCARD\n");
        assert_eq!(read_vcards(&input).contacts[0].phones, std::slice::from_ref(want), "{line}");
    }
}

#[test]
fn birthdays() {
    let cases: &[(&str, Option<&str>, Option<Birthday>)] = &[
        ("19900315", None, date(1990, 3, 15)),
        ("1990-03-15", None, date(1990, 3, 15)),
        ("1990-03-15T00:00:00Z", None, date(1990, 3, 15)),
        ("۱۹۹۰-۰۳-۱۵", None, date(1990, 3, 15)),
        ("--0315", None, Some(Birthday::MonthDay { month: 3, day: 15 })),
        ("--03-15", None, Some(Birthday::MonthDay { month: 3, day: 15 })),
        ("--0229", None, Some(Birthday::MonthDay { month: 2, day: 29 })),
        ("1604-02-29", Some("1604"), Some(Birthday::MonthDay { month: 2, day: 29 })),
        ("19900230", None, None),
        ("1990-3-15", None, None),
        ("--1315", None, None),
        ("--03", None, None),
        ("1990", None, None),
        ("circa 1800", None, None),
        ("", None, None),
        ("+1990-03-15", None, None),
    ];
    for &(value, omit, want) in cases {
        assert_eq!(parse_birthday(value, omit), want, "{value}");
    }
}

#[test]
fn a_broken_card_does_not_sink_the_file() {
    let input = "BEGIN:VCARD\n\
VERSION:3.0\n\
FN:Cut off\n\
BEGIN:VCARD\n\
FN:Good\n\
BDAY:1990-13-01\n\
this line has no colon\n\
FN;ENCODING=QUOTED-PRINTABLE:=ZZ\n\
END:VCARD\n\
END:VCARD\n\
junk between cards\n\
BEGIN:VCARD\n\
FN:Second\n\
END:VCARD\n\
BEGIN:VCARD\n\
FN:Truncated\n";
    check(
        input,
        vec![
            VCardContact { line: 4, formatted_name: "Good".into(), ..Default::default() },
            VCardContact { line: 12, formatted_name: "Second".into(), ..Default::default() },
        ],
        &[
            err(1, 4, VCardProblem::MissingEnd),
            err(4, 6, VCardProblem::BadBirthday),
            err(4, 7, VCardProblem::MalformedLine),
            err(4, 8, VCardProblem::BadQuotedPrintable),
            err(15, 16, VCardProblem::MissingEnd),
        ],
    );
}

#[test]
fn qp_soft_break_does_not_swallow_end() {
    let input =
        "BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE:Ali=\nEND:VCARD\nBEGIN:VCARD\nFN:B\nEND:VCARD\n";
    let got = read_vcards(input);
    assert_eq!(got.contacts.iter().map(|c| c.formatted_name.as_str()).collect::<Vec<_>>(), ["Ali", "B"]);
    assert!(got.errors.is_empty());
}

#[test]
fn charsets_inside_quoted_printable() {
    // "علي" in Windows-1256, declared and undeclared.
    for params in [";CHARSET=windows-1256", ""] {
        let input = format!("BEGIN:VCARD\nVERSION:2.1\nFN{params};ENCODING=QUOTED-PRINTABLE:=DA=E1=ED\nEND:VCARD");
        assert_eq!(read_vcards(&input).contacts[0].formatted_name, "علي", "{params}");
    }
}

#[test]
fn escapes_and_structured_values() {
    assert_eq!(unescape(r"a\,b\;c\nd\Ne\\f\:g\xh\"), "a,b;c\nd\ne\\f:g\\xh\\");
    let parts: Vec<&str> = split_unquoted_escaped(r"a\;b;c;;d\\;e").collect();
    assert_eq!(parts, [r"a\;b", "c", "", r"d\\", "e"]);
    let [a, b, c]: [String; 3] = components("x;y");
    assert_eq!((a.as_str(), b.as_str(), c.as_str()), ("x", "y", ""));
}

#[test]
fn display_name_falls_back() {
    let mut c = VCardContact {
        name: Some(StructuredName { family: "رضایی".into(), given: "علی".into(), ..Default::default() }),
        ..Default::default()
    };
    assert_eq!(c.display_name(), "علی رضایی");
    c.formatted_name = "Ali".into();
    assert_eq!(c.display_name(), "Ali");
    let org = VCardContact {
        organization: Some(Organization { name: "پارس".into(), units: vec![] }),
        ..Default::default()
    };
    assert_eq!(org.display_name(), "پارس");
    assert_eq!(VCardContact::default().display_name(), "");
}

#[test]
fn hostile_inputs() {
    check("", vec![], &[]);
    check(&"\n".repeat(1_000_000), vec![], &[]);
    check(
        "\u{feff}BEGIN:VCARD\rFN:CR only\rEND:VCARD",
        vec![VCardContact { line: 1, formatted_name: "CR only".into(), ..Default::default() }],
        &[],
    );
    // A card of a million folded lines, and one of a million
    // soft-broken quoted-printable lines: linear, not quadratic.
    let folded = format!("BEGIN:VCARD\nNOTE:x{}\nEND:VCARD\n", "\n y".repeat(1_000_000));
    assert_eq!(read_vcards(&folded).contacts[0].note.len(), 1_000_001);
    let soft = format!("BEGIN:VCARD\nNOTE;QUOTED-PRINTABLE:{}x\nEND:VCARD\n", "=41=\n".repeat(1_000_000));
    assert_eq!(read_vcards(&soft).contacts[0].note.len(), 1_000_001);
    // A property name with nothing else, colons only, NULs.
    let got = read_vcards("BEGIN:VCARD\n:\n::::\n;;;:x\nFN:\0\nEND:VCARD");
    assert_eq!(got.contacts[0].formatted_name, "\0");
    assert_eq!(got.errors.len(), 3);
}
