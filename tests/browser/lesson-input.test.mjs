// Lesson 1 (the input layer) in a browser: it loads in both languages without console errors,
// its formulas render, every widget works, it fits a phone, and each task is done the way a
// learner would do it, and not before. Numbers the lesson states are computed here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, formulas, lessonSuite, sideways } from './lessons-harness.mjs';

const suite = lessonSuite();
const SHOTS = 'test-results/lessons';

/** Draws a polyline (points in pad units) on the drawing pad with the mouse. */
async function drawOnPad(page, points) {
  const box = await page.locator('[data-widget="pixels"] canvas.pad').boundingBox();
  const at = ([x, y]) => [box.x + x * box.width, box.y + y * box.height];
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 4 });
  await page.mouse.up();
}

const pixels = (page) => page.evaluate(() => {
  const w = window.layerwiseLesson.widgets.pixels;
  return { nonZero: w.nonZero, source: w.source, sum: w.image.reduce((a, b) => a + b, 0) };
});

async function fillSize(page, values) {
  const fields = page.locator('[data-widget="size"] input[type="number"]');
  await fields.nth(0).fill(String(values.height));
  await fields.nth(1).fill(String(values.width));
  await page.locator('[data-widget="size"] select').selectOption(String(values.channels));
  await fields.nth(2).fill(String(values.neurons));
}

for (const lang of ['en', 'ko']) {
  test(`input (${lang}): loads cleanly, formulas render, every widget works, fits a phone`, async () => {
    const { page, errors, close } = await suite.open('input', lang);
    const k = await formulas(page);
    assert.ok(k.rendered > 0, 'formulas rendered');
    assert.equal(k.broken, 0, 'no KaTeX errors');

    // the drawing: the example fills the grid with ink in [0, 1]
    assert.deepEqual(await pixels(page), { nonZero: 0, source: null, sum: 0 });
    await page.locator('[data-widget="pixels"] button').nth(2).click();
    const drawn = await pixels(page);
    assert.equal(drawn.source, 'example');
    assert.ok(drawn.nonZero > 40 && drawn.nonZero < 784, `example lights ${drawn.nonZero} inputs`);

    // the calculator, the vectors
    await fillSize(page, { height: 32, width: 32, channels: 3, neurons: 100 });
    const size = await page.evaluate(() => window.layerwiseLesson.widgets.size.values());
    assert.equal(size.inputs, 32 * 32 * 3);
    assert.equal(size.params, 32 * 32 * 3 * 100 + 100);
    const row = await page.evaluate(() => window.layerwiseLesson.widgets.vectors.row());
    assert.deepEqual(row.x, [34, 175, 1, 0, 0]);
    assert.ok(Math.abs(row.z[0] - (34 - 40) / 12) < 1e-12 && Math.abs(row.z[1] - (175 - 168) / 9) < 1e-12);
    const bag = await page.evaluate(() => window.layerwiseLesson.widgets.vectors.words());
    assert.equal(bag.vector.reduce((a, b) => a + b, 0), bag.tokens.length, 'every word counted once');
    assert.equal(bag.same, true);

    // both playgrounds train
    for (const id of ['raw', 'scaled']) {
      const d = await suite.step(page, id, 5);
      assert.equal(d.epoch, 5);
      assert.ok(Number.isFinite(d.trainLoss) && Number.isFinite(d.testLoss), `${id} loss finite`);
    }
    await suite.screenshot(page, `${SHOTS}/input-${lang}-desktop.png`);
    assert.deepEqual(errors, []);
    await close();

    const phone = await suite.open('input', lang, { viewport: PHONE });
    await phone.page.locator('[data-widget="pixels"] button').nth(2).click();
    await suite.step(phone.page, 'raw', 5);
    await suite.step(phone.page, 'scaled', 5);
    const overflow = await sideways(phone.page);
    assert.ok(overflow <= 0, `no sideways scrolling at 390 px (overflow ${overflow}px)`);
    await suite.screenshot(phone.page, `${SHOTS}/input-${lang}-phone.png`);
    assert.deepEqual(phone.errors, []);
    await phone.close();
  });
}

test('input: the drawing and lens tasks', async () => {
  const { page, errors, close } = await suite.open('input', 'en');
  assert.equal(await suite.taskDone(page, 'draw'), false);
  assert.equal(await suite.taskDone(page, 'index'), false);

  // the example button does not count as drawing
  await page.locator('[data-widget="pixels"] button').nth(2).click();
  assert.ok((await pixels(page)).nonZero >= 80);
  assert.equal(await suite.taskDone(page, 'draw'), false, 'the example is not the learner\'s drawing');
  await page.locator('[data-widget="pixels"] button').nth(1).click(); // clear

  // a straight 1 is too little ink
  await drawOnPad(page, [[0.5, 0.2], [0.5, 0.8]]);
  const one = await pixels(page);
  assert.equal(one.source, 'pen');
  assert.ok(one.nonZero < 80, `a 1 lights ${one.nonZero}`);
  assert.equal(await suite.taskDone(page, 'draw'), false);
  // a 0 drawn large is enough
  const ring = Array.from({ length: 33 }, (_, i) => [0.5 + 0.22 * Math.cos(i * Math.PI / 16), 0.5 + 0.32 * Math.sin(i * Math.PI / 16)]);
  await page.locator('[data-widget="pixels"] button').nth(1).click();
  await drawOnPad(page, ring);
  assert.ok((await pixels(page)).nonZero >= 80);
  await suite.waitTask(page, 'draw');

  // the lens: with the keyboard, from the centre (row 14, column 14 = x[406]) to x[500]
  const grid = page.locator('[data-widget="pixels"] canvas.grid');
  await grid.focus();
  const cursor = () => page.evaluate(() => window.layerwiseLesson.widgets.pixels.view.cursor);
  assert.deepEqual(await cursor(), { r: 14, c: 14 });
  assert.equal(await suite.taskDone(page, 'index'), false, 'x[406] is not x[500]');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  assert.deepEqual(await cursor(), { r: 17, c: 24 });
  assert.equal(17 * 28 + 24, 500);
  await suite.waitTask(page, 'index');
  const readout = await page.locator('[data-widget="pixels"] .grid-readout').textContent();
  assert.match(readout, /x\[500\]/);
  assert.deepEqual(errors, []);
  await close();
});

