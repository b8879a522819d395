//! Tasks: the form, the open tasks on a customer's page, and the inbox
//! (کارتابل) that plans the salesperson's day.

use crate::browser_env::now_local;
use crate::components::{asked, record_route, ChoiceField, FormAlert, FormStatus, SaveButton, TextField, When, WhenField};
use crate::areas::kind::{page, KindView};
use crate::areas::{area_routes, Tab};
use crate::i18n::{labels, local_datetime, store_error_text, Lang, Texts};
use crate::state::{AppState, StoreStatus};
use crate::timeline::item::Item;
use chrono::NaiveDateTime;
use daftar_core::check::Field;
use daftar_core::locale::{format_date, localize_digits};
use daftar_core::store::Record;
use daftar_core::tasks::{self, arrange, InboxSort, Priority, Task, TaskInput};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// "Tuesday 1405/09/04 10:00" as the user reads it.
fn due_text(due: NaiveDateTime, lang: Lang) -> String {
    let time = due.format("%H:%M").to_string();
    format!("{} {}", format_date(due.date(), lang), localize_digits(&time, lang))
}

/// One task line with its done button; `customer` adds a link to the customer.
#[component]
fn TaskRow(record: Record, task: Task, #[prop(optional)] customer: Option<(String, String)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let record = StoredValue::new(record);
    let done = task.is_done();
    let toggle = move |_| {
        leptos::task::spawn_local(async move {
            let r = record.get_value();
            match state.set_task_done(&r, !done).await {
                Ok(()) if !done => state.notify_task_done(&r),
                Ok(()) => {}
                Err(e) => state.notify(store_error_text(&e, state.lang.get_untracked()), None),
            }
        });
    };
    let due = task.due;
    let priority = task.priority;
    view! {
        <li class="task-row" class:pressing=priority.is_pressing() data-testid="task">
            <button class="btn check-btn" on:click=toggle data-testid="task-done" aria-pressed=done.to_string()>
                {move || if done { t().reopen } else { t().tasks.complete }}
            </button>
            <div class="task-text">
                <a href=format!("/tasks/{}", record.with_value(|r| r.id.clone())) class="row-title"><bdi>{task.title.clone()}</bdi></a>
                <span class="muted">
                    {move || due.map(|d| due_text(d, state.lang.get())).unwrap_or_default()}
                    {move || (priority != Priority::Normal).then(|| {
                        let separator = if due.is_some() { state.t().part_separator } else { "" };
                        format!("{separator}{}", labels::priority(priority, state.t()))
                    })}
                </span>
                {customer.map(|(id, name)| view! { <a class="muted" href=format!("/customers/{id}")><bdi>{name}</bdi></a> })}
            </div>
        </li>
    }
}

impl AppState {
    /// After a task is done: offer to log what happened and plan the next step.
    fn notify_task_done(&self, record: &Record) {
        let customer = record.read::<Task>().map(|task| task.customer_id).unwrap_or_default();
        self.notify(self.t_untracked().tasks.task_done.to_string(), (!customer.is_empty()).then_some(crate::state::ToastAction::LogAfterTask(customer)));
    }
}

#[component]
pub fn TasksCard(customer_id: String, tasks: Vec<Record>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let mut open: Vec<(Record, Task)> = tasks.into_iter().filter_map(|r| Some((r.clone(), r.decode::<Task>().ok()?))).filter(|(_, t)| !t.is_done()).collect();
    open.sort_by_key(|(_, t)| (t.due.is_none(), t.due));
    view! {
        <div class="card" data-testid="open-tasks">
            <div class="card-head">
                <h2>{move || t().tasks.open_tasks}</h2>
                <a class="btn" href=format!("/tasks/new?customer={customer_id}") data-testid="add-task">{move || t().tasks.new_task}</a>
            </div>
            <ul class="plain-list">
                {open.into_iter().map(|(record, task)| view! { <TaskRow record task/> }).collect_view()}
            </ul>
        </div>
    }
}

