// Offline second visits for a page of the site: registers web/sw.js (the site's service worker)
// and hands it the URLs this page loaded before the worker took control, so that the next
// visit works without a network. Importing this module is all a page does; where service
// workers are unavailable (file: pages, some embedded frames, private modes) nothing changes
// and the page works online as before. `kept` resolves with the number of files kept, or null.
export const kept = (async () => {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return null;
  try {
    await navigator.serviceWorker.register(new URL('../sw.js', import.meta.url));
    const registration = await navigator.serviceWorker.ready;
    // the page, what it loaded, and its icon (which the browser fetches outside resource timing)
    const icons = [...document.querySelectorAll('link[rel~="icon"]')].map((link) => link.href);
    const urls = [location.href, ...performance.getEntriesByType('resource').map((e) => e.name), ...icons];
    return await new Promise((resolve) => {
      navigator.serviceWorker.addEventListener('message', function done(event) {
        if (event.data?.type !== 'kept') return;
        navigator.serviceWorker.removeEventListener('message', done);
        resolve(event.data.count);
      });
      registration.active.postMessage({ type: 'keep', urls });
    });
  } catch {
    return null;
  }
})();
