// Lesson 6 (backpropagation by hand): loads in both languages without errors, formulas render,
// fits a phone; every number on the 2-2-1 drawing, and every number of the chain rule written
// out, is the one worked out here from the starting weights with PyTorch's formulas (sigmoid,
// BCE on the logit, the chain rule, SGD); the prediction tasks are done only by numbers typed
// right, never by reveals or wrong answers, phase by phase; the stepper starts open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, codeComments, formulas, lessonSuite, sideways } from './lessons-harness.mjs';

const suite = lessonSuite();
const ID = 'backprop';
const MINUS = /\u2212/g;

// ---- the step by hand, in double precision, from the lesson's starting weights ----
const sigmoid = (z) => 1 / (1 + Math.exp(-z));
function byHand() {
  const [x1, x2, y, lr] = [1, 0.5, 1, 0.5];
  const W = { w11: 0.1, w12: -0.2, w21: 0.4, w22: 0.3, b1: 0.1, b2: -0.1, v1: 0.5, v2: -0.3, c: 0.2 };
  const z1 = W.w11 * x1 + W.w12 * x2 + W.b1;
  const z2 = W.w21 * x1 + W.w22 * x2 + W.b2;
  const [a1, a2] = [sigmoid(z1), sigmoid(z2)];
  const z = W.v1 * a1 + W.v2 * a2 + W.c;
  const p = sigmoid(z);
  const L = -(y * Math.log(p) + (1 - y) * Math.log(1 - p)); // BCE
  const d = p - y; // ∂L/∂z of BCE ∘ sigmoid
  const d1 = a1 * (1 - a1) * W.v1 * d; // σ'(z₁) · ∂z/∂a₁ · δ
  const d2 = a2 * (1 - a2) * W.v2 * d;
  const g = {
    gv1: d * a1, gv2: d * a2, gc: d,
    gw11: d1 * x1, gw12: d1 * x2, gb1: d1, gw21: d2 * x1, gw22: d2 * x2, gb2: d2,
  };
  const updated = Object.fromEntries(Object.keys(W).map((k) => [`n${k}`, W[k] - lr * g[`g${k}`]]));
  return { x1, x2, ...W, z1, z2, a1, a2, z, p, L, d, d1, d2, ...g, ...updated };
}
const HAND = byHand();
// The widget's questions in order, as keys of HAND (the number each asks for).
const ORDER = ['z1', 'a1', 'a2', 'z', 'p', 'L', 'd', 'gv1', 'd1', 'd2', 'gw11', 'nw11'];

