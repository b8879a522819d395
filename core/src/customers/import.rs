//! Customers from a spreadsheet: which column feeds which field, and a check
//! of every row before anything is written. Rows are fed one at a time so the
//! app can check 50,000 of them in slices without freezing the page; the
//! valid ones become one batch, written all together only when the user
//! confirms.

use super::duplicates::{DuplicateKeys, DuplicateReason, LookAlike};
use super::model::{CustomerType, PartyKind, KIND};
use super::validate::{validate, CustomerInput};
use crate::store::to_fields;
use crate::check::{Field, FieldError, Problem};
use crate::env::Env;
use crate::import::{CsvError, Row, VCardContact, VCardProblem};
use crate::locale::{normalize_for_search, parse_date, Lang};
use crate::store::{Batch, Write};

/// Where a column's cells go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Skip,
    Name,
    Kind,
    CustomerType,
    /// Several columns may feed phones (mobile, office…); they are joined.
    Phones,
    Email,
    City,
    Province,
    Address,
    Tags,
    Owner,
    Category,
    Notes,
    NationalId,
    EconomicCode,
    Since,
}

impl Target {
    pub const ALL: [Target; 16] = [
        Target::Skip,
        Target::Name,
        Target::Kind,
        Target::CustomerType,
        Target::Phones,
        Target::Email,
        Target::City,
        Target::Province,
        Target::Address,
        Target::Tags,
        Target::Owner,
        Target::Category,
        Target::Notes,
        Target::NationalId,
        Target::EconomicCode,
        Target::Since,
    ];

    /// Header words (normalised, Persian and English) that suggest this target.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Target::Skip => &[],
            Target::Name => &["name", "full name", "customer", "company", "نام", "نام مشتری", "نام و نام خانوادگی", "مشتری", "شرکت"],
            Target::Kind => &["kind", "type of person", "نوع شخص", "حقیقی/حقوقی"],
            Target::CustomerType => &["customer type", "نوع مشتری"],
            Target::Phones => &["phone", "phones", "mobile", "tel", "telephone", "cell", "تلفن", "تلفن‌ها", "موبایل", "همراه", "شماره تماس", "تلفن همراه"],
            Target::Email => &["email", "e-mail", "mail", "ایمیل", "پست الکترونیک"],
            Target::City => &["city", "شهر"],
            Target::Province => &["province", "state", "استان"],
            Target::Address => &["address", "نشانی", "آدرس"],
            Target::Tags => &["tags", "tag", "برچسب", "برچسب‌ها"],
            Target::Owner => &["owner", "sales rep", "rep", "مسئول فروش", "کارشناس فروش", "بازاریاب"],
            Target::Category => &["category", "class", "segment", "دسته", "طبقه", "دسته / طبقه"],
            Target::Notes => &["notes", "note", "comment", "یادداشت", "توضیحات"],
            Target::NationalId => &["national id", "national code", "کد ملی", "شناسه ملی", "کد ملی / شناسه ملی"],
            Target::EconomicCode => &["economic code", "کد اقتصادی"],
            Target::Since => &["since", "customer since", "مشتری از تاریخ", "تاریخ آشنایی"],
        }
    }
}

/// A first guess of each column's target from its header. Each target is
/// guessed for one column at most, except phones.
pub fn guess_targets(headers: &[String]) -> Vec<Target> {
    let mut taken = Vec::new();
    headers
        .iter()
        .map(|h| {
            let h = normalize_for_search(h);
            let found = Target::ALL.into_iter().find(|t| {
                (*t == Target::Phones || !taken.contains(t)) && t.synonyms().iter().any(|s| normalize_for_search(s) == h)
            });
            match found {
                Some(t) => {
                    taken.push(t);
                    t
                }
                None => Target::Skip,
            }
        })
        .collect()
}

