use super::*;
use crate::import::text::{decode, Encoding};

type Rows = Vec<Result<(usize, Vec<&'static str>), CsvError>>;

fn ok(line: usize, cells: &[&'static str]) -> Result<(usize, Vec<&'static str>), CsvError> {
    Ok((line, cells.to_vec()))
}

/// Reads `input` and compares delimiter, headers and every row.
fn check(input: &str, delimiter: Delimiter, headers: &[&str], rows: Rows) {
    let table = read_csv(input).unwrap_or_else(|e| panic!("{input:?}: {e:?}"));
    assert_eq!(table.delimiter, delimiter, "{input:?}");
    assert_eq!(table.headers, headers, "{input:?}");
    let got: Vec<_> = table.map(|r| r.map(|r| (r.line, r.cells))).collect();
    let want: Vec<_> = rows
        .into_iter()
        .map(|r| r.map(|(l, c)| (l, c.into_iter().map(String::from).collect::<Vec<_>>())))
        .collect();
    assert_eq!(got, want, "{input:?}");
}

#[test]
fn line_ends_and_blank_lines() {
    for nl in ["\n", "\r\n", "\r"] {
        let input = format!("name,phone{nl}علی,0912{nl}{nl}مریم,0935{nl}{nl}{nl}");
        check(
            &input,
            Delimiter::Comma,
            &["name", "phone"],
            vec![ok(2, &["علی", "0912"]), ok(4, &["مریم", "0935"])],
        );
    }
    // No final line end; leading blank lines before the header.
    check("\n\na,b\n1,2", Delimiter::Comma, &["a", "b"], vec![ok(4, &["1", "2"])]);
    // A trailing delimiter is an empty last cell.
    check("a,b\n1,\n", Delimiter::Comma, &["a", "b"], vec![ok(2, &["1", ""])]);
    // Rows of empty cells, as Excel leaves under formatted columns.
    check("a,b\n1,2\n,\n,\n", Delimiter::Comma, &["a", "b"], vec![ok(2, &["1", "2"])]);
}

#[test]
fn rfc4180_quoting() {
    check(
        "name,note\n\"رضایی, علی\",\"گفت \"\"سلام\"\"\"\n\"a\r\nb\nc\",x\nnext,y\n",
        Delimiter::Comma,
        &["name", "note"],
        vec![ok(2, &["رضایی, علی", "گفت \"سلام\""]), ok(3, &["a\r\nb\nc", "x"]), ok(6, &["next", "y"])],
    );
    // Lenient: a quote inside an unquoted cell is literal; text after a
    // closing quote is kept.
    check("a,b\n5\" pipe,\"x\"y\n", Delimiter::Comma, &["a", "b"], vec![ok(2, &["5\" pipe", "xy"])]);
    // Empty quoted cells and a quoted header.
    check("\"a\",\"\"\n\"\",1\n", Delimiter::Comma, &["a", ""], vec![ok(2, &["", "1"])]);
}

#[test]
fn semicolons_from_regional_excel() {
    let input = "نام;آدرس;یادداشت\r\n\"شرکت پارس\";\"تهران; خیابان ولیعصر, پلاک ۱۲\";\"خط اول\r\nخط دوم; با نقطه‌ویرگول\"\r\nعلی;اصفهان;\r\n";
    check(
        input,
        Delimiter::Semicolon,
        &["نام", "آدرس", "یادداشت"],
        vec![
            ok(2, &["شرکت پارس", "تهران; خیابان ولیعصر, پلاک ۱۲", "خط اول\r\nخط دوم; با نقطه‌ویرگول"]),
            ok(4, &["علی", "اصفهان", ""]),
        ],
    );
}

#[test]
fn delimiter_detection() {
    let cases = [
        ("a,b,c\n1,2,3\n", Delimiter::Comma),
        ("a;b;c\n1;2;3\n", Delimiter::Semicolon),
        ("a\tb\tc\n1\t2\t3\n", Delimiter::Tab),
        // Commas inside unquoted cells vary; semicolons are steady.
        ("name;city, province\nfoo;Tehran, Tehran\nbar;Shiraz\nbaz;Qom, Qom, x\n", Delimiter::Semicolon),
        // Semicolons only inside quotes do not count.
        ("name,addr\n\"a;b;c\",x\n\"d;e\",y\n", Delimiter::Comma),
        // A quoted line break does not end the sampled record.
        ("a;b\n\"x\ny,z\";w\n", Delimiter::Semicolon),
        // One column: comma, harmlessly.
        ("name\nعلی\n", Delimiter::Comma),
        ("", Delimiter::Comma),
        // Equally consistent: the header with more separators wins...
        ("a,b,c;d\n1,2,3;4\n", Delimiter::Comma),
        // ...and on a full tie, comma.
        ("a,b;c\n1,2;3\n", Delimiter::Comma),
    ];
    for (input, want) in cases {
        assert_eq!(detect_delimiter(input), want, "{input:?}");
    }
}

#[test]
fn user_can_override_the_delimiter() {
    let t = read_csv_with("a;b,c\n1;2,3\n", Delimiter::Semicolon).unwrap();
    assert_eq!(t.headers, ["a", "b,c"]);
}

#[test]
fn field_count_is_reported_and_reading_goes_on() {
    check(
        "a,b,c\n1,2,3\n1,2\n1,2,3,4\n\"x\ny\",2,3\n",
        Delimiter::Comma,
        &["a", "b", "c"],
        vec![
            ok(2, &["1", "2", "3"]),
            Err(CsvError::FieldCount { line: 3, expected: 3, found: 2 }),
            Err(CsvError::FieldCount { line: 4, expected: 3, found: 4 }),
            ok(5, &["x\ny", "2", "3"]),
        ],
    );
}

#[test]
fn unterminated_quote_names_the_line_it_opened_on() {
    check(
        "a,b\n1,2\n3,\"open\n\n4,5\n6,7\n",
        Delimiter::Comma,
        &["a", "b"],
        vec![ok(2, &["1", "2"]), Err(CsvError::UnterminatedQuote { line: 3 })],
    );
    // Line counting survives quoted CR-only and CRLF breaks before it.
    check(
        "a\r\"x\ry\"\r\"x\r\ny\"\r\"z\r",
        Delimiter::Comma,
        &["a"],
        vec![ok(2, &["x\ry"]), ok(4, &["x\r\ny"]), Err(CsvError::UnterminatedQuote { line: 6 })],
    );
    assert_eq!(read_csv("\"a,b\n1,2\n").err(), Some(CsvError::UnterminatedQuote { line: 1 }));
}

#[test]
fn header_problems_are_listed_not_fatal() {
    let t = read_csv(" name ,,phone,name, phone,\n1,2,3,4,5,6\n").unwrap();
    assert_eq!(t.headers, ["name", "", "phone", "name", "phone", ""]);
    assert_eq!(
        t.header_problems,
        [
            CsvError::EmptyHeader { column: 2 },
            CsvError::DuplicateHeader { column: 4, first: 1 },
            CsvError::DuplicateHeader { column: 5, first: 3 },
            CsvError::EmptyHeader { column: 6 },
        ]
    );
    assert_eq!(t.count(), 1);
}

#[test]
fn hostile_inputs() {
    assert_eq!(read_csv("").err(), Some(CsvError::NoHeader));
    let blank = "\n".repeat(1_000_000);
    assert_eq!(read_csv(&blank).err(), Some(CsvError::NoHeader));
    let blank_crlf = format!("a,b\r\n{}", "\r\n".repeat(1_000_000));
    assert_eq!(read_csv(&blank_crlf).unwrap().count(), 0);
    let cr_only = format!("a\n{}x", "\r".repeat(1_000_000));
    let t = read_csv(&cr_only).unwrap();
    assert_eq!(t.map(|r| r.unwrap().line).collect::<Vec<_>>(), [1_000_002]);

    // A 10 MB cell, quoted with doubled quotes and line breaks inside.
    let big: String = "ab\"\nc".repeat(2_000_000);
    let input = format!("note,n\n\"{}\",1\n", big.replace('"', "\"\""));
    let rows: Vec<_> = read_csv(&input).unwrap().collect();
    assert_eq!(rows.len(), 1);
    let row = rows[0].as_ref().unwrap();
    assert_eq!((row.line, row.cells[0].len(), row.cells[1].as_str()), (2, big.len(), "1"));
    assert!(row.cells[0] == big);
    // 10 MB unquoted, and 10 MB that never closes.
    let plain = "x".repeat(10_000_000);
    assert_eq!(read_csv(&format!("a\n{plain}")).unwrap().next().unwrap().unwrap().cells[0].len(), plain.len());
    assert_eq!(
        read_csv(&format!("a\n\"{plain}")).unwrap().collect::<Vec<_>>(),
        [Err(CsvError::UnterminatedQuote { line: 2 })]
    );

    // NUL bytes are data, not terminators.
    check("a\0,b\n\0,\"\0\"\n", Delimiter::Comma, &["a\0", "b"], vec![ok(2, &["\0", "\0"])]);

    // A million columns with one repeated name: linear, not quadratic.
    let wide = vec!["h"; 1_000_000].join(",");
    let t = read_csv(&wide).unwrap();
    assert_eq!((t.headers.len(), t.header_problems.len()), (1_000_000, 999_999));
}

#[test]
fn progress_reaches_the_end() {
    let input = "a,b\n1,2\n3,4\n";
    let mut t = read_csv(input).unwrap();
    assert_eq!(t.position(), 4);
    t.next();
    assert_eq!(t.position(), 8);
    assert_eq!(t.by_ref().count(), 1);
    assert_eq!(t.position(), input.len());
}

#[test]
fn excel_windows_1256_export() {
    let bytes = include_bytes!("../testdata/excel_cp1256.csv");
    let decoded = decode(bytes).unwrap();
    assert_eq!(decoded.encoding, Encoding::Windows1256);
    // Arabic yeh (ي) as the file has it; the ZWNJ in خوش‌حساب survives.
    check(
        &decoded.text,
        Delimiter::Comma,
        &["نام", "تلفن", "شهر", "توضيحات"],
        vec![
            ok(2, &["علي رضايي", "09121234567", "تهران", "مشتري قديمي، خوش\u{200c}حساب"]),
            ok(3, &["مريم کاظمي", "09351234567", "اصفهان", "گفت: \"فردا تماس بگيريد\""]),
            ok(4, &["شرکت پارس", "02188881234", "شيراز", ""]),
        ],
    );
}

#[test]
fn utf8_bom_file() {
    let bytes = b"\xEF\xBB\xBFname;phone\r\n\xD8\xB9\xD9\x84\xDB\x8C;0912\r\n";
    let decoded = decode(bytes).unwrap();
    assert_eq!(decoded.encoding, Encoding::Utf8Bom);
    check(&decoded.text, Delimiter::Semicolon, &["name", "phone"], vec![ok(2, &["علی", "0912"])]);
}

#[test]
fn writer_output_is_excel_shaped() {
    let out = write_csv(&["نام", "مبلغ"], [["علی", "-12"], ["=1+1", "a,b"]]);
    let want = "\u{feff}نام,مبلغ\r\nعلی,-12\r\n'=1+1,\"a,b\"\r\n";
    assert_eq!(String::from_utf8(out).unwrap(), want);
    let empty: [[&str; 0]; 0] = [];
    assert_eq!(write_csv::<&str, [&str; 0], &str>(&[], empty), b"\xEF\xBB\xBF\r\n");
}

#[test]
fn formula_guard() {
    let cases = [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("@SUM(1)", "'@SUM(1)"),
        ("+98 912", "'+98 912"),
        ("-1+2", "'-1+2"),
        ("-1e3", "'-1e3"),
        ("-", "'-"),
        ("-.5", "'-.5"),
        ("-1.", "'-1."),
        ("-۱۲", "'-۱۲"),
        ("\tx", "\"'\tx\""),
        ("\rx", "\"'\rx\""),
        ("\0x", "'\0x"),
        ("\"=x\"", "\"\"\"=x\"\"\""),
        // Plain numbers stay numbers.
        ("-12", "-12"),
        ("+12", "+12"),
        ("-12.50", "-12.50"),
        ("+989121234567", "+989121234567"),
        ("12", "12"),
        // Not at the start: harmless.
        ("a=b", "a=b"),
        ("'=already", "'=already"),
        ("", ""),
    ];
    for (cell, want) in cases {
        let mut out = Vec::new();
        write_cell(&mut out, cell);
        assert_eq!(String::from_utf8(out).unwrap(), want, "{cell:?}");
    }
}

/// The apostrophe rule as the reader sees it after a round trip.
fn guarded(cell: &str) -> String {
    if needs_formula_guard(cell) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// xorshift64*: deterministic, so a failure reproduces from its seed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn cell(&mut self) -> String {
        const ALPHABET: &[&str] = &[
            "\"", ",", ";", "\t", "\r", "\n", "\r\n", "=", "+", "-", "@", "'", " ", "\0", "1", "9", ".", "a", "Z",
            "ع", "ی", "ي", "۱", "\u{200c}", "\u{feff}", "😀", "،",
        ];
        let len = [0, 1, 2, 3, 5, 8, 20][self.below(7)];
        (0..len).map(|_| ALPHABET[self.below(ALPHABET.len())]).collect()
    }
}

#[test]
fn write_then_read_gives_the_same_cells() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for case in 0..3000 {
        let width = 1 + rng.below(5);
        let mut headers: Vec<String> = (0..width).map(|_| rng.cell()).collect();
        if headers.iter().all(String::is_empty) {
            headers[0] = "h".into();
        }
        let rows: Vec<Vec<String>> = (0..rng.below(6)).map(|_| (0..width).map(|_| rng.cell()).collect()).collect();

        let bytes = write_csv(&headers, &rows);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, Encoding::Utf8Bom);
        let table = read_csv(&decoded.text).unwrap_or_else(|e| panic!("case {case}: {e:?} {headers:?}"));
        assert_eq!(table.delimiter, Delimiter::Comma, "case {case}: {headers:?} {rows:?}");
        let want_headers: Vec<String> = headers.iter().map(|h| guarded(h).trim().to_owned()).collect();
        assert_eq!(table.headers, want_headers, "case {case}");
        let got: Vec<Vec<String>> =
            table.map(|r| r.unwrap_or_else(|e| panic!("case {case}: {e:?}")).cells).collect();
        let want: Vec<Vec<String>> = rows
            .iter()
            .filter(|r| r.iter().any(|c| !c.is_empty()))
            .map(|r| r.iter().map(|c| guarded(c)).collect())
            .collect();
        assert_eq!(got, want, "case {case}: {headers:?}");
    }
}
