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
//!
//! This file holds [`read_vcards`] and how each property lands on a card;
//! the public types are in `types`, the line reader in `lines` and value
//! decoding in `value`.

mod lines;
mod types;
mod value;

use lines::{is_end, lines_total, split_property, Head, Params, PhysicalLines};
pub use types::{
    Address, Birthday, Email, Organization, Phone, StructuredName, TypeLabel, VCardContact, VCardError, VCardProblem,
    VCards,
};
use value::{bytes_to_text, components, decode_quoted_printable, parse_birthday, split_unquoted_escaped, unescape};

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

#[cfg(test)]
mod tests;
