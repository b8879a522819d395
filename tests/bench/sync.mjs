// Sync with a CouchDB-protocol server (pouchdb-server 4.2.0 in memory on
// 127.0.0.1, a fresh one per run), in Debian's Chromium, each run on fresh
// browser profiles (IndexedDB on disk, as on a real device):
//   - initial pull of 10,000 customer documents, shaped as Daftar writes
//     them, into a new device: the app's own `daftar:sync` User Timing measure
//     of the run it starts when it opens (then the customer list must count
//     10,000, or the benchmark fails)
//   - baseline: PouchDB 9's replicate.from of the same database into IndexedDB
//     (its default adapter and batch size) in the same browser, timed in the page
//   - push of local changes: demo data S added on that device through the
//     normal write path; the `daftar:sync` measure of the run that pushes it
//     (started ~2 s after the last save). Baseline: PouchDB's replicate.to of as
//     many documents (customer-shaped, as above) into a fresh server database
// The ratios are PouchDB time ÷ Daftar time (2 = Daftar twice as fast).
// The server is warmed (every document read once) before either pull; per run
// PouchDB pulls first, then Daftar pulls and pushes, then PouchDB pushes.
// Each run also prints where the time went: every daftar:sync measure, the
// page's main-thread work (Chromium's counters) and the requests to the server
// per endpoint; the rest of a sync's time is mostly waiting for IndexedDB.
// Usage: node tests/bench/sync.mjs [--runs N]   (BENCH_VERBOSE=1 prints every measure)
import { chromium } from "@playwright/test";
import { startCouch, createDb, couchFetch } from "../e2e/couch.mjs";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import { join } from "node:path";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 3;
const PORT = 8096;
const BASE = `http://127.0.0.1:${PORT}`;
const DOCS = 10_000;
const CHUNK = 1_000;
const TIMEOUT = 600_000;
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];
const POUCHDB = readFileSync("node_modules/pouchdb/dist/pouchdb.min.js", "utf8");
const POUCH_PAGE = `${BASE}/pouch-bench.html`;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (x, d = 0) => x.toFixed(d);
const verbose = !!process.env.BENCH_VERBOSE;

// ---- documents as Daftar writes them ----------------------------------------

const FIRST = ["Ali", "Sara", "Reza", "Maryam", "Hossein", "Zahra", "Mohammad", "Fatemeh", "علی", "زهرا", "رضا", "مریم"];
const LAST = ["Karimi", "Rezaei", "Mohammadi", "Hosseini", "Ahmadi", "Mousavi", "کریمی", "رضایی", "احمدی", "موسوی"];
const CITIES = ["Tehran", "Mashhad", "Isfahan", "Shiraz", "Tabriz", "تهران", "مشهد", "اصفهان"];
const OWNERS = ["sara", "reza", "maryam", "ali"];
let counter = 0;
const stamp = (wallMs) => `${String(wallMs).padStart(19, "0")}-${String(counter++).padStart(10, "0")}-bench`;

function customers(n, prefix = "") {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => {
    const id = randomUUID();
    const at = now - (n - i) * 1000;
    return {
      _id: `customer:${id}`,
      name: `${prefix}${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`,
      phones: [`0912${String(1_000_000 + ((i * 7919) % 9_000_000)).padStart(7, "0")}`],
      city: CITIES[i % CITIES.length],
      owner: OWNERS[i % OWNERS.length],
      daftar: {
        kind: "customer", id, created_at: at, updated_at: at,
        stamps: { name: stamp(at), phones: stamp(at), city: stamp(at), owner: stamp(at) },
        deleted_stamp: stamp(at),
      },
    };
  });
}

async function bulk(url, db, docs) {
  for (let i = 0; i < docs.length; i += CHUNK) {
    const r = await couchFetch(url, `/${db}/_bulk_docs`, { method: "POST", body: { docs: docs.slice(i, i + CHUNK) } });
    const failed = Array.isArray(r.json) ? r.json.filter((x) => x.error) : [r.json];
    if (r.status !== 201 || failed.length) throw new Error(`_bulk_docs into ${db}: HTTP ${r.status} ${JSON.stringify(failed.slice(0, 3))}`);
  }
}

