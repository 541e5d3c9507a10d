// The playground's PyTorch export (web/playground/codegen.js, pytorchCode with the run's data
// and weights) run under real torch: it must reproduce the playground's run.
//
// For each state: the playground's own training worker session (web/engine/trainer-session.mjs,
// fed with config.js's trainerConfig, as the page feeds it) trains EPOCHS epochs and reports,
// after each, the losses its curves show (the snapshot option `curve`: the loss over the whole
// training set and the test set). The script made from the same state, with the session's data
// and initial weights, prints the same two losses after each epoch; they must agree to 1e-4
// relative at every epoch. Then the export of the trained weights must load with
// load_state_dict, report the session's losses, and predict what the session predicts on new
// points (the raw (x1, x2), mapped and standardised by the script as the engine does).
//
// Needs a python3 with torch (tests/js/torch.mjs): fails without one, unless LAYERWISE_NO_TORCH=1.
// Run: node --test tests/js/torch-export.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadEngine } from './helpers.mjs';
import { findTorchPython, requireTorch } from './torch.mjs';
import { DEFAULTS, withChanges } from '../../web/playground/state.js';
import { trainerConfig } from '../../web/playground/config.js';
import { pytorchCode } from '../../web/playground/codegen.js';
import { Session } from '../../web/engine/trainer-session.mjs';

const EPOCHS = 25;
const REL = 1e-4;
const PRED_TOL = 1e-4;
// The trained weights: a sharper check than the losses, which hardly move when the batch order
// is wrong (a shuffle one draw off changes the xor run's losses by 2e-5 relative, its weights by 1e-3).
const WEIGHT_TOL = 1e-5;

// Each: a name and the changes from the playground's defaults (circle, 4-2 tanh, SGD, BCE).
export const STATES = [
  { name: 'xor, 2 layers tanh, SGD', changes: { dataset: 'xor', layers: [4, 4], activation: ['tanh'], optimizer: 'sgd', lr: 0.03, noise: 10 } },
  { name: 'spiral, ReLU, Adam', changes: { dataset: 'spiral', layers: [8, 8], activation: ['relu'], optimizer: 'adam', lr: 0.01, init: 'kaiming_uniform', points: 300 } },
  { name: 'circle, SGD with momentum', changes: { dataset: 'circle', layers: [6], optimizer: 'sgd', momentum: 0.9, lr: 0.01, noise: 20 } },
  { name: 'gauss, SGD Nesterov, Xavier normal', changes: { dataset: 'gauss', layers: [3], optimizer: 'sgd', momentum: 0.5, nesterov: true, init: 'xavier_normal', noise: 30 } },
  { name: 'moons, RMSprop', changes: { dataset: 'moons', layers: [5, 3], optimizer: 'rmsprop', lr: 0.003, alpha: 0.9, noise: 10 } },
  { name: 'moons, RMSprop with momentum, leaky ReLU', changes: { dataset: 'moons', layers: [6], activation: ['leaky_relu'], optimizer: 'rmsprop', lr: 0.001, momentum: 0.5 } },
  { name: 'blobs3, cross-entropy on 3 logits, Adam', changes: { dataset: 'blobs3', layers: [6], optimizer: 'adam', lr: 0.01, noise: 20 } },
  { name: 'sine regression, MSE, Adam', changes: { dataset: 'sine', layers: [8, 8], optimizer: 'adam', lr: 0.01, noise: 10 } },
  { name: 'plane regression, MSE, SGD, no standardisation', changes: { dataset: 'plane', layers: [3], optimizer: 'sgd', lr: 0.01, standardize: false } },
  { name: 'circle, all seven features, L1 and L2, batch 7', changes: { dataset: 'circle', features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'], layers: [4], l1: 0.001, l2: 0.001, batch: 7 } },
  { name: 'xor, BCE with logits, AdamW, default init, seed 7', changes: { dataset: 'xor', loss: 'bce_with_logits', optimizer: 'adamw', lr: 0.01, init: 'default', seed: 7 } },
  { name: 'gauss, MSE on probabilities, normal init, sigmoid, 70% train', changes: { dataset: 'gauss', loss: 'mse', init: 'normal', initStd: 0.5, activation: ['sigmoid'], trainRatio: 70, lr: 0.1 } },
  { name: 'circle, Xavier normal with odd weight counts (a normal pair spans two tensors)', changes: { dataset: 'circle', features: ['x1', 'x2', 'x1sq'], layers: [3, 5], init: 'xavier_normal', optimizer: 'sgd', lr: 0.1, noise: 10 } },
  { name: 'circle, dropout 0.2 (masks from the shared generator), SGD', changes: { dataset: 'circle', layers: [8], dropout: 0.2, noise: 10 } },
  { name: 'spiral, dropout 0.5 on two layers, ReLU, Adam', changes: { dataset: 'spiral', layers: [8, 8], activation: ['relu'], dropout: 0.5, optimizer: 'adam', lr: 0.01 } },
  { name: 'spiral, kaiming normal, ReLU, batch 100 > train set of 60', changes: { dataset: 'spiral', points: 120, layers: [8], activation: ['relu'], init: 'kaiming_normal', batch: 100, optimizer: 'adam', lr: 0.02 } },
];

const NOTHING = { metrics: true, grid: false, neurons: false, parameters: false, gradients: false, stats: false };

function stateOf(changes) {
  const { state, problems } = withChanges(DEFAULTS, changes);
  assert.deepEqual(problems, [], 'the test state is valid');
  return state;
}

// Runs `code` with `python`; resolves with stdout (rejects with stderr on failure).
let dir;
let count = 0;
function runPython(python, code) {
  dir ??= mkdtempSync(join(tmpdir(), 'lw-torch-export-'));
  const file = join(dir, `export${++count}.py`);
  writeFileSync(file, code);
  return new Promise((resolve, reject) => {
    const child = spawn(python, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (status) => (status === 0 ? resolve(out) : reject(new Error(`${file} failed (${status}):\n${err}`))));
  });
}

/** The lines "epoch N: train loss A, test loss B" as [{epoch, train, test}]. */
export function parseEpochs(out) {
  return [...out.matchAll(/^epoch (\d+): train loss (\S+), test loss (\S+)$/gm)]
    .map((m) => ({ epoch: Number(m[1]), train: Number(m[2]), test: Number(m[3]) }));
}

const rel = (a, b) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1e-12));

