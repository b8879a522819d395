// Global search at scale, on dataset L (50,000 customers with their
// contacts, activities, tasks and 6,000 deals), optionally with the 100,000
// demo installed items: loading its index on first opening, and the
// main-thread work per keystroke (input event to the end of the redraw it
// triggers). Several builds can be measured in one run, alternating, each on
// a fresh browser context, so a change is compared with its baseline on the
// same machine at the same moment.
// Usage: node tests/bench/search.mjs [--runs N] [--items] [--dist dist,other-dist]
import { chromium } from "@playwright/test";
import { typeEachQuery } from "./keystrokes.mjs";
import { spawn } from "node:child_process";
import { cpus } from "node:os";

const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const runs = Number(arg("--runs", 3));
const dists = arg("--dist", "dist").split(",");
const withItems = process.argv.includes("--items");
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];
// The list benchmark's queries, then words found among activities and deals, a product and a serial.
const QUERIES = ["کریمی", "acme", "0912", "تهران vip", "sara", "پیگیری", "نصب دستگاه", "چاپگر", "DF1-0001"];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

async function measure(browser, base) {
  const ctx = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await ctx.newPage();
  try {
    await page.goto(`${base}/settings`);
    await page.getByTestId("storage-chip").filter({ hasText: /دستگاه|device/ }).waitFor();
    const applied = (n) => page.waitForFunction((n) => performance.getEntriesByName("daftar:apply").length >= n, n, { timeout: 600_000 });
    await page.getByTestId("demo-L").click();
    await applied(1);
    if (withItems) {
      await page.getByTestId("demo-items").click();
      await applied(2);
    }
    await page.goto(`${base}/customers`);
    await page.getByTestId("customer-count").filter({ hasText: /۵۰/ }).waitFor();
    await page.keyboard.press("/");
    await page.waitForFunction(() => performance.getEntriesByName("daftar:load-everything").length > 0, null, { timeout: 120_000 });
    const load = await page.evaluate(() => performance.getEntriesByName("daftar:load-everything")[0].duration);
    const samples = await typeEachQuery(page, "global-search", QUERIES);
    // The search alone (both indexes, grouping), without drawing the results.
    const inner = await page.evaluate(() => performance.getEntriesByName("daftar:global-search").map((m) => m.duration));
    return { load, samples, inner };
  } finally {
    await ctx.close();
  }
}

const servers = dists.map((dist, i) => ({ dist, port: 8097 + i }));
const procs = servers.map(({ dist, port }) => spawn("node", ["tests/e2e/serve.mjs", dist, String(port)], { stdio: "ignore" }));
await new Promise((ok) => setTimeout(ok, 500));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
const results = Object.fromEntries(dists.map((d) => [d, []]));
try {
  for (let r = 1; r <= runs; r++) {
    for (const { dist, port } of servers) {
      const m = await measure(browser, `http://127.0.0.1:${port}`);
      results[dist].push(m);
      console.log(`run ${r} ${dist}: index load ${m.load.toFixed(0)} ms, per keystroke p50 ${pct(m.samples, 50).toFixed(1)} / p95 ${pct(m.samples, 95).toFixed(1)} ms (${m.samples.length} keystrokes), search alone p95 ${pct(m.inner, 95).toFixed(1)} ms`);
    }
  }
} finally {
  await browser.close();
  procs.forEach((p) => p.kill());
}
console.log(`\nGlobal search, dataset L${withItems ? " + 100,000 installed items" : ""} — ${runs} runs, ${cpus().length} × ${cpus()[0].model}`);
console.log("| build | index load, median (runs) | per keystroke p95, median (runs) | search alone p95 | goal |");
console.log("|---|---|---|---|---|");
for (const dist of dists) {
  const rs = results[dist];
  const loads = rs.map((m) => m.load), p95s = rs.map((m) => pct(m.samples, 95)), inner = rs.map((m) => pct(m.inner, 95));
  console.log(`| ${dist} | ${median(loads).toFixed(0)} ms (${loads.map((x) => x.toFixed(0)).join(" / ")}) | ${median(p95s).toFixed(1)} ms (${p95s.map((x) => x.toFixed(1)).join(" / ")}) | ${median(inner).toFixed(1)} ms | p95 ≤ 16 ms |`);
}
