//! Daftar's business: records, the rules that validate them, the storage contract
//! every backend honours, and the locale (Jalali calendar, Persian digits, money).
//!
//! Architecture invariant: nothing here knows about the browser. Every rule runs
//! on the host in `cargo test -p daftar-core` within seconds.

pub mod activities;
pub mod catalog;
pub mod check;
pub mod complaints;
pub mod contacts;
pub mod customers;
pub mod demo;
pub mod env;
pub mod global_search;
pub mod import;
pub mod locale;
pub mod pace;
pub mod pipeline;
pub mod reports;
pub mod save;
pub mod store;
pub mod surveys;
pub mod sync;
pub mod tasks;
pub mod warranty;