async function docCount(url, db) {
  const r = await couchFetch(url, `/${db}`);
  if (r.status !== 200) throw new Error(`GET /${db}: HTTP ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.doc_count;
}

// ---- browser helpers ---------------------------------------------------------

async function launch(dirs) {
  const dir = mkdtempSync(join(tmpdir(), "daftar-bench-sync-"));
  dirs.push(dir);
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: "/usr/bin/chromium", args: ARGS, viewport: { width: 1024, height: 768 } });
  return { ctx, page: ctx.pages()[0] || (await ctx.newPage()) };
}

// The requests the page makes to the server, per endpoint, with the time each
// waited for its answer (request sent → last byte), to tell the server's and
// the network's share from the page's own work.
function watchRequests(page, origin) {
  const seen = [];
  page.on("requestfinished", async (req) => {
    if (!req.url().startsWith(origin)) return;
    const t = req.timing();
    const segs = new URL(req.url()).pathname.split("/").filter(Boolean);
    const endpoint = `${req.method()} ${segs.find((s) => s.startsWith("_")) || ["server", "db"][segs.length] || "doc"}`;
    const size = (await req.sizes().catch(() => null))?.responseBodySize ?? 0;
    seen.push({ endpoint, start: t.startTime, wait: t.responseEnd - t.requestStart, size });
  });
  return {
    /** Requests started from epoch ms `from` on, summed per endpoint. */
    summary(from = 0) {
      const by = new Map();
      for (const r of seen.filter((r) => r.start >= from)) {
        const e = by.get(r.endpoint) || { n: 0, wait: 0, bytes: 0 };
        e.n++; e.wait += r.wait; e.bytes += r.size;
        by.set(r.endpoint, e);
      }
      return [...by].map(([k, e]) => `${k} ×${e.n} ${fmt(e.wait)} ms ${fmt(e.bytes / 1024)} KB`).join(", ");
    },
  };
}

// Main-thread work of the page's renderer so far (Chromium's own counters, in
// ms): all tasks, and the script (JS and wasm) within them. What a sync spends
// neither there nor waiting for the server is mostly waiting for IndexedDB,
// which works outside the page's main thread.
async function mainThread(ctx, page) {
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Performance.enable");
  return async () => {
    const { metrics } = await cdp.send("Performance.getMetrics");
    const get = (name) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return { at: Date.now(), task: get("TaskDuration"), script: get("ScriptDuration") };
  };
}
const busy = (a, b) => ({ ms: b.at - a.at, task: b.task - a.task, script: b.script - a.script });
const busyText = (x) => `main thread busy ${fmt(x.task)} ms (script ${fmt(x.script)}) of ${fmt(x.ms)} ms`;

/** f()'s value once it has one (the page's last snapshot may still be on its way), else undefined. */
async function settled(f, ms = 2000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((ok) => setTimeout(ok, 20))) {
    const v = f();
    if (v !== undefined) return v;
  }
  return undefined;
}

const syncMeasures = (page) => page.evaluate(() => performance.getEntriesByName("daftar:sync", "measure").map((m) => ({ start: m.startTime, ms: m.duration })));
const UP_TO_DATE = /^Up to date at [0-9:]+$/;

// ---- Daftar: pull at start, then push of demo data S -------------------------

async function daftar(couch, dirs) {
  const { ctx, page } = await launch(dirs);
  try {
    const config = JSON.stringify({ url: couch.url, db: "daftar", user: "", method: "none", password: "", inbox: "" });
    await ctx.addInitScript((config) => {
      localStorage.setItem("daftar.sync", config);
      localStorage.setItem("daftar.lang", JSON.stringify("en"));
      // When the chip first says "Up to date", from navigation start; and the
      // main-thread counters whenever it starts or stops saying "Syncing".
      let syncing = false;
      new MutationObserver(() => {
        const text = document.querySelector("[data-testid=sync-chip]")?.textContent ?? "";
        if (text.startsWith("Up to date") && window.__upToDate === undefined) window.__upToDate = performance.now();
        if (text.startsWith("Syncing") !== syncing) {
          syncing = !syncing;
          window.__snap?.(syncing ? "start" : "end");
        }
      }).observe(document, { childList: true, subtree: true, characterData: true });
    }, config);
    const requests = watchRequests(page, couch.url);
    const counters = await mainThread(ctx, page);
    const snaps = [];
    await page.exposeBinding("__snap", async (_, label) => { snaps.push({ label, ...(await counters()) }); });
    // The chip's Syncing spans (start → end) begun at or after epoch ms `from`.
    const spans = (from) => {
      const out = [];
      snaps.forEach((s, i) => { if (s.label === "start" && s.at >= from && snaps[i + 1]?.label === "end") out.push(busy(s, snaps[i + 1])); });
      return out;
    };

    // 1. The pull the app starts when it opens.
    await page.goto(`${BASE}/`);
    await page.waitForFunction(() => {
      const chip = document.querySelector("[data-testid=sync-chip]");
      return chip && chip.textContent.startsWith("Up to date") && performance.getEntriesByName("daftar:sync", "measure").length > 0;
    }, null, { timeout: TIMEOUT, polling: 100 });
    const pulled = await syncMeasures(page);
    const pull = pulled[0].ms;
    const upToDate = await page.evaluate(() => window.__upToDate);
    const chipText = await page.getByTestId("sync-chip").textContent();
    const marks = await page.evaluate(() => performance.getEntriesByType("measure")
      .map((m) => `${m.name} ${m.startTime.toFixed(0)}+${m.duration.toFixed(0)}`).join(", "));
    const pullRequests = requests.summary();
    const pullBusy = await settled(() => spans(0)[0]);

    // Every record arrived: the customer list of a fresh start counts them.
    await page.goto(`${BASE}/`);
    const count = page.getByTestId("customer-count");
    await count.filter({ hasText: /10,?000/ }).waitFor({ timeout: 60_000 }).catch(async () => {
      throw new Error(`after the pull the customer list says "${await count.textContent().catch(() => "(no count)")}", not 10,000 customers (chip: "${chipText}")`);
    });
    const countText = (await count.textContent()).trim();

    // 2. Demo data S through the normal write path; wait for this page's
    // start-up run first, so the push is a run of its own.
    await page.goto(`${BASE}/settings`);
    await page.waitForFunction(() => {
      const chip = document.querySelector("[data-testid=sync-chip]");
      return chip && Number(chip.dataset.runs) >= 1 && chip.textContent.startsWith("Up to date");
    }, null, { timeout: TIMEOUT, polling: 100 });
    const pushFrom = Date.now();
    await page.getByTestId("demo-S").click();
    await page.waitForFunction(() => performance.getEntriesByName("daftar:apply").length > 0, null, { timeout: TIMEOUT });
    const applied = await page.evaluate(() => { const a = performance.getEntriesByName("daftar:apply")[0]; return a.startTime + a.duration; });
    // The push run: a sync measure started after the write, then nothing waiting.
    await page.waitForFunction(([applied, re]) => {
      const chip = document.querySelector("[data-testid=sync-chip]");
      return chip && new RegExp(re).test(chip.textContent.trim()) &&
        performance.getEntriesByName("daftar:sync", "measure").some((m) => m.startTime > applied);
    }, [applied, UP_TO_DATE.source], { timeout: TIMEOUT, polling: 100 });
    const after = (await syncMeasures(page)).filter((m) => m.start > applied);
    const pushed = (await docCount(couch.url, "daftar")) - DOCS;
    if (pushed <= 0) throw new Error(`after the push run the server holds ${pushed + DOCS} documents: nothing was pushed`);
    const push = after[0].ms;
    const result = {
      pull, upToDate, countText, pullRuns: pulled.map((m) => m.ms),
      push, pushed, pushRuns: after.map((m) => m.ms), pushStartsAfterSave: after[0].start - applied,
      pullRequests, pushRequests: requests.summary(pushFrom), pullBusy, pushBusy: await settled(() => spans(pushFrom)[0]),
    };
    if (verbose) console.log("measures after the pull:", marks);
    return result;
  } finally {
    await ctx.close();
  }
}

// ---- PouchDB in the same browser, on the same origin -------------------------

// Opens the page; pull() and push(n) then measure in it. The pull runs before
// Daftar's push adds to the database, the push after it (it needs its count).
async function openPouch(couch, dirs) {
  const { ctx, page } = await launch(dirs);
  try {
    // A page of the app's origin where Daftar does not start: the static
    // server's 404 for a file it does not have, with PouchDB's bundle added.
    // (Not a page fulfilled by context.route: Chromium counts such a page as
    // outside the loopback address space and blocks its requests to the server.)
    await page.goto(POUCH_PAGE);
    await page.addScriptTag({ content: POUCHDB });
    await page.waitForFunction(() => typeof PouchDB === "function");
    // PouchDB's errors are plain objects: say what they hold.
    await page.evaluate(() => {
      window.explain = (e) => { throw new Error(JSON.stringify({ ...e, message: e?.message, stack: e?.stack })); };
    });
  } catch (e) {
    await ctx.close();
    throw e;
  }
  const requests = watchRequests(page, couch.url);
  const counters = await mainThread(ctx, page);
  return {
    async pull() {
      const from = Date.now();
      const before = await counters();
      const pull = await page.evaluate(async (remote) => {
        const db = new PouchDB("bench");
        const t0 = performance.now();
        await db.replicate.from(remote).catch(explain);
        const ms = performance.now() - t0;
        const local = await db.info();
        return { ms, docs: local.doc_count, adapter: db.adapter };
      }, `${couch.url}/daftar`);
      const after = await counters();
      if (pull.docs !== DOCS) throw new Error(`PouchDB pulled ${pull.docs} documents, not ${DOCS}`);
      return { ms: pull.ms, adapter: pull.adapter, requests: requests.summary(from), busy: busy(before, after) };
    },
    async push(n) {
      await createDb(couch.url, "pushbench");
      const docs = customers(n, "Pushed ");
      await page.evaluate(async (docs) => { await new PouchDB("push-src").bulkDocs(docs); }, docs);
      const from = Date.now();
      const before = await counters();
      const ms = await page.evaluate(async (remote) => {
        const db = new PouchDB("push-src");
        const t0 = performance.now();
        await db.replicate.to(remote).catch(explain);
        return performance.now() - t0;
      }, `${couch.url}/pushbench`);
      const after = await counters();
      const onServer = await docCount(couch.url, "pushbench");
      if (onServer !== n) throw new Error(`PouchDB pushed ${onServer} documents, not ${n}`);
      return { ms, requests: requests.summary(from), busy: busy(before, after) };
    },
    close: () => ctx.close(),
  };
}

// ---- runs --------------------------------------------------------------------

const server = spawn("node", ["tests/e2e/serve.mjs", "dist", String(PORT)], { stdio: "ignore" });
const dirs = [];
const results = [];
let couch;
try {
  await new Promise((ok) => setTimeout(ok, 500));
  for (let r = 1; r <= runs; r++) {
    couch = await startCouch();
    await createDb(couch.url, "daftar");
    await bulk(couch.url, "daftar", customers(DOCS));
    if ((await docCount(couch.url, "daftar")) !== DOCS) throw new Error("the server does not hold the 10,000 documents");
    // Warm the server: every document read once, through both ways of reading.
    await couchFetch(couch.url, "/daftar/_changes?include_docs=true&style=all_docs");
    await couchFetch(couch.url, "/daftar/_all_docs?include_docs=true");
    const side = await openPouch(couch, dirs);
    let d, pp, pq;
    try {
      pp = await side.pull();
      d = await daftar(couch, dirs);
      pq = await side.push(d.pushed);
    } finally {
      await side.close();
    }
    const p = { pull: pp.ms, adapter: pp.adapter, pullRequests: pp.requests, pullBusy: pp.busy, push: pq.ms, pushRequests: pq.requests, pushBusy: pq.busy };
    const res = { ...d, pouchPull: p.pull, pouchPush: p.push, pullRatio: p.pull / d.pull, pushRatio: p.push / d.push };
    results.push(res);
    console.log(`run ${r}: pull ${fmt(d.pull)} ms (PouchDB ${fmt(p.pull)} ms, ratio ${fmt(res.pullRatio, 2)}; navigation to "Up to date" ${fmt(d.upToDate)} ms; list: "${d.countText}"), ` +
      `push of ${d.pushed} records ${fmt(d.push)} ms (PouchDB ${fmt(p.push)} ms, ratio ${fmt(res.pushRatio, 2)}; run started ${fmt(d.pushStartsAfterSave)} ms after the save)`);
    console.log(`  daftar:sync measures: on opening ${d.pullRuns.map((x) => fmt(x)).join(", ")} ms; after the demo data ${d.pushRuns.map((x) => fmt(x)).join(", ")} ms`);
    const spanText = (x) => (x ? busyText(x) : "(no Syncing span seen)");
    console.log(`  Daftar pull: chip "Syncing" → "Up to date": ${spanText(d.pullBusy)}; requests (count, time sent → answered summed, bytes): ${d.pullRequests}`);
    console.log(`  PouchDB pull (${p.adapter}): ${busyText(p.pullBusy)}; requests: ${p.pullRequests}`);
    console.log(`  Daftar push: chip "Syncing" → "Up to date": ${spanText(d.pushBusy)}; requests: ${d.pushRequests}`);
    console.log(`  PouchDB push: ${busyText(p.pushBusy)}; requests: ${p.pushRequests}`);
    await couch.stop();
    couch = null;
  }
} finally {
  await couch?.stop().catch(() => {});
  server.kill();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

const m = (f) => median(results.map(f));
const perSecond = (n, ms) => fmt((n / ms) * 1000);
const pushed = results[0].pushed;
console.log(`\nSync with pouchdb-server 4.2.0 (in memory, 127.0.0.1) — ${runs} runs, ${cpus().length} × ${cpus()[0].model}, ${fmt(totalmem() / 2 ** 30)} GiB, Chromium ${await chromiumVersion()}`);
console.log(`| figure | median | runs | ratio (PouchDB ÷ Daftar) |`);
console.log(`|---|---|---|---|`);
console.log(`| initial pull of ${DOCS.toLocaleString("en")} customers into IndexedDB (daftar:sync) | ${fmt(m((r) => r.pull))} ms (${perSecond(DOCS, m((r) => r.pull))} docs/s) | ${results.map((r) => fmt(r.pull)).join(", ")} | ${fmt(m((r) => r.pullRatio), 2)} (goal ≥ 2) |`);
console.log(`| baseline: PouchDB 9 replicate.from, same database, same browser (idb adapter) | ${fmt(m((r) => r.pouchPull))} ms (${perSecond(DOCS, m((r) => r.pouchPull))} docs/s) | ${results.map((r) => fmt(r.pouchPull)).join(", ")} | |`);
console.log(`| navigation to "Up to date" on a new device (start-up, pull, list refreshed) | ${fmt(m((r) => r.upToDate))} ms | ${results.map((r) => fmt(r.upToDate)).join(", ")} | |`);
console.log(`| push of demo data S (${pushed} records) written through the app (daftar:sync) | ${fmt(m((r) => r.push))} ms (${perSecond(pushed, m((r) => r.push))} records/s) | ${results.map((r) => fmt(r.push)).join(", ")} | ${fmt(m((r) => r.pushRatio), 2)} |`);
console.log(`| baseline: PouchDB 9 replicate.to of ${pushed} customer documents into a fresh database | ${fmt(m((r) => r.pouchPush))} ms (${perSecond(pushed, m((r) => r.pouchPush))} docs/s) | ${results.map((r) => fmt(r.pouchPush)).join(", ")} | |`);

async function chromiumVersion() {
  const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  const v = b.version();
  await b.close();
  return v;
}
