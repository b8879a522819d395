// The pipeline board with dataset L: 5,000 open deals over the 8 stages of
// "new sales". Measured in the page that booted (the customer list is open).

const NEW_SALES = "0d7a1f00-0000-4000-8000-000000000001";

// Click on a link to /pipeline until every column shows its cards, painted.
// The app reads the 6,000 deals a moment after start (in slices, off any
// navigation), so the first visit finds them in memory like the later ones.
async function navigations(page, count) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    samples.push(await page.evaluate(async () => {
      const a = document.createElement("a");
      a.href = "/pipeline";
      document.body.append(a);
      const t0 = performance.now();
      a.click();
      await new Promise((ok) => {
        const painted = () => {
          const cols = [...document.querySelectorAll("[data-testid=board-column]")];
          return cols.length === 8 && cols.every((c) => c.querySelector(".deal-card"));
        };
        const check = () => (painted() ? requestAnimationFrame(() => ok()) : requestAnimationFrame(check));
        check();
      });
      const ms = performance.now() - t0;
      a.remove();
      history.back();
      await new Promise((ok) => setTimeout(ok, 300));
      return ms;
    }));
  }
  return samples;
}

// A stage move by keyboard (lift, one column on, drop): from the drop key to
// the end of the work it triggers — handler, reactive updates, DOM patching
// and the layout they cause — before the next task. The database write
// completes later, off this path.
async function stageMoves(page, count) {
  return page.evaluate(async (count) => {
    const settle = () => new Promise((ok) => setTimeout(ok, 0));
    const forward = getComputedStyle(document.documentElement).direction === "rtl" ? "ArrowLeft" : "ArrowRight";
    const samples = [];
    for (let i = 0; i < count; i++) {
      const cols = [...document.querySelectorAll("[data-testid=board-column]")];
      const card = cols[i % 7].querySelector(".deal-card");
      card.focus();
      const key = (k) => card.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
      key(" ");
      await settle();
      key(forward);
      await settle();
      const t0 = performance.now();
      key(" ");
      await settle();
      void document.body.offsetHeight;
      samples.push(performance.now() - t0);
      await new Promise((ok) => setTimeout(ok, 300));
    }
    return samples;
  }, count);
}

// The same with a mouse: press on a card, drag it over the next column,
// release; timed from the release.
async function pointerMoves(page, count) {
  return page.evaluate(async (count) => {
    const settle = () => new Promise((ok) => setTimeout(ok, 0));
    const samples = [];
    for (let i = 0; i < count; i++) {
      const cols = [...document.querySelectorAll("[data-testid=board-column]")];
      const card = cols[i % 7].querySelector(".deal-card");
      const from = card.getBoundingClientRect();
      const to = cols[i % 7 + 1].getBoundingClientRect();
      const at = (x, y) => ({ clientX: x, clientY: y, pointerId: 1, pointerType: "mouse", button: 0, isPrimary: true, bubbles: true, cancelable: true });
      const [x0, y0] = [from.left + 20, from.top + 20];
      const [x1, y1] = [to.left + to.width / 2, to.top + 200];
      card.dispatchEvent(new PointerEvent("pointerdown", at(x0, y0)));
      window.dispatchEvent(new PointerEvent("pointermove", at(x0 + 20, y0 + 5)));
      await settle();
      window.dispatchEvent(new PointerEvent("pointermove", at(x1, y1)));
      await settle();
      const t0 = performance.now();
      window.dispatchEvent(new PointerEvent("pointerup", at(x1, y1)));
      await settle();
      void document.body.offsetHeight;
      samples.push(performance.now() - t0);
      await new Promise((ok) => setTimeout(ok, 300));
    }
    return samples;
  }, count);
}

