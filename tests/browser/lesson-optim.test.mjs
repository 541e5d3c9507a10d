// The optimisers lesson: loads in both languages, formulas render, the widgets run (the surface
// paths, the four-optimiser race, the noisy line fit and the batch-size race on Fashion-MNIST),
// the numbers the text and the recap state hold, every task stays open until it is really done
// and then passes, screenshots at desktop and phone widths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, PHONE, formulas, lessonSuite, sideways } from './lessons-harness.mjs';
import { formatReadout } from '../../web/lib/format.js';

const suite = lessonSuite();
const ID = 'optim';
const shot = (lang, kind) => `test-results/lessons/${ID}-${lang}-${kind}.png`;

const surfaceRun = (page, widget, changes) => page.evaluate(([w, c]) => {
  const r = window.layerwiseLesson.widgets[w].set(c);
  return { ...r, paths: Object.fromEntries(Object.entries(r.paths).map(([k, p]) => [k, { ...p, first: p.points[1], points: p.points.length }])) };
}, [widget, changes]);
const raceDone = (page) => page.evaluate(async () => {
  const w = window.layerwiseLesson.widgets.race;
  let r = await w.done;
  while (w.running) r = await w.done;
  return r;
});
const setSlider = (page, widget, log10) => page.evaluate(([w, v]) => {
  const slider = window.layerwiseLesson.widgets[w].root.querySelector('input[type="range"]');
  slider.focus();
  slider.value = String(v);
  slider.dispatchEvent(new Event('input', { bubbles: true }));
}, [widget, log10]);
const selectIn = (page, widget, index, value) => page.evaluate(([w, i, v]) => {
  const select = window.layerwiseLesson.widgets[w].root.querySelectorAll('select')[i];
  select.value = String(v);
  select.dispatchEvent(new Event('change', { bubbles: true }));
}, [widget, index, value]);
async function checkPage(page, errors) {
  const k = await formulas(page);
  assert.ok(k.rendered > 10, 'formulas rendered');
  assert.equal(k.broken, 0, 'no KaTeX errors');
  for (const task of ['valley', 'saddle', 'beat-adam', 'banana', 'batch-noise']) assert.equal(await suite.taskDone(page, task), false, `${task} open after load`);
  // the surfaces ran their four paths
  await page.waitForFunction(() => window.layerwiseLesson.widgets.surface.result && window.layerwiseLesson.widgets.banana.result);
  const race = await raceDone(page);
  for (const id of ['sgd', 'momentum', 'rmsprop', 'adam']) {
    assert.ok(Number.isFinite(race.loss[id]) && race.loss[id] < Math.log(2), `${id} trained below the untrained loss ln 2: ${race.loss[id]}`);
  }
  assert.deepEqual(errors, []);
  return race;
}

