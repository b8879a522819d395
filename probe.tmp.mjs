import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
const server = spawn("node", ["tests/e2e/serve.mjs", "dist", "8094"], { stdio: "ignore" });
await new Promise((ok) => setTimeout(ok, 500));
const ctx = await chromium.launchPersistentContext("/tmp/probe-profile", { executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
const page = ctx.pages()[0];
await page.goto("http://127.0.0.1:8094/settings");
await page.waitForTimeout(1000);
const has = await page.evaluate(async () => {
  const req = (r) => new Promise((ok, err) => { r.onsuccess = () => ok(r.result); r.onerror = () => err(r.error); });
  const db = await req(indexedDB.open("daftar"));
  return req(db.transaction("records").objectStore("records").count());
});
if (has < 50000) { await page.getByTestId("demo-L").click(); await page.waitForFunction(() => performance.getEntriesByName("daftar:import").length > 0, null, { timeout: 300000 }); }
for (let i = 0; i < 3; i++) {
const r = await page.evaluate(async () => {
  const req = (r) => new Promise((ok, err) => { r.onsuccess = () => ok(r.result); r.onerror = () => err(r.error); });
  const db = await req(indexedDB.open("daftar"));
  const t0 = performance.now();
  const vals = await req(db.transaction("records").objectStore("records").getAll(IDBKeyRange.bound("customer:", "customer:\uffff")));
  const t1 = performance.now();
  let n = 0; for (const v of vals) n += JSON.parse(v).fields.name.length;
  const t2 = performance.now();
  db.close();
  return { getAll: t1 - t0, parse: t2 - t1, count: vals.length };
});
console.log(r);
}
await ctx.close(); server.kill();
