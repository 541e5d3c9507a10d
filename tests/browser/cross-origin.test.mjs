// A course page on another origin loads Layerwise with one script tag (web/layerwise.js from the
// site's server) and its elements train: the worker starts from a same-origin Blob that imports
// the real one, and the engine's modules, its wasm and the pictures come from the site by CORS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elementReady, openPage, siteAndCourse } from './browser.mjs';

const web = siteAndCourse((siteUrl) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A course page</title>
<link rel="icon" href="data:,">
<script type="module" src="${siteUrl}layerwise.js"></script></head>
<body><h1>Week 3: hidden layers</h1>
<layerwise-playground dataset="xor" layers="4"></layerwise-playground>
</body></html>
`);

test('a page of another origin loads layerwise.js with a script tag, and the playground trains', { timeout: 120_000 }, async () => {
  assert.notEqual(new URL(web.site.url).origin, new URL(web.course.url).origin);
  const { page, errors } = await openPage(web.browser, web.course.url);
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
  const context = await web.browser.newContext();
  await context.route('**/engine/trainer-worker.mjs', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
  const page = await context.newPage();
  await page.goto(web.course.url);
  await page.waitForFunction(() => customElements.get('layerwise-playground'));
  const outcome = await page.evaluate(() => document.querySelector('layerwise-playground').ready.then(() => 'resolved', (err) => `rejected: ${err.message}`));
  assert.match(outcome, /^rejected: .*trainer-worker\.mjs/);
  const message = await page.evaluate(() => document.querySelector('layerwise-playground').shadowRoot.querySelector('.message')?.textContent ?? '');
  assert.match(message, /^The training engine could not start: .*trainer-worker\.mjs/, 'the cause, not the settings');
  assert.doesNotMatch(message, /settings/);
  await context.close();
});
