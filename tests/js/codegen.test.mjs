// web/playground/codegen.js: the PyTorch and Layerwise JS programs made from a playground state.
//
// The expected pieces (layer sizes, activation calls, initialiser, optimiser with its exact
// hyperparameters, loss class, sigmoid head) are written out by hand for each state, from the
// contract in config.js's header. The Layerwise program is then run with node, and its numbers
// must equal those of the playground's own training worker (wasm/trainer.mjs) fed with
// config.js's trainerConfig for the same state: "reproduces this run" checked, not assumed.
// The PyTorch program runs under a python3 with torch; without one that test fails unless LAYERWISE_NO_TORCH=1 (then it is byte-compiled).
// Without the run's data and weights the PyTorch program draws its own ("alike, not
// identical"); with them it reproduces the run, which tests/js/torch-export.test.mjs checks
// under real torch. Here: what the exact program carries, in text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { findTorchPython, requireTorch } from './torch.mjs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { DEFAULTS, withChanges, activationOf } from '../../web/playground/state.js';
import { modelSpec, resolveLoss, classesOf, trainerConfig } from '../../web/playground/config.js';
import {
  pytorchCode, layerwiseCode, codeComments, codeFor, COMMENT_LANGS, CODE_KINDS, initDraws, float32Base64,
} from '../../web/playground/codegen.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const engineFile = join(root, 'web/engine/layerwise.mjs');
const trainerFile = join(root, 'web/engine/trainer.mjs');

function stateOf(changes) {
  const { state, problems } = withChanges(DEFAULTS, changes);
  assert.deepEqual(problems, [], 'test state is valid');
  return state;
}

// Drawn data: three small clusters, one per class.
const DRAWN = (() => {
  const x = [];
  const y = [];
  const centres = [[-3, -3], [3, -2], [0, 3]];
  for (let i = 0; i < 60; i++) {
    const k = i % 3;
    const a = (i * 2.399) % (2 * Math.PI);
    x.push(centres[k][0] + 0.8 * Math.cos(a) * ((i % 7) / 7), centres[k][1] + 0.8 * Math.sin(a) * ((i % 5) / 5));
    y.push(k);
  }
  return { x, y, classes: 3 };
})();

