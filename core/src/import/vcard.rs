//! vCard files as phones and mail programs export them: 2.1 (Android's
//! default, with quoted-printable UTF-8 for anything not ASCII), 3.0
//! (iPhone, Google) and 4.0. Only what a CRM customer needs is read (names,
//! phones, emails, organisation, title, addresses, note, birthday); every
//! other property is skipped.
//!
//! One broken card must not lose the other thousand, so problems are
//! collected per card with line numbers instead of failing the file. Values
//! are returned as written (phones not normalised, Arabic ي ک not folded):
//! cleaning belongs to the import rules that turn a contact into a customer.

use chrono::NaiveDate;

use super::text::windows_1256;
use crate::locale::to_ascii_digits;

/// The `TYPE` labels a CRM can use. Others (`INTERNET`, `X-…`, custom
/// labels) are dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TypeLabel {
    Home,
    Work,
    /// `CELL`, and Apple's `IPHONE`/`MOBILE`.
    Cell,
    Fax,
    Voice,
    Pager,
    Text,
    Main,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Phone {
    /// As written, without a `tel:` prefix.
    pub number: String,
    pub labels: Vec<TypeLabel>,
    /// `TYPE=PREF` (2.1, 3.0) or `PREF=n` (4.0).
    pub preferred: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Email {
    pub address: String,
    pub labels: Vec<TypeLabel>,
    pub preferred: bool,
}

/// `N`: the name in parts. Multiple values in a part stay comma-separated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StructuredName {
    pub family: String,
    pub given: String,
    pub additional: String,
    pub prefixes: String,
    pub suffixes: String,
}

/// `ORG`: the company, then its departments.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Organization {
    pub name: String,
    pub units: Vec<String>,
}

/// `ADR` in its seven parts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Address {
    pub po_box: String,
    pub extended: String,
    pub street: String,
    pub locality: String,
    pub region: String,
    pub postal_code: String,
    pub country: String,
    pub labels: Vec<TypeLabel>,
    pub preferred: bool,
}

/// Phones let people save a birthday without the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Birthday {
    Date(NaiveDate),
    MonthDay { month: u32, day: u32 },
}

/// One card. Empty strings and vectors mean the card did not say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VCardContact {
    /// Line of its `BEGIN:VCARD`, to point the user at it later.
    pub line: usize,
    /// `FN`, the name as displayed.
    pub formatted_name: String,
    pub name: Option<StructuredName>,
    pub phones: Vec<Phone>,
    pub emails: Vec<Email>,
    pub organization: Option<Organization>,
    pub title: String,
    pub addresses: Vec<Address>,
    /// Several `NOTE`s are joined with line breaks.
    pub note: String,
    pub birthday: Option<Birthday>,
}

impl VCardContact {
    /// `FN`, else the parts of `N` in reading order (given before family,
    /// as in Persian), else the organisation. 2.1 cards often lack `FN`.
    pub fn display_name(&self) -> String {
        if !self.formatted_name.is_empty() {
            return self.formatted_name.clone();
        }
        if let Some(n) = &self.name {
            let parts = [&n.prefixes, &n.given, &n.additional, &n.family, &n.suffixes];
            let joined = parts.iter().filter(|p| !p.is_empty()).map(|p| p.as_str()).collect::<Vec<_>>().join(" ");
            if !joined.is_empty() {
                return joined;
            }
        }
        self.organization.as_ref().map(|o| o.name.clone()).unwrap_or_default()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VCardProblem {
    /// The card has no `END:VCARD` before the next `BEGIN` or the end of
    /// the file (a cut-off file). The card is dropped: it may be half a card.
    MissingEnd,
    /// A line in a card that is not `NAME:value`. The line is skipped.
    MalformedLine,
    /// A quoted-printable value with a bad `=XX`. The property is skipped.
    BadQuotedPrintable,
    /// A `BDAY` that is not `19900315`, `1990-03-15`, `--0315` or `--03-15`.
    /// The birthday is left out; the card is kept.
    BadBirthday,
}

/// A problem in the card that begins on `card_line`, found on `line`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VCardError {
    pub card_line: usize,
    pub line: usize,
    pub problem: VCardProblem,
}

impl std::fmt::Display for VCardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // For logs only; users see the UI's translation of the variant.
        write!(f, "{self:?}")
    }
}

impl std::error::Error for VCardError {}

/// Every card read, and the problems met on the way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VCards {
    pub contacts: Vec<VCardContact>,
    pub errors: Vec<VCardError>,
}

