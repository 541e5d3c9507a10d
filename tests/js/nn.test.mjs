// lw.nn and lw.init: the seed's PyTorch code written with the builders gives exactly the spec
// a hand-written one gives, and so exactly the same model.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './helpers.mjs';

let lw, mod, LayerwiseError;
before(async () => ({ lw, mod, LayerwiseError } = await loadEngine()));

// The seed's network (DeepNN: 784-256-128-64-10, ReLU) and its weight_init, as written there:
//   def weight_init(m):
//       if isinstance(m, nn.Linear):
//           nn.init.xavier_uniform_(m.weight)
//           nn.init.zeros_(m.bias)
//   model.apply(weight_init)
const seedSpec = {
  input: [784],
  layers: [
    { type: 'linear', out: 256 }, { type: 'relu' },
    { type: 'linear', out: 128 }, { type: 'relu' },
    { type: 'linear', out: 64 }, { type: 'relu' },
    { type: 'linear', out: 10 },
  ],
  init: { weight: 'xavier_uniform', bias: 'zeros' },
  seed: 42,
};

function seedNetwork() {
  const { nn } = lw;
  return nn.Sequential(
    nn.Linear(784, 256), nn.ReLU(),
    nn.Linear(256, 128), nn.ReLU(),
    nn.Linear(128, 64), nn.ReLU(),
    nn.Linear(64, 10),
  );
}

function weightInit(m) {
  if (m instanceof lw.nn.Linear) {
    lw.init.xavierUniform_(m.weight);
    lw.init.zeros_(m.bias);
  }
}

function sameModel(a, b) {
  assert.deepEqual(a.spec, b.spec);
  const pa = a.parameters();
  const pb = b.parameters();
  assert.deepEqual(pa.map((p) => [p.name, p.shape]), pb.map((p) => [p.name, p.shape]));
  pa.forEach((p, i) => assert.ok(Buffer.from(p.data.buffer).equals(Buffer.from(pb[i].data.buffer)), `${p.name} differs`));
}

test("the seed's network and weight_init give exactly the hand-written spec and model", () => {
  const seq = seedNetwork().apply(weightInit);
  const spec = seq.toSpec({ input: [784], seed: 42 });
  assert.deepEqual(spec, seedSpec);
  assert.equal(JSON.stringify(spec), JSON.stringify(seedSpec)); // key order too
  const fromBuilders = lw.Model.fromSpec(seq); // input inferred from the first Linear, seed 42
  const fromText = lw.Model.fromSpec(JSON.stringify(seedSpec));
  sameModel(fromBuilders, fromText);
  assert.equal(fromBuilders.numParams, 784 * 256 + 256 + 256 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10);
  // every bias zero, every weight inside Xavier's bound √(6/(fan_in+fan_out))
  const params = fromBuilders.parameters();
  for (const { name, shape, data } of params) {
    if (name.endsWith('bias')) assert.ok(data.every((v) => v === 0), `${name} is zeros`);
    else {
      const bound = Math.sqrt(6 / (shape[0] + shape[1]));
      const max = data.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      assert.ok(max <= bound && max > 0.99 * bound, `${name}: max |w| ${max}, bound ${bound}`);
    }
  }
  fromBuilders.dispose();
  fromText.dispose();
});

test('model.apply(lw.init.xavierUniform) is the same weight_init', () => {
  const spec = seedNetwork().apply(lw.init.xavierUniform).toSpec({ input: [784], seed: 42 });
  assert.deepEqual(spec, seedSpec);
  // and its siblings
  for (const [fn, type] of [[lw.init.xavierNormal, 'xavier_normal'], [lw.init.kaimingUniform, 'kaiming_uniform'],
    [lw.init.kaimingNormal, 'kaiming_normal']]) {
    assert.deepEqual(seedNetwork().apply(fn).toSpec().init, { weight: type, bias: 'zeros' });
  }
});

