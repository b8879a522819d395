use leptos::prelude::*;

/// Small line icons (24×24 viewBox), drawn in the current text colour.
#[component]
pub fn Icon(name: &'static str) -> impl IntoView {
    let d = match name {
        "customers" => "M16 11a4 4 0 1 0-8 0 4 4 0 0 0 8 0zM4 21c0-4 4-6 8-6s8 2 8 6",
        "pipeline" => "M3 4h18l-7 8v6l-4 2v-8z",
        "surveys" => "M9 4h6v3H9zM6 6h12v15H6zM9 12h6M9 16h4",
        "warranty" => "M12 3l8 3v6c0 5-4 8-8 9-4-1-8-4-8-9V6zM8 12l3 3 5-6",
        "reports" => "M4 20V10M10 20V4M16 20v-7M22 20H2",
        "settings" => "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19 12l2-1-2-4-2 1-2-2V4h-4v2L9 8 7 7 5 11l2 1v2l-2 1 2 4 2-1 2 2v2h4v-2l2-2 2 1 2-4-2-1z",
        "inbox" => "M4 13l3-8h10l3 8v6H4zM4 13h5l1 2h4l1-2h5",
        "plus" => "M12 5v14M5 12h14",
        "calendar" => "M4 6h16v14H4zM4 10h16M8 3v5M16 3v5",
        "search" => "M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM21 21l-5-5",
        _ => "M4 12h16",
    };
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"
            fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            <path d=d/>
        </svg>
    }
}