/// Reads all cards in `text` (from [`super::decode`]). Text outside cards
/// is ignored. Never fails as a whole; see [`VCards::errors`].
pub fn read_vcards(text: &str) -> VCards {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = VCards::default();
    let mut card: Option<VCardContact> = None;
    let mut v21 = false;
    let mut lines = PhysicalLines { text, pos: 0, line: 0 }.peekable();
    while let Some((line, first)) = lines.next() {
        let head = Head::of(first);
        let mut logical = first.to_owned();
        while let Some(&(_, next)) = lines.peek() {
            if head.quoted_printable && logical.ends_with('=') && !is_end(next) {
                // A soft line break: the value goes on, verbatim.
                logical.pop();
                logical.push_str(next);
            } else if let Some(rest) = next.strip_prefix([' ', '\t']) {
                // Folding. 2.1 unfolds to the whitespace (RFC 822 style),
                // 3.0 and 4.0 drop it.
                logical.push_str(if v21 { next } else { rest });
            } else if head.base64 && !next.is_empty() && !next.contains(':') {
                // 2.1 base64 (photos) may run on unindented until a blank
                // line. We don't read photos; just keep them out of the way.
            } else {
                break;
            }
            lines.next();
        }

        let Some((name, params, value)) = split_property(&logical) else {
            if let Some(c) = &card {
                if !logical.trim().is_empty() {
                    out.errors.push(VCardError { card_line: c.line, line, problem: VCardProblem::MalformedLine });
                }
            }
            continue;
        };
        if name.eq_ignore_ascii_case("BEGIN") && value.trim().eq_ignore_ascii_case("VCARD") {
            if let Some(open) = card.take() {
                out.errors.push(VCardError { card_line: open.line, line, problem: VCardProblem::MissingEnd });
            }
            card = Some(VCardContact { line, ..Default::default() });
            v21 = false;
            continue;
        }
        let Some(c) = card.as_mut() else { continue };
        if name.eq_ignore_ascii_case("END") && value.trim().eq_ignore_ascii_case("VCARD") {
            out.contacts.extend(card.take());
            continue;
        }
        if name.eq_ignore_ascii_case("VERSION") {
            v21 = value.trim() == "2.1";
            continue;
        }
        if let Err(problem) = apply(c, name, &Params::parse(params), value) {
            out.errors.push(VCardError { card_line: c.line, line, problem });
        }
    }
    if let Some(open) = card {
        out.errors.push(VCardError {
            card_line: open.line,
            line: lines_total(text),
            problem: VCardProblem::MissingEnd,
        });
    }
    out
}

fn is_end(line: &str) -> bool {
    line.trim().eq_ignore_ascii_case("END:VCARD")
}

/// The last line number of the text, where a card cut off by its end stops.
fn lines_total(text: &str) -> usize {
    PhysicalLines { text, pos: 0, line: 0 }.last().map_or(1, |(n, _)| n)
}

/// What decides how the lines after a property's first line join it.
/// Looked at once, on the first physical line: parameters are never
/// folded in practice, and rescanning a growing line would be quadratic.
struct Head {
    quoted_printable: bool,
    base64: bool,
}

impl Head {
    fn of(first: &str) -> Head {
        let params = split_property(first).map_or("", |(_, p, _)| p);
        let p = Params::parse(params);
        Head { quoted_printable: p.quoted_printable, base64: p.base64 }
    }
}

/// Parameters reduced to what we use.
#[derive(Default)]
struct Params<'a> {
    labels: Vec<TypeLabel>,
    preferred: bool,
    quoted_printable: bool,
    base64: bool,
    charset: Option<&'a str>,
    /// Apple marks a birthday without a year by this placeholder year.
    omit_year: Option<&'a str>,
}

