// Optimisers of free parameters: lw.optim.X([w, ...], options) and opt.step(grads), as PyTorch's
// `w = torch.tensor([-1.5, 0.5], requires_grad=True); opt = torch.optim.Adam([w], lr=0.05)`.
// Expected values come from PyTorch's update rules (docs/semantics.md) worked here in double
// precision, never from the engine's own output; the engine computes in float32.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClose, loadEngine } from './helpers.mjs';

let lw;
let LayerwiseError;
before(async () => ({ lw, LayerwiseError } = await loadEngine()));

const START = [-1.5, 0.5];
// A fixed gradient sequence, so the expected path does not feed float32 rounding back in.
const GRADS = [[0.5, -1], [0.25, 2], [-0.75, 0.5], [1, -0.125], [-0.3, -0.6]];
const TOL = 2e-6;

// ---- PyTorch's rules, in double precision ------------------------------------------------------
function sgdPath(p, grads, { lr, momentum = 0, dampening = 0, nesterov = false, weightDecay = 0 }) {
  p = [...p];
  let buf = null;
  const path = [];
  grads.forEach((g0, t) => {
    let g = g0.map((g, i) => g + weightDecay * p[i]);
    if (momentum !== 0) {
      buf = t === 0 ? [...g] : buf.map((b, i) => momentum * b + (1 - dampening) * g[i]);
      g = nesterov ? g.map((gi, i) => gi + momentum * buf[i]) : [...buf];
    }
    p = p.map((pi, i) => pi - lr * g[i]);
    path.push([...p]);
  });
  return path;
}

function adamPath(p, grads, { lr, betas: [b1, b2] = [0.9, 0.999], eps = 1e-8, weightDecay = 0, decoupled = false }) {
  p = [...p];
  let m = p.map(() => 0);
  let v = p.map(() => 0);
  const path = [];
  grads.forEach((g0, index) => {
    const t = index + 1;
    if (decoupled) p = p.map((pi) => pi * (1 - lr * weightDecay)); // AdamW
    const g = g0.map((g, i) => g + (decoupled ? 0 : weightDecay) * p[i]);
    m = m.map((mi, i) => b1 * mi + (1 - b1) * g[i]);
    v = v.map((vi, i) => b2 * vi + (1 - b2) * g[i] * g[i]);
    p = p.map((pi, i) => {
      const mHat = m[i] / (1 - b1 ** t);
      const vHat = v[i] / (1 - b2 ** t);
      return pi - lr * mHat / (Math.sqrt(vHat) + eps);
    });
    path.push([...p]);
  });
  return path;
}

function rmspropPath(p, grads, { lr, alpha = 0.99, eps = 1e-8, momentum = 0, centered = false, weightDecay = 0 }) {
  p = [...p];
  let v = p.map(() => 0);
  let gAvg = p.map(() => 0);
  let buf = p.map(() => 0);
  const path = [];
  for (const g0 of grads) {
    const g = g0.map((g, i) => g + weightDecay * p[i]);
    v = v.map((vi, i) => alpha * vi + (1 - alpha) * g[i] * g[i]);
    if (centered) gAvg = gAvg.map((a, i) => alpha * a + (1 - alpha) * g[i]);
    const avg = v.map((vi, i) => Math.sqrt(vi - (centered ? gAvg[i] ** 2 : 0)) + eps);
    if (momentum > 0) {
      buf = buf.map((b, i) => momentum * b + g[i] / avg[i]);
      p = p.map((pi, i) => pi - lr * buf[i]);
    } else {
      p = p.map((pi, i) => pi - lr * g[i] / avg[i]);
    }
    path.push([...p]);
  }
  return path;
}

// The engine's path: a fresh w from START, one opt.step per gradient.
function enginePath(factory, options, grads = GRADS) {
  const w = new Float32Array(START);
  const opt = factory([w], options);
  const path = grads.map((g) => {
    opt.step([new Float32Array(g)]);
    return [...w];
  });
  assert.equal(opt.steps, grads.length);
  opt.dispose();
  return path;
}

function checkPath(actual, expected, what) {
  expected.forEach((p, t) => assertClose(actual[t], p, TOL, `${what} after step ${t + 1}`));
}

