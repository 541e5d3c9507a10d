// The timeline: while training the playground keeps the weights at growing intervals; the
// scrubber takes the boundary, the network diagram and the histograms back to a kept epoch,
// pixel for pixel as they were drawn then; "continue from here" trains on from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, serveAndLaunch } from './browser.mjs';
import { idle, mount } from './playground-helpers.mjs';

const web = serveAndLaunch();
const el = 'layerwise-playground';
const VIEWS = ['.slot-boundary canvas', '.slot-network canvas', '.slot-histograms canvas'];

// The pixels of every view canvas, as PNG data URLs read in the page.
const pictures = (page) => page.evaluate((selectors) => {
  const root = document.querySelector('layerwise-playground').shadowRoot;
  return selectors.flatMap((s) => [...root.querySelectorAll(s)].map((c) => c.toDataURL()));
}, VIEWS);

async function settle(page) {
  await idle(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

test('scrubbing back to a kept epoch shows the views exactly as they were; continue from there', async () => {
  const { page, errors } = await openPage(web.browser, new URL('index.html', web.server.url).href);
  await mount(page, { dataset: 'circle', layers: '4,3', activation: 'tanh', optimizer: 'adam', lr: '0.03', points: '200' });
  const step = (n) => page.evaluate((k) => document.querySelector('layerwise-playground').step(k), n);
  await step(20);
  await settle(page);
  const then = await pictures(page);
  assert.ok(then.length >= 3, 'the boundary, the network and a histogram row at least');
  const metricsThen = await page.locator(`${el} .metric .metric-value`).allTextContents();
  await step(40);
  await settle(page);
  assert.notDeepEqual(await pictures(page), then, 'training changed the views');

  // The scrubber, by keyboard: Home (epoch 0), then right until epoch 20.
  const range = page.locator(`${el} .timeline-range`);
  const label = page.locator(`${el} .timeline-label`);
  assert.equal(await label.textContent(), 'now (epoch 60)');
  const kept = Number(await range.getAttribute('max'));
  assert.ok(kept >= 30 && kept <= 64, `${kept} epochs kept`);
  await range.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 40 && (await label.textContent()) !== 'epoch 20, as it was'; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await label.textContent(), 'epoch 20, as it was');
  await page.waitForFunction(() => document.querySelector('layerwise-playground').shadowRoot.querySelector('.timeline.scrubbed'));
  await settle(page);
  assert.deepEqual(await pictures(page), then, 'boundary, network and histograms as at epoch 20');
  assert.deepEqual(await page.locator(`${el} .metric .metric-value`).allTextContents(), metricsThen, 'the metrics of epoch 20');
  assert.equal(await page.evaluate(() => document.querySelector('layerwise-playground').epoch), 60, 'nothing trained or lost');

  // Back to now, then to epoch 20 again, and on from there.
  await page.locator(`${el} .timeline-live`).click();
  await settle(page);
  assert.equal(await label.textContent(), 'now (epoch 60)');
  await range.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 40 && (await label.textContent()) !== 'epoch 20, as it was'; i++) await page.keyboard.press('ArrowRight');
  await page.locator(`${el} .timeline-resume`).click();
  await settle(page);
  assert.equal(await page.evaluate(() => document.querySelector('layerwise-playground').epoch), 20);
  assert.equal(await label.textContent(), 'now (epoch 20)');
  assert.deepEqual(await pictures(page), then, 'continuing starts from the kept weights');
  await step(5);
  const history = await page.evaluate(() => document.querySelector('layerwise-playground').history);
  assert.equal(history.at(-1).epoch, 25);
  assert.ok(history.every((r, i) => i === 0 || r.epoch > history[i - 1].epoch), 'the curves cut at 20 and go on');
  assert.ok(!history.some((r) => r.epoch > 25));
  assert.deepEqual(errors, []);
  await page.close();
});
