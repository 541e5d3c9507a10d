// 1,000 create / train / fail / dispose cycles leave the wasm heap flat: what malloc has handed
// out (lw.memory().usedBytes, mallinfo's uordblks) after them equals what it was after the
// first few, and the wasm memory did not grow.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './helpers.mjs';

let lw;
before(async () => ({ lw } = await loadEngine()));

test('lw.memory() reports the heap and what is in use', () => {
  const before = lw.memory();
  assert.ok(Number.isInteger(before.heapBytes) && before.heapBytes >= 16 * 2 ** 20 && before.heapBytes % 65536 === 0);
  assert.ok(Number.isInteger(before.usedBytes) && before.usedBytes > 0 && before.usedBytes < before.heapBytes);
  // a 256×256 layer holds 65,792 floats, plus Adam's two moments once it steps
  const model = lw.Model.fromSpec({ input: [256], layers: [{ type: 'linear', out: 256 }] });
  const held = lw.memory().usedBytes - before.usedBytes;
  assert.ok(held >= 2 * 65792 * 4, `a model with values and gradients holds ${held} bytes`); // value + grad
  model.dispose();
  assert.ok(lw.memory().usedBytes - before.usedBytes < 1024, 'dispose() gave it back');
});

function cycle(i) {
  const model = lw.Model.fromSpec({
    input: [2],
    layers: [{ type: 'linear', out: 8 }, { type: 'tanh' }, { type: 'dropout', p: 0.1 }, { type: 'linear', out: 1 }, { type: 'sigmoid' }],
    init: { weight: 'xavier_uniform', bias: 'zeros' },
    seed: i,
  });
  const opt = (i % 3 === 0 ? lw.optim.Adam : i % 3 === 1 ? lw.optim.SGD : lw.optim.RMSprop)(model, { lr: 0.01 });
  const data = lw.data.generate('xor', { n: 64, noise: 0.1, seed: i });
  const [train, test] = data.split(0.75, i);
  const stats = train.standardize();
  test.standardize(stats);
  const mapped = train.featureMap(['x1', 'x2']);
  model.trainEpoch(mapped, 16, 'bce', opt, { l1: 1e-4 });
  const { x, y } = test.toArrays();
  model.trainStep(x, y, test.size, lw.loss.BCE(), opt);
  model.evaluate(test, 'bce');
  model.forward(x, test.size);
  model.layerOutputs();
  model.gradients();
  model.stats(8);
  const copy = lw.Model.fromJSON(model.toJSON());
  copy.setParameters(model.parameters());
  model.reset(i + 1);
  opt.set({ lr: 0.02 });
  // failed calls must free what they allocated, too
  for (const bad of [
    () => model.forward(new Float32Array(3), 2),
    () => model.trainStep(x, [2], 1, 'bce', opt),
    () => lw.Model.fromSpec('{"input":[2],"layers":[{"type":"conv9"}]}'),
    () => copy.setParameters([{ name: '0.weight', data: [1] }]),
    () => lw.optim.Adam(model, { betas: [2, 0] }),
    () => lw.data.generate('torus'),
    () => data.featureMap(['x3']),
  ]) {
    assert.throws(bad, lw.LayerwiseError);
  }
  const own = lw.data.fromArrays(x, y, { features: 2, classes: 2 });
  lw.data.featureMap(x, ['x1x2']);
  for (const o of [copy, own, mapped, train, test, data, opt, model]) o.dispose();
}

test('1,000 create/train/dispose cycles leave the wasm heap flat', (t) => {
  for (let i = 0; i < 5; i++) cycle(i);
  const start = lw.memory();
  for (let i = 5; i < 1005; i++) cycle(i);
  const end = lw.memory();
  const growth = end.usedBytes - start.usedBytes;
  t.diagnostic(`used after 5 cycles: ${start.usedBytes} B; after 1,005: ${end.usedBytes} B (${growth >= 0 ? '+' : ''}${growth} B); ` +
    `wasm memory ${start.heapBytes} → ${end.heapBytes} B`);
  assert.ok(Math.abs(growth) <= 4096, `used bytes changed by ${growth} over 1,000 cycles`);
  assert.equal(end.heapBytes, start.heapBytes, 'the wasm memory grew');
});