test('en: widgets run, stated numbers hold, every task opens closed and passes when done', async () => {
  const { page, errors, close } = await suite.open(ID, 'en');
  const race = await checkPage(page, errors);
  // what the race section says about the seed article's learning rates
  assert.deepEqual(race.lr, { sgd: 0.01, momentum: 0.01, rmsprop: 0.001, adam: 0.001 });
  assert.ok(race.loss.momentum < race.loss.adam && race.loss.adam < race.loss.sgd, JSON.stringify(race.loss));
  assert.ok(race.loss.sgd > 0.6, 'SGD at 0.01 barely moves from ln 2 ≈ 0.693');

  // the valley: the first SGD step is θ − η·g; Adam's first step is η·sign(g) (bias correction: m̂₁ = g₁, v̂₁ = g₁²)
  const [x, y] = [-1.5, -0.5];
  const u = (x + y) / Math.SQRT2;
  const v = (x - y) / Math.SQRT2;
  const g = [(u + 25 * v) / Math.SQRT2, (u - 25 * v) / Math.SQRT2];
  let r = await surfaceRun(page, 'surface', { lr: 0.01 });
  assert.deepEqual(r.start, [x, y]);
  r.paths.sgd.first.forEach((c, i) => assert.ok(Math.abs(c - ([x, y][i] - 0.01 * g[i])) < 1e-5, `SGD step ${c}`));
  r.paths.adam.first.forEach((c, i) => assert.ok(Math.abs(c - ([x, y][i] - 0.01 * Math.sign(g[i]))) < 1e-5, `Adam step ${c}`));
  assert.equal(r.paths.sgd.hit, null, 'SGD at 0.01 does not arrive in 200 steps');
  assert.ok(r.paths.momentum.hit !== null, 'momentum arrives at 0.01');
  // SGD's limit on the valley is 2/25 = 0.08
  assert.equal((await surfaceRun(page, 'surface', { lr: 0.079 })).paths.sgd.diverged, false);
  assert.equal((await surfaceRun(page, 'surface', { lr: 0.081 })).paths.sgd.diverged, true);
  assert.equal(await suite.taskDone(page, 'valley'), false, 'exploding SGD does not count');
  // a start 1 away across the valley (on the line y = −x) is a shortcut: SGD arrives at the preset rate
  r = await surfaceRun(page, 'surface', { lr: 0.01, start: [0.71, -0.71] });
  assert.ok(r.paths.sgd.hit !== null && r.paths.sgd.hit < 100, `across the valley SGD arrives: ${r.paths.sgd.hit}`);
  assert.equal(await suite.taskDone(page, 'valley'), false, 'a start across the valley does not count');
  r = await surfaceRun(page, 'surface', { start: [-1.5, -0.5] });
  assert.equal(r.paths.sgd.hit, null);

  // task valley: the slider just below the limit (10^-1.2 ≈ 0.0631)
  await setSlider(page, 'surface', -1.2);
  await suite.waitTask(page, 'valley');
  assert.ok((await page.evaluate(() => window.layerwiseLesson.widgets.surface.result.paths.sgd.hit)) < 100);

  // the note: RMSprop at 0.1 reaches the valley's minimum, then rattles away from it; Adam stays
  r = await surfaceRun(page, 'surface', { lr: 0.1, steps: 1000 });
  assert.ok(r.paths.rmsprop.hit !== null && r.paths.rmsprop.left, 'RMSprop did not stay');
  assert.ok(r.paths.adam.hit !== null && !r.paths.adam.left, 'Adam settles');

  // task saddle: on the ridge nothing escapes; Shift+↑ moves the start 0.01 off it
  await selectIn(page, 'surface', 0, 'saddle');
  r = await page.evaluate(() => window.layerwiseLesson.widgets.surface.result);
  assert.deepEqual([r.surface, r.lr, r.steps, r.start], ['saddle', 0.05, 50, [-1.5, 0]]);
  assert.ok(Object.values(r.paths).every((p) => p.f > -0.05), 'on the ridge every path stays near the saddle');
  assert.equal(await suite.taskDone(page, 'saddle'), false);
  await page.locator('[data-widget="surface"] canvas').focus();
  await page.keyboard.press('Shift+ArrowUp');
  await suite.waitTask(page, 'saddle');
  r = await page.evaluate(() => window.layerwiseLesson.widgets.surface.result);
  assert.equal(r.start[1], 0.01);
  assert.ok(r.paths.sgd.f > -0.05 && r.paths.momentum.f < -0.2 && r.paths.adam.f < -0.2);

  // the banana: at 0.01 both SGDs blow up and Adam keeps going; at 0.1 with 2000 steps Adam arrives, the SGDs still blow up
  r = await page.evaluate(() => window.layerwiseLesson.widgets.banana.result);
  assert.deepEqual([r.lr, r.steps, r.start], [0.01, 1000, [-1.5, 2]]);
  assert.ok(r.paths.sgd.diverged && r.paths.momentum.diverged && !r.paths.adam.diverged);
  await selectIn(page, 'banana', 1, 2000);
  await setSlider(page, 'banana', -1);
  r = await page.evaluate(() => window.layerwiseLesson.widgets.banana.result);
  assert.ok(r.paths.adam.hit !== null && r.paths.sgd.diverged && r.paths.momentum.diverged, 'wide-range Adam');
  assert.equal(await suite.taskDone(page, 'banana'), false, 'Adam arriving does not count');
  // task banana: 0.002 and 1000 steps: momentum arrives, Adam moves at most about 1000 × 0.002
  await selectIn(page, 'banana', 1, 1000);
  await setSlider(page, 'banana', -2.7);
  await suite.waitTask(page, 'banana');
  r = await page.evaluate(() => window.layerwiseLesson.widgets.banana.result);
  assert.equal(r.lr, 0.002);
  const [ax, ay] = r.paths.adam.points.at(-1);
  assert.ok(Math.hypot(ax + 1.5, ay - 2) < 1000 * 0.002 * 1.5, 'Adam moved about n·η at most');

  // task beat-adam: SGD at 0.03 still loses; at 0.3 it beats Adam's default
  const sgdLr = page.locator('[data-widget="race"] input[type="number"]').first();
  await sgdLr.fill('0.03');
  await sgdLr.press('Enter');
  let result = await raceDone(page);
  assert.equal(result.lr.sgd, 0.03);
  assert.ok(result.loss.sgd > result.loss.adam);
  assert.equal(await suite.taskDone(page, 'beat-adam'), false);
  await sgdLr.fill('0.3');
  await sgdLr.press('Tab');
  result = await raceDone(page);
  assert.ok(result.loss.sgd < result.loss.adam, JSON.stringify(result.loss));
  await suite.waitTask(page, 'beat-adam');

  await suite.screenshot(page, shot('en', 'desktop'));
  assert.deepEqual(errors, []);
  await close();
});

