//! An area's addresses as a table: each path with the page it shows, in the
//! order the router tries them.

/// Declares an area's routes component. Paths that show one page share a
/// row: `"/deals/new" | "/deals/:id" => DealEdit`.
macro_rules! area_routes {
    ($name:ident { $($($path:tt)|+ => $page:ident),+ $(,)? }) => {
        /// Its addresses.
        #[leptos::component(transparent)]
        pub fn $name() -> impl leptos_router::MatchNestedRoutes + Clone {
            use leptos::prelude::*;
            use leptos_router::{components::Route, path};
            view! { $($(<Route path=path!($path) view=$page/>)+)+ }.into_inner()
        }
    };
}
pub(crate) use area_routes;
