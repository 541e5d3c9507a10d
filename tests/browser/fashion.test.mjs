// web/lib/fashion.js in Chromium: the site's Fashion-MNIST download loads in a module worker
// with progress, the second load comes from the Cache API, a load with the network off still
// gets the data, and a cut-short download is refused and not cached.
// The label counts to expect are computed here from Debian's .gz files with Node's zlib.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { openPage, serveAndLaunch } from './browser.mjs';

const web = serveAndLaunch(); // this file's server and Chromium
const asset = fileURLToPath(new URL('../../web/data/fashion-mnist.bin', import.meta.url));
const source = process.env.LAYERWISE_FASHION_MNIST || '/usr/share/datasets/fashion-mnist';

/** Per-class counts of the first n labels of one of Debian's label files. */
function histogram(file, n) {
  const labels = gunzipSync(readFileSync(join(source, file))).subarray(8, 8 + n);
  return labels.reduce((h, l) => (h[l]++, h), new Array(10).fill(0));
}

/** Runs loadFashionMnist in a module worker of the page; resolves to a summary of what it got. */
function loadInWorker(page, libUrl) {
  return page.evaluate(async (lib) => {
    const source = `
      import { loadFashionMnist } from ${JSON.stringify(lib)};
      const progress = [];
      try {
        const d = await loadFashionMnist({ onProgress: (loaded, total) => progress.push([loaded, total]) });
        const count = (labels) => labels.reduce((h, l) => (h[l]++, h), new Array(10).fill(0));
        postMessage({ source: d.source, bytes: d.bytes, train: d.train.count, test: d.test.count,
          trainClasses: count(d.train.labels), testClasses: count(d.test.labels),
          pixels: d.train.images.length, progress: progress.length, last: progress.at(-1) });
      } catch (e) { postMessage({ error: e.name + ': ' + e.message }); }`;
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
    return new Promise((resolve, reject) => {
      worker.onmessage = (e) => (worker.terminate(), resolve(e.data));
      worker.onerror = (e) => reject(new Error(e.message));
    });
  }, libUrl);
}

test('the data loads in a worker with progress, then from the cache, then with the network off', async () => {
  const { page, context, errors } = await openPage(web.browser, new URL('index.html', web.server.url).href);
  try {
    const lib = new URL('lib/fashion.js', web.server.url).href;
    const size = statSync(asset).size;
    const first = await loadInWorker(page, lib);
    assert.equal(first.error, undefined);
    assert.deepEqual([first.source, first.bytes, first.train, first.test, first.pixels], ['network', size, 10000, 2000, 10000 * 784]);
    assert.deepEqual(first.trainClasses, histogram('train-labels-idx1-ubyte.gz', 10000));
    assert.deepEqual(first.testClasses, histogram('t10k-labels-idx1-ubyte.gz', 2000));
    assert.ok(first.progress > 2, `progress as the bytes arrive (${first.progress} events)`);
    assert.deepEqual(first.last, [size, size], 'the last event: every byte of the Content-Length');
    assert.deepEqual(await page.evaluate(() => caches.keys()), ['layerwise-data-v1']);

    const second = await loadInWorker(page, lib);
    assert.deepEqual([second.source, second.train, second.test], ['cache', 10000, 2000]);

    // With the network off, the data still loads (the page's own modules must be loaded already:
    // keeping those offline is the page's business, not the data's).
    await page.evaluate((url) => import(url).then((m) => (globalThis.fashion = m)), lib);
    await context.setOffline(true);
    const offline = await page.evaluate(async () => {
      const d = await globalThis.fashion.loadFashionMnist();
      return { source: d.source, train: d.train.count, firstLabels: [...d.train.labels.subarray(0, 10)] };
    });
    assert.deepEqual(offline, { source: 'cache', train: 10000, firstLabels: [9, 0, 0, 3, 0, 2, 7, 2, 5, 5] }, 'the data needs no network the second time');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a cut-short download is refused with the file named, and the cache stays empty', async () => {
  const { page, context, errors } = await openPage(web.browser, new URL('index.html', web.server.url).href);
  try {
    const cut = readFileSync(asset).subarray(0, 100000);
    await context.route('**/data/fashion-mnist.bin', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: cut }));
    const result = await page.evaluate(async (lib) => {
      const { loadFashionMnist } = await import(lib);
      let error = '';
      try { await loadFashionMnist(); } catch (e) { error = e.name + ': ' + e.message; }
      const cache = await caches.open('layerwise-data-v1');
      return { error, cached: (await cache.keys()).length };
    }, new URL('lib/fashion.js', web.server.url).href);
    assert.match(result.error, /^LayerwiseError: fashion-mnist\.bin: the gzip stream is damaged or cut short \(.+\)$/);
    assert.equal(result.cached, 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
