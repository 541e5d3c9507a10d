// Losses and optimiser steps against values worked out by hand from PyTorch's formulas
// (docs/semantics.md), never against the engine's own output. Expected values are computed
// here in double precision from the float32 inputs; the engine computes in float32.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClose, loadEngine, paramMap } from './helpers.mjs';

let lw;
before(async () => ({ lw } = await loadEngine()));

// ---- Losses -----------------------------------------------------------------------------------
// A k→k Linear with W = I and b = 0 outputs its input, so trainStep(pred, target) with lr 0
// returns loss(pred, target), and the gradients expose dL/dpred:
//   ∂L/∂b_j = Σ_s dpred[s][j],   ∂L/∂W[j][i] = Σ_s dpred[s][j]·pred[s][i].
function lossAt(name, k, pred, target) {
  const model = lw.Model.fromSpec({ input: [k], layers: [{ type: 'linear', out: k }] });
  const eye = new Float32Array(k * k);
  for (let i = 0; i < k; i++) eye[i * k + i] = 1;
  model.setParameters([{ name: '0.weight', data: eye }, { name: '0.bias', data: new Float32Array(k) }]);
  const opt = lw.optim.SGD(model, { lr: 0 });
  const x = Float32Array.from(pred);
  const value = model.trainStep(x, target, x.length / k, lw.loss.byName(name), opt);
  const grads = paramMap(model.gradients());
  assert.deepEqual([...model.forward(x, x.length / k)], [...x], 'lr 0 changed nothing');
  opt.dispose();
  model.dispose();
  return { value, x: [...x], dW: grads['0.weight'], db: grads['0.bias'] };
}

function checkGradients({ x, dW, db }, dpred, k, what) {
  const batch = x.length / k;
  const eb = new Array(k).fill(0);
  const eW = new Array(k * k).fill(0);
  for (let s = 0; s < batch; s++) {
    for (let j = 0; j < k; j++) {
      eb[j] += dpred[s * k + j];
      for (let i = 0; i < k; i++) eW[j * k + i] += dpred[s * k + j] * x[s * k + i];
    }
  }
  assertClose(db, eb, 1e-6, `${what} ∂L/∂b`);
  assertClose(dW, eW, 1e-6, `${what} ∂L/∂W`);
}

test('MSE: mean over all elements of (y − t)²; ∂L/∂y = 2(y − t)/N', () => {
  const r = lossAt('mse', 2, [0.5, -1, 2, 0], [1, 0, 2, -1]);
  // errors −0.5, −1, 0, 1: (0.25 + 1 + 0 + 1) / 4
  assert.equal(r.value, 0.5625);
  checkGradients(r, [-0.25, -0.5, 0, 0.5], 2, 'mse');
});

test('BCE: −mean[t·log y + (1 − t)·log(1 − y)], logs clamped at −100', () => {
  const r = lossAt('bce', 1, [0.9, 0.2, 0.6], [1, 0, 1]);
  const [a, b, c] = r.x; // float32(0.9), float32(0.2), float32(0.6)
  const expected = -(Math.log(a) + Math.log(1 - b) + Math.log(c)) / 3; // ≈ (0.10536 + 0.22314 + 0.51083) / 3
  assert.ok(Math.abs(r.value - expected) < 1e-6, `${r.value} vs ${expected}`);
  assert.ok(Math.abs(expected - 0.279776) < 1e-6);
  // ∂L/∂y = (y − t) / (y(1 − y)) / N
  checkGradients(r, [(a - 1) / (a * (1 - a)) / 3, b / (b * (1 - b)) / 3, (c - 1) / (c * (1 - c)) / 3], 1, 'bce');
  // a confident wrong answer costs 100 (PyTorch's clamp), not infinity
  assert.equal(lossAt('bce', 1, [0, 1], [1, 0]).value, 100);
  assert.equal(lossAt('bce', 1, [1, 0], [1, 0]).value, 0);
});

test('BCEWithLogits: mean[max(z, 0) − z·t + log(1 + e^(−|z|))]; ∂L/∂z = (σ(z) − t)/N', () => {
  const z = [2, -1, 0, 3];
  const t = [1, 0, 0.5, 0];
  const r = lossAt('bce_with_logits', 1, z, t);
  const terms = z.map((zi, i) => Math.max(zi, 0) - zi * t[i] + Math.log1p(Math.exp(-Math.abs(zi))));
  const expected = terms.reduce((s, v) => s + v, 0) / 4;
  assert.ok(Math.abs(r.value - expected) < 1e-6, `${r.value} vs ${expected}`);
  const sigmoid = (v) => 1 / (1 + Math.exp(-v));
  checkGradients(r, z.map((zi, i) => (sigmoid(zi) - t[i]) / 4), 1, 'bce_with_logits');
  // stable for large logits: log(1 + e^(−1000)) is 0, not NaN
  assert.equal(lossAt('bce_with_logits', 1, [1000, -1000], [1, 0]).value, 0);
  assert.equal(lossAt('bce_with_logits', 1, [1000], [0]).value, 1000);
});

