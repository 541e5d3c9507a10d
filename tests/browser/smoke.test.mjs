// Smoke test of the playground: the page loads from the static server without a console
// error and, after training XOR through the engine, reports an accuracy (a number) in #status.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../scripts/serve.mjs';
import { launchBrowser, openPage, screenshot } from './browser.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ port: 0 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('index.html loads without errors and reports an accuracy', async () => {
  const { page, errors } = await openPage(browser, new URL('index.html', server.url).href);
  try {
    await page.waitForFunction(
      () => /accuracy\s*[:=]?\s*\d/i.test(document.getElementById('status')?.textContent ?? ''),
      null,
      { timeout: 60_000 },
    );
  } finally {
    await screenshot(page, 'test-results/smoke.png');
  }
  const status = await page.textContent('#status');
  assert.match(status, /accuracy\s*[:=]?\s*\d/i);
  assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`);
});
