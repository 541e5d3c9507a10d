// wasm/layerwise.mjs as shipped (web/engine/, built by scripts/build.sh), loaded in Node.
// Expected numbers are computed by hand from the formulas (y = x·Wᵀ + b, MSE, SGD), never
// taken from the engine's own output.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { assertClose, engineUrl, loadEngine } from './helpers.mjs';

let lw;
let mod;
let LayerwiseError;

before(async () => ({ lw, mod, LayerwiseError } = await loadEngine()));

// A 2-2-1 linear net with weights chosen so every intermediate value is exact in float32.
const linearSpec = { input: [2], layers: [{ type: 'linear', out: 2 }, { type: 'linear', out: 1 }], seed: 1 };
const known = [
  { name: '0.weight', data: [1, 2, 3, 4] }, // [out, in] = [[1, 2], [3, 4]]
  { name: '0.bias', data: [0.5, -1] },
  { name: '1.weight', data: [1, -1] },
  { name: '1.bias', data: [0.25] },
];
const x2 = new Float32Array([1, 2, -1, 0.5]); // two samples

function knownModel() {
  const model = lw.Model.fromSpec(linearSpec);
  model.setParameters(known);
  return model;
}

test('a spec builds; forward gives the hand-computed outputs', () => {
  const model = knownModel();
  assert.deepEqual(model.inputShape, [2]);
  assert.deepEqual(model.outputShape, [1]);
  assert.equal(model.numParams, 9);
  // h = x·W1ᵀ + b1: [1+4+0.5, 3+8-1] = [5.5, 10] and [-1+1+0.5, -3+2-1] = [0.5, -2];
  // y = h·W2ᵀ + b2: 5.5-10+0.25 = -4.25 and 0.5+2+0.25 = 2.75.
  const y = model.forward(x2, 2);
  assert.ok(y instanceof Float32Array);
  assert.deepEqual([...y], [-4.25, 2.75]);
  model.dispose();
});

test('forward through tanh and sigmoid matches Math.tanh and the logistic function', () => {
  const model = lw.Model.fromSpec({
    input: [2],
    layers: [{ type: 'linear', out: 2 }, { type: 'tanh' }, { type: 'linear', out: 1 }, { type: 'sigmoid' }],
  });
  // parameters are named by layer index, as PyTorch's nn.Sequential names them
  model.setParameters(known.map((p) => ({ ...p, name: p.name.replace(/^1\./, '2.') })));
  const expected = [];
  for (const [a, b] of [[1, 2], [-1, 0.5]]) {
    const h = [Math.tanh(a + 2 * b + 0.5), Math.tanh(3 * a + 4 * b - 1)];
    expected.push(1 / (1 + Math.exp(-(h[0] - h[1] + 0.25))));
  }
  assertClose(model.forward(x2, 2), expected, 1e-6, 'sigmoid(tanh)');
  model.dispose();
});

test('trainStep returns the hand-computed MSE and SGD moves every parameter by hand', () => {
  const model = knownModel();
  const opt = lw.optim.SGD(model, { lr: 0.1 });
  // Predictions -4.25, 2.75 against targets -4, 3: errors -0.25, -0.25, MSE = 0.0625.
  const loss = model.trainStep(x2, new Float32Array([-4, 3]), 2, lw.loss.MSE(), opt);
  assert.equal(loss, 0.0625);
  // dL/dpred = 2(pred − y)/N = −0.25 per sample. Gradients:
  //   b2: −0.5; W2: −0.25·(h₁ + h₂) = [−1.5, −2];
  //   dh = −0.25·W2 = [−0.25, 0.25] per sample; b1: [−0.5, 0.5];
  //   W1: dhᵀ·x = [[0, −0.625], [0, 0.625]].
  // SGD: p ← p − 0.1·grad.
  const p = Object.fromEntries(model.parameters().map(({ name, shape, data }) => [name, { shape, data: [...data] }]));
  assert.deepEqual(p['0.weight'].shape, [2, 2]);
  assertClose(p['0.weight'].data, [1, 2.0625, 3, 3.9375], 1e-6, '0.weight');
  assertClose(p['0.bias'].data, [0.55, -1.05], 1e-6, '0.bias');
  assertClose(p['1.weight'].data, [1.15, -0.8], 1e-6, '1.weight');
  assertClose(p['1.bias'].data, [0.3], 1e-6, '1.bias');
  assert.equal(opt.steps, 1);
  opt.dispose();
  model.dispose();
});

