//! The list of clashes waiting for the user: a field changed on two devices
//! since they last agreed, the later edit kept, the other set aside. The
//! user looks at each and either agrees or puts the other value back (an
//! ordinary edit, which then syncs like any other).

use super::engine::RecordClash;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReviewList {
    pub items: Vec<ReviewItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewItem {
    #[serde(flatten)]
    pub clash: RecordClash,
    /// When the sync found it (ms since the epoch).
    pub found_ms: i64,
}

impl ReviewList {
    /// Adds what a sync found. A field already listed is replaced: only its
    /// latest clash matters, and the list never grows with repeats.
    pub fn add(&mut self, found: Vec<RecordClash>, found_ms: i64) {
        for clash in found {
            self.items.retain(|i| !same_field(&i.clash, &clash));
            self.items.push(ReviewItem { clash, found_ms });
        }
    }

    /// Removes the clash of this record's field (reviewed).
    pub fn dismiss(&mut self, kind: &str, id: &str, field: &str) {
        self.items.retain(|i| !(i.clash.kind == kind && i.clash.id == id && i.clash.clash.field == field));
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

fn same_field(a: &RecordClash, b: &RecordClash) -> bool {
    a.kind == b.kind && a.id == b.id && a.clash.field == b.clash.field
}

/// `Authorization` for HTTP Basic sign-in. UTF-8 before base64, so a
/// Persian user name or password works (the browser's `btoa` would throw).
pub fn basic_auth(user: &str, password: &str) -> String {
    use base64::Engine as _;
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::hlc::Stamp;
    use crate::sync::merge::Clash;
    use serde_json::json;

    fn clash(id: &str, field: &str, kept: &str) -> RecordClash {
        RecordClash {
            kind: "customer".into(),
            id: id.into(),
            clash: Clash { field: field.into(), kept: json!(kept), kept_stamp: Stamp::default(), set_aside: json!("other"), set_aside_stamp: Stamp::default() },
        }
    }

    #[test]
    fn a_field_is_listed_once_with_its_latest_clash() {
        let mut list = ReviewList::default();
        list.add(vec![clash("a", "phone", "1"), clash("a", "city", "x")], 10);
        list.add(vec![clash("a", "phone", "2")], 20);
        assert_eq!(list.len(), 2);
        let phone = list.items.iter().find(|i| i.clash.clash.field == "phone").unwrap();
        assert_eq!((phone.clash.clash.kept.clone(), phone.found_ms), (json!("2"), 20));
        list.dismiss("customer", "a", "phone");
        assert_eq!(list.items.iter().map(|i| i.clash.clash.field.as_str()).collect::<Vec<_>>(), ["city"]);
    }

    #[test]
    fn the_list_round_trips_as_json() {
        let mut list = ReviewList::default();
        list.add(vec![clash("a", "phone", "۰۹۱۲")], 5);
        let text = serde_json::to_string(&list).unwrap();
        assert_eq!(serde_json::from_str::<ReviewList>(&text).unwrap(), list);
    }

    #[test]
    fn basic_auth_encodes_utf8() {
        assert_eq!(basic_auth("admin", "secret"), "Basic YWRtaW46c2VjcmV0");
        // "علی:رمز" as UTF-8 bytes, base64.
        assert_eq!(basic_auth("علی", "رمز"), "Basic 2LnZhNuMOtix2YXYsg==");
    }
}
