//! Import customers from a CSV file (or a phone's .vcf address book, which
//! needs no mapping): choose the file, say which column goes
//! where, check every row (in slices, with progress and cancel, so 50,000
//! rows never freeze the page), read the per-row report, then confirm. Only
//! the confirmation writes, and it writes all valid rows as one batch.

use crate::browser_env::{sleep_ms, BrowserEnv};
use crate::i18n::{csv_error_text, labels, problem_text, store_error_text, vcard_problem_text};
use crate::state::AppState;
use daftar_core::customers::{guess_targets, DuplicateKeys, ImportCheck, Importer, LookAlike, RowDuplicate, RowError, RowProblem, Target};
use daftar_core::import::{decode, read_csv, read_vcards};
use daftar_core::locale::localize_digits;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Rows checked between two yields to the browser (a few milliseconds of work).
const SLICE: usize = 500;
/// Problems listed on screen; the rest are counted.
const SHOWN_PROBLEMS: usize = 200;

#[derive(Clone, Copy, PartialEq)]
enum Step {
    Choose,
    Map,
    Checking,
    Report,
    Saving,
}

#[component]
pub fn CustomerImport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let navigate = use_navigate();
    let step = RwSignal::new(Step::Choose);
    let text = StoredValue::new_local(None::<Rc<str>>);
    let headers = RwSignal::new(Vec::<String>::new());
    let samples = RwSignal::new(Vec::<Vec<String>>::new());
    let targets = RwSignal::new(Vec::<Target>::new());
    let progress = RwSignal::new(0.0);
    let cancelled = RwSignal::new(false);
    let valid = RwSignal::new(0usize);
    let problems = RwSignal::new(Vec::<RowProblem>::new());
    let checked = StoredValue::new_local(None::<ImportCheck>);
    let duplicates = RwSignal::new(Vec::<RowDuplicate>::new());
    let skip_duplicates = RwSignal::new(true);
    let alert = RwSignal::new(None::<String>);

    let show_result = move |mut result: ImportCheck| {
        valid.set(result.batch.writes.len());
        problems.set(std::mem::take(&mut result.problems));
        duplicates.set(result.duplicates.clone());
        checked.set_value(Some(result));
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).and_then(|i| i.files()).and_then(|f| f.get(0)) else {
            return;
        };
        alert.set(None);
        leptos::task::spawn_local(async move {
            let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
                alert.set(Some(state.t_untracked().customers.import_unreadable.to_string()));
                return;
            };
            let span = crate::perf::start("daftar:import-read");
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            let lang = state.lang.get_untracked();
            let decoded = match decode(&bytes) {
                Ok(d) => d,
                Err(_) => return alert.set(Some(state.t_untracked().customers.import_unreadable.to_string())),
            };
            if is_vcard(&decoded.text) {
                // Address-book cards need no column mapping: straight to the report.
                let cards = read_vcards(&decoded.text);
                let mut importer = Importer::new(Vec::new(), state.customers.with_untracked(DuplicateKeys::of_index));
                for error in &cards.errors {
                    importer.note_vcard_problem(error.line, error.problem);
                }
                for card in &cards.contacts {
                    importer.push_vcard(card, &BrowserEnv);
                }
                let result = importer.finish();
                show_result(result);
                step.set(Step::Report);
                return;
            }
            let body: Rc<str> = decoded.text.into();
            match read_csv(&body) {
                Ok(table) => {
                    let head = table.headers.clone();
                    let first: Vec<Vec<String>> = table.take(3).filter_map(Result::ok).map(|r| r.cells).collect();
                    targets.set(guess_targets(&head));
                    headers.set(head);
                    samples.set(first);
                    text.set_value(Some(body));
                    step.set(Step::Map);
                    span.end();
                }
                Err(e) => alert.set(Some(csv_error_text(&e, lang))),
            }
        });
    };

    let check = move |_| {
        if !targets.with(|t| t.contains(&Target::Name)) {
            alert.set(Some(state.t_untracked().customers.import_need_name.to_string()));
            return;
        }
        let Some(body) = text.get_value() else { return };
        alert.set(None);
        cancelled.set(false);
        progress.set(0.0);
        step.set(Step::Checking);
        leptos::task::spawn_local(async move {
            let mut table = match read_csv(&body) {
                Ok(table) => table,
                Err(e) => {
                    alert.set(Some(csv_error_text(&e, state.lang.get_untracked())));
                    return step.set(Step::Map);
                }
            };
            let mut importer = Importer::new(targets.get_untracked(), state.customers.with_untracked(DuplicateKeys::of_index));
            loop {
                let mut read = 0;
                for row in table.by_ref().take(SLICE) {
                    importer.push(row, &BrowserEnv);
                    read += 1;
                }
                progress.set(table.position() as f64 / body.len().max(1) as f64);
                valid.set(importer.valid());
                if read < SLICE {
                    break;
                }
                // Let the browser paint the progress and handle a tap on cancel.
                sleep_ms(0).await;
                if cancelled.get_untracked() {
                    step.set(Step::Map);
                    alert.set(Some(state.t_untracked().customers.import_cancelled.to_string()));
                    return;
                }
            }
            let result = importer.finish();
            show_result(result);
            step.set(Step::Report);
        });
    };

    let confirm = move |_| {
        // Taken, not cloned: 50,000 writes are worth not copying.
        let Some(result) = checked.try_update_value(Option::take).flatten() else { return };
        let b = result.into_batch(skip_duplicates.get_untracked());
        step.set(Step::Saving);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let lang = state.lang.get_untracked();
            match state.import_customers(b).await {
                Ok(()) => {
                    state.notify(state.t_untracked().customers.import_done.to_string(), None);
                    navigate("/customers", Default::default());
                }
                Err(e) => {
                    // Nothing was written; checking again rebuilds the rows.
                    alert.set(Some(store_error_text(&e, lang)));
                    step.set(Step::Map);
                }
            }
        });
    };

    let digits = move |n: usize| localize_digits(&n.to_string(), state.lang.get());
    view! {
        <section class="page import-page">
            <h1>{move || t().customers.import_csv}</h1>
            {move || alert.get().map(|a| view! { <p class="alert" role="alert" data-testid="import-alert">{a}</p> })}
            <Show when=move || step.get() == Step::Choose>
                <label class="card file-pick">
                    <span>{move || t().customers.import_choose_file}</span>
                    // The browser's own file button speaks the browser's language, not the app's.
                    <span class="btn primary">{move || t().customers.import_pick_file}</span>
                    <input type="file" class="visually-hidden" accept=".csv,text/csv,.txt,.vcf,text/vcard" on:change=on_file data-testid="import-file"/>
                </label>
            </Show>
            <Show when=move || step.get() == Step::Map>
                <table class="card mapping">
                    <thead><tr><th>{move || t().customers.import_column}</th><th>{move || t().customers.import_goes_to}</th><th>{move || t().customers.import_sample}</th></tr></thead>
                    <tbody>
                        {move || headers.get().into_iter().enumerate().map(|(i, header)| view! {
                            <tr>
                                <td><bdi>{header}</bdi></td>
                                <td><TargetSelect column=i targets=targets/></td>
                                <td class="muted"><bdi>{samples.with(|s| s.first().and_then(|r| r.get(i)).cloned().unwrap_or_default())}</bdi></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <div class="actions">
                    <button class="btn primary" on:click=check data-testid="import-check">{move || t().customers.import_check}</button>
                    <button class="btn ghost" on:click=move |_| { alert.set(None); step.set(Step::Choose); }>{move || t().customers.import_other_file}</button>
                </div>
            </Show>
            <Show when=move || step.get() == Step::Checking>
                <div class="card">
                    <p>{move || t().customers.import_checking}</p>
                    <progress max="1" value=move || progress.get() data-testid="import-progress"></progress>
                    <p class="muted">{move || format!("{} {}", digits(valid.get()), t().customers.import_rows_ok)}</p>
                    <button class="btn" on:click=move |_| cancelled.set(true) data-testid="import-cancel">{move || t().customers.import_cancel}</button>
                </div>
            </Show>
            <Show when=move || matches!(step.get(), Step::Report | Step::Saving)>
                <div class="card">
                    <p data-testid="import-summary">
                        <strong>{move || digits(valid.get())}</strong>" "{move || t().customers.import_rows_ok}{move || t().part_separator}
                        <strong>{move || digits(problems.with(Vec::len))}</strong>" "{move || t().customers.import_rows_bad}
                    </p>
                    <p class="muted">{move || t().customers.import_nothing_yet}</p>
                    <ul class="problems" data-testid="import-problems">
                        {move || problems.with(|ps| ps.iter().take(SHOWN_PROBLEMS).map(|p| problem_line(p, state)).collect_view())}
                    </ul>
                    <Show when=move || problems.with(|p| p.len() > SHOWN_PROBLEMS)>
                        <p class="muted">{move || format!("+{} {}", digits(problems.with(Vec::len) - SHOWN_PROBLEMS), t().customers.import_more_problems)}</p>
                    </Show>
                    <Show when=move || !duplicates.with(Vec::is_empty)>
                        <div class="warning" data-testid="import-duplicates">
                            <p><strong>{move || format!("{} {}", digits(duplicates.with(Vec::len)), t().customers.import_duplicates)}</strong></p>
                            <ul class="problems">
                                {move || duplicates.with(|ds| ds.iter().take(SHOWN_PROBLEMS).map(|d| duplicate_line(d, state)).collect_view())}
                            </ul>
                            <label class="check">
                                <input type="checkbox" prop:checked=move || skip_duplicates.get()
                                    on:change=move |ev| skip_duplicates.set(event_target_checked(&ev)) data-testid="import-skip-duplicates"/>
                                {move || t().customers.import_skip_duplicates}
                            </label>
                        </div>
                    </Show>
                    <div class="actions">
                        <button class="btn primary" on:click=confirm.clone() data-testid="import-confirm"
                            disabled=move || valid.get() == 0 || step.get() == Step::Saving>
                            {move || {
                                let skipped = if skip_duplicates.get() { duplicates.with(Vec::len) } else { 0 };
                                format!("{} ({})", t().customers.import_confirm, digits(valid.get() - skipped))
                            }}
                        </button>
                        <a class="btn ghost" href="/customers">{move || t().cancel}</a>
                    </div>
                </div>
            </Show>
        </section>
    }
}

/// "Row 12 · same phone as Ali Karimi" (or "as row 5 of this file").
fn duplicate_line(d: &RowDuplicate, state: AppState) -> impl IntoView {
    let d = d.clone();
    move || {
        let t = state.t();
        let lang = state.lang.get();
        let like = match &d.like {
            LookAlike::Stored { name, .. } => name.clone(),
            LookAlike::Row { line, name } => format!("{name} ({} {})", t.customers.import_line, localize_digits(&line.to_string(), lang)),
        };
        let sep = t.part_separator;
        format!("{} {}{sep}{}{sep}{}: {}", t.customers.import_line, localize_digits(&d.line.to_string(), lang), d.name, labels::duplicate_reason(d.reason, t), like)
    }
}

#[component]
fn TargetSelect(column: usize, targets: RwSignal<Vec<Target>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let on_change = move |ev| {
        if let Some(target) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| Target::ALL.get(i)) {
            targets.update(|t| t[column] = *target);
        }
    };
    let current = move || targets.with(|t| t.get(column).copied().unwrap_or(Target::Skip));
    view! {
        <select on:change=on_change data-testid=format!("import-target-{column}")>
            {Target::ALL.iter().enumerate().map(|(i, target)| {
                let target = *target;
                view! { <option value=i.to_string() selected=move || current() == target>{move || labels::import_target(target, state.t())}</option> }
            }).collect_view()}
        </select>
    }
}

fn problem_line(p: &RowProblem, state: AppState) -> impl IntoView {
    let lang = state.lang.get();
    let t = state.t();
    let reasons: Vec<String> = match &p.problem {
        RowError::Csv(e) => vec![csv_error_text(e, lang)],
        RowError::VCard(problem) => vec![vcard_problem_text(*problem, lang)],
        RowError::Invalid(errors) => {
            errors.iter().map(|e| format!("{}: {}", labels::field(e.field, t), problem_text(e.problem, lang))).collect()
        }
    };
    view! {
        <li>
            <strong>{localize_digits(&format!("{} {}", t.customers.import_line, p.line), lang)}</strong>
            <ul>{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
        </li>
    }
}

fn is_vcard(text: &str) -> bool {
    text.trim_start().get(..11).is_some_and(|head| head.eq_ignore_ascii_case("BEGIN:VCARD"))
}
