// Daftar's service worker: keeps the built app on the device so it starts with
// no network. The build (scripts/precache.mjs) fills in VERSION and PRECACHE.
const VERSION = "__DAFTAR_VERSION__";
const PRECACHE = ["__DAFTAR_PRECACHE__"];
const CACHE = `daftar-${VERSION}`;

self.addEventListener("install", (event) => {
  // A new version waits until the user agrees to reload (see the update prompt),
  // so a page never runs half old and half new code.
  // `reload` bypasses the HTTP cache: a host that caches HTML must not hand
  // the new worker an old index.html pointing at files of the old build.
  const fresh = PRECACHE.map((url) => new Request(url, { cache: "reload" }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(fresh)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("daftar-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "daftar:skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The survey link page is its own small site: never the app's shell.
  if (url.pathname === "/s" || url.pathname.startsWith("/s/")) return;
  if (request.mode === "navigate") {
    // Every in-app path is the same single page: answer from the cache so deep
    // links work offline, and fall back to the network only if it is missing.
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match("/index.html")).then((hit) => hit || fetch(request))
    );
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
