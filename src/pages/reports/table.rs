//! A report's table as the reader sees it — their language, digits and
//! calendar — handed to the frame, which exports it as CSV. Each report
//! publishes how to build it; it is built only when asked for.

use super::frame::Scope;
use daftar_core::import::write_csv;
use leptos::prelude::*;
use std::rc::Rc;

pub struct ReportTable {
    /// The file's name, without the date and extension.
    pub name: &'static str,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl ReportTable {
    pub fn csv(&self) -> Vec<u8> {
        let headers: Vec<&str> = self.headers.iter().map(String::as_str).collect();
        write_csv(&headers, self.rows.iter().cloned())
    }
}

/// The open report's table, with which report published it (a report
/// leaving clears only its own, whichever of two opens first).
pub type Published = Option<(u64, Rc<dyn Fn() -> ReportTable>)>;

impl Scope {
    /// The table the open report shows, built by `build` when exported.
    pub fn publish(&self, build: impl Fn() -> ReportTable + 'static) {
        let id = js_sys::Math::random().to_bits();
        self.table.set(Some((id, Rc::new(build))));
        let table = self.table;
        on_cleanup(move || {
            if table.try_with_untracked(|t| t.as_ref().is_some_and(|(mine, _)| *mine == id)) == Some(true) {
                table.try_set(None);
            }
        });
    }
}

/// A report's table drawn as the CSV will have it, and published for the
/// export: the first column names the row, the others are figures
/// (aligned as numbers).
#[component]
pub fn FigureTable(table: ReportTable, testid: &'static str, row_testid: &'static str) -> impl IntoView {
    let ReportTable { name, headers, rows } = table;
    let (shown_headers, shown_rows) = (headers.clone(), rows.clone());
    expect_context::<Scope>().publish(move || ReportTable { name, headers: headers.clone(), rows: rows.clone() });
    view! {
        <div class="table-scroll" tabindex="0">
            <table class="data-table report-table" data-testid=testid>
                <thead><tr>{shown_headers.into_iter().enumerate().map(|(i, h)| view! { <th scope="col" class:num={i > 0}>{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {shown_rows.into_iter().map(|row| view! {
                        <tr data-testid=row_testid>{row.into_iter().enumerate().map(|(i, cell)| view! { <td class:num={i > 0} class:row-name={i == 0}><bdi>{cell}</bdi></td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
