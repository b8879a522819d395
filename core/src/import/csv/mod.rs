//! CSV as spreadsheets write it: RFC 4180 quoting (doubled quotes, line
//! breaks inside quoted cells), any of CRLF/LF/CR line ends, a header row,
//! and comma, semicolon or tab between cells (Excel takes the separator
//! from the Windows region settings, so many machines write semicolons).
//!
//! Why not the `csv` crate: it parses quoting well, but it is built never to
//! fail, and an import has to tell the user what is wrong. Tried with csv
//! 1.4: an unterminated quote silently swallows the rest of the file into
//! one cell with no error, so 10,000 customers would vanish into one
//! "name"; a file with old-Mac CR line ends reports every record on line 1;
//! and a record after blank lines reports the line of the first blank line.
//! The line numbers are what the user needs to find a bad row, so we keep
//! our own small reader over `memchr`, which core already depends on; it
//! also keeps a second parser out of the wasm bundle.
//!
//! Limits: none on field size. A 10 MB cell reads fine; the whole input is
//! already in memory, each row copies only its own cells, and the import
//! rules, not the parser, decide how long a name may be. Every step moves
//! forward through the text, so hostile input costs time linear in its size.

use std::collections::HashMap;

use memchr::{memchr, memchr2_iter, memchr3};

/// The separator between cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Delimiter {
    Comma,
    Semicolon,
    Tab,
}

impl Delimiter {
    /// Also the preference when detection finds a tie: comma is what the
    /// name promises, semicolon what regional Excel writes, tab the rarest.
    pub const ALL: [Delimiter; 3] = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab];

    pub fn as_char(self) -> char {
        self.byte() as char
    }

    fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }
}

/// What is wrong and where; the UI words it. Lines are 1-based physical
/// lines of the text, counting CRLF, LF and lone CR alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// The text is empty or holds only blank lines: there is no header row.
    NoHeader,
    /// A quoted cell opened on `line` never closes. Everything after it
    /// would be one cell, so reading stops here.
    UnterminatedQuote { line: usize },
    /// The row starting on `line` has `found` cells, the header `expected`.
    /// The row is skipped; reading goes on.
    FieldCount { line: usize, expected: usize, found: usize },
    /// Header cell number `column` (1-based) is blank.
    EmptyHeader { column: usize },
    /// Header cell `column` has the same name as the earlier cell `first`.
    DuplicateHeader { column: usize, first: usize },
}

impl std::fmt::Display for CsvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // For logs only; users see the UI's translation of the variant.
        write!(f, "{self:?}")
    }
}

impl std::error::Error for CsvError {}

/// One data row and the line it starts on (a quoted line break makes a row
/// span several lines; the first is the one a person looks for).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

/// A CSV file being read: the header is parsed, the rows come one at a time
/// from the iterator so a 50,000-row import can run in chunks (`by_ref()
/// .take(n)`) with a progress bar, without a second copy of the file.
///
/// Blank lines, and rows whose every cell is empty, are skipped wherever
/// they are: they carry nothing to import, and Excel writes `,,,` rows for
/// cells that were formatted and then cleared.
#[derive(Clone, Debug)]
pub struct CsvTable<'a> {
    /// Header names, trimmed (spreadsheets keep stray spaces in titles).
    pub headers: Vec<String>,
    pub delimiter: Delimiter,
    /// [`CsvError::EmptyHeader`] and [`CsvError::DuplicateHeader`]. Not
    /// fatal: the import screen maps columns by position, and a blank or
    /// repeated title only means the user must pick that column by hand.
    pub header_problems: Vec<CsvError>,
    records: Records<'a>,
}

impl CsvTable<'_> {
    /// Bytes of the text read so far, for a progress bar against `text.len()`.
    pub fn position(&self) -> usize {
        self.records.pos
    }
}

impl Iterator for CsvTable<'_> {
    type Item = Result<Row, CsvError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut cells = Vec::with_capacity(self.headers.len());
        let line = match self.records.next_into(&mut cells)? {
            Ok(line) => line,
            Err(e) => return Some(Err(e)),
        };
        if cells.len() != self.headers.len() {
            return Some(Err(CsvError::FieldCount { line, expected: self.headers.len(), found: cells.len() }));
        }
        Some(Ok(Row { line, cells }))
    }
}

/// Reads the header row, guessing the delimiter with [`detect_delimiter`].
/// Pass text from [`super::decode`], which has already removed any BOM.
pub fn read_csv(text: &str) -> Result<CsvTable<'_>, CsvError> {
    read_csv_with(text, detect_delimiter(text))
}

