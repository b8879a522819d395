//! The survey link page's binary (see `daftar::survey_page`).
fn main() {
    daftar::survey_page::start();
}
