//! Reading customer lists people bring from elsewhere: CSV from Excel or
//! other CRMs, and vCard files from phones. This is only the parsing layer:
//! bytes to text ([`decode`]), text to header and rows ([`read_csv`]) or to
//! contacts ([`read_vcards`]), and the reverse for export ([`write_csv`]).
//! Mapping columns to customer fields and validating them comes after.
//!
//! Nothing here fails on hostile input by panicking or hanging: problems are
//! typed values with line numbers for the UI to word, and every reader
//! makes one forward pass over the text.

mod csv;
mod text;
mod vcard;

pub use self::csv::{detect_delimiter, read_csv, read_csv_with, write_csv, CsvError, CsvTable, Delimiter, Row};
pub use text::{decode, Decoded, Encoding, TextError};
pub use vcard::{
    read_vcards, Address, Birthday, Email, Organization, Phone, StructuredName, TypeLabel, VCardContact, VCardError,
    VCardProblem, VCards,
};
