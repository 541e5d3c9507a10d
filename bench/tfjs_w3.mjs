// tfjs_w3.mjs: the fastest TF.js forward of the seed network (784-256-128-64-10 ReLU, W3 of
// bench_wasm.mjs) on the wasm backend (XNNPACK, SIMD, one thread). Times ways of writing the
// same forward against each other, round-robin in one process, with Layerwise-wasm as the
// yardstick, to find why bench_wasm.mjs printed TF.js-wasm W3-128 at 50.6k samples/s where an
// independent harness measured 73.5k (issue 16), and which way bench_wasm.mjs should use.
//
//   node --expose-gc bench/tfjs_w3.mjs [--repeats N] [--min-ms MS] [--batches 1,128]
//                                      [--warmup-trace]
//
// Every variant computes the same thing: the logits of a [B, 784] Float32Array batch (the next
// B rows of 4096 resident samples, as bench_wasm.mjs does), weights Layerwise's initial values.
// Variants that do something else are marked "(reference)". See bench/README.md, section
// "TF.js' W3 row", for the results.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { median, quantile, readOptions, printUsage, warmUp } from './common.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const opts = { repeats: 9, minMs: 60, batches: [1, 128], warmupTrace: false, settle: 'gc+pause' };
const usage = (error) => printUsage('tfjs_w3', `usage: node --expose-gc bench/tfjs_w3.mjs [options]
  --repeats N      repeats per variant (default 9); the median is reported
  --min-ms MS      minimum duration of one repeat (default 60)
  --batches LIST   batch sizes, comma-separated (default 1,128)
  --warmup-trace   also print how fast the first calls of a fresh model run
  --settle MODE    before every repeat: gc+pause (a garbage collection and a 25 ms pause, as
                   bench_wasm.mjs does; default), gc, or none`, error);
readOptions(process.argv.slice(2), (name, { number, text }) => {
  if (name === '--repeats') opts.repeats = Math.round(number());
  else if (name === '--min-ms') opts.minMs = number();
  else if (name === '--batches') opts.batches = text().split(',').map(Number);
  else if (name === '--warmup-trace') opts.warmupTrace = true;
  else if (name === '--settle') {
    opts.settle = text();
    if (!['gc+pause', 'gc', 'none'].includes(opts.settle)) usage('--settle takes gc+pause, gc or none');
  }
  else if (name === '--help' || name === '-h') usage();
  else usage(`unknown option ${name}`);
}, usage);

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- data and weights: bench_wasm.mjs' 4096 samples (a shorter copy of its generator) ----
const N = 4096;
const IN = 784;
const x = new Float32Array(N * IN);
{
  let s = 0x9e3779b9 >>> 0;
  const scale = Math.fround(1.7320508);
  for (let i = 0; i < x.length; i++) {
    s = (s ^ (s << 13)) >>> 0;
    s = (s ^ (s >>> 17)) >>> 0;
    s = (s ^ (s << 5)) >>> 0;
    x[i] = Math.fround((2 * ((s >>> 8) / 16777216) - 1) * scale);
  }
}
const SEED_SPEC = {
  input: [784],
  layers: [
    { type: 'linear', out: 256 }, { type: 'relu' }, { type: 'linear', out: 128 }, { type: 'relu' },
    { type: 'linear', out: 64 }, { type: 'relu' }, { type: 'linear', out: 10 },
  ],
  seed: 42,
};
const { loadLayerwise } = await import(pathToFileURL(path.join(here, '../web/engine/layerwise.mjs')).href);
const lw = await loadLayerwise();
const lwModel = lw.Model.fromSpec(SEED_SPEC);
const params = lwModel.parameters(); // [{shape: [out, in], data}, {shape: [out], data}, ...]