test('apply visits every module as PyTorch does: children first, then the parent; returns it', () => {
  const { nn } = lw;
  const inner = nn.Sequential(nn.Linear(4, 3), nn.Softmax(1));
  const outer = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), inner);
  const seen = [];
  assert.equal(outer.apply((m) => seen.push(String(m).split('(')[0])), outer);
  assert.deepEqual(seen, ['Linear', 'Tanh', 'Linear', 'Softmax', 'Sequential', 'Sequential']);
  assert.deepEqual(outer.modules().map((m) => m.constructor.name),
    ['Sequential', 'Linear', 'Tanh', 'Sequential', 'Linear', 'Softmax']);
  assert.equal(outer.children().length, 3);
  assert.equal(outer.length, 3);
  assert.equal(outer.layers[2], inner);
  // nested Sequentials are flattened into one spec
  assert.deepEqual(outer.toSpec().layers.map((l) => l.type), ['linear', 'tanh', 'linear', 'softmax']);
});

test('every builder: the spec entry it gives, with or without new, instanceof, and its PyTorch repr', () => {
  const { nn } = lw;
  const cases = [
    [nn.Flatten(), { type: 'flatten' }, 'Flatten(start_dim=1, end_dim=-1)'],
    [nn.Linear(8, 4), { type: 'linear', out: 4 }, 'Linear(in_features=8, out_features=4, bias=True)'],
    [nn.ReLU(), { type: 'relu' }, 'ReLU()'],
    [nn.LeakyReLU(), { type: 'leaky_relu', slope: 0.01 }, 'LeakyReLU(negative_slope=0.01)'],
    [nn.LeakyReLU(0.2), { type: 'leaky_relu', slope: 0.2 }, 'LeakyReLU(negative_slope=0.2)'],
    [nn.Tanh(), { type: 'tanh' }, 'Tanh()'],
    [nn.Sigmoid(), { type: 'sigmoid' }, 'Sigmoid()'],
    [nn.Identity(), { type: 'identity' }, 'Identity()'],
    [nn.Dropout(), { type: 'dropout', p: 0.5 }, 'Dropout(p=0.5, inplace=False)'],
    [nn.Dropout(0.1), { type: 'dropout', p: 0.1 }, 'Dropout(p=0.1, inplace=False)'],
    [nn.Linear(4, 3), { type: 'linear', out: 3 }, 'Linear(in_features=4, out_features=3, bias=True)'],
    [nn.Softmax(1), { type: 'softmax' }, 'Softmax(dim=1)'],
  ];
  const seq = nn.Sequential(...cases.map(([m]) => m));
  const spec = seq.toSpec({ input: [2, 4] });
  assert.deepEqual(spec, { input: [2, 4], layers: cases.map(([, layer]) => layer) });
  // the engine reads it back unchanged (toSpec writes the engine's own normal form)
  const model = lw.Model.fromSpec(spec);
  assert.deepEqual(model.spec, { ...spec, seed: 42 });
  assert.deepEqual(model.outputShape, [3]);
  model.dispose();
  assert.equal(String(seq), `Sequential(\n${cases.map(([, , repr], i) => `  (${i}): ${repr}`).join('\n')}\n)`);
  for (const name of ['Sequential', 'Linear', 'ReLU', 'LeakyReLU', 'Tanh', 'Sigmoid', 'Softmax', 'Identity', 'Dropout', 'Flatten']) {
    const args = name === 'Linear' ? [2, 3] : [];
    const a = nn[name](...args);
    const b = new nn[name](...args);
    assert.ok(a instanceof nn[name] && b instanceof nn[name] && a instanceof nn.Module, name);
    assert.equal(String(a), String(b));
    assert.equal(nn[name].name, name);
  }
  assert.equal(String(nn.Softmax()), 'Softmax(dim=None)');
  assert.equal(String(nn.Sequential()), 'Sequential()');
  const linear = nn.Linear(3, 5);
  assert.deepEqual([linear.inFeatures, linear.outFeatures], [3, 5]);
  assert.ok(linear.weight instanceof nn.Parameter);
  assert.deepEqual([linear.weight.name, linear.weight.shape, linear.weight.init], ['weight', [5, 3], undefined]);
  assert.deepEqual([linear.bias.name, linear.bias.shape], ['bias', [5]]);
  assert.equal(nn.LeakyReLU(0.3).negativeSlope, 0.3);
  assert.equal(nn.Dropout(0.3).p, 0.3);
  assert.equal(nn.Softmax(-1).dim, -1);
  // a single module is a one-layer model too
  assert.deepEqual(nn.Linear(2, 1).toSpec(), { input: [2], layers: [{ type: 'linear', out: 1 }] });
});

