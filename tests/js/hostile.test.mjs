// Hostile calls at the engine's boundary (docs/js-api.md, "What crosses into the engine"): code
// of the caller's (a getter, a Proxy, valueOf) that disposes or creates engine objects while an
// argument is being read; lengths that would exhaust memory; numbers finite in double but not
// in float32; sizes that would wrap around 2^32; options of the wrong type or null. Each must
// end in a LayerwiseError that names the argument (or in a correct result computed on a copy),
// never in a raw TypeError, an out-of-memory abort or a call on freed memory; afterwards the
// engine computes exactly what a fresh one does. Every hostile call goes through `hostile`,
// which counts them: the count is printed and asserted at the end.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, paramMap } from './helpers.mjs';

const { lw, LayerwiseError } = await loadEngine();

let tried = 0;

/** One hostile call: it must throw a LayerwiseError whose message matches pattern. */
function hostile(fn, pattern, what) {
  tried++;
  assert.throws(fn, (err) => {
    assert.ok(err instanceof LayerwiseError, `${what}: a LayerwiseError, got ${err?.constructor?.name}: ${err?.message}`);
    assert.match(err.message, pattern, what);
    return true;
  }, what);
}

/** One hostile call that the engine answers correctly, on its own copy; returns its result. */
function survives(fn) {
  tried++;
  return fn();
}

const spec = { input: [2], layers: [{ type: 'linear', out: 1 }], seed: 7 };
const WEIGHTS = [{ name: '0.weight', data: [2, -1] }, { name: '0.bias', data: [0.5] }];
const fresh = () => {
  const m = lw.Model.fromSpec(spec);
  m.setParameters(WEIGHTS);
  return m;
};