/** Path length of a list of points: a wobbling path is long for the ground it covers. */
const pathLength = (points) => points.slice(1).reduce((sum, p, i) => sum + Math.hypot(p[0] - points[i][0], p[1] - points[i][1]), 0);

test('en: SGD\'s noise on the line fit shrinks like 1/√B; the recap\'s numbers', async () => {
  const { page, errors, close } = await suite.open(ID, 'en');
  await page.waitForFunction(() => window.layerwiseLesson.widgets.noisy.result);
  // the data the surface is made of, and its gradients worked out here: ∇ of mean (w·x + b − y)²
  const data = await page.evaluate(() => import('../lessons/widgets/optim-surface.js').then((m) => m.FIT_DATA));
  const N = data.length;
  assert.equal(N, 64);
  const perPoint = ([w, b]) => data.map(([x, y]) => [2 * (w * x + b - y) * x, 2 * (w * x + b - y)]);
  const mean = (gs) => [gs.reduce((a, g) => a + g[0], 0) / gs.length, gs.reduce((a, g) => a + g[1], 0) / gs.length];
  const start = [-1.5, 1.5];
  const full = mean(perPoint(start));
  // σ²: how far one point's gradient is from the full gradient, on average (squared)
  const sigma2 = perPoint(start).reduce((a, g) => a + (g[0] - full[0]) ** 2 + (g[1] - full[1]) ** 2, 0) / N;

  let r = await page.evaluate(() => window.layerwiseLesson.widgets.noisy.result);
  assert.deepEqual([r.surface, r.lr, r.steps, r.batch, r.start], ['fit', 0.1, 200, 1, start]);
  // the minimum marked is the least-squares line, worked out here from the normal equations
  const [sx, sy, sxx, sxy] = data.reduce((a, [x, y]) => [a[0] + x, a[1] + y, a[2] + x * x, a[3] + x * y], [0, 0, 0, 0]);
  const slope = (N * sxy - sx * sy) / (N * sxx - sx * sx);
  const paths = {};
  const said = {};
  for (const batch of [1, 4, 16, 64]) {
    r = await page.evaluate((b) => window.layerwiseLesson.widgets.noisy.set({ batch: b }), batch);
    paths[batch] = r.paths;
    said[batch] = await page.locator('[data-widget="noisy"] .noise').textContent();
  }
  // full batch: the exact gradient, so SGD's first step is −η·∇f and nothing is noise
  paths[64].sgd.points[1].forEach((c, i) => assert.ok(Math.abs(c - (start[i] - 0.1 * full[i])) < 1e-5, `full-batch step ${c}`));
  assert.equal(paths[64].sgd.noise, 0);
  const [mw, mb] = paths[64].sgd.points.at(-1);
  assert.ok(Math.hypot(mw - slope, mb - (sy - slope * sx) / N) < 0.05, 'the full batch ends at the least-squares line');
  // batch 1 wobbles: its path is several times longer than the smooth full-batch one
  assert.ok(pathLength(paths[1].sgd.points) > 3 * pathLength(paths[64].sgd.points), 'batch 1 wobbles');
  // the text: along SGD's path, roughly half as far at 4 as at 1, and roughly half again at 16
  for (const [a, b] of [[1, 4], [4, 16]]) {
    const ratio = paths[a].sgd.noise / paths[b].sgd.noise;
    assert.ok(ratio > 1.6 && ratio < 2.7, `noise ${a} → ${b}: ÷${ratio}`);
  }
  // the line under the paths reports SGD's noise as measured
  assert.ok(said[16].startsWith('Batches of 16:') && said[16].includes(`by ${formatReadout(paths[16].sgd.noise, 3)} `), said[16]);
  assert.equal(said[64], 'Full batch: every step takes the exact gradient.');
  // momentum at this learning rate: batch 1 flies off the map, the full batch arrives
  assert.ok(paths[1].momentum.points.some(([w, b]) => Math.max(Math.abs(w), Math.abs(b)) > 2), 'momentum leaves the map at batch 1');
  assert.ok(paths[64].momentum.hit !== null, 'momentum arrives at the full batch');

  // the spread of many mini-batch gradients at the start against σ/√B · √((N − B)/(N − 1)):
  // SGD's first step from each of many shuffles gives one batch gradient (start − p₁)/η
  const K = 400;
  const spread = {};
  for (const B of [1, 4, 16]) {
    const firsts = await page.evaluate(([b, k]) => {
      const w = window.layerwiseLesson.widgets.noisy;
      w.set({ batch: b, steps: 50 });
      return Array.from({ length: k }, (_, s) => w.set({ seed: 100 + s }).paths.sgd.points[1]);
    }, [B, K]);
    const gaps = firsts.map((p) => [(start[0] - p[0]) / 0.1 - full[0], (start[1] - p[1]) / 0.1 - full[1]]);
    spread[B] = Math.sqrt(gaps.reduce((a, g) => a + g[0] ** 2 + g[1] ** 2, 0) / K);
    const expected = Math.sqrt(sigma2 / B * (N - B) / (N - 1));
    assert.ok(Math.abs(spread[B] / expected - 1) < 0.15, `B = ${B}: spread ${spread[B]}, expected ${expected}`);
  }
  // and the ratios against √B (with the same finite-set factor)
  for (const B of [4, 16]) {
    const want = Math.sqrt(B) * Math.sqrt((N - 1) / (N - B));
    assert.ok(Math.abs(spread[1] / spread[B] / want - 1) < 0.15, `spread 1 ÷ spread ${B} = ${spread[1] / spread[B]}, √B·√((N−1)/(N−B)) = ${want}`);
  }

  // the recap: each answer worked out here
  const recap = await page.evaluate(() => import('./content/optim.js').then(({ default: lesson }) => lesson.recap));
  const q = Object.fromEntries(recap.map((x) => [x.id, x]));
  const right = (id) => q[id].choices[q[id].answer].en;
  // spread: 2/√100 with the finite-set factor for a million examples
  const factor = Math.sqrt((1e6 - 100) / (1e6 - 1));
  assert.match(right('spread'), new RegExp(`About ${(2 / Math.sqrt(100) * factor).toFixed(1)}$`));
  assert.ok(q.spread.why.en.includes(factor.toFixed(5)));
  // valley: 1 − 25·0.1 = −1.5, past −1: the widget's SGD diverges at 0.1
  assert.ok(1 - 25 * 0.1 < -1 && right('valley').startsWith('It diverges'));
  assert.equal((await surfaceRun(page, 'surface', { lr: 0.1 })).paths.sgd.diverged, true);
  // momentum and Adam, stepped by the engine on a constant gradient
  const steps = await page.evaluate(async () => {
    const { loadLayerwise } = await import('../engine/layerwise.mjs');
    const lw = await loadLayerwise();
    const p = new Float32Array([0]);
    const momentum = lw.optim.SGD([p], { lr: 0.01, momentum: 0.9 });
    for (let t = 0; t < 300; ++t) momentum.step([[1]]);
    const before = p[0];
    momentum.step([[1]]);
    const q = new Float32Array([0]);
    const adam = lw.optim.Adam([q], { lr: 0.001 });
    for (let t = 0; t < 1000; ++t) adam.step([[-1000]]); // a bias far below its target: a large gradient
    momentum.dispose();
    adam.dispose();
    return { momentum: (before - p[0]) / 0.01, adam: q[0] };
  });
  assert.ok(Math.abs(steps.momentum - 1 / (1 - 0.9)) < 0.01, `momentum's step ${steps.momentum} ηg`);
  assert.equal(right('momentum'), '$10\\,\\eta g$');
  assert.ok(Math.abs(steps.adam - 1000 * 0.001) < 1e-3, `Adam moved ${steps.adam} in 1,000 steps`);
  assert.equal(right('adam-far'), `About ${(50 / 0.001).toLocaleString('en-US')}`);
  // an epoch of 10,000 pictures: 10,000 updates of 1, 100 of 100
  assert.equal(10000 / 1 / (10000 / 100), 100);
  assert.ok(right('batch-epoch').startsWith('Batch 1 made 100 times as many updates'));
  assert.deepEqual(errors, []);
  await close();
});