test('every initialiser records its spec entry, positionally or by name, and returns the parameter', () => {
  const { nn, init } = lw;
  const w = () => nn.Linear(4, 2).weight;
  const b = () => nn.Linear(4, 2).bias;
  const cases = [
    [() => init.xavierUniform_(w()), 'xavier_uniform'],
    [() => init.xavierUniform_(w(), { gain: 2 }), { type: 'xavier_uniform', gain: 2 }],
    [() => init.xavierUniform_(w(), 2), { type: 'xavier_uniform', gain: 2 }],
    [() => init.xavierNormal_(w()), 'xavier_normal'],
    [() => init.xavierNormal_(w(), { gain: init.calculateGain('tanh') }), { type: 'xavier_normal', gain: 5 / 3 }],
    [() => init.kaimingUniform_(w()), 'kaiming_uniform'],
    [() => init.kaimingUniform_(w(), { a: Math.sqrt(5) }), { type: 'kaiming_uniform', a: Math.sqrt(5) }],
    [() => init.kaimingNormal_(w(), 0, 'fan_out', 'relu'), { type: 'kaiming_normal', a: 0, mode: 'fan_out', nonlinearity: 'relu' }],
    [() => init.kaimingNormal_(w(), { mode: 'fan_in', nonlinearity: 'leaky_relu' }), { type: 'kaiming_normal', mode: 'fan_in', nonlinearity: 'leaky_relu' }],
    [() => init.zeros_(b()), 'zeros'],
    [() => init.constant_(b(), 0.5), { type: 'constant', value: 0.5 }],
    [() => init.constant_(b(), { val: -1 }), { type: 'constant', value: -1 }],
    [() => init.normal_(b()), 'normal'],
    [() => init.normal_(b(), 0, 0.01), { type: 'normal', mean: 0, std: 0.01 }],
    [() => init.normal_(w(), { std: 0.02 }), { type: 'normal', std: 0.02 }],
    [() => init.uniform_(b(), -0.1, 0.1), { type: 'uniform', a: -0.1, b: 0.1 }],
    [() => init.uniform_(b(), { b: 2 }), { type: 'uniform', b: 2 }],
  ];
  for (const [call, entry] of cases) {
    const p = call();
    assert.ok(p instanceof nn.Parameter);
    assert.deepEqual(p.init, entry);
    // the engine accepts each entry, on a weight or a bias as the case may be
    const spec = { input: [4], layers: [{ type: 'linear', out: 2, init: { [p.name]: entry } }] };
    lw.Model.fromSpec(spec).dispose();
  }
});

test('initialisers every Linear shares go to spec.init; others to the layer; the engine fills them', () => {
  const { nn, init } = lw;
  const seq = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1));
  const [a, , c, , e] = seq.layers;
  for (const m of [a, c, e]) init.xavierNormal_(m.weight, { gain: 5 / 3 });
  init.constant_(a.bias, 0.25);
  init.constant_(e.bias, -0.5); // c.bias: PyTorch's default
  const spec = seq.toSpec({ seed: 3 });
  assert.deepEqual(spec, {
    input: [2],
    layers: [
      { type: 'linear', out: 3, init: { bias: { type: 'constant', value: 0.25 } } }, { type: 'tanh' },
      { type: 'linear', out: 4 }, { type: 'tanh' },
      { type: 'linear', out: 1, init: { bias: { type: 'constant', value: -0.5 } } },
    ],
    init: { weight: { type: 'xavier_normal', gain: 5 / 3 } },
    seed: 3,
  });
  const model = lw.Model.fromSpec(seq, { seed: 3 });
  const p = Object.fromEntries(model.parameters().map(({ name, data }) => [name, data]));
  assert.ok(p['0.bias'].every((v) => v === 0.25));
  assert.ok(p['4.bias'].every((v) => v === -0.5));
  // PyTorch's default bias: U(−1/√fan_in, 1/√fan_in), fan_in 3
  assert.ok(p['2.bias'].every((v) => Math.abs(v) <= 1 / Math.sqrt(3)) && p['2.bias'].some((v) => v !== 0));
  model.dispose();
  // no choice at all: no "init", PyTorch's default everywhere, as a hand-written spec without one
  const plain = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1));
  assert.deepEqual(plain.toSpec(), { input: [2], layers: [{ type: 'linear', out: 3 }, { type: 'relu' }, { type: 'linear', out: 1 }] });
  const x = lw.Model.fromSpec(plain, { seed: 9 });
  const y = lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 3 }, { type: 'relu' }, { type: 'linear', out: 1 }], seed: 9 });
  sameModel(x, y);
  x.dispose();
  y.dispose();
});

