// Lesson 2 (hidden layers) in a browser: it loads in both languages without console errors,
// its formulas render, every widget works, it fits a phone, the parameter counts match ones
// computed here and the engine's, the seed's network trains on Fashion-MNIST and over- and
// underfits there, the recap's numbers are the formula's, and each task is done the way a
// learner would do it, and not before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, PHONE, formulas, lessonSuite, sideways } from './lessons-harness.mjs';

const suite = lessonSuite();
const SHOTS = 'test-results/lessons';
const PLAYGROUNDS = ['flat', 'spiral', 'fit'];
const IMAGES = ['fashion', 'pictures'];
const SEED = [784, 256, 128, 64, 10];

/** n_in·n_out + n_out per layer, computed independently of the widget. */
const paramsOf = (sizes) => sizes.slice(1).map((out, i) => sizes[i] * out + out);
const sum = (list) => list.reduce((a, b) => a + b, 0);

/**
 * The lesson opened and ready, as suite.open does, with a longer wait: besides its playgrounds it
 * carries two images widgets (the pictures' download and two more engines), which on a loaded
 * machine take longer than the harness's 30 s.
 */
async function open(lang, { viewport = DESKTOP } = {}) {
  const { page, context, errors } = await suite.openPath(`lessons/lesson.html?id=hidden&lang=${lang}`, { viewport, locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
  await page.waitForFunction(() => window.layerwiseLesson?.ready, null, { timeout: 180_000 });
  await page.evaluate(() => window.layerwiseLesson.ready);
  return { page, context, errors, close: () => context.close() };
}

/** Runs fn(element, arg) in the page on an images widget's element. */
const onImages = (page, widget, fn, arg) => page.evaluate(([w, f, x]) => new Function('el', 'x', `return (${f})(el, x)`)(window.layerwiseLesson.widgets[w].element, x),
  [widget, fn.toString(), arg]);
/** Trains an images widget for n epochs (its step()), resolving with the last epoch's detail. */
const stepImages = (page, widget, n) => onImages(page, widget, (el, k) => el.step(k), n);

async function fillSizes(page, sizes) {
  const fields = page.locator('[data-widget="params"] input[type="number"]');
  assert.equal(await fields.count(), sizes.length);
  for (let i = 0; i < sizes.length; i++) await fields.nth(i).fill(String(sizes[i]));
}

for (const lang of ['en', 'ko']) {
  test(`hidden (${lang}): loads cleanly, formulas render, every widget works, fits a phone`, async () => {
    const { page, errors, close } = await open(lang);
    const k = await formulas(page);
    assert.ok(k.rendered > 0);
    assert.equal(k.broken, 0);
    for (const id of PLAYGROUNDS) {
      const d = await suite.step(page, id, 5);
      assert.equal(d.epoch, 5);
      assert.ok(Number.isFinite(d.trainLoss) && Number.isFinite(d.testLoss), `${id} loss finite`);
    }
    await page.waitForFunction(() => document.querySelector('[data-widget="params"] .engine')?.dataset.count);
    for (const id of IMAGES) {
      assert.equal(await onImages(page, id, (el) => el.shadowRoot.querySelector('.lwi').lang), lang);
      assert.equal(await onImages(page, id, (el) => el.shadowRoot.querySelector('.message').hidden), true, `${id}: no message`);
    }
    await suite.screenshot(page, `${SHOTS}/hidden-${lang}-desktop.png`);
    assert.deepEqual(errors, []);
    await close();

    const phone = await open(lang, { viewport: PHONE });
    for (const id of PLAYGROUNDS) await suite.step(phone.page, id, 5);
    await stepImages(phone.page, 'pictures', 2);
    const overflow = await sideways(phone.page);
    assert.ok(overflow <= 0, `no sideways scrolling at 390 px (overflow ${overflow}px)`);
    await suite.screenshot(phone.page, `${SHOTS}/hidden-${lang}-phone.png`);
    assert.deepEqual(phone.errors, []);
    await phone.close();
  });
}

test('hidden: the seed network\'s parameters, counted three ways, and the budget task', async () => {
  const { page, errors, close } = await open('en');
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
  const { page, errors, close } = await open('en');
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

test('hidden: the seed network learns Fashion-MNIST, memorises 500 of its pictures; a bottleneck underfits; the recap\'s counts', { timeout: 480_000 }, async () => {
  const { page, errors, close } = await open('en');
  for (const t of ['fashion', 'memorise', 'bottleneck']) assert.equal(await suite.taskDone(page, t), false, `${t} on load`);
  // the widget trains the network the section counts, and says so
  const total = sum(paramsOf(SEED));
  assert.equal(await onImages(page, 'fashion', (el) => el.parameterCount), total);
  assert.equal(await onImages(page, 'fashion', (el) => el.pictureCount), 10000);
  assert.equal(await onImages(page, 'fashion', (el) => el.shadowRoot.querySelector('.summary').textContent),
    `Network ${SEED.join(' → ')}: ${total.toLocaleString('en-US')} parameters, trained on 10,000 pictures.`);
  // a learner's epoch: the One epoch button; the accuracy is the gallery's matrix diagonal
  await page.locator('[data-widget="fashion"] button.step').click();
  await page.waitForFunction(() => {
    const el = window.layerwiseLesson.widgets.fashion.element;
    return el.epoch === 1 && el.confusion?.epoch === 1;
  }, null, { timeout: 120_000 });
  const first = await onImages(page, 'fashion', (el) => ({ ...el.detail, right: el.confusion.right, count: el.confusion.count }));
  assert.ok(Math.abs(first.right / first.count - first.testAccuracy) <= 1 / first.count + 1e-9, `${first.right} of ${first.count} vs ${first.testAccuracy}`);
  assert.ok(first.testAccuracy > 0.7, `one epoch: ${first.testAccuracy}`);
  assert.equal(await suite.taskDone(page, 'fashion'), first.testAccuracy >= 0.83, `one epoch: ${first.testAccuracy}`);
  let seed = first;
  while (seed.testAccuracy < 0.83 && seed.epoch < 6) seed = await stepImages(page, 'fashion', 1);
  assert.ok(seed.testAccuracy >= 0.83, `${seed.epoch} epochs: ${seed.testAccuracy}`);
  await suite.waitTask(page, 'fashion');

  // the recap's first question: which change saves the most, by the formula
  const recap = await page.evaluate(() => import('./content/hidden.js').then(({ default: lesson }) => lesson.recap));
  const saved = [[784, 128, 128, 64, 10], [784, 256, 64, 64, 10], [784, 256, 128, 10]].map((sizes) => total - sum(paramsOf(sizes)));
  assert.deepEqual(saved, [116864, 20544, 7616]);
  const budget = recap.find((q) => q.id === 'budget');
  assert.equal(budget.answer, saved.indexOf(Math.max(...saved)));
  for (const n of saved) assert.ok(budget.why.en.includes(n.toLocaleString('en-US')) && budget.why.ko.includes(n.toLocaleString('en-US')), `why names ${n}`);
  assert.ok(budget.why.en.includes(`${128 * 785}`.replace(/(\d{3})$/, '{,}$1')), 'the first layer\'s share');

  // the same network on 500 pictures memorises them; a two-neuron bottleneck underfits 10,000
  for (const t of ['memorise', 'bottleneck']) assert.equal(await suite.taskDone(page, t), false, `${t}: the other widget trained`);
  assert.equal(await onImages(page, 'pictures', (el) => el.pictureCount), 500);
  assert.equal(await onImages(page, 'pictures', (el) => el.parameterCount), sum(paramsOf(SEED)));

  // stopped early: training accuracy far from 99 %
  const early = await stepImages(page, 'pictures', 5);
  assert.ok(early.trainAccuracy < 0.99, `5 epochs: ${early.trainAccuracy}`);
  assert.equal(await suite.taskDone(page, 'memorise'), false, 'after 5 epochs');
  // on: every training picture right while the test loss climbs from its lowest
  let d = early;
  const rows = () => onImages(page, 'pictures', (el) => el.history);
  const risen = async () => {
    const test = (await rows()).filter((r) => r.epoch > 0).map((r) => r.testLoss);
    return d.trainAccuracy >= 0.99 && d.testLoss >= 1.25 * Math.min(...test);
  };
  while (!(await risen()) && d.epoch < 90) d = await stepImages(page, 'pictures', 5);
  assert.ok(await risen(), `epoch ${d.epoch}: train ${d.trainAccuracy}, test loss ${d.testLoss}`);
  assert.ok(d.trainAccuracy - d.testAccuracy > 0.1, `a gap: ${d.trainAccuracy} vs ${d.testAccuracy}`);
  await suite.waitTask(page, 'memorise');
  assert.equal(await suite.taskDone(page, 'bottleneck'), false, 'a network that memorises is no bottleneck');

  // the learner shrinks the network in the editor: removes rows 6 to 3, sets row 1 to 2 neurons
  const widget = page.locator('[data-widget="pictures"]');
  for (let i = 0; i < 4; i++) await widget.locator('.layer-editor li').last().locator('button.remove').click();
  await widget.locator('.layer-editor li').first().locator('input.layer-size').fill('2');
  await widget.locator('.layer-editor li').first().locator('input.layer-size').press('Enter');
  await page.waitForFunction(() => window.layerwiseLesson.widgets.pictures.element.layers[0].out === 2);
  assert.deepEqual(await onImages(page, 'pictures', (el) => el.layers), [{ type: 'linear', out: 2 }, { type: 'relu' }]);
  // on 500 pictures it is not the lesson's underfitting, however low its accuracy
  const few = await stepImages(page, 'pictures', 10);
  assert.equal(few.epoch, 10, 'a new network');
  assert.equal(await onImages(page, 'pictures', (el) => el.parameterCount), sum(paramsOf([784, 2, 10])));
  assert.equal(await suite.taskDone(page, 'bottleneck'), false, `500 pictures (train accuracy ${few.trainAccuracy})`);
  // all the pictures, from the menu; 5 epochs are too few to call it
  await widget.locator('select.pictures').selectOption('');
  const five = await stepImages(page, 'pictures', 5);
  assert.equal(await onImages(page, 'pictures', (el) => el.pictureCount), 10000);
  assert.equal(five.epoch, 5);
  assert.equal(await suite.taskDone(page, 'bottleneck'), false, 'after 5 epochs');
  const ten = await stepImages(page, 'pictures', 5);
  assert.equal(ten.epoch, 10);
  // underfitting: low on the pictures it trains on, and about as low on new ones
  assert.ok(ten.trainAccuracy < 0.75, `train accuracy ${ten.trainAccuracy}`);
  assert.ok(Math.abs(ten.trainAccuracy - ten.testAccuracy) < 0.05, `train ${ten.trainAccuracy} vs test ${ten.testAccuracy}`);
  await suite.waitTask(page, 'bottleneck');
  assert.deepEqual(errors, []);
  await close();
});

test('hidden: overfit and fix on the circle', async () => {
  const { page, errors, close } = await open('en');
  for (const t of ['overfit', 'fix']) assert.equal(await suite.taskDone(page, t), false);

  // the preset (4 neurons) is no large network, whatever its losses
  await suite.step(page, 'fit', 200);
  assert.equal(await suite.taskDone(page, 'overfit'), false, 'the preset');
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