/// A row that cannot be imported, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct RowProblem {
    /// The line in the file where the row starts (1-based).
    pub line: usize,
    pub problem: RowError,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RowError {
    /// The file itself is broken at this row (wrong number of cells, open quote).
    Csv(CsvError),
    /// The cells do not make a valid customer.
    Invalid(Vec<FieldError>),
    /// A contact card is broken at this line (the card may still be imported
    /// without the broken part; see `VCardProblem`).
    VCard(VCardProblem),
}

/// Checks rows one at a time and collects the valid customers.
pub struct Importer {
    targets: Vec<Target>,
    writes: Vec<Write>,
    problems: Vec<RowProblem>,
    duplicates: Vec<RowDuplicate>,
    keys: DuplicateKeys,
    rows: usize,
}

/// A valid row that looks like a customer already stored or an earlier row.
#[derive(Clone, Debug, PartialEq)]
pub struct RowDuplicate {
    pub line: usize,
    pub name: String,
    pub reason: DuplicateReason,
    pub like: LookAlike,
    /// Its position among the valid rows' writes.
    write: usize,
}

/// The outcome of checking a whole file.
#[derive(Clone, Debug)]
pub struct ImportCheck {
    /// Every valid row as one customer, in file order: applied all together.
    pub batch: Batch,
    pub problems: Vec<RowProblem>,
    /// Valid rows that look like a known customer or an earlier row.
    pub duplicates: Vec<RowDuplicate>,
    /// Rows read (valid or not).
    pub rows: usize,
}

impl ImportCheck {
    /// What to write: every valid row, or all but the likely duplicates.
    pub fn into_batch(self, skip_duplicates: bool) -> Batch {
        let mut batch = self.batch;
        if skip_duplicates {
            let skip: std::collections::HashSet<usize> = self.duplicates.iter().map(|d| d.write).collect();
            batch.writes = batch.writes.into_iter().enumerate().filter(|(i, _)| !skip.contains(i)).map(|(_, w)| w).collect();
        }
        batch
    }
}

impl Importer {
    /// `known`: the customers already stored (see [`DuplicateKeys::of_index`]).
    pub fn new(targets: Vec<Target>, known: DuplicateKeys) -> Self {
        Self { targets, writes: Vec::new(), problems: Vec::new(), duplicates: Vec::new(), keys: known, rows: 0 }
    }

    pub fn push(&mut self, row: Result<Row, CsvError>, env: &dyn Env) {
        self.rows += 1;
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                let line = match e {
                    CsvError::UnterminatedQuote { line } | CsvError::FieldCount { line, .. } => line,
                    _ => 0,
                };
                self.problems.push(RowProblem { line, problem: RowError::Csv(e) });
                return;
            }
        };
        let input = input_of(&row.cells, &self.targets);
        self.push_input(row.line, input, env);
    }

    /// A contact card from a phone's address book, as a customer.
    pub fn push_vcard(&mut self, card: &VCardContact, env: &dyn Env) {
        self.rows += 1;
        self.push_input(card.line, Ok(input_of_vcard(card)), env);
    }

    /// A problem the vCard reader met (the card itself may still be pushed).
    pub fn note_vcard_problem(&mut self, line: usize, problem: VCardProblem) {
        self.problems.push(RowProblem { line, problem: RowError::VCard(problem) });
    }

    fn push_input(&mut self, line: usize, input: Result<CustomerInput, Vec<FieldError>>, env: &dyn Env) {
        match input.and_then(|input| validate(&input)) {
            Ok(customer) => {
                if let Some((reason, like)) = self.keys.check(&customer) {
                    let (like, name) = (like.clone(), customer.name.clone());
                    self.duplicates.push(RowDuplicate { line, name, reason, like, write: self.writes.len() });
                }
                self.keys.add(&customer, line);
                self.writes.push(Write::create(KIND, to_fields(&customer), env));
            }
            Err(errors) => self.problems.push(RowProblem { line, problem: RowError::Invalid(errors) }),
        }
    }

    pub fn valid(&self) -> usize {
        self.writes.len()
    }

    pub fn problems(&self) -> &[RowProblem] {
        &self.problems
    }

    pub fn finish(self) -> ImportCheck {
        ImportCheck { batch: Batch { writes: self.writes }, problems: self.problems, duplicates: self.duplicates, rows: self.rows }
    }
}

