//! Many normalised texts laid end to end in one buffer, so a query scans them
//! in one sequential pass instead of one call per text: on 50,000 customers
//! this is what keeps a keystroke's search well inside a frame in wasm.

use super::letters::{answers, letters_of, Letters};
use super::normalize::SearchQuery;

/// Separates texts in the buffer; never produced by normalisation, so no
/// match can span two texts.
const SEPARATOR: u8 = b'\n';

#[derive(Clone, Debug, Default)]
pub struct SearchText {
    buf: Vec<u8>,
    /// `starts[i]` is where text `i` begins; one extra entry marks the end.
    starts: Vec<u32>,
    /// Which characters each text holds.
    letters: Vec<Letters>,
}

impl SearchText {
    /// `texts` must already be normalised (see `normalize_for_search`).
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        // Sized once: growing a buffer of megabytes copies it each time.
        let texts: Vec<&str> = texts.into_iter().collect();
        let mut buf = Vec::with_capacity(texts.iter().map(|t| t.len() + 1).sum());
        let mut starts = Vec::with_capacity(texts.len() + 1);
        let mut letters = Vec::with_capacity(texts.len());
        for t in texts {
            starts.push(buf.len() as u32);
            lay(&mut buf, t);
            letters.push(letters_of(t));
        }
        starts.push(buf.len() as u32);
        Self { buf, starts, letters }
    }

    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds a text (normalised) after the others; it is text `len()` then.
    pub fn push(&mut self, text: &str) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        lay(&mut self.buf, text);
        self.starts.push(self.buf.len() as u32);
        self.letters.push(letters_of(text));
    }

    /// Adds text `i` of `other` after the others, as laid out there, with
    /// its letters: cheaper than laying it out again.
    pub fn push_from(&mut self, other: &SearchText, i: usize) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        self.buf.extend_from_slice(other.text(i));
        self.starts.push(self.buf.len() as u32);
        self.letters.push(other.letters[i]);
    }

    /// Inserts a text (normalised) before text `i`: the texts from `i` on
    /// move one place up.
    pub fn insert(&mut self, i: usize, text: &str) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        let at = self.starts[i] as usize;
        let mut laid = Vec::with_capacity(text.len() + 1);
        lay(&mut laid, text);
        let grown = laid.len() as u32;
        self.buf.splice(at..at, laid);
        self.starts.insert(i, at as u32);
        for start in &mut self.starts[i + 1..] {
            *start += grown;
        }
        self.letters.insert(i, letters_of(text));
    }

    /// Empties text `i` in place (its bytes become spaces, which no search
    /// term holds), so the texts after it keep their positions.
    pub fn blank(&mut self, i: usize) {
        let (from, to) = (self.starts[i] as usize, self.starts[i + 1] as usize - 1);
        self.buf[from..to].fill(b' ');
        self.letters[i] = 0;
    }

    /// The texts `keep` says yes to, in order, laid out afresh (after many
    /// were blanked).
    pub fn retain(&self, keep: impl Fn(usize) -> bool) -> SearchText {
        let mut out = SearchText { buf: Vec::with_capacity(self.buf.len()), starts: Vec::with_capacity(self.starts.len()), letters: Vec::with_capacity(self.letters.len()) };
        out.starts.push(0);
        for i in (0..self.len()).filter(|&i| keep(i)) {
            out.buf.extend_from_slice(self.text(i));
            out.starts.push(out.buf.len() as u32);
            out.letters.push(self.letters[i]);
        }
        out
    }

    fn text(&self, i: usize) -> &[u8] {
        &self.buf[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// Positions of the texts containing every term, ascending.
    pub fn find_all(&self, q: &SearchQuery) -> Vec<u32> {
        let Some((first, rest)) = q.finders().split_first() else {
            return (0..self.len() as u32).collect();
        };
        let need = Need::of(q);
        if need.decided {
            // One letter or digit per term (a first keystroke): the bits answer.
            return (0..self.len() as u32).filter(|&i| need.allows(self.letters[i as usize])).collect();
        }
        let mut hits = Vec::new();
        let mut from = 0usize;
        let mut row = 0usize;
        while let Some(at) = first.find(&self.buf[from..]) {
            let pos = (from + at) as u32;
            // Texts are in buffer order, so the containing one is at or after `row`.
            row += self.starts[row..].partition_point(|&s| s <= pos) - 1;
            if need.allows(self.letters[row]) && rest.iter().all(|f| f.find(self.text(row)).is_some()) {
                hits.push(row as u32);
            }
            // One hit per text is enough: continue with the next text.
            from = self.starts[row + 1] as usize;
            row += 1;
            if from >= self.buf.len() {
                break;
            }
        }
        hits
    }

    /// Those of `within` whose text contains every term.
    pub fn refine(&self, q: &SearchQuery, within: &[u32]) -> Vec<u32> {
        let need = Need::of(q);
        within
            .iter()
            .copied()
            .filter(|&i| need.allows(self.letters[i as usize]) && (need.decided || q.finders().iter().all(|f| f.find(self.text(i as usize)).is_some())))
            .collect()
    }
}

/// Appends a text and its separator. Copied whole unless it holds a
/// separator (normalised texts never do): byte by byte, laying out 50,000
/// customers' texts took a quarter of decoding the list at start-up.
fn lay(buf: &mut Vec<u8>, text: &str) {
    if memchr::memchr(SEPARATOR, text.as_bytes()).is_none() {
        buf.extend_from_slice(text.as_bytes());
    } else {
        buf.extend(text.bytes().filter(|&b| b != SEPARATOR));
    }
    buf.push(SEPARATOR);
}

/// The characters a query's terms hold, and whether holding them is enough.
struct Need {
    letters: Letters,
    decided: bool,
}

impl Need {
    fn of(q: &SearchQuery) -> Need {
        Need { letters: q.terms().iter().fold(0, |bits, t| bits | letters_of(t)), decided: q.terms().iter().all(|t| answers(t)) }
    }

    fn allows(&self, letters: Letters) -> bool {
        letters & self.letters == self.letters
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::normalize_for_search;

    fn text(items: &[&str]) -> SearchText {
        let normalized: Vec<String> = items.iter().map(|s| normalize_for_search(s)).collect();
        SearchText::new(normalized.iter().map(String::as_str))
    }

    #[test]
    fn finds_each_text_once_in_order() {
        let t = text(&["aaa", "bab", "ccc", "a"]);
        assert_eq!(t.find_all(&SearchQuery::new("a")), vec![0, 1, 3]);
        assert_eq!(t.find_all(&SearchQuery::new("c")), vec![2]);
        assert_eq!(t.find_all(&SearchQuery::new("")), vec![0, 1, 2, 3]);
        assert_eq!(t.find_all(&SearchQuery::new("zz")), Vec::<u32>::new());
    }

    #[test]
    fn every_term_must_match_within_one_text() {
        let t = text(&["علی تهران", "رضا شیراز", "علی شیراز"]);
        assert_eq!(t.find_all(&SearchQuery::new("شیراز علي")), vec![2]);
        // "تهران" ends text 0 and "رضا" starts text 1: never one match.
        assert_eq!(t.find_all(&SearchQuery::new("تهرانرضا")), Vec::<u32>::new());
        assert_eq!(t.refine(&SearchQuery::new("شیراز"), &[0, 2]), vec![2]);
    }

    #[test]
    fn a_separator_inside_a_text_is_dropped_and_texts_stay_apart() {
        let mut t = SearchText::new(["ab\ncd", "ef"]);
        t.push("g\nh");
        assert_eq!(t.len(), 3);
        assert_eq!(t.find_all(&SearchQuery::new("abcd")), vec![0]);
        assert_eq!(t.find_all(&SearchQuery::new("ef")), vec![1]);
        assert_eq!(t.find_all(&SearchQuery::new("gh")), vec![2]);
        assert_eq!(t.find_all(&SearchQuery::new("cdef")), Vec::<u32>::new());
    }

    #[test]
    fn agrees_with_matching_one_by_one() {
        let items: Vec<String> = (0..500).map(|i| format!("row {i} name{} city{}", i % 7, i % 13)).collect();
        let t = SearchText::new(items.iter().map(String::as_str));
        for q in ["name3", "city1", "name3 city1", "row 4", "9", "row", "nothing"] {
            let query = SearchQuery::new(q);
            let want: Vec<u32> = (0..items.len() as u32).filter(|&i| query.matches(&items[i as usize])).collect();
            assert_eq!(t.find_all(&query), want, "{q}");
        }
    }

    #[test]
    fn one_letter_terms_answered_by_the_bits_agree_with_matching_one_by_one() {
        let words = ["کریمی", "تهران", "acme", "df1-0001", "é", "0912", "شیراز vip", "پیگیری", "ساره"];
        let items: Vec<String> = (0..300).map(|i| normalize_for_search(&format!("{} {}", words[i % 9], words[(i / 9) % 9]))).collect();
        let mut t = SearchText::new(items.iter().map(String::as_str));
        t.blank(3);
        // "£" shares its bit with "-", which some texts hold and it is in none.
        for q in ["ک", "ی", "a", "1", "é", "-", "£", "ک ت", "x", "ک ر", "vip", "ره", "ک é"] {
            let query = SearchQuery::new(q);
            let want: Vec<u32> = (0..items.len() as u32).filter(|&i| i != 3 && query.matches(&items[i as usize])).collect();
            assert_eq!(t.find_all(&query), want, "{q}");
            let all: Vec<u32> = (0..items.len() as u32).collect();
            assert_eq!(t.refine(&query, &all), want, "{q}, refined");
        }
    }

    #[test]
    fn texts_pushed_blanked_and_retained_search_like_a_fresh_layout() {
        let mut t = text(&["alpha one", "beta two"]);
        t.push(&normalize_for_search("gamma one"));
        assert_eq!(t.len(), 3);
        assert_eq!(t.find_all(&SearchQuery::new("one")), vec![0, 2]);
        t.blank(0);
        assert_eq!(t.len(), 3, "a blanked text keeps its place");
        assert_eq!(t.find_all(&SearchQuery::new("one")), vec![2]);
        assert_eq!(t.find_all(&SearchQuery::new("alpha")), Vec::<u32>::new());
        let compact = t.retain(|i| i != 0);
        assert_eq!(compact.len(), 2);
        assert_eq!(compact.find_all(&SearchQuery::new("one")), vec![1]);
        assert_eq!(compact.find_all(&SearchQuery::new("beta")), vec![0]);
        let mut empty = SearchText::default();
        empty.push("delta");
        assert_eq!(empty.find_all(&SearchQuery::new("delta")), vec![0]);
    }

    #[test]
    fn texts_copied_from_another_layout_search_like_laid_out_ones() {
        let from = text(&["کریمی تهران", "acme 0912"]);
        let mut t = text(&["zed"]);
        t.push_from(&from, 1);
        t.push_from(&from, 0);
        assert_eq!(t.len(), 3);
        assert_eq!(t.find_all(&SearchQuery::new("a")), vec![1], "one letter: answered by the copied bits");
        assert_eq!(t.find_all(&SearchQuery::new("ک")), vec![2]);
        assert_eq!(t.find_all(&SearchQuery::new("تهران")), vec![2]);
        assert_eq!(t.find_all(&SearchQuery::new("0912 acme")), vec![1]);
        assert_eq!(t.find_all(&SearchQuery::new("zedacme")), Vec::<u32>::new(), "texts stay apart");
    }

    #[test]
    fn texts_inserted_then_some_dropped_search_like_a_fresh_layout() {
        let mut t = SearchText::default();
        t.insert(0, "beta two");
        t.insert(0, "alpha one");
        t.insert(2, "gamma one");
        t.insert(1, "zeta");
        let fresh = text(&["alpha one", "zeta", "beta two", "gamma one"]);
        for q in ["one", "a", "z", "beta", "onez", "t"] {
            assert_eq!(t.find_all(&SearchQuery::new(q)), fresh.find_all(&SearchQuery::new(q)), "{q}");
        }
        let t = t.retain(|i| i != 1 && i != 3);
        assert_eq!(t.len(), 2);
        assert_eq!(t.find_all(&SearchQuery::new("z")), Vec::<u32>::new());
        assert_eq!(t.find_all(&SearchQuery::new("t")), vec![1], "one letter: the bits moved with the text");
        assert_eq!(t.find_all(&SearchQuery::new("one")), vec![0]);
        assert_eq!(t.find_all(&SearchQuery::new("beta")), vec![1]);
    }

    #[test]
    fn empty() {
        let t = SearchText::new(std::iter::empty());
        assert!(t.is_empty());
        assert!(t.find_all(&SearchQuery::new("a")).is_empty());
    }
}