test('Linear checks its in-features against the width before it, and says which layers disagree', () => {
  const { nn } = lw;
  assert.throws(() => nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(4, 1)).toSpec(),
    (err) => err instanceof LayerwiseError &&
      /layer 2: Linear\(4, 1\) takes 4 input features, but layer 1 \(Tanh\) gives 8; make it Linear\(8, 1\)/.test(err.message));
  assert.throws(() => lw.Model.fromSpec(nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(128, 64))),
    /layer 2: Linear\(128, 64\) takes 128 input features, but layer 1 \(ReLU\) gives 256/);
  assert.throws(() => nn.Linear(3, 1).toSpec({ input: [2] }), /layer 0: Linear\(3, 1\) takes 3 input features, but the input has 2/);
  assert.throws(() => nn.Sequential(nn.Linear(4, 1)).toSpec({ input: [2, 2] }),
    /needs a flat input, but the input has shape \[2,2\]; put lw\.nn\.Flatten\(\) before it/);
  // Flatten gives the product of the dimensions
  assert.deepEqual(nn.Sequential(nn.Flatten(), nn.Linear(12, 1)).toSpec({ input: [3, 4] }).layers,
    [{ type: 'flatten' }, { type: 'linear', out: 1 }]);
  assert.throws(() => nn.Sequential(nn.Flatten(), nn.Linear(12, 1)).toSpec(), /input shape cannot be inferred.*toSpec\(\{ input:/);
  assert.throws(() => nn.Sequential(nn.ReLU()).toSpec(), /input shape cannot be inferred/);
  assert.throws(() => nn.Sequential().toSpec(), /this Sequential is empty/);
  assert.throws(() => nn.Sequential(nn.Linear(2, 3), nn.Softmax(0)).toSpec(), /Softmax\(dim=0\) is not over the last dimension.*Softmax\(1\)/);
  assert.deepEqual(nn.Sequential(nn.Dropout(0.2), nn.Linear(2, 3), nn.Softmax(-1)).toSpec().input, [2]);
  const shared = nn.Linear(3, 3);
  assert.throws(() => nn.Sequential(shared, nn.ReLU(), shared).toSpec(), /layer 2 is the same Linear as layer 0; layers cannot share weights/);
  const relu = nn.ReLU(); // a stateless module may appear twice
  assert.equal(nn.Sequential(nn.Linear(2, 3), relu, nn.Linear(3, 3), relu).toSpec().layers.length, 4);
  class Custom extends nn.Module {}
  assert.throws(() => nn.Sequential(nn.Linear(2, 3), new Custom()).toSpec(), /layer 1 is a Custom, which is not a Layerwise layer/);
});

test('calculateGain is PyTorch\'s', () => {
  const { calculateGain } = lw.init;
  assert.equal(calculateGain('linear'), 1);
  assert.equal(calculateGain('identity'), 1);
  assert.equal(calculateGain('sigmoid'), 1);
  assert.equal(calculateGain('tanh'), 5 / 3);
  assert.equal(calculateGain('relu'), Math.sqrt(2));
  assert.equal(calculateGain('leaky_relu'), Math.sqrt(2 / (1 + 0.01 ** 2)));
  assert.equal(calculateGain('leaky_relu', 0.2), Math.sqrt(2 / 1.04));
  assert.throws(() => calculateGain('selu'), /unknown nonlinearity "selu"; allowed: linear, identity, sigmoid, tanh, relu, leaky_relu/);
});

