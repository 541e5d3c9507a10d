// The one-file playground (scripts/build-single.mjs): built into a temporary folder, opened from
// disk (file://) with every network request refused, it must train — epochs advance, the losses
// are finite and fall — and nothing it loads may come from anywhere but the file itself: no
// request leaves it but for data: and blob: URLs, from the page or from its worker. The same
// file served over HTTP, as a course platform serves an uploaded file, must train too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSingle } from '../../scripts/build-single.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { launchBrowser, openPage } from './browser.mjs';
import { el, rendered, waitReady } from './playground-helpers.mjs';

let dir;
let built;
let browser;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lw-single-'));
  built = await buildSingle(path.join(dir, 'layerwise-playground.html'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

// A context that records every request of its pages and their workers, and refuses all that
// would leave the machine (anything but file:, data: and blob:).
async function sealedContext() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const requests = [];
  const refused = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route(/^(?!file:|data:|blob:)/, (route) => {
    refused.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  return { context, requests, refused };
}

// Trains `epochs` epochs one at a time on the page's playground; each epoch event's detail.
function trainEpochs(page, epochs) {
  return page.evaluate(async (count) => {
    const node = document.querySelector('layerwise-playground');
    const seen = [];
    node.addEventListener('epoch', (e) => seen.push(e.detail));
    for (let i = 0; i < count; i++) await node.step(1);
    return seen;
  }, epochs);
}

function assertTrains(seen, epochs) {
  assert.deepEqual(seen.map((d) => d.epoch), Array.from({ length: epochs }, (_, i) => i + 1), 'one epoch event per epoch, in order');
  for (const d of seen) assert.ok(Number.isFinite(d.trainLoss) && Number.isFinite(d.testLoss), `finite losses: ${JSON.stringify(d)}`);
  const first = seen[0].trainLoss;
  const last = seen.at(-1).trainLoss;
  assert.ok(last < 0.5 * first, `the training loss falls: ${first} → ${last}`);
  assert.ok(seen.at(-1).testAccuracy >= 0.95, `two separated blobs are learned: test accuracy ${seen.at(-1).testAccuracy}`);
}

test('the build writes one HTML file that names no other file', () => {
  assert.ok(built.bytes > 300_000, `the engine alone is 300 kB; the file is ${built.bytes} bytes`);
  assert.ok(built.gzipBytes < built.bytes);
});

test('opened from file:// with the network off, the one file trains, and no request leaves it', { timeout: 180_000 }, async () => {
  const { context, requests, refused } = await sealedContext();
  const workers = [];
  context.on('page', (p) => p.on('worker', (w) => workers.push(w.url())));
  const file = pathToFileURL(built.out).href;
  const { page, errors } = await openPage(browser, `${file}#dataset=gauss&layers=4&lr=0.1`, { context });
  assert.equal(await page.evaluate(() => self.origin), 'null', 'a page from disk has no origin');
  await waitReady(page);
  await rendered(page); // the carried stylesheet applies and the four views are in

  assertTrains(await trainEpochs(page, 12), 12);
  const links = await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelectorAll('a.brand-link').length, el);
  assert.equal(links, 0, 'no links to pages that the one file does not carry');
  const embedButton = await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelectorAll('[data-panel="embed"]').length, el);
  assert.equal(embedButton, 0, 'no Embed button: its snippets would name an embed page the file does not carry');

  assert.equal(workers.length, 1, `one training worker: ${workers.join(' ')}`);
  assert.match(workers[0], /^data:text\/javascript,/, 'started from the carried text');
  assert.deepEqual(refused, [], 'nothing tried to reach the network');
  const outside = requests.filter((u) => u !== file && !/^(data|blob):/.test(u));
  assert.deepEqual(outside, [], 'no request but the file itself and data:/blob: URLs');
  assert.deepEqual(errors, []);
  await context.close();
});

test('served over HTTP as one uploaded file, it trains with a Blob worker and asks for nothing else', { timeout: 180_000 }, async () => {
  const server = await startServer({ root: dir, port: 0 });
  try {
    const { context, requests } = await sealedContext();
    await context.unrouteAll();
    const workers = [];
    context.on('page', (p) => p.on('worker', (w) => workers.push(w.url())));
    const file = new URL(path.basename(built.out), server.url).href;
    const { page, errors } = await openPage(browser, `${file}#dataset=gauss&layers=4&lr=0.1`, { context });
    await waitReady(page);
    assertTrains(await trainEpochs(page, 12), 12);
    assert.equal(workers.length, 1);
    assert.match(workers[0], /^blob:http:/, 'a page with an origin starts the carried worker from a Blob');
    assert.deepEqual(requests.filter((u) => u !== file && !/^(data|blob):/.test(u)), [], 'the file asks its host for nothing else');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await server.close();
  }
});
