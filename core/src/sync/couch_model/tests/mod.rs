use super::*;

pub(super) fn ok_rev(result: &Value) -> String {
    assert_eq!(result["ok"], true, "{result}");
    result["rev"].as_str().unwrap().to_owned()
}

/// Writes one doc with `new_edits: true` and returns its result.
pub(super) fn put(db: &mut CouchModel, doc: Value) -> Value {
    let results = db.bulk_docs(&json!({ "docs": [doc] }));
    assert_eq!(results.as_array().map(Vec::len), Some(1), "{results}");
    results[0].clone()
}

/// Stores revisions made elsewhere (`new_edits: false`).
pub(super) fn replicate(db: &mut CouchModel, docs: Value) {
    assert_eq!(
        db.bulk_docs(&json!({"new_edits": false, "docs": docs})),
        json!([])
    );
}

pub(super) fn assert_rev_shape(rev: &str, n: u64) {
    let (pos, hash) = rev.split_once('-').unwrap();
    assert_eq!(pos, n.to_string(), "{rev}");
    assert_eq!(hash.len(), 32, "{rev}");
    assert!(
        hash.bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()),
        "{rev}"
    );
}

pub(super) fn conflict(id: &str) -> Value {
    json!({"id": id, "error": "conflict", "reason": "Document update conflict."})
}

#[test]
fn create_update_delete_number_revs() {
    let mut db = CouchModel::new();
    let r1 = ok_rev(&put(&mut db, json!({"_id": "a", "name": "Ali"})));
    assert_rev_shape(&r1, 1);
    assert_eq!(
        db.get("a", true),
        Some(json!({"_id": "a", "_rev": r1, "name": "Ali"}))
    );
    assert_eq!(db.doc_count(), 1);

    let r2 = ok_rev(&put(
        &mut db,
        json!({"_id": "a", "_rev": r1, "name": "Reza"}),
    ));
    assert_rev_shape(&r2, 2);
    assert_eq!(
        db.get("a", false),
        Some(json!({"_id": "a", "_rev": r2, "name": "Reza"}))
    );
    assert_eq!(
        db.get_rev("a", &r1),
        Some(json!({"_id": "a", "_rev": r1, "name": "Ali"})),
        "a superseded rev is readable until compaction"
    );
    db.compact();
    assert_eq!(db.get_rev("a", &r1), None, "compaction keeps only the leaves");
    assert_eq!(db.get_rev("a", &r2).unwrap()["name"], "Reza");

    let r3 = ok_rev(&put(
        &mut db,
        json!({"_id": "a", "_rev": r2, "_deleted": true}),
    ));
    assert_rev_shape(&r3, 3);
    assert_eq!(db.get("a", true), None);
    assert_eq!(db.winner("a"), Some((r3.clone(), json!({}), true)));
    assert_eq!(
        db.get_rev("a", &r3),
        Some(json!({"_id": "a", "_rev": r3, "_deleted": true}))
    );
    assert_eq!(db.doc_count(), 0);
    assert_eq!(db.update_seq(), 3);
}

#[test]
fn recreating_a_deleted_doc_extends_its_deletion() {
    let mut db = CouchModel::new();
    let r1 = ok_rev(&put(&mut db, json!({"_id": "a", "v": 1})));
    let r2 = ok_rev(&put(
        &mut db,
        json!({"_id": "a", "_rev": r1, "_deleted": true}),
    ));
    let r3 = ok_rev(&put(&mut db, json!({"_id": "a", "v": 2})));
    assert_rev_shape(&r3, 3);
    assert_eq!(
        db.get("a", true),
        Some(json!({"_id": "a", "_rev": r3, "v": 2}))
    );
    db.compact();
    assert_eq!(
        db.get_rev("a", &r2),
        None,
        "the tombstone is no longer a leaf"
    );
}

