// PyTorch as the oracle for the wasm module: the numbers real torch computed
// (tests/torch/make_fixtures.py → build/torch/fixtures.json, made by scripts/test.sh) against
// what the engine gives through its public JavaScript API — whole networks (forward, and one
// example's traceStep: every layer's output and ∂loss/∂output, every gradient and SGD update),
// every optimiser configuration stepping free parameters with given gradients (opt.step), and
// short training runs through trainStep with each of them. tests/core/test_torch.cpp checks the
// same fixtures natively, with activations, losses and initialisers too.
//
// Without the fixtures each test fails and says how to make them, unless LAYERWISE_NO_TORCH=1
// is set: then they are skipped with that reason (never silently).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadEngine, rootUrl } from './helpers.mjs';

const path = process.env.LW_TORCH_FIXTURES ?? fileURLToPath(new URL('build/torch/fixtures.json', rootUrl));
const fixtures = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
const optedOut = process.env.LAYERWISE_NO_TORCH === '1';
const skip = !fixtures && optedOut ? `LAYERWISE_NO_TORCH=1: ${path} is missing, the PyTorch-oracle tests did not run` : false;

function requireFixtures() {
  assert.ok(fixtures, `${path} is missing. It holds what PyTorch computes for the engine: make it with `
    + '`/usr/bin/python3 tests/torch/make_fixtures.py build/torch` (needs Debian\'s python3-torch, which '
    + 'bash scripts/setup.sh installs), or set LAYERWISE_NO_TORCH=1 to run without the torch-backed tests');
  return fixtures;
}

let lw;
before(async () => ({ lw } = await loadEngine()));

// |got − want| ≤ atol + rtol·|want| for every value; returns the largest relative difference,
// |got − want| / max(|want|, 1e-3).
function compare(got, want, rtol, atol, what) {
  assert.equal(got.length, want.length, `${what}: length`);
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    const diff = Math.abs(got[i] - want[i]);
    assert.ok(diff <= atol + rtol * Math.abs(want[i]), `${what}[${i}]: engine ${got[i]}, torch ${want[i]} (difference ${diff})`);
    worst = Math.max(worst, diff / Math.max(Math.abs(want[i]), 1e-3));
  }
  return worst;
}

const camel = (options) => Object.fromEntries(Object.entries(options)
  .map(([k, v]) => [k.replace(/_([a-z])/g, (_, c) => c.toUpperCase()), v]));
const OPTIMIZER = { sgd: 'SGD', adam: 'Adam', adamw: 'AdamW', rmsprop: 'RMSprop' };
const report = (family, worst, n) => console.log(`torch oracle (wasm): ${family}: largest relative difference ${worst.toExponential(2)} over ${n} cases`);

test('networks: the batch forward and one example\'s traceStep equal torch\'s', { skip }, () => {
  const { models } = requireFixtures();
  let worst = 0;
  for (const c of models) {
    const model = lw.Model.fromSpec({ ...c.spec, seed: 1 });
    try {
      model.setParameters(c.params.map(({ name, data }) => ({ name, data })));
      worst = Math.max(worst, compare(model.forward(c.x, c.batch), c.forward, 1e-5, 1e-6, `${c.name}: forward`));
      const s = c.step;
      const opt = lw.optim.SGD(model, camel(s.options));
      const t = model.traceStep(s.x, s.target, lw.loss.byName(c.loss), opt);
      worst = Math.max(worst, compare([t.loss], [s.loss], 1e-5, 1e-6, `${c.name}: loss`));
      assert.equal(t.layers.length, s.outputs.length, `${c.name}: layers`);
      t.layers.forEach((l, i) => {
        worst = Math.max(worst, compare(l.output, s.outputs[i], 1e-5, 1e-6, `${c.name}: layer ${i} output`));
        worst = Math.max(worst, compare(l.gradOutput, s.grad_outputs[i], 1e-4, 1e-6, `${c.name}: layer ${i} ∂loss/∂output`));
      });
      for (const p of t.params) {
        worst = Math.max(worst, compare(p.grad, s.grads[p.name], 1e-4, 1e-6, `${c.name}: ${p.name} gradient`));
        worst = Math.max(worst, compare(p.updated, s.updated[p.name], 1e-5, 1e-6, `${c.name}: ${p.name} after SGD`));
      }
    } finally {
      model.dispose();
    }
  }
  report('networks', worst, models.length);
});

test('optimisers: every configuration steps free parameters as torch.optim does', { skip }, () => {
  const { optimizers } = requireFixtures();
  let worst = 0;
  for (const c of optimizers) {
    const params = c.start.map((v) => Float32Array.from(v));
    const opt = lw.optim[OPTIMIZER[c.optimizer]](params, camel(c.options));
    c.grads.forEach((grads, t) => {
      opt.step(grads.map((g) => Float32Array.from(g)));
      params.forEach((p, i) => {
        worst = Math.max(worst, compare(p, c.after[t][i], 2e-5, 2e-6, `${c.name}: step ${t + 1}, parameter ${i}`));
      });
    });
    opt.dispose();
  }
  report('optimisers', worst, optimizers.length);
});

test('training runs: trainStep\'s losses and the final parameters equal torch\'s, for every optimiser', { skip }, () => {
  const { runs } = requireFixtures();
  let worst = 0;
  for (const c of runs) {
    const model = lw.Model.fromSpec({ ...c.spec, seed: 1 });
    try {
      model.setParameters(c.start);
      const opt = lw.optim[OPTIMIZER[c.optimizer]](model, camel(c.options));
      const losses = c.x.map((x, t) => model.trainStep(x, c.y[t], c.batch, lw.loss.byName(c.loss), opt));
      worst = Math.max(worst, compare(losses, c.losses, 1e-5, 1e-6, `${c.name}: losses`));
      const end = Object.fromEntries(model.parameters().map(({ name, data }) => [name, data]));
      for (const { name, data } of c.end) {
        worst = Math.max(worst, compare(end[name], data, 1e-4, 1e-5, `${c.name}: ${name} after ${c.x.length} steps`));
      }
    } finally {
      model.dispose();
    }
  }
  report('training runs', worst, runs.length);
});
