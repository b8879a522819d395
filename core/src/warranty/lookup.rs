//! Finding installed items by serial. A technician types the serial off a
//! label at the customer's site, often with another keyboard's digits, other
//! separators or a misread character, and must get an answer at once among
//! the whole installed base (100,000 items and more).

use std::collections::HashMap;

use crate::locale::to_ascii_digits;

/// Below this many characters a near match would match almost anything.
const MIN_NEAR_LEN: usize = 4;
/// The most edits (a wrong, missing or extra character, or two neighbours
/// swapped) a near match may be away.
const MAX_EDITS: usize = 2;

/// The form a serial is compared in: Persian/Arabic digits to ASCII, letters
/// uppercased, and spaces, '-', '_', '/', '.' dropped — labels and people
/// group the same serial differently, so "ab-12 ۳۴" finds "AB1234".
pub fn normalize_serial(s: &str) -> String {
    to_ascii_digits(s)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '/' | '.'))
        .flat_map(char::to_uppercase)
        .collect()
}

/// What the index knows of one item.
#[derive(Clone, Debug)]
struct Entry {
    product_id: String,
    /// Normalized.
    serial: String,
}

/// An in-memory index of every item's serial, rebuilt when the installed base
/// loads and updated as items are saved.
#[derive(Clone, Debug, Default)]
pub struct SerialIndex {
    by_id: HashMap<String, Entry>,
    /// Normalized serial → ids holding it, in the order they were put.
    by_serial: HashMap<String, Vec<String>>,
}

impl SerialIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// How many items are indexed.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// Adds or replaces the item `id`. An item whose serial normalizes to
    /// nothing has nothing to be found by, so it is left out.
    pub fn put(&mut self, id: &str, product_id: &str, serial: &str) {
        self.remove(id);
        let serial = normalize_serial(serial);
        if serial.is_empty() {
            return;
        }
        self.by_serial
            .entry(serial.clone())
            .or_default()
            .push(id.to_string());
        self.by_id.insert(
            id.to_string(),
            Entry {
                product_id: product_id.to_string(),
                serial,
            },
        );
    }

    pub fn remove(&mut self, id: &str) {
        let Some(old) = self.by_id.remove(id) else {
            return;
        };
        if let Some(ids) = self.by_serial.get_mut(&old.serial) {
            ids.retain(|other| other != id);
            if ids.is_empty() {
                self.by_serial.remove(&old.serial);
            }
        }
    }

    /// Items whose serial equals the typed one once normalized, any product
    /// (two products may share a serial).
    pub fn find(&self, typed: &str) -> Vec<&str> {
        self.by_serial
            .get(&normalize_serial(typed))
            .map_or_else(Vec::new, |ids| ids.iter().map(String::as_str).collect())
    }

    /// Whether another item (not `except_id`) of `product_id` has this
    /// `normalized` serial.
    pub fn taken(&self, product_id: &str, normalized: &str, except_id: Option<&str>) -> bool {
        self.by_serial.get(normalized).is_some_and(|ids| {
            ids.iter()
                .any(|id| Some(id.as_str()) != except_id && self.by_id[id].product_id == product_id)
        })
    }

    /// Ids of items whose serial is near a typed one that was not found, best
    /// first, at most `limit`. Only a typed serial of 4+ characters has near
    /// matches: serials at most 2 edits away (a swap of two neighbouring
    /// characters counts 1), nearest first, then serials containing the typed
    /// text; ties go to the serial closest in length, then in serial order.
    /// An exact match, if there is one, comes first.
    pub fn near(&self, typed: &str, limit: usize) -> Vec<&str> {
        let typed = normalize_serial(typed);
        let wanted: Vec<char> = typed.chars().collect();
        if wanted.len() < MIN_NEAR_LEN {
            return Vec::new();
        }
        // Substring-only matches rank after every edit distance.
        let substring_rank = MAX_EDITS + 1;
        let mut found: Vec<(usize, usize, &str)> = Vec::new();
        let mut chars = Vec::new();
        for serial in self.by_serial.keys() {
            let len = serial.chars().count();
            let len_diff = len.abs_diff(wanted.len());
            let edits = if len_diff <= MAX_EDITS {
                chars.clear();
                chars.extend(serial.chars());
                edits_within(&wanted, &chars, MAX_EDITS)
            } else {
                None
            };
            let rank = edits.or_else(|| serial.contains(&typed).then_some(substring_rank));
            if let Some(rank) = rank {
                found.push((rank, len_diff, serial));
            }
        }
        found.sort_unstable();
        found
            .into_iter()
            .flat_map(|(_, _, serial)| &self.by_serial[serial])
            .take(limit)
            .map(String::as_str)
            .collect()
    }
}

