//! The pipeline board: one column per stage with its count, sum and
//! weighted sum, virtualised so thousands of cards stay light, and cards
//! that move by finger, mouse or keyboard.

use super::card::{DealCard, CARD_ROW_PX};
use super::close::{CloseDialog, Closing};
use super::drag::{Carry, Dnd, Target};
use super::filters::FilterBar;
use super::quick_add::QuickAdd;
use super::{use_sales, PipelineTabs};
use daftar_core::locale::format_money;
use crate::components::VirtualList;
use crate::state::AppState;
use daftar_core::pipeline::{Column, Filter, Pipeline};
use leptos::prelude::*;

/// What a board was drawn for: drawn again from scratch when any of it changes.
#[derive(Clone, Debug, Default, PartialEq)]
struct DrawnFor {
    pipeline_id: String,
    pipeline: Option<Pipeline>,
    filter: Filter,
    /// The tag filtered on and how many customers carry it, once read.
    tagged: Option<(String, usize)>,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Drawn {
    drawn_for: DrawnFor,
    /// The deal book and its version the columns reflect.
    version: (u64, u64),
    columns: Vec<Column>,
}

#[component]
pub fn Board() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let (pipeline_id, ready) = use_sales();
    let filter = RwSignal::new(Filter::default());
    let closing = RwSignal::new(None::<Closing>);
    let announce = RwSignal::new(String::new());
    // The customers carrying the tag filtered on, read when the tag changes.
    let tagged = RwSignal::new(None::<(String, std::collections::HashSet<String>)>);
    Effect::new(move || {
        let tag = filter.with(|f| f.tag.clone());
        if tag.is_empty() || tagged.with_untracked(|t| t.as_ref().is_some_and(|(of, _)| *of == tag)) {
            return;
        }
        leptos::task::spawn_local(async move {
            let ids = state.customers_tagged(&tag).await;
            tagged.set(Some((tag, ids)));
        });
    });
    let pipeline = Memo::new(move |_| state.sales().with(|s| s.as_ref().and_then(|s| s.pipeline(&pipeline_id.get()).cloned())));
    // The board as last drawn, and what it was drawn for: one change later
    // (a card moved), only the deals of that change are moved, instead of
    // grouping and sorting 5,000 deals again.
    let board = Memo::new_owning(move |before: Option<Drawn>| {
        let key = DrawnFor {
            pipeline_id: pipeline_id.get(),
            pipeline: pipeline.get(),
            filter: filter.get(),
            tagged: tagged.with(|t| t.as_ref().map(|(tag, ids)| (tag.clone(), ids.len()))),
        };
        let now = js_sys::Date::now() as i64;
        let span = crate::perf::start("daftar:board");
        let has_tag = |customer: &str, tag: &str| tagged.with_untracked(|t| t.as_ref().is_some_and(|(of, ids)| of == tag && ids.contains(customer)));
        let drawn = state.sales().with(|s| {
            let (Some(s), Some(p)) = (s.as_ref(), key.pipeline.as_ref()) else { return (Drawn::default(), true) };
            let version = s.deals.version();
            match before {
                Some(d) if d.drawn_for == key && d.version == version => (d, false),
                Some(mut d) if d.drawn_for == key && (d.version.0, d.version.1 + 1) == version => {
                    let moved = s.deals.board_after(&mut d.columns, &key.pipeline_id, p, &key.filter, now, &has_tag);
                    d.version = version;
                    (d, moved)
                }
                _ => {
                    let columns = s.deals.board(&key.pipeline_id, p, &key.filter, now, &has_tag);
                    (Drawn { drawn_for: key.clone(), version, columns }, true)
                }
            }
        });
        span.end();
        drawn
    });
    let on_drop = Callback::new(move |(carry, target): (Carry, Target)| drop_card(state, carry, target, board, closing, announce));
    let dnd = Dnd::new(on_drop);
    provide_context(dnd);
    Effect::new(move || {
        let mut targets: Vec<Target> = pipeline.with(|p| p.iter().flat_map(|p| p.stages.iter().map(|s| Target::Stage(s.id.clone()))).collect());
        targets.extend([Target::Won, Target::Lost]);
        dnd.targets.set(targets);
    });
    // Says what a keyboard user is carrying and where it would go.
    Effect::new(move || {
        let (Some(carry), Some(over)) = (dnd.carry.get(), dnd.over.get()) else { return };
        if carry.keyboard {
            announce.set(format!("{} {}", t().pipeline.carrying_to, target_name(&over, pipeline.get().as_ref(), t())));
        }
    });
    view! {
        <section class="board-page">
            <div class="board-head">
                <PipelineTabs current=pipeline_id view="board"/>
                <FilterBar filter=filter pipeline_id=pipeline_id/>
            </div>
            <Show when=move || ready.get() fallback=move || view! { <p class="muted page">{move || t().loading}</p> }>
                <div class="board" data-testid="board" class:carrying=move || dnd.carry.with(Option::is_some)>
                    <For each=move || pipeline.get().map(|p| p.stages).unwrap_or_default()
                        key=|s| (s.id.clone(), s.name.clone(), s.probability)
                        children=move |stage| view! { <BoardColumn stage_id=stage.id name=stage.name board pipeline_id/> }/>
                </div>
                <div class="drop-bar" class:shown=move || dnd.carry.with(Option::is_some)>
                    <div class="drop-zone won" data-drop="won" class:over=move || dnd.over.get() == Some(Target::Won) data-testid="drop-won">{move || t().pipeline.deal_won}</div>
                    <div class="drop-zone lost" data-drop="lost" class:over=move || dnd.over.get() == Some(Target::Lost) data-testid="drop-lost">{move || t().pipeline.deal_lost}</div>
                </div>
                <Ghost/>
            </Show>
            {move || closing.get().map(|c| view! { <CloseDialog closing=c on_close=move || closing.set(None) on_done=move || closing.set(None)/> })}
            <p class="visually-hidden" aria-live="polite" data-testid="board-announce">{move || announce.get()}</p>
        </section>
    }
}