/** The session's run of `state`: data, initial and trained weights, per-epoch losses, predictions. */
export async function engineRun(state, epochs = EPOCHS) {
  const { lw } = await loadEngine();
  const made = trainerConfig(state, { grid: null });
  const session = new Session(lw, { ...made.config, snapshot: NOTHING });
  try {
    const start = session.snapshot({ ...NOTHING, parameters: true, data: true });
    const snap = session.train({ epochs }, { ...NOTHING, parameters: true, curve: 1 });
    const probe = Float32Array.from([0.5, -1.25, -3, 2, 4.5, 4, -5.5, -0.25, 0, 0]);
    const { outputs } = session.predict(probe, probe.length / 2);
    return {
      data: start.data,
      initial: start.parameters,
      trained: snap.parameters,
      start: { train: start.trainLoss, test: start.testLoss },
      curve: snap.curve,
      end: { train: snap.trainLoss, test: snap.testLoss },
      probe,
      outputs,
    };
  } finally {
    session.dispose();
  }
}

// The lines a test appends to a trained export: the model's outputs on `probe`, one per line.
function predictLines(state, probe) {
  const L = [
    '',
    `P_probe = floats("${Buffer.from(probe.buffer, probe.byteOffset, probe.byteLength).toString('base64')}", -1, 2)`,
    'X_probe = features(P_probe)',
  ];
  if (state.standardize) L.push('X_probe = (X_probe - mean) / std');
  L.push('model.eval()', 'with torch.no_grad():', '    for v in model(X_probe).flatten().tolist():', '        print(f"prediction {v!r}")');
  return L.join('\n') + '\n';
}

const summary = [];

