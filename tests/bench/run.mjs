// Daftar's benchmark (not a test: it asserts nothing, it measures).
// Loads dataset L (50,000 customers) through the app in Debian's Chromium and
// reports, as medians of several runs on fresh browser profiles:
//   - bulk import through Daftar's store vs a plain-JS IndexedDB put of the
//     same stored values in one transaction, in the same page (ratio)
//   - cold boot: navigation to the first painted row of the customer list
//   - search: main-thread work per keystroke, p50 / p95
//   - wasm size raw / gzip / brotli
// Usage: node tests/bench/run.mjs [--runs N]   (run scripts/bench.sh to build first)
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const PORT = 8093;
const BASE = `http://127.0.0.1:${PORT}`;
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];
const QUERIES = ["کریمی", "acme", "0912", "تهران vip", "sara"];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const fmt = (x, d = 1) => x.toFixed(d);

async function launch(dir) {
  return chromium.launchPersistentContext(dir, { executablePath: "/usr/bin/chromium", args: ARGS, viewport: { width: 1024, height: 768 } });
}

async function measureImport(page) {
  await page.goto(`${BASE}/settings`);
  await page.getByTestId("storage-chip").filter({ hasText: /دستگاه|device/ }).waitFor();
  await page.getByTestId("demo-L").click();
  await page.waitForFunction(() => performance.getEntriesByName("daftar:apply").length > 0, null, { timeout: 300_000 });
  return page.evaluate(() => ({
    generate: performance.getEntriesByName("daftar:demo-generate")[0].duration,
    import: performance.getEntriesByName("daftar:apply")[0].duration,
  }));
}

// The same values Daftar stored, put by plain JS into a fresh database in one
// transaction, in the order Daftar wrote them (read back from its change log):
// key order matters to IndexedDB's speed, and ids are random UUIDs.
async function measureBaseline(page) {
  return page.evaluate(async () => {
    const req = (r) => new Promise((ok, err) => { r.onsuccess = () => ok(r.result); r.onerror = () => err(r.error); });
    const db = await req(indexedDB.open("daftar"));
    const tx = db.transaction(["records", "log"]);
    const range = IDBKeyRange.bound("customer:", "customer:\uffff");
    const [keys, values, segments] = await Promise.all([
      req(tx.objectStore("records").getAllKeys(range)),
      req(tx.objectStore("records").getAll(range)),
      req(tx.objectStore("log").getAll()),
    ]);
    db.close();
    const byKey = new Map(keys.map((k, i) => [k, values[i]]));
    const order = segments.flatMap((s) => s.keys).filter((k) => byKey.has(k));
    const open = indexedDB.open("bench-baseline-" + Math.random());
    open.onupgradeneeded = () => open.result.createObjectStore("records");
    const base = await req(open);
    const t0 = performance.now();
    const btx = base.transaction("records", "readwrite");
    const store = btx.objectStore("records");
    for (const k of order) store.put(byKey.get(k), k);
    await new Promise((ok, err) => { btx.oncomplete = ok; btx.onerror = () => err(btx.error); });
    const ms = performance.now() - t0;
    base.close();
    return { ms, n: order.length };
  });
}

// The app saves a snapshot of the list a moment after loading it; the next
// start reads that. Wait for it so every run measures the same kind of start.
async function waitForSnapshot(page) {
  await page.waitForFunction(() => {
    const imported = performance.getEntriesByName("daftar:apply")[0];
    return performance.getEntriesByName("daftar:save-snapshot").some((m) => m.startTime > imported.startTime + imported.duration);
  }, null, { timeout: 120_000 });
}