fn target_name(target: &Target, pipeline: Option<&Pipeline>, t: &crate::i18n::Texts) -> String {
    match target {
        Target::Stage(id) => pipeline.and_then(|p| p.stage(id)).map(|s| s.name.clone()).unwrap_or_default(),
        Target::Won => t.pipeline.deal_won.to_string(),
        Target::Lost => t.pipeline.deal_lost.to_string(),
    }
}

fn drop_card(state: AppState, carry: Carry, target: Target, board: Memo<Drawn>, closing: RwSignal<Option<Closing>>, announce: RwSignal<String>) {
    match target {
        Target::Stage(stage) if stage == carry.from => announce.set(state.t_untracked().pipeline.move_cancelled.to_string()),
        Target::Stage(stage) => {
            leptos::task::spawn_local(async move {
                let span = crate::perf::start("daftar:stage-move");
                let moved = state.move_deal(&carry.deal, &stage).await;
                span.end();
                match moved {
                    Ok(()) => {
                        announce.set(state.t_untracked().pipeline.card_moved.to_string());
                        if carry.keyboard {
                            reveal_card(&carry.deal, &stage, board).await;
                        }
                    }
                    Err(e) => state.notify(super::move_failure_text(&e, state), None),
                }
            });
        }
        Target::Won => closing.set(Some(Closing::won(carry.deal))),
        Target::Lost => closing.set(Some(Closing::lost(carry.deal))),
    }
}

/// After a keyboard move, scrolls the card into its new column's view and
/// gives it the focus back, so the next arrow press moves it again.
async fn reveal_card(deal: &str, stage: &str, board: Memo<Drawn>) {
    use wasm_bindgen::JsCast;
    for _ in 0..10 {
        crate::browser_env::sleep_ms(16).await;
        let card = document().query_selector(&format!("[data-deal-id=\"{deal}\"]")).ok().flatten();
        if let Some(card) = card.and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = card.focus();
            return;
        }
        let Some(index) = board.try_with_untracked(|b| b.columns.iter().find(|c| c.stage == stage).and_then(|c| c.deals.iter().position(|d| d == deal))) else { return };
        let list = document().query_selector(&format!("[data-stage=\"{stage}\"] .vlist")).ok().flatten();
        if let (Some(list), Some(i)) = (list, index) {
            list.set_scroll_top((i as f64 * CARD_ROW_PX) as i32);
        }
    }
}