#[test]
fn revs_are_digests_of_the_edit() {
    let mut a = CouchModel::new();
    let mut b = CouchModel::new();
    let doc = json!({"_id": "x", "n": [1, {"k": "v"}]});
    let ra = ok_rev(&put(&mut a, doc.clone()));
    assert_eq!(ra, ok_rev(&put(&mut b, doc)), "same edit, same rev");
    let other = ok_rev(&put(&mut b, json!({"_id": "y", "n": [1, {"k": "w"}]})));
    assert_ne!(ra, other, "different body, different rev");

    let update = ok_rev(&put(&mut a, json!({"_id": "x", "_rev": ra, "n": 1})));
    let delete = ok_rev(&put(
        &mut b,
        json!({"_id": "x", "_rev": ra, "_deleted": true, "n": 1}),
    ));
    assert_ne!(update, delete, "a deletion is a different edit");

    let mut canonical = String::new();
    write_canonical(
        &json!({"b": [true, null, 1.5], "a": {"y": "\"", "x": 2}}),
        &mut canonical,
    );
    assert_eq!(canonical, r#"{"a":{"x":2,"y":"\""},"b":[true,null,1.5]}"#);
}

#[test]
fn stale_or_missing_rev_conflicts_and_changes_nothing() {
    let mut db = CouchModel::new();
    let r1 = ok_rev(&put(&mut db, json!({"_id": "a", "v": 1})));
    ok_rev(&put(&mut db, json!({"_id": "a", "_rev": r1, "v": 2})));
    let before = db.clone();

    assert_eq!(
        put(&mut db, json!({"_id": "a", "_rev": r1, "v": 3})),
        conflict("a")
    );
    assert_eq!(
        put(&mut db, json!({"_id": "a", "v": 3})),
        conflict("a"),
        "create over a live doc"
    );
    assert_eq!(
        put(&mut db, json!({"_id": "a", "_rev": "9-abc", "v": 3})),
        conflict("a")
    );
    assert_eq!(
        put(&mut db, json!({"_id": "b", "_rev": r1})),
        conflict("b"),
        "rev on a missing doc"
    );
    assert_eq!(db, before);
}

#[test]
fn an_edit_replayed_after_a_lost_response_conflicts() {
    let mut db = CouchModel::new();
    let r1 = ok_rev(&put(&mut db, json!({"_id": "a", "v": 1})));
    let edit = json!({"docs": [{"_id": "a", "_rev": r1, "v": 2}]});
    db.bulk_docs(&edit); // the response is lost
    let applied = db.clone();
    assert_eq!(db.bulk_docs(&edit), json!([conflict("a")]));
    assert_eq!(db, applied);
    assert_eq!(db.get("a", true).unwrap()["v"], 2);
}

#[test]
fn each_doc_of_a_batch_gets_its_own_result_in_order() {
    let mut db = CouchModel::new();
    let r1 = ok_rev(&put(&mut db, json!({"_id": "a"})));
    let results = db.bulk_docs(&json!({"docs": [
        {"_id": "b"},
        {"_id": "a", "_rev": r1, "v": 2},
        {"_id": "a", "_rev": r1, "v": 3},
    ]}));
    assert_eq!(results.as_array().unwrap().len(), 3);
    assert_eq!(results[0]["id"], "b");
    assert_rev_shape(&ok_rev(&results[1]), 2);
    assert_eq!(
        results[2],
        conflict("a"),
        "the second edit of the same rev loses"
    );
    assert_eq!(db.update_seq(), 3);
}

#[test]
fn malformed_requests_are_refused_whole() {
    let mut db = CouchModel::new();
    let cases = [
        (json!({"doc": []}), "bad_request"),
        (
            json!({"docs": [{"_id": "ok"}, {"_id": "a", "_hlc": 1}]}),
            "doc_validation",
        ),
        (
            json!({"docs": [{"_id": "ok"}, {"_id": "a", "_deleted": "yes"}]}),
            "doc_validation",
        ),
        (
            json!({"docs": [{"_id": "ok"}, {"_id": "_local/x"}]}),
            "illegal_docid",
        ),
        (
            json!({"docs": [{"_id": "ok"}, {"_id": 7}]}),
            "illegal_docid",
        ),
        (json!({"docs": [{"_id": "ok"}, {"v": 1}]}), "bad_request"),
        (
            json!({"docs": [{"_id": "ok"}, {"_id": "a", "_rev": "abc"}]}),
            "bad_request",
        ),
        (
            json!({"docs": [{"_id": "ok"}, {"_id": "a", "_rev": "0-abc"}]}),
            "bad_request",
        ),
        (
            json!({"docs": [{"_id": "ok"}, {"_id": "a", "_revisions": {"start": 1, "ids": ["a", "b"]}}]}),
            "bad_request",
        ),
        (
            json!({"new_edits": false, "docs": [{"_id": "ok", "_rev": "1-a"}, {"_id": "a"}]}),
            "bad_request",
        ),
    ];
    for (request, error) in cases {
        let response = db.bulk_docs(&request);
        assert_eq!(response["error"], error, "{request} → {response}");
        assert!(response["reason"].is_string());
    }
    assert_eq!(db, CouchModel::new());
}

#[test]
fn ignored_special_members_are_not_stored() {
    let mut db = CouchModel::new();
    let rev = ok_rev(&put(
        &mut db,
        json!({"_id": "_design/app", "_conflicts": ["1-x"], "v": 1}),
    ));
    assert_eq!(
        db.get("_design/app", true),
        Some(json!({"_id": "_design/app", "_rev": rev, "v": 1}))
    );
}

#[test]
fn new_edits_false_stores_a_conflicting_leaf_once() {
    let mut db = CouchModel::new();
    let mine = ok_rev(&put(&mut db, json!({"_id": "a", "v": "mine"})));
    let theirs = "1-ffffffffffffffffffffffffffffffff";
    replicate(
        &mut db,
        json!([{"_id": "a", "_rev": theirs, "v": "theirs"}]),
    );
    assert_eq!(db.update_seq(), 2);
    assert_eq!(
        db.get("a", true),
        Some(json!({"_id": "a", "_rev": theirs, "v": "theirs", "_conflicts": [mine]}))
    );
    assert_eq!(
        db.get("a", false),
        Some(json!({"_id": "a", "_rev": theirs, "v": "theirs"}))
    );
    assert_eq!(db.get_rev("a", &mine).unwrap()["v"], "mine");

    let before = db.clone();
    replicate(
        &mut db,
        json!([{"_id": "a", "_rev": theirs, "v": "changed?"}]),
    );
    assert_eq!(db, before, "a known rev is a no-op, not a write");
}

#[test]
fn new_edits_false_with_revisions_extends_the_branch() {
    let mut db = CouchModel::new();
    let r1 = ok_rev(&put(&mut db, json!({"_id": "a", "v": 1})));
    let hash1 = r1.split_once('-').unwrap().1;
    replicate(
        &mut db,
        json!([{"_id": "a", "_rev": "2-b", "_revisions": {"start": 2, "ids": ["b", hash1]}, "v": 2}]),
    );
    assert_eq!(
        db.get("a", true),
        Some(json!({"_id": "a", "_rev": "2-b", "v": 2})),
        "no conflict"
    );

    // An ancestor arriving late is already known.
    let before = db.clone();
    replicate(&mut db, json!([{"_id": "a", "_rev": r1, "v": 1}]));
    assert_eq!(db, before);

    // `_revisions` alone is enough, and creates a doc.
    replicate(
        &mut db,
        json!([{"_id": "n", "_revisions": {"start": 3, "ids": ["c", "b"]}}]),
    );
    assert_eq!(db.winner("n"), Some(("3-c".to_owned(), json!({}), false)));
}

#[test]
fn winner_rule() {
    let mut db = CouchModel::new();
    replicate(
        &mut db,
        json!([
            {"_id": "deleted-loses", "_rev": "5-aaaa", "_deleted": true},
            {"_id": "deleted-loses", "_rev": "2-bbbb", "v": "live"},
            {"_id": "higher-wins", "_rev": "1-zzzz"},
            {"_id": "higher-wins", "_rev": "2-aaaa"},
            {"_id": "tie-by-string", "_rev": "3-abcd"},
            {"_id": "tie-by-string", "_rev": "3-abce"},
            {"_id": "tie-by-string", "_rev": "3-abcc"},
        ]),
    );
    assert_eq!(db.winner("deleted-loses").unwrap().0, "2-bbbb");
    assert_eq!(
        db.get("deleted-loses", true).unwrap(),
        json!({"_id": "deleted-loses", "_rev": "2-bbbb", "v": "live"}),
        "a deleted loser is no conflict"
    );
    assert_eq!(db.winner("higher-wins").unwrap().0, "2-aaaa");
    assert_eq!(
        db.get("higher-wins", true).unwrap()["_conflicts"],
        json!(["1-zzzz"])
    );
    assert_eq!(db.winner("tie-by-string").unwrap().0, "3-abce");
    assert_eq!(
        db.get("tie-by-string", true).unwrap()["_conflicts"],
        json!(["3-abcd", "3-abcc"])
    );
    assert_eq!(db.winner("missing"), None);
    assert_eq!(db.doc_count(), 3);
}

#[test]
fn all_deleted_leaves_mean_a_deleted_doc() {
    let mut db = CouchModel::new();
    replicate(
        &mut db,
        json!([
            {"_id": "a", "_rev": "2-aaaa", "_deleted": true},
            {"_id": "a", "_rev": "3-bbbb", "_deleted": true},
        ]),
    );
    assert_eq!(db.get("a", true), None);
    assert_eq!(
        db.winner("a").unwrap(),
        ("3-bbbb".to_owned(), json!({}), true)
    );
    assert_eq!(db.doc_count(), 0);
}

#[test]
fn deleting_the_losing_leaf_resolves_the_conflict() {
    let mut db = CouchModel::new();
    let mine = ok_rev(&put(&mut db, json!({"_id": "a", "v": "mine"})));
    replicate(
        &mut db,
        json!([{"_id": "a", "_rev": "1-ffffffffffffffffffffffffffffffff", "v": "theirs"}]),
    );
    let winner = db.get("a", true).unwrap();
    assert_eq!(winner["_conflicts"], json!([mine]));

    let tombstone = ok_rev(&put(
        &mut db,
        json!({"_id": "a", "_rev": mine, "_deleted": true}),
    ));
    assert_rev_shape(&tombstone, 2);
    assert_eq!(
        db.get("a", true),
        Some(json!({"_id": "a", "_rev": "1-ffffffffffffffffffffffffffffffff", "v": "theirs"}))
    );
    assert_eq!(db.get_rev("a", &tombstone).unwrap()["_deleted"], true);
    assert_eq!(db.doc_count(), 1);
    assert_eq!(
        db.changes("0", 10)["results"][0]["doc"],
        db.get("a", true).unwrap()
    );
}

#[test]
fn an_update_of_a_losing_leaf_can_win() {
    let mut db = CouchModel::new();
    let mine = ok_rev(&put(&mut db, json!({"_id": "a", "v": "mine"})));
    replicate(
        &mut db,
        json!([{"_id": "a", "_rev": "1-ffffffffffffffffffffffffffffffff", "v": "theirs"}]),
    );
    let merged = ok_rev(&put(
        &mut db,
        json!({"_id": "a", "_rev": mine, "v": "merged"}),
    ));
    let doc = db.get("a", true).unwrap();
    assert_eq!(doc["_rev"], merged);
    assert_eq!(
        doc["_conflicts"],
        json!(["1-ffffffffffffffffffffffffffffffff"])
    );
}

#[test]
fn update_seq_counts_successful_writes() {
    let mut db = CouchModel::new();
    db.bulk_docs(&json!({"docs": [{"_id": "a"}, {"_id": "b"}, {"_id": "c"}]}));
    assert_eq!(db.update_seq(), 3);
    put(&mut db, json!({"_id": "a"})); // conflict
    db.bulk_docs(&json!({"docs": [{"_id": "x", "_bad": 1}]})); // refused
    assert_eq!(db.update_seq(), 3);
    let rev = db.winner("b").unwrap().0;
    put(&mut db, json!({"_id": "b", "_rev": rev, "_deleted": true}));
    assert_eq!(db.update_seq(), 4);
}

/// Five docs: a and b updated, c deleted, d in conflict; e untouched.
pub(super) fn busy_db() -> CouchModel {
    let mut db = CouchModel::new();
    let created = db.bulk_docs(&json!({"docs": [
        {"_id": "a", "v": 1}, {"_id": "b", "v": 1}, {"_id": "c", "v": 1}, {"_id": "d", "v": 1}, {"_id": "e", "v": 1},
    ]}));
    let rev = |i: usize| created[i]["rev"].clone();
    db.bulk_docs(&json!({"docs": [
        {"_id": "a", "_rev": rev(0), "v": 2},
        {"_id": "c", "_rev": rev(2), "_deleted": true},
        {"_id": "b", "_rev": rev(1), "v": 2},
    ]}));
    replicate(
        &mut db,
        json!([{"_id": "d", "_rev": "1-ffffffffffffffffffffffffffffffff", "v": 9}]),
    );
    db
}

mod changes;
