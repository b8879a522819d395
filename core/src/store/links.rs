//! Which records a record points at. One naming rule serves every kind, so
//! storage can index links without knowing any kind: a field `<kind>_id`
//! holding an id points at that record of `<kind>`; a field `<kind>_ids`
//! holding a list of ids points at each. A contact's `customer_ids`, an
//! activity's `customer_id` and `contact_id`, a later deal's `customer_id`
//! all follow it, and "everything about this customer" is one index lookup.
//! Only a value shaped like a record id (a UUID, see `Env::new_id`) is a
//! link, so a field like `national_id` (a 10-digit code) is not one.

use super::record::{key_of, Fields};
use serde_json::Value;

/// The keys (`kind:id`) of the records `fields` point at, sorted, without repeats.
pub fn links_of(fields: &Fields) -> Vec<String> {
    let mut out = Vec::new();
    for (name, value) in fields {
        if let (Some(kind), Value::String(id)) = (name.strip_suffix("_id"), value) {
            push_link(&mut out, kind, id);
        } else if let (Some(kind), Value::Array(ids)) = (name.strip_suffix("_ids"), value) {
            for id in ids.iter().filter_map(Value::as_str) {
                push_link(&mut out, kind, id);
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn push_link(out: &mut Vec<String>, kind: &str, id: &str) {
    if !kind.is_empty() && is_record_id(id) {
        out.push(key_of(kind, id));
    }
}

/// The hyphenated UUID form every record id has.
fn is_record_id(s: &str) -> bool {
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| if matches!(i, 8 | 13 | 18 | 23) { b == b'-' } else { b.is_ascii_hexdigit() })
}

/// Replaces every link to `from` (a `<kind>_id` or an entry of `<kind>_ids`,
/// where `kind` is `from`'s kind) with a link to `to`; lists keep one entry.
/// Returns whether anything changed. Used when two records become one.
pub fn relink(fields: &mut Fields, kind: &str, from: &str, to: &str) -> bool {
    let mut changed = false;
    if let Some(Value::String(id)) = fields.get_mut(&format!("{kind}_id")) {
        if id == from {
            *id = to.to_string();
            changed = true;
        }
    }
    if let Some(Value::Array(ids)) = fields.get_mut(&format!("{kind}_ids")) {
        if ids.iter().any(|v| v.as_str() == Some(from)) {
            let mut seen = Vec::new();
            ids.retain_mut(|v| {
                if v.as_str() == Some(from) {
                    *v = Value::String(to.to_string());
                }
                let keep = !seen.contains(v);
                seen.push(v.clone());
                keep
            });
            changed = true;
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(v: Value) -> Fields {
        v.as_object().unwrap().clone()
    }

    const C1: &str = "0d6c7c3e-9f7a-4b1e-8a55-3f0e7c1d2a01";
    const C2: &str = "0d6c7c3e-9f7a-4b1e-8a55-3f0e7c1d2a02";

    #[test]
    fn single_and_list_links_by_name() {
        let f = fields(json!({
            "customer_id": C1, "contact_id": "", "customer_ids": [C2, C1, 7],
            "deal_id": 5, "_id": C2, "paid": C2, "owner": "ali", "national_id": "0499370899"
        }));
        assert_eq!(links_of(&f), vec![format!("customer:{C1}"), format!("customer:{C2}")]);
    }

    #[test]
    fn relink_moves_single_and_list_links_without_repeats() {
        let mut f = fields(json!({"customer_id": "old", "customer_ids": ["a", "old", "new"], "contact_id": "old"}));
        assert!(relink(&mut f, "customer", "old", "new"));
        assert_eq!(f, fields(json!({"customer_id": "new", "customer_ids": ["a", "new"], "contact_id": "old"})));
        assert!(!relink(&mut f, "customer", "old", "new"));
    }
}