tf.enableProdMode();
setWasmPaths(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep);
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
if (!(await tf.setBackend('wasm'))) throw new Error('TF.js wasm backend failed to initialise');
if (!(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'))) throw new Error('TF.js wasm runs without SIMD');

function transpose(data, rows, cols) {
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c];
  return out;
}
const layers = []; // per layer: W [in, out], W as [out, in], bias, both as variables and as rank-3
for (let i = 0; i < params.length; i += 2) {
  const [out, inn] = params[i].shape;
  const wIO = transpose(params[i].data, out, inn);
  layers.push({
    inn,
    out,
    w: tf.variable(tf.tensor2d(wIO, [inn, out]), false),
    wOI: tf.variable(tf.tensor2d(params[i].data, [out, inn]), false),
    w3: tf.tensor3d(wIO, [1, inn, out]),
    b: tf.variable(tf.tensor1d(params[i + 1].data), false),
    act: i + 2 < params.length ? 'relu' : 'linear',
  });
}

// ---- the variants: each f(b, xb) runs one forward of the Float32Array xb ([b, 784]) ----
const fusedForward = (h) => {
  for (const l of layers) h = tf.fused.matMul({ a: h, b: l.w, bias: l.b, activation: l.act });
  return h;
};
const resident = new Map(); // batch -> a resident input tensor, for the (reference) variant
const readBack = (t) => {
  const out = t.dataSync();
  t.dispose();
  return out;
};
// The _FusedMatMul kernel itself, as tf.fused.matMul ends up calling it, on rank-3 tensors
// (the wasm kernel's own shapes): no reshapes, no op wrapper, no tidy.
const kernelForward = (b, xb) => {
  const engine = tf.engine();
  let h = tf.tensor3d(xb, [1, b, IN]);
  for (const l of layers) {
    const next = engine.runKernel('_FusedMatMul', { a: h, b: l.w3, bias: l.b },
      { transposeA: false, transposeB: false, activation: l.act });
    h.dispose();
    h = next;
  }
  return h;
};
const variants = [
  {
    name: 'A: tf.tidy(() => forward(tf.tensor2d(x)).dataSync()), forward = tf.fused.matMul ×4 (the old bench_wasm.mjs row)',
    f: (b, xb) => tf.tidy(() => fusedForward(tf.tensor2d(xb, [b, IN])).dataSync()),
  },
  {
    name: 'B: as A, the output left in its tensor, not read back (bench_wasm.mjs before this change)',
    f: (b, xb) => tf.tidy(() => { fusedForward(tf.tensor2d(xb, [b, IN])); }),
  },
  {
    name: 'C: as A, dataSync after the tidy (the tidy returns the tensor; no typed array through tf.tidy)',
    f: (b, xb) => readBack(tf.tidy(() => fusedForward(tf.tensor2d(xb, [b, IN])))),
  },
  {
    name: 'D: as C with plain ops (tf.matMul + tf.add + tf.relu)',
    f: (b, xb) => readBack(tf.tidy(() => {
      let h = tf.tensor2d(xb, [b, IN]);
      for (const l of layers) {
        h = tf.add(tf.matMul(h, l.w), l.b);
        if (l.act === 'relu') h = tf.relu(h);
      }
      return h;
    })),
  },
  {
    name: 'E: as C without tf.tidy: every tensor disposed by hand',
    f: (b, xb) => {
      let h = tf.tensor2d(xb, [b, IN]);
      for (const l of layers) {
        const next = tf.fused.matMul({ a: h, b: l.w, bias: l.b, activation: l.act });
        h.dispose();
        h = next;
      }
      return readBack(h);
    },
  },
  {
    name: 'F: the _FusedMatMul kernel called directly (tf.engine().runKernel on rank-3 tensors), dataSync',
    f: (b, xb) => readBack(kernelForward(b, xb)),
  },
  {
    name: 'G: as F, the output left in its tensor',
    f: (b, xb) => kernelForward(b, xb).dispose(),
  },
  {
    name: 'H: as C with await data() instead of dataSync (async)',
    async: true,
    f: async (b, xb) => {
      const out = tf.tidy(() => fusedForward(tf.tensor2d(xb, [b, IN])));
      const v = await out.data();
      out.dispose();
      return v;
    },
  },
  {
    name: 'I: as C with W stored [out, in] and transposeB (reference: XNNPACK is used only without transposes; the fallback kernel also gives wrong logits here: it adds the bias and clamps once per 48-wide block of k)',
    f: (b, xb) => readBack(tf.tidy(() => {
      let h = tf.tensor2d(xb, [b, IN]);
      for (const l of layers) h = tf.fused.matMul({ a: h, b: l.wOI, bias: l.b, activation: l.act, transposeB: true });
      return h;
    })),
  },
  {
    name: 'J: as C on a resident input tensor (reference: the batch is not copied in)',
    f: (b) => readBack(tf.tidy(() => fusedForward(resident.get(b)))),
  },
  {
    name: 'Layerwise-wasm: model.forward(xb, b) (returns a Float32Array)',
    lw: true,
    f: (b, xb) => lwModel.forward(xb, b),
  },
];

// ---- timing: per batch size, warm up and calibrate every variant, then repeats round-robin ----
const WARM = { blockMs: 50, minMs: 500, maxMs: 5000 };
async function run(v, b, iters) {
  let start = 0;
  const next = () => {
    if (start + b > N) start = 0;
    const xb = x.subarray(start * IN, (start + b) * IN);
    start += b;
    return xb;
  };
  const t0 = performance.now();
  if (v.async) for (let i = 0; i < iters; i++) await v.f(b, next());
  else for (let i = 0; i < iters; i++) v.f(b, next());
  return performance.now() - t0;
}

async function settle() {
  if (opts.settle !== 'none') gc();
  if (opts.settle === 'gc+pause') await sleep(25);
}

// One number per variant to check they compute the same: the sum of the first batch's logits.
async function check(v, b) {
  const out = await v.f(b, x.subarray(0, b * IN));
  return out ? out.reduce((a, c) => a + c, 0) : NaN;
}

console.log('# TF.js-wasm forward of the seed network: ways of writing it\n');
console.log(`- date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`);
console.log(`- command: node --expose-gc bench/tfjs_w3.mjs ${process.argv.slice(2).join(' ')}`.trimEnd());
console.log(`- Node ${process.versions.node}, tfjs-core ${tf.version_core}, wasm backend SIMD on, one thread`);
console.log(`- method: per variant a warm-up until its speed stops rising (common.mjs warmUp: blocks of >= ${WARM.blockMs} ms, >= ${WARM.minMs} ms, <= ${WARM.maxMs} ms), a calibration, then ${opts.repeats} repeats of >= ${opts.minMs} ms, round-robin, each after ${{ 'gc+pause': 'a garbage collection and a 25 ms pause', gc: 'a garbage collection', none: 'nothing' }[opts.settle]}; median samples/s, IQR/median`);

if (opts.warmupTrace) {
  // How long a fresh TF.js model takes to reach speed: new variables (so XNNPACK packs its
  // weights again) and the per-call time of its first calls, in blocks.
  for (const b of opts.batches) {
    const fresh = layers.map((l) => ({ w: tf.variable(l.w.clone(), false), b: tf.variable(l.b.clone(), false), act: l.act }));
    const f = (xb) => tf.tidy(() => {
      let h = tf.tensor2d(xb, [b, IN]);
      for (const l of fresh) h = tf.fused.matMul({ a: h, b: l.w, bias: l.b, activation: l.act });
      return h.dataSync();
    });
    const blocks = [1, 1, 1, 2, 5, 10, 20, 50, 100, 200, 400];
    const cells = [];
    let done = 0;
    for (const n of blocks) {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) f(x.subarray(((done + i) % (N / b)) * b * IN, ((done + i) % (N / b) + 1) * b * IN));
      cells.push(`calls ${done + 1}-${done + n}: ${((b * n * 1e3) / (performance.now() - t0)).toFixed(0)}`);
      done += n;
    }
    console.log(`\nWarm-up of a fresh model, batch ${b} (samples/s): ${cells.join('; ')}`);
    fresh.forEach((l) => { l.w.dispose(); l.b.dispose(); });
  }
}