// The hot path (bindings.cpp, lw_stage_x): trainStep and forward write the batch into a buffer
// the model owns and keep every shape and buffer from one step to the next.
test('a training loop allocates nothing per step once its shapes are known', () => {
  const model = lw.Model.fromSpec({
    input: [2],
    layers: [{ type: 'linear', out: 8 }, { type: 'tanh' }, { type: 'linear', out: 8 }, { type: 'tanh' }, { type: 'linear', out: 1 }, { type: 'sigmoid' }],
    seed: 3,
  });
  const opt = lw.optim.Adam(model, { lr: 0.01 });
  const x = Float32Array.from({ length: 20 }, (_, i) => Math.sin(i));
  const y = Float32Array.from({ length: 10 }, (_, i) => i % 2);
  const bce = lw.loss.BCE();
  for (let i = 0; i < 3; i++) model.trainStep(x, y, 10, bce, opt); // first steps size the buffers
  model.forward(x, 10);
  const start = lw.memory();
  for (let i = 0; i < 2000; i++) {
    model.trainStep(x, y, 10, bce, opt);
    model.forward(x, 10);
  }
  const end = lw.memory();
  assert.equal(end.allocations - start.allocations, 0, 'allocations made by 2,000 steps and forwards');
  assert.equal(end.usedBytes, start.usedBytes, 'bytes in use changed over 2,000 steps');
  model.dispose();
  opt.dispose();
});

test('the staged batch survives the wasm memory growing between calls', () => {
  const model = lw.Model.fromSpec({ input: [4], layers: [{ type: 'linear', out: 3 }], seed: 5 });
  const opt = lw.optim.SGD(model, { lr: 0.1 });
  const x = Float32Array.from({ length: 8 }, (_, i) => i / 8 - 0.5);
  const before = model.forward(x, 2);
  // a staging buffer of 2^22 floats (16 MiB) grows the memory; every view taken before detaches
  const heap = lw.memory().heapBytes;
  const big = new Float32Array(4 * 2 ** 20).fill(0.25);
  const out = model.forward(big, 2 ** 20);
  assert.ok(lw.memory().heapBytes > heap, 'the memory grew');
  assert.equal(out.length, 3 * 2 ** 20);
  assert.deepEqual(model.forward(x, 2), before, 'the same outputs after the growth');
  // one step by hand: MSE on one sample, SGD, against the formulas (docs/semantics.md)
  const [w, b] = model.parameters().map((p) => p.data);
  const x1 = x.subarray(0, 4), target = Float32Array.of(1, 0, -1);
  const pred = model.forward(x1, 1);
  const loss = model.trainStep(x1, target, 1, 'mse', opt);
  const want = pred.reduce((s, p, j) => s + (p - target[j]) ** 2, 0) / 3;
  assert.ok(Math.abs(loss - want) < 1e-6 * Math.max(1, want), `loss ${loss} vs ${want}`);
  const [w2] = model.parameters().map((p) => p.data);
  for (let j = 0; j < 3; j++) {
    for (let i = 0; i < 4; i++) {
      const grad = (2 / 3) * (pred[j] - target[j]) * x1[i];
      assert.ok(Math.abs(w2[j * 4 + i] - (w[j * 4 + i] - 0.1 * grad)) < 1e-6);
    }
  }
  assert.ok(b.length === 3);
  model.dispose();
  opt.dispose();
});

test('a refused hot call names the problem and leaves the model usable', () => {
  const model = lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 1 }, { type: 'sigmoid' }], seed: 1 });
  const opt = lw.optim.SGD(model, { lr: 0.1 });
  const x = Float32Array.of(0.5, -0.5);
  const before = model.forward(x, 1);
  assert.throws(() => model.trainStep(Float32Array.of(NaN, 1), Float32Array.of(1), 1, 'bce', opt),
    (err) => err instanceof lw.LayerwiseError && /^trainStep: x value 0 is nan; every value must be finite/.test(err.message));
  assert.throws(() => model.trainStep(x, Float32Array.of(1), 2, 'bce', opt),
    (err) => err instanceof lw.LayerwiseError && /^trainStep: x has 2 values, but a batch of 2/.test(err.message));
  assert.throws(() => model.forward(Float32Array.of(1, 2, 3), 1),
    (err) => err instanceof lw.LayerwiseError && /^forward: x has 3 values/.test(err.message));
  assert.deepEqual(model.forward(x, 1), before, 'nothing changed');
  assert.ok(Number.isFinite(model.trainStep(x, Float32Array.of(1), 1, 'bce', opt)));
  model.dispose();
  opt.dispose();
});
