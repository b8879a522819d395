//! Faults injected around the model, as a network and proxies cause them.

use super::CouchModel;
use crate::env::SplitMix64;
use serde_json::Value;

/// What the network does to one request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    None,
    /// Lost before the server saw it: nothing applied, the client sees an error.
    RequestLost,
    /// Lost after the server applied it: the client sees an error anyway.
    ResponseLost,
    /// Delivered twice (a retrying proxy): applied twice, first answer seen.
    Duplicated,
}

/// Faults a test injects around the model, deterministically from a seed: a
/// request lost before the server sees it, a response lost after the server
/// applied it, a request delivered twice, and a changes page that returns
/// fewer results than asked. The sync engine must survive all of them.
#[derive(Clone, Debug)]
pub struct FaultPlan {
    rng: SplitMix64,
    /// Chance in percent (0..=100) that a call suffers a fault; the three
    /// kinds are equally likely, and short pages have the same chance.
    percent: u64,
}

impl FaultPlan {
    pub fn new(seed: u64, percent: u64) -> Self {
        Self {
            rng: SplitMix64(seed),
            percent,
        }
    }

    /// A perfect network.
    pub fn none() -> Self {
        Self::new(0, 0)
    }

    /// The fault for the next request.
    #[expect(
        clippy::should_implement_trait,
        reason = "an endless plan: an Iterator's Option would always be Some"
    )]
    pub fn next(&mut self) -> Fault {
        if !self.rng.chance(self.percent) {
            return Fault::None;
        }
        *self
            .rng
            .pick(&[Fault::RequestLost, Fault::ResponseLost, Fault::Duplicated])
    }

    /// The limit a changes page is actually served with: sometimes fewer rows
    /// than asked (never none), as when a server ends a page early. The
    /// client must page on `pending`, not on a short page.
    pub fn page_limit(&mut self, limit: usize) -> usize {
        if limit > 1 && self.rng.chance(self.percent) {
            1 + self.rng.below(limit as u64 - 1) as usize
        } else {
            limit
        }
    }
}

/// The failed `fetch` a client sees when a request or its response is lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetworkError;

/// A server behind a faulty network: each call consults the plan.
#[derive(Clone, Debug)]
pub struct FaultyServer {
    pub db: CouchModel,
    pub plan: FaultPlan,
}

impl FaultyServer {
    pub fn bulk_docs(&mut self, body: &Value) -> Result<Value, NetworkError> {
        match self.plan.next() {
            Fault::None => Ok(self.db.bulk_docs(body)),
            Fault::RequestLost => Err(NetworkError),
            Fault::ResponseLost => {
                self.db.bulk_docs(body);
                Err(NetworkError)
            }
            Fault::Duplicated => {
                let first = self.db.bulk_docs(body);
                self.db.bulk_docs(body);
                Ok(first)
            }
        }
    }

    /// A read: a duplicate changes nothing, a lost request or response is an
    /// error, and a page may come back short.
    pub fn changes(&mut self, since: &str, limit: usize) -> Result<Value, NetworkError> {
        match self.plan.next() {
            Fault::RequestLost | Fault::ResponseLost => Err(NetworkError),
            Fault::None | Fault::Duplicated => {
                let limit = self.plan.page_limit(limit);
                Ok(self.db.changes(since, limit))
            }
        }
    }

    /// A read, like [`FaultyServer::get`].
    pub fn get_local(&mut self, id: &str) -> Result<Option<Value>, NetworkError> {
        match self.plan.next() {
            Fault::RequestLost | Fault::ResponseLost => Err(NetworkError),
            Fault::None | Fault::Duplicated => Ok(self.db.get_local(id)),
        }
    }

    /// A write, like [`FaultyServer::bulk_docs`].
    pub fn put_local(&mut self, id: &str, body: Value) -> Result<bool, NetworkError> {
        match self.plan.next() {
            Fault::None => Ok(self.db.put_local(id, body)),
            Fault::RequestLost => Err(NetworkError),
            Fault::ResponseLost => {
                self.db.put_local(id, body);
                Err(NetworkError)
            }
            Fault::Duplicated => {
                let first = self.db.put_local(id, body.clone());
                self.db.put_local(id, body);
                Ok(first)
            }
        }
    }