impl<'a> Params<'a> {
    /// `params` is everything between the name and the colon, each
    /// parameter starting with `;`. Handles 2.1's bare `;CELL`, 3.0's
    /// repeated `;type=cell;type=pref` and 4.0's `;TYPE="cell,voice";PREF=1`.
    fn parse(params: &'a str) -> Params<'a> {
        let mut p = Params::default();
        for param in split_unquoted(params, b';').skip(1) {
            let (key, value) = match param.split_once('=') {
                Some((k, v)) => (k.trim(), v.trim()),
                None => ("", param.trim()),
            };
            if key.is_empty() || key.eq_ignore_ascii_case("TYPE") || key.eq_ignore_ascii_case("ENCODING") {
                for v in value.trim_matches('"').split(',') {
                    p.label(v.trim());
                }
            } else if key.eq_ignore_ascii_case("PREF") {
                p.preferred = true;
            } else if key.eq_ignore_ascii_case("CHARSET") {
                p.charset = Some(value.trim_matches('"'));
            } else if key.eq_ignore_ascii_case("X-APPLE-OMIT-YEAR") {
                p.omit_year = Some(value.trim_matches('"'));
            }
        }
        p
    }

    /// A bare 2.1 parameter may be a type or an encoding, so both go here.
    fn label(&mut self, v: &str) {
        let label = match v.to_ascii_uppercase().as_str() {
            "HOME" => TypeLabel::Home,
            "WORK" => TypeLabel::Work,
            "CELL" | "MOBILE" | "IPHONE" => TypeLabel::Cell,
            "FAX" => TypeLabel::Fax,
            "VOICE" => TypeLabel::Voice,
            "PAGER" => TypeLabel::Pager,
            "TEXT" => TypeLabel::Text,
            "MAIN" => TypeLabel::Main,
            "PREF" => {
                self.preferred = true;
                return;
            }
            "QUOTED-PRINTABLE" => {
                self.quoted_printable = true;
                return;
            }
            "BASE64" | "B" => {
                self.base64 = true;
                return;
            }
            _ => return,
        };
        if !self.labels.contains(&label) {
            self.labels.push(label);
        }
    }
}

/// Stores one property on the card.
fn apply(c: &mut VCardContact, name: &str, p: &Params, raw: &str) -> Result<(), VCardProblem> {
    let name = name.to_ascii_uppercase();
    if !matches!(name.as_str(), "FN" | "N" | "TEL" | "EMAIL" | "ORG" | "TITLE" | "ADR" | "NOTE" | "BDAY") {
        return Ok(());
    }
    let decoded;
    let value = if p.quoted_printable {
        let bytes = decode_quoted_printable(raw).ok_or(VCardProblem::BadQuotedPrintable)?;
        decoded = bytes_to_text(bytes, p.charset);
        decoded.as_str()
    } else {
        raw
    };
    let text = || unescape(value).trim().to_owned();
    let labels = || p.labels.clone();
    match name.as_str() {
        "FN" if c.formatted_name.is_empty() => c.formatted_name = text(),
        "N" => {
            let [family, given, additional, prefixes, suffixes] = components(value);
            let n = StructuredName { family, given, additional, prefixes, suffixes };
            if n != StructuredName::default() {
                c.name = Some(n);
            }
        }
        "TEL" => {
            let number = text();
            let number = match number.get(..4) {
                Some(scheme) if scheme.eq_ignore_ascii_case("tel:") => number[4..].trim().to_owned(),
                _ => number,
            };
            if !number.is_empty() {
                c.phones.push(Phone { number, labels: labels(), preferred: p.preferred });
            }
        }
        "EMAIL" => {
            let address = text();
            if !address.is_empty() {
                c.emails.push(Email { address, labels: labels(), preferred: p.preferred });
            }
        }
        "ORG" => {
            let mut parts = split_unquoted_escaped(value).map(|s| unescape(s).trim().to_owned());
            let name = parts.next().unwrap_or_default();
            let units: Vec<String> = parts.filter(|u| !u.is_empty()).collect();
            if !name.is_empty() || !units.is_empty() {
                c.organization = Some(Organization { name, units });
            }
        }
        "TITLE" => c.title = text(),
        "ADR" => {
            let parts: [String; 7] = components(value);
            if parts.iter().any(|s| !s.is_empty()) {
                let [po_box, extended, street, locality, region, postal_code, country] = parts;
                let (labels, preferred) = (labels(), p.preferred);
                c.addresses.push(Address {
                    po_box,
                    extended,
                    street,
                    locality,
                    region,
                    postal_code,
                    country,
                    labels,
                    preferred,
                });
            }
        }
        "NOTE" => {
            let note = text();
            if !note.is_empty() {
                if !c.note.is_empty() {
                    c.note.push('\n');
                }
                c.note.push_str(&note);
            }
        }
        "BDAY" => c.birthday = Some(parse_birthday(value, p.omit_year).ok_or(VCardProblem::BadBirthday)?),
        _ => {}
    }
    Ok(())
}

/// The first `N` `;`-separated parts of a structured value, unescaped and
/// trimmed; missing parts are empty, extra parts ignored.
fn components<const N: usize>(value: &str) -> [String; N] {
    let mut parts = split_unquoted_escaped(value);
    std::array::from_fn(|_| parts.next().map(|s| unescape(s).trim().to_owned()).unwrap_or_default())
}

/// Splits a structured value on `;` not escaped by a backslash.
fn split_unquoted_escaped(value: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(value);
    std::iter::from_fn(move || {
        let s = rest?;
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => i += 2,
                b';' => {
                    rest = Some(&s[i + 1..]);
                    return Some(&s[..i]);
                }
                _ => i += 1,
            }
        }
        rest = None;
        Some(s)
    })
}