test('Model.fromSpec(module, {input, seed}); nn and init need no engine', () => {
  const { nn } = mod; // module exports, usable before loadLayerwise()
  assert.equal(nn, lw.nn);
  assert.equal(mod.init, lw.init);
  const seq = nn.Sequential(nn.Flatten(), nn.Linear(4, 2));
  const model = lw.Model.fromSpec(seq, { input: [2, 2], seed: 5 });
  assert.deepEqual(model.spec, { input: [2, 2], layers: [{ type: 'flatten' }, { type: 'linear', out: 2 }], seed: 5 });
  model.dispose();
  assert.throws(() => lw.Model.fromSpec({ input: [2], layers: [{ type: 'relu' }] }, { seed: 1 }),
    /options \{ input, seed \} go with an lw\.nn module/);
  assert.throws(() => seq.toSpec({ inputs: [4] }), /unknown option "inputs"; allowed: input, seed/);
  assert.throws(() => seq.toSpec({ input: [2, 2], seed: -1 }), /seed must be a whole number/);
});

// The issue's small CNN, by hand and with the builders.
const cnnSpec = {
  input: [1, 28, 28],
  layers: [
    { type: 'conv2d', out: 8, kernel: 5, stride: 1, padding: 0 }, { type: 'relu' },
    { type: 'maxpool2d', kernel: 2, stride: 2, padding: 0 },
    { type: 'conv2d', out: 16, kernel: 5, stride: 1, padding: 0 }, { type: 'relu' },
    { type: 'maxpool2d', kernel: 2, stride: 2, padding: 0 },
    { type: 'flatten' }, { type: 'linear', out: 10 },
  ],
  seed: 42,
};

