// Lesson 4 (weight initialisation): loads in both languages without errors, formulas render,
// the zeros playground really is stuck and symmetric, the depth widget shows the shapes the text
// claims (vanishing, exploding, steady), every task is not done on load and done after doing it,
// screenshots at desktop and phone width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, codeComments, formulas, lessonSuite, sideways } from './lessons-harness.mjs';

const suite = lessonSuite();
const shot = (page, lang, kind) => suite.screenshot(page, `test-results/lessons/init-${lang}-${kind}.png`);

const depth = (page, id = 'depth') => page.evaluate((w) => {
  const r = window.layerwiseLesson.widgets[w].result;
  return r && { activation: r.activation, init: r.init, actStd: r.actStd, gradStd: r.gradStd, flat: r.flat };
}, id);
// Picks in a depth widget's menus, as a reader does, and waits for the new pass.
async function choose(page, activation, init, id = 'depth') {
  await page.selectOption(`figure[data-widget=${id}] select[data-role=activation]`, activation);
  await page.selectOption(`figure[data-widget=${id}] select[data-role=init]`, init);
  await page.waitForFunction(([w, a, i]) => {
    const r = window.layerwiseLesson.widgets[w].result;
    return r && r.activation === a && r.init === i;
  }, [id, activation, init]);
  return depth(page, id);
}
const last = (a) => a[a.length - 1];

async function checkPage(page, errors) {
  assert.deepEqual(errors, []);
  const math = await formulas(page);
  assert.ok(math.rendered > 10, `formulas rendered: ${math.rendered}`);
  assert.equal(math.broken, 0);
}

