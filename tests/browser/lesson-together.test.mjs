// Lesson 7 (putting it together): loads in both languages without errors, formulas render; each
// troubleshooting playground really shows its problem after "Reproduce" (loss NaN, loss flat at
// ln 2, a ReLU layer entirely dead, test loss far above training loss) and its fix button really
// fixes it; every task is not done on load nor after the button's fix, and done after the
// learner's own fix; screenshots at desktop and phone width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, formulas, lessonSuite, sideways } from './lessons-harness.mjs';

const suite = lessonSuite();
const WIDGETS = ['nan', 'flat', 'dead', 'overfit', 'spiral'];
const shot = (page, lang, kind) => suite.screenshot(page, `test-results/lessons/together-${lang}-${kind}.png`);

const click = (page, widget, role) => page.click(`figure[data-widget=${widget}] button[data-role=${role}]`);
/** Clicks a trouble widget's button and waits until its new network is built. */
async function press(page, widget, role) {
  await click(page, widget, role);
  // the buttons start playing; the test trains by step() alone, so that what it sees does not
  // depend on how many epochs the machine played meanwhile
  await page.evaluate(async (w) => {
    await window.layerwiseLesson.widgets[w].settled;
    window.layerwiseLesson.widgets[w].element.pause();
  }, widget);
}
/** Like the playground's reset button. */
const reset = (page, widget) => page.evaluate((w) => window.layerwiseLesson.widgets[w].element.reset(), widget);
const stats = (page, widget) => page.evaluate(async (w) => (await window.layerwiseLesson.widgets[w].element.snapshot({ stats: true })).stats, widget);
const notDone = async (page, task) => assert.equal(await suite.taskDone(page, task), false, `task ${task} done too early`);

async function checkPage(page, errors) {
  assert.deepEqual(errors, []);
  const math = await formulas(page);
  assert.ok(math.rendered > 5, `formulas rendered: ${math.rendered}`);
  assert.equal(math.broken, 0);
  for (const t of ['nan', 'flat', 'dead', 'overfit', 'spiral']) await notDone(page, t);
}

test('together: the loop ends in a logit with BCE with logits, in both languages; the recap\'s numbers', async () => {
  const { page, errors, close } = await suite.open('together', 'en');
  const { code, recap } = await page.evaluate(() => import('./content/together.js').then(({ default: lesson }) => ({
    code: lesson.sections.find((s) => s.id === 'loop').blocks.find((b) => b.code).code,
    recap: lesson.recap,
  })));
  for (const lang of ['en', 'ko']) {
    const torch = code.torch[lang];
    const js = code.js[lang];
    assert.ok(torch.includes('nn.BCEWithLogitsLoss()') && !torch.includes('nn.Sigmoid()') && !torch.includes('nn.BCELoss'), `${lang}: PyTorch on logits`);
    assert.ok(torch.includes('torch.sigmoid(model(x_test))'), `${lang}: a sigmoid only to report probabilities`);
    assert.ok(js.startsWith("import { loadLayerwise } from 'layerwise';\n"), `${lang}: the JS imports what it calls`);
    assert.ok(js.includes('lw.loss.BCEWithLogits()') && !js.includes("'sigmoid'") && !js.includes('loss.BCE()'), `${lang}: JS on logits`);
  }
  // stuck on C balanced classes, the loss is ln C
  const three = recap.find((q) => q.id === 'stuck-three');
  assert.ok(three.choices[three.answer].en.includes(Math.log(3).toFixed(3)));
  assert.equal(Math.log(2).toFixed(3), '0.693');
  assert.deepEqual(errors, []);
  await close();
});

