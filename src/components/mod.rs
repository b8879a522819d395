//! Generic widgets used across pages.

mod date_field;
mod icons;
mod shell;
mod toast;
mod update_prompt;
mod virtual_list;

pub use date_field::DateField;
pub use icons::Icon;
pub use shell::Shell;
pub use toast::ToastHost;
pub use update_prompt::UpdatePrompt;
pub use virtual_list::VirtualList;
