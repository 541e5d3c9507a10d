// Lesson 3, the output layer: loads in both languages without errors, its formulas render,
// the softmax widget agrees with softmax worked out here, the playground trains, the heads
// widget's sigmoid run stays above the floor computed here, every task passes only when done,
// screenshots at desktop and phone width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, PHONE, formulas, lessonSuite, sideways } from './lessons-harness.mjs';
import { loadLayerwise } from '../../web/engine/layerwise.mjs';

const suite = lessonSuite();
const ID = 'output';

const softmax = (z) => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

async function opened(lang, viewport = DESKTOP) {
  const session = await suite.open(ID, lang, { viewport });
  const { page } = session;
  const k = await formulas(page);
  assert.ok(k.rendered > 0, 'formulas rendered');
  assert.equal(k.broken, 0, 'no KaTeX errors');
  await page.waitForFunction(() => window.layerwiseLesson.widgets.softmax.engine);
  return session;
}

/** Types into the softmax widget's number box k (0-based), as a learner would. */
const logit = (page, k, value) => page.locator('figure[data-widget="softmax"] input[type="number"]').nth(k).fill(String(value));
const widgetValue = (page, id, key) => page.evaluate(([w, k]) => window.layerwiseLesson.widgets[w][k], [id, key]);
const trainHeads = (page, head) => page.evaluate(async (h) => {
  const root = window.layerwiseLesson.widgets.heads.root;
  root.querySelector(`input[type="radio"][value="${h}"]`).click();
  root.querySelector('button.primary').click();
  await new Promise((resolve) => { const off = window.layerwiseLesson.widgets.heads.on(() => { off(); resolve(); }); });
  return window.layerwiseLesson.widgets.heads.result;
}, head);

test('output lesson (en): widgets, numbers and every task', async () => {
  const { page, errors, close } = await opened('en');
  for (const task of ['sure', 'tie', 'alone', 'fit']) assert.equal(await suite.taskDone(page, task), false, `${task} not done on load`);

  // softmax: the engine's bars are softmax of the preset logits, summing to 1
  const probs = await widgetValue(page, 'softmax', 'probs');
  softmax([2, 1, 0.5]).forEach((p, k) => assert.ok(Math.abs(probs[k] - p) < 1e-6, `p${k + 1} = ${probs[k]} vs ${p}`));
  const pair = await page.locator('figure[data-widget="softmax"] .lw-readout').nth(1).textContent();
  const sig = (1 / (1 + Math.exp(-1))).toFixed(3);
  assert.ok(pair.includes(`= ${sig},`) && pair.endsWith(`= ${sig}`), `two-class read-out shows σ(1) = ${sig} twice: ${pair}`);

  // shifting every logit changes nothing
  await page.locator('figure[data-widget="softmax"] button', { hasText: 'Every logit + 1' }).click();
  assert.deepEqual(await widgetValue(page, 'softmax', 'logits'), [3, 2, 1.5]);
  (await widgetValue(page, 'softmax', 'probs')).forEach((p, k) => assert.ok(Math.abs(p - probs[k]) < 1e-6));
  await page.locator('figure[data-widget="softmax"] button', { hasText: 'Every logit − 1' }).click();

  // sure: z3 = 4 gives 0.87 (not yet), z3 = 5 gives over 0.9
  await logit(page, 2, 4);
  assert.ok(softmax([2, 1, 4])[2] < 0.9);
  assert.equal(await suite.taskDone(page, 'sure'), false, 'sure not done at 87%');
  await logit(page, 2, 5);
  await suite.waitTask(page, 'sure');
  assert.ok((await widgetValue(page, 'softmax', 'probs'))[2] >= 0.9);

  // tie: all zero is equal but moves z1 away from 2; all 2 is the answer
  for (const k of [0, 1, 2]) await logit(page, k, 0);
  assert.equal(await suite.taskDone(page, 'tie'), false, 'tie not done with z1 = 0');
  for (const k of [0, 1, 2]) await logit(page, k, 2);
  await suite.waitTask(page, 'tie');

  // blobs: the playground trains; with the hidden layer still there the task stays open
  const first = await suite.step(page, 'blobs', 30);
  assert.ok(Number.isFinite(first.trainLoss) && Number.isFinite(first.testLoss), 'finite loss');
  assert.equal(await suite.taskDone(page, 'alone'), false, `alone not done with a hidden layer (test accuracy ${first.testAccuracy})`);
  await suite.setState(page, 'blobs', { layers: [] });
  const alone = await suite.step(page, 'blobs', 30);
  assert.ok(alone.testAccuracy >= 0.9, `output layer alone: ${alone.testAccuracy}`);
  await suite.waitTask(page, 'alone');

  // heads: the sigmoid run cannot beat the floor worked out here from the same data
  const lw = await loadLayerwise();
  const data = lw.data.generate('sine', { n: 200, seed: 1 });
  const { y } = data.toArrays();
  const floor = Array.from(y).reduce((s, v) => s + (v < 0 ? v * v : 0), 0) / y.length;
  data.dispose();
  assert.ok(Math.abs(floor - (await widgetValue(page, 'heads', 'floor'))) < 1e-9, 'floor shown = floor computed');
  for (const head of ['sigmoid', 'relu']) {
    const run = await trainHeads(page, head);
    assert.ok(run.mse >= floor, `${head}: MSE ${run.mse} ≥ floor ${floor}`);
    assert.equal(await suite.taskDone(page, 'fit'), false, `fit not done with ${head}`);
  }
  const right = await trainHeads(page, 'identity');
  assert.ok(right.mse < 0.01, `linear head: MSE ${right.mse}`);
  await suite.waitTask(page, 'fit');

  await suite.screenshot(page, `test-results/lessons/${ID}-en-desktop.png`);
  assert.deepEqual(errors, []);
  await close();
});