// Plain JS building the same board DOM from the same deals already in memory:
// grouping by stage, sorting, column sums, and the same cards Daftar shows
// in each column's window (same markup and classes, so the same CSS).
async function baseline(page, runs) {
  return page.evaluate(async ({ runs, pipeline }) => {
    const req = (r) => new Promise((ok, err) => { r.onsuccess = () => ok(r.result); r.onerror = () => err(r.error); });
    const db = await req(indexedDB.open("daftar"));
    const read = async (kind) => (await req(db.transaction("records").objectStore("records").getAll(IDBKeyRange.bound(kind + ":", kind + ":\uffff"))))
      .map((v) => JSON.parse(typeof v === "string" ? v : v.json));
    const deals = await read("deal");
    const names = new Map((await read("customer")).map((c) => [c.id, c.fields.name]));
    db.close();
    const cols = [...document.querySelectorAll("[data-testid=board-column]")];
    const stages = cols.map((c) => c.dataset.stage);
    const shown = cols.map((c) => c.querySelectorAll(".deal-card").length);
    const rowPx = 118;
    const money = (n) => n.toLocaleString("fa-IR") + " تومان";
    const samples = [];
    for (let r = 0; r < runs; r++) {
      const host = document.createElement("div");
      host.className = "board";
      host.style.cssText = "position:fixed;inset:0;z-index:40;background:white";
      await new Promise((ok) => requestAnimationFrame(ok));
      const t0 = performance.now();
      const byStage = new Map(stages.map((s) => [s, []]));
      for (const d of deals) {
        const f = d.fields;
        if (d.deleted || f.pipeline_id !== pipeline || (f.status && f.status !== "open")) continue;
        (byStage.get(f.stage) || byStage.get(stages[0])).push(d);
      }
      stages.forEach((stage, i) => {
        const list = byStage.get(stage);
        list.sort((a, b) => {
          const [x, y] = [a.fields.expected_close, b.fields.expected_close];
          if (!x !== !y) return x ? -1 : 1;
          return (x || "").localeCompare(y || "") || a.fields.title.localeCompare(b.fields.title);
        });
        const sum = list.reduce((s, d) => s + (d.fields.amount || 0), 0);
        const col = document.createElement("section");
        col.className = "board-col";
        col.innerHTML = `<header class="col-head"><div class="col-title"><h2>${stage}</h2><span class="badge">${list.length.toLocaleString("fa-IR")}</span></div><div class="col-sums muted">${money(sum)}</div></header>`;
        const vlist = document.createElement("div");
        vlist.className = "vlist";
        const space = document.createElement("div");
        space.className = "vlist-space";
        space.style.height = `${list.length * rowPx}px`;
        list.slice(0, shown[i]).forEach((d, j) => {
          const row = document.createElement("div");
          row.className = "vlist-row";
          row.style.top = `${j * rowPx}px`;
          row.style.height = `${rowPx}px`;
          const a = document.createElement("a");
          a.className = "deal-card";
          a.href = `/deals/${d.id}`;
          for (const [cls, text] of [["deal-title", d.fields.title], ["deal-customer muted", names.get(d.fields.customer_id) || ""], ["deal-amount", money(d.fields.amount || 0)], ["deal-foot", d.fields.next_step || ""]]) {
            const span = document.createElement("span");
            span.className = cls;
            span.textContent = text;
            a.append(span);
          }
          row.append(a);
          space.append(row);
        });
        vlist.append(space);
        col.append(vlist);
        host.append(col);
      });
      document.body.append(host);
      void host.offsetHeight;
      await new Promise((ok) => requestAnimationFrame(ok));
      samples.push(performance.now() - t0);
      host.remove();
    }
    return samples;
  }, { runs, pipeline: NEW_SALES });
}

export async function measureBoard(page) {
  const nav = await navigations(page, 6);
  // Stay on the board for the moves and the baseline.
  await page.evaluate(() => {
    const a = document.createElement("a");
    a.href = "/pipeline";
    document.body.append(a);
    a.click();
    a.remove();
  });
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=board-column] .deal-card").length > 8);
  const cards = await page.evaluate(() => document.querySelectorAll(".deal-card").length);
  const open = await page.evaluate(() => [...document.querySelectorAll("[data-testid=column-count]")].map((c) => c.textContent).join(" "));
  const heap = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : 0));
  const wasm = await page.evaluate(() => performance.getEntriesByName("daftar:wasm-memory").at(-1)?.detail ?? 0);
  const loadSales = await page.evaluate(() => performance.getEntriesByName("daftar:load-sales")[0]?.duration ?? 0);
  const moves = await stageMoves(page, 20);
  const drags = await pointerMoves(page, 20);
  const plain = await baseline(page, 5);
  return { boardFirst: nav[0], boardAgain: nav.slice(1), loadSales, cards, open, boardHeap: heap, boardWasm: wasm, moves, drags, plain };
}
