// The rest of the public API, each call checked against numbers worked out here, and a guard:
// every public function, method and property of the library is named in some test of this
// folder, so a new one cannot ship untested.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { assertClose, loadEngine, paramMap } from './helpers.mjs';

let lw, mod;
before(async () => ({ lw, mod } = await loadEngine()));

// 2 → 2 (tanh) → 1 with exact weights: h = x·W1ᵀ + b1, a = tanh(h), y = a·W2ᵀ + b2.
const spec = { input: [2], layers: [{ type: 'linear', out: 2 }, { type: 'tanh' }, { type: 'linear', out: 1 }], seed: 1 };
const known = [
  { name: '0.weight', data: [1, 2, 3, 4] },
  { name: '0.bias', data: [0.5, -1] },
  { name: '2.weight', data: [1, -1] },
  { name: '2.bias', data: [0.25] },
];

test('layerOutputs: each layer\'s output from the last forward pass, as computed by hand', () => {
  const model = lw.Model.fromSpec(spec);
  model.setParameters(known);
  assert.deepEqual(model.layerOutputs().map((o) => o.length), [0, 0, 0]); // nothing run yet
  model.forward([1, 2, -1, 0.5], 2);
  const [h, a, y] = model.layerOutputs();
  const hx = [5.5, 10, 0.5, -2]; // [1+4+0.5, 3+8-1], [-1+1+0.5, -3+2-1]
  assertClose(h, hx, 0, 'linear');
  assertClose(a, hx.map(Math.tanh), 1e-6, 'tanh');
  assertClose(y, [Math.tanh(5.5) - Math.tanh(10) + 0.25, Math.tanh(0.5) - Math.tanh(-2) + 0.25], 1e-6, 'output');
  y[0] = 99; // a copy
  assert.notEqual(model.layerOutputs()[2][0], 99);
  model.dispose();
});

test('stats: per-layer summaries of weights, activations and their gradients', () => {
  const model = lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 2 }, { type: 'relu' }, { type: 'linear', out: 1 }] });
  model.setParameters([known[0], { name: '0.bias', data: [-100, 0] }, { name: '2.weight', data: [1, -1] }, known[3]]);
  const opt = lw.optim.SGD(model, { lr: 0 });
  model.trainStep([1, 2, -1, 0.5], [0, 0], 2, 'mse', opt);
  const [first, relu, last] = model.stats(4);
  assert.equal(first.type, 'linear');
  assert.deepEqual({ ...first.weights, histogram: undefined }, { count: 4, mean: 2.5, std: Math.sqrt(1.25), min: 1, max: 4, histogram: undefined });
  assert.deepEqual(first.weights.histogram, [1, 1, 1, 1]);
  // relu: unit 0 gets h − 100 < 0 for both samples: dead; unit 1 is alive
  assert.equal(relu.type, 'relu');
  assert.equal(relu.dead, 0.5);
  assert.equal(relu.weights.count, 0);
  assert.equal(relu.activations.count, 4);
  assert.equal(relu.activations.histogram.reduce((s, n) => s + n, 0), 4);
  assert.equal(last.activationGrads.count, 2);
  assert.ok(last.weightGrads.count === 2 && first.weightGrads.count === 4);
  assert.equal(model.stats().length, 3);
  assert.equal(model.stats()[0].weights.histogram.length, 20); // default bins
  opt.dispose();
  model.dispose();
});