test('arrays: arguments may be plain arrays; results and parameters are copies', () => {
  const model = knownModel();
  assert.deepEqual([...model.forward([1, 2, -1, 0.5], 2)], [-4.25, 2.75]);
  const params = model.parameters();
  params[0].data.fill(100); // changing a copy changes nothing inside
  assert.deepEqual([...model.forward(x2, 2)], [-4.25, 2.75]);
  const y = model.forward(x2, 2);
  model.forward(new Float32Array(2000).fill(1), 1000); // reuses (and may grow) engine memory
  assert.deepEqual([...y], [-4.25, 2.75]);
  model.dispose();
});

// Each bad call throws a LayerwiseError naming the problem; the next valid call still works.
test('errors name the problem and leave the engine usable', () => {
  const model = knownModel();
  const opt = lw.optim.Adam(model, { lr: 0.01 });
  const stillWorks = () => assert.deepEqual([...model.forward(x2, 2)], [-4.25, 2.75]);
  const cases = [
    [() => lw.Model.fromSpec('{"input": [2], "layers": ['), /JSON.*line 1, column/],
    [() => lw.Model.fromSpec({ input: [2], layers: [{ type: 'conv9' }] }), /unknown layer type "conv9"/],
    [() => lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 0 }] }), /out/],
    [() => lw.Model.fromSpec(42), /spec must be an object or JSON text/],
    [() => model.forward(new Float32Array(3), 2), /forward: x has 3 values.*needs 4/],
    [() => model.forward(x2), /forward: batch must be a whole number/],
    [() => model.forward('1, 2', 1), /forward: x must be a Float32Array/],
    [() => model.forward([1, NaN], 1), /finite/],
    [() => model.trainStep(x2, new Float32Array(3), 2, lw.loss.MSE(), opt), /trainStep: y has 3 values/],
    [() => lw.optim.Adam(model, { lr: NaN }), /lr must be a finite number, got NaN/],
    [() => opt.setLr(NaN), /lr must be a finite number, got NaN/],
    [() => opt.set({ lr: -1 }), /lr must be a finite number >= 0, got -1/],
    [() => opt.set({ weightDecay: -1 }), /weightDecay/],
    [() => lw.optim.SGD(model, { nesterov: true }), /nesterov/],
    [() => model.setParameters([{ name: '0.weight', data: [1] }]), /setParameters: got 1 parameters/],
    [() => lw.loss.byName('hinge'), /unknown loss "hinge"/],
    [() => lw.data.generate('torus'), /unknown name "torus"/],
    [() => lw.Model.fromJSON({ format: 'something else' }), /not a Layerwise model file/],
  ];
  for (const [bad, message] of cases) {
    assert.throws(bad, (err) => {
      assert.ok(err instanceof LayerwiseError, `${err} should be a LayerwiseError`);
      assert.ok(err instanceof Error);
      assert.equal(err.name, 'LayerwiseError');
      assert.match(err.message, message);
      return true;
    });
    stillWorks();
  }
  assert.equal(opt.lr, 0.009999999776482582); // float32(0.01): the failed set() changed nothing
  opt.dispose();
  model.dispose();
});

test('many failed calls in a row leave the engine working', () => {
  const model = knownModel();
  for (let i = 0; i < 20000; i++) assert.throws(() => model.forward(new Float32Array(3), 2), LayerwiseError);
  for (let i = 0; i < 2000; i++) assert.throws(() => lw.Model.fromSpec('{"input":[2],"layers":[{"type":"nope"}]}'), LayerwiseError);
  assert.deepEqual([...model.forward(x2, 2)], [-4.25, 2.75]);
  model.dispose();
});