function smallCnn() {
  const { nn } = lw;
  return nn.Sequential(
    nn.Conv2d(1, 8, 5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(8, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(16 * 4 * 4, 10),
  );
}

test('the small CNN from the builders is the hand-written spec, and the engine gives it back unchanged', () => {
  const spec = smallCnn().toSpec({ input: [1, 28, 28], seed: 42 });
  assert.equal(JSON.stringify(spec), JSON.stringify(cnnSpec)); // key order too
  const fromBuilders = lw.Model.fromSpec(smallCnn(), { input: [1, 28, 28] });
  const fromText = lw.Model.fromSpec(JSON.stringify(cnnSpec));
  sameModel(fromBuilders, fromText);
  assert.deepEqual(fromBuilders.spec, cnnSpec);
  assert.deepEqual(fromBuilders.inputShape, [1, 28, 28]);
  assert.deepEqual(fromBuilders.outputShape, [10]);
  assert.deepEqual(fromBuilders.parameters().map((p) => [p.name, p.shape]), [
    ['0.weight', [8, 1, 5, 5]], ['0.bias', [8]], ['3.weight', [16, 8, 5, 5]], ['3.bias', [16]],
    ['7.weight', [10, 256]], ['7.bias', [10]],
  ]);
  // PyTorch's default init: every conv weight and bias within 1/√(in·kh·kw)
  for (const { name, data } of fromBuilders.parameters().slice(0, 4)) {
    const bound = 1 / Math.sqrt(name.startsWith('0.') ? 25 : 200);
    assert.ok(data.every((v) => Math.abs(v) <= bound), `${name} within ±${bound}`);
  }
  fromBuilders.dispose();
  fromText.dispose();
});

test('Conv2d, MaxPool2d and AvgPool2d: spec entries, shapes through them, PyTorch argument order and repr', () => {
  const { nn } = lw;
  // odd sizes, stride 2, padding, non-square kernels: ⌊(H + 2p − k) / s⌋ + 1
  const seq = nn.Sequential(
    nn.Conv2d(3, 4, [3, 5], { stride: 2, padding: [1, 2] }), // [3, 9, 7] → [4, 5, 4]
    new nn.MaxPool2d(2, 1), // stride 1: [4, 4, 3]
    nn.AvgPool2d(3, { padding: 1 }), // stride 3: [4, 2, 1]
    nn.Flatten(), nn.Linear(8, 2),
  );
  assert.deepEqual(seq.toSpec({ input: [3, 9, 7] }).layers, [
    { type: 'conv2d', out: 4, kernel: [3, 5], stride: 2, padding: [1, 2] },
    { type: 'maxpool2d', kernel: 2, stride: 1, padding: 0 },
    { type: 'avgpool2d', kernel: 3, stride: 3, padding: 1 },
    { type: 'flatten' }, { type: 'linear', out: 2 },
  ]);
  const model = lw.Model.fromSpec(seq, { input: [3, 9, 7] });
  assert.deepEqual(model.spec.layers, seq.toSpec({ input: [3, 9, 7] }).layers);
  assert.equal(model.forward(new Float32Array(2 * 3 * 9 * 7), 2).length, 4);
  model.dispose();
  // positional stride and padding, as PyTorch's Conv2d(in, out, k, stride, padding)
  assert.deepEqual(nn.Conv2d(1, 2, 3, 2, 1).toSpec({ input: [1, 5, 5] }).layers,
    [{ type: 'conv2d', out: 2, kernel: 3, stride: 2, padding: 1 }]);
  const conv = nn.Conv2d(2, 6, [3, 5], { stride: [2, 1] });
  assert.ok(conv instanceof nn.Conv2d && conv instanceof nn.Module);
  assert.deepEqual([conv.inChannels, conv.outChannels, conv.kernelSize, conv.stride, conv.padding], [2, 6, [3, 5], [2, 1], [0, 0]]);
  assert.deepEqual([conv.weight.shape, conv.bias.shape], [[6, 2, 3, 5], [6]]);
  assert.throws(() => { conv.kernelSize[0] = 9; }, TypeError); // frozen, as the module is
  assert.equal(String(conv), 'Conv2d(2, 6, kernel_size=(3, 5), stride=(2, 1))');
  assert.equal(String(nn.Conv2d(1, 1, 3, { padding: 1 })), 'Conv2d(1, 1, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))');
  assert.equal(String(nn.MaxPool2d(2)), 'MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)');
  assert.equal(String(new nn.AvgPool2d([2, 3], { stride: 1 })), 'AvgPool2d(kernel_size=(2, 3), stride=1, padding=0)');
  assert.ok(nn.MaxPool2d(2) instanceof nn.MaxPool2d && !(nn.MaxPool2d(2) instanceof nn.AvgPool2d));
});

test('conv layers check channels and shapes, and say which layer and shape disagree', () => {
  const { nn } = lw;
  const fails = (fn, re) => assert.throws(fn, (err) => err instanceof LayerwiseError && re.test(err.message), String(re));
  fails(() => nn.Sequential(nn.Conv2d(3, 8, 5)).toSpec({ input: [1, 28, 28] }),
    /layer 0: Conv2d\(3, 8, 5\) takes 3 input channels, but the input has 1 \(shape \[1,28,28\]\); make it Conv2d\(1, 8, 5\)/);
  fails(() => nn.Sequential(nn.Conv2d(1, 8, 5), nn.ReLU(), nn.Conv2d(4, 2, 3)).toSpec({ input: [1, 28, 28] }),
    /layer 2: Conv2d\(4, 2, 3\) takes 4 input channels, but layer 1 \(ReLU\) gives 8 \(shape \[8,24,24\]\)/);
  fails(() => nn.Sequential(nn.Conv2d(1, 8, 5)).toSpec({ input: [784] }),
    /layer 0: Conv2d\(1, 8, 5\) needs an image input \[channels, height, width\], but the input has shape \[784\]; give toSpec an image input/);
  fails(() => nn.Sequential(nn.Conv2d(1, 4, 3), nn.Linear(4, 2)).toSpec({ input: [1, 6, 6] }),
    /layer 1: Linear\(4, 2\) needs a flat input, but layer 0 \(Conv2d\) gives shape \[4,4,4\]; put lw\.nn\.Flatten\(\) before it/);
  fails(() => nn.Sequential(nn.Conv2d(1, 4, 5), nn.MaxPool2d(3)).toSpec({ input: [1, 6, 6] }),
    /layer 1: MaxPool2d\(3\)'s 3×3 kernel is larger than its padded input 2×2 \(layer 0 \(Conv2d\) gives shape \[4,2,2\], padding 0×0\)/);
  fails(() => nn.Conv2d(1, 4, 9, { padding: 1 }).toSpec({ input: [1, 6, 6] }), /9×9 kernel is larger than its padded input 8×8/);
  fails(() => nn.Conv2d(1, 4, 3, { stride: 0 }), /nn\.Conv2d: stride must be a whole number ≥ 1, got 0/);
  fails(() => nn.Conv2d(1, 4, [3, 3, 3]), /nn\.Conv2d: kernelSize must be a number or a pair \[h, w\], got 3 numbers/);
  fails(() => nn.Conv2d(1, 4, 3, { dilation: 2 }), /nn\.Conv2d.*dilation/);
  fails(() => nn.Conv2d(1, 4, 3, 1, 0, 2), /nn\.Conv2d: takes at most 2 options after the kernel size \(stride, padding\), got 3/);
  fails(() => nn.MaxPool2d(3, { padding: 2 }), /nn\.MaxPool2d: padding 2×2 is more than half the kernel 3×3; PyTorch allows at most 1×1/);
  fails(() => nn.AvgPool2d(2, 0), /nn\.AvgPool2d: stride must be a whole number ≥ 1, got 0/);
  fails(() => nn.Sequential(nn.Conv2d(1, 2, 3)).toSpec(), /input shape cannot be inferred/);
  const shared = nn.Conv2d(2, 2, 1);
  fails(() => nn.Sequential(shared, shared).toSpec({ input: [2, 3, 3] }), /layer 1 is the same Conv2d as layer 0; layers cannot share weights/);
  // the engine's own checks name the spec's layer (a hand-written spec skips the builders)
  assert.throws(() => lw.Model.fromSpec({ input: [1, 8, 8], layers: [{ type: 'relu' }, { type: 'conv2d', out: 2, kernel: 9 }] }),
    (err) => err instanceof LayerwiseError &&
      /spec\.layers\[1\] \(conv2d\): the 9×9 kernel is larger than its padded input 8×8 \(input \[1, 8, 8\], padding 0×0\)/.test(err.message));
  assert.throws(() => lw.Model.fromSpec({ input: [2, 4, 4], layers: [{ type: 'maxpool2d', kernel: 2, stride: 0 }] }),
    /spec\.layers\[0\]\.stride must be between 1 and 65536, got 0/);
});

test('lw.init reaches Conv2d: shared with Linear it goes to spec.init, alone to the layer, with fans in·kh·kw', () => {
  const { nn, init } = lw;
  const seq = nn.Sequential(nn.Conv2d(8, 32, 5), nn.Tanh(), nn.Flatten(), nn.Linear(32, 3));
  const [conv, , , linear] = seq.layers;
  init.xavierUniform_(conv.weight);
  init.zeros_(conv.bias);
  const alone = seq.toSpec({ input: [8, 5, 5] });
  assert.deepEqual(alone.layers[0], { type: 'conv2d', out: 32, kernel: 5, stride: 1, padding: 0, init: { weight: 'xavier_uniform', bias: 'zeros' } });
  assert.equal(alone.init, undefined);
  init.xavierUniform_(linear.weight);
  init.zeros_(linear.bias);
  const shared = seq.toSpec({ input: [8, 5, 5], seed: 4 });
  assert.deepEqual(shared.init, { weight: 'xavier_uniform', bias: 'zeros' });
  assert.equal(shared.layers[0].init, undefined);
  const model = lw.Model.fromSpec(seq, { input: [8, 5, 5], seed: 4 });
  const [w] = model.parameters();
  // fan_in = 8·5·5 = 200, fan_out = 32·5·5 = 800: bound √(6/1000)
  const bound = Math.sqrt(6 / 1000);
  const max = w.data.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  assert.ok(max <= bound && max > 0.98 * bound, `max |w| ${max}, bound ${bound}`);
  model.dispose();
  // the seed's weight_init (isinstance(m, nn.Linear)) leaves Conv2d at PyTorch's default
  const seeded = nn.Sequential(nn.Conv2d(1, 2, 3), nn.Flatten(), nn.Linear(2, 1)).apply(init.xavierUniform).toSpec({ input: [1, 3, 3] });
  assert.equal(seeded.init, undefined);
  assert.deepEqual(seeded.layers[2].init, { weight: 'xavier_uniform', bias: 'zeros' });
  assert.equal(seeded.layers[0].init, undefined);
});