// Each case: the state, and what the code must say, written out by hand.
const CASES = [
  {
    name: 'defaults (circle, 4-2 tanh, SGD, Xavier, BCE)',
    changes: {},
    sizes: [2, 4, 2, 1],
    pyAct: ['torch.tanh(self.hidden1(x))', 'torch.tanh(self.hidden2(x))'],
    jsAct: ['nn.Tanh()'],
    pyInit: ['nn.init.xavier_uniform_(m.weight)', 'nn.init.zeros_(m.bias)'],
    jsInit: ['init.xavierUniform_(m.weight);', 'init.zeros_(m.bias);'],
    pyOpt: 'torch.optim.SGD(model.parameters(), lr=0.03, momentum=0, nesterov=False, weight_decay=0)',
    jsOpt: 'lw.optim.SGD(model, { lr: 0.03, momentum: 0, nesterov: false, weightDecay: 0 })',
    pyLoss: 'nn.BCELoss()', jsLoss: 'lw.loss.BCE()', sigmoid: true,
  },
  {
    name: 'spiral 8,8 tanh adam',
    changes: { dataset: 'spiral', noise: 10, layers: [8, 8], activation: ['tanh'], optimizer: 'adam', lr: 0.03, batch: 10, seed: 1 },
    sizes: [2, 8, 8, 1],
    pyAct: ['torch.tanh(self.hidden1(x))', 'torch.tanh(self.hidden2(x))'],
    jsAct: ['nn.Tanh()'],
    pyInit: ['nn.init.xavier_uniform_(m.weight)'],
    jsInit: ['init.xavierUniform_(m.weight);'],
    pyOpt: 'torch.optim.Adam(model.parameters(), lr=0.03, betas=(0.9, 0.999), weight_decay=0)',
    jsOpt: 'lw.optim.Adam(model, { lr: 0.03, betas: [0.9, 0.999], weightDecay: 0 })',
    pyLoss: 'nn.BCELoss()', jsLoss: 'lw.loss.BCE()', sigmoid: true,
    js: ["lw.data.generate('spiral', { n: 400, noise: 0.1, seed: SEED })", 'const SEED = 1;'],
  },
  {
    name: 'blobs3 relu with dropout and rmsprop',
    changes: { dataset: 'blobs3', layers: [8, 6], activation: ['relu'], dropout: 0.2, optimizer: 'rmsprop', lr: 0.01, momentum: 0.5, alpha: 0.9 },
    sizes: [2, 8, 6, 3],
    pyAct: ['F.relu(self.hidden1(x))', 'F.relu(self.hidden2(x))'],
    jsAct: ['nn.ReLU()', 'nn.Dropout(0.2)'],
    py: ['self.dropout = nn.Dropout(p=0.2)', 'y_train, y_test = y[train_idx].long(), y[test_idx].long()', 'predicted = out.argmax(dim=1)'],
    dropouts: 2,
    pyInit: ['nn.init.xavier_uniform_(m.weight)'],
    jsInit: ['init.xavierUniform_(m.weight);'],
    pyOpt: 'torch.optim.RMSprop(model.parameters(), lr=0.01, alpha=0.9, momentum=0.5, weight_decay=0)',
    jsOpt: 'lw.optim.RMSprop(model, { lr: 0.01, alpha: 0.9, momentum: 0.5, weightDecay: 0 })',
    pyLoss: 'nn.CrossEntropyLoss()', jsLoss: 'lw.loss.CrossEntropy()', sigmoid: false,
  },
  {
    name: 'sine regression, tanh then relu',
    changes: { dataset: 'sine', layers: [16, 8], activation: ['tanh', 'relu'], optimizer: 'adam', lr: 0.01 },
    sizes: [2, 16, 8, 1],
    pyAct: ['torch.tanh(self.hidden1(x))', 'F.relu(self.hidden2(x))'],
    jsAct: ['nn.Tanh()', 'nn.ReLU()'],
    pyInit: ['nn.init.xavier_uniform_(m.weight)'],
    jsInit: ['init.xavierUniform_(m.weight);'],
    pyOpt: 'torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), weight_decay=0)',
    jsOpt: 'lw.optim.Adam(model, { lr: 0.01, betas: [0.9, 0.999], weightDecay: 0 })',
    pyLoss: 'nn.MSELoss()', jsLoss: 'lw.loss.MSE()', sigmoid: false,
    py: ['return self.output(x)', 'y = torch.sin(X[:, 0])'],
    pyNot: ['accuracy'],
  },
  {
    name: 'loss=mse on circle (sigmoid head, MSE)',
    changes: { loss: 'mse' },
    sizes: [2, 4, 2, 1],
    pyAct: ['torch.tanh(self.hidden1(x))'],
    jsAct: ['nn.Tanh()'],
    pyInit: ['nn.init.xavier_uniform_(m.weight)'],
    jsInit: ['init.xavierUniform_(m.weight);'],
    pyOpt: 'torch.optim.SGD(model.parameters(), lr=0.03, momentum=0, nesterov=False, weight_decay=0)',
    jsOpt: 'lw.optim.SGD(model, { lr: 0.03, momentum: 0, nesterov: false, weightDecay: 0 })',
    pyLoss: 'nn.MSELoss()', jsLoss: 'lw.loss.MSE()', sigmoid: true,
    py: ['predicted = (out > 0.5).float()'],
  },
  {
    name: 'init normal std 0.5, all features, no standardisation',
    changes: { init: 'normal', initStd: 0.5, standardize: false, features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'], layers: [3] },
    sizes: [7, 3, 1],
    pyAct: ['torch.tanh(self.hidden1(x))'],
    jsAct: ['nn.Tanh()'],
    pyInit: ['nn.init.normal_(m.weight, std=0.5)', 'nn.init.zeros_(m.bias)'],
    jsInit: ['init.normal_(m.weight, { std: 0.5 });', 'init.zeros_(m.bias);'],
    pyOpt: 'torch.optim.SGD(model.parameters(), lr=0.03, momentum=0, nesterov=False, weight_decay=0)',
    jsOpt: 'lw.optim.SGD(model, { lr: 0.03, momentum: 0, nesterov: false, weightDecay: 0 })',
    pyLoss: 'nn.BCELoss()', jsLoss: 'lw.loss.BCE()', sigmoid: true,
    py: ['torch.stack([x1, x2, x1 ** 2, x2 ** 2, x1 * x2, torch.sin(x1), torch.sin(x2)], dim=1)'],
    pyNot: ['std[std == 0] = 1'],
    js: ["const FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'];"],
    jsNot: ['standardize('],
  },
  {
    name: 'l1 and l2 on xor, kaiming normal, leaky relu',
    changes: { dataset: 'xor', l1: 0.001, l2: 0.01, init: 'kaiming_normal', activation: ['leaky_relu'], layers: [6] },
    sizes: [2, 6, 1],
    pyAct: ['F.leaky_relu(self.hidden1(x), 0.01)'],
    jsAct: ['nn.LeakyReLU()'],
    pyInit: ["nn.init.kaiming_normal_(m.weight, nonlinearity='relu')"],
    jsInit: ["init.kaimingNormal_(m.weight, { nonlinearity: 'relu' });"],
    pyOpt: 'torch.optim.SGD(model.parameters(), lr=0.03, momentum=0, nesterov=False, weight_decay=0.01)',
    jsOpt: 'lw.optim.SGD(model, { lr: 0.03, momentum: 0, nesterov: false, weightDecay: 0.01 })',
    pyLoss: 'nn.BCELoss()', jsLoss: 'lw.loss.BCE()', sigmoid: true,
    py: ['L1 = 0.001', 'loss = loss + L1 * sum(m.weight.abs().sum() for m in model.modules() if isinstance(m, nn.Linear))'],
    js: ['const L1 = 0.001;', 'model.trainEpoch(train, BATCH_SIZE, criterion, optimizer, { l1: L1 })'],
  },
  {
    name: 'nesterov momentum on moons, kaiming uniform',
    changes: { dataset: 'moons', momentum: 0.9, nesterov: true, init: 'kaiming_uniform', activation: ['relu'] },
    sizes: [2, 4, 2, 1],
    pyAct: ['F.relu(self.hidden1(x))', 'F.relu(self.hidden2(x))'],
    jsAct: ['nn.ReLU()'],
    pyInit: ["nn.init.kaiming_uniform_(m.weight, nonlinearity='relu')"],
    jsInit: ["init.kaimingUniform_(m.weight, { nonlinearity: 'relu' });"],
    pyOpt: 'torch.optim.SGD(model.parameters(), lr=0.03, momentum=0.9, nesterov=True, weight_decay=0)',
    jsOpt: 'lw.optim.SGD(model, { lr: 0.03, momentum: 0.9, nesterov: true, weightDecay: 0 })',
    pyLoss: 'nn.BCELoss()', jsLoss: 'lw.loss.BCE()', sigmoid: true,
  },
  {
    name: 'bce_with_logits, PyTorch default init, no hidden layer',
    changes: { dataset: 'gauss', loss: 'bce_with_logits', init: 'default', layers: [] },
    sizes: [2, 1],
    pyAct: [],
    jsAct: [],
    pyInit: [],
    jsInit: [],
    pyOpt: 'torch.optim.SGD(model.parameters(), lr=0.03, momentum=0, nesterov=False, weight_decay=0)',
    jsOpt: 'lw.optim.SGD(model, { lr: 0.03, momentum: 0, nesterov: false, weightDecay: 0 })',
    pyLoss: 'nn.BCEWithLogitsLoss()', jsLoss: 'lw.loss.BCEWithLogits()', sigmoid: false,
    py: ['predicted = (out > 0).float()'],
    pyNot: ['init_weights', 'model.apply', 'self.hidden1'],
    jsNot: ['initWeights', 'net.apply'],
  },
  {
    name: 'cross-entropy on two classes (two logits), linear activation, zeros init',
    changes: { loss: 'cross_entropy', activation: ['linear'], init: 'zeros', layers: [3] },
    sizes: [2, 3, 2],
    pyAct: ['x = self.hidden1(x)'],
    jsAct: ['nn.Identity()'],
    pyInit: ['nn.init.zeros_(m.weight)', 'nn.init.zeros_(m.bias)'],
    jsInit: ['init.zeros_(m.weight);'],
    pyOpt: 'torch.optim.SGD(model.parameters(), lr=0.03, momentum=0, nesterov=False, weight_decay=0)',
    jsOpt: 'lw.optim.SGD(model, { lr: 0.03, momentum: 0, nesterov: false, weightDecay: 0 })',
    pyLoss: 'nn.CrossEntropyLoss()', jsLoss: 'lw.loss.CrossEntropy()', sigmoid: false,
  },
  {
    name: 'a loss that cannot work (BCE on three classes) is replaced, with a note',
    changes: { dataset: 'blobs3', loss: 'bce', layers: [5], init: 'xavier_normal', optimizer: 'adam', beta1: 0.8, beta2: 0.99, l2: 0.001 },
    sizes: [2, 5, 3],
    pyAct: ['torch.tanh(self.hidden1(x))'],
    jsAct: ['nn.Tanh()'],
    pyInit: ['nn.init.xavier_normal_(m.weight)'],
    jsInit: ['init.xavierNormal_(m.weight);'],
    pyOpt: 'torch.optim.Adam(model.parameters(), lr=0.03, betas=(0.8, 0.99), weight_decay=0.001)',
    jsOpt: 'lw.optim.Adam(model, { lr: 0.03, betas: [0.8, 0.99], weightDecay: 0.001 })',
    pyLoss: 'nn.CrossEntropyLoss()', jsLoss: 'lw.loss.CrossEntropy()', sigmoid: false,
    py: ['The chosen loss (bce) does not fit these data, so cross_entropy is used'],
    js: ['The chosen loss (bce) does not fit these data, so cross_entropy is used'],
  },
  {
    name: "AdamW: its own decoupled weight decay, l2 left out",
    changes: { dataset: 'moons', layers: [6], activation: ['relu'], optimizer: 'adamw', lr: 0.01, beta2: 0.99, weightDecay: 0.05, l2: 0.3 },
    sizes: [2, 6, 1],
    pyAct: ['F.relu(self.hidden1(x))'],
    jsAct: ['nn.ReLU()'],
    pyInit: ['nn.init.xavier_uniform_(m.weight)'],
    jsInit: ['init.xavierUniform_(m.weight);'],
    pyOpt: 'torch.optim.AdamW(model.parameters(), lr=0.01, betas=(0.9, 0.99), weight_decay=0.05)',
    jsOpt: 'lw.optim.AdamW(model, { lr: 0.01, betas: [0.9, 0.99], weightDecay: 0.05 })',
    pyLoss: 'nn.BCELoss()', jsLoss: 'lw.loss.BCE()', sigmoid: true,
    py: ["# AdamW's weight_decay is decoupled"],
    js: ["// AdamW's weightDecay is decoupled"],
  },
  {
    name: 'drawn points, three classes',
    changes: { dataset: 'drawn', layers: [6], activation: ['relu'], trainRatio: 70, seed: 7 },
    drawn: DRAWN,
    sizes: [2, 6, 3],
    pyAct: ['F.relu(self.hidden1(x))'],
    jsAct: ['nn.ReLU()'],
    pyInit: ['nn.init.xavier_uniform_(m.weight)'],
    jsInit: ['init.xavierUniform_(m.weight);'],
    pyOpt: 'torch.optim.SGD(model.parameters(), lr=0.03, momentum=0, nesterov=False, weight_decay=0)',
    jsOpt: 'lw.optim.SGD(model, { lr: 0.03, momentum: 0, nesterov: false, weightDecay: 0 })',
    pyLoss: 'nn.CrossEntropyLoss()', jsLoss: 'lw.loss.CrossEntropy()', sigmoid: false,
    py: [`[${DRAWN.x[0]}, ${DRAWN.x[1]}]`, 'int(0.7 * len(X) + 0.5)'],
    js: ['lw.data.fromArrays(pointsX, pointsY, { features: 2, classes: 3 })', 'points.split(0.7, SEED)'],
  },
];

for (const c of CASES) {
  c.state = stateOf(c.changes);
  c.options = c.drawn ? { drawn: c.drawn } : {};
}

// The pieces of a program in order: every match of re, as text.
const allMatches = (text, re) => [...text.matchAll(re)].map((m) => m[0]);

function assertInOrder(text, pieces, what) {
  let at = 0;
  for (const piece of pieces) {
    const i = text.indexOf(piece, at);
    assert.ok(i >= 0, `${what}: missing (or out of order) ${piece}\n---\n${text}`);
    at = i + piece.length;
  }
}

// Code without comments: the same whatever language the comments are in.
const pyCodeOnly = (text) => text.split('\n').map((l) => l.replace(/\s*#.*$/, '')).filter((l) => l.trim()).join('\n');
const jsCodeOnly = (text) => text.split('\n').map((l) => l.replace(/\s*\/\/.*$/, '')).filter((l) => l.trim()).join('\n');

describe('PyTorch code', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const py = pytorchCode(c.state, c.options);
      for (const imp of ['import torch\n', 'import torch.nn as nn\n', 'import torch.nn.functional as F\n']) assert.ok(py.includes(imp), imp);
      assert.ok(py.includes('class DeepNN(nn.Module):'));
      const linears = allMatches(py, /nn\.Linear\(\d+, \d+\)/g);
      const want = c.sizes.slice(1).map((out, i) => `nn.Linear(${c.sizes[i]}, ${out})`);
      assert.deepEqual(linears, want, 'layer sizes in order');
      c.state.layers.forEach((_, i) => assert.ok(py.includes(`self.hidden${i + 1} = nn.Linear(`), `hidden${i + 1}`));
      assertInOrder(py, c.pyAct, 'activations in forward');
      for (const call of c.pyInit) assert.ok(py.includes(call), call);
      if (c.pyInit.length) assert.ok(py.includes('model.apply(init_weights)'));
      assert.ok(py.includes(`optimizer = ${c.pyOpt}\n`), `optimizer: ${c.pyOpt}\n---\n${py}`);
      assert.equal(allMatches(py, /torch\.optim\.\w+\(/g).length, 1);
      assert.ok(py.includes(`criterion = ${c.pyLoss}\n`), c.pyLoss);
      // The sigmoid is in forward exactly when config.js's head has one.
      const spec = modelSpec(c.state, c.state.features.length, classesOf(c.state, c.drawn), resolveLoss(c.state, classesOf(c.state, c.drawn)).loss);
      assert.equal(spec.layers.at(-1).type === 'sigmoid', c.sigmoid, 'test case agrees with config.js');
      assert.equal(py.includes('return torch.sigmoid(self.output(x))'), c.sigmoid, 'sigmoid head');
      assert.equal(py.includes('return self.output(x)'), !c.sigmoid, 'raw head');
      assert.ok(py.includes(`BATCH_SIZE = ${c.state.batch}\n`));
      assert.equal(py.includes('L1 = '), c.state.l1 > 0, 'L1 term only with l1 > 0');
      const drops = (c.dropouts ?? 0);
      assert.equal(allMatches(py, /x = self\.dropout\(x\)/g).length, drops, 'dropout after each hidden layer');
      assert.equal(py.includes('std[std == 0] = 1'), c.state.standardize, 'standardisation');
      assert.ok(py.includes('for epoch in range(1, EPOCHS + 1):') && py.includes('torch.randperm(len(X_train))'), 'shuffled epochs');
      for (const piece of c.py ?? []) assert.ok(py.includes(piece), `${piece}\n---\n${py}`);
      for (const piece of c.pyNot ?? []) assert.ok(!py.includes(piece), `unexpected ${piece}`);
      // The activation named per layer by the state, every one of them.
      c.state.layers.forEach((_, i) => {
        const act = activationOf(c.state, i);
        const call = { relu: 'F.relu(', leaky_relu: 'F.leaky_relu(', tanh: 'torch.tanh(', sigmoid: 'torch.sigmoid(', linear: '' }[act];
        assert.ok(py.includes(`x = ${call}self.hidden${i + 1}(x)`), `layer ${i + 1}: ${act}`);
      });
    });
  }

  test('deterministic, and Korean comments leave the code unchanged', () => {
    for (const c of CASES) {
      const en = pytorchCode(c.state, c.options);
      assert.equal(pytorchCode(c.state, c.options), en);
      const ko = pytorchCode(c.state, { ...c.options, lang: 'ko' });
      assert.notEqual(ko, en);
      assert.equal(pyCodeOnly(ko), pyCodeOnly(en), c.name);
      assert.match(ko, /# .*[가-힣]/);
    }
    const spiral = CASES[1].state;
    assert.ok(pytorchCode({ ...spiral, lang: 'ko' }).includes('은닉층 1: 뉴런 8개'), 'state.lang picks the comments');
    assert.ok(pytorchCode(spiral).includes('hidden layer 1: 8 neurons'));
  });

  test('without the run\'s data and weights: its own random numbers, "alike, not identical"', () => {
    const py = pytorchCode(DEFAULTS);
    assert.match(py, /alike, not identical/);
    assert.ok(!py.includes('load_state_dict') && !py.includes('class Pcg32'));
  });

  test('with the run\'s data and weights: they are in the code, with the engine\'s batch order', () => {
    // A tiny made-up run: 3 training points, 2 test points, the default 2 → 4 → 2 → 1 network.
    const data = {
      train: { points: Float32Array.from([1, 2, -1, 0.5, 3, -2]), y: Float32Array.from([1, 0, 1]) },
      test: { points: Float32Array.from([0, 0, 1, 1]), y: Float32Array.from([0, 1]) },
    };
    const spec = modelSpec(DEFAULTS, 2, 2, 'bce');
    const sizes = [[4, 2], [2, 4], [1, 2]];
    const parameters = sizes.flatMap(([o, i], k) => [
      { name: `${2 * k}.weight`, data: Float32Array.from({ length: o * i }, (_, j) => j / 8 - 0.5) },
      { name: `${2 * k}.bias`, data: new Float32Array(o) }]);
    const py = pytorchCode(DEFAULTS, { epochs: 30, data, parameters });
    assert.doesNotMatch(py, /alike, not identical/);
    assert.match(py, /reproduces the playground run/);
    assert.ok(py.includes(`P_train = floats("${float32Base64(data.train.points)}", -1, 2)`), 'the training points, as base64 float32');
    assert.ok(py.includes(`y_test = floats("${float32Base64(data.test.y)}", -1)`));
    assert.ok(py.includes(`'hidden1.weight': floats("${float32Base64(parameters[0].data)}", 4, 2),`), 'the weights, by layer name');
    assert.ok(py.includes('model.load_state_dict({'));
    assert.ok(py.includes('class Pcg32:') && py.includes('order = rng.shuffled(len(X_train))'));
    // Xavier-uniform weights draw one number each, the zero biases none: 8 + 8 + 2
    assert.equal(initDraws(spec), 18);
    assert.ok(py.includes('for _ in range(18):'), 'the generator is advanced past the initial weights');
    assert.ok(py.includes('EPOCHS = 30\n') && py.includes('report(0)'));
    const trained = pytorchCode(DEFAULTS, { epochs: 30, data, parameters, weights: 'trained', epoch: 30 });
    assert.ok(trained.includes('EPOCHS = 0\n') && trained.includes('report(30)'), 'trained: loads and reports; trains no further');
    assert.match(trained, /the weights trained for 30 epochs/);
    assert.doesNotMatch(py, /does not replay/);
    assert.match(pytorchCode(DEFAULTS, { epochs: 30, data, parameters, replays: false }), /a turn the script does not replay/);
    const ko = pytorchCode({ ...DEFAULTS, lang: 'ko' }, { epochs: 30, data, parameters });
    assert.match(ko, /플레이그라운드의 실행을 그대로 재현합니다/);
    assert.throws(() => pytorchCode(DEFAULTS, { data, parameters: parameters.slice(2) }), /parameters given/);
  });

  test('initDraws: normals come in pairs, the second kept for the next value, across tensors', () => {
    const spec = (weight, bias, layers) => ({ input: [3], init: { weight, bias }, layers: layers.map((out) => ({ type: 'linear', out })) });
    assert.equal(initDraws(spec('normal', 'zeros', [3])), 10); // 9 values: 5 pairs
    assert.equal(initDraws(spec('normal', 'zeros', [3, 5])), 10 + 14); // 15 more: 1 spare, then 7 pairs
    assert.equal(initDraws(spec('normal', 'normal', [1])), 4); // 3 + 1 values: 2 pairs
    assert.equal(initDraws(spec('default', 'default', [2])), 8);
    assert.equal(initDraws(spec('zeros', 'constant', [2])), 0);
  });

  test('epochs option, and the checks on it', () => {
    assert.ok(pytorchCode(DEFAULTS, { epochs: 7 }).includes('EPOCHS = 7\n'));
    assert.ok(pytorchCode(DEFAULTS).includes('EPOCHS = 100\n'));
    assert.throws(() => pytorchCode(DEFAULTS, { epochs: 0 }), /epochs/);
  });
});

describe('Layerwise JS code', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const js = layerwiseCode(c.state, c.options);
      assert.ok(js.includes("import { loadLayerwise } from 'layerwise';"));
      assert.ok(js.includes('const lw = await loadLayerwise();'));
      const linears = allMatches(js, /nn\.Linear\(\d+, \d+\)/g);
      assert.deepEqual(linears, c.sizes.slice(1).map((out, i) => `nn.Linear(${c.sizes[i]}, ${out})`), 'layer sizes');
      for (const piece of c.jsAct) assert.ok(js.includes(piece), piece);
      for (const call of c.jsInit) assert.ok(js.includes(call), call);
      assert.ok(js.includes(`const optimizer = ${c.jsOpt};`), `${c.jsOpt}\n---\n${js}`);
      assert.ok(js.includes(`const criterion = ${c.jsLoss};`), c.jsLoss);
      assert.equal(/nn\.Sigmoid\(\),\s+\/\/.*\n\);/.test(js), c.sigmoid, 'sigmoid head last');
      assert.ok(js.includes(`lw.Model.fromSpec(net, { input: [${c.sizes[0]}], seed: SEED })`));
      assert.ok(js.includes('model.trainEpoch(train, BATCH_SIZE, criterion, optimizer'));
      assert.ok(js.includes('model.evaluate(data, criterion)'));
      assert.equal(js.includes('standardize('), c.state.standardize);
      for (const piece of c.js ?? []) assert.ok(js.includes(piece), `${piece}\n---\n${js}`);
      for (const piece of c.jsNot ?? []) assert.ok(!js.includes(piece), `unexpected ${piece}`);
      const ko = layerwiseCode(c.state, { ...c.options, lang: 'ko' });
      assert.equal(jsCodeOnly(ko), jsCodeOnly(js), 'comments only differ');
    });
  }

  test('codeFor and the comment tables', () => {
    assert.deepEqual(CODE_KINDS, ['pytorch', 'layerwise']);
    assert.equal(codeFor('pytorch', DEFAULTS), pytorchCode(DEFAULTS));
    assert.equal(codeFor('layerwise', DEFAULTS), layerwiseCode(DEFAULTS));
    assert.throws(() => codeFor('keras', DEFAULTS), /unknown kind/);
    const en = codeComments('en');
    const holes = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
    for (const lang of COMMENT_LANGS) {
      const table = codeComments(lang);
      assert.deepEqual(Object.keys(table).sort(), Object.keys(en).sort(), lang);
      for (const [k, v] of Object.entries(table)) {
        assert.ok(v.trim(), `${lang}.${k} empty`);
        assert.equal(holes(v), holes(en[k]), `${lang}.${k} placeholders`);
      }
    }
    assert.deepEqual(codeComments('xx'), en, 'unknown language: English');
  });

  test('the loss note also shows when the caller passes config.js\'s classes and loss', () => {
    const state = stateOf({ dataset: 'blobs3', loss: 'mse' });
    const { loss, classes } = trainerConfig(state);
    assert.match(layerwiseCode(state, { loss, classes }), /The chosen loss \(mse\) does not fit/);
    assert.doesNotMatch(layerwiseCode(stateOf({ dataset: 'blobs3' })), /does not fit/);
  });

  test('drawn data not given: the programs say where the points go', () => {
    const drawn = stateOf({ dataset: 'drawn' });
    assert.ok(layerwiseCode(drawn).includes('const pointsX = [];'));
    assert.match(layerwiseCode(drawn), /Put your points here/);
    assert.match(pytorchCode(drawn), /Your drawn points go here/);
  });
});