test('dispose: a disposed object refuses calls with a clear message', () => {
  const model = knownModel();
  const opt = lw.optim.SGD(model, { lr: 0.1 });
  model.dispose();
  model.dispose(); // twice is fine
  assert.equal(model.disposed, true);
  assert.throws(() => model.forward(x2, 2), /forward: this Model was disposed/);
  assert.throws(() => lw.optim.Adam(model), /Adam\(model\): this Model was disposed/);
  opt.dispose();
  assert.throws(() => opt.setLr(0.1), /this Optimizer was disposed/);
});

test('an optimizer belongs to the model it was created for', () => {
  const a = knownModel();
  const b = knownModel();
  const opt = lw.optim.SGD(a, { lr: 0.1 });
  assert.throws(() => b.trainStep(x2, [0, 0], 2, lw.loss.MSE(), opt), /created for another model/);
  assert.throws(() => b.trainStep(x2, [0, 0], 2, 'mse', {}), /optimizer must be an Optimizer/);
  assert.throws(() => b.trainStep(x2, [0, 0], 2, {}, opt), /loss must be a loss such as/);
  for (const o of [opt, a, b]) o.dispose();
});

test('optimizer options are PyTorch names in camelCase, with PyTorch defaults', () => {
  const model = knownModel();
  const adam = lw.optim.Adam(model, { lr: 0.5, weightDecay: 0.25, betas: [0.5, 0.75] });
  assert.deepEqual(adam.options, { lr: 0.5, betas: [0.5, 0.75], eps: 1e-8, weightDecay: 0.25, amsgrad: false });
  adam.lr = 0.125;
  assert.equal(adam.lr, 0.125);
  const rms = lw.optim.RMSprop(model);
  assert.equal(rms.options.alpha, 0.99);
  for (const o of [adam, rms, model]) o.dispose();
});

test('XOR: a 2-4-4-1 tanh net trained with Adam through trainEpoch reaches ≥ 97% test accuracy', () => {
  const data = lw.data.generate('xor', { n: 400, noise: 0.1, seed: 7 });
  assert.equal(data.classes, 2);
  assert.equal(data.features, 2);
  const [train, test] = data.split(0.8, 7);
  assert.equal(train.size + test.size, 400);
  const model = lw.Model.fromSpec({
    input: [2],
    layers: [
      { type: 'linear', out: 4 }, { type: 'tanh' },
      { type: 'linear', out: 4 }, { type: 'tanh' },
      { type: 'linear', out: 1 }, { type: 'sigmoid' },
    ],
    init: { weight: 'xavier_uniform', bias: 'zeros' },
    seed: 3,
  });
  const opt = lw.optim.Adam(model, { lr: 0.03 });
  const bce = lw.loss.BCE();
  const first = model.trainEpoch(train, 16, bce, opt);
  let last = first;
  for (let epoch = 1; epoch < 150; epoch++) last = model.trainEpoch(train, 16, bce, opt);
  assert.ok(last < first / 4, `loss fell from ${first} to ${last}`);
  const { loss, accuracy } = model.evaluate(test, bce);
  assert.ok(Number.isFinite(loss));
  assert.ok(accuracy >= 0.97, `test accuracy ${accuracy}`);
  // accuracy by hand from forward: class 1 when p > 0.5
  const { x, y } = test.toArrays();
  const p = model.forward(x, test.size);
  const right = [...p].filter((pi, i) => (pi > 0.5 ? 1 : 0) === y[i]).length;
  assert.equal(right / test.size, accuracy);
  for (const o of [opt, model, data, train, test]) o.dispose();
});