test('output lesson: every JS block imports what it calls; the recap\'s numbers', async () => {
  const { page, errors, close } = await suite.open(ID, 'en');
  const { codes, recap } = await page.evaluate(() => import('./content/output.js').then(({ default: lesson }) => ({
    codes: lesson.sections.flatMap((s) => s.blocks.filter((b) => b.code).map((b) => b.code)),
    recap: lesson.recap,
  })));
  for (const { js } of codes) for (const lang of ['en', 'ko']) {
    assert.ok(js[lang].trim().startsWith("import { loadLayerwise } from 'layerwise';\nconst lw = await loadLayerwise();"), `${lang}: ${js[lang].slice(0, 40)}`);
  }
  // shifting every logit by 10 changes nothing; the question's numbers are softmax's
  const shift = recap.find((q) => q.id === 'shift');
  const shown = softmax([2, 1, 0.5]).map((p) => p.toFixed(2)).join(', ');
  assert.equal(softmax([12, 11, 10.5]).map((p) => p.toFixed(2)).join(', '), shown);
  assert.ok(shift.q.en.includes(`(${shown})`) && shift.choices[shift.answer].en.includes(`(${shown})`), shown);
  // σ(z) = softmax([z, 0])₁, so the answer (2, 0); (2, −2) is σ(4)
  const two = recap.find((q) => q.id === 'two-ways');
  const sigma = (z) => 1 / (1 + Math.exp(-z));
  assert.ok(Math.abs(softmax([2, 0])[0] - sigma(2)) < 1e-12 && two.choices[two.answer].en.includes('(2, 0)'));
  assert.ok(Math.abs(softmax([2, -2])[0] - sigma(4)) < 1e-12 && two.why.en.includes(sigma(4).toFixed(2)));
  assert.deepEqual(errors, []);
  await close();
});

for (const lang of ['en', 'ko']) {
  test(`output lesson (${lang}): phone width${lang === 'ko' ? ', Korean, desktop' : ''}`, async () => {
    const views = lang === 'ko' ? [['desktop', DESKTOP], ['phone', PHONE]] : [['phone', PHONE]];
    for (const [name, viewport] of views) {
      const { page, errors, close } = await opened(lang, viewport);
      const detail = await suite.step(page, 'blobs', 20);
      assert.ok(Number.isFinite(detail.trainLoss));
      await trainHeads(page, 'sigmoid');
      if (name === 'phone') {
        const overflow = await sideways(page);
        assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
      }
      await suite.screenshot(page, `test-results/lessons/${ID}-${lang}-${name}.png`);
      assert.deepEqual(errors, []);
      await close();
    }
  });
}