// ---- Updates against the formulas -------------------------------------------------------------
test('SGD on free parameters: plain, and with weight decay', () => {
  checkPath(enginePath(lw.optim.SGD, { lr: 0.1 }), sgdPath(START, GRADS, { lr: 0.1 }), 'SGD');
  // the first step by hand: w - lr·g
  assertClose(enginePath(lw.optim.SGD, { lr: 0.1 }, [GRADS[0]])[0], [-1.55, 0.6], 1e-7, 'SGD by hand');
  const wd = { lr: 0.05, weightDecay: 0.1 };
  checkPath(enginePath(lw.optim.SGD, wd), sgdPath(START, GRADS, wd), 'SGD weightDecay');
});

test('SGD on free parameters: momentum, Nesterov momentum, dampening', () => {
  const nesterov = { lr: 0.1, momentum: 0.9, nesterov: true };
  checkPath(enginePath(lw.optim.SGD, nesterov), sgdPath(START, GRADS, nesterov), 'SGD nesterov');
  // by hand, steps 1 and 2: buf₁ = g₁, w₁ = w₀ - lr·(g₁ + 0.9·g₁); buf₂ = 0.9·g₁ + g₂, w₂ = w₁ - lr·(g₂ + 0.9·buf₂)
  const w1 = [-1.5 - 0.1 * 1.9 * 0.5, 0.5 + 0.1 * 1.9 * 1];
  const buf2 = [0.9 * 0.5 + 0.25, 0.9 * -1 + 2];
  const w2 = [w1[0] - 0.1 * (0.25 + 0.9 * buf2[0]), w1[1] - 0.1 * (2 + 0.9 * buf2[1])];
  const two = enginePath(lw.optim.SGD, nesterov, GRADS.slice(0, 2));
  assertClose(two[0], w1, 1e-6, 'nesterov step 1 by hand');
  assertClose(two[1], w2, 1e-6, 'nesterov step 2 by hand');
  const heavyBall = { lr: 0.05, momentum: 0.8, dampening: 0.3 };
  checkPath(enginePath(lw.optim.SGD, heavyBall), sgdPath(START, GRADS, heavyBall), 'SGD momentum + dampening');
});

test('Adam and AdamW on free parameters', () => {
  const adam = { lr: 0.05 };
  checkPath(enginePath(lw.optim.Adam, adam), adamPath(START, GRADS, adam), 'Adam');
  // the first step of Adam is lr·sign(g) (up to eps): m̂ = g, v̂ = g²
  assertClose(enginePath(lw.optim.Adam, adam, [GRADS[0]])[0], [-1.55, 0.55], 1e-6, 'Adam step 1 by hand');
  const tuned = { lr: 0.1, betas: [0.5, 0.75], eps: 1e-3, weightDecay: 0.2 };
  checkPath(enginePath(lw.optim.Adam, tuned), adamPath(START, GRADS, tuned), 'Adam betas, eps, weightDecay');
  const adamw = { lr: 0.05, weightDecay: 0.5 };
  checkPath(enginePath(lw.optim.AdamW, adamw), adamPath(START, GRADS, { ...adamw, decoupled: true }), 'AdamW');
  // AdamW's default weightDecay is 1e-2, applied decoupled
  checkPath(enginePath(lw.optim.AdamW, { lr: 0.05 }),
    adamPath(START, GRADS, { lr: 0.05, weightDecay: 1e-2, decoupled: true }), 'AdamW default');
});

test('RMSprop on free parameters: plain, centered, centered with momentum', () => {
  const plain = { lr: 0.01 };
  checkPath(enginePath(lw.optim.RMSprop, plain), rmspropPath(START, GRADS, plain), 'RMSprop');
  const centered = { lr: 0.01, alpha: 0.9, centered: true };
  checkPath(enginePath(lw.optim.RMSprop, centered), rmspropPath(START, GRADS, centered), 'RMSprop centered');
  // step 1 by hand, centered: v = 0.1·g², ḡ = 0.1·g, √(v - ḡ²) = 0.3·|g|, so w -= lr·sign(g)/0.3
  assertClose(enginePath(lw.optim.RMSprop, centered, [GRADS[0]])[0], [-1.5 - 0.01 / 0.3, 0.5 + 0.01 / 0.3], 1e-6,
    'RMSprop centered step 1 by hand');
  const all = { lr: 0.01, alpha: 0.9, centered: true, momentum: 0.5, weightDecay: 0.1 };
  checkPath(enginePath(lw.optim.RMSprop, all), rmspropPath(START, GRADS, all), 'RMSprop centered + momentum');
});

