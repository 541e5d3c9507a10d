// Lesson 5, loss functions: loads in both languages without errors, its formulas render, the
// plotted losses and gradients match the formulas worked out here, the double-softmax run
// plateaus on the floor computed here, sigmoid-then-BCE shows PyTorch's clamps, the playground
// race trains, every task passes only when done, screenshots at desktop and phone width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, PHONE, codeComments, formulas, lessonSuite, sideways } from './lessons-harness.mjs';

const suite = lessonSuite();
const ID = 'loss';
const near = (a, b, tol, what) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

async function opened(lang, viewport = DESKTOP) {
  const session = await suite.open(ID, lang, { viewport });
  const { page } = session;
  const k = await formulas(page);
  assert.ok(k.rendered > 0, 'formulas rendered');
  assert.equal(k.broken, 0, 'no KaTeX errors');
  await page.waitForFunction(() => window.layerwiseLesson.widgets.curves.values && window.layerwiseLesson.widgets.saturation.values);
  return session;
}

const values = (page, id) => page.evaluate((w) => window.layerwiseLesson.widgets[w].values, id);
/** Types a number into a widget's number box, as a learner would. */
const typeInto = (page, id, value) => page.locator(`figure[data-widget="${id}"] input[type="number"]`).fill(String(value));
const trainDouble = (page) => page.evaluate(async () => {
  const w = window.layerwiseLesson.widgets.double;
  const done = new Promise((resolve) => { const off = w.on((run) => { off(); resolve(run); }); });
  w.root.querySelector('button.primary').click();
  return done;
});

const FLOAT32_MAX = (2 - 2 ** -23) * 2 ** 127;
const f32 = Math.fround;
/** σ(z) as float32 arithmetic computes it: 1 / (1 + e^(−z)), each step rounded to float32. */
const sigmoid32 = (z) => f32(1 / f32(1 + f32(Math.exp(-z))));
/** PyTorch's BCELoss for target 1 on that σ: −log p with log clamped at −100. */
const bce32 = (z) => Math.min(-Math.log(sigmoid32(z)), 100);

/** The overflow at z ≈ −88.72: the widget's curve and line, and the numbers the text gives. */
async function checkSaturation(page) {
  const zOver = -Math.log(FLOAT32_MAX);
  assert.equal(f32(FLOAT32_MAX), FLOAT32_MAX, 'the largest float32');
  assert.equal(f32(Math.exp(-(zOver - 0.01))), Infinity, 'e^(−z) overflows just left of the line');
  const before = sigmoid32(zOver + 0.01);
  assert.ok(before > 0 && before < 2 ** -126, `σ is subnormal just right of it (${before})`);
  assert.equal(sigmoid32(zOver - 0.01), 0, 'and 0 left of it');
  const { curve, line } = await page.evaluate(() => {
    const w = window.layerwiseLesson.widgets.saturation;
    return { curve: w.curve, line: w.overflowZ };
  });
  near(line, zOver, 1e-12, 'the dashed line');
  for (const c of curve) {
    if (c.z < zOver) {
      assert.equal(c.bce, 100, `loss clamped at z = ${c.z}`);
      assert.equal(c.gBce, 0, `no gradient at z = ${c.z}`);
      // the clamp reports more than the truth up to z = −100, less beyond
      if (c.z > -100) assert.ok(c.bce > c.exact, `too high at z = ${c.z}`);
      if (c.z < -100) assert.ok(c.bce < c.exact, `too low at z = ${c.z}`);
    } else {
      near(c.bce, bce32(c.z), 1e-5 * Math.max(1, -c.z), `loss at z = ${c.z}`);
    }
  }
  assert.equal(await page.locator('figure[data-widget="saturation"] svg text', { hasText: 'σ(z) = 0' }).count(), 2, 'the line labelled in both plots');
  // the text beside the plot gives these three thresholds, in both languages
  const thresholds = [-Math.log(1e-12), -Math.log(2 ** -126), -zOver].map((v, i) => v.toFixed(i === 2 ? 2 : 1));
  assert.deepEqual(thresholds, ['27.6', '87.3', '88.72']);
  const text = await page.evaluate(() => import('./content/loss.js').then(({ default: lesson }) => {
    const section = lesson.sections.find((s) => s.id === 'with-logits');
    return section.blocks.flatMap((b) => [b.p, ...(b.list ?? [])]).filter(Boolean);
  }));
  for (const lang of ['en', 'ko']) {
    const all = text.map((t) => t[lang]).join(' ');
    for (const t of thresholds) assert.ok(all.includes(`-${t}`), `${lang} text gives z ≈ −${t}`);
  }
}