/// `\n` and `\N` to a line break; `\,` `\;` `\:` `\\` to the character.
/// Any other backslash is kept: it was probably meant.
fn unescape(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(e @ (',' | ';' | ':' | '\\')) => out.push(e),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Quoted-printable to bytes. Soft line breaks were joined while reading
/// lines; a lone `=` left at the very end is one with nothing after it.
fn decode_quoted_printable(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'=' {
            out.push(b[i]);
            i += 1;
        } else if i + 1 == b.len() {
            break;
        } else {
            let hex = |c: Option<&u8>| (*c? as char).to_digit(16);
            out.push((hex(b.get(i + 1))? * 16 + hex(b.get(i + 2))?) as u8);
            i += 3;
        }
    }
    Some(out)
}

/// Decoded quoted-printable bytes to text: `CHARSET=windows-1256` as such,
/// anything else UTF-8 if valid. Old Persian phones left the charset out
/// over Windows-1256 bytes, hence the same fallback as whole files.
fn bytes_to_text(bytes: Vec<u8>, charset: Option<&str>) -> String {
    let cp1256 = charset.is_some_and(|c| c.eq_ignore_ascii_case("windows-1256") || c.eq_ignore_ascii_case("cp1256"));
    if !cp1256 {
        match String::from_utf8(bytes) {
            Ok(s) => return s,
            Err(e) => return windows_1256(e.as_bytes()),
        }
    }
    windows_1256(&bytes)
}

/// `19900315`, `1990-03-15` (also with a time after `T`, as some phones
/// write), `--0315` or `--03-15`, in any digits. Apple writes a year-less
/// date as year 1604 with `X-APPLE-OMIT-YEAR=1604`.
fn parse_birthday(value: &str, omit_year: Option<&str>) -> Option<Birthday> {
    let value = to_ascii_digits(value.trim());
    let date = value.split(['T', 't']).next()?;
    if let Some(md) = date.strip_prefix("--") {
        let md = match md.as_bytes() {
            [_, _, b'-', _, _] => md.replace('-', ""),
            _ => md.to_owned(),
        };
        let (month, day) = (number(md.get(..2)?)?, number(md.get(2..)?)?);
        // 2000 is a leap year, so 29 February is a valid birthday.
        NaiveDate::from_ymd_opt(2000, month, day)?;
        return Some(Birthday::MonthDay { month, day });
    }
    let compact = match date.as_bytes() {
        [_, _, _, _, b'-', _, _, b'-', _, _] => date.replace('-', ""),
        _ => date.to_owned(),
    };
    if compact.len() != 8 {
        return None;
    }
    let (year, month, day) = (number(&compact[..4])?, number(&compact[4..6])?, number(&compact[6..])?);
    if omit_year == Some(&compact[..4]) {
        NaiveDate::from_ymd_opt(2000, month, day)?;
        return Some(Birthday::MonthDay { month, day });
    }
    NaiveDate::from_ymd_opt(year as i32, month, day).map(Birthday::Date)
}

/// ASCII digits only: `str::parse` would also take a sign.
fn number(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `[group.]NAME;params:value` into name (group dropped), the raw
/// parameters (each starting with `;`) and the value. The colon is the
/// first one outside double quotes (4.0 may quote parameter values).
fn split_property(line: &str) -> Option<(&str, &str, &str)> {
    let colon = split_unquoted(line, b':').next().map(str::len).filter(|&n| n < line.len())?;
    let (head, value) = (&line[..colon], &line[colon + 1..]);
    let name_end = head.find(';').unwrap_or(head.len());
    let name = head[..name_end].rsplit('.').next().unwrap_or("").trim();
    if name.is_empty() {
        return None;
    }
    Some((name, &head[name_end..], value))
}

/// Splits on `sep` outside double quotes.
fn split_unquoted(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let s = rest?;
        let mut quoted = false;
        for (i, b) in s.bytes().enumerate() {
            match b {
                b'"' => quoted = !quoted,
                _ if b == sep && !quoted => {
                    rest = Some(&s[i + 1..]);
                    return Some(&s[..i]);
                }
                _ => {}
            }
        }
        rest = None;
        Some(s)
    })
}

/// Lines with their 1-based numbers; CRLF, LF and CR all end a line.
struct PhysicalLines<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
}

impl<'a> Iterator for PhysicalLines<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.pos..];
        let end = memchr::memchr2(b'\r', b'\n', rest.as_bytes()).unwrap_or(rest.len());
        let step = match rest.as_bytes().get(end..end + 2) {
            Some(b"\r\n") => 2,
            _ if end < rest.len() => 1,
            _ => 0,
        };
        self.pos += end + step;
        self.line += 1;
        Some((self.line, &rest[..end]))
    }
}

#[cfg(test)]
mod tests {
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
}