/// Like [`read_csv`] with the delimiter chosen by the user.
pub fn read_csv_with(text: &str, delimiter: Delimiter) -> Result<CsvTable<'_>, CsvError> {
    let mut records = Records { text, pos: 0, line: 1, delim: delimiter.byte() };
    let mut headers = Vec::new();
    records.next_into(&mut headers).ok_or(CsvError::NoHeader)??;
    for h in &mut headers {
        let trimmed = h.trim();
        if trimmed.len() != h.len() {
            *h = trimmed.to_owned();
        }
    }
    let header_problems = header_problems(&headers);
    Ok(CsvTable { headers, delimiter, header_problems, records })
}

/// A map, not a pairwise scan: a hostile header may have a million columns.
fn header_problems(headers: &[String]) -> Vec<CsvError> {
    let mut problems = Vec::new();
    let mut first_seen: HashMap<&str, usize> = HashMap::with_capacity(headers.len());
    for (i, h) in headers.iter().enumerate() {
        let column = i + 1;
        if h.is_empty() {
            problems.push(CsvError::EmptyHeader { column });
        } else if let Some(&first) = first_seen.get(h.as_str()) {
            problems.push(CsvError::DuplicateHeader { column, first });
        } else {
            first_seen.insert(h, column);
        }
    }
    problems
}

/// Records the detector looks at: enough to see a pattern, few enough that
/// a huge file costs nothing extra.
const SAMPLE_RECORDS: usize = 20;

/// Picks the delimiter that splits the first records most consistently.
///
/// For each candidate, counts its occurrences outside quotes in each of the
/// first non-blank records; a candidate absent from the header is out. The
/// winner has the most records agreeing with the header's count, then the
/// higher count, then the earlier place in [`Delimiter::ALL`]. Quotes toggle
/// regardless of the candidate, so a semicolon inside `"a;b"` never counts
/// for semicolon even when the file is comma-separated. With no candidate
/// (one column), comma.
pub fn detect_delimiter(text: &str) -> Delimiter {
    let mut counts: Vec<[usize; 3]> = Vec::with_capacity(SAMPLE_RECORDS);
    let mut current = [0usize; 3];
    let mut blank = true;
    let mut quoted = false;
    for &b in text.as_bytes() {
        match b {
            b'"' => quoted = !quoted,
            _ if quoted => {}
            b'\n' | b'\r' => {
                if !blank {
                    counts.push(current);
                    if counts.len() == SAMPLE_RECORDS {
                        break;
                    }
                }
                current = [0; 3];
                blank = true;
                continue;
            }
            b',' => current[0] += 1,
            b';' => current[1] += 1,
            b'\t' => current[2] += 1,
            _ => {}
        }
        blank = false;
    }
    if !blank && counts.len() < SAMPLE_RECORDS {
        counts.push(current);
    }
    let Some(header) = counts.first() else { return Delimiter::Comma };
    (0..3)
        .filter(|&d| header[d] > 0)
        .max_by_key(|&d| {
            let agree = counts.iter().filter(|c| c[d] == header[d]).count();
            (agree, header[d], std::cmp::Reverse(d))
        })
        .map_or(Delimiter::Comma, |d| Delimiter::ALL[d])
}

/// The tokenizer: walks the text once, never backwards.
#[derive(Clone, Debug)]
struct Records<'a> {
    text: &'a str,
    /// Byte offset of the next unread byte.
    pos: usize,
    /// Line of `pos`, 1-based.
    line: usize,
    delim: u8,
}