test('init (en): zeros stay symmetric, the depth widget shows vanishing/exploding/steady, every task', async () => {
  const { page, errors, close } = await suite.open('init', 'en');
  await checkPage(page, errors);
  for (const t of ['symmetry', 'vanish', 'relu-steady']) assert.equal(await suite.taskDone(page, t), false, t);

  // zeros: the loss does not move from ln 2 and the hidden neurons are all the same picture
  const stuck = await suite.step(page, 'zeros', 30);
  assert.ok(Number.isFinite(stuck.trainLoss));
  assert.ok(Math.abs(stuck.trainLoss - Math.log(2)) < 0.01, `loss ${stuck.trainLoss} near ln 2`);
  assert.ok(stuck.testAccuracy < 0.6);
  const same = await page.evaluate(async () => {
    const snap = await window.layerwiseLesson.widgets.zeros.element.snapshot({ neurons: true });
    return snap.neurons.filter((n) => n.type === 'tanh').map((n) => {
      const size = n.data.length / n.width;
      const first = Array.from(n.data.subarray(0, size));
      return Array.from({ length: n.width }, (_, j) => n.data.subarray(j * size, (j + 1) * size).every((v, k) => v === first[k])).every(Boolean);
    });
  });
  assert.deepEqual(same, [true, true]);
  assert.equal(await suite.taskDone(page, 'symmetry'), false);
  // a fixed learning rate does not help: still zeros
  await suite.setState(page, 'zeros', { lr: 1 });
  await suite.step(page, 'zeros', 20);
  assert.equal(await suite.taskDone(page, 'symmetry'), false);
  await suite.setState(page, 'zeros', { init: 'xavier_uniform', lr: 0.1 });
  const trained = await suite.step(page, 'zeros', 60);
  assert.ok(trained.testAccuracy >= 0.95, `xavier reaches ${trained.testAccuracy}`);
  await suite.waitTask(page, 'symmetry');

  // the depth widget, preset tanh + Xavier: roughly level (the text says about a third)
  await page.waitForFunction(() => window.layerwiseLesson.widgets.depth.result);
  let r = await depth(page);
  assert.equal(r.activation, 'tanh');
  assert.equal(r.actStd.length, 10);
  let ratio = last(r.actStd) / r.actStd[0];
  assert.ok(ratio > 0.3 && ratio < 3, `xavier+tanh last/first ${ratio}`);
  const gradRatio = r.gradStd[0] / last(r.gradStd);
  assert.ok(gradRatio > 0.1 && gradRatio < 10, `xavier+tanh gradient ratio ${gradRatio}`);

  // gain 5/3 keeps tanh outputs level
  r = await choose(page, 'tanh', 'xavier_tanh');
  ratio = last(r.actStd) / r.actStd[0];
  assert.ok(ratio > 0.7 && ratio < 1.4, `xavier gain 5/3 ratio ${ratio}`);

  // std 1 with tanh: nearly 9 units in 10 saturated, gradients grow more than 10,000× towards
  // the input — not "vanishing"
  r = await choose(page, 'tanh', 'large');
  assert.ok(r.flat.every((s) => s > 0.8 && s < 0.95), `saturated shares ${r.flat}`);
  assert.ok(r.gradStd[0] > 1e4 * last(r.gradStd), `tanh std 1 gradient growth ${r.gradStd[0] / last(r.gradStd)}`);
  assert.equal(await suite.taskDone(page, 'vanish'), false);
  // zeros: everything exactly 0, which is not the task's "vanishing"
  r = await choose(page, 'tanh', 'zeros');
  assert.ok(r.actStd.every((v) => v === 0) && r.gradStd.every((v) => v === 0));
  assert.equal(await suite.taskDone(page, 'vanish'), false);
  // std 0.01: the outputs shrink by about sqrt(256)·0.01 = 0.16 per layer, gradients vanish
  r = await choose(page, 'tanh', 'small');
  ratio = last(r.actStd) / r.actStd[0];
  assert.ok(ratio < 0.01, `small: ${ratio}`);
  const perLayer = (r.actStd[4] / r.actStd[3]);
  assert.ok(Math.abs(perLayer - Math.sqrt(256) * 0.01) < 0.03, `per-layer factor ${perLayer}`);
  assert.ok(r.gradStd[0] > 0 && r.gradStd[0] < 1e-7 * last(r.gradStd), 'more than ten million times smaller');
  await suite.waitTask(page, 'vanish');

  // ReLU + He in the first widget is not the task, which is about the He section's own widget
  r = await choose(page, 'relu', 'he');
  assert.ok(last(r.actStd) / r.actStd[0] > 0.5);
  assert.equal(await suite.taskDone(page, 'relu-steady'), false);

  // the He section's widget, preset ReLU + Xavier: loses about √2 per layer (not done)
  r = await depth(page, 'depth-relu');
  assert.equal(r.activation, 'relu');
  assert.equal(r.init, 'xavier');
  ratio = last(r.actStd) / r.actStd[0];
  assert.ok(ratio < 0.1, `xavier+relu ${ratio} (2^-4.5 ≈ 0.044)`);
  assert.ok(Math.abs(r.actStd[5] / r.actStd[4] - Math.SQRT1_2) < 0.1, 'about 1/√2 per layer');
  assert.equal(await suite.taskDone(page, 'relu-steady'), false);
  r = await choose(page, 'relu', 'large', 'depth-relu');
  assert.ok(last(r.actStd) / r.actStd[0] > 1e3, 'std 1 + ReLU explodes');
  assert.ok(r.gradStd[0] > 1e9 * last(r.gradStd), 'billions of times at layer 1');
  const growth = r.actStd[5] / r.actStd[4];
  assert.ok(Math.abs(growth - Math.sqrt(256 / 2)) < 3, `about 11× per layer: ${growth}`);
  assert.equal(await suite.taskDone(page, 'relu-steady'), false);
  // tanh's gain with ReLU overshoots; He with tanh is not ReLU
  r = await choose(page, 'relu', 'xavier_tanh', 'depth-relu');
  assert.ok(last(r.actStd) / r.actStd[0] > 2, 'gain 5/3 with ReLU grows');
  r = await choose(page, 'tanh', 'he', 'depth-relu');
  assert.equal(await suite.taskDone(page, 'relu-steady'), false);
  r = await choose(page, 'relu', 'he', 'depth-relu');
  ratio = last(r.actStd) / r.actStd[0];
  assert.ok(ratio >= 0.5 && ratio <= 2, `he+relu ${ratio}`);
  await suite.waitTask(page, 'relu-steady');

  // the Xavier bound of the text, against the engine's weights: a = sqrt(6/512), std a/sqrt(3)
  const w = await page.evaluate(async () => {
    const { getEngine } = await import('./widgets/common.js');
    const { depthSpec } = await import('./widgets/init-depth.js');
    const lw = await getEngine();
    const model = lw.Model.fromSpec(depthSpec('tanh', 'xavier', 3));
    const data = model.parameters().find((p) => p.name === '2.weight').data;
    model.dispose();
    const mean = data.reduce((s, v) => s + v, 0) / data.length;
    const std = Math.sqrt(data.reduce((s, v) => s + (v - mean) ** 2, 0) / data.length);
    return { max: Math.max(...data.map(Math.abs)), std };
  });
  const a = Math.sqrt(6 / (256 + 256));
  assert.ok(w.max <= a && w.max > 0.99 * a, `max |w| ${w.max} vs a ${a}`);
  assert.ok(Math.abs(w.std - 1 / 16) < 0.002, `std ${w.std} vs 0.0625`);

  // the reseed button draws new weights and keeps the result sensible
  await page.click('figure[data-widget=depth] button[data-role=reseed]');
  await page.waitForFunction(() => window.layerwiseLesson.widgets.depth.result.seed === 2);
  assert.deepEqual(errors, []);
  await shot(page, 'en', 'desktop');
  await close();
});

