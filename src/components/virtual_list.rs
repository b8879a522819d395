use leptos::html::Div;
use leptos::prelude::*;

/// Rows beyond the visible ones rendered on each side, so a fast fling does
/// not show blank space before the next frame.
const OVERSCAN: usize = 4;

/// A scrolling list that renders only the rows in view: the page stays light
/// whether it holds 10 or 50,000 rows. Rows have a fixed height.
#[component]
pub fn VirtualList<K, R, V>(
    /// How many rows there are.
    #[prop(into)]
    count: Signal<usize>,
    row_height: f64,
    /// A stable key for the row at a position, unique in the list (e.g. the
    /// record id): a row keeps its element while its key stays in view.
    key: K,
    /// Renders the row at a position.
    render: R,
) -> impl IntoView
where
    K: Fn(usize) -> String + Send + Sync + 'static,
    R: Fn(usize) -> V + Send + Sync + Clone + 'static,
    V: IntoView + 'static,
{
    let viewport = NodeRef::<Div>::new();
    let scroll_top = RwSignal::new(0.0);
    let height = RwSignal::new(800.0);
    let measure = move || {
        if let Some(el) = viewport.get_untracked() {
            scroll_top.set(f64::from(el.scroll_top()));
            height.set(f64::from(el.client_height()).max(1.0));
        }
    };
    Effect::new(move || {
        if viewport.get().is_some() {
            measure();
        }
    });
    // A tablet turned on its side changes the viewport's height.
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let window = Memo::new(move |_| {
        let n = count.get();
        let first = (scroll_top.get() / row_height) as usize;
        let visible = (height.get() / row_height).ceil() as usize + 1;
        let start = first.saturating_sub(OVERSCAN).min(n);
        let end = (first + visible + OVERSCAN).min(n);
        (start..end).map(|i| (i, key(i))).collect::<Vec<_>>()
    });
    // Where a row's key now is: a row whose key moved (an item inserted or
    // removed above it) slides into place instead of being built again.
    let top_of = move |key: &str, was: usize| window.with(|w| w.iter().find(|(_, k)| k == key).map_or(was, |(i, _)| *i)) as f64 * row_height;
    let on_scroll = move |_| measure();
    view! {
        <div class="vlist" node_ref=viewport on:scroll=on_scroll role="list">
            <div class="vlist-space" style:height=move || format!("{}px", count.get() as f64 * row_height)>
                <For each=move || window.get() key=|(_, key)| key.clone() children=move |(i, key)| {
                    let render = render.clone();
                    view! {
                        <div class="vlist-row" role="listitem"
                            style:top=move || format!("{}px", top_of(&key, i))
                            style:height=format!("{row_height}px")>
                            {render(i)}
                        </div>
                    }
                }/>
            </div>
        </div>
    }
}