for (const { name, changes } of STATES) {
  test(`PyTorch export reproduces the playground: ${name}`, async (t) => {
    const python = requireTorch(t);
    if (!python) return;
    const state = stateOf(changes);
    const run = await engineRun(state);
    const code = pytorchCode(state, { epochs: EPOCHS, data: run.data, parameters: run.initial, weights: 'initial' });
    const trainedCode = pytorchCode(state, { epochs: EPOCHS, data: run.data, parameters: run.trained, weights: 'trained', epoch: EPOCHS });
    assert.match(code, /train loss \{train_loss:\.6g\}/, 'the script prints its losses with 6 significant digits');
    // The test reads 9 digits, so that it measures the difference rather than the rounding.
    const precise = (text) => text.replaceAll(':.6g}', ':.9g}');
    const weightLines = '\nfor k, v in model.state_dict().items():\n    print("weight", k, " ".join(repr(x) for x in v.flatten().tolist()))\n';
    const [out, trainedOut] = await Promise.all([
      runPython(python, precise(code) + weightLines), runPython(python, precise(trainedCode) + predictLines(state, run.probe))]);

    // epoch by epoch, from epoch 0 (the initial weights) to EPOCHS
    const rows = parseEpochs(out);
    assert.equal(rows.length, EPOCHS + 1, `the script printed ${rows.length} epoch lines, expected ${EPOCHS + 1}:\n${out}`);
    const engine = [run.start, ...Array.from(run.curve.epochs, (_, i) => ({ train: run.curve.trainLoss[i], test: run.curve.testLoss?.[i] ?? NaN }))];
    let worst = { d: 0, at: '' };
    rows.forEach((row, e) => {
      assert.equal(row.epoch, e);
      for (const set of ['train', 'test']) {
        const want = engine[e][set];
        if (want === null || Number.isNaN(want)) {
          assert.ok(Number.isNaN(row[set]), `epoch ${e}: no ${set} set, but the script printed ${row[set]}`);
          continue;
        }
        const d = rel(row[set], want);
        if (d > worst.d) worst = { d, at: `epoch ${e} ${set}: torch ${row[set]}, engine ${want}` };
        assert.ok(d <= REL, `epoch ${e}, ${set} loss: torch ${row[set]} vs the playground's ${want} (relative ${d.toExponential(2)} > ${REL})`);
      }
    });
    summary.push({ name, worst: worst.d, at: worst.at });
    t.diagnostic(`largest relative difference over ${EPOCHS} epochs: ${worst.d.toExponential(2)} (${worst.at || 'all equal'})`);

    // the weights after EPOCHS epochs, against the session's
    const weights = [...out.matchAll(/^weight (\S+) (.*)$/gm)].map((m) => m[2].split(' ').map(Number));
    const want = run.trained.map((p) => Array.from(p.data));
    assert.equal(weights.length, want.length, 'one line per parameter');
    let worstWeight = 0;
    weights.forEach((w, i) => w.forEach((v, k) => {
      const d = Math.abs(v - want[i][k]) / Math.max(1, Math.abs(want[i][k]));
      worstWeight = Math.max(worstWeight, d);
    }));
    summary.at(-1).weight = worstWeight;
    t.diagnostic(`largest weight difference after ${EPOCHS} epochs: ${worstWeight.toExponential(2)}`);
    assert.ok(worstWeight <= WEIGHT_TOL, `the weights after ${EPOCHS} epochs differ from the playground's by ${worstWeight} (> ${WEIGHT_TOL})`);

    // the trained export: loads, reports the session's losses, predicts what it predicts
    const loaded = parseEpochs(trainedOut);
    assert.equal(loaded.length, 1, `the trained export reports once (EPOCHS = 0):\n${trainedOut}`);
    assert.equal(loaded[0].epoch, EPOCHS);
    assert.ok(rel(loaded[0].train, run.end.train) <= REL, `trained export: train loss ${loaded[0].train} vs ${run.end.train}`);
    const predictions = [...trainedOut.matchAll(/^prediction (\S+)$/gm)].map((m) => Number(m[1]));
    assert.equal(predictions.length, run.outputs.length, 'one prediction per output');
    predictions.forEach((v, i) => assert.ok(Math.abs(v - run.outputs[i]) <= PRED_TOL * Math.max(1, Math.abs(run.outputs[i])),
      `prediction ${i}: torch ${v} vs the playground's ${run.outputs[i]}`));
  });
}

test('torch-export: summary and clean-up', (t) => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (!findTorchPython()) return;
  t.diagnostic('largest relative loss difference, largest weight difference, state');
  for (const s of summary) t.diagnostic(`${s.worst.toExponential(2)}  ${(s.weight ?? NaN).toExponential(2)}  ${s.name}`);
});
