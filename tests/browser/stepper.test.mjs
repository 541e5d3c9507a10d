// The backprop stepper, as a learner uses it: one training example stepped through forward,
// loss, backward and the update by mouse, keyboard and touch, every number the diagram shows
// compared with a forward and backward pass worked out here in plain JS from the network's
// weights; then Apply makes exactly the update shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, serveAndLaunch } from './browser.mjs';
import { mount } from './playground-helpers.mjs';

const web = serveAndLaunch();
const el = 'layerwise-playground';
const MINUS = /\u2212/g;
const num = (text) => Number(text.replace(MINUS, '-').replace(/^[zaδ]\s*/, ''));

// Shown to 3 significant digits: equal to v when rounding v does not change the text.
function assertShown(text, v, what) {
  const shown = num(text);
  const tol = Math.max(Math.abs(v) * 6e-3, 1e-3 * Math.max(1, Math.abs(v)) * 0.01, 5e-6);
  assert.ok(Math.abs(shown - v) <= tol, `${what}: shows ${text}, computed ${v}`);
}

// The whole step by hand: features standardised as the data were, then linear/tanh layers,
// a sigmoid output with BCE; δ by the chain rule; SGD's w − lr·g.
function byHand(snapshot, index, lr) {
  const { train, standardization: st } = snapshot.data;
  const x = [train.points[2 * index], train.points[2 * index + 1]].map((v, k) => (st ? (v - st.mean[k]) / st.std[k] : v));
  const y = train.y[index];
  const P = Object.fromEntries(snapshot.parameters.map((p) => [p.name, p]));
  const linear = snapshot.parameters.filter((p) => p.name.endsWith('.weight')).map((p) => p.name.split('.')[0]);
  const layers = [];
  let a = x;
  linear.forEach((id, k) => {
    const W = P[`${id}.weight`];
    const b = P[`${id}.bias`].data;
    const [out, inn] = W.shape;
    const z = Array.from({ length: out }, (_, j) => a.reduce((s, ai, i) => s + W.data[j * inn + i] * ai, b[j]));
    const last = k === linear.length - 1;
    const act = z.map((v) => (last ? 1 / (1 + Math.exp(-v)) : Math.tanh(v)));
    layers.push({ id, input: a, z, a: act, W, out, inn });
    a = act;
  });
  const p = a[0];
  const loss = -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
  // backward
  let delta = [p - y]; // σ + BCE
  for (let k = layers.length - 1; k >= 0; k--) {
    const L = layers[k];
    L.delta = delta;
    L.grad = Array.from({ length: L.out * L.inn }, (_, q) => delta[Math.floor(q / L.inn)] * L.input[q % L.inn]);
    if (k > 0) {
      const prev = layers[k - 1];
      delta = prev.a.map((ai, i) => (1 - ai * ai) * delta.reduce((s, d, j) => s + L.W.data[j * L.inn + i] * d, 0));
    }
    L.updated = L.W.data.map((w, q) => w - lr * L.grad[q]);
    L.updatedBias = P[`${L.id}.bias`].data.map((b, j) => b - lr * L.delta[j]);
  }
  return { x, y, layers, loss, p };
}

// The numbers on the diagram: per column, per neuron, the text of its z, a and δ lines.
function shown(page) {
  return page.locator(`${el} .lw-step-diagram`).evaluate((svg) => {
    const out = {};
    for (const g of svg.querySelectorAll('.lw-step-node')) {
      const values = {};
      for (const t of g.querySelectorAll('text')) values[t.dataset.value] = t.textContent;
      (out[g.dataset.c] ??= [])[g.dataset.j] = values;
    }
    const edges = [...svg.querySelectorAll('.lw-step-edge-label')].map((t) => ({ edge: t.dataset.edge, kind: t.dataset.kind, text: t.textContent }));
    return { nodes: out, edges };
  });
}

const currentPhase = (page) => page.locator(`${el} .lw-step-phase[aria-current="step"]`).textContent();