test('CrossEntropy: mean of −log_softmax(z)[class] over the batch; ∂L/∂z = (softmax(z) − onehot)/B', () => {
  const z = [1, 2, 3, 0, 0, 0];
  const r = lossAt('cross_entropy', 3, z, [2, 0]);
  const lse = Math.log(Math.E + Math.E ** 2 + Math.E ** 3);
  const expected = ((lse - 3) + Math.log(3)) / 2; // sample 0: class 2; sample 1: uniform, log 3
  assert.ok(Math.abs(r.value - expected) < 1e-6, `${r.value} vs ${expected}`);
  const softmax = [Math.E / Math.exp(lse), Math.E ** 2 / Math.exp(lse), Math.E ** 3 / Math.exp(lse), 1 / 3, 1 / 3, 1 / 3];
  const onehot = [0, 0, 1, 1, 0, 0];
  checkGradients(r, softmax.map((p, i) => (p - onehot[i]) / 2), 3, 'cross_entropy');
  // log-sum-exp with the max subtracted: no overflow
  assert.equal(lossAt('cross_entropy', 3, [1000, 0, -1000], [0]).value, 0);
  assert.equal(lossAt('cross_entropy', 3, [1000, 0, -1000], [2]).value, 2000);
});

// ---- Optimisers -------------------------------------------------------------------------------
// y = w·x + b with x = 2, target 1, MSE, from w = 0.5, b = −0.25:
//   L = (2w + b − 1)²,  r = 2(2w + b − 1),  g = (∂L/∂w, ∂L/∂b) = (2r, r).
function lineModel() {
  const model = lw.Model.fromSpec({ input: [1], layers: [{ type: 'linear', out: 1 }] });
  model.setParameters([{ name: '0.weight', data: [0.5] }, { name: '0.bias', data: [-0.25] }]);
  return model;
}

function trainLine(factory, options, steps) {
  const model = lineModel();
  const opt = factory(model, options);
  const out = [];
  for (let t = 1; t <= steps; t++) {
    const loss = model.trainStep([2], [1], 1, lw.loss.MSE(), opt);
    const p = paramMap(model.parameters());
    out.push({ loss, w: p['0.weight'][0], b: p['0.bias'][0] });
  }
  assert.equal(opt.steps, steps);
  opt.dispose();
  model.dispose();
  return out;
}

// The update rules of docs/semantics.md (PyTorch's documentation), one parameter at a time.
const rules = {
  sgd({ lr, momentum = 0, dampening = 0, nesterov = false, weightDecay = 0 }) {
    return (p, g, t, s) => {
      g += weightDecay * p;
      if (momentum !== 0) {
        s.buf = t === 1 ? g : momentum * s.buf + (1 - dampening) * g;
        g = nesterov ? g + momentum * s.buf : s.buf;
      }
      return p - lr * g;
    };
  },
  adam({ lr, betas: [b1, b2] = [0.9, 0.999], eps = 1e-8, weightDecay = 0, amsgrad = false }, decoupled = false) {
    return (p, g, t, s) => {
      if (decoupled) p *= 1 - lr * weightDecay;
      else g += weightDecay * p;
      s.m = b1 * (s.m ?? 0) + (1 - b1) * g;
      s.v = b2 * (s.v ?? 0) + (1 - b2) * g * g;
      s.vmax = Math.max(s.vmax ?? 0, s.v);
      const mhat = s.m / (1 - b1 ** t);
      const vhat = (amsgrad ? s.vmax : s.v) / (1 - b2 ** t);
      return p - (lr * mhat) / (Math.sqrt(vhat) + eps);
    };
  },
  adamw(options) {
    return rules.adam({ weightDecay: 1e-2, ...options }, true);
  },
  rmsprop({ lr, alpha = 0.99, eps = 1e-8, weightDecay = 0, momentum = 0, centered = false }) {
    return (p, g, t, s) => {
      g += weightDecay * p;
      s.v = alpha * (s.v ?? 0) + (1 - alpha) * g * g;
      let avg = s.v;
      if (centered) {
        s.gbar = alpha * (s.gbar ?? 0) + (1 - alpha) * g;
        avg = s.v - s.gbar * s.gbar;
      }
      if (momentum > 0) {
        s.buf = momentum * (s.buf ?? 0) + g / (Math.sqrt(avg) + eps);
        return p - lr * s.buf;
      }
      return p - (lr * g) / (Math.sqrt(avg) + eps);
    };
  },
};

function expectedLine(rule, steps) {
  let [w, b] = [0.5, -0.25];
  const [sw, sb] = [{}, {}];
  const out = [];
  for (let t = 1; t <= steps; t++) {
    const r = 2 * (2 * w + b - 1);
    const loss = (r / 2) ** 2;
    [w, b] = [rule(w, 2 * r, t, sw), rule(b, r, t, sb)];
    out.push({ loss, w, b });
  }
  return out;
}