test('a conv model: layer outputs by hand, saved and loaded, stats of its filters, and it learns', () => {
  // [1, 3, 3] → conv2d 1@2×2 → [1, 2, 2] → maxpool2d 2 → [1, 1, 1] → flatten → linear 2
  const cnn = {
    input: [1, 3, 3],
    layers: [{ type: 'conv2d', out: 1, kernel: 2 }, { type: 'maxpool2d', kernel: 2 }, { type: 'flatten' }, { type: 'linear', out: 2 }],
    seed: 3,
  };
  const model = lw.Model.fromSpec(cnn);
  model.setParameters([
    { name: '0.weight', data: [1, 0, 0, -1] }, { name: '0.bias', data: [0.5] },
    { name: '3.weight', data: [2, -1] }, { name: '3.bias', data: [0, 1] },
  ]);
  // x = 1 … 9: each 2×2 window gives x[i][j] − x[i+1][j+1] + 0.5 = −4 + 0.5; the max is −3.5
  model.forward([1, 2, 3, 4, 5, 6, 7, 8, 9], 1);
  const [conv, pool, flat, out] = model.layerOutputs();
  assert.deepEqual([...conv], [-3.5, -3.5, -3.5, -3.5]);
  assert.deepEqual([...pool], [-3.5]);
  assert.deepEqual([...flat], [-3.5]);
  assert.deepEqual([...out], [-7, 4.5]);
  const copy = lw.Model.fromJSON(JSON.stringify(model.toJSON()));
  assert.deepEqual(copy.spec, { ...cnn, layers: [
    { type: 'conv2d', out: 1, kernel: 2, stride: 1, padding: 0 }, { type: 'maxpool2d', kernel: 2, stride: 2, padding: 0 },
    { type: 'flatten' }, { type: 'linear', out: 2 }] });
  assert.deepEqual([...copy.forward([1, 2, 3, 4, 5, 6, 7, 8, 9], 1)], [-7, 4.5]);
  const stats = copy.stats();
  assert.deepEqual(stats.map((s) => s.type), ['conv2d', 'maxpool2d', 'flatten', 'linear']);
  assert.equal(stats[0].weights.count, 4);
  assert.equal(stats[0].weights.min, -1);
  assert.equal(stats[1].weights.count, 0);
  // a wrong saved shape is named, not loaded
  const saved = model.toJSON();
  saved.parameters[0].shape = [1, 4, 1, 1];
  assert.throws(() => lw.Model.fromJSON(saved), /parameters\[0\] \(0\.weight\) has shape \[1,4,1,1\], but the model's spec makes it \[1,1,2,2\]/);
  // 30 Adam steps on two classes (a bright top-left or bottom-right corner) lower the loss
  const learner = lw.Model.fromSpec({ ...cnn, layers: [{ type: 'conv2d', out: 4, kernel: 2 }, { type: 'relu' }, ...cnn.layers.slice(1)] });
  const x = [1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1];
  const opt = lw.optim.Adam(learner, { lr: 0.05 });
  const first = learner.trainStep(x, [0, 1], 2, 'cross_entropy', opt);
  let last = first;
  for (let i = 0; i < 30; i++) last = learner.trainStep(x, [0, 1], 2, 'cross_entropy', opt);
  assert.ok(last < 0.5 * first, `loss ${first} → ${last}`);
  for (const m of [model, copy, learner, opt]) m.dispose();
});

test('reset: the same seed gives the same parameters as a fresh model; the spec keeps the seed', () => {
  const model = lw.Model.fromSpec({ ...spec, seed: 5 });
  const at5 = paramMap(model.parameters());
  model.reset(6);
  assert.equal(model.spec.seed, 6);
  const fresh = lw.Model.fromSpec({ ...spec, seed: 6 });
  assert.deepEqual(paramMap(model.parameters()), paramMap(fresh.parameters()));
  model.setParameters(known);
  model.reset(); // the spec's seed, now 6
  assert.deepEqual(paramMap(model.parameters()), paramMap(fresh.parameters()));
  model.reset(5);
  assert.deepEqual(paramMap(model.parameters()), at5);
  for (const o of [model, fresh]) o.dispose();
});

test('optimisers: PyTorch defaults; lr, setLr, set, options, steps and reset', () => {
  const model = lw.Model.fromSpec({ input: [1], layers: [{ type: 'linear', out: 1 }] });
  const defaults = {
    SGD: { lr: 0.001, momentum: 0, dampening: 0, weightDecay: 0, nesterov: false },
    Adam: { lr: 0.001, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false },
    AdamW: { lr: 0.001, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0.01, amsgrad: false },
    RMSprop: { lr: 0.01, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false },
  };
  for (const [name, options] of Object.entries(defaults)) {
    const opt = lw.optim[name](model);
    assert.equal(lw.optim[name].name, name);
    assert.deepEqual(opt.options, options, name);
    assert.ok(opt instanceof lw.Optimizer);
    assert.equal(opt.model, model);
    opt.dispose();
  }
  const adam = lw.optim.Adam(model, { lr: 0.5 });
  adam.lr = 0.25;
  assert.equal(adam.lr, 0.25);
  adam.setLr(0.125);
  assert.equal(adam.options.lr, 0.125);
  adam.set({ betas: [0.5, 0.75], amsgrad: true });
  assert.deepEqual(adam.options, { lr: 0.125, betas: [0.5, 0.75], eps: 1e-8, weightDecay: 0, amsgrad: true });
  // reset() forgets the moments: the next step is a first step again (lr·sign(g) for Adam)
  model.setParameters([{ name: '0.weight', data: [0] }, { name: '0.bias', data: [0] }]);
  for (let i = 0; i < 3; i++) model.trainStep([1], [1], 1, 'mse', adam);
  assert.equal(adam.steps, 3);
  adam.reset();
  assert.equal(adam.steps, 0);
  assert.equal(adam.options.lr, 0.125); // options stay
  const before = paramMap(model.parameters());
  model.trainStep([1], [100], 1, 'mse', adam);
  const after = paramMap(model.parameters());
  assert.ok(Math.abs(after['0.bias'][0] - before['0.bias'][0] - 0.125) < 1e-6, 'a first step of size lr');
  adam.dispose();
  model.dispose();
});

test('losses: by factory, by name, or new Loss; names; stateless and shared', () => {
  assert.deepEqual([...lw.loss.names], ['mse', 'bce', 'bce_with_logits', 'cross_entropy']);
  assert.deepEqual([lw.loss.MSE(), lw.loss.BCE(), lw.loss.BCEWithLogits(), lw.loss.CrossEntropy()].map((l) => l.name), lw.loss.names);
  assert.equal(lw.loss.MSE(), lw.loss.byName('mse'));
  const own = new lw.Loss('mse');
  assert.ok(own instanceof lw.Loss && Object.isFrozen(own));
  assert.equal(own.name, 'mse');
  const model = lw.Model.fromSpec({ input: [1], layers: [{ type: 'linear', out: 1 }] });
  model.setParameters([{ name: '0.weight', data: [1] }, { name: '0.bias', data: [0] }]);
  const data = lw.data.fromArrays([1, 2], [0, 0], { features: 1 });
  assert.deepEqual(model.evaluate(data, own), { loss: 2.5, accuracy: null }); // (1 + 4) / 2
  assert.deepEqual(model.evaluate(data, 'mse'), { loss: 2.5, accuracy: null });
  for (const o of [model, data]) o.dispose();
});

test('data.fromArrays: your own points, copied in; names and features of the toy data', () => {
  const x = new Float32Array([0, 0, 1, 1, -1, 2]);
  const data = lw.data.fromArrays(x, [0, 1, 1], { classes: 2 });
  x[0] = 99; // copied: the dataset keeps its own
  assert.deepEqual([data.size, data.features, data.classes, data.regression], [3, 2, 2, false]);
  assert.deepEqual([...data.toArrays().x], [0, 0, 1, 1, -1, 2]);
  assert.deepEqual([...data.toArrays().y], [0, 1, 1]);
  const regression = lw.data.fromArrays([1, 2, 3], [0.5, 1, 1.5], { features: 1 });
  assert.deepEqual([regression.features, regression.classes, regression.regression], [1, 0, true]);
  assert.deepEqual([...lw.data.names], ['circle', 'xor', 'gauss', 'spiral', 'moons', 'blobs3', 'plane', 'sine']);
  assert.deepEqual([...lw.data.features], ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2']);
  assertClose(lw.data.featureMap(new Float32Array([2, 3]), ['sinx1', 'x2sq']), [Math.sin(2), 9], 1e-6, 'featureMap');
  const sine = lw.data.generate('sine', { n: 10 });
  assert.equal(sine.regression, true);
  const [a, b] = sine.split(0.5); // default seed 42, as split(0.5, 42)
  const [c] = sine.split(0.5, 42);
  assert.deepEqual(a.toArrays(), c.toArrays());
  for (const o of [data, regression, sine, a, b, c]) o.dispose();
});

test('`using` and Symbol.dispose free an engine object', () => {
  const model = lw.Model.fromSpec(spec);
  const dispose = Symbol.dispose ?? Symbol.for('Symbol.dispose');
  model[dispose]();
  assert.equal(model.disposed, true);
});

test('every public function, method and property is named in a test', async () => {
  const names = new Set();
  const addMembers = (obj) => {
    const builtins = [Object.prototype, Function.prototype, Error, Error.prototype];
    for (let o = obj; o && !builtins.includes(o); o = Object.getPrototypeOf(o)) {
      for (const key of Object.getOwnPropertyNames(o)) {
        if (!['constructor', 'prototype', 'length', 'name', 'caller', 'arguments'].includes(key)) names.add(key);
      }
    }
  };
  for (const [key, value] of Object.entries({ ...mod, ...lw })) {
    names.add(key);
    if (typeof value === 'function' && value.prototype) {
      addMembers(value); // statics
      addMembers(value.prototype);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        names.add(k);
        if (typeof v === 'function' && v.prototype) addMembers(v.prototype);
      }
    }
  }
  for (const [key, make] of Object.entries(lw.nn)) { // instance properties: weight, bias, p, ...
    if (key === 'Module' || key === 'Parameter') continue;
    const args = { Linear: [2, 3], Conv2d: [1, 2, 3], MaxPool2d: [2], AvgPool2d: [2] }[key] ?? [];
    const m = make(...args);
    addMembers(m);
    if (m.weight) addMembers(m.weight);
  }
  const dir = new URL('./', import.meta.url);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.test.mjs') && f !== 'api.test.mjs');
  const sources = (await Promise.all(files.map((f) => readFile(new URL(f, dir), 'utf8')))).join('\n') +
    (await readFile(new URL(import.meta.url), 'utf8')).split('test(\'every public function')[0];
  const untested = [...names].filter((n) => !new RegExp(`\\b${n.replace(/\$/g, '\\$')}\\b`).test(sources));
  assert.ok(names.size > 90, `${names.size} public names found`);
  assert.deepEqual(untested, [], `public names no test mentions: ${untested.join(', ')}`);
});
