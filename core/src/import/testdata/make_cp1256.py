#!/usr/bin/env python3
"""Build the Windows-1256 fixtures that core/src/import/text.rs tests against.

Python's `cp1256` codec is the reference: it follows the code page as
Microsoft publishes it (the same table the Unicode Consortium mirrors in
MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1256.TXT). Our Rust table is written by
hand; this script is the independent witness.

Writes two files beside itself:

  * cp1256_table.txt - one line per byte 0x80..=0xFF: `BYTE CODEPOINT` in hex.
  * excel_cp1256.csv - a small customer list as an old Persian Excel saves it
    ("CSV (Comma delimited)" on a Windows set to Persian): Windows-1256,
    CRLF, no BOM, commas. Persian yeh (U+06CC) has no byte in Windows-1256;
    Windows' best-fit mapping writes Arabic yeh (0xED) instead, so the
    sample spells names with Arabic yeh as such files really do.

Usage (from the repository root, any Python 3):
    python3 core/src/import/testdata/make_cp1256.py
"""
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent

# Arabic yeh/kaf, as best fit leaves them; Persian keheh (U+06A9) does exist
# in the code page (0x98) and is kept to show both kinds of kaf survive.
SAMPLE_ROWS = [
    ["نام", "تلفن", "شهر", "توضيحات"],
    ["علي رضايي", "09121234567", "تهران", "مشتري قديمي، خوش‌حساب"],
    ["مريم کاظمي", "09351234567", "اصفهان", 'گفت: "فردا تماس بگيريد"'],
    ["شرکت پارس", "02188881234", "شيراز", ""],
]


def quote(cell):
    if any(c in cell for c in ',"\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def main():
    lines = [f"{b:02X} {ord(bytes([b]).decode('cp1256')):04X}" for b in range(0x80, 0x100)]
    header = f"# Windows-1256 bytes 0x80..=0xFF from Python {sys.version.split()[0]}'s cp1256 codec\n"
    (HERE / "cp1256_table.txt").write_text(header + "\n".join(lines) + "\n", encoding="ascii")

    text = "".join(",".join(quote(c) for c in row) + "\r\n" for row in SAMPLE_ROWS)
    (HERE / "excel_cp1256.csv").write_bytes(text.encode("cp1256"))


if __name__ == "__main__":
    main()