/// The edits between `a` and `b` (optimal string alignment: change, insert,
/// delete, or swap two neighbours), or `None` once more than `max` — checked
/// after each row, so a hopeless candidate costs a row or two, not the table.
fn edits_within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut two_up: Vec<usize> = vec![0; b.len() + 1];
    let mut up: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let change = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (up[j] + 1).min(row[j - 1] + 1).min(up[j - 1] + change);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(two_up[j - 2] + 1);
            }
            row[j] = best;
        }
        // No later row can get below this row's least value (a swap from two
        // rows up never beats the row between).
        if row.iter().all(|&d| d > max) {
            return None;
        }
        std::mem::swap(&mut two_up, &mut up);
        std::mem::swap(&mut up, &mut row);
    }
    Some(up[b.len()]).filter(|&d| d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn serials_are_compared_without_script_case_or_separators() {
        assert_eq!(normalize_serial("ab-12 ۳۴"), "AB1234");
        assert_eq!(normalize_serial(" sn_٤٥/6.7 "), "SN4567");
        assert_eq!(normalize_serial("X\t1\n2"), "X12");
        assert_eq!(normalize_serial("- / ."), "");
    }

    #[test]
    fn edit_distance_counts_a_swap_once_and_gives_up_past_the_bound() {
        assert_eq!(edits_within(&chars("AB1234"), &chars("AB1234"), 2), Some(0));
        assert_eq!(edits_within(&chars("AB1234"), &chars("AB1284"), 2), Some(1));
        assert_eq!(edits_within(&chars("AB1234"), &chars("AB2134"), 2), Some(1));
        assert_eq!(edits_within(&chars("AB1234"), &chars("AB134"), 2), Some(1));
        assert_eq!(edits_within(&chars("AB1234"), &chars("BA2134"), 2), Some(2));
        assert_eq!(edits_within(&chars("AB1234"), &chars("BA2143"), 2), None);
        assert_eq!(edits_within(&chars("AB1234"), &chars("XY1294"), 2), None);
        assert_eq!(edits_within(&chars("AB1234"), &chars("XY1294"), 3), Some(3));
        assert_eq!(edits_within(&chars("AB1234"), &chars("AB1234567"), 2), None);
        assert_eq!(edits_within(&chars(""), &chars("AB"), 2), Some(2));
    }

    fn sample() -> SerialIndex {
        let mut index = SerialIndex::new();
        index.put("i1", "printer", "AB-1234");
        index.put("i2", "scanner", "ab1234");
        index.put("i3", "printer", "CD-5678");
        index
    }

    #[test]
    fn find_matches_the_normalized_serial_across_products() {
        let index = sample();
        assert_eq!(index.len(), 3);
        assert_eq!(index.find("ab 12۳۴"), ["i1", "i2"]);
        assert_eq!(index.find("cd5678"), ["i3"]);
        assert!(index.find("AB123").is_empty());
        assert!(index.find("").is_empty());
    }

    #[test]
    fn taken_is_per_product_and_skips_the_item_being_edited() {
        let index = sample();
        assert!(index.taken("printer", "AB1234", None));
        assert!(index.taken("printer", "AB1234", Some("i2")));
        assert!(!index.taken("printer", "AB1234", Some("i1")));
        assert!(!index.taken("copier", "AB1234", None));
        assert!(!index.taken("printer", "ZZ9999", None));
    }

    #[test]
    fn putting_an_id_again_replaces_its_serial() {
        let mut index = sample();
        index.put("i1", "printer", "EF-9012");
        assert_eq!(index.len(), 3);
        assert_eq!(index.find("AB1234"), ["i2"]);
        assert_eq!(index.find("EF9012"), ["i1"]);
        assert!(!index.taken("printer", "AB1234", None));
        index.put("i1", "printer", "--");
        assert_eq!((index.len(), index.find("EF9012").len()), (2, 0));
    }

    #[test]
    fn remove_forgets_the_item() {
        let mut index = sample();
        index.remove("i2");
        index.remove("unknown");
        assert_eq!(index.len(), 2);
        assert_eq!(index.find("AB1234"), ["i1"]);
        index.remove("i1");
        index.remove("i3");
        assert!(index.is_empty());
        assert!(index.find("AB1234").is_empty());
    }

    fn base() -> SerialIndex {
        let mut index = SerialIndex::new();
        for (id, serial) in [
            ("exact", "KX-5501"),
            ("typo", "KX5507"),
            ("swap", "KX5051"),
            ("longer", "KX55012"),
            ("three", "KY6601"),
            ("inside", "A-KX5501-99"),
        ] {
            index.put(id, "p", serial);
        }
        index
    }

    #[test]
    fn near_finds_typos_swaps_missing_characters_and_containing_serials() {
        let index = base();
        // Exact, then one edit away (same length first, then by serial), then
        // the serial that merely contains the typed one.
        assert_eq!(
            index.near("kx 5501", 10),
            ["exact", "swap", "typo", "longer", "inside"]
        );
        // A missing character: "KX501" is one insertion from "KX5501" (and
        // from "KX5051"), two from "KX5507" and "KX55012".
        assert_eq!(index.near("KX501", 10), ["swap", "exact", "typo", "longer"]);
        // "KY6601" is three changes away from "KX5501": not near.
        assert!(!index.near("KX5501", 10).contains(&"three"));
        assert_eq!(index.near("KY6601", 10), ["three"]);
    }

    #[test]
    fn near_needs_four_characters_and_respects_the_limit() {
        let index = base();
        assert!(index.near("KX5", 10).is_empty());
        assert!(index.near("k-x", 10).is_empty());
        assert_eq!(index.near("KX5501", 2), ["exact", "swap"]);
        assert!(index.near("KX5501", 0).is_empty());
    }

    #[test]
    fn a_hundred_thousand_serials() {
        let mut index = SerialIndex::new();
        for n in 0..100_000u32 {
            index.put(
                &format!("item-{n}"),
                &format!("p{}", n % 7),
                &format!("SN-{:07}", n * 7),
            );
        }
        assert_eq!(index.len(), 100_000);
        // 49,384 × 7 = 345,688, and 49,384 mod 7 = 6.
        assert_eq!(index.find("sn ۰۳۴۵۶۸۸"), ["item-49384"]);
        assert!(index.taken("p6", "SN0345688", None));
        assert!(!index.taken("p5", "SN0345688", None));
        // Every serial has "SN": one wrong letter is one edit from this item
        // and at least two from any other.
        assert_eq!(index.near("SM0345688", 1), ["item-49384"]);
        assert_eq!(index.near("SM0345688", 10)[0], "item-49384");
        // Hundreds of serials contain "0345"; only the first five come back.
        let containing = index.near("0345", 5);
        assert_eq!(containing.len(), 5);
        for id in containing {
            let n: u32 = id.trim_start_matches("item-").parse().unwrap();
            assert!(format!("{:07}", n * 7).contains("0345"), "{id}");
        }
    }
}
