// The network diagram's interactions (web/playground/views/network.js): a weight edited by
// clicking its edge changes the prediction by what PyTorch's formulas give for the new weight
// (worked here from the weights read); a hovered or focused neuron's map is drawn large on the
// boundary plot and the output comes back on leave; an input tile switches its feature.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, serveAndLaunch, nextFrames } from './browser.mjs';
import { el, idle, mount, rendered } from './playground-helpers.mjs';

const web = serveAndLaunch();
// One page for the file (each test mounts its own element on it): a page load is the slow part.
let page0 = null;
const opened = () => (page0 ??= openPage(web.browser, new URL('index.html', web.server.url).href));

const call = (page, fn, arg) => page.evaluate(fn, arg);
const snapshotOf = (page, options) => call(page, async (opts) => {
  const s = await document.querySelector('layerwise-playground').snapshot(opts);
  // typed arrays → plain arrays, so they cross into the test
  const plain = (a) => Array.from(a);
  return {
    epoch: s.epoch,
    grid: s.grid && { size: s.grid.size, extent: s.grid.extent, data: plain(s.grid.data) },
    parameters: s.parameters?.map((p) => ({ name: p.name, shape: p.shape, data: plain(p.data) })),
    neurons: s.neurons?.map((n) => ({ type: n.type, width: n.width, data: plain(n.data) })),
    points: s.data && [...plain(s.data.train.points), ...(s.data.test ? plain(s.data.test.points) : [])],
  };
}, options);

async function settle(page) {
  await idle(page);
  await nextFrames(page);
}

// The prediction of Linear(2, 2) → tanh → Linear(2, 1) → sigmoid at (x1, x2), as PyTorch
// computes it: y = x Wᵀ + b at each Linear.
function predict(params, x1, x2) {
  const p = Object.fromEntries(params.map((q) => [q.name, q.data]));
  const x = [x1, x2];
  const h = [0, 1].map((i) => Math.tanh(p['0.weight'][i * 2] * x[0] + p['0.weight'][i * 2 + 1] * x[1] + p['0.bias'][i]));
  const z = p['2.weight'][0] * h[0] + p['2.weight'][1] * h[1] + p['2.bias'][0];
  return 1 / (1 + Math.exp(-z));
}

// Where a point of the diagram's stage (SVG coordinates) is on the page.
const onPage = (page, fn, arg) => call(page, ({ source, arg: a }) => {
  const root = document.querySelector('layerwise-playground').shadowRoot;
  const overlay = root.querySelector('.slot-network svg');
  const frame = (c, j) => overlay.querySelector(`rect[data-c="${c}"][data-j="${j}"]`);
  const box = overlay.getBoundingClientRect();
  const [x, y] = new Function('frame', 'a', source)(frame, a);
  return { x: box.left + x, y: box.top + y };
}, { source: `return (${fn})(frame, a);`, arg });

// A quarter of the way along the edge from input tile j to neuron i of layer 1 (the edges
// cross at their middles): the curve of network.js#ends, x(u) = 1.5u − 1.5u² + u³, y(u) = 3u² − 2u³.
const edgePoint = (page, j, i) => onPage(page, (frame, [jj, ii]) => {
  const a = frame(0, jj);
  const b = frame(1, ii);
  const x0 = +a.getAttribute('x') + +a.getAttribute('width') - 0.5;
  const y0 = +a.getAttribute('y') + +a.getAttribute('height') / 2;
  const x1 = +b.getAttribute('x') + 0.5;
  const y1 = +b.getAttribute('y') + +b.getAttribute('height') / 2;
  const u = 0.25;
  return [x0 + (x1 - x0) * (1.5 * u - 1.5 * u * u + u ** 3), y0 + (y1 - y0) * (3 * u * u - 2 * u ** 3)];
}, [j, i]);

const tileCentre = (page, c, j) => onPage(page, (frame, [cc, jj]) => {
  const r = frame(cc, jj);
  return [+r.getAttribute('x') + +r.getAttribute('width') / 2, +r.getAttribute('y') + +r.getAttribute('height') / 2];
}, [c, j]);

const editor = `${el} .slot-network .lw-edit`;

