// Lesson 2 (hidden layers) in a browser: it loads in both languages without console errors,
// its formulas render, every widget works, it fits a phone, the parameter counts match ones
// computed here and the engine's, and each task is done the way a learner would do it, and
// not before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, formulas, lessonSuite, sideways } from './lessons-harness.mjs';

const suite = lessonSuite();
const SHOTS = 'test-results/lessons';
const PLAYGROUNDS = ['flat', 'spiral', 'fit'];

/** n_in·n_out + n_out per layer, computed independently of the widget. */
const paramsOf = (sizes) => sizes.slice(1).map((out, i) => sizes[i] * out + out);

async function fillSizes(page, sizes) {
  const fields = page.locator('[data-widget="params"] input[type="number"]');
  assert.equal(await fields.count(), sizes.length);
  for (let i = 0; i < sizes.length; i++) await fields.nth(i).fill(String(sizes[i]));
}

for (const lang of ['en', 'ko']) {
  test(`hidden (${lang}): loads cleanly, formulas render, every widget works, fits a phone`, async () => {
    const { page, errors, close } = await suite.open('hidden', lang);
    const k = await formulas(page);
    assert.ok(k.rendered > 0);
    assert.equal(k.broken, 0);
    for (const id of PLAYGROUNDS) {
      const d = await suite.step(page, id, 5);
      assert.equal(d.epoch, 5);
      assert.ok(Number.isFinite(d.trainLoss) && Number.isFinite(d.testLoss), `${id} loss finite`);
    }
    await page.waitForFunction(() => document.querySelector('[data-widget="params"] .engine')?.dataset.count);
    await suite.screenshot(page, `${SHOTS}/hidden-${lang}-desktop.png`);
    assert.deepEqual(errors, []);
    await close();

    const phone = await suite.open('hidden', lang, { viewport: PHONE });
    for (const id of PLAYGROUNDS) await suite.step(phone.page, id, 5);
    const overflow = await sideways(phone.page);
    assert.ok(overflow <= 0, `no sideways scrolling at 390 px (overflow ${overflow}px)`);
    await suite.screenshot(phone.page, `${SHOTS}/hidden-${lang}-phone.png`);
    assert.deepEqual(phone.errors, []);
    await phone.close();
  });
}

test('hidden: the seed network\'s parameters, counted three ways, and the budget task', async () => {
  const { page, errors, close } = await suite.open('hidden', 'en');
  const seed = [784, 256, 128, 64, 10];
  const expected = paramsOf(seed);
  assert.deepEqual(expected, [200960, 32896, 8256, 650]);
  const total = expected.reduce((a, b) => a + b, 0);
  assert.equal(total, 242762);
  const counts = await page.evaluate(() => window.layerwiseLesson.widgets.params.counts());
  assert.deepEqual(counts.layers.map((l) => l.weights + l.biases), expected);
  assert.equal(counts.total, total);
  assert.equal(await page.evaluate(() => window.layerwiseLesson.widgets.params.engineCount()), total);
  assert.ok(expected[0] / total > 0.8, 'more than four fifths in the first layer');
  // the formula on the page says the same
  const text = await page.locator('#count').textContent();
  for (const n of ['200,960', '32,896', '8,256', '650', '242,762']) assert.ok(text.includes(n), `page shows ${n}`);

  assert.equal(await suite.taskDone(page, 'small3'), false);
  // a narrower first layer alone is not enough
  await fillSizes(page, [784, 64, 128, 64, 10]);
  const over = paramsOf([784, 64, 128, 64, 10]).reduce((a, b) => a + b, 0);
  assert.ok(over >= 50000);
  assert.equal(await suite.taskDone(page, 'small3'), false, `${over} parameters`);
  // under the budget with two hidden layers is not three
  await page.locator('[data-widget="params"] button', { hasText: 'Remove' }).click();
  await fillSizes(page, [784, 32, 16, 10]);
  assert.ok((await page.evaluate(() => window.layerwiseLesson.widgets.params.counts().total)) < 50000);
  assert.equal(await suite.taskDone(page, 'small3'), false, 'two hidden layers');
  // a third hidden layer (the new one gets half the size of the last)
  await page.locator('[data-widget="params"] button', { hasText: 'Add' }).click();
  const sizes = await page.evaluate(() => window.layerwiseLesson.widgets.params.sizes());
  assert.deepEqual(sizes, [784, 32, 16, 8, 10]);
  const under = paramsOf(sizes).reduce((a, b) => a + b, 0);
  assert.ok(under < 50000);
  await suite.waitTask(page, 'small3');
  assert.equal(await page.evaluate(() => window.layerwiseLesson.widgets.params.engineCount()), under);
  assert.deepEqual(errors, []);
  await close();
});

