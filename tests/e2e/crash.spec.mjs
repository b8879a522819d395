// The browser killed right after a save, as a tablet's battery or the
// system's memory killer does: Chromium writes localStorage to disk seconds
// after a change, so whatever is kept only there is lost.
import { test, expect } from "@playwright/test";
import { execSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openApp, createCustomer } from "./helpers.mjs";
import { startCouch, createDb } from "./couch.mjs";

test("sync settings, language and name saved a second before the browser is killed are there after a restart; the list never says 0 meanwhile", async ({ playwright, launchOptions, baseURL }) => {
  const couch = await startCouch();
  await createDb(couch.url, "daftar");
  const profile = mkdtempSync(join(tmpdir(), "daftar-crash-"));
  const start = async () => {
    const context = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, baseURL, viewport: { width: 1024, height: 768 } });
    return [context, context.pages()[0] ?? (await context.newPage())];
  };
  let [context, page] = await start();
  try {
    await openApp(page, "/settings");
    await page.getByRole("main").getByRole("button", { name: "English" }).click();
    await page.goto("/");
    await createCustomer(page, { name: "Pars Heating" });
    await page.goto("/settings");
    await page.getByTestId("me").fill("Sara");
    await page.goto("/settings/sync");
    await page.getByTestId("sync-url").fill(couch.url);
    await page.getByTestId("sync-db").fill("daftar");
    await page.getByTestId("sync-method").selectOption("none");
    await page.getByTestId("sync-save").click();
    await expect(page.getByTestId("sync-outcome")).toHaveText("Saved. Syncing…");
    // A second later the whole browser is gone, every process at once.
    await page.waitForTimeout(1_000);
    // (The bracket keeps pkill's own shell, whose command line holds the pattern, out of the match.)
    execSync(`pkill -KILL -f -- '[-]-user-data-dir=${profile}'`);
    await context.close().catch(() => {});

    [context, page] = await start();
    await openApp(page, "/settings/sync");
    await expect(page.getByTestId("sync-url")).toHaveValue(couch.url);
    await expect(page.getByTestId("sync-db")).toHaveValue("daftar");
    await expect(page.getByTestId("sync-chip")).toHaveText(/^Up to date at [0-9:]+$/, { timeout: 20_000 });
    await page.goto("/settings");
    await expect(page.getByTestId("me")).toHaveValue("Sara");
    // While the list is read again, the count says nothing rather than "0 customers".
    await page.addInitScript(() => {
      window.counts = [];
      new MutationObserver(() => {
        const text = document.querySelector("[data-testid=customer-count]")?.textContent;
        if (text !== undefined && window.counts.at(-1) !== text) window.counts.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto("/");
    await expect(page.getByTestId("customer-count")).toHaveText("1 customer");
    expect(await page.evaluate(() => window.counts)).not.toContain("0 customers");

    // The loss itself, made certain (the kill above may come after Chromium wrote to disk):
    // localStorage loses the settings and their save times; the database brings them back.
    await page.evaluate(() => ["daftar.sync", "daftar.me", "daftar.lang", "daftar.saved-at"].forEach((k) => localStorage.removeItem(k)));
    await page.goto("/settings/sync");
    await expect(page.getByTestId("sync-url")).toHaveValue(couch.url);
    await expect(page.getByTestId("sync-chip")).toHaveText(/^Up to date at [0-9:]+$/, { timeout: 20_000 });
    await page.goto("/settings");
    await expect(page.getByTestId("me")).toHaveValue("Sara");
  } finally {
    await context.close().catch(() => {});
    await couch.stop();
    rmSync(profile, { recursive: true, force: true });
  }
});
