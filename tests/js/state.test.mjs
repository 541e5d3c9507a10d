// The playground's state table (web/playground/state.js) with AdamW: the optimiser and its own
// weight decay go through every way a state travels (URL hash, attributes' text, the export
// file) and come back the same; what they do not allow is refused and the old value kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULTS, OPTIMIZERS, fromHash, toHash, toJSONState, withChanges } from '../../web/playground/state.js';
import { optimizerConfig } from '../../web/playground/config.js';
import { fileOf, readFile } from '../../web/playground/controls/file.js';

const adamw = withChanges(DEFAULTS, { optimizer: 'adamw', weightDecay: 0.1, beta1: 0.8, lr: 0.01 }).state;

test('AdamW is an optimiser of the table, with weight decay 0.01 by default (PyTorch\'s)', () => {
  assert.ok(OPTIMIZERS.includes('adamw'));
  assert.equal(DEFAULTS.weightDecay, 0.01);
  assert.deepEqual(withChanges(DEFAULTS, { optimizer: 'adamw' }).problems, []);
});

test('the URL hash, attribute text and the JSON state carry AdamW and its weight decay both ways', () => {
  const hash = toHash(adamw);
  assert.match(hash, /optimizer=adamw/);
  assert.match(hash, /weightDecay=0\.1(&|$)/);
  const back = fromHash(hash);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.state, adamw);
  // attributes arrive as text
  assert.deepEqual(withChanges(DEFAULTS, { optimizer: 'adamw', weightDecay: '0.1', beta1: '0.8', lr: '0.01' }).state, adamw);
  assert.deepEqual(withChanges(DEFAULTS, toJSONState(adamw)).state, adamw);
});

test('the export file keeps AdamW, its weight decay and the step count', () => {
  // the default network 2 → 4 → 2 → 1 (linear layers at 0, 2 and 4 of the spec)
  const shapes = [['0.weight', [4, 2]], ['0.bias', [4]], ['2.weight', [2, 4]], ['2.bias', [2]], ['4.weight', [1, 2]], ['4.bias', [1]]];
  const parameters = shapes.map(([name, shape]) => ({ name, shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(0.5) }));
  const text = JSON.stringify(fileOf({ state: adamw, epoch: 3, step: 30, parameters, history: [] }));
  const read = readFile(text);
  assert.deepEqual([read.state.optimizer, read.state.weightDecay, read.epoch, read.step], ['adamw', 0.1, 3, 30]);
  // a file from before AdamW (no weightDecay) opens with the default
  const old = JSON.parse(text);
  delete old.state.weightDecay;
  old.state.optimizer = 'adam';
  assert.equal(readFile(JSON.stringify(old)).state.weightDecay, 0.01);
});

test('a weight decay out of range or not a number is refused and the old one kept', () => {
  for (const bad of ['-0.1', '2', 'lots']) {
    const r = withChanges(adamw, { weightDecay: bad });
    assert.equal(r.state.weightDecay, 0.1, bad);
    assert.deepEqual(r.problems.map((p) => p.setting), ['weightDecay'], bad);
  }
  assert.equal(fromHash('#optimizer=adamx').problems[0].setting, 'optimizer');
});

test('the trainer gets AdamW with the state\'s weight decay; L2 is the other optimisers\' only', () => {
  const withL2 = withChanges(adamw, { l2: 0.3 }).state;
  assert.deepEqual(optimizerConfig(withL2), { name: 'adamw', options: { lr: 0.01, betas: [0.8, 0.999], weightDecay: 0.1 } });
  assert.equal(optimizerConfig(withChanges(withL2, { optimizer: 'adam' }).state).options.weightDecay, 0.3);
});