test('loss lesson (en): curves, double softmax, saturation, race and every task', async () => {
  const { page, errors, close } = await opened('en');
  for (const task of ['peak', 'mistake', 'fix', 'vanish', 'cap', 'escape']) assert.equal(await suite.taskDone(page, task), false, `${task} not done on load`);

  // every JS block imports what it calls; the recap's numbers
  const { codes, recap } = await page.evaluate(() => import('./content/loss.js').then(({ default: lesson }) => ({
    codes: lesson.sections.flatMap((s) => s.blocks.filter((b) => b.code).map((b) => b.code.js)),
    recap: lesson.recap,
  })));
  for (const js of codes) for (const lang of ['en', 'ko']) assert.ok(js[lang].startsWith("import { loadLayerwise } from 'layerwise';\nconst lw = await loadLayerwise();"), js[lang].slice(0, 40));
  const why = (id) => recap.find((q) => q.id === id);
  const push = why('push');
  const [bcePush, msePush] = [0.01 - 1, 2 * (0.01 - 1) * 0.01 * 0.99];
  assert.equal(push.choices[push.answer].en, `BCE about ${(-bcePush).toFixed(2)}, MSE about ${(-msePush).toFixed(2)}`);
  assert.ok(push.choices[2].en.includes(`BCE about ${(-Math.log(0.01)).toFixed(1)}, MSE about ${(0.99 ** 2).toFixed(2)}`), 'the losses themselves');
  const floorQ = why('floor');
  assert.ok(floorQ.choices[floorQ.answer].en.includes((Math.log(Math.E + 2) - 1).toFixed(3)));
  assert.ok(floorQ.why.en.includes(`${Math.round(100 * Math.E / (Math.E + 2))}\\%`));
  assert.ok(why('minus-95').why.en.includes(`e^{${Math.log(FLOAT32_MAX).toFixed(2)}}`), 'the largest float32 is e^88.72');

  // curves: every plotted value against its formula (target 1)
  const series = await page.evaluate(() => window.layerwiseLesson.widgets.curves.series);
  assert.equal(series.bce.length, 199);
  series.bce.forEach(([p, v], i) => {
    near(v, -Math.log(p), 2e-4 * Math.max(1, -Math.log(p)), `BCE at ${p}`);
    near(series.mse[i][1], (1 - p) ** 2, 1e-5, `MSE at ${p}`);
    near(series.gBce[i][1], p - 1, 1e-5, `∂BCE/∂z at ${p}`);
    near(series.gMse[i][1], 2 * (p - 1) * p * (1 - p), 1e-5, `∂MSE/∂z at ${p}`);
  });

  // peak: p = 0.5 is not the peak; 1/3 is
  await typeInto(page, 'curves', 0.5);
  near((await values(page, 'curves')).gMse, -0.25, 1e-5, 'MSE gradient at 0.5');
  assert.equal(await suite.taskDone(page, 'peak'), false, 'peak not done at 0.5');
  await typeInto(page, 'curves', 0.333);
  await suite.waitTask(page, 'peak');

  // mistake: p = 0.95 has the ratio below 0.1 but is no mistake; p = 0.03 is
  await typeInto(page, 'curves', 0.95);
  assert.ok(2 * 0.95 * 0.05 < 0.1);
  assert.equal(await suite.taskDone(page, 'mistake'), false, 'mistake not done at p = 0.95');
  await typeInto(page, 'curves', 0.03);
  const at = await values(page, 'curves');
  near(at.gMse / at.gBce, 2 * 0.03 * 0.97, 1e-4, 'gradient ratio 2p(1 − p)');
  await suite.waitTask(page, 'mistake');

  // double softmax: the buggy run never goes below log(e + K − 1) − 1 and plateaus on it
  const floor = Math.log(Math.E + 2) - 1;
  near(await page.evaluate(() => window.layerwiseLesson.widgets.double.bound), floor, 1e-12, 'floor');
  const bug = await trainDouble(page);
  assert.equal(bug.losses.length, 100);
  assert.ok(bug.losses.every(Number.isFinite), 'finite losses');
  const lowest = Math.min(...bug.losses);
  assert.ok(lowest >= floor - 1e-5, `buggy loss ${lowest} ≥ floor ${floor}`);
  assert.ok(bug.final - floor < 0.01, `buggy loss plateaus on the floor (${bug.final})`);
  assert.equal(await suite.taskDone(page, 'fix'), false, 'fix not done with the softmax layer');
  await page.locator('figure[data-widget="double"] input[type="checkbox"]').uncheck();
  const right = await trainDouble(page);
  assert.ok(right.final < floor / 10, `logits: ${right.final}`);
  assert.ok(right.losses[9] < bug.losses[9], 'on logits it learns faster');
  await suite.waitTask(page, 'fix');

  // saturation: at z = −2 both ways agree with the exact values
  let s = await values(page, 'saturation');
  const negLogSigmoid = (z) => Math.max(-z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
  near(s.bce, negLogSigmoid(-2), 1e-5, 'BCE at −2');
  near(s.logits, negLogSigmoid(-2), 1e-5, 'BCE with logits at −2');
  near(s.gBce, 1 / (1 + Math.exp(2)) - 1, 1e-5, 'gradient at −2');
  await typeInto(page, 'saturation', -25);
  assert.equal(await suite.taskDone(page, 'vanish'), false, 'vanish not done at −25');
  await typeInto(page, 'saturation', -30);
  s = await values(page, 'saturation');
  // PyTorch's backward: (p − 1) / max(p(1 − p), 1e-12) · p(1 − p), with p = σ(−30) in float32
  const p30 = Math.fround(1 / (1 + Math.exp(30)));
  near(s.gBce, -p30 / 1e-12, 1e-4, 'clamped gradient at −30');
  near(s.gLogits, -1, 1e-6, 'logits gradient at −30');
  await suite.waitTask(page, 'vanish');
  await typeInto(page, 'saturation', -88.5);
  s = await values(page, 'saturation');
  near(s.bce, 88.5, 1e-3, 'σ(−88.5) is subnormal but not 0: the loss is still right');
  assert.ok(s.gBce < 0, 'and a (tiny) gradient still gets back');
  await typeInto(page, 'saturation', -89);
  s = await values(page, 'saturation');
  assert.equal(s.p, 0, 'e^89 overflows float32: σ(−89) = 0');
  assert.equal(s.bce, 100, 'the loss jumps up to the clamp, above the true 89');
  assert.equal(s.gBce, 0);
  await typeInto(page, 'saturation', -95);
  s = await values(page, 'saturation');
  assert.equal(s.bce, 100, 'log clamped at −100');
  assert.equal(await suite.taskDone(page, 'cap'), false, 'cap not done at −95 (100 is above the true 95)');
  await typeInto(page, 'saturation', -110);
  s = await values(page, 'saturation');
  assert.equal(s.bce, 100);
  assert.equal(s.gBce, 0, 'no gradient through a sigmoid that is exactly 0');
  near(s.logits, 110, 1e-4, 'BCE with logits stays exact');
  await suite.waitTask(page, 'cap');

  // where σ(z) = 1/(1 + e^(−z)) becomes 0 in float32, worked out here with Math.fround: e^(−z)
  // overflows past the largest float32, (2 − 2^−23)·2^127; σ is subnormal (below 2^−126) before
  await checkSaturation(page);

  // race: MSE from the bad start stays stuck at 0 % (the hint says so); BCE escapes in about ten
  // epochs (the success text says so)
  const stuck = await suite.step(page, 'race', 30);
  assert.ok(Number.isFinite(stuck.trainLoss) && Number.isFinite(stuck.testLoss), 'finite loss');
  assert.equal(stuck.testAccuracy, 0, `MSE after 30 epochs: ${stuck.testAccuracy}`);
  assert.equal(await suite.taskDone(page, 'escape'), false, 'escape not done with MSE');
  await suite.setState(page, 'race', { loss: 'bce' });
  const escaped = await suite.step(page, 'race', 12);
  assert.ok(escaped.testAccuracy >= 0.95, `BCE after 12 epochs: ${escaped.testAccuracy}`);
  await suite.waitTask(page, 'escape');

  await suite.screenshot(page, `test-results/lessons/${ID}-en-desktop.png`);
  assert.deepEqual(errors, []);
  await close();
});

for (const lang of ['en', 'ko']) {
  test(`loss lesson (${lang}): phone width${lang === 'ko' ? ', Korean, desktop' : ''}`, async () => {
    const views = lang === 'ko' ? [['desktop', DESKTOP], ['phone', PHONE]] : [['phone', PHONE]];
    for (const [name, viewport] of views) {
      const { page, errors, close } = await opened(lang, viewport);
      const comments = await codeComments(page);
      assert.ok(comments.length >= 10);
      // a comment that is only a number (the output a print promises) is the same in both languages
      const numeric = (line) => /(#|\/\/) [-+\d.,e\s]+$/i.test(line);
      for (const [line, korean] of comments) if (!numeric(line)) assert.equal(korean, lang === 'ko', `${lang} code comment: ${line}`);
      const detail = await suite.step(page, 'race', 10);
      assert.ok(Number.isFinite(detail.trainLoss));
      await trainDouble(page);
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
