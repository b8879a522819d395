//! Sort order for names. Unicode puts the four Persian letters that Arabic
//! lacks (پ چ ژ گ) after all the others; a Persian reader expects them after
//! ب ج ز ک. The key maps the 32 letters of the Persian alphabet, in alphabet
//! order, to consecutive private-use code points (after Latin and digits).

const ALPHABET: [char; 32] = [
    'ا', 'ب', 'پ', 'ت', 'ث', 'ج', 'چ', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'ژ', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ', 'ف', 'ق',
    'ک', 'گ', 'ل', 'م', 'ن', 'و', 'ه', 'ی',
];
const FIRST_PRIVATE_USE: u32 = 0xE000;

/// A key whose byte order is Persian alphabetical order (for text already
/// normalised with `normalize_for_search`).
pub fn collation_key(normalized: &str) -> String {
    normalized
        .chars()
        .map(|c| match ALPHABET.iter().position(|&a| a == c) {
            Some(i) => char::from_u32(FIRST_PRIVATE_USE + i as u32).unwrap_or(c),
            None => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        v.sort_by_key(|n| collation_key(n));
        v
    }

    #[test]
    fn persian_letters_in_alphabet_order() {
        assert_eq!(sorted(&["گل", "کاوه", "بهرام", "پری", "ژاله", "زهرا", "چمران", "جواد"]), vec!["بهرام", "پری", "جواد", "چمران", "زهرا", "ژاله", "کاوه", "گل"]);
    }

    #[test]
    fn latin_and_digits_first_then_persian() {
        // Keys are made from normalised text, where every digit is already ASCII.
        assert_eq!(sorted(&["علی", "acme", "1"]), vec!["1", "acme", "علی"]);
    }

    #[test]
    fn the_alphabet_is_complete_and_unique() {
        let mut letters = ALPHABET.to_vec();
        letters.sort();
        letters.dedup();
        assert_eq!(letters.len(), 32);
    }
}
