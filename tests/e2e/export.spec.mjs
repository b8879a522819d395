import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { openApp, createCustomer } from "./helpers.mjs";

async function exportCsv(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-customers").click()]);
  expect(download.suggestedFilename()).toMatch(/^daftar-customers-\d{4}-\d{2}-\d{2}\.csv$/);
  return readFileSync(await download.path());
}

test("the customer list exports as a CSV that Excel reads: BOM, Persian intact, formulas neutralised, search respected", async ({ page }) => {
  await openApp(page);
  await createCustomer(page, { name: "شرکت «آریا»، تهران", phones: "09121234567, 02188881234", tags: "VIP, عمده‌فروش" });
  await page.goto("/customers");
  await createCustomer(page, { name: '=HYPERLINK("http://evil.example","x")', city: "Shiraz" });
  await page.goto("/customers");
  await expect(page.locator(".customer-row")).toHaveCount(2);

  const all = await exportCsv(page);
  expect([...all.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = all.subarray(3).toString("utf8");
  const lines = text.split("\r\n");
  expect(lines[0].startsWith("نام,نوع شخص,نوع مشتری,تلفن‌ها")).toBe(true);
  expect(text).toContain("\r\nشرکت «آریا»، تهران,حقیقی");
  expect(text).toContain("09121234567، 02188881234");
  expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  expect(lines.filter((l) => l.length > 0)).toHaveLength(3);

  // Only what the search shows, with English headers after switching language.
  await page.getByTestId("lang-switch").click();
  await page.getByTestId("customer-search").fill("shiraz");
  await expect(page.locator(".customer-row")).toHaveCount(1);
  const filtered = (await exportCsv(page)).subarray(3).toString("utf8").split("\r\n").filter((l) => l.length > 0);
  expect(filtered).toHaveLength(2);
  expect(filtered[0].startsWith("Name,Kind,Customer type,Phones")).toBe(true);
  expect(filtered[1]).toContain("Shiraz");
});

test("the inbox exports as shown: sections, tasks and their customers, in Persian", async ({ page }) => {
  await openApp(page);
  await createCustomer(page, { name: "فروشگاه مهر" });
  await page.getByTestId("add-task").click();
  await page.locator("#task-title").fill("=1+1 پیگیری پیش‌فاکتور");
  await page.getByTestId("task-save").click();
  await expect(page.getByTestId("open-tasks")).toContainText("پیگیری پیش‌فاکتور");
  await page.getByTestId("nav-inbox").click();
  await expect(page.getByTestId("bucket-undated")).toContainText("پیگیری پیش‌فاکتور");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-inbox").click()]);
  expect(download.suggestedFilename()).toMatch(/^daftar-inbox-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").split("\r\n").filter((l) => l.length > 0);
  expect(lines[0]).toBe("بخش,عنوان,موعد,اولویت,مشتریان,مسئول فروش,یادداشت");
  expect(lines[1]).toBe("بدون موعد,'=1+1 پیگیری پیش‌فاکتور,,عادی,فروشگاه مهر,,");
});