function checkLine(actual, expected, what) {
  actual.forEach((a, i) => {
    const e = expected[i];
    for (const key of ['loss', 'w', 'b']) {
      assert.ok(Math.abs(a[key] - e[key]) <= 2e-6, `${what}, step ${i + 1}, ${key}: ${a[key]} vs ${e[key]}`);
    }
  });
}

test('SGD with momentum: three steps worked by hand', () => {
  // Step 1: y = 2·0.5 − 0.25 = 0.75, L = 0.0625, g = (−1, −0.5); buf = g;
  //         w = 0.5 + 0.1 = 0.6, b = −0.25 + 0.05 = −0.2.
  // Step 2: y = 1.2 − 0.2 = 1, L = 0, g = 0; buf = 0.9·buf = (−0.9, −0.45);
  //         w = 0.6 + 0.09 = 0.69, b = −0.2 + 0.045 = −0.155.
  // Step 3: y = 1.38 − 0.155 = 1.225, L = 0.050625, g = (0.9, 0.45);
  //         buf = 0.9·(−0.9, −0.45) + g = (0.09, 0.045); w = 0.681, b = −0.1595.
  const steps = trainLine(lw.optim.SGD, { lr: 0.1, momentum: 0.9 }, 3);
  checkLine(steps, [
    { loss: 0.0625, w: 0.6, b: -0.2 },
    { loss: 0, w: 0.69, b: -0.155 },
    { loss: 0.050625, w: 0.681, b: -0.1595 },
  ], 'SGD momentum 0.9');
});

test('Adam: the first step moves each parameter by lr·sign(g); steps 2-3 follow Kingma & Ba', () => {
  // Step 1: m̂ = g and v̂ = g², so p ← p − lr·g/(|g| + eps) ≈ p − lr·sign(g).
  const steps = trainLine(lw.optim.Adam, { lr: 0.1 }, 3);
  assert.ok(Math.abs(steps[0].w - 0.6) < 1e-6 && Math.abs(steps[0].b - -0.15) < 1e-6, JSON.stringify(steps[0]));
  // Step 2 by hand: y = 1.2 − 0.15 = 1.05, g_w = 0.2; m = 0.9·(−0.1) + 0.1·0.2 = −0.07,
  // v = 0.999·0.001 + 0.001·0.04 = 0.001039; m̂ = −0.07/0.19, v̂ = 0.001039/0.001999;
  // w = 0.6 + 0.1·0.368421/0.720944 = 0.651103.
  assert.ok(Math.abs(steps[1].w - 0.651103) < 2e-6, `${steps[1].w}`);
  checkLine(steps, expectedLine(rules.adam({ lr: 0.1 }), 3), 'Adam');
});

test('RMSprop: the first step is lr·g/(√(0.01·g²) + eps) = 10·lr·sign(g); steps 2-3 by the rule', () => {
  const steps = trainLine(lw.optim.RMSprop, { lr: 0.01 }, 3);
  assert.ok(Math.abs(steps[0].w - 0.6) < 1e-6 && Math.abs(steps[0].b - -0.15) < 1e-6, JSON.stringify(steps[0]));
  checkLine(steps, expectedLine(rules.rmsprop({ lr: 0.01 }), 3), 'RMSprop');
});

test('every optimiser option follows PyTorch\'s rule for three steps', () => {
  const cases = [
    ['sgd', lw.optim.SGD, { lr: 0.05 }],
    ['sgd', lw.optim.SGD, { lr: 0.05, momentum: 0.8, dampening: 0.3, weightDecay: 0.1 }],
    ['sgd', lw.optim.SGD, { lr: 0.05, momentum: 0.9, nesterov: true }],
    ['adam', lw.optim.Adam, { lr: 0.05, betas: [0.8, 0.9], eps: 1e-6, weightDecay: 0.1 }],
    ['adam', lw.optim.Adam, { lr: 0.05, amsgrad: true }],
    ['adamw', lw.optim.AdamW, { lr: 0.05 }],
    ['adamw', lw.optim.AdamW, { lr: 0.05, weightDecay: 0.5, amsgrad: true }],
    ['rmsprop', lw.optim.RMSprop, { lr: 0.01, alpha: 0.9, weightDecay: 0.1 }],
    ['rmsprop', lw.optim.RMSprop, { lr: 0.01, momentum: 0.5 }],
    ['rmsprop', lw.optim.RMSprop, { lr: 0.01, centered: true, momentum: 0.9, eps: 1e-4 }],
  ];
  for (const [name, factory, options] of cases) {
    checkLine(trainLine(factory, options, 3), expectedLine(rules[name](options), 3), `${name} ${JSON.stringify(options)}`);
  }
});
