//! Uploaded bytes to text. People import what their tools saved: Excel's
//! "CSV UTF-8" (with a BOM), its "Unicode text" (UTF-16 LE with a BOM),
//! phones' vCards (UTF-8, mostly without a BOM), and from older Persian
//! Windows installations plain "CSV" in Windows-1256. The detection order is
//! the order in which each guess can be wrong: a BOM is unambiguous, valid
//! UTF-8 is almost never an accident for Persian text, and Windows-1256 maps
//! every byte so it is the fallback that always succeeds.

/// Which encoding [`decode`] read the bytes as, so the UI can show it (and,
/// later, offer another if the names come out garbled).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark (also plain ASCII).
    Utf8,
    /// UTF-8 starting with EF BB BF, which was removed.
    Utf8Bom,
    /// UTF-16 little-endian, identified by its FF FE mark (removed).
    Utf16Le,
    /// UTF-16 big-endian, identified by its FE FF mark (removed).
    Utf16Be,
    /// Not valid UTF-8 and no BOM: read as the Persian/Arabic Windows code page.
    Windows1256,
}

/// Text ready for the CSV or vCard reader, and how it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
}

/// Why bytes could not be read as text. Only UTF-16 can fail: every byte
/// sequence is valid Windows-1256, the fallback for everything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextError {
    /// A UTF-16 file with an odd number of bytes after its BOM: truncated.
    Utf16OddLength,
    /// An unpaired surrogate at this byte offset (counting the BOM): the file
    /// is damaged or not UTF-16 at all.
    Utf16BadSurrogate { offset: usize },
}

impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // For logs only; users see the UI's translation of the variant.
        write!(f, "{self:?}")
    }
}

impl std::error::Error for TextError {}

const BOM_UTF8: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Reads uploaded bytes as text: a BOM decides (UTF-8, UTF-16 LE/BE), else
/// UTF-8 if the bytes are valid UTF-8, else Windows-1256.
///
/// Arabic yeh and kaf (ي ك, what Windows-1256 has) come out as they are;
/// folding them to Persian ی ک is the normaliser's job, not the decoder's.
pub fn decode(bytes: &[u8]) -> Result<Decoded, TextError> {
    if let Some(rest) = bytes.strip_prefix(BOM_UTF8) {
        // A BOM promises UTF-8; if the body breaks the promise, the BOM was
        // stuck on by a tool that did not convert, so fall back like a
        // file without one (the BOM itself is not 1256 text, drop it).
        return Ok(match std::str::from_utf8(rest) {
            Ok(s) => Decoded { text: s.to_owned(), encoding: Encoding::Utf8Bom },
            Err(_) => Decoded { text: windows_1256(rest), encoding: Encoding::Windows1256 },
        });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(Decoded { text: utf16(rest, u16::from_le_bytes)?, encoding: Encoding::Utf16Le });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(Decoded { text: utf16(rest, u16::from_be_bytes)?, encoding: Encoding::Utf16Be });
    }
    Ok(match std::str::from_utf8(bytes) {
        Ok(s) => Decoded { text: s.to_owned(), encoding: Encoding::Utf8 },
        Err(_) => Decoded { text: windows_1256(bytes), encoding: Encoding::Windows1256 },
    })
}

fn utf16(body: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, TextError> {
    if !body.len().is_multiple_of(2) {
        return Err(TextError::Utf16OddLength);
    }
    let units = body.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut text = String::with_capacity(body.len());
    // Units consumed so far, to say where a bad surrogate sits.
    let mut at = 0;
    for c in char::decode_utf16(units) {
        let c = c.map_err(|_| TextError::Utf16BadSurrogate { offset: 2 + 2 * at })?;
        at += c.len_utf16();
        text.push(c);
    }
    Ok(text)
}

/// Decodes Windows-1256. Infallible: the code page assigns every byte.
pub(crate) fn windows_1256(bytes: &[u8]) -> String {
    // Persian text is two UTF-8 bytes per letter; reserve for that.
    let mut text = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        text.push(if b < 0x80 { b as char } else { CP1256_HIGH[usize::from(b - 0x80)] });
    }
    text
}

