//! The changes feed: each doc once at its latest seq, paged by `since` and `limit`.

use super::*;

#[test]
fn changes_lists_each_doc_once_at_its_latest_seq() {
    let db = busy_db();
    assert_eq!(db.update_seq(), 9);
    let all = db.changes("0", 100);
    let rows = all["results"].as_array().unwrap();
    let order: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["id"].as_str().unwrap(), r["seq"].as_str().unwrap()))
        .collect();
    assert_eq!(
        order,
        [
            ("e", "5-g1AAAA"),
            ("a", "6-g1AAAA"),
            ("c", "7-g1AAAA"),
            ("b", "8-g1AAAA"),
            ("d", "9-g1AAAA")
        ]
    );
    assert_eq!(all["last_seq"], "9-g1AAAA");
    assert_eq!(all["pending"], 0);

    for row in rows {
        let id = row["id"].as_str().unwrap();
        let (rev, _, deleted) = db.winner(id).unwrap();
        assert_eq!(row["changes"], json!([{"rev": rev}]));
        assert_eq!(row.get("deleted").is_some(), deleted, "{row}");
        if !deleted {
            assert_eq!(row["doc"], db.get(id, true).unwrap());
        }
    }
    assert_eq!(rows[2]["deleted"], true);
    assert_eq!(
        rows[2]["doc"],
        json!({"_id": "c", "_rev": db.winner("c").unwrap().0, "_deleted": true})
    );
    assert_eq!(
        rows[4]["doc"]["_conflicts"].as_array().map(Vec::len),
        Some(1)
    );
}

#[test]
fn changes_pages_by_since_and_limit() {
    let db = busy_db();
    let mut since = "0".to_owned();
    let mut seen = Vec::new();
    let mut pendings = Vec::new();
    loop {
        let page = db.changes(&since, 2);
        let rows = page["results"].as_array().unwrap();
        seen.extend(rows.iter().map(|r| r["id"].as_str().unwrap().to_owned()));
        match rows.last() {
            Some(last) => assert_eq!(page["last_seq"], last["seq"]),
            None => assert_eq!(page["last_seq"], since, "an empty page stays put"),
        }
        pendings.push(page["pending"].as_u64().unwrap());
        since = page["last_seq"].as_str().unwrap().to_owned();
        if rows.is_empty() {
            break;
        }
    }
    assert_eq!(seen, ["e", "a", "c", "b", "d"]);
    assert_eq!(pendings, [3, 1, 0, 0]);
    assert_eq!(since, "9-g1AAAA");
}

#[test]
fn changes_since_forms_and_limit_zero() {
    let db = busy_db();
    assert_eq!(db.changes("6", 100)["results"].as_array().unwrap().len(), 3);
    assert_eq!(db.changes("6-whatever", 100)["results"][0]["id"], "c");
    assert_eq!(
        db.changes("now", 100),
        json!({"results": [], "last_seq": "9-g1AAAA", "pending": 0})
    );
    assert_eq!(
        db.changes("0", 0),
        json!({"results": [], "last_seq": "0-g1AAAA", "pending": 5})
    );
    assert_eq!(db.changes("soon", 10)["error"], "bad_request");
    assert_eq!(
        CouchModel::new().changes("0", 10),
        json!({"results": [], "last_seq": "0-g1AAAA", "pending": 0})
    );
}
