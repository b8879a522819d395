//! Customers: the record, its validation rules and the commands that change it.

mod commands;
mod import;
mod iran_ids;
mod model;
mod phone;
mod search;
mod validate;

pub use commands::{create, delete, restore, update};
pub(crate) use commands::to_fields;
pub use import::{guess_targets, ImportCheck, Importer, RowError, RowProblem, Target};
pub use iran_ids::{is_valid_economic_code, is_valid_legal_id, is_valid_national_code};
pub use model::{ContactMethod, Customer, CustomerType, PartyKind, KIND};
pub use phone::{normalize_phone, PhoneError};
pub use search::{CustomerIndex, CustomerRow, CustomerSummary, Duplicate, DuplicateReason, SearchResult};
pub use validate::{validate, CustomerInput, Field, FieldError, Problem};
