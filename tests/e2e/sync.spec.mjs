// Sync against a real CouchDB-protocol server: pouchdb-server in memory on
// 127.0.0.1, started and stopped by these tests. Each browser context is one
// device with its own IndexedDB.
import { test, expect } from "@playwright/test";
import { openApp, createCustomer, fillCustomer, expectOneReview } from "./helpers.mjs";
import { startCouch, createDb, createUser, putDoc, putConfig, couchFetch, freePort } from "./couch.mjs";
import PouchDB from "pouchdb";
import memoryAdapter from "pouchdb-adapter-memory";

PouchDB.plugin(memoryAdapter);

let couch;
test.beforeEach(async () => {
  couch = await startCouch();
  await createDb(couch.url, "daftar");
});
test.afterEach(async () => {
  await couch?.stop();
});

/** Points this device at the test server (no sign-in) and waits for the first sync. */
async function connect(page) {
  await page.goto("/settings/sync");
  await page.getByTestId("sync-url").fill(couch.url);
  await page.getByTestId("sync-db").fill("daftar");
  await page.getByTestId("sync-method").selectOption("none");
  await page.getByTestId("sync-save").click();
  await upToDate(page);
}

async function upToDate(page) {
  await expect(page.getByTestId("sync-chip")).toHaveText(/^(Up to date at|به‌روز در) [0-9۰-۹:]+$/, { timeout: 20_000 });
}

/** How many runs this tab has finished. */
async function runs(page) {
  return Number(await page.getByTestId("sync-chip").getAttribute("data-runs"));
}

/** Waits for a run to finish after `before` runs, ending up to date. */
async function ranAfter(page, before) {
  await expect.poll(() => runs(page), { timeout: 20_000 }).toBeGreaterThan(before);
  await upToDate(page);
}

/**
 * Starts a run and waits for it (or one started after the click) to end up
 * to date. The sync settings are reached through the chip, in the app: a
 * page load would cut short a run under way (the one coming online starts),
 * after the server took a push but before this device stored that it did.
 */
async function syncNow(page) {
  await page.getByTestId("sync-chip").click();
  await expect(page.getByTestId("sync-now")).toBeVisible();
  const before = await runs(page);
  await page.getByTestId("sync-now").click();
  await ranAfter(page, before);
}

async function english(page) {
  await page.goto("/settings");
  await page.getByRole("main").getByRole("button", { name: "English" }).click();
}

/** In-app navigation only: it works offline too. */
async function editCustomer(page, name, fields) {
  await page.getByTestId("nav-customers").click();
  await page.locator(".customer-row", { hasText: name }).click();
  await page.getByTestId("edit").click();
  await fillCustomer(page, fields);
}

