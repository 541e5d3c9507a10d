// A second visit works offline: web/images.html registers the site's service worker (web/sw.js,
// through web/lib/offline.js), which keeps what the page loaded; the pictures stay in
// web/lib/fashion.js's own cache. With the network cut, a reload must bring back the page, its
// engine and its pictures, and train.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elementReady, messageOf, openPage, serveAndLaunch } from './browser.mjs';

const el = 'layerwise-images';
const web = serveAndLaunch();

test('the images page, visited once, loads and trains again with the network off', { timeout: 240_000 }, async () => {
  const { page, context, errors } = await openPage(web.browser, new URL('images.html', web.server.url).href);
  await elementReady(page, el);
  await page.evaluate((tag) => document.querySelector(tag).ready, el);
  const kept = await page.evaluate(async () => (await import('./lib/offline.js')).kept);
  assert.ok(kept > 10, `the service worker kept the page's files (${kept})`);
  const files = await page.evaluate(async () => (await (await caches.open('layerwise-site-v1')).keys()).map((r) => new URL(r.url).pathname));
  for (const path of ['/images.html', '/images/element.js', '/lib/fashion.js', '/engine/layerwise.mjs']) {
    assert.ok(files.includes(path), `kept ${path}: ${files.join(' ')}`);
  }
  assert.ok(!files.some((f) => f.endsWith('.bin')), 'the pictures are fashion.js\'s to keep, not the service worker\'s');

  await context.setOffline(true);
  await page.reload();
  await elementReady(page, el);
  await page.evaluate((tag) => document.querySelector(tag).ready, el);
  assert.equal(await messageOf(page, el), '', 'no error offline');
  const detail = await page.evaluate((tag) => document.querySelector(tag).step(1), el);
  assert.equal(detail.epoch, 1);
  assert.ok(detail.testAccuracy > 0.5, `trained offline: ${detail.testAccuracy}`);
  await context.setOffline(false);
  // a failed request while offline is a console error; before the cut there were none
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
  await context.close();
});
