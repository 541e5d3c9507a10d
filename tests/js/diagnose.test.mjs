// diagnose.js's rules on statistics and curves made up here: each finding appears on the
// evidence it names and not just below its threshold, nor on a healthy run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { THRESHOLDS, diagnose } from '../../web/playground/diagnose.js';

const spec = (act, widths = [8, 8]) => ({
  input: [2],
  layers: [...widths.flatMap((w) => [{ type: 'linear', out: w }, { type: act }]), { type: 'linear', out: 1 }, { type: 'sigmoid' }],
});
const summary = (std, mean = 0) => ({ std, mean });
// Stats for a spec: each linear layer's weight-gradient RMS from `grads`, dead/saturated per layer.
function stats(s, { grads = [], dead = {}, saturated = {} } = {}) {
  let k = 0;
  return s.layers.map((l, i) => ({
    type: l.type,
    weightGrads: l.type === 'linear' ? summary(grads[k++] ?? 0.1) : summary(0),
    dead: dead[i] ?? 0,
    saturated: saturated[i] ?? 0,
  }));
}
const history = (rows) => ({
  epochs: rows.map((r) => r[0]), trainLoss: rows.map((r) => r[1]), testLoss: rows.map((r) => r[2] ?? null),
  trainAccuracy: rows.map((r) => r[3] ?? null), testAccuracy: rows.map(() => null),
});
const ids = (found) => found.map((f) => f.id);
const healthy = history([[0, 0.69, 0.7, 0.5], [50, 0.3, 0.32, 0.9], [100, 0.1, 0.12, 0.97], [200, 0.05, 0.07, 0.99]]);

test('a healthy run: no finding', () => {
  const s = spec('relu');
  assert.deepEqual(diagnose({ spec: s, stats: stats(s), history: healthy, classification: true }), []);
});

test('dead ReLUs: per layer, from half the units on, counted', () => {
  const s = spec('relu');
  const found = diagnose({ spec: s, stats: stats(s, { dead: { 3: 7 / 8 } }), history: healthy, classification: true });
  assert.deepEqual(found, [{ id: 'dead', params: { layer: 2, dead: 7, width: 8 } }]);
  assert.deepEqual(diagnose({ spec: s, stats: stats(s, { dead: { 1: 3 / 8 } }), history: healthy, classification: true }), []);
  assert.equal(THRESHOLDS.dead, 0.5);
});

test('saturation: only while the network is wrong and stuck, not in a network that learns', () => {
  const s = spec('tanh');
  const st = stats(s, { saturated: { 1: 0.9 } });
  const early = history([[0, 0.69, 0.7, 0.5], [2, 0.69, 0.7, 0.5]]);
  assert.deepEqual(ids(diagnose({ spec: s, stats: st, history: early, classification: true })), ['saturated']);
  assert.deepEqual(diagnose({ spec: s, stats: st, history: early, classification: true })[0].params, { layer: 1, percent: 90, activation: 'tanh' });
  assert.deepEqual(ids(diagnose({ spec: s, stats: st, history: healthy, classification: true })), [], 'a trained network');
  const learning = history([[0, 0.69, 0.7, 0.5], [20, 0.5, 0.5, 0.7], [40, 0.3, 0.35, 0.85]]);
  assert.deepEqual(ids(diagnose({ spec: s, stats: st, history: learning, classification: true })), [], 'still learning fast');
  assert.deepEqual(ids(diagnose({ spec: s, stats: stats(s, { saturated: { 1: 0.7 } }), history: early, classification: true })), []);
});

test('vanishing and exploding gradients, from the layers\' gradient sizes', () => {
  const s = spec('sigmoid', [8, 8, 8]);
  const v = diagnose({ spec: s, stats: stats(s, { grads: [1e-6, 1e-4, 1e-3, 0.01] }), history: healthy, classification: true });
  assert.deepEqual(ids(v), ['vanishing']);
  assert.ok(Math.abs(v[0].params.ratio - 1e4) < 1e-6);
  assert.deepEqual(ids(diagnose({ spec: s, stats: stats(s, { grads: [0.0002, 0.001, 0.01, 0.01] }), history: healthy, classification: true })), [], 'a 50× ratio');
  const e = diagnose({ spec: s, stats: stats(s, { grads: [40, 20, 30, 100] }), history: healthy, classification: true });
  assert.deepEqual(ids(e), ['exploding']);
  assert.deepEqual([e[0].params.largest, e[0].params.layer], [100, 4]);
  assert.deepEqual(ids(diagnose({ spec: s, stats: stats(s, { grads: [5, 0.01, 0.01, 0.01] }), history: healthy, classification: true })), ['exploding'], '500× the last');
});

test('overfitting: the test loss rising while the training loss falls, or far above it', () => {
  const s = spec('relu');
  const rising = history([[0, 0.7, 0.7], [20, 0.3, 0.35], [40, 0.1, 0.45], [60, 0.05, 0.6]]);
  const found = diagnose({ spec: s, stats: null, history: rising, classification: true });
  assert.deepEqual(ids(found), ['overfitting']);
  assert.deepEqual([found[0].params.best, found[0].params.bestEpoch], [0.35, 20]);
  // The spiral: test 0.261 against training 0.037.
  const gap = history([[0, 0.7, 0.7], [100, 0.1, 0.3], [200, 0.037, 0.261]]);
  assert.deepEqual(ids(diagnose({ spec: s, stats: null, history: gap, classification: true })), ['overfitting']);
  const noTest = history([[0, 0.7], [40, 0.1], [60, 0.05]]);
  assert.deepEqual(ids(diagnose({ spec: s, stats: null, history: noTest, classification: true })), []);
  const early = history([[0, 0.7, 0.7], [10, 0.2, 0.4], [20, 0.05, 0.6]]);
  assert.deepEqual(ids(diagnose({ spec: s, stats: null, history: early, classification: true })), [], 'fewer than 30 epochs');
});

test('a flat loss: 100 epochs in, unmoved over the last half, still wrong', () => {
  const s = spec('relu');
  const flat = history([[0, 0.6932, 0.6931, 0.5], [60, 0.69315, 0.6931, 0.52], [120, 0.6931, 0.6931, 0.52]]);
  assert.deepEqual(ids(diagnose({ spec: s, stats: null, history: flat, classification: true })), ['flat']);
  const solved = history([[0, 0.02, 0.02, 1], [60, 0.0199, 0.02, 1], [120, 0.0199, 0.02, 1]]);
  assert.deepEqual(ids(diagnose({ spec: s, stats: null, history: solved, classification: true })), [], 'flat because it is done');
  const regression = history([[0, 2, 2], [60, 1.999, 2], [120, 1.998, 2]]);
  assert.deepEqual(ids(diagnose({ spec: s, stats: null, history: regression, classification: false })), ['flat']);
  const young = history([[0, 0.6932, 0.6931, 0.5], [40, 0.6932, 0.6931, 0.5], [80, 0.6931, 0.6931, 0.5]]);
  assert.deepEqual(ids(diagnose({ spec: s, stats: null, history: young, classification: true })), [], 'under 100 epochs');
});
