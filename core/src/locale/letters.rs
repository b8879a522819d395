//! Which characters a normalised text holds, as the bits of one `u128`: a
//! bit of its own for each Latin letter, digit and Persian letter (what
//! people type into search), the other characters sharing the rest. A text
//! missing a bit of the query cannot match it, and a one-character term with
//! a bit of its own is answered by the bit alone: the first keystroke of a
//! query, which matches most texts, then costs one mask test per text
//! instead of a substring search.

pub type Letters = u128;

const PERSIAN: [char; 33] = ['ا', 'آ', 'ب', 'پ', 'ت', 'ث', 'ج', 'چ', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'ژ', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ', 'ف', 'ق', 'ک', 'گ', 'ل', 'م', 'ن', 'و', 'ه', 'ی'];
/// Bits 0–25 are a–z, 26–35 the digits, then the Persian letters; the rest
/// are shared.
const OWN: u32 = 36 + PERSIAN.len() as u32;
const SHARED: u32 = 128 - OWN;
const NONE: u8 = u8::MAX;

/// The Arabic block's characters that have a bit of their own.
const ARABIC_BLOCK: [u8; 256] = {
    let mut table = [NONE; 256];
    let mut i = 0;
    while i < PERSIAN.len() {
        table[(PERSIAN[i] as u32 - 0x600) as usize] = 36 + i as u8;
        i += 1;
    }
    table
};

/// The character's bit, and whether no other character shares it.
#[inline]
fn bit_of(c: char) -> (u32, bool) {
    let own = match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26 + c as u32 - '0' as u32,
        '\u{600}'..='\u{6FF}' if ARABIC_BLOCK[c as usize - 0x600] != NONE => ARABIC_BLOCK[c as usize - 0x600] as u32,
        _ => return (OWN + c as u32 % SHARED, false),
    };
    (own, true)
}

/// The bits of every character of `text` but spaces and line ends (which no term holds).
pub fn letters_of(text: &str) -> Letters {
    // Two 64-bit halves: a 128-bit shift is a function call in wasm, and
    // this runs over every customer's text at each start.
    let (mut low, mut high) = (0u64, 0u64);
    for c in text.chars().filter(|&c| c != ' ' && c != '\n') {
        match bit_of(c).0 {
            bit @ 0..64 => low |= 1 << bit,
            bit => high |= 1 << (bit - 64),
        }
    }
    (high as Letters) << 64 | low as Letters
}

/// Whether a text's bits alone tell that it contains `term`: `term` is one
/// character with a bit of its own.
pub fn answers(term: &str) -> bool {
    let mut chars = term.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if bit_of(c).1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_bits_are_distinct_and_shared_ones_are_not_trusted() {
        let owned: Vec<char> = ('a'..='z').chain('0'..='9').chain(PERSIAN).collect();
        let mut bits: Vec<u32> = owned.iter().map(|&c| bit_of(c).0).collect();
        bits.sort_unstable();
        bits.dedup();
        assert_eq!(bits.len(), owned.len());
        assert!(owned.iter().all(|&c| answers(&c.to_string())));
        assert!(!answers("-") && !answers("ab") && !answers("é") && !answers(""));
        assert!(bits.iter().all(|&b| b < OWN));
    }

    #[test]
    fn a_text_holds_the_bits_of_its_characters() {
        let bits = letters_of("کریمی df1-0001");
        for c in "کریمیdf1-0".chars() {
            assert_ne!(bits & 1 << bit_of(c).0, 0, "{c}");
        }
        assert_eq!(bits & 1 << bit_of('ت').0, 0);
        assert_eq!(bits & 1 << bit_of('z').0, 0);
        assert_eq!(letters_of(" \n"), 0);
    }
}