test('one example through forward, loss, backward and update: every shown number as computed here', async () => {
  const { page, errors } = await openPage(web.browser, new URL('index.html', web.server.url).href, { hasTouch: true });
  const lr = 0.1;
  await mount(page, { dataset: 'xor', layers: '3,2', activation: 'tanh', optimizer: 'sgd', lr: String(lr), momentum: '0', loss: 'bce', points: '100' });
  const snapshot = await page.evaluate(() => document.querySelector('layerwise-playground').snapshot({ parameters: true, data: true }));
  assert.ok(snapshot.data.standardization, 'the playground standardises by default');

  // Closed at first; opening it traces example 1.
  assert.equal(await page.locator(`${el} .lw-step-diagram`).isVisible(), false);
  await page.locator(`${el} .stepper-box > summary`).click();
  await page.locator(`${el} .lw-step-node`).first().waitFor();
  assert.match(await page.locator(`${el} .lw-step-example`).textContent(), /^Example 1 of 50: x₁ = /);
  // A training point clicked on the boundary plot becomes the example.
  const canvas = page.locator(`${el} .slot-boundary canvas`).first();
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const [lo, hi] = [-6, 6];
  const k = 7;
  const [px, py] = [snapshot.data.train.points[2 * k], snapshot.data.train.points[2 * k + 1]];
  await page.mouse.click(box.x + ((px - lo) / (hi - lo)) * box.width, box.y + ((hi - py) / (hi - lo)) * box.width);
  await page.waitForFunction(() => !document.querySelector('layerwise-playground').shadowRoot.querySelector('.lw-step-example').textContent.startsWith('Example 1 of'));
  const picked = (await page.locator(`${el} .lw-step-example`).textContent()).replace(/\u2212/g, '-');
  const [, shownX1, shownX2] = picked.match(/x₁ = (\S+), x₂ = (\S+),/).map(Number);
  assert.ok(Math.abs(shownX1 - px) < 0.2 && Math.abs(shownX2 - py) < 0.2, `clicked (${px}, ${py}), picked ${picked}`);
  // "Next example" by mouse: the one after the picked one.
  const pickedIndex = Number(picked.match(/^Example (\d+) of/)[1]) - 1;
  const index = (pickedIndex + 1) % 50;
  await page.locator(`${el} .lw-step-bar button`).nth(1).click();
  await page.waitForFunction((n) => document.querySelector('layerwise-playground').shadowRoot.querySelector('.lw-step-example').textContent.startsWith(`Example ${n} of`), index + 1);
  const hand = byHand(snapshot, index, lr);
  const [L1, L2, Lout] = hand.layers;

  // Phase 0, the example: the inputs are the standardised features; no z yet.
  let view = await shown(page);
  hand.x.forEach((v, i) => assertShown(view.nodes[0][i].x, v, `input ${i}`));
  assert.equal(view.nodes[1][0].z, 'z …');
  assert.equal(await currentPhase(page), 'The example');

  // Forward, layer 1 (mouse, Next step): z and a of layer 1, not yet of layer 2.
  const next = page.locator(`${el} .lw-step-nav button`).nth(1);
  await next.click();
  assert.equal(await currentPhase(page), 'Forward: Layer 1');
  view = await shown(page);
  L1.z.forEach((v, j) => assertShown(view.nodes[1][j].z, v, `z of layer 1 neuron ${j}`));
  L1.a.forEach((v, j) => assertShown(view.nodes[1][j].a, v, `a of layer 1 neuron ${j}`));
  assert.equal(view.nodes[2][0].z, 'z …');
  // The focused neuron's incoming edges carry its weights.
  const weights = view.edges.filter((e) => e.edge.startsWith('1:0:'));
  assert.equal(weights.length, 2);
  weights.forEach((e) => assertShown(e.text, L1.W.data[Number(e.edge.split(':')[2])], `weight ${e.edge}`));
  // The formula box works neuron 1's sum with these numbers.
  assert.match(await page.locator(`${el} .lw-step-formula`).textContent(), /z₁ = .*·.* \+ .*·.* \+ .* = /);

  // Keyboard: Page Down on the diagram moves on (forward layer 2, then the output).
  await page.locator(`${el} .lw-step-diagram`).focus();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  assert.equal(await currentPhase(page), 'Forward: Output');
  view = await shown(page);
  L2.z.forEach((v, j) => assertShown(view.nodes[2][j].z, v, `z of layer 2 neuron ${j}`));
  L2.a.forEach((v, j) => assertShown(view.nodes[2][j].a, v, `a of layer 2 neuron ${j}`));
  assertShown(view.nodes[3][0].z, Lout.z[0], 'output z');
  assertShown(view.nodes[3][0].a, hand.p, 'output p');

  // Loss.
  await page.keyboard.press('PageDown');
  assert.equal(await currentPhase(page), 'Loss');
  const lossLine = await page.locator(`${el} .lw-step-loss`).textContent();
  assertShown(lossLine.replace(/^L = /, ''), hand.loss, 'loss');

  // Backward through the output and layer 2: every δ; then layer 1's, read by touch.
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  assert.equal(await currentPhase(page), 'Backward: Layer 2');
  view = await shown(page);
  assertShown(view.nodes[3][0].delta, Lout.delta[0], 'output δ');
  L2.delta.forEach((v, j) => assertShown(view.nodes[2][j].delta, v, `δ of layer 2 neuron ${j}`));
  assert.equal(view.nodes[1][0].delta, '', 'layer 1 not reached yet');
  // Focused neuron 1 of layer 2: its edges carry ∂L/∂w.
  view.edges.filter((e) => e.edge.startsWith('2:0:')).forEach((e) => {
    assert.equal(e.kind, 'grad');
    assertShown(e.text, L2.grad[Number(e.edge.split(':')[2])], `∂L/∂w ${e.edge}`);
  });
  await page.keyboard.press('PageDown');
  assert.equal(await currentPhase(page), 'Backward: Layer 1');
  await page.locator(`${el} .lw-step-node[data-c="1"][data-j="2"]`).tap();
  view = await shown(page);
  L1.delta.forEach((v, j) => assertShown(view.nodes[1][j].delta, v, `δ of layer 1 neuron ${j}`));
  const grads = view.edges.filter((e) => e.edge.startsWith('1:2:'));
  assert.equal(grads.length, 2, 'the tapped neuron\'s two incoming edges');
  grads.forEach((e) => assertShown(e.text, L1.grad[2 * 2 + Number(e.edge.split(':')[2])], `∂L/∂w ${e.edge}`));
  assert.match(await page.locator(`${el} .lw-step-formula`).textContent(), /δ₃ = .*·\(.*\) = /);

  // Update: the tapped neuron's weights before and after, w − lr·g.
  await next.click();
  assert.equal(await currentPhase(page), 'Update');
  view = await shown(page);
  for (const e of view.edges.filter((x) => x.edge.startsWith('1:2:'))) {
    const i = Number(e.edge.split(':')[2]);
    const [before, after] = e.text.split('→');
    assertShown(before, L1.W.data[2 * 2 + i], `w ${e.edge} before`);
    assertShown(after, L1.updated[2 * 2 + i], `w ${e.edge} after`);
  }
  assert.match(await page.locator(`${el} .lw-step-formula`).textContent(), /SGD: w ← w − lr·g/);

  // Apply: the network's weights become exactly the update shown (to float precision).
  await page.locator(`${el} .lw-step-apply`).click();
  await page.waitForFunction(() => /Applied/.test(document.querySelector('layerwise-playground').shadowRoot.querySelector('.lw-step-status').textContent));
  const after = await page.evaluate(() => document.querySelector('layerwise-playground').snapshot({ parameters: true }));
  const P = Object.fromEntries(after.parameters.map((p) => [p.name, p.data]));
  for (const L of hand.layers) {
    L.updated.forEach((v, q) => assert.ok(Math.abs(P[`${L.id}.weight`][q] - v) < 1e-5, `${L.id}.weight[${q}] after apply`));
    L.updatedBias.forEach((v, j) => assert.ok(Math.abs(P[`${L.id}.bias`][j] - v) < 1e-5, `${L.id}.bias[${j}] after apply`));
  }
  assert.equal(after.step, snapshot.step + 1, 'one optimiser step');
  assert.deepEqual(errors, []);
  await page.close();
});