test('several free parameters step together, each from its own gradient (Float32Array or number[])', () => {
  const w = new Float32Array([-1.5, 0.5]);
  const b = new Float32Array([2]);
  const opt = lw.optim.Adam([w, b], { lr: 0.05 });
  const gw = GRADS.map(([g0, g1]) => [g0, g1]);
  const gb = GRADS.map(([g0, g1]) => [g0 - g1]);
  GRADS.forEach((_, t) => opt.step([new Float32Array(gw[t]), gb[t]])); // a number[] for b
  // Adam is elementwise: [w, b] moves as one 3-element parameter would
  const expected = adamPath([-1.5, 0.5, 2], GRADS.map((_, t) => [...gw[t], ...gb[t]]), { lr: 0.05 }).at(-1);
  assertClose([...w, ...b], expected, TOL, '[w, b]');
  assert.equal(opt.params.length, 2);
  assert.equal(opt.params[0], w);
  assert.equal(opt.params[1], b);
  opt.dispose();
});

test('the free-parameter optimiser: model is null, params the list, options and reset work', () => {
  const w = new Float32Array(START);
  const list = [w];
  const opt = lw.optim.SGD(list, { lr: 0.1, momentum: 0.9 });
  assert.equal(opt.model, null);
  assert.ok(opt instanceof lw.Optimizer);
  assert.deepEqual(opt.params, [w]);
  assert.equal(opt.params[0], w, 'the caller\'s own array');
  assert.ok(Object.isFrozen(opt.params));
  list.push(new Float32Array(2)); // the optimiser keeps the list it was given
  assert.equal(opt.params.length, 1);
  assert.deepEqual(opt.options, { lr: 0.1, momentum: 0.9, dampening: 0, weightDecay: 0, nesterov: false });

  opt.step([GRADS[0]]);
  opt.step([GRADS[1]]);
  assert.equal(opt.steps, 2);
  // reset forgets the momentum buffer: with w put back, the next steps retrace the path
  opt.reset();
  w.set(START);
  opt.step([GRADS[0]]);
  opt.step([GRADS[1]]);
  checkPath([[...w]], [sgdPath(START, GRADS.slice(0, 2), { lr: 0.1, momentum: 0.9 })[1]], 'after reset');
  // the learning rate changes between steps, as on a model
  opt.reset();
  w.set(START);
  opt.set({ momentum: 0 });
  opt.lr = 0.5;
  opt.step([GRADS[0]]);
  assertClose([...w], [-1.75, 1], 1e-7, 'lr 0.5');
  // a model's optimiser has no free parameters
  const model = lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 1 }] });
  const modelOpt = lw.optim.Adam(model);
  assert.equal(modelOpt.params, null);
  assert.equal(modelOpt.model, model);
  assert.throws(() => modelOpt.step([new Float32Array(3)]),
    (err) => err instanceof LayerwiseError && /Adam\.step: this optimizer was created for a model; model\.trainStep/.test(err.message));
  for (const o of [opt, modelOpt, model]) o.dispose();
});

test('Adam on free parameters minimises f(w) = (w0 - 3)² + 10·(w1 + 1)² to (3, -1)', () => {
  const f = (w) => (w[0] - 3) ** 2 + 10 * (w[1] + 1) ** 2;
  const w = new Float32Array(START);
  const opt = lw.optim.Adam([w], { lr: 0.05 });
  const grad = new Float32Array(2);
  for (let t = 0; t < 1500; t++) {
    grad[0] = 2 * (w[0] - 3);
    grad[1] = 20 * (w[1] + 1);
    opt.step([grad]);
  }
  assertClose([...w], [3, -1], 1e-3, 'minimum');
  assert.ok(f(w) < 1e-6, `f(w) = ${f(w)}`);
  opt.dispose();
});

