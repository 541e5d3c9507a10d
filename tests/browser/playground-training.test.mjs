// The element trains what a lesson asks of it, driven through its attributes and methods only:
// the spiral with two tanh layers and Adam, three blobs with softmax and cross-entropy, the
// sine regression; and a learning rate that diverges stops with advice, and Reset recovers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, serveAndLaunch } from './browser.mjs';
import { message, metrics, mount } from './playground-helpers.mjs';

const web = serveAndLaunch(); // this file's server and Chromium

// One page for the whole file, opened by the first test that asks (once the server and the
// browser are up); each test mounts a fresh element in it.
let opening;
const shared = () => (opening ??= openPage(web.browser, new URL('index.html', web.server.url).href));

// Steps n epochs and returns the epoch events seen meanwhile and the last one.
function stepAndWatch(page, n) {
  return page.evaluate(async (epochs) => {
    const node = document.querySelector('layerwise-playground');
    const events = [];
    const listen = (e) => events.push(e.detail);
    node.addEventListener('epoch', listen);
    const result = await node.step(epochs);
    node.removeEventListener('epoch', listen);
    return { result, events };
  }, n);
}

test('spiral, layers 8,8, tanh, Adam: at least 90% test accuracy', async (t) => {
  const { page, errors } = await shared();
  await mount(page, { dataset: 'spiral', layers: '8,8', activation: 'tanh', optimizer: 'adam', lr: '0.01', points: '800' });
  const { result, events } = await stepAndWatch(page, 1500);
  t.diagnostic(`spiral: epoch ${result.epoch}, test accuracy ${result.testAccuracy}, train accuracy ${result.trainAccuracy}`);
  assert.equal(result.epoch, 1500);
  assert.ok(result.testAccuracy >= 0.9, `test accuracy ${result.testAccuracy}`);
  // the epoch event: its detail has exactly the documented keys and counts up
  assert.ok(events.length > 0);
  assert.deepEqual(Object.keys(events[0]).sort(), ['epoch', 'testAccuracy', 'testLoss', 'trainAccuracy', 'trainLoss']);
  assert.ok(events.every((e, i) => i === 0 || e.epoch > events[i - 1].epoch));
  assert.equal(events.at(-1).epoch, 1500);
  assert.deepEqual(errors, []);
});

test('three blobs with softmax and cross-entropy: at least 90% test accuracy', async (t) => {
  const { page, errors } = await shared();
  await mount(page, { dataset: 'blobs3', loss: 'cross_entropy', noise: '20', optimizer: 'adam', lr: '0.01' });
  const head = await page.evaluate(() => document.querySelector('layerwise-playground').shadowRoot.querySelector('.head').textContent);
  assert.match(head, /score per class|softmax/i);
  const { result } = await stepAndWatch(page, 200);
  t.diagnostic(`blobs3: epoch ${result.epoch}, test accuracy ${result.testAccuracy}`);
  assert.ok(result.testAccuracy >= 0.9, `test accuracy ${result.testAccuracy}`);
  // a loss that cannot work with three classes is replaced, and the learner is told
  await page.evaluate(() => { document.querySelector('layerwise-playground').state = { loss: 'bce' }; });
  await page.waitForFunction(() => document.querySelector('layerwise-playground').epoch === 0);
  await page.waitForFunction(() => !document.querySelector('layerwise-playground').shadowRoot.querySelector('.message').hidden);
  assert.match(await message(page), /cross-entropy/i);
  assert.deepEqual(errors, []);
});

test('sine regression: the test loss falls at least tenfold, accuracy is null', async (t) => {
  const { page, errors } = await shared();
  await mount(page, { dataset: 'sine', layers: '8,8', activation: 'tanh', optimizer: 'adam', lr: '0.01' });
  const start = await metrics(page);
  const { result } = await stepAndWatch(page, 300);
  const ratio = start.testLoss / result.testLoss;
  t.diagnostic(`sine: test loss ${start.testLoss.toFixed(4)} → ${result.testLoss.toFixed(5)} (${ratio.toFixed(1)}× lower) after ${result.epoch} epochs`);
  assert.ok(ratio >= 10, `only ${ratio}× lower`);
  assert.equal(result.testAccuracy, null);
  assert.equal(result.trainAccuracy, null);
  assert.deepEqual(errors, []);
});

test('a diverging learning rate pauses with advice; Reset recovers', async () => {
  const { page, errors } = await shared();
  await mount(page, { dataset: 'sine', layers: '8,8', activation: 'relu', optimizer: 'sgd' });
  // as a learner would: pick the largest learning rate, press play
  await page.selectOption(`layerwise-playground .settings select >> nth=1`, '10');
  assert.equal(await page.evaluate(() => document.querySelector('layerwise-playground').state.lr), 10);
  await page.click('layerwise-playground .btn.play');
  await page.waitForFunction(() => {
    const m = document.querySelector('layerwise-playground').shadowRoot.querySelector('.message');
    return !m.hidden && m.classList.contains('error');
  }, null, { timeout: 30_000 });
  const text = await message(page);
  assert.match(text, /learning rate/i);
  assert.match(text, /initiali[sz]er/i);
  assert.equal(await page.evaluate(() => document.querySelector('layerwise-playground').playing), false);
  assert.equal(await page.getAttribute('layerwise-playground .btn.play', 'aria-pressed'), 'false');

  await page.click('layerwise-playground .bar .transport .btn >> nth=0'); // Reset
  await page.waitForFunction(() => document.querySelector('layerwise-playground').epoch === 0);
  assert.equal(await message(page), '');
  const fresh = await metrics(page);
  assert.ok(Number.isFinite(fresh.testLoss), `test loss after reset ${fresh.testLoss}`);

  // with a sane rate it trains again
  await page.selectOption(`layerwise-playground .settings select >> nth=1`, '0.01');
  const after = await page.evaluate(() => document.querySelector('layerwise-playground').step(20));
  assert.equal(after.epoch, 20);
  assert.ok(Number.isFinite(after.testLoss) && after.testLoss < fresh.testLoss, `${fresh.testLoss} → ${after.testLoss}`);
  assert.deepEqual(errors, []);
});
