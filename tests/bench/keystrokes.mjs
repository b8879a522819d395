// Per keystroke: from the input event to the end of the work it triggers
// (event handler, reactive updates and DOM patching, all before the next task).
// The next task is a message, not setTimeout(0): timers set from timers are
// held back at least 4 ms once nested five deep, which added ~4 ms of idle
// time to every sample (4.4 ms median on an input with no handler at all,
// 0.5 ms with a message).
// With `untilMs`, the queries are typed over and over until that time after
// navigation (and at least 10 keystrokes, should the page show late).
export async function typeEachQuery(page, testid, queries, { untilMs } = {}) {
  return page.evaluate(async ({ testid, queries, untilMs }) => {
    const input = document.querySelector(`[data-testid=${testid}]`);
    const samples = [];
    const channel = new MessageChannel();
    const settle = () => new Promise((ok) => { channel.port1.onmessage = () => ok(); channel.port2.postMessage(0); });
    const going = () => untilMs === undefined || performance.now() < untilMs || samples.length < 10;
    for (let n = 0; untilMs === undefined ? n < queries.length : going(); n++) {
      const q = queries[n % queries.length];
      for (let i = 1; i <= q.length && going(); i++) {
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
    return samples;
  }, { testid, queries, untilMs });
}