for (const b of opts.batches) {
  resident.set(b, tf.tensor2d(x.subarray(0, b * IN), [b, IN]));
  const iters = [];
  const warm = [];
  for (const v of variants) {
    await settle();
    warm.push(await warmUp((n) => run(v, b, n), WARM));
    let n = 1;
    for (;;) {
      const ms = await run(v, b, n);
      if (ms >= opts.minMs / 4) {
        iters.push(Math.max(1, Math.ceil((opts.minMs * n) / ms)));
        break;
      }
      n *= 2;
    }
  }
  const rates = variants.map(() => []);
  for (let r = 0; r < opts.repeats; r++) {
    for (let i = 0; i < variants.length; i++) {
      await settle();
      const ms = await run(variants[i], b, iters[i]);
      rates[i].push((b * iters[i] * 1e3) / ms);
    }
  }
  const sums = [];
  for (const v of variants) sums.push(await check(v, b));
  const lwRate = median(rates[variants.length - 1]);
  console.log(`\n## Batch ${b}\n`);
  console.log('| variant | samples/s | IQR / median | vs A | Layerwise-wasm / it | sum of the first batch\'s logits | warm-up: s, calls |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  variants.forEach((v, i) => {
    const m = median(rates[i]);
    const iqr = (100 * (quantile(rates[i], 0.75) - quantile(rates[i], 0.25))) / m;
    const perRepeat = rates[variants.length - 1].map((l, k) => l / rates[i][k]);
    console.log(`| ${v.name} | ${Math.round(m).toLocaleString('en-US')} | ${iqr.toFixed(1)} % | ${(m / median(rates[0])).toFixed(2)}× | ${v.lw ? '–' : `${median(perRepeat).toFixed(2)}×`} | ${Number.isFinite(sums[i]) ? sums[i].toPrecision(7) : '–'} | ${(warm[i].ms / 1e3).toFixed(1)}, ${warm[i].calls} |`);
  });
  console.log(`\n(Layerwise-wasm: ${Math.round(lwRate).toLocaleString('en-US')} samples/s in this run.)`);
  resident.get(b).dispose();
}
