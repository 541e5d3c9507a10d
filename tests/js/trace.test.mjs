// Model.traceStep, the backprop stepper's numbers, against a forward and backward pass worked
// out here in plain JS (2 → 2 tanh → 1 sigmoid, BCE), and against trainStep on a twin.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClose, loadEngine, paramMap } from './helpers.mjs';

let lw, LayerwiseError;
before(async () => ({ lw, LayerwiseError } = await loadEngine()));

const spec = {
  input: [2],
  layers: [{ type: 'linear', out: 2 }, { type: 'tanh' }, { type: 'linear', out: 1 }, { type: 'sigmoid' }],
  seed: 1,
};
const W1 = [0.5, -1, 1.5, 0.25], b1 = [0.1, -0.2], W2 = [2, -1], b2 = [0.3];
const known = [
  { name: '0.weight', data: W1 }, { name: '0.bias', data: b1 },
  { name: '2.weight', data: W2 }, { name: '2.bias', data: b2 },
];

// The same example by hand: z1 = W1·x + b1, a1 = tanh z1, z2 = W2·a1 + b2, p = σ(z2),
// L = −(y log p + (1 − y) log(1 − p)); δ2 = p − y, ∂L/∂a1 = W2ᵀδ2, δ1 = ∂L/∂a1 ⊙ (1 − a1²).
function byHand(x, y) {
  const z1 = [W1[0] * x[0] + W1[1] * x[1] + b1[0], W1[2] * x[0] + W1[3] * x[1] + b1[1]];
  const a1 = z1.map(Math.tanh);
  const z2 = W2[0] * a1[0] + W2[1] * a1[1] + b2[0];
  const p = 1 / (1 + Math.exp(-z2));
  const loss = -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
  const dp = (p - y) / (p * (1 - p)); // ∂L/∂p
  const d2 = p - y;
  const da1 = [W2[0] * d2, W2[1] * d2];
  const d1 = [da1[0] * (1 - a1[0] ** 2), da1[1] * (1 - a1[1] ** 2)];
  return {
    z1, a1, z2, p, loss, dp, d2, da1, d1,
    gW1: [d1[0] * x[0], d1[0] * x[1], d1[1] * x[0], d1[1] * x[1]], gW2: [d2 * a1[0], d2 * a1[1]],
  };
}

test('traceStep: every layer\'s output and ∂L/∂output, and every gradient, as worked by hand', () => {
  const model = lw.Model.fromSpec(spec);
  model.setParameters(known);
  const opt = lw.optim.SGD(model, { lr: 0.5 });
  const x = [0.8, -0.6], y = 1;
  const h = byHand(x, y);
  const t = model.traceStep(x, [y], 'bce', opt);
  assert.ok(Math.abs(t.loss - h.loss) < 1e-6, `loss ${t.loss} vs ${h.loss}`);
  assert.equal(t.penalty, 0);
  assert.equal(t.step, 1);
  assertClose(t.input, x, 1e-7, 'input');
  assert.equal(t.layers.length, 4);
  assertClose(t.layers[0].output, h.z1, 1e-6, 'z1');
  assertClose(t.layers[1].output, h.a1, 1e-6, 'a1');
  assertClose(t.layers[2].output, [h.z2], 1e-6, 'z2');
  assertClose(t.layers[3].output, [h.p], 1e-6, 'p');
  assertClose(t.layers[3].gradOutput, [h.dp], 1e-5, '∂L/∂p');
  assertClose(t.layers[2].gradOutput, [h.d2], 1e-6, 'δ2');
  assertClose(t.layers[1].gradOutput, h.da1, 1e-6, '∂L/∂a1');
  assertClose(t.layers[0].gradOutput, h.d1, 1e-6, 'δ1');
  const p = Object.fromEntries(t.params.map((q) => [q.name, q]));
  assert.deepEqual(p['0.weight'].shape, [2, 2]);
  assertClose(p['0.weight'].grad, h.gW1, 1e-6, '∂L/∂W1');
  assertClose(p['0.bias'].grad, h.d1, 1e-6, '∂L/∂b1');
  assertClose(p['2.weight'].grad, h.gW2, 1e-6, '∂L/∂W2');
  assertClose(p['2.bias'].grad, [h.d2], 1e-6, '∂L/∂b2');
  assertClose(p['0.weight'].value, W1, 0, 'W1 before');
  assertClose(p['0.weight'].updated, W1.map((w, i) => w - 0.5 * h.gW1[i]), 1e-6, 'W1 after');
  assert.deepEqual(Object.keys(p['0.weight'].state), []);
  // A look-ahead changes nothing.
  assert.deepEqual(paramMap(model.parameters()), paramMap(known.map(({ name, data }) => ({ name, data: Float32Array.from(data) }))));
  assert.equal(opt.steps, 0);
  model.dispose();
});

test('traceStep with apply makes trainStep\'s update; the state terms carry PyTorch\'s names', () => {
  const a = lw.Model.fromSpec(spec), b = lw.Model.fromSpec(spec);
  const optA = lw.optim.Adam(a, { lr: 0.1 }), optB = lw.optim.Adam(b, { lr: 0.1 });
  const examples = [[[0.8, -0.6], 1], [[-0.3, 0.9], 0], [[0.1, 0.1], 1]];
  for (const [i, [x, y]] of examples.entries()) {
    const ahead = a.traceStep(x, [y], 'bce', optA);
    const made = a.traceStep(x, [y], 'bce', optA, { apply: true });
    const loss = b.trainStep(x, [y], 1, 'bce', optB);
    assert.equal(Math.fround(made.loss), loss);
    assert.equal(made.step, i + 1);
    assert.deepEqual(paramMap(a.parameters()), paramMap(b.parameters()));
    const after = paramMap(b.parameters());
    for (const q of [...ahead.params, ...made.params]) {
      assert.deepEqual([...q.updated], after[q.name], q.name);
      assert.deepEqual(Object.keys(q.state), ['exp_avg', 'exp_avg_sq']);
    }
    // Adam's first step: m = (1 − β1)·g, v = (1 − β2)·g².
    if (i === 0) {
      const g = made.params[0].grad;
      assertClose(made.params[0].state.exp_avg, [...g].map((v) => 0.1 * v), 1e-7, 'exp_avg');
      assertClose(made.params[0].state.exp_avg_sq, [...g].map((v) => 0.001 * v * v), 1e-9, 'exp_avg_sq');
    }
  }
  assert.equal(optA.steps, 3);
  a.dispose();
  b.dispose();
});

test('traceStep refuses bad input with a message, and the model stays usable', () => {
  const model = lw.Model.fromSpec(spec);
  const opt = lw.optim.SGD(model, { lr: 0.1 });
  assert.throws(() => model.traceStep([1, 2, 3], [1], 'bce', opt), (e) => e instanceof LayerwiseError && /x has 3 values/.test(e.message));
  assert.throws(() => model.traceStep([1, 2], [2], 'bce', opt), LayerwiseError);
  assert.throws(() => model.traceStep([1, NaN], [1], 'bce', opt), /finite/);
  assert.throws(() => model.traceStep([1, 2], [1], 'bce', opt, { apply: 1 }), /apply must be true or false/);
  assert.throws(() => model.traceStep([1, 2], [1], 'bce', opt, { lr: 1 }), /lr/);
  const other = lw.Model.fromSpec(spec);
  assert.throws(() => model.traceStep([1, 2], [1], 'bce', lw.optim.SGD(other)), /another model/);
  assert.equal(model.traceStep([1, 2], [1], 'bce', opt).layers.length, 4);
  model.dispose();
  other.dispose();
});
