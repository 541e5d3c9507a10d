// Every bad input — a wrong length or type of array, a bad spec, an unknown name, a NaN, a huge
// size, a disposed object — throws a LayerwiseError whose message names the problem; no wasm
// trap, no abort; and the next valid call works.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './helpers.mjs';

let lw, mod, LayerwiseError;
before(async () => ({ lw, mod, LayerwiseError } = await loadEngine()));

function expectError(bad, message, what) {
  assert.throws(bad, (err) => {
    assert.ok(err instanceof LayerwiseError, `${what}: ${err} should be a LayerwiseError`);
    assert.equal(err.name, 'LayerwiseError');
    assert.doesNotMatch(err.message, /engine stopped|RuntimeError|Aborted/, `${what}: the engine trapped`);
    assert.match(err.message, message, what);
    return true;
  }, what);
}

test('bad input of every kind: a LayerwiseError naming the problem, then the engine carries on', () => {
  const { nn, init } = lw;
  const model = lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 3 }], seed: 4 });
  const opt = lw.optim.SGD(model, { lr: 0.1 });
  const data = lw.data.generate('blobs3', { n: 30 });
  const sine = lw.data.generate('sine', { n: 10 });
  const x = new Float32Array([0.5, -1]);
  const expected = [...model.forward(x, 1)];
  const cyclic = { input: [2], layers: [{ type: 'relu' }] };
  cyclic.self = cyclic;
  const ce = lw.loss.CrossEntropy();

  const cases = {
    // arrays: length, type, values, sizes
    'x of the wrong length': [() => model.forward(new Float32Array(3), 2), /forward: x has 3 values, but a batch of 2 samples of shape \[2\] needs 4/],
    'x a string': [() => model.forward('1,2', 1), /forward: x must be a Float32Array \(or an array of numbers\), got the string "1,2"/],
    'x an object': [() => model.forward({ length: 2 }, 1), /x must be a Float32Array.*got an Object/],
    'x null': [() => model.forward(null, 1), /x must be a Float32Array.*got null/],
    'x a DataView': [() => model.forward(new DataView(new ArrayBuffer(8)), 1), /got a DataView/],
    'x holding a Symbol': [() => model.forward([Symbol('s'), 1], 1), /x must hold numbers/],
    'x holding NaN': [() => model.forward([NaN, 1], 1), /forward: x value 0 is nan; every value must be finite/],
    'x holding a string': [() => model.forward(['a', 1], 1), /value 0 is nan/],
    'x holding Infinity': [() => model.forward(new Float32Array([1, Infinity]), 1), /value 1 is inf/],
    'batch 0': [() => model.forward([], 0), /batch must be a whole number ≥ 1, got 0/],
    'batch 1.5': [() => model.forward(x, 1.5), /batch must be a whole number ≥ 1, got 1\.5/],
    'batch "1"': [() => model.forward(x, '1'), /batch must be a whole number ≥ 1, got the string "1"/],
    'batch missing': [() => model.forward(x), /batch must be a whole number ≥ 1, got undefined/],
    'batch 2^31': [() => model.forward(x, 2 ** 31), /batch must be a whole number ≥ 1, got 2147483648/],
    'batch 2^30': [() => model.forward(x, 2 ** 30), /forward: batch of 1073741824 is too large/],
    'y of the wrong length': [() => model.trainStep(x, [0, 1], 1, ce, opt), /trainStep: y has 2 values, but 1 samples need 1 for cross_entropy/],
    'a class out of range': [() => model.trainStep(x, [3], 1, ce, opt), /cross_entropy: target 0 is 3; targets are class indices 0 \.\. 2/],
    'a fractional class': [() => model.trainStep(x, [0.5], 1, ce, opt), /target 0 is 0\.5/],
    'y holding NaN': [() => model.trainStep(x, [NaN], 1, ce, opt), /trainStep: y value 0 is nan/],
    'a BCE target outside [0, 1]': [() => model.trainStep(x, [0, 2, 0], 1, 'bce', opt), /bce: target 1 is 2; targets must be in \[0, 1\]/],
    'a BCE prediction outside [0, 1]': [() => model.trainStep([100, 2], [0, 1, 0], 1, 'bce', opt), /bce needs probabilities in \[0, 1\] \(put a sigmoid before it/],
    'a negative l1': [() => model.trainStep(x, [0], 1, ce, opt, { l1: -1 }), /l1 must be a finite number >= 0, got -1/],
    'a NaN l1': [() => model.trainEpoch(data, 10, ce, opt, { l1: NaN }), /trainEpoch: l1 must be a finite number, got NaN/],
    'data of the wrong width': [() => model.trainEpoch(sine, 10, 'mse', opt), /trainEpoch: y has 10 values, but 10 samples need 30 for mse/],
    'data not a Dataset': [() => model.evaluate({}, ce), /evaluate: data must be a Dataset of this engine, got an Object/],
    'batch 0 for an epoch': [() => model.trainEpoch(data, 0, ce, opt), /trainEpoch: batch must be a whole number ≥ 1, got 0/],
    // specs
    'malformed JSON': [() => lw.Model.fromSpec('{"input": [2], "layers": ['), /JSON: unexpected end of input at line 1, column 27/],
    'an unknown layer': [() => lw.Model.fromSpec({ input: [2], layers: [{ type: 'conv9' }] }), /spec\.layers\[0\]: unknown layer type "conv9"; allowed: linear, relu/],
    'out 0': [() => lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 0 }] }), /spec\.layers\[0\]\.out must be between 1 and 65536, got 0/],
    'a huge out': [() => lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 1e9 }] }), /out must be between 1 and 65536, got 1e\+09/],
    'out NaN (JSON null)': [() => lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: NaN }] }), /out must be a number, got null/],
    'out a string': [() => lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: '8' }] }), /out must be a number, got a string/],
    'a huge input': [() => lw.Model.fromSpec({ input: [1e9], layers: [{ type: 'relu' }] }), /spec\.input\[0\] must be between 1 and 67108864/],
    'no input dimensions': [() => lw.Model.fromSpec({ input: [], layers: [{ type: 'relu' }] }), /spec\.input must have 1 to 3 dimensions, got 0/],
    'no layers': [() => lw.Model.fromSpec({ input: [2], layers: [] }), /spec\.layers is empty/],
    '100 layers': [() => lw.Model.fromSpec({ input: [2], layers: Array(100).fill({ type: 'relu' }) }), /has 100 layers; at most 64/],
    'too many parameters': [() => lw.Model.fromSpec({ input: [65536], layers: [{ type: 'linear', out: 65536 }] }), /more than 2\^26/],
    'an unknown spec key': [() => lw.Model.fromSpec({ input: [2], layers: [{ type: 'relu' }], lr: 1 }), /spec has an unknown key "lr"; allowed: input, layers, init, seed/],
    'an unknown layer key': [() => lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 2, units: 3 }] }), /unknown key "units"/],
    'a cyclic spec': [() => lw.Model.fromSpec(cyclic), /spec cannot be written as JSON: Converting circular structure/],
    'a BigInt in a spec': [() => lw.Model.fromSpec({ input: [2n], layers: [] }), /cannot be written as JSON.*BigInt/],
    'a negative seed': [() => lw.Model.fromSpec({ input: [2], layers: [{ type: 'relu' }], seed: -1 }), /spec\.seed must be between 0 and/],
    'an unknown initialiser': [() => lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 1 }], init: { weight: 'glorot' } }), /unknown initialiser "glorot"; allowed: default, zeros/],
    'a negative gain': [() => lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 1 }], init: { weight: { type: 'xavier_uniform', gain: -1 } } }), /gain must be > 0, got -1/],
    'xavier on a bias': [() => lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 1 }], init: { bias: 'xavier_uniform' } }), /xavier_uniform needs a weight matrix/],
    'dropout p 1': [() => lw.Model.fromSpec({ input: [2], layers: [{ type: 'dropout', p: 1 }] }), /p must be in \[0, 1\), got 1/],
    'linear on a 2-D input': [() => lw.Model.fromSpec({ input: [2, 2], layers: [{ type: 'linear', out: 1 }] }), /needs a flat input, got shape \[2, 2\]; put a flatten layer before it/],
    'a spec that is a number': [() => lw.Model.fromSpec(42), /spec must be an object or JSON text, got 42/],
    'a spec that is an array': [() => lw.Model.fromSpec([1, 2]), /spec must be an object, got an array/],
    // saved models and parameters
    'not a model file': [() => lw.Model.fromJSON({ format: 'x' }), /not a Layerwise model file/],
    'a model file with short data': [() => {
      const saved = model.toJSON();
      saved.parameters[0].data = [1];
      lw.Model.fromJSON(saved);
    }, /0\.weight has 1 values, expected 6 for shape \[3, 2\]/],
    'parameters not a list': [() => model.setParameters({}), /setParameters: expected a list like model\.parameters\(\), got an Object/],
    'a parameter item null': [() => model.setParameters([null]), /item 0 must be \{name, data\}, got null/],
    'wrong parameter names': [() => model.setParameters([{ name: 'a', data: [1] }, { name: 'b', data: [1] }]), /parameter 0 is named "a", expected "0\.weight"/],
    'a NaN parameter': [() => model.setParameters([{ name: '0.weight', data: [1, 2, 3, 4, 5, NaN] }, { name: '0.bias', data: [1, 2, 3] }]), /0\.weight\[5\] is nan/],
    // optimisers
    'an unknown option': [() => lw.optim.SGD(model, { foo: 1 }), /sgd options has an unknown key "foo"; allowed: lr, momentum, dampening, weightDecay, nesterov/],
    'an option of PyTorch\'s but not this optimiser\'s': [() => lw.optim.Adam(model, { momentum: 0.9 }), /adam options has an unknown key "momentum"/],
    'lr a string': [() => lw.optim.SGD(model, { lr: '0.1' }), /sgd: lr must be a number, got a string/],
    'lr NaN': [() => lw.optim.Adam(model, { lr: NaN }), /lr must be a finite number, got NaN/],
    'lr negative': [() => opt.setLr(-1), /lr must be a finite number >= 0, got -1/],
    'betas out of range': [() => lw.optim.Adam(model, { betas: [2, 0.9] }), /betas\[0\] must be a finite number in \[0, 1\), got 2/],
    'one beta': [() => lw.optim.Adam(model, { betas: [0.9] }), /betas must be an array of 2 numbers/],
    'options an array': [() => lw.optim.Adam(model, [1]), /Adam options must be an object such as \{ lr: 0\.01 \}/],
    'options with a BigInt': [() => opt.set({ lr: 1n }), /cannot be written as JSON/],
    'an optimiser without a model': [() => lw.optim.RMSprop({}), /RMSprop\(model\) must be a Model of this engine, got an Object/],
    'an unknown loss': [() => model.trainStep(x, [0], 1, 'hinge', opt), /unknown loss "hinge"; allowed: mse, bce, bce_with_logits, cross_entropy/],
    'a loss that is no loss': [() => model.evaluate(data, 3), /loss must be a loss such as lw\.loss\.MSE\(\), got 3/],
    'new Loss of an unknown name': [() => new lw.Loss('hinge'), /unknown loss "hinge"/],
    // data
    'an unknown dataset': [() => lw.data.generate('torus'), /unknown name "torus"; choose one of circle, xor/],
    'n 0': [() => lw.data.generate('xor', { n: 0 }), /generate: n must be a whole number ≥ 1, got 0/],
    'a huge n': [() => lw.data.generate('xor', { n: 1e6 }), /1000000 points requested; the number of points must be between 1 and 100000/],
    'noise 2': [() => lw.data.generate('xor', { noise: 2 }), /noise 2 is out of range/],
    'a negative data seed': [() => lw.data.generate('xor', { seed: -1 }), /seed must be a whole number from 0 to 2\^53, got -1/],
    'x and y disagree': [() => lw.data.fromArrays([1, 2, 3], [0, 1], { classes: 2 }), /x has 3 values, but 2 samples of 2 features need 4/],
    'one class': [() => lw.data.fromArrays([1, 2], [0], { classes: 1 }), /classes must be 0 \(regression\) or between 2 and 64, got 1/],
    'a label out of range': [() => lw.data.fromArrays([1, 2, 3, 4], [0, 5], { classes: 2 }), /label 1 is 5; labels are class indices 0 \.\. 1/],
    'too many samples': [() => lw.data.fromArrays(new Float32Array(200002), new Float32Array(100001)), /n must be between 1 and 100000, got 100001/],
    'an unknown feature': [() => data.featureMap(['x3']), /unknown feature "x3"; choose from x1, x2/],
    'features not a list': [() => data.featureMap('x1'), /features must be an array of names/],
    'a feature twice': [() => data.featureMap(['x1', 'x1']), /feature "x1" is chosen twice/],
    'points not in pairs': [() => lw.data.featureMap([1, 2, 3], ['x1']), /points hold 3 values; expected pairs/],
    'split ratio 0': [() => data.split(0), /split: train ratio 0 is out of range/],
    'split ratio NaN': [() => data.split(NaN), /split: trainRatio must be a finite number, got NaN/],
    'standardize with other widths': [() => data.standardize({ mean: [0], std: [1] }), /^standardize: data has shape \[30, 2\], but the standardizer was fitted on 1 features/],
    'stats bins 0': [() => model.stats(0), /stats: bins must be a whole number ≥ 1, got 0/],
    'stats bins 5000': [() => model.stats(5000), /stats: bins must be between 1 and 1024, got 5000/],
    'reset seed "a"': [() => model.reset('a'), /reset: seed must be a whole number/],
    // nn and init
    'Linear(0, 2)': [() => nn.Linear(0, 2), /nn\.Linear: inFeatures must be a whole number ≥ 1, got 0/],
    'Linear(2, 2.5)': [() => nn.Linear(2, 2.5), /outFeatures must be a whole number ≥ 1, got 2\.5/],
    'Linear without bias': [() => nn.Linear(2, 2, false), /bias = false is not supported/],
    'a Sequential of a string': [() => nn.Sequential('relu'), /argument 0 must be a module such as lw\.nn\.ReLU\(\), got the string "relu"/],
    'a builder not called': [() => nn.Sequential(nn.Linear(2, 2), nn.ReLU), /argument 1 .*got the function ReLU; call it: lw\.nn\.ReLU\(\)/],
    'an initialiser on a non-parameter': [() => init.xavierUniform_({}), /expected a parameter such as m\.weight or m\.bias/],
    'an unknown init option': [() => init.normal_(nn.Linear(2, 2).weight, { sd: 1 }), /init\.normal_: unknown option "sd"; allowed: mean, std/],
    'an init option NaN': [() => init.normal_(nn.Linear(2, 2).weight, { std: NaN }), /std must be a finite number, got NaN/],
    'an unknown mode': [() => init.kaimingUniform_(nn.Linear(2, 2).weight, { mode: 'fan' }), /mode must be "fan_in" or "fan_out"/],
    'an unknown nonlinearity': [() => init.kaimingNormal_(nn.Linear(2, 2).weight, { nonlinearity: 'selu' }), /unknown nonlinearity "selu"/],
    'too many init arguments': [() => init.uniform_(nn.Linear(2, 2).weight, 1, 2, 3), /takes at most 2 options \(a, b\), got 3/],
    'constant_ without a value': [() => init.constant_(nn.Linear(2, 2).bias), /constant_: needs val/],
    'xavier on m.bias': [() => init.xavierNormal_(nn.Linear(2, 2).bias), /fan in and fan out cannot be computed for m\.bias, of shape \[2\]/],
    'apply(3)': [() => nn.ReLU().apply(3), /apply: expected a function/],
    'Dropout(NaN)': [() => nn.Dropout(NaN), /nn\.Dropout: p must be a finite number, got NaN/],
    'LeakyReLU("x")': [() => nn.LeakyReLU('x'), /negativeSlope must be a finite number/],
    'Softmax("1")': [() => nn.Softmax('1'), /dim must be a whole number/],
    'Flatten(0)': [() => nn.Flatten(0), /flattens all but the batch dimension/],
    'a bad std reaching the engine': [() => lw.Model.fromSpec(nn.Sequential(nn.Linear(2, 2))
      .apply((m) => m instanceof nn.Linear && init.normal_(m.weight, { std: -1 }))), /spec\.init\.weight\.std must be >= 0, got -1/],
  };

  for (const [what, [bad, message]] of Object.entries(cases)) {
    expectError(bad, message, what);
    assert.deepEqual([...model.forward(x, 1)], expected, `after ${what}`);
  }
  // and the engine still trains
  const loss = model.trainEpoch(data, 10, ce, opt);
  assert.ok(Number.isFinite(loss));
  for (const o of [opt, data, sine, model]) o.dispose();
});