/// Windows-1256 bytes 0x80..=0xFF (the lower half is ASCII), as Microsoft's
/// code page defines them; `testdata/cp1256_table.txt` checks every entry.
#[rustfmt::skip]
const CP1256_HIGH: [char; 128] = [
    '\u{20AC}', '\u{067E}', '\u{201A}', '\u{0192}', // 80 € پ ‚ ƒ
    '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', // 84
    '\u{02C6}', '\u{2030}', '\u{0679}', '\u{2039}', // 88
    '\u{0152}', '\u{0686}', '\u{0698}', '\u{0688}', // 8C   چ ژ
    '\u{06AF}', '\u{2018}', '\u{2019}', '\u{201C}', // 90 گ
    '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', // 94
    '\u{06A9}', '\u{2122}', '\u{0691}', '\u{203A}', // 98 ک (Persian keheh)
    '\u{0153}', '\u{200C}', '\u{200D}', '\u{06BA}', // 9C   ZWNJ (نیم‌فاصله) ZWJ
    '\u{00A0}', '\u{060C}', '\u{00A2}', '\u{00A3}', // A0   ، Arabic comma
    '\u{00A4}', '\u{00A5}', '\u{00A6}', '\u{00A7}', // A4
    '\u{00A8}', '\u{00A9}', '\u{06BE}', '\u{00AB}', // A8
    '\u{00AC}', '\u{00AD}', '\u{00AE}', '\u{00AF}', // AC
    '\u{00B0}', '\u{00B1}', '\u{00B2}', '\u{00B3}', // B0
    '\u{00B4}', '\u{00B5}', '\u{00B6}', '\u{00B7}', // B4
    '\u{00B8}', '\u{00B9}', '\u{061B}', '\u{00BB}', // B8   ؛
    '\u{00BC}', '\u{00BD}', '\u{00BE}', '\u{061F}', // BC   ؟
    '\u{06C1}', '\u{0621}', '\u{0622}', '\u{0623}', // C0   ء آ أ
    '\u{0624}', '\u{0625}', '\u{0626}', '\u{0627}', // C4         ا
    '\u{0628}', '\u{0629}', '\u{062A}', '\u{062B}', // C8 ب ة ت ث
    '\u{062C}', '\u{062D}', '\u{062E}', '\u{062F}', // CC ج ح خ د
    '\u{0630}', '\u{0631}', '\u{0632}', '\u{0633}', // D0 ذ ر ز س
    '\u{0634}', '\u{0635}', '\u{0636}', '\u{00D7}', // D4 ش ص ض ×
    '\u{0637}', '\u{0638}', '\u{0639}', '\u{063A}', // D8 ط ظ ع غ
    '\u{0640}', '\u{0641}', '\u{0642}', '\u{0643}', // DC ـ ف ق ك (Arabic kaf)
    '\u{00E0}', '\u{0644}', '\u{00E2}', '\u{0645}', // E0   ل   م
    '\u{0646}', '\u{0647}', '\u{0648}', '\u{00E7}', // E4 ن ه و
    '\u{00E8}', '\u{00E9}', '\u{00EA}', '\u{00EB}', // E8
    '\u{0649}', '\u{064A}', '\u{00EE}', '\u{00EF}', // EC ى ي (Arabic yeh)
    '\u{064B}', '\u{064C}', '\u{064D}', '\u{064E}', // F0 tanwin, fatha
    '\u{00F4}', '\u{064F}', '\u{0650}', '\u{00F7}', // F4
    '\u{0651}', '\u{00F9}', '\u{0652}', '\u{00FB}', // F8
    '\u{00FC}', '\u{200E}', '\u{200F}', '\u{06D2}', // FC   LRM RLM
];

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], text: &str, encoding: Encoding) {
        assert_eq!(decode(bytes), Ok(Decoded { text: text.into(), encoding }), "{bytes:02X?}");
    }

    #[test]
    fn detection_order() {
        let fa = "علی,۰۹۱۲";
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(fa.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(fa.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        let cases: &[(&[u8], &str, Encoding)] = &[
            (b"", "", Encoding::Utf8),
            (b"name,phone\r\n", "name,phone\r\n", Encoding::Utf8),
            (fa.as_bytes(), fa, Encoding::Utf8),
            (&[0xEF, 0xBB, 0xBF, b'a'], "a", Encoding::Utf8Bom),
            (&[0xEF, 0xBB, 0xBF], "", Encoding::Utf8Bom),
            (&le, fa, Encoding::Utf16Le),
            (&be, fa, Encoding::Utf16Be),
            (&[0xFF, 0xFE], "", Encoding::Utf16Le),
            // "علي" in Windows-1256: invalid UTF-8, so the fallback.
            (&[0xDA, 0xE1, 0xED], "علي", Encoding::Windows1256),
            // A BOM over a body that is not UTF-8: the BOM lied.
            (&[0xEF, 0xBB, 0xBF, 0xDA, 0xE1, 0xED], "علي", Encoding::Windows1256),
            // NUL is valid UTF-8 and passes through for the CSV reader.
            (b"a\0b", "a\0b", Encoding::Utf8),
        ];
        for (bytes, text, enc) in cases {
            check(bytes, text, *enc);
        }
    }

    #[test]
    fn utf16_surrogates() {
        // U+1F600 as a pair decodes; a lone high surrogate is refused.
        check(&[0xFF, 0xFE, 0x3D, 0xD8, 0x00, 0xDE], "\u{1F600}", Encoding::Utf16Le);
        assert_eq!(
            decode(&[0xFF, 0xFE, b'a', 0, 0x3D, 0xD8, b'b', 0]),
            Err(TextError::Utf16BadSurrogate { offset: 4 })
        );
        assert_eq!(decode(&[0xFE, 0xFF, 0xDC, 0x00]), Err(TextError::Utf16BadSurrogate { offset: 2 }));
        assert_eq!(decode(&[0xFF, 0xFE, b'a']), Err(TextError::Utf16OddLength));
    }

    #[test]
    fn every_high_byte_matches_python_cp1256() {
        let table = include_str!("testdata/cp1256_table.txt");
        let mut seen = 0;
        for line in table.lines().filter(|l| !l.starts_with('#')) {
            let (byte, cp) = line.split_once(' ').unwrap();
            let byte = u8::from_str_radix(byte, 16).unwrap();
            let want = char::from_u32(u32::from_str_radix(cp, 16).unwrap()).unwrap();
            assert_eq!(windows_1256(&[byte]), want.to_string(), "byte {byte:02X}");
            seen += 1;
        }
        assert_eq!(seen, 128);
        let ascii: Vec<u8> = (0..0x80).collect();
        assert_eq!(windows_1256(&ascii).as_bytes(), &ascii[..]);
    }

    #[test]
    fn arabic_yeh_and_kaf_are_not_folded_here() {
        assert_eq!(windows_1256(&[0xED, 0xDF, 0x98]), "\u{064A}\u{0643}\u{06A9}");
    }
}