test('a weight edited on its edge moves the prediction as the formulas say; bad values change nothing', async () => {
  const { page, errors } = await opened();
  await mount(page, {
    dataset: 'xor', layers: '2', activation: 'tanh', loss: 'bce', standardize: 'false', features: 'x1,x2', seed: '3', optimizer: 'adam', lr: '0.03',
  });
  await call(page, () => document.querySelector('layerwise-playground').step(5));
  await settle(page);
  const before = await snapshotOf(page, { grid: true, parameters: true });
  const { size, extent: [lo, hi] } = before.grid;
  const step = (hi - lo) / size;
  const [r, c] = [9, 31];
  const x1 = lo + (c + 0.5) * step;
  const x2 = hi - (r + 0.5) * step;
  const cell = r * size + c;
  assert.ok(Math.abs(predict(before.parameters, x1, x2) - before.grid.data[cell]) < 1e-5, 'the formulas give the grid as it is');

  // W[1, 0] of layer 0 (x₁ → neuron 2) becomes 1.75
  const v = 1.75;
  const edited = before.parameters.map((p) => ({ ...p, data: p.name === '0.weight' ? p.data.map((w, k) => (k === 2 ? v : w)) : p.data }));
  const expected = predict(edited, x1, x2);
  assert.ok(Math.abs(expected - before.grid.data[cell]) > 1e-3, 'the edit is worth testing');

  const boundaryBefore = await call(page, () => document.querySelector('layerwise-playground').shadowRoot.querySelector('.slot-boundary canvas').toDataURL());
  const at = await edgePoint(page, 0, 1);
  await page.mouse.click(at.x, at.y);
  const input = page.locator(`${editor} input`);
  await input.waitFor();
  assert.equal(await call(page, () => document.querySelector('layerwise-playground').shadowRoot.activeElement?.className), 'lw-edit-input', 'the editor has the focus');
  assert.ok(Math.abs(Number(await input.inputValue()) - before.parameters[0].data[2]) < 1e-5, 'it opens on the weight clicked');
  assert.equal(await page.locator(`${editor} .lw-tip-head`).textContent(), 'Weight x₁ → L1 #2');
  await input.fill(String(v));
  await input.press('Enter');
  await page.locator(editor).waitFor({ state: 'detached' });
  await settle(page);
  const after = await snapshotOf(page, { grid: true, parameters: true });
  assert.equal(after.parameters[0].data[2], v);
  after.parameters.forEach((p, k) => p.data.forEach((w, i) => {
    if (!(k === 0 && i === 2)) assert.equal(w, before.parameters[k].data[i], `${p.name}[${i}] unchanged`);
  }));
  assert.ok(Math.abs(after.grid.data[cell] - expected) < 1e-5, `prediction ${after.grid.data[cell]}, expected ${expected}`);
  assert.equal(after.epoch, before.epoch, 'nothing trained');
  const boundaryAfter = await call(page, () => document.querySelector('layerwise-playground').shadowRoot.querySelector('.slot-boundary canvas').toDataURL());
  assert.notEqual(boundaryAfter, boundaryBefore, 'the boundary plot redrew');

  // By the keys, while playing: neuron 1 of layer 1, Enter (its weights), Enter (edit the first).
  await call(page, () => document.querySelector('layerwise-playground').play());
  await call(page, () => document.querySelector('layerwise-playground').shadowRoot.querySelector('.slot-network rect[data-c="1"][data-j="0"]').focus());
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await input.waitFor();
  const type = async (text) => {
    await input.fill('');
    if (text) await input.pressSequentially(text);
    await input.press('Enter');
  };
  const say = async (text) => {
    await type(text);
    return page.locator(`${editor} .lw-edit-note`).textContent();
  };
  assert.equal(await say(''), 'Type a number first.');
  assert.equal(await say('1e9'), 'Keep it between -100 and 100: larger weights saturate every neuron after them.');
  assert.equal(await say('--1'), 'That is not a number. Type one such as -0.5 or 2.');
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  await input.press('Escape');
  await page.locator(editor).waitFor({ state: 'detached' });
  assert.equal(await call(page, () => document.querySelector('layerwise-playground').shadowRoot.activeElement?.getAttribute('data-c')), '1', 'Escape: back on the diagram');
  await page.keyboard.press('Enter');
  await input.waitFor();
  await type('-0.5');
  await page.locator(editor).waitFor({ state: 'detached' });
  await settle(page);
  assert.equal(await call(page, () => document.querySelector('layerwise-playground').playing), false, 'an edit pauses play');
  const last = await snapshotOf(page, { parameters: true });
  assert.equal(last.parameters[0].data[0], -0.5, 'W[0, 0] of layer 0 set by the keys');
  assert.deepEqual(errors, []);
});

