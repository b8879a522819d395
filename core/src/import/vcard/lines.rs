//! The line reader: physical lines, and splitting a property into name, parameters and value.

use super::types::TypeLabel;

pub(super) fn is_end(line: &str) -> bool {
    line.trim().eq_ignore_ascii_case("END:VCARD")
}

/// The last line number of the text, where a card cut off by its end stops.
pub(super) fn lines_total(text: &str) -> usize {
    PhysicalLines { text, pos: 0, line: 0 }.last().map_or(1, |(n, _)| n)
}

/// What decides how the lines after a property's first line join it.
/// Looked at once, on the first physical line: parameters are never
/// folded in practice, and rescanning a growing line would be quadratic.
pub(super) struct Head {
    pub(super) quoted_printable: bool,
    pub(super) base64: bool,
}

impl Head {
    pub(super) fn of(first: &str) -> Head {
        let params = split_property(first).map_or("", |(_, p, _)| p);
        let p = Params::parse(params);
        Head { quoted_printable: p.quoted_printable, base64: p.base64 }
    }
}

/// Parameters reduced to what we use.
#[derive(Default)]
pub(super) struct Params<'a> {
    pub(super) labels: Vec<TypeLabel>,
    pub(super) preferred: bool,
    pub(super) quoted_printable: bool,
    base64: bool,
    pub(super) charset: Option<&'a str>,
    /// Apple marks a birthday without a year by this placeholder year.
    pub(super) omit_year: Option<&'a str>,
}

impl<'a> Params<'a> {
    /// `params` is everything between the name and the colon, each
    /// parameter starting with `;`. Handles 2.1's bare `;CELL`, 3.0's
    /// repeated `;type=cell;type=pref` and 4.0's `;TYPE="cell,voice";PREF=1`.
    pub(super) fn parse(params: &'a str) -> Params<'a> {
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

/// `[group.]NAME;params:value` into name (group dropped), the raw
/// parameters (each starting with `;`) and the value. The colon is the
/// first one outside double quotes (4.0 may quote parameter values).
pub(super) fn split_property(line: &str) -> Option<(&str, &str, &str)> {
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
pub(super) struct PhysicalLines<'a> {
    pub(super) text: &'a str,
    pub(super) pos: usize,
    pub(super) line: usize,
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
