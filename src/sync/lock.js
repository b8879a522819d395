// One sync at a time across every tab of this origin: a Web Lock held for
// the run. Resolves, once this tab holds it, to a function that releases
// it. Without the Web Locks API (old browsers) each tab syncs on its own,
// which the sync protocol tolerates.
export function acquire(name) {
  if (!navigator.locks) return Promise.resolve(() => {});
  return new Promise((resolve) => {
    navigator.locks.request(name, () => new Promise((release) => resolve(release)));
  });
}
