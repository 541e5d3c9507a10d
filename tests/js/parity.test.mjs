// The same seed gives the same numbers natively and in wasm (docs/architecture.md).
// build/native/lw_parity (tests/parity/parity.cpp) prints every toy dataset and a few complete
// 20-step training runs (one a small CNN on images it prints with the run); this replays each
// one in the wasm build and compares: dataset bytes identical, parameters within 1e-5.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadEngine } from './helpers.mjs';

const tool = fileURLToPath(new URL('../../build/native/lw_parity', import.meta.url));
const missing = existsSync(tool) ? false
  : `build/native/lw_parity is missing (build it with: bash scripts/build.sh); native/wasm parity not checked`;
const tolerance = 1e-5;

let lw;
let native;
before(async () => {
  ({ lw } = await loadEngine());
  if (missing) return;
  const run = spawnSync(tool, { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(run.status, 0, `lw_parity failed: ${run.stderr}`);
  native = JSON.parse(run.stdout);
});

const camelCase = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
const hex = (floats) => Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength).toString('hex');

test('every toy dataset: the same bytes natively and in wasm', { skip: missing }, (t) => {
  assert.deepEqual(native.datasets.map((d) => d.name), [...lw.data.names]);
  for (const d of native.datasets) {
    const data = lw.data.generate(d.name, { n: d.n, noise: d.noise, seed: d.seed });
    const { x, y } = data.toArrays();
    assert.equal(hex(x), d.x, `${d.name}: x differs`);
    assert.equal(hex(y), d.y, `${d.name}: y differs`);
    data.dispose();
  }
  t.diagnostic(`${native.datasets.length} datasets of ${native.datasets[0].n} points: byte-identical`);
});

test('20 training steps from the same seed: the same parameters natively and in wasm', { skip: missing }, (t) => {
  const optimizers = { sgd: lw.optim.SGD, adam: lw.optim.Adam, adamw: lw.optim.AdamW, rmsprop: lw.optim.RMSprop };
  let overall = 0;
  for (const run of native.runs) {
    const model = lw.Model.fromSpec(run.spec);
    const { name, n, noise, seed, x, y, features, classes } = run.data;
    const data = x ? lw.data.fromArrays(new Float32Array(x), new Float32Array(y), { features, classes })
      : lw.data.generate(name, { n, noise, seed });
    const options = Object.fromEntries(Object.entries(run.options).map(([k, v]) => [camelCase(k), v]));
    const opt = optimizers[run.optimizer](model, options);
    const losses = [];
    for (let e = 0; e < run.epochs; e++) {
      losses.push(model.trainEpoch(data, run.batch, lw.loss.byName(run.loss), opt, { l1: run.l1 }));
    }
    assert.equal(opt.steps, run.steps, `${run.title}: steps`);
    assert.equal(run.steps, 20);
    const wasm = Object.fromEntries(model.parameters().map(({ name, data: values }) => [name, values]));
    assert.deepEqual(Object.keys(wasm), run.parameters.map((p) => p.name), `${run.title}: parameter names`);
    let max = 0;
    let identical = 0;
    let total = 0;
    for (const p of run.parameters) {
      p.data.forEach((v, i) => {
        const diff = Math.abs(Math.fround(v) - wasm[p.name][i]);
        max = Math.max(max, diff);
        identical += diff === 0;
        total++;
      });
    }
    const lossDiff = Math.max(...losses.map((l, i) => Math.abs(l - Math.fround(run.losses[i]))));
    t.diagnostic(`${run.title}: max |native − wasm| = ${max.toExponential(2)} over ${total} parameters ` +
      `(${identical} bit-identical); losses differ by at most ${lossDiff.toExponential(2)}`);
    assert.ok(max <= tolerance, `${run.title}: parameters differ by ${max} > ${tolerance}`);
    assert.ok(lossDiff <= tolerance, `${run.title}: epoch losses differ by ${lossDiff}`);
    overall = Math.max(overall, max);
    for (const o of [opt, data, model]) o.dispose();
  }
  t.diagnostic(`max |native − wasm| over all runs: ${overall.toExponential(2)} (tolerance ${tolerance})`);
});
