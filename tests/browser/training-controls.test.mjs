// The training controls of <layerwise-playground>: the toolbar's step counter (optimiser steps,
// i.e. batches, since the network was built) against the batch arithmetic of the data the
// element trains on; play at speed "max" leaving a curve point for every epoch although it
// trains many epochs a request; AdamW chosen in the settings strip, its first step checked
// against PyTorch's AdamW update worked out here from the weights and gradient before it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, serveAndLaunch } from './browser.mjs';
import { el, idle, mount } from './playground-helpers.mjs';

const web = serveAndLaunch();

async function open() {
  const opened = await openPage(web.browser, new URL('index.html', web.server.url).href);
  return opened;
}

const call = (page, method, ...args) => page.evaluate(([m, a]) => document.querySelector('layerwise-playground')[m](...a), [method, args]);
const prop = (page, name) => page.evaluate((n) => document.querySelector('layerwise-playground')[n], name);
// The toolbar's buttons (the dock has copies of some)
const button = (page, name) => page.locator(`${el} .bar`).getByRole('button', { name, exact: true });
const shownSteps = async (page) => Number((await page.locator(`${el} .bar .steps-value`).textContent()).replace(/,/g, ''));

test('the step counter shows the batches trained: one per "One batch", ceil(P / B) per epoch', async () => {
  const { page, errors } = await open();
  await mount(page, { dataset: 'circle', points: '200', 'train-ratio': '50', batch: '30', layers: '4', speed: 'max' });
  // P training points, from the data the element trains on; B from its state
  const snap = await call(page, 'snapshot', { data: true });
  const P = snap.data.train.y.length;
  const B = (await prop(page, 'state')).batch;
  const perEpoch = Math.ceil(P / B);
  assert.equal(perEpoch, Math.ceil(100 / 30), 'half of 200 points train, in batches of 30');
  assert.equal(await shownSteps(page), 0);

  await button(page, 'One epoch').click();
  await idle(page);
  await page.waitForFunction(() => document.querySelector('layerwise-playground').epoch === 1);
  assert.equal(await shownSteps(page), perEpoch);
  for (let n = 1; n <= 3; n++) {
    await button(page, 'One batch').click();
    await idle(page);
    assert.equal(await shownSteps(page), perEpoch + n, `after ${n} "One batch"`);
  }
  assert.equal(await prop(page, 'steps'), perEpoch + 3);
  assert.equal(await prop(page, 'epoch'), 1, 'three batches do not finish an epoch of four');
  // "One epoch" first finishes the epoch the batches began
  await button(page, 'One epoch').click();
  await idle(page);
  assert.deepEqual([await prop(page, 'epoch'), await shownSteps(page)], [2, 2 * perEpoch]);

  // Play at "max": many epochs a request, yet the curve keeps its points
  await call(page, 'play');
  await page.waitForFunction(() => document.querySelector('layerwise-playground').epoch >= 40, null, { timeout: 20_000 });
  await call(page, 'pause');
  await idle(page);
  const epoch = await prop(page, 'epoch');
  const history = await prop(page, 'history');
  // every epoch while the run is young, then at least CURVE_POINTS (100) rows over the run:
  // a gap never wider than 1/100 of the epoch it ends at
  const rows = history.map((r) => r.epoch);
  assert.deepEqual(rows.slice(0, 41), Array.from({ length: 41 }, (_, i) => i), 'one row per epoch at first');
  assert.equal(rows.at(-1), epoch, 'a row for the last epoch');
  rows.slice(1).forEach((e, i) => assert.ok(e - rows[i] >= 1 && e - rows[i] <= Math.max(1, Math.floor(e / 100)), `rows ${rows[i]} → ${e}`));
  assert.equal(await shownSteps(page), epoch * perEpoch);
  assert.deepEqual(errors, []);
  await page.close();
});

test('AdamW from the settings strip: its own weight decay, and its first step is PyTorch\'s AdamW', async () => {
  const { page, errors } = await open();
  await mount(page, { dataset: 'xor', points: '100', 'train-ratio': '50', layers: '3', activation: 'tanh', batch: '50' });
  const settings = page.locator(`${el} .settings`);
  const optimiser = settings.getByRole('combobox', { name: 'Optimiser', exact: true });
  await optimiser.selectOption('adamw');
  await idle(page);
  const decay = settings.getByRole('combobox', { name: 'Weight decay (AdamW, decoupled)', exact: true });
  assert.ok(await decay.isVisible(), 'AdamW shows its weight decay');
  assert.equal(await decay.inputValue(), '0.01', "PyTorch's default");
  assert.ok(!(await settings.getByRole('combobox', { name: 'L2 regularisation (weight decay)', exact: true }).isVisible()), 'and not L2');
  assert.ok(await settings.getByRole('combobox', { name: 'β₁', exact: true }).isVisible(), "and Adam's betas");
  await decay.selectOption('0.1');
  await settings.getByRole('combobox', { name: 'Learning rate', exact: true }).selectOption('0.1');
  await idle(page);
  const state = await prop(page, 'state');
  assert.deepEqual([state.optimizer, state.weightDecay, state.lr], ['adamw', 0.1, 0.1]);

  // One batch of all P training points (B = P): the gradient of that batch is the snapshot's
  // gradient over the training set at the same weights.
  const before = await call(page, 'snapshot', { parameters: true, gradients: true, data: true });
  assert.equal(before.data.train.y.length, state.batch, 'one batch is the whole training set');
  await button(page, 'One batch').click();
  await idle(page);
  const after = await call(page, 'snapshot', { parameters: true });
  assert.equal(after.settings.optimizer.name, 'adamw');
  // PyTorch's AdamW, step t = 1, moments starting at 0
  const { lr, weightDecay: wd, beta1: b1, beta2: b2 } = state;
  const eps = 1e-8;
  let worst = 0;
  let coupled = 0; // how far Adam with the same decay added to the gradient (L2) would land
  before.parameters.forEach((p, k) => {
    const g = before.gradients[k].data;
    Array.from(p.data).forEach((w, i) => {
      const m = (1 - b1) * g[i];
      const v = (1 - b2) * g[i] * g[i];
      const want = w * (1 - lr * wd) - (lr / (1 - b1)) * m / (Math.sqrt(v) / Math.sqrt(1 - b2) + eps);
      worst = Math.max(worst, Math.abs(after.parameters[k].data[i] - want));
      const gl = g[i] + wd * w;
      const l2 = w - lr * gl / (Math.abs(gl) + eps);
      coupled = Math.max(coupled, Math.abs(l2 - want));
    });
  });
  assert.ok(worst < 1e-5, `AdamW's first step off by ${worst}`);
  assert.ok(coupled > 1e-3, 'the decoupled step differs from L2 in Adam');

  // the backprop stepper names AdamW's update and its decoupled decay
  await page.locator(`${el} .stepper-box > summary`).click();
  await page.locator(`${el} .lw-step-phase[data-kind="update"]`).click();
  await page.waitForFunction(() => /AdamW: w ← w·\(1 − lr·λ\)/.test(document.querySelector('layerwise-playground').shadowRoot.querySelector('.lw-step-formula')?.textContent ?? ''));
  assert.match(await page.locator(`${el} .lw-step-formula`).textContent(), /Decoupled weight decay λ = 0\.1/);

  // and it trains
  const start = before.trainLoss;
  await call(page, 'step', 30);
  const trained = await call(page, 'snapshot', {});
  assert.ok(trained.trainLoss < start, `${start} → ${trained.trainLoss}`);
  assert.deepEqual(errors, []);
  await page.close();
});