test("a hovered or focused neuron's map fills the boundary plot; the output comes back on leave", async () => {
  const { page, errors } = await opened();
  await mount(page, { dataset: 'circle', layers: '3', activation: 'tanh', features: 'x1,x2', seed: '5', points: '100' });
  await call(page, () => document.querySelector('layerwise-playground').step(10));
  await settle(page);
  const plot = page.locator(`${el} .slot-boundary .lw-plot`);
  const picture = () => call(page, () => document.querySelector('layerwise-playground').shadowRoot.querySelector('.slot-boundary canvas').toDataURL());
  const output = await picture();
  assert.equal(await plot.getAttribute('data-map'), 'output');
  const snap = await snapshotOf(page, { grid: true, neurons: true, data: true });

  const at = await tileCentre(page, 1, 2);
  await page.mouse.move(at.x, at.y);
  await page.waitForFunction(() => document.querySelector('layerwise-playground').shadowRoot.querySelector('.slot-boundary .lw-plot').dataset.map === 'neuron 1 2');
  await nextFrames(page);
  assert.equal(await page.locator(`${el} .slot-boundary .lw-map-caption`).textContent(),
    'Showing Layer 1, neuron 3 · Tanh');

  // Each grid cell's centre, away from the points, read back through the colour map: the value
  // of neuron 3 of layer 1 (tanh, drawn on [−1, 1]) there, within the smoothing's reach.
  const layer = snap.neurons.findIndex((n) => n.type === 'tanh');
  const { size, extent: [lo, hi] } = snap.grid;
  const cells = size * size;
  const values = snap.neurons[layer].data.slice(2 * cells, 3 * cells);
  const read = await call(page, async ({ n, points, lo: a, hi: b }) => {
    const { DIVERGING } = await import(new URL('lib/palette.js', location.href).href);
    const canvas = document.querySelector('layerwise-playground').shadowRoot.querySelector('.slot-boundary canvas');
    const S = canvas.getBoundingClientRect().width;
    const k = canvas.width / S;
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const out = [];
    for (let r = 1; r < n - 1; r += 3) {
      for (let c = 1; c < n - 1; c += 3) {
        const x = ((c + 0.5) / n) * S;
        const y = ((r + 0.5) / n) * S;
        let near = false;
        for (let i = 0; i < points.length; i += 2) {
          const px = ((points[i] - a) / (b - a)) * S;
          const py = ((b - points[i + 1]) / (b - a)) * S;
          if (Math.hypot(px - x, py - y) < 9) near = true;
        }
        if (near) continue;
        const o = 4 * (Math.floor(y * k) * canvas.width + Math.floor(x * k));
        let best = 0;
        let bestD = Infinity;
        for (let j = 0; 3 * j < DIVERGING.length; j++) {
          const d = (DIVERGING[3 * j] - pixels[o]) ** 2 + (DIVERGING[3 * j + 1] - pixels[o + 1]) ** 2 + (DIVERGING[3 * j + 2] - pixels[o + 2]) ** 2;
          if (d < bestD) [best, bestD] = [j, d];
        }
        out.push({ r, c, value: (best - (DIVERGING.length / 3 - 1) / 2) / ((DIVERGING.length / 3 - 1) / 2) });
      }
    }
    return out;
  }, { n: size, points: snap.points, lo, hi });
  assert.ok(read.length > 100, `${read.length} cells read`);
  for (const { r, c, value } of read) {
    const v = values[r * size + c];
    // the smoothing mixes a cell with its neighbours: allow for how much they differ
    const spread = Math.max(...[[0, 1], [1, 0], [0, -1], [-1, 0]].map(([dr, dc]) => Math.abs(values[(r + dr) * size + c + dc] - v)));
    assert.ok(Math.abs(value - v) <= 0.03 + 0.5 * spread, `cell (${r}, ${c}): drawn ${value}, neuron ${v}`);
  }

  await page.mouse.move(2, 2); // off the diagram
  await page.waitForFunction(() => document.querySelector('layerwise-playground').shadowRoot.querySelector('.slot-boundary .lw-plot').dataset.map === 'output');
  await nextFrames(page);
  assert.equal(await picture(), output, 'the output exactly as before');
  assert.ok(await page.locator(`${el} .slot-boundary .lw-map-caption`).isHidden());

  // The keys: a focused neuron is shown, and the output when the focus leaves the diagram.
  await call(page, () => document.querySelector('layerwise-playground').shadowRoot.querySelector('.slot-network rect[data-c="1"][data-j="0"]').focus());
  await page.waitForFunction(() => document.querySelector('layerwise-playground').shadowRoot.querySelector('.slot-boundary .lw-plot').dataset.map === 'neuron 1 0');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('layerwise-playground').shadowRoot.querySelector('.slot-boundary .lw-plot').dataset.map === 'neuron 1 1');
  await call(page, () => document.querySelector('layerwise-playground').shadowRoot.querySelector('.slot-boundary .lw-plot').focus());
  await page.waitForFunction(() => document.querySelector('layerwise-playground').shadowRoot.querySelector('.slot-boundary .lw-plot').dataset.map === 'output');
  assert.deepEqual(errors, []);
});