test('together (en): each problem reproduces, each fix fixes, each task needs the learner\'s own fix', async () => {
  const { page, errors, close } = await suite.open('together', 'en');
  await checkPage(page, errors);

  // NaN: SGD at lr 1 on regression diverges within a few epochs
  let d = await suite.step(page, 'nan', 5);
  assert.ok(!Number.isFinite(d.trainLoss), `diverged: ${d.trainLoss}`);
  await notDone(page, 'nan');
  await press(page, 'nan', 'fix');
  d = await suite.step(page, 'nan', 40);
  assert.ok(Number.isFinite(d.trainLoss) && d.trainLoss < 0.05, `fixed: ${d.trainLoss}`);
  assert.equal((await page.evaluate(() => window.layerwiseLesson.widgets.nan.element.state.lr)), 0.03);
  await notDone(page, 'nan'); // the button's lr 0.03 is not the task's
  // an easy classification dataset at lr 0.3 reaches a tiny loss too, but is not the task
  await suite.setState(page, 'nan', { dataset: 'gauss', lr: 0.3 });
  await reset(page, 'nan');
  d = await suite.step(page, 'nan', 30);
  assert.ok(d.trainLoss < 0.01, `gauss: ${d.trainLoss}`);
  await notDone(page, 'nan');
  await press(page, 'nan', 'reproduce');
  await suite.setState(page, 'nan', { lr: 0.3 });
  await reset(page, 'nan');
  d = await suite.step(page, 'nan', 30);
  assert.ok(d.trainLoss < 0.01, `lr 0.3: ${d.trainLoss}`);
  await suite.waitTask(page, 'nan');

  // flat: five sigmoid layers with SGD stay at ln 2
  // the text: the gradient range shrinks to a few millionths at the first layer, hundreds to
  // thousands of times less than at the output
  const gradientRanges = async () => (await stats(page, 'flat')).filter((s) => s.type === 'linear')
    .map((s) => Math.max(Math.abs(s.weightGrads.min), Math.abs(s.weightGrads.max)));
  const vanished = (g, when) => assert.ok(g[0] < 1e-5 && g.at(-1) / g[0] >= 100, `${when}: first layer ${g[0]}, output ${g.at(-1)}`);
  const first = await suite.step(page, 'flat', 1);
  vanished(await gradientRanges(), 'after one epoch');
  d = await suite.step(page, 'flat', 40);
  vanished(await gradientRanges(), 'after 41 epochs');
  assert.ok(Math.abs(d.trainLoss - Math.log(2)) < 0.01 && Math.abs(d.trainLoss - first.trainLoss) < 0.005, `flat: ${first.trainLoss} → ${d.trainLoss}`);
  assert.ok(d.testAccuracy < 0.6);
  await notDone(page, 'flat');
  await press(page, 'flat', 'fix');
  d = await suite.step(page, 'flat', 40);
  assert.ok(d.testAccuracy >= 0.95, `tanh fixes it: ${d.testAccuracy}`);
  await notDone(page, 'flat'); // tanh is the button's fix, not the task's
  await press(page, 'flat', 'reproduce');
  await suite.setState(page, 'flat', { optimizer: 'adam' });
  d = await suite.step(page, 'flat', 40);
  assert.ok(d.testAccuracy >= 0.95, `adam with sigmoids: ${d.testAccuracy}`);
  await suite.waitTask(page, 'flat');

  // dead ReLUs: Adam at lr 1 kills a whole layer
  d = await suite.step(page, 'dead', 30);
  assert.ok(d.testAccuracy < 0.65, `stuck: ${d.testAccuracy}`);
  let layers = (await stats(page, 'dead')).filter((s) => s.type === 'relu');
  assert.equal(layers[1].dead, 1, `the second hidden layer all dead, as the text says: ${layers.map((s) => s.dead)}`);
  // lowering the rate without fresh weights does not revive them
  await suite.setState(page, 'dead', { lr: 0.1 });
  d = await suite.step(page, 'dead', 20);
  assert.ok(d.testAccuracy < 0.65, `still dead: ${d.testAccuracy}`);
  await notDone(page, 'dead');
  await press(page, 'dead', 'fix');
  d = await suite.step(page, 'dead', 40);
  assert.ok(d.testAccuracy >= 0.95, `fixed: ${d.testAccuracy}`);
  layers = (await stats(page, 'dead')).filter((s) => s.type === 'relu');
  assert.ok(layers.every((s) => s.dead < 0.5), `alive: ${layers.map((s) => s.dead)}`);
  await notDone(page, 'dead');
  // SGD at 0.1 is an ordinary rate for SGD: it reaches 95 % but dodges the question
  await press(page, 'dead', 'reproduce');
  await suite.setState(page, 'dead', { optimizer: 'sgd', lr: 0.1 });
  await reset(page, 'dead');
  d = await suite.step(page, 'dead', 60);
  assert.ok(d.testAccuracy >= 0.95, `sgd 0.1: ${d.testAccuracy}`);
  await notDone(page, 'dead');
  await press(page, 'dead', 'reproduce');
  await suite.setState(page, 'dead', { lr: 0.1 });
  await reset(page, 'dead');
  d = await suite.step(page, 'dead', 40);
  await suite.waitTask(page, 'dead');

  // overfitting: training loss → 0, test loss far above it
  d = await suite.step(page, 'overfit', 200);
  assert.ok(d.trainLoss < 0.01 && d.testLoss > 0.5 && d.testLoss > 10 * d.trainLoss, `overfit: ${d.trainLoss} vs ${d.testLoss}`);
  assert.equal(d.trainAccuracy, 1);
  await notDone(page, 'overfit');
  await press(page, 'overfit', 'fix');
  d = await suite.step(page, 'overfit', 200);
  assert.ok(d.testLoss < 0.3, `L2 fixes it: ${d.testLoss}`);
  await notDone(page, 'overfit');
  await press(page, 'overfit', 'reproduce');
  await suite.setState(page, 'overfit', { layers: '8' });
  d = await suite.step(page, 'overfit', 20);
  await notDone(page, 'overfit'); // not 200 epochs yet
  d = await suite.step(page, 'overfit', 190);
  assert.ok(d.testLoss < 0.3, `one layer of 8: ${d.testLoss}`);
  await suite.waitTask(page, 'overfit');

  // your turn: the preset network is too small; a bigger ReLU net with Adam gets there
  d = await suite.step(page, 'spiral', 30);
  assert.ok(Number.isFinite(d.trainLoss) && d.testAccuracy < 0.95);
  await notDone(page, 'spiral');
  await suite.setState(page, 'spiral', { layers: '16,16,16', activation: 'relu', init: 'kaiming_normal', optimizer: 'adam', lr: 0.01 });
  d = await suite.step(page, 'spiral', 80);
  assert.ok(d.testAccuracy >= 0.95, `spiral: ${d.testAccuracy}`);
  await suite.waitTask(page, 'spiral');
  assert.deepEqual(errors, []);
  await shot(page, 'en', 'desktop');
  await close();
});

