// The site's service worker: a second visit works offline. Every same-origin GET goes to the
// network first, so an online visit always gets the current files (the server says no-cache);
// what comes back is kept, and when the network fails the kept copy answers instead.
// web/lib/offline.js registers it and, once it runs, sends the URLs the page loaded before it
// took control (the page itself, its modules, styles), which it fetches and keeps, with every
// file of the engine (engine/files.json, written by scripts/build.sh: its worker loads some of
// them where the page cannot see them).
// The pictures (data/fashion-mnist.bin) are not touched here: web/lib/fashion.js keeps them in
// a cache of its own, checked before they are stored. A new cache name drops the old copies.
const CACHE = 'layerwise-site-v1';
const DATA = /\/data\/[^/]+\.bin$/;

const keepable = (url) => url.origin === self.location.origin && !DATA.test(url.pathname);

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('layerwise-site-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type !== 'keep' || !Array.isArray(event.data.urls)) return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const engine = new URL('engine/', self.registration.scope);
    let files = [];
    try {
      files = await (await fetch(new URL('files.json', engine))).json();
    } catch {
      // no list (a build without one, or offline): the page's own URLs still count
    }
    for (const href of [...event.data.urls, ...files.map((f) => new URL(f, engine).href)]) {
      const url = new URL(href, self.location.href);
      if (!keepable(url) || await cache.match(url.href)) continue;
      try {
        const res = await fetch(url.href);
        if (res.ok) await cache.put(url.href, res);
      } catch {
        // offline already: nothing to keep now, the next online visit will
      }
    }
    event.source?.postMessage({ type: 'kept', count: (await cache.keys()).length });
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !keepable(url)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const res = await fetch(request);
      if (res.ok && !res.redirected) await cache.put(request, res.clone());
      return res;
    } catch (err) {
      const kept = await cache.match(request, { ignoreSearch: true });
      if (kept) return kept;
      throw err;
    }
  })());
});