test('toJSON → fromJSON (object and text) predicts identically', () => {
  const model = lw.Model.fromSpec({
    input: [2],
    layers: [{ type: 'linear', out: 5 }, { type: 'relu' }, { type: 'linear', out: 3 }, { type: 'softmax' }],
    seed: 11,
  });
  const opt = lw.optim.SGD(model, { lr: 0.1, momentum: 0.9 });
  const data = lw.data.generate('blobs3', { n: 90, seed: 2 });
  for (let i = 0; i < 5; i++) model.trainEpoch(data, 10, lw.loss.CrossEntropy(), opt);
  const grid = new Float32Array(2 * 441);
  for (let i = 0; i < 441; i++) grid.set([(i % 21) - 10, Math.floor(i / 21) - 10], 2 * i);
  const before = model.forward(grid, 441);
  const saved = model.toJSON();
  assert.equal(saved.format, 'layerwise-model');
  assert.deepEqual(saved.spec, model.spec);
  for (const copy of [lw.Model.fromJSON(saved), lw.Model.fromJSON(JSON.stringify(model))]) {
    assert.deepEqual(copy.forward(grid, 441), before);
    copy.dispose();
  }
  for (const o of [opt, model, data]) o.dispose();
});

test('datasets: feature maps, split and standardisation', () => {
  const data = lw.data.generate('circle', { n: 50, noise: 0.2, seed: 5 });
  const { x } = data.toArrays();
  const mapped = data.featureMap(['x1', 'x1sq', 'x1x2']);
  assert.equal(mapped.features, 3);
  const mx = mapped.toArrays().x;
  for (let i = 0; i < 50; i++) {
    const [a, b] = [x[2 * i], x[2 * i + 1]];
    assertClose(mx.subarray(3 * i, 3 * i + 3), [a, Math.fround(a * a), Math.fround(a * b)], 0, `row ${i}`);
  }
  assertClose(lw.data.featureMap([2, 3], ['x2', 'x1x2']), [3, 6], 0, 'featureMap');
  const [train, test] = data.split(0.8, 1);
  assert.deepEqual([train.size, test.size], [40, 10]);
  const stats = train.standardize();
  const tx = train.toArrays().x;
  for (const col of [0, 1]) {
    const v = [...tx].filter((_, i) => i % 2 === col);
    const mean = v.reduce((s, t) => s + t, 0) / v.length;
    const std = Math.sqrt(v.reduce((s, t) => s + (t - mean) ** 2, 0) / v.length);
    assert.ok(Math.abs(mean) < 1e-6 && Math.abs(std - 1) < 1e-5, `column ${col}: mean ${mean}, std ${std}`);
  }
  test.standardize(stats);
  assert.throws(() => mapped.standardize(stats), /fitted on 2 features/);
  for (const o of [data, mapped, train, test]) o.dispose();
});

test('loading: from bytes, and a clear error when the .wasm is missing', async () => {
  const { loadLayerwise } = mod;
  const other = await loadLayerwise({ wasmBinary: await readFile(new URL('layerwise.wasm', engineUrl)) });
  const model = other.Model.fromSpec(linearSpec);
  model.setParameters(known);
  assert.deepEqual([...model.forward(x2, 2)], [-4.25, 2.75]);
  // objects of one engine instance are not accepted by another
  const foreign = knownModel();
  assert.throws(() => other.optim.SGD(foreign), /must be a Model of this engine/);
  foreign.dispose();
  model.dispose();
  await assert.rejects(loadLayerwise({ wasmUrl: new URL('missing.wasm', engineUrl) }),
    (err) => err instanceof LayerwiseError && /missing\.wasm.*scripts\/build\.sh/.test(err.message));
});

test('an object garbage-collected without dispose() is freed with a warning', async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const warnings = [];
  const warn = console.warn;
  console.warn = (message) => warnings.push(String(message));
  try {
    (() => lw.Model.fromSpec(linearSpec))(); // dropped at once
    for (let i = 0; i < 20 && warnings.length === 0; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    console.warn = warn;
  }
  assert.match(warnings.join('\n'), /a Model was garbage-collected without dispose\(\)/);
});