    /// A read, like [`FaultyServer::get`].
    pub fn open_revs(&mut self, id: &str) -> Result<Value, NetworkError> {
        match self.plan.next() {
            Fault::RequestLost | Fault::ResponseLost => Err(NetworkError),
            Fault::None | Fault::Duplicated => Ok(self.db.open_revs(id)),
        }
    }

    /// A read, like [`FaultyServer::get`].
    pub fn get_rev(&mut self, id: &str, rev: &str) -> Result<Option<Value>, NetworkError> {
        match self.plan.next() {
            Fault::RequestLost | Fault::ResponseLost => Err(NetworkError),
            Fault::None | Fault::Duplicated => Ok(self.db.get_rev(id, rev)),
        }
    }

    /// A read: a duplicate changes nothing, a lost request or response is an
    /// error.
    pub fn get(&mut self, id: &str, conflicts: bool) -> Result<Option<Value>, NetworkError> {
        match self.plan.next() {
            Fault::RequestLost | Fault::ResponseLost => Err(NetworkError),
            Fault::None | Fault::Duplicated => Ok(self.db.get(id, conflicts)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{busy_db, conflict, ok_rev, put, replicate};
    use super::*;
    use serde_json::json;

    #[test]
    fn fault_plan_is_deterministic_per_seed() {
        let draw = |seed| {
            let mut plan = FaultPlan::new(seed, 40);
            (0..200).map(|_| plan.next()).collect::<Vec<_>>()
        };
        assert_eq!(draw(1), draw(1));
        assert_ne!(draw(1), draw(2));
        let mut none = FaultPlan::none();
        assert!((0..1000).all(|_| none.next() == Fault::None && none.page_limit(10) == 10));
        let mut always = FaultPlan::new(3, 100);
        assert!((0..1000).all(|_| always.next() != Fault::None));
    }

    #[test]
    fn fault_plan_roughly_honours_the_percentage() {
        let mut plan = FaultPlan::new(42, 30);
        let draws: Vec<Fault> = (0..30_000).map(|_| plan.next()).collect();
        let share = |fault| draws.iter().filter(|&&f| f == fault).count() * 100 / draws.len();
        assert!(
            (68..=72).contains(&share(Fault::None)),
            "{}",
            share(Fault::None)
        );
        for fault in [Fault::RequestLost, Fault::ResponseLost, Fault::Duplicated] {
            assert!(
                (9..=11).contains(&share(fault)),
                "{fault:?}: {}",
                share(fault)
            );
        }
        let limits: Vec<usize> = (0..10_000).map(|_| plan.page_limit(5)).collect();
        let short = limits.iter().filter(|&&l| l < 5).count();
        assert!((2_700..=3_300).contains(&short), "{short}");
        assert!(limits.iter().all(|l| (1..=5).contains(l)));
        assert_eq!(plan.page_limit(1), 1, "a one-row page cannot be shorter");
    }

    /// A server whose first request suffers `fault`.
    fn server_with_first(fault: Fault, db: CouchModel) -> FaultyServer {
        let plan = (0..)
            .map(|seed| FaultPlan::new(seed, 50))
            .find(|p| p.clone().next() == fault)
            .unwrap();
        FaultyServer { db, plan }
    }

    #[test]
    fn faulty_bulk_docs() {
        let create = json!({"docs": [{"_id": "a", "v": 1}]});

        let mut server = server_with_first(Fault::RequestLost, CouchModel::new());
        assert_eq!(server.bulk_docs(&create), Err(NetworkError));
        assert_eq!(server.db, CouchModel::new(), "not applied");

        let mut server = server_with_first(Fault::ResponseLost, CouchModel::new());
        assert_eq!(server.bulk_docs(&create), Err(NetworkError));
        assert_eq!(server.db.doc_count(), 1, "applied");

        let mut server = server_with_first(Fault::Duplicated, CouchModel::new());
        let mut clean = CouchModel::new();
        let expected = clean.bulk_docs(&create);
        assert_eq!(server.bulk_docs(&create), Ok(expected), "the first answer");
        assert_eq!(
            server.db, clean,
            "the second delivery conflicted and changed nothing"
        );

        let mut server = server_with_first(Fault::None, CouchModel::new());
        assert_eq!(server.bulk_docs(&create).unwrap()[0]["ok"], true);
    }

    #[test]
    fn a_duplicated_request_really_runs_twice() {
        // The first doc names the rev the second creates: it conflicts on the
        // first delivery and succeeds on the second.
        let created = ok_rev(&put(&mut CouchModel::new(), json!({"_id": "a"})));
        let request = json!({"docs": [{"_id": "a", "_rev": created, "v": 2}, {"_id": "a"}]});
        let mut server = server_with_first(Fault::Duplicated, CouchModel::new());
        let first = server.bulk_docs(&request).unwrap();
        assert_eq!(first[0], conflict("a"));
        assert_eq!(first[1]["rev"], created);
        assert_eq!(server.db.update_seq(), 2);
        assert_eq!(server.db.get("a", true).unwrap()["v"], 2);
    }

    #[test]
    fn an_edit_onto_a_rev_already_replicated_is_refused() {
        let mut scratch = CouchModel::new();
        let r1 = ok_rev(&put(&mut scratch, json!({"_id": "a", "v": 1})));
        let r2 = ok_rev(&put(&mut scratch, json!({"_id": "a", "_rev": r1, "v": 2})));

        let mut db = CouchModel::new();
        put(&mut db, json!({"_id": "a", "v": 1}));
        replicate(&mut db, json!([{"_id": "a", "_rev": r2, "v": 2}]));
        let before = db.clone();
        assert_eq!(
            put(&mut db, json!({"_id": "a", "_rev": r1, "v": 2})),
            conflict("a")
        );
        assert_eq!(db, before);
    }

    #[test]
    fn faulty_reads() {
        for fault in [Fault::RequestLost, Fault::ResponseLost] {
            assert_eq!(
                server_with_first(fault, busy_db()).changes("0", 10),
                Err(NetworkError)
            );
            assert_eq!(
                server_with_first(fault, busy_db()).get("a", true),
                Err(NetworkError)
            );
        }
        for fault in [Fault::None, Fault::Duplicated] {
            let db = busy_db();
            assert_eq!(
                server_with_first(fault, busy_db()).get("a", true),
                Ok(db.get("a", true))
            );
            let page = server_with_first(fault, busy_db())
                .changes("0", 10)
                .unwrap();
            assert_eq!(
                page["results"].as_array().unwrap().len() as u64
                    + page["pending"].as_u64().unwrap(),
                5
            );
        }
    }

    #[test]
    fn short_pages_still_cover_every_change_when_paging_on_pending() {
        let mut short_pages = 0;
        for seed in 0..50 {
            let mut server = FaultyServer {
                db: busy_db(),
                plan: FaultPlan::new(seed, 40),
            };
            let mut since = "0".to_owned();
            let mut seen = Vec::new();
            loop {
                let Ok(page) = server.changes(&since, 3) else {
                    continue;
                };
                let rows = page["results"].as_array().unwrap();
                if rows.len() < 3 && page["pending"] != 0 {
                    short_pages += 1;
                }
                seen.extend(rows.iter().map(|r| r["id"].as_str().unwrap().to_owned()));
                since = page["last_seq"].as_str().unwrap().to_owned();
                if page["pending"] == 0 {
                    break;
                }
            }
            assert_eq!(seen, ["e", "a", "c", "b", "d"], "seed {seed}");
        }
        assert!(short_pages > 0, "the plan did shorten some pages");
    }
}
