// Lesson 6 (optimisers): loads in both languages, formulas render, both widgets run (the
// surface paths and the four-optimiser race), the numbers the text states hold, every task
// stays open until it is really done and then passes, screenshots at desktop and phone widths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP, PHONE, formulas, lessonSuite, sideways } from './lessons-harness.mjs';

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
  for (const task of ['valley', 'saddle', 'beat-adam', 'banana']) assert.equal(await suite.taskDone(page, task), false, `${task} open after load`);
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

test('ko: loads in Korean, widgets speak Korean, a language switch keeps the race', async () => {
  const { page, errors, close } = await suite.open(ID, 'ko');
  await checkPage(page, errors);
  const status = page.locator('[data-widget="race"] [role="status"]');
  assert.match(await status.textContent(), /에포크/);
  await suite.screenshot(page, shot('ko', 'desktop'));
  await page.locator('.lang-switch button[data-lang="en"]').click();
  assert.match(await status.textContent(), /epochs/);
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