test('in Korean, and for a network too large to draw, a per-layer table', async () => {
  const { page, errors } = await openPage(web.browser, new URL('index.html', web.server.url).href);
  await mount(page, { dataset: 'circle', layers: '16,16,8', lang: 'ko' });
  await page.locator(`${el} .stepper-box > summary`).click();
  await page.locator(`${el} .lw-step-table tr`).nth(3).waitFor();
  assert.match(await page.locator(`${el} .lw-step-example`).textContent(), /^예제 1\//);
  assert.equal(await page.locator(`${el} .lw-step-table tr`).count(), 5, 'a header and four layers');
  assert.equal(await page.locator(`${el} .lw-step-diagram`).isVisible(), false);
  assert.equal(await currentPhase(page), '예제');
  // A new network at epoch 0 is traced again: now small enough to draw.
  await page.evaluate(() => { document.querySelector('layerwise-playground').state = { layers: [3] }; });
  await page.locator(`${el} .lw-step-node[data-c="2"]`).first().waitFor();
  assert.equal(await page.locator(`${el} .lw-step-node`).count(), 2 + 3 + 1);
  // A learning rate changed in place: the update shown is the new one.
  await page.evaluate(() => { document.querySelector('layerwise-playground').state = { lr: 0.3, optimizer: 'sgd' }; });
  await page.locator(`${el} .lw-step-phase[data-kind="update"]`).click();
  await page.waitForFunction(() => /lr = 0\.3/.test(document.querySelector('layerwise-playground').shadowRoot.querySelector('.lw-step-formula').textContent));
  assert.deepEqual(errors, []);
  await page.close();
});