// An array of numbers whose reads run `trap` once, the first time index `at` is read.
function trapped(values, trap, at = 0) {
  let fired = false;
  return new Proxy([...values], {
    get(target, key, receiver) {
      if (key === String(at) && !fired) {
        fired = true;
        trap();
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

const baseline = lw.memory().usedBytes;

test('code of the caller that disposes the model, its optimiser or its data mid-call meets a LayerwiseError', () => {
  let model = fresh();
  hostile(() => model.forward(trapped([1, 2], () => model.dispose()), 1), /^forward: this Model was disposed/, 'forward, model disposed by x');

  // disposed, then another model made in its place: the call must not run on the newcomer
  model = fresh();
  let other;
  hostile(() => model.forward(trapped([1, 2], () => {
    model.dispose();
    other = lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 3 }], seed: 1 });
  }), 1), /^forward: this Model was disposed/, 'forward, model replaced by x');
  assert.equal(other.forward([1, 2], 1).length, 3, 'the newcomer is intact');
  other.dispose();

  model = fresh();
  let opt = lw.optim.SGD(model, { lr: 0.1 });
  hostile(() => model.trainStep([1, 2], trapped([1], () => opt.dispose()), 1, 'mse', opt),
    /^trainStep: optimizer: this Optimizer was disposed/, 'trainStep, optimizer disposed by y');
  hostile(() => model.trainStep([1, 2], [1], 1, 'mse', opt), /this Optimizer was disposed/, 'trainStep after');
  opt = lw.optim.SGD(model, { lr: 0.1 });
  hostile(() => model.trainStep([1, 2], [1], 1, 'mse', opt, { get l1() { model.dispose(); return 0; } }),
    /^trainStep: this Model was disposed/, 'trainStep, model disposed by the l1 getter');
  opt.dispose();

  model = fresh();
  opt = lw.optim.Adam(model);
  let data = lw.data.generate('xor', { n: 20 });
  hostile(() => model.trainEpoch(data, 10, 'mse', opt, { get l1() { data.dispose(); return 0; } }),
    /^trainEpoch: data: this Dataset was disposed/, 'trainEpoch, data disposed by the l1 getter');
  assert.deepEqual(paramMap(model.parameters()), paramMap(fresh().parameters()), 'nothing trained');

  hostile(() => model.setParameters([{ name: '0.weight', get data() { model.dispose(); return [1, 1]; } }, WEIGHTS[1]]),
    /^setParameters: this Model was disposed/, 'setParameters, model disposed by a data getter');
  hostile(() => opt.set({ get lr() { opt.dispose(); return 0.1; } }), /^Adam\.set: this Optimizer was disposed/, 'opt.set, disposed by its options');

  data = lw.data.generate('xor', { n: 20 });
  hostile(() => data.featureMap(trapped(['x1', 'x2'], () => data.dispose())), /^Dataset\.featureMap: this Dataset was disposed/, 'featureMap, disposed by the names');
  data = lw.data.generate('xor', { n: 20 });
  hostile(() => data.standardize({ mean: [0, 0], get std() { data.dispose(); return [1, 1]; } }),
    /^Dataset\.standardize: this Dataset was disposed/, 'standardize, disposed by std');

  model = fresh();
  hostile(() => model.forward([{ valueOf() { model.dispose(); return 1; } }, 2], 1), /^forward: this Model was disposed/, 'forward, disposed by valueOf');
  hostile(() => model.reset(), /this Model was disposed/, 'reset after');

  // free parameters: the optimiser disposed by its gradients' getter
  const w = new Float32Array([1, 2]);
  const free = lw.optim.SGD([w], { lr: 0.5 });
  hostile(() => free.step([trapped([1, 1], () => free.dispose())]), /^SGD\.step: this Optimizer was disposed/, 'step, disposed by grads');
  assert.deepEqual([...w], [1, 2], 'w untouched');
});

test('a look-alike array is read once, into a copy: the engine never sees the caller\'s object', () => {
  const model = fresh();
  // a Float32Array with a lying length of its own: the engine reads its real 2 values
  const x = new Float32Array([1, 2]);
  let lengthReads = 0;
  Object.defineProperty(x, 'length', { get: () => { lengthReads++; return 1e9; } });
  assert.deepEqual([...survives(() => model.forward(x, 1))], [0.5 + 2 - 2]);
  assert.equal(lengthReads, 0, 'its own length is never read');

  // a Proxy of a Float32Array is not a Float32Array: refused, naming the argument, before its
  // traps (here: dispose the model, make another in its place) can run
  let other = null;
  const proxied = new Proxy(new Float32Array([1, 2]), {
    get(target, key) {
      if (key === 'length' || key === 'set') {
        model.dispose();
        other = fresh();
      }
      const v = Reflect.get(target, key);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  hostile(() => model.forward(proxied, 1), /^forward: x must be a Float32Array/, 'a proxied Float32Array');
  assert.deepEqual([model.disposed, other], [false, null], 'its traps never ran');
  hostile(() => lw.optim.SGD([new Proxy(new Float32Array(2), {})]), /^SGD\(params\): params\[0\] must be a Float32Array/, 'a proxied parameter');

  // an array whose values change on every read: each is read once, so x and the result agree
  let reads = 0;
  const shifting = new Proxy([1, 2], { get: (t, k) => (k === 'length' ? 2 : (reads++, Number(k) + reads)) });
  assert.deepEqual([...survives(() => model.forward(shifting, 1))], [2 * 1 - 3 + 0.5]);
  assert.equal(reads, 2, 'each value read once');

  // an optimiser's own property cannot stand in for its model
  const opt = lw.optim.SGD(model);
  const another = fresh();
  Object.defineProperty(opt, 'model', { value: another });
  hostile(() => another.trainStep([1, 2], [1], 1, 'mse', opt), /^trainStep: this optimizer was created for another model/, 'a forged opt.model');
  // a Loss look-alike is not a loss
  hostile(() => model.evaluate(lw.data.generate('xor', { n: 4 }), new Proxy(lw.loss.MSE(), {})), /^evaluate: loss must be a loss/, 'a proxied loss');
  for (const o of [model, opt, another]) o.dispose();
});

test('a huge length is refused before anything is allocated', () => {
  const model = fresh();
  const shared = new ArrayBuffer(4 * 1025);
  const huge = (n) => new Proxy([], { get: (t, k) => (k === 'length' ? n : 0) });
  const cases = {
    'forward x': [() => model.forward(huge(2 ** 40), 1), /^forward: x has 1099511627776 values; at most 67108864 \(2\^26\)/],
    'a sparse array': [() => model.forward(new Array(2 ** 30), 1), /^forward: x has 1073741824 values; at most 67108864/],
    'a length that is not a number': [() => model.forward(huge('9'), 1), /^forward: x\.length must be a whole number/],
    'trainStep y': [() => model.trainStep([1, 2], huge(2 ** 32 + 1), 1, 'mse', lw.optim.SGD(model)), /^trainStep: y has 4294967297 values/],
    'setParameters data': [() => model.setParameters([{ name: '0.weight', data: huge(2 ** 31) }]), /^setParameters: 0\.weight\.data has 2147483648 values/],
    'setParameters list': [() => model.setParameters(huge(2 ** 32 - 1)), /^setParameters: list\.length must be a whole number ≥ 0, got 4294967295 \(at most 2147483647\)$/],
    'fromArrays x': [() => lw.data.fromArrays(huge(2 ** 27), [0]), /^fromArrays: x has 134217728 values/],
    'featureMap names': [() => lw.data.featureMap([0, 0], huge(2 ** 32 - 1)), /^featureMap: features\.length must be a whole number ≥ 0, got 4294967295 \(at most 1024\)$/],
    'free parameters': [() => lw.optim.Adam(huge(2 ** 40)), /^Adam\(params\): the number of parameters must be a whole number ≥ 0, got 1099511627776 \(at most 65536\)$/],
    // 65,536 views of one small buffer (4 KB): 67,174,400 values in all, one more block than 2^26 allows
    'free parameters of more than 2^26 values in all': [() => lw.optim.Adam(Array.from({ length: 2 ** 16 }, () => new Float32Array(shared))),
      /^Adam\(params\) together has 67174400 values; at most 67108864/],
    'gradients': [() => lw.optim.SGD([new Float32Array(2)]).step([huge(2 ** 40)]), /^SGD\.step: grads\[0\] has 1099511627776 values, but params\[0\] has 2$/],
    'a list of gradients': [() => lw.optim.SGD([new Float32Array(2)]).step(huge(2 ** 40)), /^SGD\.step: got 1099511627776 gradients for 1 parameter/],
  };
  for (const [what, [bad, pattern]] of Object.entries(cases)) hostile(bad, pattern, what);
  model.dispose();
});

test('numbers finite in double but beyond float32 are refused, naming the argument; float32\'s largest is taken', () => {
  const model = fresh();
  const data = lw.data.generate('xor', { n: 20 });
  const BIG = 1e39;
  const MAX = 3.4028234663852886e38;
  const beyond = /is 1e\+39, beyond the range of a 32-bit float/;
  const named = (name) => new RegExp(`^${name.replace(/[.[\]()]/g, '\\$&')} is 1e\\+39, beyond the range of a 32-bit float`);
  const cases = {
    'forward x': [() => model.forward([BIG, 0], 1), named('forward: x[0]')],
    'trainStep y': [() => model.trainStep([1, 2], [-BIG], 1, 'mse', lw.optim.SGD(model)), /^trainStep: y\[0\] is -1e\+39, beyond/],
    'trainStep l1': [() => model.trainStep([1, 2], [1], 1, 'mse', lw.optim.SGD(model), { l1: BIG }), named('trainStep: l1')],
    'setParameters': [() => model.setParameters([{ name: '0.weight', data: [0, BIG] }, WEIGHTS[1]]), named('setParameters: 0.weight.data[1]')],
    'setParameters from a Float64Array': [() => model.setParameters([{ name: '0.weight', data: new Float64Array([BIG, 0]) }, WEIGHTS[1]]), named('setParameters: 0.weight.data[0]')],
    'fromArrays x': [() => lw.data.fromArrays([0, BIG], [0]), named('fromArrays: x[1]')],
    'fromArrays y': [() => lw.data.fromArrays([0, 0], [BIG]), named('fromArrays: y[0]')],
    'featureMap points': [() => lw.data.featureMap([BIG, 0], ['x1']), named('featureMap: points[0]')],
    'standardize std': [() => data.standardize({ mean: [0, 0], std: [1, BIG] }), named('standardize: std[1]')],
    'generate noise': [() => lw.data.generate('xor', { noise: BIG }), named('generate: noise')],
    'split ratio': [() => data.split(BIG), named('split: trainRatio')],
    'SGD lr': [() => lw.optim.SGD(model, { lr: BIG }), named('SGD options.lr')],
    'Adam betas': [() => lw.optim.Adam(model, { betas: [BIG, 0.9] }), named('Adam options.betas[0]')],
    'setLr': [() => lw.optim.SGD(model).setLr(BIG), named('SGD.setLr: lr')],
    'opt.set': [() => lw.optim.RMSprop(model).set({ alpha: BIG }), named('RMSprop.set options.alpha')],
    'a gradient': [() => lw.optim.SGD([new Float32Array(1)]).step([[BIG]]), named('SGD.step: grads[0][0]')],
    'a spec constant': [() => lw.Model.fromSpec({ ...spec, init: { weight: { type: 'constant', value: BIG } } }), named('Model.fromSpec: spec.init.weight.value')],
    'a spec bound in text': [() => lw.Model.fromSpec(JSON.stringify({ ...spec, init: { weight: { type: 'uniform', a: -BIG, b: 1 } } })), /^Model\.fromSpec: spec\.init\.weight\.a is -1e\+39, beyond/],
    'a spec gain': [() => lw.Model.fromSpec({ ...spec, init: { weight: { type: 'xavier_uniform', gain: BIG } } }), beyond],
    // each bound fits a float32, but a draw computes b − a = 6e38, which does not
    'a spec whose draws pass float32': [() => lw.Model.fromSpec({ ...spec, init: { weight: { type: 'uniform', a: -3e38, b: 3e38 } } }), /0\.weight: uniform would draw values too large for a float32/],
    'an nn initialiser whose draws pass float32': [() => {
      const m = lw.nn.Linear(2, 1);
      lw.init.normal_(m.weight, 0, 1e38); // draws reach 5.77 · 1e38
      return lw.Model.fromSpec(lw.nn.Sequential(m).toSpec({ input: [2] }));
    }, /0\.weight: normal would draw values too large for a float32/],
    'a saved weight': [() => lw.Model.fromJSON({ ...model.toJSON(), parameters: [{ name: '0.weight', shape: [1, 2], data: [BIG, 0] }, { name: '0.bias', shape: [1], data: [0] }] }), named('Model.fromJSON: saved model.parameters[0].data[0]')],
    'nn.LeakyReLU': [() => lw.nn.LeakyReLU(BIG), named('nn.LeakyReLU: negativeSlope')],
    'init.constant_': [() => lw.init.constant_(lw.nn.Linear(2, 1).bias, BIG), named('init.constant_: val')],
    'init.uniform_': [() => lw.init.uniform_(lw.nn.Linear(2, 1).weight, -BIG, 0), /^init\.uniform_: a is -1e\+39, beyond/],
    'init.xavierUniform_ gain': [() => lw.init.xavierUniform_(lw.nn.Linear(2, 1).weight, { gain: BIG }), named('init.xavierUniform_: gain')],
  };
  for (const [what, [bad, pattern]] of Object.entries(cases)) hostile(bad, pattern, what);
  // the largest float32 is a float32: accepted, and read back exactly
  survives(() => model.setParameters([{ name: '0.weight', data: [MAX, -MAX] }, WEIGHTS[1]]));
  assert.deepEqual([...model.parameters()[0].data], [MAX, -MAX]);
  assert.equal(survives(() => lw.optim.SGD(model, { lr: MAX })).lr, MAX);
  model.dispose();
  data.dispose();
});

test('counts and sizes that would wrap around 2^32 at the Embind boundary are refused by name', () => {
  const model = fresh();
  const data = lw.data.generate('xor', { n: 20 });
  const cases = {
    'forward batch': [() => model.forward([1, 2], 2 ** 32 + 1), /^forward: batch must be a whole number ≥ 1, got 4294967297 \(at most 2147483647\)$/],
    'trainEpoch batch': [() => model.trainEpoch(data, 2 ** 32 + 10, 'mse', lw.optim.SGD(model)), /^trainEpoch: batch must be a whole number ≥ 1, got 4294967306 \(at most 2147483647\)$/],
    'fromArrays classes': [() => lw.data.fromArrays([1, 2, 3, 4], [0, 1], { classes: 2 ** 32 + 2 }), /^fromArrays: classes must be 0 \(regression\) or a whole number ≥ 2, got 4294967298$/],
    'fromArrays features': [() => lw.data.fromArrays([1, 2, 3, 4], [0, 1], { features: 2 ** 32 + 2 }), /^fromArrays: features must be a whole number ≥ 1, got 4294967298 \(at most 2147483647\)$/],
    'generate n': [() => lw.data.generate('xor', { n: 2 ** 32 + 200 }), /^generate: n must be a whole number ≥ 1, got 4294967496 \(at most 67108864\)$/],
    'stats bins': [() => model.stats(2 ** 32 + 20), /^stats: bins must be a whole number ≥ 1, got 4294967316 \(at most 2147483647\)$/],
    'nn.Linear': [() => lw.nn.Linear(2 ** 32 + 2, 1), /^nn\.Linear: inFeatures must be a whole number ≥ 1, got 4294967298 \(at most 2147483647\)$/],
    'toSpec input': [() => lw.nn.Linear(2, 1).toSpec({ input: [2 ** 32 + 2] }), /^toSpec: input\[0\] must be a whole number ≥ 1, got 4294967298 \(at most 2147483647\)$/],
  };
  for (const [what, [bad, pattern]] of Object.entries(cases)) hostile(bad, pattern, what);
  model.dispose();
  data.dispose();
});

test('options of the wrong type, and null options, are refused naming the argument', () => {
  const model = fresh();
  const opt = lw.optim.SGD(model);
  const data = lw.data.generate('xor', { n: 20 });
  const cases = {
    'trainStep(…, true)': [() => model.trainStep([1, 2], [1], 1, 'mse', opt, true), /^trainStep: options must be an object such as \{ l1: 0\.001 \}, got true$/],
    'trainStep(…, null)': [() => model.trainStep([1, 2], [1], 1, 'mse', opt, null), /^trainStep: options must be an object .*got null$/],
    'trainStep unknown option': [() => model.trainStep([1, 2], [1], 1, 'mse', opt, { l2: 1 }), /^trainStep: unknown option "l2"; allowed: l1$/],
    'trainEpoch(…, "l1")': [() => model.trainEpoch(data, 10, 'mse', opt, 'l1'), /^trainEpoch: options must be an object .*got the string "l1"$/],
    'SGD(m, new Date())': [() => lw.optim.SGD(model, new Date()), /^SGD options must be an object such as \{ lr: 0\.01 \}, got a Date$/],
    'Adam(m, new Map())': [() => lw.optim.Adam(model, new Map([['lr', 1]])), /^Adam options must be an object .*got a Map$/],
    'an option holding an object': [() => lw.optim.SGD(model, { lr: { valueOf: () => 0.1 } }), /^SGD options\.lr must be a number, true or false, or a pair of numbers, got an Object$/],
    'an option holding a Date': [() => opt.set({ momentum: new Date() }), /^SGD\.set options\.momentum must be a number, true or false, or a pair of numbers, got a Date$/],
    'generate(…, null)': [() => lw.data.generate('xor', null), /^generate: options must be an object .*got null$/],
    'generate(…, 5)': [() => lw.data.generate('xor', 5), /^generate: options must be an object .*got 5$/],
    'generate(Symbol)': [() => lw.data.generate(Symbol('xor')), /^generate: name must be a dataset name such as "xor", got Symbol\(xor\)$/],
    'fromArrays(…, null)': [() => lw.data.fromArrays([1, 2], [0], null), /^fromArrays: options must be an object .*got null$/],
    'fromArrays(…, [])': [() => lw.data.fromArrays([1, 2], [0], []), /^fromArrays: options must be an object .*got an Array$/],
    'standardize(5)': [() => data.standardize(5), /^standardize: stats must be an object such as \{ mean, std \}, got 5$/],
    'toSpec(null)': [() => lw.nn.Linear(2, 1).toSpec(null), /^toSpec: options must be an object .*got null$/],
    'featureMap(null)': [() => data.featureMap(null), /^featureMap: features must be an array of names such as \['x1', 'x2'\], got null$/],
    'new Loss(Symbol)': [() => new lw.Loss(Symbol('mse')), /^Loss: name must be a loss name such as "mse" \(lw\.loss\.names lists them\), got Symbol\(mse\)$/],
    'loss.byName(null)': [() => lw.loss.byName(null), /^Loss: name must be a loss name .*got null$/],
    'a Symbol in x': [() => model.forward([Symbol('x'), 1], 1), /^forward: x must hold numbers/],
  };
  for (const [what, [bad, pattern]] of Object.entries(cases)) hostile(bad, pattern, what);
  // the forms that were always right still work
  assert.ok(Number.isFinite(survives(() => model.trainStep([1, 2], [1], 1, 'mse', opt, { l1: 0.01 }))));
  assert.ok(Number.isFinite(model.trainStep([1, 2], [1], 1, 'mse', opt)));
  assert.equal(lw.optim.SGD(model, null).lr, lw.optim.SGD(model).lr, 'null optimiser options are the defaults, as before');
  assert.equal(lw.optim.SGD(model, { lr: 0.5, momentum: undefined }).options.momentum, 0, 'an undefined option is left out, as JSON leaves it');
  for (const o of [model, opt, data]) o.dispose();
});

test('a saved model whose parameter shape disagrees with its spec is refused, naming the parameter', () => {
  const model = fresh();
  const saved = model.toJSON();
  saved.parameters[0].shape = [2, 1]; // same number of values, wrong shape
  hostile(() => lw.Model.fromJSON(saved), /parameters\[0\] \(0\.weight\) has shape \[2,1\], but the model's spec makes it \[1,2\]/, 'a transposed shape');
  saved.parameters[0].shape = [7, 9];
  hostile(() => lw.Model.fromJSON(saved), /parameters\[0\] \(0\.weight\) has shape \[7,9\]/, 'a shape of another size');
  model.dispose();
});

test('the training worker\'s client refuses wrong-type and null options by name, as a rejection', async () => {
  const { createTrainer } = await import(new URL('../../web/engine/trainer.mjs', import.meta.url));
  const trainer = await createTrainer();
  try {
    const config = { spec: { input: [2], layers: [{ type: 'linear', out: 1 }, { type: 'sigmoid' }], seed: 1 },
      data: { dataset: 'xor', n: 40, noise: 0, seed: 1, trainRatio: 0.5, features: ['x1', 'x2'] },
      loss: 'bce', optimizer: { name: 'sgd', options: { lr: 0.1 } }, batch: 10 };
    await trainer.init(config);
    const cases = {
      'train(1, null)': [() => trainer.train(1, null), /^train: options must be an object such as \{ snapshot: \{ neurons: false \} \}, got null$/],
      'train(1, true)': [() => trainer.train(1, true), /^train: options must be an object .*got true$/],
      'trainFor(5, new Date())': [() => trainer.trainFor(5, new Date()), /^trainFor: options must be an object .*got a Date$/],
      'step(1, "fast")': [() => trainer.step(1, 'fast'), /^step: options must be an object .*got the string "fast"$/],
      'reset(null)': [() => trainer.reset(null), /^reset: options must be an object such as \{ seed: 1 \}, got null$/],
      'reset({ sed: 1 })': [() => trainer.reset({ sed: 1 }), /^reset: unknown option "sed"; allowed: seed, snapshot$/],
      'setParameters([], null)': [() => trainer.setParameters([], null), /^setParameters: options must be an object .*got null$/],
      'predict([0, 0], 1, 5)': [() => trainer.predict([0, 0], 1, 5), /^predict: options must be an object .*got 5$/],
      'set(true)': [() => trainer.set(true), /^set: changes must be an object such as \{ lr: 0\.01 \}, got true$/],
      'set(null)': [() => trainer.set(null), /^set: changes must be an object .*got null$/],
    };
    for (const [what, [bad, pattern]] of Object.entries(cases)) {
      tried++;
      await assert.rejects(bad(), (err) => err instanceof LayerwiseError && pattern.test(err.message), what);
    }
    assert.equal((await trainer.train(1)).epoch, 1, 'the trainer carries on');
  } finally {
    await trainer.dispose();
  }
});

test('a CSV value finite in double but not in float32 is reported on its line, not kept as Infinity', async () => {
  const { fromCSV } = await import(new URL('../../web/playground/controls/csv.js', import.meta.url));
  tried++;
  const read = fromCSV('x,y,value\n1,2,0.5\n1,2,1e39\n1,2,-3.5e38\n1,2,3.4028234663852886e38\n');
  assert.deepEqual(read.problems, [
    { line: 3, key: 'csv.valueNotNumber', params: { text: '1e39' } },
    { line: 4, key: 'csv.valueNotNumber', params: { text: '-3.5e38' } },
  ]);
  assert.deepEqual([...read.drawn.y], [0.5, 3.4028234663852886e38], 'the good lines are kept, float32\'s largest among them');
});

after(() => {
  // nothing leaked, and the engine computes what it always did
  const a = fresh();
  assert.deepEqual([...a.forward([1, 2, -3, 0.5], 2)], [0.5, -6]);
  a.dispose();
  assert.ok(lw.memory().usedBytes - baseline < 4096, `memory back to where it was (${lw.memory().usedBytes - baseline} B more)`);
  console.log(`hostile calls tried: ${tried}`);
  assert.ok(tried >= 80, `${tried} hostile calls`);
});