test('hidden: activation and depth tasks', async () => {
  const { page, errors, close } = await suite.open('hidden', 'en');
  assert.equal(await suite.taskDone(page, 'bend'), false);
  assert.equal(await suite.taskDone(page, 'spiral'), false);
  // linear hidden layers cannot draw a circle
  const flat = await suite.step(page, 'flat', 100);
  assert.ok(flat.testAccuracy < 0.8, `linear: ${flat.testAccuracy}`);
  assert.equal(await suite.taskDone(page, 'bend'), false);
  await suite.setState(page, 'flat', { activation: ['relu'] });
  await suite.step(page, 'flat', 100);
  await suite.waitTask(page, 'bend');

  // two neurons cannot follow the spiral; two layers of 16 ReLU neurons can
  const small = await suite.step(page, 'spiral', 150);
  assert.ok(small.testAccuracy < 0.9, `2 neurons: ${small.testAccuracy}`);
  assert.equal(await suite.taskDone(page, 'spiral'), false);
  await suite.setState(page, 'spiral', { layers: [16, 16], activation: ['relu'] });
  await suite.step(page, 'spiral', 150);
  await suite.waitTask(page, 'spiral');
  assert.deepEqual(errors, []);
  await close();
});

test('hidden: underfit, overfit, fix', async () => {
  const { page, errors, close } = await suite.open('hidden', 'en');
  for (const t of ['underfit', 'overfit', 'fix']) assert.equal(await suite.taskDone(page, t), false);

  // the preset (4 neurons) is not "tiny", whatever its accuracy
  await suite.step(page, 'fit', 200);
  assert.equal(await suite.taskDone(page, 'underfit'), false);
  // two neurons side by side are not one neuron wide (and draw a band past 80% here)
  await suite.setState(page, 'fit', { layers: [2] });
  await suite.step(page, 'fit', 200);
  assert.equal(await suite.taskDone(page, 'underfit'), false, 'two neurons');
  await suite.setState(page, 'fit', { layers: [1] });
  const tiny = await suite.step(page, 'fit', 200);
  assert.ok(tiny.trainAccuracy < 0.8, `1 neuron: train accuracy ${tiny.trainAccuracy}`);
  await suite.waitTask(page, 'underfit');

  await suite.setState(page, 'fit', { layers: [32, 32, 32] });
  const early = await suite.step(page, 'fit', 150);
  assert.equal(await suite.taskDone(page, 'overfit'), false, `epoch ${early.epoch}`);
  const big = await suite.step(page, 'fit', 250);
  assert.ok(big.testLoss >= 2 * big.trainLoss, `test ${big.testLoss} vs train ${big.trainLoss}`);
  await suite.waitTask(page, 'overfit');
  assert.equal(await suite.taskDone(page, 'fix'), false, 'still overfitting');

  // more training data closes the gap
  await suite.setState(page, 'fit', { trainRatio: 50 });
  const fixed = await suite.step(page, 'fit', 500);
  assert.ok(fixed.testLoss <= 1.25 * fixed.trainLoss, `test ${fixed.testLoss} vs train ${fixed.trainLoss}`);
  await suite.waitTask(page, 'fix');
  assert.deepEqual(errors, []);
  await close();
});