/// The form input a row amounts to. Dates may be Jalali or Gregorian (a year
/// from 1700 up is read as Gregorian), in any digits.
fn input_of(cells: &[String], targets: &[Target]) -> Result<CustomerInput, Vec<FieldError>> {
    let mut input = CustomerInput::default();
    let mut errors = Vec::new();
    for (cell, target) in cells.iter().zip(targets) {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        let set = |field: &mut String| {
            if !field.is_empty() {
                field.push_str(", ");
            }
            field.push_str(cell);
        };
        match target {
            Target::Skip => {}
            Target::Name => set(&mut input.name),
            Target::Kind => input.kind = kind_of(cell),
            Target::CustomerType => input.customer_type = customer_type_of(cell),
            Target::Phones => set(&mut input.phones),
            Target::Email => set(&mut input.email),
            Target::City => set(&mut input.city),
            Target::Province => set(&mut input.province),
            Target::Address => set(&mut input.address),
            Target::Tags => set(&mut input.tags),
            Target::Owner => set(&mut input.owner),
            Target::Category => set(&mut input.category),
            Target::Notes => set(&mut input.notes),
            Target::NationalId => set(&mut input.national_id),
            Target::EconomicCode => set(&mut input.economic_code),
            Target::Since => match parse_date(cell, Lang::Fa) {
                Ok(d) => input.since = Some(d),
                Err(_) => errors.push(FieldError { field: Field::Since, problem: Problem::Date }),
            },
        }
    }
    if errors.is_empty() {
        Ok(input)
    } else {
        // Report the other fields' problems too, so one pass shows everything.
        if let Err(more) = super::validate::validate(&input) {
            errors.extend(more);
        }
        Err(errors)
    }
}

/// A card becomes a person customer (a company when it names only an
/// organisation). Job title and organisation go to the notes, since a
/// customer has no fields for them yet.
fn input_of_vcard(card: &VCardContact) -> CustomerInput {
    let person = card.formatted_name.trim().len() + card.name.as_ref().map_or(0, |n| n.given.len() + n.family.len()) > 0;
    let org = card.organization.as_ref().map(|o| o.name.clone()).unwrap_or_default();
    let about: Vec<&str> = [card.title.as_str(), org.as_str()].into_iter().filter(|s| !s.is_empty()).collect();
    let notes: Vec<String> = [about.join(" — "), card.note.clone()].into_iter().filter(|s| !s.is_empty()).collect();
    let address = card.addresses.first();
    CustomerInput {
        name: card.display_name(),
        kind: if person { PartyKind::Person } else { PartyKind::Company },
        phones: card.phones.iter().map(|p| p.number.as_str()).collect::<Vec<_>>().join(", "),
        email: card.emails.first().map(|e| e.address.clone()).unwrap_or_default(),
        address: address.map(|a| [&a.street, &a.extended, &a.po_box].into_iter().filter(|s| !s.is_empty()).map(String::as_str).collect::<Vec<_>>().join("، ")).unwrap_or_default(),
        city: address.map(|a| a.locality.clone()).unwrap_or_default(),
        province: address.map(|a| a.region.clone()).unwrap_or_default(),
        notes: notes.join("\n"),
        ..Default::default()
    }
}

fn kind_of(cell: &str) -> PartyKind {
    let c = normalize_for_search(cell);
    if ["company", "legal", "organisation", "organization", "حقوقی", "شرکت", "سازمان"].iter().any(|w| c.contains(&normalize_for_search(w))) {
        PartyKind::Company
    } else {
        PartyKind::Person
    }
}

