//! Customers: the record, its validation rules and the commands that change it.

mod commands;
mod duplicates;
mod facts;
mod import;
mod iran_ids;
mod merge;
mod model;
mod phone;
mod search;
mod update;
mod validate;

pub use commands::{save, set_value_segments};
pub use facts::{days_since, facts, Facts};
pub use merge::{merge, undo as undo_merge, MERGED_INTO};
pub use duplicates::{Duplicate, DuplicateKeys, DuplicateReason, LookAlike};
pub use import::{guess_targets, ImportCheck, Importer, RowDuplicate, RowError, RowProblem, Target};
pub use iran_ids::{is_valid_economic_code, is_valid_legal_id, is_valid_national_code};
pub use model::{AcquisitionSource, ContactMethod, Customer, CustomerType, Lifecycle, Loyalty, PartyKind, ValueSegment, KIND};
pub use phone::{normalize_phone, PhoneError};
pub use search::{CustomerIndex, CustomerRow, CustomerSummary, SearchResult};
pub use update::{Rebuild, Update};
pub use crate::check::{Field, FieldError, Problem};
pub use validate::{validate, CustomerInput};
