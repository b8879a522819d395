import { test, expect } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
import { openApp } from "./helpers.mjs";

// A new deployment changes sw.js (its version and precache list). The running
// app must notice, offer a reload, and come back on the new version.
test("a new deployment shows an update prompt and reloads into it", async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await expect(page.getByTestId("update-prompt")).toHaveCount(0);

  const swPath = "dist/sw.js";
  const original = readFileSync(swPath, "utf8");
  try {
    writeFileSync(swPath, original.replace(/const VERSION = "([^"]+)"/, 'const VERSION = "$1-next"'));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await expect(page.getByTestId("update-prompt")).toBeVisible();
    await expect(page.getByTestId("update-prompt")).toContainText("نسخهٔ تازه");
    // Listen before clicking: the reload can finish before a later listener is attached.
    const reloaded = page.waitForEvent("load");
    await page.getByTestId("update-prompt").getByRole("button", { name: "بارگذاری دوباره" }).click();
    await reloaded;
    await expect(page.getByTestId("storage-chip")).toHaveText("ذخیره روی همین دستگاه");
    await expect(page.getByTestId("update-prompt")).toHaveCount(0);
    const cacheNames = await page.evaluate(() => caches.keys());
    expect(cacheNames.some((n) => n.endsWith("-next"))).toBe(true);
    expect(cacheNames.length).toBe(1);
  } finally {
    writeFileSync(swPath, original);
  }
});

test("settings shows storage usage and quota, and currency formatting follows the choice", async ({ page }) => {
  await openApp(page, "/settings");
  await expect(page.getByTestId("storage-usage")).toContainText("مگابایت");
  // Demo data takes room at once, and the figure says so without a reload.
  const before = await page.getByTestId("storage-usage").innerText();
  await page.getByTestId("demo-S").click();
  await expect(page.locator(".toast")).toHaveText("دادهٔ نمونه اضافه شد.", { timeout: 30_000 });
  await expect(page.getByTestId("storage-usage")).not.toHaveText(before);
  await expect(page.getByTestId("money-example")).toContainText("ریال");
  await expect(page.getByTestId("money-example")).toContainText("۱۲٬۳۴۵٬۶۷۸٬۹۰۰");
  await page.locator("#currency").selectOption("IRT");
  await expect(page.getByTestId("money-example")).toContainText("تومان");
  await page.getByTestId("lang-switch").click();
  await page.locator("#currency").selectOption("USD");
  await expect(page.getByTestId("money-example")).toContainText("$123,456,789.00");
  await page.reload();
  await expect(page.locator("#currency")).toHaveValue("USD");
});