fn customer_type_of(cell: &str) -> CustomerType {
    let c = normalize_for_search(cell);
    let has = |words: &[&str]| words.iter().any(|w| c.contains(&normalize_for_search(w)));
    if has(&["agent", "intermediary", "dealer", "نماینده", "واسطه"]) {
        CustomerType::Agent
    } else if has(&["internal", "داخلی"]) {
        CustomerType::Internal
    } else {
        CustomerType::End
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env::SeededEnv;
    use crate::import::read_csv;

    fn check(csv: &str) -> ImportCheck {
        check_against(csv, DuplicateKeys::default())
    }

    fn check_against(csv: &str, known: DuplicateKeys) -> ImportCheck {
        let table = read_csv(csv).unwrap();
        let mut importer = Importer::new(guess_targets(&table.headers), known);
        let env = SeededEnv::new(1, 0);
        for row in table {
            importer.push(row, &env);
        }
        importer.finish()
    }

    #[test]
    fn likely_duplicates_against_stored_customers_and_earlier_rows() {
        let env = SeededEnv::new(2, 0);
        let stored = ["علی کریمی|09121111111|", "Acme|02188880000|buy@acme.example"].map(|s| {
            let p: Vec<&str> = s.split('|').collect();
            let input = CustomerInput { name: p[0].into(), phones: p[1].into(), email: p[2].into(), ..Default::default() };
            crate::customers::save(None, &input, &env).unwrap().batch.unwrap().writes.remove(0).record
        });
        let ix = pollster::block_on(async {
            use crate::store::RecordStore;
            let store = crate::store::MemoryStore::new();
            let writes = stored.iter().map(|r| Write { record: r.clone(), expected_rev: None, change: Write::create(KIND, r.fields.clone(), &env).change }).collect();
            store.apply(&Batch { writes }).await.unwrap();
            crate::customers::CustomerIndex::build(store.all_as(KIND).await.unwrap())
        });
        let csv = "name,phone,email\n\
                   علي  كريمي,,\n\
                   New One,+98 912 111 1111,\n\
                   Other,,BUY@acme.example\n\
                   Fresh,09350000000,\n\
                   Fresh Again,0935 000 0000,\n\
                   Unique,09360000000,\n";
        let result = check_against(csv, DuplicateKeys::of_index(&ix));
        let found: Vec<(usize, DuplicateReason, String)> = result
            .duplicates
            .iter()
            .map(|d| (d.line, d.reason, match &d.like { LookAlike::Stored { name, .. } => name.clone(), LookAlike::Row { line, .. } => format!("row {line}") }))
            .collect();
        assert_eq!(
            found,
            vec![
                (2, DuplicateReason::SameName, "علی کریمی".to_string()),
                (3, DuplicateReason::SamePhone, "علی کریمی".to_string()),
                (4, DuplicateReason::SameEmail, "Acme".to_string()),
                (6, DuplicateReason::SamePhone, "row 5".to_string()),
            ]
        );
        assert_eq!(result.batch.writes.len(), 6);
        let names = |b: Batch| b.writes.iter().map(|w| w.record.fields["name"].as_str().unwrap().to_string()).collect::<Vec<_>>();
        assert_eq!(names(result.clone().into_batch(true)), vec!["Fresh", "Unique"]);
        assert_eq!(names(result.into_batch(false)).len(), 6);
    }

    #[test]
    fn guesses_persian_and_english_headers() {
        let headers: Vec<String> = ["نام", "موبایل", "تلفن", "ايميل", "City", "Unknown", "نام"].iter().map(|s| s.to_string()).collect();
        assert_eq!(
            guess_targets(&headers),
            vec![Target::Name, Target::Phones, Target::Phones, Target::Email, Target::City, Target::Skip, Target::Skip]
        );
    }

    #[test]
    fn valid_rows_become_one_batch_and_bad_rows_are_reported_by_line() {
        let csv = "نام,موبایل,ایمیل,مشتری از تاریخ\n\
                   علی کریمی,۰۹۱۲۱۲۳۴۵۶۷,ali@example.com,۱۴۰۳/۰۵/۱۲\n\
                   ,09121234567,,\n\
                   شرکت پارس,0912,bad-email,\n\
                   Acme,+44 20 7946 0958,,2024-08-02\n\
                   Late,09121234567,,1403/13/01\n\
                   too,many,cells,here,extra\n";
        let result = check(csv);
        assert_eq!(result.rows, 6);
        assert_eq!(result.batch.writes.len(), 2);
        let lines: Vec<usize> = result.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![3, 4, 6, 7]);
        assert!(matches!(&result.problems[0].problem, RowError::Invalid(e) if e == &vec![FieldError { field: Field::Name, problem: Problem::Required }]));
        assert!(matches!(&result.problems[1].problem, RowError::Invalid(e) if e.len() == 2));
        assert!(matches!(&result.problems[2].problem, RowError::Invalid(e) if e[0] == FieldError { field: Field::Since, problem: Problem::Date }));
        assert!(matches!(result.problems[3].problem, RowError::Csv(CsvError::FieldCount { line: 7, expected: 4, found: 5 })));
        let first: crate::customers::Customer = result.batch.writes[0].record.decode().unwrap();
        assert_eq!(first.phones, vec!["09121234567"]);
        assert_eq!(first.since, chrono::NaiveDate::from_ymd_opt(2024, 8, 2));
        let second: crate::customers::Customer = result.batch.writes[1].record.decode().unwrap();
        assert_eq!(second.since, chrono::NaiveDate::from_ymd_opt(2024, 8, 2));
    }

    #[test]
    fn kinds_and_types_from_words() {
        let result = check("name,kind,customer type\nA,حقوقی,نماینده\nB,person,\nC,Company Ltd,internal\n");
        let customers: Vec<crate::customers::Customer> = result.batch.writes.iter().map(|w| w.record.decode().unwrap()).collect();
        assert_eq!(customers.iter().map(|c| c.kind).collect::<Vec<_>>(), vec![PartyKind::Company, PartyKind::Person, PartyKind::Company]);
        assert_eq!(customers.iter().map(|c| c.customer_type).collect::<Vec<_>>(), vec![CustomerType::Agent, CustomerType::End, CustomerType::Internal]);
    }

    #[test]
    fn vcards_become_customers() {
        let vcf = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=DA=A9=D8=B1=DB=8C=D9=85=DB=8C;=D8=B9=D9=84=DB=8C;;;\r\nTEL;CELL:+989121234567\r\nORG:Pars Co.\r\nTITLE:Buyer\r\nEND:VCARD\r\n\
                   BEGIN:VCARD\r\nVERSION:3.0\r\nORG:Acme Trading\r\nEMAIL;TYPE=work:sales@acme.example\r\nTEL;TYPE=work:021 8888 1234\r\nEND:VCARD\r\n\
                   BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken phone\r\nTEL:12\r\nEND:VCARD\r\n";
        let cards = crate::import::read_vcards(vcf);
        let env = SeededEnv::new(1, 0);
        let mut importer = Importer::new(Vec::new(), DuplicateKeys::default());
        for card in &cards.contacts {
            importer.push_vcard(card, &env);
        }
        let result = importer.finish();
        assert_eq!(result.rows, 3);
        let customers: Vec<crate::customers::Customer> = result.batch.writes.iter().map(|w| w.record.decode().unwrap()).collect();
        assert_eq!(customers[0].name, "علی کریمی");
        assert_eq!(customers[0].phones, vec!["09121234567"]);
        assert_eq!(customers[0].notes, "Buyer — Pars Co.");
        assert_eq!(customers[0].kind, PartyKind::Person);
        assert_eq!(customers[1].name, "Acme Trading");
        assert_eq!(customers[1].kind, PartyKind::Company);
        assert_eq!(customers[1].email, "sales@acme.example");
        assert_eq!(result.problems.len(), 1);
        assert_eq!(result.problems[0].line, 14, "the BEGIN line of the third card");
    }

    #[test]
    fn two_phone_columns_join() {
        let result = check("name,mobile,phone\nA,09121234567,021-88881234\n");
        let c: crate::customers::Customer = result.batch.writes[0].record.decode().unwrap();
        assert_eq!(c.phones, vec!["09121234567", "02188881234"]);
    }
}