test('input: the photo-size tasks', async () => {
  const { page, errors, close } = await suite.open('input', 'en');
  assert.equal(await suite.taskDone(page, 'photo'), false);
  assert.equal(await suite.taskDone(page, 'budget'), false);
  // greyscale is not the colour photo
  await fillSize(page, { height: 224, width: 224, channels: 1, neurons: 256 });
  assert.equal((await page.evaluate(() => window.layerwiseLesson.widgets.size.values())).inputs, 224 * 224);
  assert.equal(224 * 224, 50176);
  assert.equal(await suite.taskDone(page, 'photo'), false);
  await fillSize(page, { height: 224, width: 224, channels: 3, neurons: 256 });
  await suite.waitTask(page, 'photo');
  const v = await page.evaluate(() => window.layerwiseLesson.widgets.size.values());
  assert.equal(v.inputs, 150528);
  assert.equal(v.inputs, 3 * 224 * 224);
  assert.equal(v.params, 150528 * 256 + 256);
  assert.equal(v.params, 38535424);
  assert.ok(Math.abs(v.params / (784 * 256 + 256) - 190) < 2, 'about 190 times the digit layer');

  // the largest square colour photo under a million first-layer parameters
  const params = (s) => 3 * s * s * 256 + 256;
  let largest = 1;
  while (params(largest + 1) < 1e6) largest++;
  assert.equal(largest, 36);
  assert.equal(params(36), 995584);
  assert.equal(params(37), 1051648);
  await fillSize(page, { height: 37, width: 37, channels: 3, neurons: 256 });
  assert.equal(await suite.taskDone(page, 'budget'), false, '37 is over the budget');
  await fillSize(page, { height: 35, width: 35, channels: 3, neurons: 256 });
  assert.equal(await suite.taskDone(page, 'budget'), false, '35 is not the largest');
  await fillSize(page, { height: 36, width: 36, channels: 3, neurons: 256 });
  await suite.waitTask(page, 'budget');
  assert.deepEqual(errors, []);
  await close();
});

for (const lang of ['en', 'ko']) {
  test(`input (${lang}): the bag-of-words task`, async () => {
    const { page, errors, close } = await suite.open('input', lang);
    const box = page.locator('[data-widget="vectors"] input.sentence');
    assert.equal(await suite.taskDone(page, 'order'), false);
    const [changed, reordered] = lang === 'en'
      ? ['the dog chased a cat', 'the cat chased the dog']
      : ['개가 고양이를 보았다', '고양이를 개가 쫓았다'];
    await box.fill(changed);
    assert.equal(await suite.taskDone(page, 'order'), false, 'another vector');
    await box.fill(lang === 'en' ? 'The dog chased the cat.' : '개가 고양이를 쫓았다.');
    assert.equal(await suite.taskDone(page, 'order'), false, 'the example itself');
    await box.fill(reordered);
    await suite.waitTask(page, 'order');
    assert.deepEqual(errors, []);
    await close();
  });
}

test('input: standardised vs raw inputs, and fixing the raw run', async () => {
  const { page, errors, close } = await suite.open('input', 'en');
  assert.equal(await suite.taskDone(page, 'compare'), false);
  assert.equal(await suite.taskDone(page, 'rawfix'), false);
  const scaled = await suite.step(page, 'scaled', 60);
  assert.ok(scaled.testAccuracy >= 0.95, `standardised: ${scaled.testAccuracy}`);
  assert.equal(await suite.taskDone(page, 'compare'), false, 'the raw run has not trained yet');
  const raw = await suite.step(page, 'raw', 60);
  assert.ok(raw.testAccuracy < 0.9, `raw: ${raw.testAccuracy}`);
  await suite.waitTask(page, 'compare');
  assert.equal(await suite.taskDone(page, 'rawfix'), false, 'the raw run is below 95%');

  // turning standardisation on in the raw playground does not count for the fix
  await suite.setState(page, 'raw', { standardize: true });
  await suite.step(page, 'raw', 30);
  assert.equal(await suite.taskDone(page, 'rawfix'), false);
  // a smaller learning rate on raw inputs does
  await suite.setState(page, 'raw', { standardize: false, lr: 0.1 });
  await page.evaluate(() => window.layerwiseLesson.widgets.raw.element.reset());
  const fixed = await suite.step(page, 'raw', 60);
  assert.equal(fixed.epoch, 60);
  await suite.waitTask(page, 'rawfix');
  assert.deepEqual(errors, []);
  await close();
});
