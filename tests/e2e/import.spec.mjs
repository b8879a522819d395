import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { openApp } from "./helpers.mjs";

const BAD_AND_GOOD = "\ufeffنام;موبایل;ایمیل;مشتری از تاریخ\n" +
  "علی کریمی;۰۹۱۲۱۲۳۴۵۶۷;ali@example.com;۱۴۰۳/۰۵/۱۲\n" +
  ";09121234567;;\n" +
  "\"شرکت پارس؛ دفتر مرکزی\";0912;bad-email;\n" +
  "Acme;+44 20 7946 0958;;2024-08-02\n" +
  "too;many;cells;here;extra\n";

test("CSV import: guessed mapping, per-row report in Persian, nothing written until confirmed, then all valid rows", async ({ page, context }) => {
  await openApp(page, "/customers/import");
  await page.getByTestId("import-file").setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(BAD_AND_GOOD, "utf8") });
  // Columns were recognised from their Persian titles.
  await expect(page.getByTestId("import-target-0")).toHaveValue("1");
  await expect(page.getByTestId("import-target-1")).toHaveValue("4");
  await page.getByTestId("import-check").click();
  await expect(page.getByTestId("import-summary")).toContainText("۲ سطر درست");
  await expect(page.getByTestId("import-summary")).toContainText("۳ سطر با خطا");
  const problems = page.getByTestId("import-problems");
  const items = problems.locator(":scope > li");
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText("سطر ۳");
  await expect(items.nth(0)).toContainText("نام: این فیلد را پر کنید.");
  await expect(items.nth(1)).toContainText("سطر ۴");
  await expect(items.nth(1)).toContainText("ایمیل: ایمیل درست نیست");
  await expect(items.nth(1)).toContainText("تلفن‌ها: شماره تلفن کامل نیست");
  await expect(items.nth(2)).toContainText("سطر ۶");
  await expect(items.nth(2)).toContainText("این سطر ۵ ستون دارد، ولی سطر عنوان ۴ ستون.");

  // Nothing is written before the user confirms (seen from a second tab).
  const other = await context.newPage();
  await openApp(other, "/customers");
  await expect(other.getByTestId("customer-count")).toHaveText("۰ مشتری");

  await page.getByTestId("import-confirm").click();
  await expect(page.getByTestId("customer-count")).toHaveText("۲ مشتری");
  await expect(page.locator(".customer-row .row-title")).toHaveText(["Acme", "علی کریمی"]);
  await expect(other.getByTestId("customer-count")).toHaveText("۲ مشتری");
});

test("CSV import reads an old Excel file in Windows-1256", async ({ page }) => {
  await openApp(page, "/customers/import");
  const buffer = readFileSync("core/src/import/testdata/excel_cp1256.csv");
  await page.getByTestId("import-file").setInputFiles({ name: "old-excel.csv", mimeType: "text/csv", buffer });
  await expect(page.locator(".mapping")).toContainText("مشتري قديمي");
  await page.getByTestId("import-check").click();
  await expect(page.getByTestId("import-summary")).toContainText("۳ سطر درست");
  await page.getByTestId("import-confirm").click();
  await expect(page.getByTestId("customer-count")).toHaveText("۳ مشتری");
  // Arabic ي in the file is found by a search typed with Persian ی.
  await page.getByTestId("customer-search").fill("رضایی");
  await expect(page.locator(".customer-row")).toHaveCount(1);
});

test("CSV import without a name column says so and checks nothing", async ({ page }) => {
  await openApp(page, "/customers/import");
  // A wrong file first: going back to choose another one.
  await page.getByTestId("import-file").setInputFiles({ name: "w.csv", mimeType: "text/csv", buffer: Buffer.from("a\n1\n") });
  await page.getByRole("button", { name: "فایل دیگر" }).click();
  await page.getByTestId("import-file").setInputFiles({ name: "x.csv", mimeType: "text/csv", buffer: Buffer.from("foo,bar\n1,2\n") });
  await page.getByTestId("import-check").click();
  await expect(page.getByTestId("import-alert")).toHaveText("ستون «نام» را مشخص کنید.");
  await page.getByTestId("import-target-0").selectOption({ label: "نام" });
  await page.getByTestId("import-check").click();
  await expect(page.getByTestId("import-summary")).toContainText("۱ سطر درست");
});

test("a phone's vCard file imports as customers without a mapping step", async ({ page }) => {
  const vcf = [
    "BEGIN:VCARD", "VERSION:2.1",
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=DA=A9=D8=B1=DB=8C=D9=85=DB=8C;=D8=B9=D9=84=DB=8C;;;",
    "TEL;CELL:+989121234567", "END:VCARD",
    "BEGIN:VCARD", "VERSION:4.0", "FN:Sara Smith", "TEL;TYPE=\"cell,voice\";VALUE=uri:tel:+44-20-7946-0958", "EMAIL:sara@example.com", "END:VCARD",
    "BEGIN:VCARD", "VERSION:3.0", "FN:Cut off",
  ].join("\r\n");
  await openApp(page, "/customers/import");
  await page.getByTestId("import-file").setInputFiles({ name: "contacts.vcf", mimeType: "text/vcard", buffer: Buffer.from(vcf) });
  await expect(page.getByTestId("import-summary")).toContainText("۲ سطر درست");
  await expect(page.getByTestId("import-problems")).toContainText("این کارت تمام نشده است");
  await page.getByTestId("import-confirm").click();
  await expect(page.locator(".customer-row .row-title")).toHaveText(["Sara Smith", "علی کریمی"]);
});

test("CSV import points out likely duplicates of stored customers and of earlier rows, and skips them if asked", async ({ page }) => {
  await openApp(page, "/customers/new");
  await page.locator("#name").fill("علی کریمی");
  await page.locator("#phones").fill("09121111111");
  await page.getByTestId("save").click();
  await expect(page.getByTestId("customer-name")).toHaveText("علی کریمی");
  await page.goto("/customers/import");
  const csv = "نام,موبایل\n" +
    "Ali K.,۰۹۱۲۱۱۱۱۱۱۱\n" +       // same phone as the stored customer
    "سارا احمدی,09350000000\n" +
    "S. Ahmadi,0935 000 0000\n" +  // same phone as the row before
    "Reza Nouri,09360000000\n";
  await page.getByTestId("import-file").setInputFiles({ name: "d.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByTestId("import-check").click();
  const dups = page.getByTestId("import-duplicates");
  await expect(dups).toContainText("۲ سطر شبیه");
  await expect(dups).toContainText("سطر ۲ | Ali K. | تلفن یکسان: علی کریمی");
  await expect(dups).toContainText("سطر ۴ | S. Ahmadi");
  await expect(page.getByTestId("import-confirm")).toContainText("(۲)");
  await page.getByTestId("import-confirm").click();
  await expect(page.getByTestId("customer-count")).toHaveText("۳ مشتری");
  await expect(page.locator(".customer-row .row-title")).toHaveText(["Reza Nouri", "سارا احمدی", "علی کریمی"]);
});
