//! The one conformance suite every [`Store`] backend must pass. Written once,
//! run on the host against [`super::MemoryStore`] and in headless Chromium
//! against the IndexedDB backend. The cases are grouped by the contract they
//! check, one file each; a case asks only for the traits it calls, and a
//! failure names its contract.

use super::{Fields, Store};
use crate::env::SeededEnv;
use std::future::Future;

// Defined before the case modules, so they can use it.
macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

mod cache;
mod records;
mod sync;

/// The part of the storage contract a case checks (see `store/contract.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Contract {
    Records,
    Sync,
    Cache,
}

impl std::fmt::Display for Contract {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Contract::Records => "records",
            Contract::Sync => "sync",
            Contract::Cache => "cache",
        })
    }
}

/// Result of one run: which cases passed, and why the others failed, each
/// under its contract.
#[derive(Debug, Default)]
pub struct Report {
    pub passed: Vec<(Contract, &'static str)>,
    pub failed: Vec<(Contract, &'static str, String)>,
}

impl Report {
    pub fn assert_all_passed(&self) {
        let failures: Vec<String> = self.failed.iter().map(|(contract, case, why)| format!("{contract} contract, {case}: {why}")).collect();
        assert!(failures.is_empty(), "conformance failures:\n{}", failures.join("\n"));
        assert!(self.passed.len() == CASE_COUNT, "ran {} of {CASE_COUNT} cases", self.passed.len());
    }
}

const CASE_COUNT: usize = 25;

type CaseResult = Result<(), String>;

/// Runs every case, each on a fresh store from `fresh`.
pub async fn run_all<S, F, Fut>(mut fresh: F) -> Report
where
    S: Store,
    F: FnMut() -> Fut,
    Fut: Future<Output = S>,
{
    let mut report = Report::default();
    macro_rules! cases {
        ($contract:ident, $module:ident: $($name:ident),+ $(,)?) => {$(
            let store = fresh().await;
            match $module::$name(&store).await {
                Ok(()) => report.passed.push((Contract::$contract, stringify!($name))),
                Err(e) => report.failed.push((Contract::$contract, stringify!($name), e)),
            }
        )+};
    }
    cases!(Records, records:
        create_then_read_back,
        all_filters_by_kind,
        update_logs_field_changes,
        stale_write_is_refused_and_nothing_written,
        batch_is_all_or_nothing,
        delete_is_a_tombstone_and_restore_undoes,
        changes_since_pages_in_order,
        unicode_and_markup_round_trip,
        typed_scan_decodes_fields_and_counts_unreadable,
        records_text_holds_one_record_per_line,
        big_batches_page_and_keep_history,
        a_duplicate_create_sinks_its_whole_batch,
        a_duplicate_deep_in_a_big_batch_sinks_all_of_it,
        one_record_written_twice_in_a_batch,
        linked_finds_what_points_at_a_record,
        linked_follows_edits_and_keeps_tombstones,
        get_many_reads_in_the_order_asked,
    );
    cases!(Sync, sync:
        outbox_keeps_latest_change_per_record,
        sync_states_round_trip_with_the_checkpoint,
        synced_writes_are_logged_but_never_queued,
        a_stale_synced_write_stores_nothing_of_its_step,
        forgetting_sync_keeps_records_and_stamps,
        trimming_drops_only_what_was_pushed,
        a_long_outbox_reads_back_whole,
    );
    cases!(Cache, cache: cache_is_kept_apart_from_records_and_log);
    report
}

fn env() -> SeededEnv {
    SeededEnv::new(42, 1_700_000_000_000)
}

fn fields(v: serde_json::Value) -> Fields {
    v.as_object().cloned().unwrap_or_default()
}

fn err<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

#[cfg(test)]
mod tests {
    use super::{Contract, Report};

    #[test]
    #[should_panic(expected = "sync contract, forgetting_sync_keeps_records_and_stamps: state kept")]
    fn a_failure_names_its_contract() {
        let report = Report { passed: vec![], failed: vec![(Contract::Sync, "forgetting_sync_keeps_records_and_stamps", "state kept".into())] };
        report.assert_all_passed();
    }
}