#[component]
fn BoardColumn(stage_id: String, name: String, board: Memo<Drawn>, pipeline_id: Memo<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let dnd = expect_context::<Dnd>();
    let t = move || state.t();
    // By stage id, not position: stages reordered in another tab keep their cards.
    let index = Memo::new({
        let stage_id = stage_id.clone();
        move |_| board.with(|b| b.columns.iter().position(|c| c.stage == stage_id))
    });
    let count = Signal::derive(move || board.with(|b| index.get().and_then(|i| b.columns.get(i)).map_or(0, |c| c.deals.len())));
    // One line per currency: the sum, then the weighted sum.
    let totals = move || {
        let lang = state.lang.get();
        let sums = board.with(|b| index.get().and_then(|i| b.columns.get(i)).map(|c| c.totals.by_currency()).unwrap_or_default());
        sums.into_iter()
            .map(|(c, s)| view! {
                <div class="col-sum"><strong>{format_money(s.amount, c, lang)}</strong></div>
                <div class="col-sum">{format!("{} {}", t().pipeline.weighted_short, format_money(s.weighted, c, lang))}</div>
            })
            .collect_view()
    };
    let drop_attr = Target::Stage(stage_id.clone()).attr();
    let over = {
        let stage_id = stage_id.clone();
        move || dnd.over.with(|o| matches!(o, Some(Target::Stage(s)) if *s == stage_id)) && dnd.carry.with(Option::is_some)
    };
    let adding = RwSignal::new(false);
    let quick_stage = stage_id.clone();
    let key = move |i: usize| board.with_untracked(|b| index.get_untracked().and_then(|at| b.columns.get(at)).and_then(|c| c.deals.get(i).cloned()).unwrap_or_default());
    let render = move |i: usize| view! { <DealCard id=key(i)/> };
    view! {
        <section class="board-col" data-drop=drop_attr class:over=over data-testid="board-column" data-stage=stage_id.clone()>
            <header class="col-head">
                <div class="col-title">
                    <h2>{name}</h2>
                    <span class="badge" data-testid="column-count">{move || daftar_core::locale::localize_digits(&count.get().to_string(), state.lang.get())}</span>
                    <button type="button" class="btn ghost add" aria-label=move || t().pipeline.quick_add_deal on:click=move |_| adding.update(|a| *a = !*a) data-testid="quick-add">
                        <crate::components::Icon name="plus"/>
                    </button>
                </div>
                <div class="col-sums muted" data-testid="column-sums">{totals}</div>
            </header>
            <Show when=move || adding.get()>
                <QuickAdd pipeline_id=pipeline_id.get_untracked() stage_id=quick_stage.clone() done=move || adding.set(false)/>
            </Show>
            <VirtualList count=count row_height=CARD_ROW_PX key=key render=render/>
        </section>
    }
}

/// The card under the finger or mouse while it is carried.
#[component]
fn Ghost() -> impl IntoView {
    let state = expect_context::<AppState>();
    let dnd = expect_context::<Dnd>();
    let title = move || {
        let carry = dnd.carry.get().filter(|c| !c.keyboard)?;
        state.sales().with_untracked(|s| s.as_ref()?.deals.get(&carry.deal).map(|e| e.fields.title.clone()))
    };
    let style = move || {
        let (x, y) = dnd.pointer.get();
        format!("transform: translate({}px, {}px)", x - 40.0, y - 30.0)
    };
    view! {
        {move || title().map(|title| view! { <div class="drag-ghost" style=style aria-hidden="true">{title}</div> })}
    }
}