// ---- Refusals --------------------------------------------------------------------------------
function expectError(fn, pattern, what) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof LayerwiseError, `${what}: a LayerwiseError, got ${err?.constructor?.name}: ${err?.message}`);
    assert.match(err.message, pattern, what);
    return true;
  }, what);
}

test('a bad parameter list is refused with a message that says what to pass', () => {
  const w = new Float32Array(START);
  const cases = {
    'an empty list': [() => lw.optim.Adam([]), /^Adam\(params\): the list of parameters is empty; pass at least one, e\.g\. lw\.optim\.Adam\(\[new Float32Array/],
    'a number[] parameter': [() => lw.optim.SGD([[1, 2]]), /^SGD\(params\): params\[0\] must be a Float32Array \(the optimizer updates it in place\), got an Array; make one with new Float32Array/],
    'a Float64Array parameter': [() => lw.optim.SGD([w, new Float64Array(2)]), /params\[1\] must be a Float32Array .*got a Float64Array/],
    'a number': [() => lw.optim.RMSprop([w, 3]), /params\[1\] must be a Float32Array .*got 3$/],
    'an empty parameter': [() => lw.optim.Adam([new Float32Array(0)]), /params\[0\] is empty; a parameter needs at least one value/],
    'a NaN value': [() => lw.optim.Adam([w, new Float32Array([1, NaN])]), /params\[1\]\[1\] is NaN; parameters must be finite numbers/],
    'an infinite value': [() => lw.optim.AdamW([new Float32Array([-Infinity])]), /params\[0\]\[0\] is -Infinity/],
    'the same array twice': [() => lw.optim.Adam([w, w]), /params\[1\] is the same array as params\[0\]; list each parameter once/],
    'w without the list': [() => lw.optim.Adam(w), /^Adam\(model\) must be a Model of this engine, got a Float32Array; to step your own parameters, pass them in a list: lw\.optim\.Adam\(\[w\]/],
    'nothing': [() => lw.optim.SGD(), /^SGD\(model\) must be a Model of this engine, got undefined; to step your own parameters, pass a list of Float32Arrays: lw\.optim\.SGD\(\[w\]/],
    'a string': [() => lw.optim.RMSprop('w'), /got the string "w"; to step your own parameters/],
    'a bad option': [() => lw.optim.Adam([w], { lr: -1 }), /adam: lr must be a finite number >= 0, got -1/],
    'an option Adam does not have': [() => lw.optim.Adam([w], { momentum: 0.9 }), /adam options has an unknown key "momentum"/],
  };
  const used = lw.memory().usedBytes;
  for (const [what, [bad, pattern]] of Object.entries(cases)) expectError(bad, pattern, what);
  assert.deepEqual([...w], START, 'w untouched');
  assert.ok(lw.memory().usedBytes - used < 1024, 'refused optimisers hold no memory');
});

test('a bad step is refused, changes nothing, and the optimiser goes on as if it never happened', () => {
  const w = new Float32Array(START);
  const b = new Float32Array([2, 3, 4]);
  const opt = lw.optim.Adam([w, b], { lr: 0.05 });
  const good = [new Float32Array(GRADS[0]), [1, 1, 1]];
  opt.step(good);
  const after1 = [[...w], [...b]];
  const cases = {
    'no list': [() => opt.step(good[0]), /^Adam\.step: grads must be a list with one gradient per parameter, e\.g\. opt\.step\(\[g\]\), got a Float32Array$/],
    'nothing': [() => opt.step(), /grads must be a list .*got undefined/],
    'too few gradients': [() => opt.step([good[0]]), /^Adam\.step: got 1 gradient for 2 parameters; pass one per parameter, in the order of the list$/],
    'too many gradients': [() => opt.step([...good, good[0]]), /got 3 gradients for 2 parameters/],
    'a short gradient': [() => opt.step([good[0], [1, 1]]), /^Adam\.step: grads\[1\] has 2 values, but params\[1\] has 3$/],
    'a long gradient': [() => opt.step([new Float32Array(3), good[1]]), /grads\[0\] has 3 values, but params\[0\] has 2/],
    'a number for a gradient': [() => opt.step([good[0], 1]), /grads\[1\] must be a Float32Array or an array of numbers, got 1/],
    'an object for a gradient': [() => opt.step([{ length: 2 }, good[1]]), /grads\[0\] must be a Float32Array or an array of numbers, got an Object/],
    'a NaN gradient': [() => opt.step([new Float32Array([0, NaN]), good[1]]), /^Adam\.step: grads\[0\]\[1\] is NaN; gradients must be finite numbers$/],
    'an infinite gradient': [() => opt.step([good[0], [1, Infinity, 1]]), /grads\[1\]\[1\] is Infinity/],
    'a gradient beyond float32': [() => opt.step([good[0], [1, 1, 1e39]]), /grads\[1\]\[2\] is 1e\+39, beyond the range of a 32-bit float/],
    'a string in a gradient': [() => opt.step([['a', 0], good[1]]), /grads\[0\]\[0\] is the string "a"/],
    'a BigInt in a gradient': [() => opt.step([good[0], [1n, 1, 1]]), /grads\[1\] must hold numbers/],
  };
  for (const [what, [bad, pattern]] of Object.entries(cases)) {
    expectError(bad, pattern, what);
    assert.deepEqual([[...w], [...b]], after1, `${what}: the parameters are unchanged`);
    assert.equal(opt.steps, 1, `${what}: no step counted`);
  }
  // a parameter the caller made non-finite is refused too, and the step then goes on
  const saved = w[1];
  w[1] = NaN;
  expectError(() => opt.step(good), /^Adam\.step: params\[0\]\[1\] is NaN; parameters must be finite numbers/, 'a NaN parameter');
  assert.equal(opt.steps, 1);
  w[1] = saved;

  // the state is that of one step: the next step matches the formulas' second step
  opt.step([new Float32Array(GRADS[1]), [-1, 0.5, 2]]);
  const expected = adamPath([-1.5, 0.5, 2, 3, 4], [[...GRADS[0], 1, 1, 1], [...GRADS[1], -1, 0.5, 2]], { lr: 0.05 }).at(-1);
  assertClose([...w, ...b], expected, TOL, 'after the refusals');
  assert.equal(opt.steps, 2);

  opt.dispose();
  expectError(() => opt.step(good), /this Optimizer was disposed and cannot be used/, 'after dispose');
  expectError(() => opt.params, /this Optimizer was disposed and cannot be used/, 'params after dispose');
});

test('model.trainStep and trainEpoch refuse an optimiser of free parameters', () => {
  const model = lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 1 }] });
  const before = model.parameters();
  const w = new Float32Array(START);
  const opt = lw.optim.Adam([w], { lr: 0.05 });
  const data = lw.data.generate('plane', { n: 20 });
  const message = /^(trainStep|trainEpoch): this optimizer was created for a list of parameters \(it steps them with opt\.step\(grads\)\), not for a model; create one for this model, e\.g\. lw\.optim\.Adam\(model, \{ lr: 0\.01 \}\)$/;
  expectError(() => model.trainStep([1, 2], [3], 1, 'mse', opt), message, 'trainStep');
  expectError(() => model.trainEpoch(data, 10, 'mse', opt), message, 'trainEpoch');
  assert.deepEqual(model.parameters(), before, 'the model is unchanged');
  assert.equal(opt.steps, 0);
  assert.deepEqual([...w], START);
  // both still work as meant
  opt.step([GRADS[0]]);
  assertClose([...w], [-1.55, 0.55], 1e-6, 'free step');
  const modelOpt = lw.optim.Adam(model, { lr: 0.05 });
  assert.ok(Number.isFinite(model.trainStep([1, 2], [3], 1, 'mse', modelOpt)));
  for (const o of [opt, modelOpt, data, model]) o.dispose();
});

test('free-parameter optimisers give their memory back', () => {
  const warm = () => {
    const w = new Float32Array(START);
    const opt = lw.optim.RMSprop([w, new Float32Array(100)], { centered: true, momentum: 0.9 });
    for (let t = 0; t < 3; t++) opt.step([GRADS[t], new Float32Array(100).fill(0.1)]);
    try {
      opt.step([GRADS[0]]);
    } catch { /* refused */ }
    opt.dispose();
  };
  for (let i = 0; i < 5; i++) warm();
  const used = lw.memory().usedBytes;
  for (let i = 0; i < 300; i++) warm();
  assert.equal(lw.memory().usedBytes, used);
});
