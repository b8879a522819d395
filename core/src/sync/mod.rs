//! Sync with a CouchDB-protocol server (Apache CouchDB, Cloudant,
//! pouchdb-server): field-level three-way merge ordered by a hybrid logical
//! clock, and a model of the server's replication protocol to test the
//! engine against faults on the host.

#[cfg(test)]
pub mod couch_model;
pub mod doc;
pub mod engine;
#[cfg(test)]
mod engine_tests;
pub mod hlc;
mod leaves;
pub mod local;
pub mod merge;
pub mod review;
pub mod settings;
pub mod transport;