test("two devices edit one customer offline: different fields merge, the same field is decided and listed for review", async ({ browser }) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  for (const page of [a, b]) {
    await openApp(page);
    await english(page);
    await connect(page);
  }
  await a.goto("/");
  await createCustomer(a, { name: "Pars Heating", phones: "09121234567", city: "Tehran" });
  await syncNow(a);
  await syncNow(b);
  await b.goto("/");
  await expect(b.locator(".customer-row .row-title")).toHaveText("Pars Heating");

  // Offline on both: a moves the city, b changes the phone.
  await a.context().setOffline(true);
  await b.context().setOffline(true);
  await editCustomer(a, "Pars Heating", { city: "Shiraz" });
  await editCustomer(b, "Pars Heating", { phones: "09351112233" });
  await expect(a.getByTestId("sync-chip")).toContainText("1 waiting");
  await a.context().setOffline(false);
  await b.context().setOffline(false);
  await syncNow(a);
  await syncNow(b);
  await syncNow(a);
  for (const page of [a, b]) {
    await page.goto("/");
    await expect(page.locator(".customer-row .row-detail")).toContainText("Shiraz");
    await page.locator(".customer-row").click();
    await expect(page.locator("main")).toContainText("0935");
    await expect(page.getByTestId("sync-review-chip")).toHaveCount(0);
  }

  // Offline again: both rename it. The later edit wins everywhere; the
  // device that merged (whichever pushed second, as coming online syncs by
  // itself) lists the clash with both names.
  await a.context().setOffline(true);
  await b.context().setOffline(true);
  await editCustomer(a, "Pars Heating", { name: "Pars Heating North" });
  await editCustomer(b, "Pars Heating", { name: "Pars Heating South" });
  await a.context().setOffline(false);
  await b.context().setOffline(false);
  await syncNow(a);
  await syncNow(b);
  await syncNow(a);
  await a.goto("/");
  const kept = await a.locator(".customer-row .row-title").textContent();
  expect(kept).toBe("Pars Heating South"); // b edited last
  await b.goto("/");
  await expect(b.locator(".customer-row .row-title")).toHaveText(kept);
  const reviews = async (page) => page.getByTestId("sync-review-chip").count();
  await expect.poll(async () => (await reviews(a)) + (await reviews(b))).toBe(1);
  const [reviewer, other] = (await reviews(a)) ? [a, b] : [b, a];
  await expect(reviewer.getByTestId("sync-review-chip")).toHaveText("1 to review");
  await reviewer.getByTestId("sync-review-chip").click();
  await expect(reviewer.getByTestId("review-field")).toHaveText("Name");
  await expect(reviewer.getByTestId("review-kept")).toHaveText("Pars Heating South");
  await expect(reviewer.getByTestId("review-set-aside")).toHaveText("Pars Heating North");
  // Putting the other value back is an edit like any other: it reaches the other device.
  await reviewer.getByTestId("review-use-other").click();
  await expect(reviewer.getByTestId("review-empty")).toBeVisible();
  await syncNow(reviewer);
  await syncNow(other);
  await other.goto("/");
  await expect(other.locator(".customer-row .row-title")).toHaveText("Pars Heating North");
  // The server holds one revision, no conflicts.
  const { json: body } = await couchFetch(couch.url, "/daftar/_all_docs?include_docs=true&conflicts=true");
  const customers = body.rows.filter((r) => r.id.startsWith("customer:"));
  expect(customers).toHaveLength(1);
  expect(customers[0].doc.name).toBe("Pars Heating North");
  expect(customers[0].doc._conflicts).toBeUndefined();
});

test("an edit another PouchDB client replicates in beside ours is merged, the name both changed listed for review", async ({ page }) => {
  await openApp(page);
  await english(page);
  await connect(page);
  await page.goto("/");
  await createCustomer(page, { name: "Pars Heating", city: "Tehran" });
  await syncNow(page);
  // Another client takes a copy; both rename the customer, the other client moves it too.
  const other = new PouchDB(`other-${Date.now()}`, { adapter: "memory" });
  const server = `${couch.url}/daftar`;
  await other.replicate.from(server);
  const [row] = (await other.allDocs({ include_docs: true, startkey: "customer:", endkey: "customer:\uffff" })).rows;
  await page.context().setOffline(true);
  await editCustomer(page, "Pars Heating", { name: "Pars Heating North" });
  await page.context().setOffline(false);
  await syncNow(page);
  await other.put({ ...row.doc, name: "Pars Heating Group", city: "Karaj" });
  await other.replicate.to(server);
  const { json: split } = await couchFetch(couch.url, `/daftar/${encodeURIComponent(row.id)}?conflicts=true`);
  expect(split._conflicts).toHaveLength(1);

  await syncNow(page);
  // The other client's edit arrived last: it wins, and the name this device gave is not lost.
  await page.goto("/");
  await expect(page.locator(".customer-row .row-title")).toHaveText("Pars Heating Group");
  await expect(page.locator(".customer-row .row-detail")).toContainText("Karaj");
  await expectOneReview(page, { field: "Name", kept: "Pars Heating Group", setAside: "Pars Heating North" });
  const { json: merged } = await couchFetch(couch.url, `/daftar/${encodeURIComponent(row.id)}?conflicts=true`);
  expect(merged._conflicts).toBeUndefined();
  expect([merged.name, merged.city]).toEqual(["Pars Heating Group", "Karaj"]);
  // The other client gets the merge back as its own document's next revision.
  await other.replicate.from(server);
  expect((await other.get(row.id)).name).toBe("Pars Heating Group");
  await other.destroy();
});