// ---- Running the programs ------------------------------------------------------------------

describe('the generated programs run', () => {
  let dir;
  let trainer;
  const EPOCHS = 4;

  before(async () => {
    mkdirSync(join(root, 'build'), { recursive: true });
    dir = mkdtempSync(join(root, 'build', 'codegen-test-')); // inside the package: 'layerwise' resolves
    const { createTrainer } = await import(pathToFileURL(trainerFile));
    trainer = await createTrainer();
  });

  after(async () => {
    await trainer?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // 'layerwise' resolves by the package's self-reference when package.json exports it.
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const importFrom = pkg.name === 'layerwise' && pkg.exports ? 'layerwise' : pathToFileURL(engineFile).href;

  function runNode(file) {
    const r = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, `node ${file} failed:\n${r.stderr}`);
    return r.stdout;
  }

  for (const c of CASES) {
    test(`Layerwise JS equals the playground's trainer: ${c.name}`, async () => {
      const js = layerwiseCode(c.state, { ...c.options, epochs: EPOCHS, importFrom });
      const file = join(dir, `case-${CASES.indexOf(c)}.mjs`);
      writeFileSync(file, js);
      const out = runNode(file);

      const last = out.match(new RegExp(`^epoch ${EPOCHS}: train loss (\\S+)$`, 'm'));
      assert.ok(last, `prints the last epoch's loss:\n${out}`);
      const evals = Object.fromEntries([...out.matchAll(/^(train|test) loss (\S+)(?:, accuracy (\S+)%)?$/gm)]
        .map((m) => [m[1], { loss: m[2], accuracy: m[3] }]));
      assert.ok(evals.train && evals.test, out);
      for (const v of [last[1], evals.train.loss, evals.test.loss]) assert.ok(Number.isFinite(Number(v)), `finite: ${v}`);

      // The playground's own pipeline: config.js → training worker, the same number of epochs.
      const { config } = trainerConfig(c.state, { drawn: c.drawn });
      await trainer.init({ ...config, grid: null, snapshot: { gradients: false, stats: false, neurons: false, parameters: false } });
      const snap = await trainer.train(EPOCHS);
      assert.equal(last[1], snap.epochLosses.at(-1).toFixed(4), 'last epoch loss');
      assert.equal(evals.train.loss, snap.trainLoss.toFixed(4), 'train loss');
      assert.equal(evals.test.loss, snap.testLoss.toFixed(4), 'test loss');
      if (snap.trainAccuracy === null) {
        assert.equal(evals.test.accuracy, undefined, 'no accuracy for regression');
      } else {
        assert.equal(evals.train.accuracy, (100 * snap.trainAccuracy).toFixed(1), 'train accuracy');
        assert.equal(evals.test.accuracy, (100 * snap.testAccuracy).toFixed(1), 'test accuracy');
      }
    });
  }

  // A python3 with torch runs the PyTorch programs. Without one the test fails (saying so), unless
  // LAYERWISE_NO_TORCH=1 opts out: then the programs are only byte-compiled, and the title says that.
  const torchPython = findTorchPython();
  const optedOut = !torchPython && process.env.LAYERWISE_NO_TORCH === '1';
  const anyPython = torchPython ?? ['/usr/bin/python3', 'python3']
    .find((py) => spawnSync(py, ['-c', 'pass'], { stdio: 'ignore' }).status === 0);

  test('PyTorch code ' + (torchPython ? `runs (${torchPython} has torch)`
    : optedOut ? 'compiles only (LAYERWISE_NO_TORCH=1, no torch here)' : 'runs (but no torch here)'),
    { skip: optedOut && !anyPython ? 'LAYERWISE_NO_TORCH=1 and no python3' : false }, (t) => {
      if (!torchPython && !optedOut) requireTorch(t); // throws, saying how to install torch or opt out
      for (const c of CASES) {
        const file = join(dir, `case-${CASES.indexOf(c)}.py`);
        writeFileSync(file, pytorchCode(c.state, { ...c.options, epochs: 3, lang: CASES.indexOf(c) % 2 ? 'ko' : 'en' }));
        if (!torchPython) {
          execFileSync(anyPython, ['-m', 'py_compile', file]);
          continue;
        }
        const r = spawnSync(torchPython, [file], { encoding: 'utf8', timeout: 120_000 });
        assert.equal(r.status, 0, `${c.name}: python failed:\n${r.stderr}`);
        const m = r.stdout.match(/^test loss (\S+)(?:, accuracy (\S+)%)?$/m);
        assert.ok(m, `${c.name}: prints the test loss:\n${r.stdout}`);
        assert.ok(Number.isFinite(Number(m[1])), `${c.name}: finite loss ${m[1]}`);
        if (m[2] !== undefined) assert.ok(Number(m[2]) >= 0 && Number(m[2]) <= 100, `${c.name}: accuracy ${m[2]}`);
        assert.match(r.stdout, /^epoch 3: train loss \d/m);
      }
    });
});