async function trainAll(page) {
  for (const w of WIDGETS) {
    const d = await suite.step(page, w, 10);
    assert.ok(d.epoch >= 1, `${w} trained`);
  }
}

test('together (ko): Korean page, every playground trains, buttons in Korean', async () => {
  const { page, errors, close } = await suite.open('together', 'ko');
  await checkPage(page, errors);
  await trainAll(page);
  assert.equal((await page.textContent('figure[data-widget=flat] button[data-role=fix]')).trim(), '해결책 적용하기');
  await click(page, 'flat', 'fix');
  await page.waitForFunction(() => window.layerwiseLesson.widgets.flat.element.state.activation[0] === 'tanh');
  assert.match(await page.textContent('figure[data-widget=flat] .which'), /tanh/);
  await suite.step(page, 'flat', 5);
  assert.deepEqual(errors, []);
  await shot(page, 'ko', 'desktop');
  await close();
});

for (const lang of ['en', 'ko']) {
  test(`together (${lang}, phone): no sideways scrolling`, async () => {
    const { page, errors, close } = await suite.open('together', lang, { viewport: PHONE });
    await trainAll(page);
    const overflow = await sideways(page);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
    assert.deepEqual(errors, []);
    await shot(page, lang, 'phone');
    await close();
  });
}
