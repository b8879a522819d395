//! Moving a card between columns, three ways: a finger (hold still for a
//! moment, then drag — a quick swipe still scrolls), a mouse (press and
//! drag), or the keyboard (Space lifts the focused card, arrows choose the
//! column, Space drops, Escape puts it back). Near the board's edges the
//! board scrolls by itself while a card is carried.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Where a card can be dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Stage(String),
    Won,
    Lost,
}

impl Target {
    /// The `data-drop` attribute of the element that accepts it.
    pub fn attr(&self) -> String {
        match self {
            Target::Stage(id) => format!("stage:{id}"),
            Target::Won => "won".into(),
            Target::Lost => "lost".into(),
        }
    }

    fn parse(attr: &str) -> Option<Target> {
        match attr {
            "won" => Some(Target::Won),
            "lost" => Some(Target::Lost),
            other => other.strip_prefix("stage:").map(|id| Target::Stage(id.to_string())),
        }
    }
}

/// The card being carried and from which column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Carry {
    pub deal: String,
    pub from: String,
    pub keyboard: bool,
}

/// A press on a card that may become a drag.
#[derive(Clone, Debug)]
struct Press {
    carry: Carry,
    pointer: i32,
    x0: f64,
    y0: f64,
    touch: bool,
}

/// How long a finger must rest on a card before it lifts (shorter and a
/// scroll starting on a card would lift it by mistake).
const HOLD_MS: i32 = 280;
/// Movement that turns a mouse press into a drag, or cancels a finger's hold.
const SLOP_PX: f64 = 8.0;
/// Distance from an edge at which the board starts scrolling by itself.
const EDGE_PX: f64 = 64.0;
const MAX_SCROLL_STEP: f64 = 18.0;

#[derive(Clone, Copy)]
pub struct Dnd {
    pub carry: RwSignal<Option<Carry>>,
    pub over: RwSignal<Option<Target>>,
    /// Where the pointer is (for the floating copy of the card).
    pub pointer: RwSignal<(f64, f64)>,
    /// Every target in keyboard order: the stages, then won, then lost.
    pub targets: RwSignal<Vec<Target>>,
    press: StoredValue<Option<Press>>,
    /// A drag just ended on this card: the click that follows is not a tap.
    swallow_click: StoredValue<bool>,
    on_drop: Callback<(Carry, Target)>,
}

impl Dnd {
    /// Listens on the window for the life of the board; `on_drop` gets
    /// every finished move (dropping where it started included: it ignores those).
    pub fn new(on_drop: Callback<(Carry, Target)>) -> Dnd {
        let dnd = Dnd {
            carry: RwSignal::new(None),
            over: RwSignal::new(None),
            pointer: RwSignal::new((0.0, 0.0)),
            targets: RwSignal::new(Vec::new()),
            press: StoredValue::new(None),
            swallow_click: StoredValue::new(false),
            on_drop,
        };
        let moves = window_event_listener(leptos::ev::pointermove, move |ev| dnd.pointer_move(&ev));
        let ups = window_event_listener(leptos::ev::pointerup, move |ev| dnd.pointer_up(&ev));
        let cancels = window_event_listener(leptos::ev::pointercancel, move |_| dnd.cancel());
        let touch_guard = StoredValue::new_local(prevent_touch_scroll_while_carrying(dnd));
        on_cleanup(move || {
            moves.remove();
            ups.remove();
            cancels.remove();
            touch_guard.set_value(None);
        });
        dnd
    }

    pub fn carrying(&self, deal: &str) -> bool {
        self.carry.with(|c| c.as_ref().is_some_and(|c| c.deal == deal))
    }

    /// A press on a card (`from` is its stage).
    pub fn pointer_down(&self, ev: &web_sys::PointerEvent, deal: &str, from: &str) {
        if ev.button() != 0 || self.carry.with_untracked(Option::is_some) {
            return;
        }
        self.swallow_click.set_value(false);
        let touch = ev.pointer_type() != "mouse";
        let press = Press { carry: Carry { deal: deal.to_string(), from: from.to_string(), keyboard: false }, pointer: ev.pointer_id(), x0: f64::from(ev.client_x()), y0: f64::from(ev.client_y()), touch };
        self.press.set_value(Some(press));
        if touch {
            let dnd = *self;
            let pointer = ev.pointer_id();
            set_timeout(
                move || {
                    // The board may be gone by then (a tap opened the deal).
                    let still_held = dnd.press.try_with_value(|p| p.as_ref().is_some_and(|p| p.pointer == pointer)).unwrap_or(false);
                    if still_held {
                        dnd.lift();
                    }
                },
                std::time::Duration::from_millis(HOLD_MS as u64),
            );
        }
    }

    fn lift(&self) {
        let Some(press) = self.press.get_value() else { return };
        self.pointer.set((press.x0, press.y0));
        self.over.set(Some(Target::Stage(press.carry.from.clone())));
        self.carry.set(Some(press.carry));
        if press.touch {
            // A short buzz says "lifted" where the device can.
            let _ = window().navigator().vibrate_with_duration(15);
        }
        autoscroll(*self);
    }

    fn pointer_move(&self, ev: &web_sys::PointerEvent) {
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        if self.carry.with_untracked(|c| c.as_ref().is_some_and(|c| !c.keyboard)) {
            self.pointer.set((x, y));
            let over = target_at(x, y);
            if over.is_some() && self.over.get_untracked() != over {
                self.over.set(over);
            }
            return;
        }
        let Some(press) = self.press.get_value() else { return };
        if press.pointer != ev.pointer_id() {
            return;
        }
        let moved = (x - press.x0).hypot(y - press.y0) > SLOP_PX;
        if moved && press.touch {
            // The finger moved before the hold: it is a scroll.
            self.press.set_value(None);
        } else if moved {
            self.lift();
        }
    }

