// A course page on another origin loads Layerwise with one script tag (web/layerwise.js from the
// site's server) and its elements train: the worker starts from a same-origin Blob that imports
// the real one, and the engine's modules, its wasm and the pictures come from the site by CORS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { elementReady, launchBrowser, openPage } from './browser.mjs';

let site;
let course;
let courseDir;
let browser;

before(async () => {
  site = await startServer({ port: 0 });
  courseDir = await mkdtemp(path.join(tmpdir(), 'lw-course-'));
  await writeFile(path.join(courseDir, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A course page</title>
<link rel="icon" href="data:,">
<script type="module" src="${site.url}layerwise.js"></script></head>
<body><h1>Week 3: hidden layers</h1>
<layerwise-playground dataset="xor" layers="4"></layerwise-playground>
</body></html>
`);
  course = await startServer({ root: courseDir, port: 0 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await course?.close();
  await site?.close();
  await rm(courseDir, { recursive: true, force: true });
});

test('a page of another origin loads layerwise.js with a script tag, and the playground trains', { timeout: 120_000 }, async () => {
  assert.notEqual(new URL(site.url).origin, new URL(course.url).origin);
  const { page, errors } = await openPage(browser, course.url);
  await elementReady(page, 'layerwise-playground');
  const defined = await page.evaluate(() => ['layerwise-playground', 'layerwise-sketch', 'layerwise-images'].map((n) => !!customElements.get(n)));
  assert.deepEqual(defined, [true, true, true], 'layerwise.js defines every element');
  const epochs = await page.evaluate(async () => {
    const node = document.querySelector('layerwise-playground');
    const seen = [];
    node.addEventListener('epoch', (e) => seen.push(e.detail.epoch));
    await node.step(3);
    return { seen, state: node.state.epoch ?? null };
  });
  assert.ok(epochs.seen.length >= 1 && epochs.seen.at(-1) >= 3, `epochs trained from another origin: ${JSON.stringify(epochs)}`);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('an engine that cannot load is reported as that, with its cause, and `ready` rejects', { timeout: 120_000 }, async () => {
  const context = await browser.newContext();
  await context.route('**/engine/trainer-worker.mjs', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
  const page = await context.newPage();
  await page.goto(course.url);
  await page.waitForFunction(() => customElements.get('layerwise-playground'));
  const outcome = await page.evaluate(() => document.querySelector('layerwise-playground').ready.then(() => 'resolved', (err) => `rejected: ${err.message}`));
  assert.match(outcome, /^rejected: .*trainer-worker\.mjs/);
  const message = await page.evaluate(() => document.querySelector('layerwise-playground').shadowRoot.querySelector('.message')?.textContent ?? '');
  assert.match(message, /^The training engine could not start: .*trainer-worker\.mjs/, 'the cause, not the settings');
  assert.doesNotMatch(message, /settings/);
  await context.close();
});

test('bad values in the URL are refused out loud: a note on the page and an `error` event; the rest applies', { timeout: 120_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.refused = [];
    document.addEventListener('error', (e) => e.detail?.problems && window.refused.push(...e.detail.problems), true);
  });
  await page.goto(new URL('index.html#dataset=spirals&lr=abc&layers=4,100&noise=20', site.url).href);
  await page.waitForFunction(() => customElements.get('layerwise-playground'));
  await page.evaluate(() => document.querySelector('layerwise-playground').ready);
  const seen = await page.evaluate(() => {
    const node = document.querySelector('layerwise-playground');
    return { message: node.shadowRoot.querySelector('.message')?.textContent ?? '', state: node.state, refused: window.refused };
  });
  // each refused key named with its value and what is allowed
  assert.match(seen.message, /dataset must be one of .*"spirals"/);
  assert.match(seen.message, /lr must be a number, got "abc"/);
  assert.match(seen.message, /layers: each layer has 1 to \d+ neurons, got 100/);
  assert.equal(seen.refused.length, 3, JSON.stringify(seen.refused));
  assert.equal(seen.state.noise, 20, 'the good value applies');
  await context.close();
});