test('init (ko): Korean page, widgets train and measure, screenshots', async () => {
  const { page, errors, close } = await suite.open('init', 'ko');
  await checkPage(page, errors);
  const d = await suite.step(page, 'zeros', 10);
  assert.ok(Number.isFinite(d.trainLoss));
  await page.waitForFunction(() => window.layerwiseLesson.widgets.depth.result);
  const summary = await page.textContent('figure[data-widget=depth] .summary');
  assert.match(summary, /층/);
  // every code comment in Korean, and back in English after the language switch
  const ko = await codeComments(page);
  assert.ok(ko.length >= 10);
  // (a comment that only shows what a line prints, `# True` or `# 0.25`, is the same in both)
  const printed = (line) => /(^|\s)(#|\/\/) (True|False|true|false|tensor\(|[-\d.,[\]\s]+$)/.test(line);
  for (const [line, korean] of ko) assert.ok(korean || printed(line), `untranslated: ${line}`);
  await page.click('button[data-lang=en]');
  for (const [line, korean] of await codeComments(page)) assert.ok(!korean || printed(line), `Korean on the English page: ${line}`);
  assert.deepEqual(errors, []);
  await shot(page, 'ko', 'desktop');
  await close();
});

for (const lang of ['en', 'ko']) {
  test(`init (${lang}, phone): no sideways scrolling`, async () => {
    const { page, errors, close } = await suite.open('init', lang, { viewport: PHONE });
    await suite.step(page, 'zeros', 10);
    await page.waitForFunction(() => window.layerwiseLesson.widgets.depth.result);
    const overflow = await sideways(page);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
    assert.deepEqual(errors, []);
    await shot(page, lang, 'phone');
    await close();
  });
}

test('init: three starts on real pictures — the spreads the text claims, and the rescue task done only by a setting that rescues the default', async () => {
  const { page, errors, close } = await suite.open('init', 'en');
  const fig = 'figure[data-widget=fashion]';
  await page.locator(fig).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.layerwiseLesson.widgets.fashion.load());
  const r0 = await page.evaluate(() => window.layerwiseLesson.widgets.fashion.result);
  // He keeps the hidden layers' spread; Xavier shrinks it by layer 3; the default (weights'
  // variance 1/(3 n_in), a sixth of He's 2/n_in) falls by about 1/√6 a layer, below a fifth of He's by layer 3
  const { xavier, he, default: def } = r0.spread;
  assert.ok(Math.max(...he.slice(0, 3)) / Math.min(...he.slice(0, 3)) < 1.6, `He: ${he}`);
  assert.ok(xavier[2] < he[2] && def[2] < xavier[2], `layer 3: ${def[2]} < ${xavier[2]} < ${he[2]}`);
  assert.ok(def[2] / he[2] < 0.2, `default/He at layer 3: ${def[2] / he[2]}`);
  assert.equal(await suite.taskDone(page, 'rescue'), false);
  // plain SGD, one epoch, as preset: the default start does not get below 1.0
  await page.locator(`${fig} button`, { hasText: 'Train the three' }).click();
  await page.waitForFunction(() => window.layerwiseLesson.widgets.fashion.result.finished, null, { timeout: 120_000 });
  const sgd = await page.evaluate(() => window.layerwiseLesson.widgets.fashion.result);
  assert.ok(sgd.loss.default.at(-1) > 1, `SGD default: ${sgd.loss.default.at(-1)}`);
  assert.ok(sgd.loss.he.at(-1) < sgd.loss.default.at(-1), 'He learns faster than the default under SGD');
  assert.equal(await suite.taskDone(page, 'rescue'), false);
  // Adam, chosen in the widget's menu, rescues it
  await page.locator(`${fig} select`).first().selectOption('adam');
  await page.locator(`${fig} button`, { hasText: 'Train the three' }).click();
  await suite.waitTask(page, 'rescue', 120_000);
  assert.deepEqual(errors, []);
  await close();
});