test('en: the batch-size race on Fashion-MNIST, per epoch, per update, per second; its task', async () => {
  const { page, errors, close } = await suite.open(ID, 'en');
  const batch = page.locator('[data-widget="batch"]');
  await batch.scrollIntoViewIfNeeded();
  assert.equal(await page.evaluate(() => window.layerwiseLesson.widgets.batch.result), null, 'no race before Race is pressed');
  const raced = () => page.evaluate(async () => {
    const w = window.layerwiseLesson.widgets.batch;
    await new Promise((resolve) => { const off = w.onFinish(() => { off(); resolve(); }); });
    return w.result;
  });
  let finished = raced();
  await batch.locator('[data-role="race"]').click();
  let r = await finished;
  assert.deepEqual([r.lr, r.epochs, r.finished], [0.01, 1, true]);
  // one epoch of 10,000 pictures: 10,000 updates of 1, 1,000 of 10, one of 10,000
  for (const [id, b] of [['b1', 1], ['b10', 10], ['full', 10000]]) {
    const q = r.racers[id];
    assert.deepEqual([q.batch, q.pictures, q.updates, q.diverged], [b, 10000, 10000 / b, false], id);
    // checkpoints: the start, every 500 pictures, and after 1, 2, 5, 10, 20, … updates
    const want = [0];
    for (let u = 1; u <= 10000 / b; ++u) if ((u * b) % 500 === 0 || /^[125]0*$/.test(String(u))) want.push(u);
    assert.deepEqual(q.curve.map((c) => c.updates), want, `${id} checkpoints`);
    assert.ok(q.curve.every((c, i) => c.pictures === c.updates * b && (i === 0 || c.seconds >= q.curve[i - 1].seconds)), `${id}: pictures and seconds`);
    assert.ok(q.seconds > 0 && q.seconds === q.curve.at(-1).seconds, `${id}: ${q.seconds} s`);
  }
  // the same initial weights: the same loss at the start, that of a near-uniform guess (ln 10)
  const starts = Object.values(r.racers).map((q) => q.curve[0].loss);
  assert.ok(starts.every((l) => l === starts[0]) && Math.abs(starts[0] - Math.LN10) < 0.1, `start losses ${starts}`);
  // per epoch at 0.01: batch 1 ahead of batch 10; the full batch has hardly left the start
  assert.ok(r.racers.b1.loss < r.racers.b10.loss, JSON.stringify([r.racers.b1.loss, r.racers.b10.loss]));
  assert.ok(r.racers.full.loss > starts[0] - 0.05, `full batch ${r.racers.full.loss}`);
  // per update: after 1,000 updates batch 10 is ahead of batch 1
  const at = (id, u) => r.racers[id].curve.find((c) => c.updates === u).loss;
  assert.ok(at('b10', 1000) < at('b1', 1000), `at 1,000 updates: ${at('b10', 1000)} vs ${at('b1', 1000)}`);
  // the axes: the update axis is a log scale labelled by counts
  await batch.getByLabel('update', { exact: true }).check();
  assert.deepEqual(await batch.locator('svg.lw-plot text[text-anchor="middle"]').allTextContents(), ['1', '10', '100', '1k', '10k']);
  await batch.getByLabel('second', { exact: true }).check();
  await batch.getByLabel('epoch', { exact: true }).check();
  // the task stays open after a race batch 1 wins; 0.03 (chosen in the menu) makes batch 10 win
  assert.equal(await suite.taskDone(page, 'batch-noise'), false);
  await batch.locator('[data-role="lr"]').selectOption('0.03');
  assert.equal(await page.evaluate(() => window.layerwiseLesson.widgets.batch.result), null, 'a new learning rate clears the race');
  finished = raced();
  await batch.locator('[data-role="race"]').click();
  r = await finished;
  assert.equal(r.lr, 0.03);
  assert.ok(r.racers.b10.loss < r.racers.b1.loss && r.racers.b10.accuracy >= 0.7, JSON.stringify([r.racers.b1.loss, r.racers.b10.loss, r.racers.b10.accuracy]));
  await suite.waitTask(page, 'batch-noise');
  await suite.screenshot(page, shot('en', 'batch'));
  assert.deepEqual(errors, []);
  await close();
});