async function measureBoot(dir) {
  const ctx = await launch(dir);
  const page = ctx.pages()[0] || (await ctx.newPage());
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector(".customer-row")) { window.__firstRow = performance.now(); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${BASE}/customers`);
  await page.waitForFunction(() => window.__firstRow !== undefined, null, { timeout: 60_000 });
  const boot = await page.evaluate(() => window.__firstRow);
  const marks = await page.evaluate(() => performance.getEntriesByType("measure").map((m) => `${m.name} ${m.startTime.toFixed(0)}+${m.duration.toFixed(0)}`));
  if (process.env.BENCH_VERBOSE) console.log("boot measures:", marks.join(", "));
  const rows = await page.getByTestId("customer-count").textContent();
  const heap = await page.evaluate(() => performance.memory ? performance.memory.usedJSHeapSize : 0);
  const wasm = await page.evaluate(() => performance.getEntriesByName("daftar:wasm-memory").at(-1)?.detail ?? 0);
  const { samples: search, inner } = await measureSearch(page);
  if (process.env.BENCH_VERBOSE) console.log("search() alone, ms:", inner.map((x) => x.toFixed(1)).join(" "));
  await ctx.close();
  return { boot, rows, heap, wasm, search };
}

// Per keystroke: from the input event to the end of the work it triggers
// (event handler, reactive updates and DOM patching, all before the next task).
async function measureSearch(page) {
  return page.evaluate(async (queries) => {
    const input = document.querySelector("[data-testid=customer-search]");
    const samples = [];
    const settle = () => new Promise((ok) => setTimeout(ok, 0));
    for (const q of queries) {
      for (let i = 1; i <= q.length; i++) {
        const t0 = performance.now();
        input.value = q.slice(0, i);
        input.dispatchEvent(new Event("input", { bubbles: true }));
        await settle();
        samples.push(performance.now() - t0);
        await new Promise((ok) => setTimeout(ok, 20));
      }
      input.value = "";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((ok) => setTimeout(ok, 50));
    }
    const inner = performance.getEntriesByName("daftar:search").map((m) => m.duration);
    return { samples, inner };
  }, QUERIES);
}

function wasmSizes() {
  const file = readdirSync("dist").find((f) => f.endsWith(".wasm"));
  const raw = readFileSync(join("dist", file));
  return {
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const server = spawn("node", ["tests/e2e/serve.mjs", "dist", String(PORT)], { stdio: "ignore" });
await new Promise((ok) => setTimeout(ok, 500));
const results = [];
try {
  for (let r = 1; r <= runs; r++) {
    const dir = mkdtempSync(join(tmpdir(), "daftar-bench-"));
    const ctx = await launch(dir);
    const page = ctx.pages()[0] || (await ctx.newPage());
    const imp = await measureImport(page);
    const base = await measureBaseline(page);
    await waitForSnapshot(page);
    await ctx.close();
    const boot = await measureBoot(dir);
    rmSync(dir, { recursive: true, force: true });
    const ratio = base.ms / imp.import;
    results.push({ ...imp, baseline: base.ms, n: base.n, ratio, ...boot });
    console.log(`run ${r}: import ${fmt(imp.import, 0)} ms (plain JS ${fmt(base.ms, 0)} ms, ratio ${fmt(ratio, 2)}), ` +
      `boot ${fmt(boot.boot, 0)} ms, search p95 ${fmt(pct(boot.search, 95))} ms, ${boot.rows}`);
  }
} finally {
  server.kill();
}

const sizes = wasmSizes();
const all = results.flatMap((r) => r.search);
const perRecord = (ms, n) => fmt((n / ms) * 1000, 0);
const n = results[0].n;
console.log(`\nDaftar benchmark — ${runs} runs, dataset L (${n} customers), ${cpus().length} × ${cpus()[0].model}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Chromium ${await chromiumVersion()}`);
console.log(`| figure | median | goal |`);
console.log(`|---|---|---|`);
console.log(`| bulk import through Daftar's store (records + change log + outbox, one transaction) | ${fmt(median(results.map((r) => r.import)), 0)} ms (${perRecord(median(results.map((r) => r.import)), n)} records/s) | |`);
console.log(`| plain-JS IndexedDB put of the same ${n} values in the same order, one transaction, same page | ${fmt(median(results.map((r) => r.baseline)), 0)} ms (${perRecord(median(results.map((r) => r.baseline)), n)} records/s) | |`);
console.log(`| import ratio (plain-JS time ÷ Daftar time; 1.0 = as fast) | ${fmt(median(results.map((r) => r.ratio)), 2)} | ≥ 0.8 |`);
console.log(`| demo data generation in wasm (not part of import) | ${fmt(median(results.map((r) => r.generate)), 0)} ms | |`);
console.log(`| cold boot to first painted customer row | ${fmt(median(results.map((r) => r.boot)), 0)} ms | ≤ 800 ms |`);
console.log(`| search work per keystroke p50 / p95 (${all.length} keystrokes) | ${fmt(pct(all, 50))} / ${fmt(pct(all, 95))} ms | p95 ≤ 16 ms |`);
console.log(`| memory after boot: JS heap (performance.memory) / wasm linear memory | ${fmt(median(results.map((r) => r.heap)) / 2 ** 20)} / ${fmt(median(results.map((r) => r.wasm)) / 2 ** 20)} MB | |`);
console.log(`| wasm raw / gzip / brotli | ${fmt(sizes.raw / 1024, 0)} / ${fmt(sizes.gzip / 1024, 0)} / ${fmt(sizes.brotli / 1024, 0)} KB | brotli ≤ 400 KB |`);

async function chromiumVersion() {
  const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  const v = b.version();
  await b.close();
  return v;
}