test('a disposed Model, Optimizer or Dataset refuses every method and property', () => {
  const model = lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 1 }] });
  const opt = lw.optim.Adam(model);
  const data = lw.data.generate('xor', { n: 20 });
  const other = lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 1 }] });
  const otherOpt = lw.optim.SGD(other);
  const live = lw.data.generate('xor', { n: 20 });
  for (const o of [model, opt, data]) o.dispose();
  const args = [[1, 2], [0], 1, 'mse', otherOpt];
  let checked = 0;
  for (const [obj, Class] of [[model, lw.Model], [opt, lw.Optimizer], [data, lw.Dataset]]) {
    assert.equal(obj.disposed, true);
    obj.dispose(); // twice is fine
    for (const name of Object.getOwnPropertyNames(Class.prototype)) {
      if (['constructor', 'dispose', 'disposed', 'model'].includes(name)) continue;
      const { get, value } = Object.getOwnPropertyDescriptor(Class.prototype, name);
      const use = get ? () => obj[name] : () => value.apply(obj, args);
      expectError(use, new RegExp(`this ${Class.name} was disposed and cannot be used`), `${Class.name}.${name}`);
      checked++;
    }
  }
  assert.ok(checked >= 25, `${checked} members checked`);
  // a disposed object passed to a live one
  expectError(() => other.trainEpoch(data, 10, 'mse', otherOpt), /trainEpoch: data: this Dataset was disposed/, 'disposed data');
  expectError(() => other.trainEpoch(live, 10, 'mse', opt), /trainEpoch: optimizer: this Optimizer was disposed/, 'disposed optimizer');
  expectError(() => lw.optim.SGD(model), /SGD\(model\): this Model was disposed/, 'disposed model');
  assert.ok(Number.isFinite(other.trainEpoch(live, 10, 'mse', otherOpt)));
  for (const o of [other, otherOpt, live]) o.dispose();
});

test('a .wasm that is not one rejects with a LayerwiseError; the loaded engine is unaffected', async () => {
  await assert.rejects(mod.loadLayerwise({ wasmBinary: new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9]) }),
    (err) => err instanceof LayerwiseError && /could not start the engine/.test(err.message));
  const model = lw.Model.fromSpec({ input: [1], layers: [{ type: 'linear', out: 1 }] });
  model.setParameters([{ name: '0.weight', data: [2] }, { name: '0.bias', data: [1] }]);
  assert.deepEqual([...model.forward([3], 1)], [7]);
  model.dispose();
});