test('ko: loads in Korean, widgets speak Korean, a language switch keeps the race', async () => {
  const { page, errors, close } = await suite.open(ID, 'ko');
  await checkPage(page, errors);
  const status = page.locator('[data-widget="race"] [role="status"]');
  assert.match(await status.textContent(), /에포크/);
  await suite.screenshot(page, shot('ko', 'desktop'));
  // the noisy line fit and the batch race speak Korean too, and switch with the page
  const noise = page.locator('[data-widget="noisy"] .noise');
  assert.match(await noise.textContent(), /^배치 크기 1: 기본 SGD의 경로에서/);
  assert.match(await page.locator('[data-widget="batch"] [role="status"]').textContent(), /그림/);
  assert.equal(await page.locator('[data-widget="batch"] [data-role="race"]').textContent(), '경주 시작');
  await page.locator('.lang-switch button[data-lang="en"]').click();
  assert.match(await status.textContent(), /epochs/);
  assert.match(await noise.textContent(), /^Batches of 1: along plain SGD's path/);
  assert.equal(await page.locator('[data-widget="batch"] [data-role="race"]').textContent(), 'Race');
  assert.ok(await page.evaluate(() => window.layerwiseLesson.widgets.race.result !== null), 'the finished race stays');
  assert.deepEqual(errors, []);
  await close();
});

for (const lang of ['en', 'ko']) {
  test(`${lang} at phone width: no sideways scrolling`, async () => {
    const { page, errors, close } = await suite.open(ID, lang, { viewport: PHONE });
    await checkPage(page, errors);
    assert.ok(await sideways(page) <= 0, 'no sideways scrolling at 390 px (the code blocks wrap)');
    await suite.screenshot(page, shot(lang, 'phone'));
    // the learner can switch a block's wrapping off (it then scrolls within itself) and on again
    const wrap = page.locator('figure.code-python .wrap').first();
    const scrolls = () => page.$eval('figure.code-python pre', (pre) => pre.scrollWidth > pre.clientWidth);
    assert.equal(await wrap.getAttribute('aria-pressed'), 'true');
    await wrap.click();
    assert.equal(await wrap.getAttribute('aria-pressed'), 'false');
    assert.ok(await scrolls(), 'unwrapped, the longest line scrolls inside its block');
    await wrap.click();
    assert.equal(await wrap.getAttribute('aria-pressed'), 'true');
    assert.ok(!(await scrolls()));
    assert.deepEqual(errors, []);
    await close();
  });
}

// DESKTOP is the harness's default viewport; named here so the file says which widths it covers.
assert.equal(DESKTOP.width, 1280);