    fn pointer_up(&self, ev: &web_sys::PointerEvent) {
        let pressed = self.press.get_value().is_some_and(|p| p.pointer == ev.pointer_id());
        self.press.set_value(None);
        if !pressed {
            return;
        }
        if let Some(carry) = self.carry.get_untracked().filter(|c| !c.keyboard) {
            let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
            let over = target_at(x, y).or_else(|| self.over.get_untracked());
            self.swallow_click.set_value(true);
            self.finish(carry, over);
        }
    }

    pub fn cancel(&self) {
        self.press.set_value(None);
        if self.carry.with_untracked(|c| c.as_ref().is_some_and(|c| !c.keyboard)) {
            self.carry.set(None);
            self.over.set(None);
        }
    }

    fn finish(&self, carry: Carry, over: Option<Target>) {
        self.carry.set(None);
        self.over.set(None);
        if let Some(target) = over {
            self.on_drop.run((carry, target));
        }
    }

    /// A card lifted by keyboard is put back when the focus leaves it.
    pub fn blurred(&self, deal: &str) {
        if self.carry.with_untracked(|c| c.as_ref().is_some_and(|c| c.keyboard && c.deal == deal)) {
            self.carry.set(None);
            self.over.set(None);
        }
    }

    /// True once after a drag: the card's click handler then does nothing.
    pub fn take_swallowed_click(&self) -> bool {
        let swallowed = self.swallow_click.get_value();
        self.swallow_click.set_value(false);
        swallowed
    }

    /// Keys on a focused card; true when the key was used here.
    pub fn key(&self, ev: &web_sys::KeyboardEvent, deal: &str, from: &str, rtl: bool) -> bool {
        let carried = self.carry.get_untracked().filter(|c| c.keyboard && c.deal == deal);
        match (ev.key().as_str(), carried) {
            (" ", None) => {
                self.carry.set(Some(Carry { deal: deal.to_string(), from: from.to_string(), keyboard: true }));
                self.over.set(Some(Target::Stage(from.to_string())));
                true
            }
            (" " | "Enter", Some(carry)) => {
                let over = self.over.get_untracked();
                self.finish(carry, over);
                true
            }
            ("Escape", Some(_)) => {
                self.carry.set(None);
                self.over.set(None);
                true
            }
            (key @ ("ArrowLeft" | "ArrowRight"), Some(_)) => {
                // "Forward" is the reading direction: left in Persian.
                let forward = (key == "ArrowRight") != rtl;
                let targets = self.targets.get_untracked();
                let at = self.over.with_untracked(|o| o.as_ref().and_then(|o| targets.iter().position(|t| t == o))).unwrap_or(0);
                let next = if forward { (at + 1).min(targets.len().saturating_sub(1)) } else { at.saturating_sub(1) };
                self.over.set(targets.get(next).cloned());
                true
            }
            _ => false,
        }
    }
}

/// The drop target under a point, if any.
fn target_at(x: f64, y: f64) -> Option<Target> {
    let el = document().element_from_point(x as f32, y as f32)?;
    let zone = el.closest("[data-drop]").ok()??;
    Target::parse(&zone.get_attribute("data-drop")?)
}

/// Chromium scrolls the page under a moving finger unless the touchmove is
/// cancelled, and only a listener registered as not passive may cancel it.
fn prevent_touch_scroll_while_carrying(dnd: Dnd) -> Option<TouchGuard> {
    let on_move = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if dnd.carry.with_untracked(|c| c.as_ref().is_some_and(|c| !c.keyboard)) {
            ev.prevent_default();
        }
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(false);
    window().add_event_listener_with_callback_and_add_event_listener_options("touchmove", on_move.as_ref().unchecked_ref(), &options).ok()?;
    Some(TouchGuard(on_move))
}

/// Removes the touchmove listener when the board goes.
struct TouchGuard(Closure<dyn Fn(web_sys::Event)>);

impl Drop for TouchGuard {
    fn drop(&mut self) {
        let _ = window().remove_event_listener_with_callback("touchmove", self.0.as_ref().unchecked_ref());
    }
}

/// While a card is carried by pointer, scrolls the board sideways near its
/// edges and the column under the pointer near its top and bottom, once a
/// frame, faster the closer the pointer is to the edge.
fn autoscroll(dnd: Dnd) {
    request_animation_frame(move || {
        // Stops when the card is dropped, or the board is gone.
        if !dnd.carry.try_with_untracked(|c| c.as_ref().is_some_and(|c| !c.keyboard)).unwrap_or(false) {
            return;
        }
        let (x, y) = dnd.pointer.get_untracked();
        if let Some(board) = document().query_selector(".board").ok().flatten() {
            let r = board.get_bounding_client_rect();
            board.set_scroll_left(board.scroll_left() + step(x, r.left(), r.right()));
        }
        let column = document().element_from_point(x as f32, y as f32).and_then(|el| el.closest("[data-drop]").ok().flatten()).and_then(|col| col.query_selector(".vlist").ok().flatten());
        if let Some(list) = column {
            let r = list.get_bounding_client_rect();
            list.set_scroll_top(list.scroll_top() + step(y, r.top(), r.bottom()));
        }
        autoscroll(dnd);
    });
}

/// Pixels to scroll this frame for a pointer at `at` between `start` and `end`.
fn step(at: f64, start: f64, end: f64) -> i32 {
    let speed = |distance: f64| ((EDGE_PX - distance).max(0.0) / EDGE_PX * MAX_SCROLL_STEP).round() as i32;
    if at < start + EDGE_PX {
        -speed(at - start)
    } else if at > end - EDGE_PX {
        speed(end - at)
    } else {
        0
    }
}
