//! Measures decoding and parsing a 50,000-row Persian CSV (a benchmark, not a
//! test). Run: `cargo run --release -p daftar-core --example csv_speed`
use daftar_core::import::{decode, read_csv, write_csv};
use std::time::Instant;

fn main() {
    let headers = ["نام", "تلفن", "ایمیل", "شهر", "آدرس", "برچسب‌ها", "یادداشت"];
    let rows = (0..50_000).map(|i| {
        [
            format!("مشتری شماره {i} رضایی"),
            format!("0912{i:07}"),
            format!("customer{i}@example.ir"),
            "تهران".to_owned(),
            format!("خیابان ولیعصر، کوچه {i}, پلاک {}", i % 97),
            "VIP، عمده‌فروش".to_owned(),
            if i % 10 == 0 { "گفت \"فردا\"\nتماس بگیرید".to_owned() } else { String::new() },
        ]
    });
    let bytes = write_csv(&headers, rows);
    let mut runs = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let text = decode(&bytes).expect("our own export decodes").text;
        let table = read_csv(&text).expect("our own export parses");
        let rows = table.filter(Result::is_ok).count();
        assert_eq!(rows, 50_000);
        runs.push(started.elapsed());
    }
    runs.sort();
    println!("50,000 rows, {} bytes: decode + parse median {:?} (of {:?})", bytes.len(), runs[2], runs);
}