const hand = 'figure[data-widget="hand"]';
/** Every number on the drawing: {key: {text, state}}. */
const drawing = (page) => page.$$eval(`${hand} [data-key]`, (nodes) => Object.fromEntries(nodes.map((n) => [n.dataset.key, { text: n.textContent, state: n.dataset.state }])));
const asked = (page) => page.evaluate(() => window.layerwiseLesson.widgets.hand.current);
/** Types into the question's box and presses Enter, as a reader does. */
async function type(page, text) {
  await page.locator(`${hand} form input`).fill(text);
  await page.locator(`${hand} form input`).press('Enter');
}
const reveal = (page) => page.locator(`${hand} form button`, { hasText: /Show it|답 보기/ }).click();
const feedback = (page) => page.locator(`${hand} .lw-bp-feedback`).getAttribute('data-kind');
/** A code comment that shows what the line prints (numbers, a tensor), in no language. */
const printed = (line) => /(^|\s)(#|\/\/) (tensor\(|[-\d.,[\]\s]+$)/.test(line);
const notDone = async (page, tasks, when) => {
  for (const t of tasks) assert.equal(await suite.taskDone(page, t), false, `${t} not done ${when}`);
};

async function opened(lang, viewport) {
  const session = await suite.open(ID, lang, viewport ? { viewport } : undefined);
  const k = await formulas(session.page);
  assert.ok(k.rendered >= 10, `formulas rendered (${k.rendered})`);
  assert.equal(k.broken, 0, 'no KaTeX errors');
  await session.page.waitForFunction(() => window.layerwiseLesson.widgets.hand.values);
  return session;
}

test('backprop (en): every number as worked out by hand; tasks only by predicting', async () => {
  const { page, errors, close } = await opened('en');
  await notDone(page, ['forward', 'backward', 'update'], 'on load');

  // Before any answer: the inputs and starting weights show, nothing computed does.
  let shown = await drawing(page);
  for (const k of ['x1', 'x2', 'w11', 'w12', 'w21', 'w22', 'b1', 'b2', 'v1', 'v2', 'c']) {
    assert.equal(Number(shown[k].text.replace(MINUS, '-')), HAND[k], `${k} given`);
  }
  assert.equal(shown.z1.state, 'asked');
  for (const k of ['a1', 'z', 'L', 'd', 'gw11', 'nw11']) assert.equal(shown[k].text, '·', `${k} hidden`);

  // Forward. Not a number, a wrong number (3% off) and reveals do not count.
  await type(page, 'abc');
  assert.equal(await feedback(page), 'error');
  assert.match(await page.locator(`${hand} .lw-bp-feedback`).textContent(), /Type a number/);
  await type(page, String(HAND.z1 * 1.03));
  assert.equal(await feedback(page), 'wrong');
  assert.match(await page.locator(`${hand} .lw-bp-hint`).textContent(), /z₁ = w₁₁·x₁ \+ w₁₂·x₂ \+ b₁ = 0\.1·1 \+ \(−0\.2\)·0\.5 \+ 0\.1/);
  assert.equal(await asked(page), 'z1', 'a wrong answer stays on the question');
  for (let i = 0; i < 3; i++) await reveal(page);
  assert.equal(await asked(page), 'z');
  await notDone(page, ['forward'], 'after wrong answers and reveals');
  // Typed right as a reader would: three significant digits, a decimal comma, 1% off.
  await type(page, HAND.z.toPrecision(3));
  await type(page, HAND.p.toPrecision(3).replace('.', ','));
  await notDone(page, ['forward'], 'with two predicted');
  await type(page, String(HAND.L * 1.01));
  await suite.waitTask(page, 'forward');
  await notDone(page, ['backward', 'update'], 'after the forward pass');

  // Backward: two right and two shown is not enough; the third right one is.
  await type(page, HAND.d.toPrecision(3).replace('-', '\u2212'));
  await reveal(page);
  await type(page, HAND.d1.toPrecision(3));
  await type(page, String(-HAND.d2)); // the sign matters
  assert.equal(await feedback(page), 'wrong');
  assert.match(await page.locator(`${hand} .lw-bp-hint`).textContent(), /δ₂ = a₂\(1 − a₂\)·v₂·δ/);
  await reveal(page);
  await notDone(page, ['backward'], 'with two predicted');
  await type(page, HAND.gw11.toPrecision(3));
  await suite.waitTask(page, 'backward');

  // Update: shown does not count; after Start again, typed right does.
  assert.equal(await asked(page), 'nw11');
  await reveal(page);
  await notDone(page, ['update'], 'after showing the update');

  // The whole step is on the drawing: every number as worked out here, to the 4 decimals shown.
  shown = await drawing(page);
  const keys = Object.keys(HAND);
  assert.equal(keys.filter((k) => !(k in shown)).length, 0, `every number drawn (missing: ${keys.filter((k) => !(k in shown))})`);
  for (const k of keys) {
    const v = Number(shown[k].text.replace(MINUS, '-'));
    assert.ok(Math.abs(v - HAND[k]) <= 5e-5 + 1e-6, `${k}: shows ${shown[k].text}, by hand ${HAND[k]}`);
  }
  assert.deepEqual(ORDER.map((k) => shown[k].state),
    ['revealed', 'revealed', 'revealed', 'predicted', 'predicted', 'predicted', 'predicted', 'revealed', 'predicted', 'revealed', 'predicted', 'revealed']);

  await page.locator(`${hand} button`, { hasText: 'Start again' }).click();
  shown = await drawing(page);
  assert.equal(shown.z1.state, 'asked');
  assert.equal(shown.nw11.text, '·', 'a new start hides the numbers again');
  for (let i = 0; i < ORDER.length - 1; i++) await reveal(page);
  await notDone(page, ['update'], 'after showing everything before it');
  await type(page, HAND.nw11.toPrecision(4));
  await suite.waitTask(page, 'update');

  // The chain rule written out: its numbers are these.
  const tex = await page.$$eval('section#chain-rule annotation', (a) => a.map((n) => n.textContent).join('\n'));
  for (const [what, v] of [['p', HAND.p], ['a1', HAND.a1], ['∂L/∂v1', HAND.gv1], ['δ', HAND.d], ['σ′(z1)', HAND.a1 * (1 - HAND.a1)],
    ['∂L/∂w11', HAND.gw11], ['w11 after', HAND.nw11]]) {
    assert.ok(tex.includes(v.toFixed(4)), `${what} = ${v.toFixed(4)} in the chain rule`);
  }

  // The bigger network: the playground's stepper starts open (open="stepper") and draws the
  // 2-4-4-4-1 net.
  const el = 'figure[data-widget="stepper"] layerwise-playground';
  assert.equal(await page.locator(`${el} .stepper-box`).evaluate((d) => d.open), true);
  await page.locator(`${el} .lw-step-node`).nth(14).waitFor();
  assert.equal(await page.locator(`${el} .lw-step-node`).count(), 2 + 4 + 4 + 4 + 1);

  assert.deepEqual(errors, []);
  await close();
});

test('backprop: Korean at desktop width, both languages at phone width', async () => {
  for (const [lang, viewport, name] of [['ko', undefined, 'desktop'], ['en', PHONE, 'phone'], ['ko', PHONE, 'phone']]) {
    const { page, errors, close } = await opened(lang, viewport);
    const comments = await codeComments(page);
    assert.ok(comments.length >= 8);
    for (const [line, korean] of comments) {
      if (!printed(line)) assert.equal(korean, lang === 'ko', `${lang} code comment: ${line}`);
    }
    // The reader's own words in the widget follow the language.
    await type(page, 'x');
    assert.match(await page.locator(`${hand} .lw-bp-feedback`).textContent(), lang === 'ko' ? /숫자를 입력하세요/ : /Type a number/);
    if (name === 'phone') {
      const overflow = await sideways(page);
      assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
      // The cards of the drawing stay inside the widget.
      const inside = await page.$eval(`${hand} .lw-bp-net`, (net) => {
        const frame = net.getBoundingClientRect();
        return [...net.querySelectorAll('.lw-bp-card, table')].every((c) => {
          const r = c.getBoundingClientRect();
          return r.left >= frame.left - 0.5 && r.right <= frame.right + 0.5;
        }) && [...net.querySelectorAll('table')].every((t) => t.scrollWidth <= t.parentElement.clientWidth + 0.5);
      });
      assert.ok(inside, 'the cards and their tables fit the phone');
    }
    await suite.screenshot(page, `test-results/lessons/${ID}-${lang}-${name}.png`);
    assert.deepEqual(errors, []);
    await close();
  }
});
