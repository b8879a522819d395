//! What each rep planned and did, week by week in the period: tasks due,
//! done and overdue, and activities by type. A rep's name opens their open
//! tasks, each of which the manager can hand to someone else.

use super::frame::Scope;
use super::table::ReportTable;
use super::{report_body, Empty};
use crate::browser_env::today;
use crate::i18n::{labels, save_error_text, Texts};
use crate::state::AppState;
use daftar_core::activities::ActivityType;
use daftar_core::locale::{format_date, format_number, Lang};
use daftar_core::reports::{team_activity, ActivityDone, TaskPlanned, WeekRow};
use daftar_core::store::Record;
use daftar_core::tasks::{self, Task, TaskInput};
use leptos::prelude::*;

#[component]
pub fn TeamReport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let scope = expect_context::<Scope>();
    let report = Memo::new(move |_| {
        let (period, filter, lang) = (scope.period.get(), scope.filter(), state.lang.get());
        crate::perf::timed("daftar:report-team", || {
            state.reports().with(|data| {
                let data = data.as_ref()?;
                let tasks: Vec<&TaskPlanned> = data.tasks.values().collect();
                let activities: Vec<&ActivityDone> = data.activities.values().collect();
                Some(team_activity(&tasks, &activities, period, &filter, today(), lang))
            })
        })
    });
    // The rep whose open tasks are shown.
    let plan_of = RwSignal::new(None::<String>);
    let none = Empty { when: |rows: &Vec<WeekRow>| rows.is_empty(), text: |t| t.reports.team_none, testid: "team-none" };
    report_body(report.into(), Some(none), move |rows| view! { <TeamTable rows plan_of/> <RepPlan plan_of/> })
}

fn cells(row: &WeekRow, t: &Texts, lang: Lang) -> Vec<String> {
    let mut cells = vec![
        if row.owner.is_empty() { t.reports.no_owner.to_string() } else { row.owner.clone() },
        format_date(row.week, lang),
        format_number(row.planned as i64, lang),
        format_number(row.done as i64, lang),
        format_number(row.overdue as i64, lang),
    ];
    cells.extend(row.activities.iter().map(|n| format_number(*n as i64, lang)));
    cells
}

#[component]
fn TeamTable(rows: Vec<WeekRow>, plan_of: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = state.t_untracked();
    let lang = state.lang.get_untracked();
    let mut headers: Vec<String> = [t.reports.owner, t.reports.week, t.reports.planned, t.reports.done, t.reports.overdue].map(String::from).to_vec();
    headers.extend(ActivityType::ALL.iter().map(|a| labels::activity_type(*a, t).to_string()));
    let table: Vec<(String, Vec<String>)> = rows.iter().map(|r| (r.owner.clone(), cells(r, t, lang))).collect();
    {
        let (headers, table) = (headers.clone(), table.clone());
        expect_context::<Scope>().publish(move || ReportTable { name: "team-activity", headers: headers.clone(), rows: table.iter().map(|(_, cells)| cells.clone()).collect() });
    }
    view! {
        <div class="table-scroll" tabindex="0">
            <table class="data-table report-table" data-testid="team-table">
                <thead><tr>{headers.into_iter().enumerate().map(|(i, h)| view! { <th scope="col" class:num={i > 1}>{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {table.into_iter().map(|(owner, cells)| {
                        let mut cells = cells.into_iter();
                        let name = cells.next().unwrap_or_default();
                        view! {
                            <tr data-testid="team-row">
                                <td><button type="button" class="btn ghost link-button" on:click=move |_| plan_of.set(Some(owner.clone())) data-testid="open-plan"><bdi>{name}</bdi></button></td>
                                {cells.enumerate().map(|(i, cell)| view! { <td class:num={i > 0}>{cell}</td> }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A rep's open tasks, soonest due first, each with whom to hand it to.
#[component]
fn RepPlan(plan_of: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move || state.t();
    let open_tasks = LocalResource::new(move || {
        let owner = plan_of.get();
        state.track_records();
        async move {
            let owner = owner?;
            let mut all: Vec<(Record, Task)> = state.all_live(tasks::KIND).await.ok()?.into_iter().filter_map(|r| {
                let task = r.read::<Task>().ok()?;
                (task.owner == owner && !task.is_done()).then_some((r, task))
            }).collect();
            all.sort_by_key(|(_, task)| (task.due.is_none(), task.due));
            Some((owner, all))
        }
    });
    // Everyone a task may go to: the reps the reports know of.
    let reps = move || {
        let mut reps: Vec<String> = state.reports().with(|d| d.as_ref().map(|d| d.tasks.values().map(|t| t.owner.clone()).chain(d.customers.values().map(|c| c.owner.clone())).filter(|o| !o.is_empty()).collect()).unwrap_or_default());
        reps.sort();
        reps.dedup();
        reps
    };
    let reassign = move |record: Record, task: Task, to: String| {
        leptos::task::spawn_local(async move {
            let input = TaskInput { owner: to, ..TaskInput::from_task(&task) };
            match state.save_task(Some(&record), &input).await {
                Ok(_) => state.notify(state.t_untracked().reports.reassigned.to_string(), None),
                Err(e) => state.notify(save_error_text(&e, state.lang.get_untracked()), None),
            }
        });
    };
    move || {
        open_tasks.get().flatten().map(|(owner, list)| {
            let lang = state.lang.get_untracked();
            view! {
                <section class="card rep-plan" data-testid="rep-plan">
                    <h2>{t().reports.open_plan}": "<bdi>{owner.clone()}</bdi></h2>
                    {list.is_empty().then(|| view! { <p class="empty">{t().reports.plan_empty}</p> })}
                    <ul class="plain-list">
                        {list.into_iter().map(|(record, task)| {
                            let id = format!("reassign-{}", record.id);
                            let due = task.due.map(|d| format_date(d.date(), lang)).unwrap_or_default();
                            let (title, current) = (task.title.clone(), task.owner.clone());
                            view! {
                                <li class="plan-task" data-testid="plan-task">
                                    <span><bdi>{title}</bdi>" "<span class="muted">{due}</span></span>
                                    <label for=id.clone() class="visually-hidden">{t().reports.reassign_to}</label>
                                    <select id=id on:change=move |ev| reassign(record.clone(), task.clone(), event_target_value(&ev)) data-testid="reassign">
                                        <option value="" selected=current.is_empty()>{t().reports.no_owner}</option>
                                        {reps().into_iter().map(|r| view! { <option value=r.clone() selected=r == current>{r.clone()}</option> }).collect_view()}
                                    </select>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
