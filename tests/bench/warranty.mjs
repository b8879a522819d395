// The coverage check among 100,000 installed items: the demo customers and
// products (dataset S) plus 100,000 demo items, then serials typed into the
// check one after another. Each lookup is the main-thread work from the
// input event until its answer is in the page and laid out (the page yields
// between checks with a MessageChannel, which the browser does not delay):
//   - a serial that exists (coverage shown)
//   - the same number under another product's prefix: "not found"
// The near matches for a serial not found are searched once typing pauses
// (250 ms), among all 100,000 serials: their own time is read from the
// app's User Timing measure. Baseline in the same run: clearing the box
// (the same event and redraw, no lookup). Also: reading the 100,000 items
// from IndexedDB into the in-memory index, once per page.
// Usage: node tests/bench/warranty.mjs [--runs N]
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { cpus } from "node:os";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 3;
const PORT = 8095;
const BASE = `http://127.0.0.1:${PORT}`;
const ITEMS = 100_000;
const LOOKUPS = 40;
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; };

// Types `serial` into the check and waits for its answer: resolves with the
// milliseconds and whether it was found.
async function lookups(page, serials) {
  return page.evaluate(async (serials) => {
    const input = document.querySelector("[data-testid=serial-check]");
    const answered = (serial) => {
      if (serial === "") return !document.querySelector("[data-testid=coverage-result],[data-testid=coverage-not-found]") && "empty";
      const found = [...document.querySelectorAll("[data-testid=coverage-result] .serial")].some((e) => e.textContent === serial);
      if (found) return "found";
      const missing = document.querySelector("[data-testid=coverage-not-found]");
      return missing && missing.textContent.includes(serial) && "missing";
    };
    const channel = new MessageChannel();
    const yieldNow = () => new Promise((ok) => { channel.port1.onmessage = () => ok(); channel.port2.postMessage(0); });
    const out = [];
    for (const serial of serials) {
      const t0 = performance.now();
      input.value = serial;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      let kind = answered(serial);
      while (!kind) { await yieldNow(); kind = answered(serial); }
      void document.body.offsetHeight;
      out.push({ ms: performance.now() - t0, kind });
      await new Promise((ok) => setTimeout(ok, 300));
    }
    return out;
  }, serials);
}

const server = spawn("node", ["tests/e2e/serve.mjs", "dist", String(PORT)], { stdio: "ignore" });
await new Promise((ok) => setTimeout(ok, 500));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
const results = [];
try {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${BASE}/settings`);
  await page.getByTestId("storage-chip").filter({ hasText: /دستگاه|device/ }).waitFor();
  const applied = (n) => page.waitForFunction((n) => performance.getEntriesByName("daftar:apply").length >= n, n, { timeout: 600_000 });
  await page.getByTestId("demo-S").click();
  await applied(1);
  const t0 = Date.now();
  await page.getByTestId("demo-items").click();
  await applied(2);
  console.log(`${ITEMS} demo items stored in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  for (let r = 1; r <= runs; r++) {
    await page.goto(`${BASE}/warranty`);
    await page.waitForFunction(() => performance.getEntriesByName("daftar:load-installed").length > 0, null, { timeout: 120_000 });
    const load = await page.evaluate(() => performance.getEntriesByName("daftar:load-installed")[0].duration);
    // Item n's serial is DF<p>-<n>, p the product it was drawn for: try the
    // prefixes in turn; the wrong ones are misses one character away.
    const serials = [];
    for (let i = 0; i < LOOKUPS; i++) {
      const n = String(Math.floor(Math.random() * ITEMS)).padStart(7, "0");
      for (let p = 0; p < 4; p++) serials.push(`DF${p}-${n}`);
    }
    const timed = await lookups(page, serials);
    const near = await page.evaluate(() => performance.getEntriesByName("daftar:near-matches").map((e) => e.duration));
    const baseline = await lookups(page, Array.from({ length: 40 }, (_, i) => (i % 2 ? "" : "D")).map((s) => s));
    const found = timed.filter((x) => x.kind === "found").map((x) => x.ms);
    const missing = timed.filter((x) => x.kind === "missing").map((x) => x.ms);
    const cleared = baseline.filter((x) => x.kind === "empty").map((x) => x.ms);
    results.push({ load, found, missing, cleared, near });
    console.log(`run ${r}: index load ${load.toFixed(0)} ms; found p95 ${p95(found).toFixed(1)} ms (${found.length}), not found p95 ${p95(missing).toFixed(1)} ms (${missing.length}), near matches p95 ${p95(near).toFixed(1)} ms (${near.length}), cleared p95 ${p95(cleared).toFixed(1)} ms`);
  }
  await ctx.close();
} finally {
  await browser.close();
  server.kill();
}
const m = (f) => median(results.map(f));
console.log(`\nCoverage check among ${ITEMS.toLocaleString("en")} installed items — ${runs} runs, ${cpus().length} × ${cpus()[0].model}`);
console.log(`| figure | median of runs | goal |`);
console.log(`|---|---|---|`);
console.log(`| coverage lookup, serial found: input to the answer laid out in the page, p95 | ${m((r) => p95(r.found)).toFixed(1)} ms | ≤ 10 ms |`);
console.log(`| serial not found: input to "not found" in the page, p95 | ${m((r) => p95(r.missing)).toFixed(1)} ms | |`);
console.log(`| near matches for a serial not found, among all items (after typing pauses), p95 | ${m((r) => p95(r.near)).toFixed(1)} ms | |`);
console.log(`| baseline: clearing the box (same event and redraw, no lookup), p95 | ${m((r) => p95(r.cleared)).toFixed(1)} ms (found ÷ baseline ${(m((r) => p95(r.found)) / m((r) => p95(r.cleared))).toFixed(1)}×) | |`);
console.log(`| reading the installed base into the index, once per page | ${m((r) => r.load).toFixed(0)} ms | |`);