test("a document written with curl appears in the app, in Persian", async ({ page }) => {
  await openApp(page);
  await connect(page);
  await putDoc(couch.url, "daftar", { _id: "customer:5d8e2c1a-3b4f-4a6e-9c7d-1e2f3a4b5c6d", name: "فروشگاه کرج", city: "کرج" });
  await syncNow(page);
  await page.goto("/");
  await expect(page.locator(".customer-row .row-title")).toHaveText("فروشگاه کرج");
  await expect(page.getByTestId("sync-chip")).toHaveText(/^به‌روز در [۰-۹]{2}:[۰-۹]{2}$/);
});

test("closing the page in the middle of a pull, then reopening, leaves no duplicate and no loss", async ({ context }) => {
  const docs = Array.from({ length: 3000 }, (_, i) => ({
    _id: `customer:00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    name: `Customer ${i}`,
    city: "Qom",
  }));
  const { status } = await couchFetch(couch.url, "/daftar/_bulk_docs", { method: "POST", body: { docs } });
  expect(status).toBe(201);
  const page = await context.newPage();
  await openApp(page);
  await english(page);
  await page.goto("/settings/sync");
  await page.getByTestId("sync-url").fill(couch.url);
  await page.getByTestId("sync-db").fill("daftar");
  await page.getByTestId("sync-method").selectOption("none");
  await page.getByTestId("sync-save").click();
  // Some pages stored, not all: close.
  await expect(page.getByTestId("sync-chip")).toHaveText(/^Syncing ([2-9]\d\d|1,?\d\d\d) of/, { timeout: 20_000 });
  await page.close();

  const again = await context.newPage();
  await openApp(again);
  await upToDate(again);
  await again.goto("/");
  await expect(again.getByTestId("customer-count")).toHaveText(/^3,?000 customers$/);
  // Nothing was pushed back: the server still holds exactly the 3,000.
  const info = await couchFetch(couch.url, "/daftar");
  expect(info.json.doc_count).toBe(3000);
  await expect(again.getByTestId("sync-chip")).not.toContainText("waiting");
});

test("a 2,500-row import made offline waits in the chip as 2,500, then reaches the server whole", async ({ page }) => {
  await openApp(page);
  await english(page);
  await connect(page);
  await page.goto("/customers/import");
  await page.context().setOffline(true);
  const rows = ["name,mobile"];
  for (let i = 0; i < 2500; i++) rows.push(`Customer ${i},0912${1_000_000 + i}`);
  await page.getByTestId("import-file").setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n")) });
  await page.getByTestId("import-check").click();
  await page.getByTestId("import-confirm").click();
  await expect(page.getByTestId("customer-count")).toHaveText(/^2,?500 customers$/);
  // Sync is told of a big write a slice at a time: each record counted once.
  await expect(page.getByTestId("sync-chip")).toContainText(/\b2,?500 waiting/);
  await page.context().setOffline(false);
  await syncNow(page);
  expect((await couchFetch(couch.url, "/daftar")).json.doc_count).toBe(2500);
  await expect(page.getByTestId("sync-chip")).not.toContainText("waiting");
});

test("a survey answered from a link reaches the inbox by itself and is filed; a forged code and a replay are not", async ({ page, browser }) => {
  // A server with an admin (no "admin party"), so the inbox's rules apply to
  // anonymous respondents; the rep signs in with a session cookie.
  await couch.stop();
  couch = await startCouch({ admin: { name: "admin", password: "admin-pw" } });
  await createDb(couch.adminUrl, "daftar");
  await createUser(couch.adminUrl, "rep", "rep-pw", ["daftar"]);
  const { execFileSync } = await import("node:child_process");
  execFileSync("node", ["scripts/survey-inbox.mjs", couch.url, "daftar-inbox", "--user", "admin", "--password", "admin-pw"], { stdio: "pipe" });
  await openApp(page);
  await page.goto("/settings/sync");
  await page.getByTestId("sync-url").fill(couch.url);
  await page.getByTestId("sync-db").fill("daftar");
  await page.getByTestId("sync-user").fill("rep");
  await page.getByTestId("sync-password").fill("wrong");
  await page.getByTestId("sync-test").click();
  await expect(page.getByTestId("sync-outcome")).toHaveText("نام کاربری یا گذرواژه نادرست است.");
  await page.getByTestId("sync-password").fill("rep-pw");
  await page.getByTestId("sync-inbox").fill("daftar-inbox");
  await page.getByTestId("sync-save").click();
  await upToDate(page);

  await page.goto("/");
  await createCustomer(page, { name: "فروشگاه البرز", phones: "09121110000" });
  await page.goto("/surveys");
  await page.getByTestId("template-nps").click();
  await page.getByTestId("save-survey").click();
  await page.getByTestId("make-link").click();
  await page.locator("#link-customer").fill("فروشگاه البرز");
  await page.getByRole("button", { name: "فروشگاه البرز" }).click();
  // Issuing the link is a save, pushed 2 s later: that run must not be the
  // one that files the answer, or this test's own run would find it filed.
  const before = await runs(page);
  await page.getByTestId("link-create").click();
  await ranAfter(page, before);
  const link = await page.getByTestId("survey-link-url").inputValue();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const customer = await phone.newPage();
  await customer.goto(link);
  await customer.getByTestId("question-q1").locator('[data-value="10"]').tap();
  await customer.getByTestId("survey-submit").tap();
  await expect(customer.getByTestId("response-sent")).toBeVisible();
  await expect(customer.getByTestId("response-code")).toBeHidden();
  const code = await customer.getByTestId("response-code").inputValue();
  await phone.close();

  // Anyone may post to the inbox: a forged code, and the same code again.
  const forged = code.slice(0, 40) + (code[40] === "A" ? "B" : "A") + code.slice(41);
  for (const [id, c] of [["forged", forged], ["replay", code]]) {
    const posted = await couchFetch(couch.url, "/daftar-inbox", { method: "POST", body: { _id: `response:${id}`, code: c } });
    expect(posted.status).toBe(201);
  }
  // But nothing else: the inbox's rules refuse another shape.
  const other = await couchFetch(couch.url, "/daftar-inbox", { method: "POST", body: { _id: "response:x", code: code, name: "me" } });
  expect(other.status).toBe(403);

  await syncNow(page);
  await expect(page.locator(".toast")).toContainText("۱ پاسخ ثبت شد، ۱ پاسخ پذیرفته نشد");
  await page.goto("/surveys");
  await page.getByTestId("survey-list").getByRole("link").first().click();
  await expect(page.getByTestId("figure-responses")).toContainText("۱");
  // Filed codes leave the inbox; the forged one stays (a device holding
  // another key might open it) but is not counted again.
  const left = await couchFetch(couch.url, "/daftar-inbox/_all_docs?startkey=%22response%3A%22&endkey=%22response%3A%EF%BF%B0%22");
  expect(left.json.rows.map((r) => r.id)).toEqual(["response:forged"]);
});

test("test connection tells each problem apart, in words, with the CORS fix shown", async ({ page, baseURL }) => {
  await openApp(page);
  await english(page);
  await page.goto("/settings/sync");
  const outcome = page.getByTestId("sync-outcome");
  const check = async (url, db) => {
    await page.getByTestId("sync-url").fill(url);
    await page.getByTestId("sync-db").fill(db);
    await page.getByTestId("sync-method").selectOption("none");
    await page.getByTestId("sync-test").click();
  };
  await check("couch.example.com", "daftar");
  await expect(outcome).toContainText("starting with https://");
  await check(couch.url, "Daftar");
  await expect(outcome).toContainText("lowercase English letter");
  await check(couch.url, "nothere");
  await expect(outcome).toHaveText("There is no database named «nothere» on the server. Ask the server's admin to create it.");
  await check(baseURL, "daftar");   // the app's own site: answers, but not as CouchDB
  await expect(outcome).toHaveText("This address answers, but not as a CouchDB server. Check the address.");
  const closed = `http://127.0.0.1:${await freePort()}`;
  await check(closed, "daftar");
  await expect(outcome).toContainText("The server cannot be reached.");
  await putConfig(couch.url, "cors", "origins", "https://daftar.example.com");
  await check(couch.url, "daftar");
  await expect(outcome).toContainText(`CORS is not enabled for ${baseURL}`);
  await expect(page.getByTestId("cors-fix")).toContainText(`_config/cors/origins -d '"${baseURL}"'`);
  await putConfig(couch.url, "cors", "origins", "*");
  await check(couch.url, "daftar");
  await expect(outcome).toHaveText("Connected: the server and the database answer.");
  // Nothing was saved by testing: sync is still off.
  await expect(page.getByTestId("sync-chip")).toHaveCount(0);
});