test('an input tile switches its feature; the network is built again with that many inputs; the last stays on', async () => {
  const { page, errors } = await opened();
  await mount(page, { dataset: 'circle', layers: '3', features: 'x1,x2', seed: '2' });
  await rendered(page); // ready is the element's; its network view may still be loading
  const features = () => call(page, () => document.querySelector('layerwise-playground').state.features);
  const inputs = async () => (await snapshotOf(page, { parameters: true })).parameters[0].shape[1];
  const frames = () => page.locator(`${el} .slot-network rect[data-c="0"]`).count();
  assert.equal(await frames(), 7, 'every feature has its tile');

  // A finger: the first tap on x₁² reads it (a phone has no hover), the second switches it on.
  let at = await tileCentre(page, 0, 2); // x₁²
  const tap = (point) => call(page, ({ x, y }) => {
    const target = document.querySelector('layerwise-playground').shadowRoot.elementFromPoint(x, y);
    const init = { bubbles: true, composed: true, clientX: x, clientY: y, pointerType: 'touch', isPrimary: true };
    target.dispatchEvent(new PointerEvent('pointerdown', init));
    target.dispatchEvent(new PointerEvent('pointerup', init));
    target.dispatchEvent(new PointerEvent('click', init));
  }, point);
  await tap(at);
  await settle(page);
  assert.deepEqual(await features(), ['x1', 'x2'], 'a first tap only reads');
  assert.match(await page.locator(`${el} .slot-network .lw-tip`).textContent(), /x₁²/);
  await tap(at);
  await settle(page);
  assert.deepEqual(await features(), ['x1', 'x2', 'x1sq']);
  assert.equal(await inputs(), 3);
  assert.ok(await page.locator(`${el} fieldset.features input[value="x1sq"]`).isChecked(), 'the data panel follows');

  at = await tileCentre(page, 0, 0); // x₁ off
  await page.mouse.click(at.x, at.y);
  await settle(page);
  assert.deepEqual(await features(), ['x2', 'x1sq']);
  assert.equal(await inputs(), 2);
  assert.equal(await page.locator(`${el} .slot-network rect[data-c="0"][data-j="0"]`).getAttribute('aria-label'), 'Input x₁ (switched off)');

  // By the keys: Enter on the x₂ tile switches it off; then x₁² is the last one and stays.
  await call(page, () => document.querySelector('layerwise-playground').shadowRoot.querySelector('.slot-network rect[data-c="0"][data-j="1"]').focus());
  await page.keyboard.press('Enter');
  await settle(page);
  assert.deepEqual(await features(), ['x1sq']);
  assert.equal(await inputs(), 1);
  assert.equal(await call(page, () => document.querySelector('layerwise-playground').shadowRoot.activeElement?.getAttribute('data-j')), '1', 'the focus stays on the tile');
  await page.keyboard.press('ArrowDown'); // x₁²
  await page.keyboard.press('Enter');
  await settle(page);
  assert.deepEqual(await features(), ['x1sq'], 'the last feature stays on');
  assert.match(await page.locator(`${el} .slot-network .lw-tip`).textContent(), /The only feature on/);
  assert.deepEqual(errors, []);
});
