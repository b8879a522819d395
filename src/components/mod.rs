//! Generic widgets used across pages.

mod curve_chart;
mod customer_picker;
mod date_field;
mod form_fields;
mod global_search;
mod icons;
mod list_head;
mod record_form;
mod scanner;
mod shell;
mod toast;
mod update_prompt;
mod virtual_list;
mod when_field;

pub use curve_chart::CurveChart;
pub use customer_picker::CustomerPicker;
pub use date_field::{date_text, read_date, DateField};
pub use form_fields::{ChoiceField, FieldErrors, TextField};
pub use global_search::GlobalSearch;
pub use icons::Icon;
pub use list_head::ListHead;
pub use record_form::{asked, delete_with_undo, read_routed, record_route, FormAlert, FormPage, FormStatus, SaveButton};
pub use scanner::ScanButton;
pub use shell::Shell;
pub use toast::ToastHost;
pub use update_prompt::UpdatePrompt;
pub use virtual_list::VirtualList;
pub use when_field::{When, WhenField};