/// The inbox: my open tasks by overdue, today, next seven days, later.
#[component]
pub fn Inbox() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let sort = RwSignal::new(InboxSort::Due);
    let loaded = LocalResource::new(move || {
        state.changes.track();
        let ready = state.store_status.get() == StoreStatus::Ready;
        async move {
            if !ready {
                return None;
            }
            Some(state.all_live(tasks::KIND).await)
        }
    });
    let sections = move || {
        // Waiting for the customer names too keeps each row from growing its customer link after it is drawn.
        if !state.customers_loaded.get() {
            return None;
        }
        let records = loaded.get().flatten()?.ok()?;
        let items: Vec<(Record, Task)> = records.into_iter().filter_map(|r| Some((r.clone(), r.decode::<Task>().ok()?))).collect();
        Some(arrange(items, |(_, t)| t, &state.my_name(), now_local(), sort.get()))
    };
    let customer_name = move |id: &str| state.customers.with(|ix| ix.row(id).map(|r| r.name.clone()));
    let export = move |_| {
        let Some(sections) = sections() else { return };
        let name_of = |id: &str| state.customers.with_untracked(|ix| ix.row(id).map(|r| r.name.clone())).unwrap_or_default();
        let bytes = crate::state::export::inbox_csv(&sections, name_of, state.t_untracked(), state.lang.get_untracked());
        if crate::state::export::download(&bytes, &format!("daftar-inbox-{}.csv", crate::browser_env::today())).is_err() {
            state.notify(state.t_untracked().customers.export_failed.to_string(), None);
        }
    };
    view! {
        <section class="page">
            <div class="list-head">
                <h1>{move || t().tasks.nav_inbox}</h1>
                <button class="btn" on:click=export data-testid="export-inbox">{move || t().export_csv}</button>
                <a class="btn primary" href="/tasks/new" data-testid="new-task">{move || t().tasks.new_task}</a>
            </div>
            <div class="segmented" role="group">
                {[(InboxSort::Due, (|t| t.tasks.sort_by_due) as crate::i18n::TextOf), (InboxSort::Priority, |t| t.tasks.sort_by_priority)].map(|(s, label)| view! {
                    <button class="btn" class:primary=move || sort.get() == s aria-pressed=move || (sort.get() == s).to_string()
                        data-testid=format!("sort-{s:?}").to_lowercase() on:click=move |_| sort.set(s)>{move || label(t())}</button>
                })}
            </div>
            {move || match sections() {
                None => view! { <p class="muted">{t().loading}</p> }.into_any(),
                Some(s) if s.is_empty() => view! { <p class="empty">{t().tasks.inbox_empty}</p> }.into_any(),
                Some(s) => s.into_iter().map(|section| view! {
                    <div class="card inbox-section" data-testid=format!("bucket-{:?}", section.bucket).to_lowercase()>
                        <h2>{labels::bucket(section.bucket, t())}{t().part_separator}{localize_digits(&section.tasks.len().to_string(), state.lang.get())}</h2>
                        <ul class="plain-list">
                            {section.tasks.into_iter().map(|(record, task)| {
                                let customer = (!task.customer_id.is_empty()).then(|| task.customer_id.clone())
                                    .and_then(|id| customer_name(&id).map(|n| (id, n)));
                                match customer {
                                    Some(customer) => view! { <TaskRow record task customer/> }.into_any(),
                                    None => view! { <TaskRow record task/> }.into_any(),
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                }).collect_view().into_any(),
            }}
            // Below the tasks: they arrive later, and above they would push a task from under a finger.
            <crate::pages::warranty::RenewalsReminder/>
            <crate::pages::surveys::SurveySuggestions/>
        </section>
    }
}

/// New task: `/tasks/new?customer=ID`; edit: `/tasks/ID`.
#[component]
pub fn TaskEdit() -> impl IntoView {
    record_route::<Task, _>(|t| t.not_found, ("/inbox", |t| t.tasks.nav_inbox), |existing| view! { <TaskForm existing/> })
}

#[component]
fn TaskForm(existing: Option<(Record, Task)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let lang = state.lang.get_untracked();
    let navigate = use_navigate();
    let input = existing.as_ref().map(|(_, task)| TaskInput::from_task(task)).unwrap_or_else(|| TaskInput {
        customer_id: asked("customer"),
        owner: state.my_name_untracked(),
        ..Default::default()
    });
    let title = RwSignal::new(input.title);
    let notes = RwSignal::new(input.notes);
    let when = When::new(input.due, lang);
    let priority = RwSignal::new(input.priority);
    let owner = RwSignal::new(input.owner);
    let customer_id = input.customer_id;
    let contact_id = RwSignal::new(input.contact_id);
    // The customer's contacts, to say who the task is with.
    let contacts = LocalResource::new({
        let customer_id = customer_id.clone();
        move || {
            let customer_id = customer_id.clone();
            async move {
                if customer_id.is_empty() {
                    return Vec::new();
                }
                let linked = state.linked_to(daftar_core::customers::KIND, &customer_id).await.unwrap_or_default();
                linked
                    .iter()
                    .filter(|r| r.kind == daftar_core::contacts::KIND)
                    .filter_map(|r| Some((r.id.clone(), r.decode::<daftar_core::contacts::Contact>().ok()?.name)))
                    .collect::<Vec<_>>()
            }
        }
    });
    let status = FormStatus::new();
    let errors = status.errors;
    let back = if customer_id.is_empty() { "/inbox".to_string() } else { format!("/customers/{customer_id}") };
    let is_new = existing.is_none();
    let existing = StoredValue::new(existing.map(|(record, _)| record));
    let back_to = back.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = state.lang.get_untracked();
        let Ok(due) = when.read(lang) else { return };
        let input = TaskInput {
            title: title.get_untracked(),
            notes: notes.get_untracked(),
            due,
            priority: priority.get_untracked(),
            owner: owner.get_untracked(),
            customer_id: customer_id.clone(),
            contact_id: contact_id.get_untracked(),
        };
        let (navigate, back) = (navigate.clone(), back_to.clone());
        status.save(state, |t| t.tasks.task_saved, async move { state.save_task(existing.get_value().as_ref(), &input).await }, move |_| navigate(&back, Default::default()));
    };
    view! {
        <section class="page form-page">
            <h1>{move || if is_new { t().tasks.new_task } else { t().tasks.edit_task }}</h1>
            <form on:submit=submit novalidate data-testid="task-form">
                <FormAlert status/>
                <TextField errors=errors id="task-title" label=|t| t.field_title value=title field=Field::Subject required=true/>
                <WhenField id="task-due" label=|t| t.tasks.field_due when=when/>
                <div class="row2">
                    <ChoiceField id="task-priority" label=|t| t.tasks.field_priority value=priority choices=&Priority::ALL name_of=labels::priority/>
                    <TextField errors=errors id="task-owner" label=|t| t.field_owner value=owner field=Field::Other/>
                </div>
                {move || contacts.get().filter(|c| !c.is_empty()).map(|contacts| view! {
                    <div class="field">
                        <label for="task-contact">{move || t().field_contact}</label>
                        <select id="task-contact" prop:value=move || contact_id.get() on:change=move |ev| contact_id.set(event_target_value(&ev))>
                            <option value="">{move || t().no_contact}</option>
                            {contacts.into_iter().map(|(id, name)| view! { <option value=id.clone() selected=contact_id.get_untracked() == id>{name}</option> }).collect_view()}
                        </select>
                    </div>
                })}
                <TextField errors=errors id="task-notes" label=|t| t.field_notes value=notes field=Field::Notes multiline=true/>
                <div class="actions">
                    <SaveButton status testid="task-save"/>
                    <a class="btn ghost" href=back>{move || t().cancel}</a>
                </div>
            </form>
        </section>
    }
}

pub fn timeline_item(record: &Record, t: &Texts, lang: Lang) -> Option<Item> {
    let task: Task = record.decode().ok()?;
    let (at, label, kind) = match task.done_at {
        Some(done) => (done, t.tasks.timeline_task_done, "task-done"),
        None => (record.created_at, t.tasks.timeline_task, "task"),
    };
    Some(Item {
        at,
        kind,
        label: label.to_string(),
        detail: task.due.map(|d| format!("{}: {}", t.tasks.field_due, due_text(d, lang))).unwrap_or_default(),
        title: task.title,
        when: local_datetime(at, lang),
        href: Some(format!("/tasks/{}", record.id)),
    })
}

pub const KINDS: &[KindView] = &[KindView {
    kind: tasks::KIND,
    heading: |t| t.tasks.tasks,
    opens: |hit| page("/tasks", hit),
    timeline: Some(|r, t, lang| timeline_item(r, t, lang).into_iter().collect()),
    field: field_label,
}];

fn field_label(name: &str, t: &Texts) -> &'static str {
    match name {
        "due" => t.tasks.field_due,
        "priority" => t.tasks.field_priority,
        "done_at" => t.field_status,
        _ => "",
    }
}

/// Its main tab.
pub const TAB: Tab = Tab { href: "/inbox", icon: "inbox", label: |t| t.tasks.nav_inbox };

area_routes!(TaskRoutes {
    "/inbox" => Inbox,
    "/tasks/new" | "/tasks/:id" => TaskEdit,
});