impl Records<'_> {
    /// Reads the next record that has a non-empty cell into `cells` and
    /// returns the line it started on. After an error, the text is spent.
    fn next_into(&mut self, cells: &mut Vec<String>) -> Option<Result<usize, CsvError>> {
        let bytes = self.text.as_bytes();
        loop {
            cells.clear();
            while matches!(bytes.get(self.pos), Some(b'\n' | b'\r')) {
                self.end_line();
            }
            if self.pos == bytes.len() {
                return None;
            }
            let start = self.line;
            loop {
                match self.cell() {
                    Ok(cell) => cells.push(cell),
                    Err(e) => {
                        self.pos = bytes.len();
                        return Some(Err(e));
                    }
                }
                if bytes.get(self.pos) == Some(&self.delim) {
                    self.pos += 1;
                } else {
                    // `cell` stops only at a delimiter, a line end or the end.
                    self.end_line();
                    break;
                }
            }
            if cells.iter().any(|c| !c.is_empty()) {
                return Some(Ok(start));
            }
        }
    }

    /// Steps over one CRLF, LF or CR (or nothing at the end of the text).
    fn end_line(&mut self) {
        let bytes = self.text.as_bytes();
        match bytes.get(self.pos) {
            Some(b'\r') if bytes.get(self.pos + 1) == Some(&b'\n') => self.pos += 2,
            Some(b'\r' | b'\n') => self.pos += 1,
            _ => return,
        }
        self.line += 1;
    }

    /// One cell, leaving `pos` on the delimiter or line end after it.
    fn cell(&mut self) -> Result<String, CsvError> {
        let bytes = self.text.as_bytes();
        if bytes.get(self.pos) != Some(&b'"') {
            return Ok(self.take_unquoted().to_owned());
        }
        let opened_on = self.line;
        self.pos += 1;
        let mut cell = String::new();
        loop {
            let Some(q) = memchr(b'"', &bytes[self.pos..]).map(|i| self.pos + i) else {
                return Err(CsvError::UnterminatedQuote { line: opened_on });
            };
            self.count_lines(self.pos, q);
            cell.push_str(&self.text[self.pos..q]);
            if bytes.get(q + 1) == Some(&b'"') {
                cell.push('"');
                self.pos = q + 2;
            } else {
                self.pos = q + 1;
                break;
            }
        }
        // Text between the closing quote and the delimiter (`"a"b`) is not
        // RFC 4180; like Python's csv module we keep it rather than refuse
        // a whole file for a typo.
        cell.push_str(self.take_unquoted());
        Ok(cell)
    }

    fn take_unquoted(&mut self) -> &str {
        let rest = &self.text.as_bytes()[self.pos..];
        let end = memchr3(self.delim, b'\n', b'\r', rest).map_or(self.text.len(), |i| self.pos + i);
        // Delimiters and line ends are ASCII, so `end` is a char boundary.
        let s = &self.text[self.pos..end];
        self.pos = end;
        s
    }

    /// Counts the line ends inside a quoted stretch `from..to`.
    fn count_lines(&mut self, from: usize, to: usize) {
        let bytes = self.text.as_bytes();
        for i in memchr2_iter(b'\r', b'\n', &bytes[from..to]) {
            let at = from + i;
            // The LF of a CRLF is counted, its CR is not.
            if bytes[at] == b'\n' || bytes.get(at + 1) != Some(&b'\n') {
                self.line += 1;
            }
        }
    }
}

/// Writes a CSV that Excel opens with Persian intact: a UTF-8 BOM (without
/// it Excel assumes the ANSI code page and shows mojibake), CRLF line ends,
/// commas, and quotes around any cell holding a comma, semicolon, tab,
/// quote or line break (the semicolon and tab too, so a reader guessing the
/// delimiter, ours or Excel's in a semicolon region, is never misled).
///
/// Formula injection (OWASP "CSV Injection"; ASVS 5.0 V1.2.10): a cell that
/// begins with `=`, `+`, `-`, `@`, tab, CR or NUL is run as a formula by
/// spreadsheets, so a customer named `=HYPERLINK(...)` could attack whoever
/// opens the export. Such cells get a leading `'`, which Excel takes as
/// "this is text". Exception: a plain number, an optional sign then ASCII
/// digits with at most one `.` inside (`-12`, `+3.5`), is left alone.
/// It cannot be a formula, and the apostrophe would turn amounts into text
/// that Excel no longer sums. `-1+2`, `-1e3` and `-۱۲` are not plain and
/// are guarded.
pub fn write_csv<H, R, C>(headers: &[H], rows: impl IntoIterator<Item = R>) -> Vec<u8>
where
    H: AsRef<str>,
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut out = vec![0xEF, 0xBB, 0xBF];
    write_row(&mut out, headers);
    for row in rows {
        write_row(&mut out, row);
    }
    out
}

fn write_row<C: AsRef<str>>(out: &mut Vec<u8>, cells: impl IntoIterator<Item = C>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_cell(out, cell.as_ref());
    }
    out.extend_from_slice(b"\r\n");
}

fn write_cell(out: &mut Vec<u8>, cell: &str) {
    let quote = cell.bytes().any(|b| matches!(b, b',' | b';' | b'\t' | b'"' | b'\r' | b'\n'));
    if quote {
        out.push(b'"');
    }
    if needs_formula_guard(cell) {
        out.push(b'\'');
    }
    if quote {
        for (i, part) in cell.split('"').enumerate() {
            if i > 0 {
                out.extend_from_slice(b"\"\"");
            }
            out.extend_from_slice(part.as_bytes());
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(cell.as_bytes());
    }
}

fn needs_formula_guard(cell: &str) -> bool {
    match cell.as_bytes().first() {
        Some(b'=' | b'@' | b'\t' | b'\r' | b'\0') => true,
        Some(b'+' | b'-') => !is_plain_number(&cell[1..]),
        _ => false,
    }
}

/// ASCII digits with at most one `.` that has digits on both sides.
fn is_plain_number(s: &str) -> bool {
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    match s.split_once('.') {
        Some((int, frac)) => digits(int) && digits(frac),
        None => digits(s),
    }
}

#[cfg(test)]
mod tests;
