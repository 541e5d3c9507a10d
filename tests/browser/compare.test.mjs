// A/B runs: B is A's copy on the same data and seed (so an unchanged B trains to exactly A's
// numbers), one setting changed trains both side by side, the difference is listed, a bad
// value is refused with its reason, and stopping leaves A as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextFrames, openPage, serveAndLaunch } from './browser.mjs';
import { idle as queueIdle, mount } from './playground-helpers.mjs';

const web = serveAndLaunch();
const el = 'layerwise-playground';

// The element's queue done (B trains inside A's jobs), then the frame that draws what came back.
async function idle(page) {
  await queueIdle(page);
  await nextFrames(page);
}
const bLine = (page) => page.locator(`${el} .ab-metrics`).textContent();
const aMetrics = (page) => page.evaluate(async () => {
  const node = document.querySelector('layerwise-playground');
  const s = await node.snapshot({ metrics: true, grid: false, parameters: false });
  return { epoch: node.epoch, trainLoss: s.trainLoss, testLoss: s.testLoss };
});
const step = (page, n) => page.evaluate((k) => document.querySelector('layerwise-playground').step(k), n);

test('an A/B pair: an unchanged B matches A exactly; a changed one trains beside it', async () => {
  const { page, errors } = await openPage(web.browser, new URL('index.html', web.server.url).href);
  await mount(page, { dataset: 'spiral', layers: '8,8', optimizer: 'adam', lr: '0.03', points: '200' });
  await step(page, 5);
  await page.locator(`${el} .compare-toggle`).click();
  await page.locator(`${el} .ab-key`).waitFor();
  await idle(page);
  assert.equal((await aMetrics(page)).epoch, 0, 'both start again from epoch 0');
  assert.equal(await page.locator(`${el} .ab-diffs li`).textContent(), 'nothing yet: B is a copy of A');

  // Unchanged, B is A: the same data, seed and settings give the same numbers.
  await step(page, 10);
  await idle(page);
  let a = await aMetrics(page);
  let b = await bLine(page);
  assert.match(b, /^B at epoch 10: /);
  const shown = (v) => v.toPrecision(3).replace(/\.?0+$/, '');
  assert.ok(b.includes(`training loss ${shown(a.trainLoss)}`) && b.includes(`test loss ${shown(a.testLoss)}`), `${b} vs A ${JSON.stringify(a)}`);

  // A bad value is refused and changes nothing.
  await page.locator(`${el} .ab-key`).selectOption('lr');
  await page.locator(`${el} .ab-value`).fill('fast');
  await page.locator(`${el} .ab-apply`).click();
  assert.match(await page.locator(`${el} .ab-problem`).textContent(), /lr/);
  assert.equal((await aMetrics(page)).epoch, 10);

  // B with lr 0.3: both start again and train epoch for epoch.
  await page.locator(`${el} .ab-value`).fill('0.3');
  await page.locator(`${el} .ab-apply`).click();
  await idle(page);
  assert.equal((await aMetrics(page)).epoch, 0);
  assert.equal(await page.locator(`${el} .ab-problem`).isVisible(), false);
  assert.equal(await page.locator(`${el} .ab-diffs li`).textContent(), 'Learning rate: A 0.03 → B 0.3');
  await step(page, 30);
  await idle(page);
  a = await aMetrics(page);
  b = await bLine(page);
  assert.equal(a.epoch, 30);
  assert.match(b, /^B at epoch 30: training loss [\d.]+, test loss [\d.]+, test accuracy [\d.]+%$/);
  assert.ok(!b.includes(`training loss ${shown(a.trainLoss)},`), `B trained differently: ${b} vs ${a.trainLoss}`);
  // The curves show both runs: their legend names B.
  assert.deepEqual(await page.locator(`${el} .slot-curves .lw-key`).allTextContents(), ['train', 'test', 'B train', 'B test']);

  // A's settings changed in place reach B too: B still differs in its one setting only.
  await page.evaluate(() => { document.querySelector('layerwise-playground').state = { batch: 20 }; });
  await step(page, 2);
  await idle(page);
  assert.deepEqual(await page.locator(`${el} .ab-diffs li`).allTextContents(), ['Learning rate: A 0.03 → B 0.3']);
  assert.match(await bLine(page), /^B at epoch 32: /);

  // Stopping while both train: A plays on, with no error.
  await page.evaluate(() => document.querySelector('layerwise-playground').play());
  await page.waitForTimeout(400);
  await page.locator(`${el} .ab-stop`).click();
  const playingAt = (await aMetrics(page)).epoch;
  await page.waitForTimeout(600);
  assert.equal(await page.evaluate(() => document.querySelector('layerwise-playground').playing), true, 'still playing');
  assert.ok((await aMetrics(page)).epoch > playingAt, 'and training');
  assert.equal(await page.locator(`${el} .message.error`).count(), 0);
  await page.evaluate(() => document.querySelector('layerwise-playground').pause());
  await idle(page);
  await page.locator(`${el} .compare-toggle`).click();
  await idle(page);

  // Stopping: B's panel goes, A stays where it was.
  await step(page, 3);
  await page.locator(`${el} .ab-stop`).click();
  assert.equal(await page.locator(`${el} .ab`).count(), 0);
  assert.equal((await aMetrics(page)).epoch, 3);
  assert.deepEqual(await page.locator(`${el} .slot-curves .lw-key`).allTextContents(), ['train', 'test']);
  assert.deepEqual(errors, []);
  await page.close();
});
