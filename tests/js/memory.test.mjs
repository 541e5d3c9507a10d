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
