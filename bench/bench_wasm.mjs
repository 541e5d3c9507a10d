// bench_wasm.mjs: Layerwise-wasm vs TF.js 4.22 (wasm backend: XNNPACK + SIMD; cpu backend)
// vs the native core (SSE4.1 build: what wasm gets; -march=native for context), all rows in
// one run of one Node process (issue #3). Prints Markdown tables; see bench/README.md.
//
//   node bench/bench_wasm.mjs [--quick] [--repeats N] [--min-ms MS] [--only W1,W2-32,...]
//                             [--native-sse PATH] [--native PATH] [--no-native]
//                             [--engine DIR] [--extra-engine LABEL=DIR]
//                             [--extra-native LABEL=PATH]
//                             [--tf-ops fused|plain] [--tf-forward kernel|ops]
//                             [--tf-no-readback] [--profile]
//
// Workloads (the same in every implementation, same data, same initial parameters):
//   W1      2-8-8-1 tanh, sigmoid output, BCE, "circle" 500 points, batch 10, SGD lr 0.03:
//           one call = one shuffled epoch (50 steps) -> epochs/s
//   W1-step the same, trained as a user's own loop does it: one call = one epoch of 50
//           model.trainStep() calls on batches of 10 prepared as Float32Arrays -> epochs/s
//           (TF.js: 50 minimize calls; native: 50 Model::train_step calls). Also against
//           plain-JS libraries training the same 2-8-8-1 network on the same 500 points:
//           synaptic 1.1.4 and brain.js 1.6.1 (both per sample, their natural way). The
//           crossing (trainStep − the same step inside trainEpoch) is measured side by side.
//   W2-B    784-256-128-64-10 ReLU, cross-entropy, Adam lr 1e-3, batch B = 32, 128:
//           one call = one training step on the next resident batch -> samples/s
//   W3-B    the same network, forward only, batch B = 1, 128 -> samples/s
//   W4-32   the small CNN of the images page (1×28×28: conv 8@5×5 padding 2, relu, maxpool 2,
//           conv 16@5×5 padding 2, relu, maxpool 2, flatten, linear 10), cross-entropy, Adam lr 1e-3, batch 32, the W2 data seen as
//           pictures: one call = one training step -> samples/s. TF.js' wasm backend has no
//           Conv2DBackpropFilter kernel (it cannot train a conv2d), so there the convolutions
//           are written as conv3d over a depth of 1 (the same numbers; its Conv3DBackpropFilterV2
//           exists); the cpu backend uses conv2d.
// The SIMD128 mul+add ceiling (bench/ceiling.mjs) is measured before and after the
// workloads; W2/W3 are reported as a share of it.
//
// Method (docs/toolchain.md, "Timing on this machine": 2 shared, noisy cores), as bench_core.cpp:
// every number is the median of --repeats repeats (9), each repeat lasts >= --min-ms (60 ms)
// after a warm-up (until the speed stops rising: common.mjs warmUp) and a calibration, and
// the implementations are timed round-robin: repeat i
// of Layerwise-wasm, then of TF.js-wasm, TF.js-cpu, native SSE4.1, native -march=native,
// so a burst of noise hits all of them alike. The native builds run as child processes
// (bench/workloads.cpp --serve) that time themselves when asked; Node waits meanwhile, so
// only one implementation runs at a time. Ratios are medians of per-repeat ratios. Before
// every repeat (untimed): the same start state (initial parameters, fresh optimiser, one step
// so Adam's buffers exist), a garbage collection and a 25 ms pause (see settle()).
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

import { commitOf, median, printUsage, quantile, warmUp } from './common.mjs';
import { Ceiling } from './ceiling.mjs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths, getThreadsCount } from '@tensorflow/tfjs-backend-wasm';

// tfjs-core's Node entry registers no gradients; load its ES-module gradient configs (what
// @tensorflow/tfjs or a bundler would include) through module hooks: see tfjs_esm_hooks.mjs.
register('./tfjs_esm_hooks.mjs', import.meta.url);
await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
for (const k of ['BatchMatMul', 'Add', 'RealDiv', 'Sum', 'Relu', 'Tanh']) {
  if (!tf.getGradient(k)) throw new Error(`TF.js: no gradient registered for ${k}`);
}

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------
const ALL = ['W1', 'W1-step', 'W2-32', 'W2-128', 'W3-1', 'W3-128', 'W4-32'];
const opts = {
  repeats: 9,
  minMs: 60,
  only: ALL,
  nativeSse: path.join(root, 'build/bench-sse/lw_workloads'),
  native: path.join(root, 'build/bench/lw_workloads'),
  noNative: false,
  tfOps: 'fused',
  engine: path.join(root, 'web/engine'),
  extraEngines: [],
  extraNatives: [],
  profile: false,
  quick: false,
  tfForward: 'kernel',
  tfNoReadback: false,
};
{
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      if (i + 1 >= args.length) usage(`${a} needs a value`);
      return args[++i];
    };
    if (a === '--quick') Object.assign(opts, { quick: true, repeats: 3, minMs: 15 });
    else if (a === '--repeats') opts.repeats = Math.max(1, parseInt(value(), 10));
    else if (a === '--min-ms') opts.minMs = Math.max(1, Number(value()));
    else if (a === '--only') opts.only = value().split(',');
    else if (a === '--native-sse') opts.nativeSse = path.resolve(value());
    else if (a === '--native') opts.native = path.resolve(value());
    else if (a === '--no-native') opts.noNative = true;
    else if (a === '--tf-ops') opts.tfOps = value();
    else if (a === '--tf-forward') opts.tfForward = value();
    else if (a === '--tf-no-readback') opts.tfNoReadback = true;
    else if (a === '--engine') opts.engine = path.resolve(value());
    else if (a === '--extra-engine') {
      const v = value();
      const eq = v.indexOf('=');
      if (eq < 1) usage('--extra-engine takes LABEL=DIR');
      opts.extraEngines.push({ label: v.slice(0, eq), dir: path.resolve(v.slice(eq + 1)) });
    } else if (a === '--extra-native') {
      const v = value();
      const eq = v.indexOf('=');
      if (eq < 1) usage('--extra-native takes LABEL=PATH');
      opts.extraNatives.push({ label: v.slice(0, eq), file: path.resolve(v.slice(eq + 1)) });
    } else if (a === '--profile') opts.profile = true;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown option ${a}`);
  }
  for (const w of opts.only) if (!ALL.includes(w)) usage(`unknown workload ${w}`);
  if (!['fused', 'plain'].includes(opts.tfOps)) usage('--tf-ops must be fused or plain');
  if (!['kernel', 'ops'].includes(opts.tfForward)) usage('--tf-forward must be kernel or ops');
}

function usage(error) {
  const text = `usage: node bench/bench_wasm.mjs [options]
  --quick            smoke run: 3 repeats of >= 15 ms
  --repeats N        repeats per measurement; the median is reported (default 9)
  --min-ms MS        minimum duration of one repeat (default 60)
  --only LIST        workloads, comma-separated (default ${ALL.join(',')})
  --native-sse PATH  lw_workloads of the SSE4.1 build (default build/bench-sse/lw_workloads)
  --native PATH      lw_workloads of the -march=native build (default build/bench/lw_workloads)
  --no-native        skip both native builds
  --engine DIR       the Layerwise engine to load: a folder holding layerwise.mjs,
                     layerwise-glue.mjs and layerwise.wasm (default web/engine, what
                     bash scripts/build.sh makes); for A/B runs of a changed core
  --extra-engine LABEL=DIR
                     one more Layerwise engine, timed in the same run as an extra column
                     "Layerwise-wasm (LABEL)" (repeatable; verdicts use the --engine one)
  --extra-native LABEL=PATH
                     one more lw_workloads binary, as an extra column "native (LABEL)"
  --tf-ops MODE      TF.js layers as tf.fused.matMul (bias + activation in one op; default)
                     or plain tf.matMul + tf.add + activation
  --tf-forward MODE  W3 in TF.js: its _FusedMatMul kernel called directly on rank-3 tensors
                     (tf.engine().runKernel; default: the fastest TF.js forward, see
                     bench/tfjs_w3.mjs) or the layers' ops in tf.tidy (as training uses them)
  --tf-no-readback   W3: TF.js leaves the outputs in its tensor; by default it reads them
                     back (dataSync) into a Float32Array, as Layerwise's forward returns one
  --profile          also print TF.js per-kernel times (tf.profile) of a W1 epoch, a W2 step
                     and a W3-128 forward, on both TF.js backends`;
  printUsage('bench_wasm', text, error);
}

// Before each repeat (untimed): a garbage collection, so one implementation's garbage is not
// collected during another's repeat, then a short pause, so V8's background threads
// (concurrent sweeping, wasm tier-up) are done before the clock starts: on 2 cores they would
// otherwise compete with the measured code, the native child processes included.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const SETTLE_MS = 25;
// Warm-up before calibration (InProcess.calibrate): blocks of >= blockMs until the speed stops
// rising, at least minMs and at most maxMs per implementation and workload.
const WARM = opts.quick ? { blockMs: 15, minMs: 100, maxMs: 1000 } : { blockMs: 30, minMs: 300, maxMs: 3000 };
async function settle() {
  gc();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

// ---------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------
function spreadPct(v) {
  if (v.length < 3) return NaN;
  return (100 * (quantile(v, 0.75) - quantile(v, 0.25))) / median(v);
}

// ---------------------------------------------------------------------------------------
// Data and specs (bench/workloads.cpp builds the same)
// ---------------------------------------------------------------------------------------
const W1_SPEC = {
  input: [2],
  layers: [
    { type: 'linear', out: 8 }, { type: 'tanh' }, { type: 'linear', out: 8 }, { type: 'tanh' },
    { type: 'linear', out: 1 }, { type: 'sigmoid' },
  ],
  seed: 42,
};
const SEED_SPEC = {
  input: [784],
  layers: [
    { type: 'linear', out: 256 }, { type: 'relu' }, { type: 'linear', out: 128 }, { type: 'relu' },
    { type: 'linear', out: 64 }, { type: 'relu' }, { type: 'linear', out: 10 },
  ],
  seed: 42,
};
const CNN_SPEC = {
  input: [1, 28, 28],
  layers: [
    { type: 'conv2d', out: 8, kernel: 5, padding: 2 }, { type: 'relu' }, { type: 'maxpool2d', kernel: 2 },
    { type: 'conv2d', out: 16, kernel: 5, padding: 2 }, { type: 'relu' }, { type: 'maxpool2d', kernel: 2 },
    { type: 'flatten' }, { type: 'linear', out: 10 },
  ],
  seed: 42,
};
const N = 4096;
const IN = 784;
const CLASSES = 10;
const W1_LR = 0.03;
const W1_BATCH = 10;
const W2_LR = 1e-3;

// 4096 samples, inputs U(-√3, √3) from a xorshift32 stream, labels argmax of a random linear
// teacher: the same floats as SeedData in workloads.cpp (one float rounding per value).
function seedData() {
  let s = 0x9e3779b9 >>> 0;
  const scale = Math.fround(1.7320508);
  const next = () => {
    s = (s ^ (s << 13)) >>> 0;
    s = (s ^ (s >>> 17)) >>> 0;
    s = (s ^ (s << 5)) >>> 0;
    const u = (s >>> 8) / 16777216;
    return Math.fround((2 * u - 1) * scale);
  };
  const x = new Float32Array(N * IN);
  for (let i = 0; i < x.length; i++) x[i] = next();
  const teacher = new Float32Array(CLASSES * IN);
  for (let i = 0; i < teacher.length; i++) teacher[i] = next();
  const y = new Float32Array(N);
  for (let i = 0; i < N; i++) {
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < CLASSES; c++) {
      let score = 0;
      for (let k = 0; k < IN; k++) score += teacher[c * IN + k] * x[i * IN + k];
      if (score > bestScore) (bestScore = score), (best = c);
    }
    y[i] = best;
  }
  return { x, y };
}

const isW1 = (w) => w === 'W1' || w === 'W1-step';
const batchOf = (w) => (isW1(w) ? W1_BATCH : Number(w.split('-')[1]));
const unitOf = (w) => (isW1(w) ? 'epochs/s' : 'samples/s');
const perCall = (w) => (isW1(w) ? 1 : batchOf(w));
// FLOPs of one sample (multiply-adds × 2), for the ceiling table: the seed network's forward,
// and a training step (forward, every weight gradient, the input gradients of layers 2-4).
const SEED_FORWARD_FLOP = 2 * (784 * 256 + 256 * 128 + 128 * 64 + 64 * 10);
const SEED_TRAIN_FLOP = 2 * SEED_FORWARD_FLOP + 2 * (256 * 128 + 128 * 64 + 64 * 10);
const flopOf = (w) => (w.startsWith('W2') ? SEED_TRAIN_FLOP : w.startsWith('W3') ? SEED_FORWARD_FLOP : NaN);
// Workloads whose call is one training step on the next resident batch.
const isStep = (w) => w.startsWith('W2') || w.startsWith('W4');
const specOf = (w) => (w.startsWith('W4') ? CNN_SPEC : SEED_SPEC);

// ---------------------------------------------------------------------------------------
// Timing of an in-process implementation: restart (untimed), call, calibration
// ---------------------------------------------------------------------------------------
class InProcess {
  constructor(name) {
    this.name = name;
    this.iters = new Map();
    this.warm = new Map(); // w -> common.mjs warmUp's {ms, calls, rate}
  }

  // Subclasses: async enter() (make this implementation current), restart(w), call(w), check(w).
  supports() {
    return true;
  }

  async calibrate(w, minMs) {
    await this.enter();
    await this.restart(w);
    await settle();
    // Warm-up until the speed stops rising (common.mjs warmUp): V8 optimises hot wasm (both
    // engines) and JS (tfjs-core, synaptic's generated network) in the background, and one
    // warm-up call, as this did before, left TF.js-wasm's W3-128 at ~60-70 % of its steady rate
    // and synaptic at half of its own.
    this.warm.set(w, await warmUp((n) => { for (let i = 0; i < n; i++) this.call(w); }, WARM));
    let n = 1;
    for (;;) {
      await this.restart(w);
      const t0 = performance.now();
      for (let i = 0; i < n; i++) this.call(w);
      const ms = performance.now() - t0;
      if (ms >= minMs / 4 || n >= 2 ** 30) {
        this.iters.set(w, Math.max(1, Math.ceil(minMs / (ms / n))));
        return this.iters.get(w);
      }
      n *= ms > 0 ? Math.max(2, Math.min(64, Math.floor(minMs / 4 / ms) + 1)) : 64;
    }
  }

  async repeat(w) {
    await this.enter();
    await this.restart(w);
    await settle();
    const iters = this.iters.get(w);
    const t0 = performance.now();
    for (let i = 0; i < iters; i++) this.call(w);
    return (performance.now() - t0) / 1e3 / iters;
  }
}

// ---------------------------------------------------------------------------------------
// Layerwise-wasm (the JS library of web/engine)
// ---------------------------------------------------------------------------------------
class LayerwiseWasm extends InProcess {
  constructor(lw, data, name = 'Layerwise-wasm') {
    super(name);
    this.lw = lw;
    this.data = data;
    this.circle = lw.data.generate('circle', { n: 500, noise: 0, seed: 42 });
    this.bce = lw.loss.BCE();
    this.ce = lw.loss.CrossEntropy();
    this.w1 = lw.Model.fromSpec(W1_SPEC);
    this.w1Opt = lw.optim.SGD(this.w1, { lr: W1_LR });
    // W1-step: the 500 points as 50 batches of 10, ready for trainStep
    const c = this.circle.toArrays();
    this.w1Batches = [];
    for (let s = 0; s < 500; s += W1_BATCH) {
      this.w1Batches.push([c.x.slice(2 * s, 2 * (s + W1_BATCH)), c.y.slice(s, s + W1_BATCH)]);
    }
    this.trainers = new Map();
    for (const w of ALL.filter(isStep)) {
      const model = lw.Model.fromSpec(specOf(w));
      this.trainers.set(w, { model, opt: lw.optim.Adam(model, { lr: W2_LR }), cursor: 0 });
    }
    this.fwd = lw.Model.fromSpec(SEED_SPEC);
    this.fwdCursor = new Map([[1, 0], [128, 0]]);
  }

  async enter() {}

  stepEpoch() {
    let total = 0;
    for (const [x, y] of this.w1Batches) total += this.w1.trainStep(x, y, W1_BATCH, this.bce, this.w1Opt);
    return total / this.w1Batches.length;
  }

  step(w) {
    const b = batchOf(w);
    const t = this.trainers.get(w);
    let start = t.cursor;
    if (start + b > N) start = 0;
    t.cursor = start + b;
    const { x, y } = this.data;
    return t.model.trainStep(x.subarray(start * IN, (start + b) * IN), y.subarray(start, start + b),
      b, this.ce, t.opt);
  }

  forward(b) {
    let start = this.fwdCursor.get(b);
    if (start + b > N) start = 0;
    this.fwdCursor.set(b, start + b);
    return this.fwd.forward(this.data.x.subarray(start * IN, (start + b) * IN), b);
  }

  async restart(w) {
    if (isW1(w)) {
      this.w1.reset(42);
      this.w1Opt.reset();
    } else if (isStep(w)) {
      const t = this.trainers.get(w);
      t.model.reset(42);
      t.opt.reset();
      t.cursor = 0;
      this.step(w);
    }
  }

  call(w) {
    if (w === 'W1') this.w1.trainEpoch(this.circle, W1_BATCH, this.bce, this.w1Opt);
    else if (w === 'W1-step') this.stepEpoch();
    else if (isStep(w)) this.step(w);
    else this.forward(batchOf(w));
  }

  async check(w) {
    if (w === 'W1') {
      this.w1.reset(42);
      const initial = this.w1.evaluate(this.circle, this.bce).loss;
      this.w1.reset(42);
      this.w1Opt.reset();
      const epoch = this.w1.trainEpoch(this.circle, W1_BATCH, this.bce, this.w1Opt);
      return { check: initial, check2: epoch };
    }
    if (w === 'W1-step') {
      // the first step's loss; the first epoch's mean loss; accuracy after LEARN_EPOCHS epochs
      this.w1.reset(42);
      this.w1Opt.reset();
      const [x, y] = this.w1Batches[0];
      const first = this.w1.trainStep(x, y, W1_BATCH, this.bce, this.w1Opt);
      this.w1.reset(42);
      this.w1Opt.reset();
      const epoch = this.stepEpoch();
      for (let e = 1; e < LEARN_EPOCHS; e++) this.stepEpoch();
      const c = this.circle.toArrays();
      return { check: first, check2: epoch, accuracy: accuracy(this.w1.forward(c.x, 500), c.y) };
    }
    if (isStep(w)) {
      const t = this.trainers.get(w);
      t.model.reset(42);
      t.opt.reset();
      t.cursor = 0;
      return { check: this.step(w) };
    }
    const b = batchOf(w);
    this.fwdCursor.set(b, 0);
    return { check: this.forward(b).reduce((a, v) => a + v, 0) };
  }

  // Initial parameters of a spec, for TF.js: [{shape, data}] in Layerwise's layout.
  initialParameters(spec) {
    const m = this.lw.Model.fromSpec(spec);
    const p = m.parameters();
    m.dispose();
    return p;
  }
}

// ---------------------------------------------------------------------------------------
// TF.js: the same models written with tfjs-core ops
// ---------------------------------------------------------------------------------------
// Dense layers with W as [in, out] (TF.js' own layout: y = x·W + b needs no transpose in the
// forward pass), initialised with Layerwise's values (its W is [out, in], so transposed).
function transpose(data, rows, cols) {
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c];
  return out;
}

class TfModel {
  // params: Layerwise's parameters() list; acts: activation after each dense layer.
  constructor(params, acts, ops) {
    this.acts = acts;
    this.ops = ops;
    this.init = [];
    this.vars = [];
    for (let i = 0; i < params.length; i += 2) {
      const [out, inn] = params[i].shape;
      const w = tf.tensor2d(transpose(params[i].data, out, inn), [inn, out]);
      const b = tf.tensor1d(params[i + 1].data);
      this.init.push(w, b);
      this.vars.push(tf.variable(w, true, undefined, 'float32'), tf.variable(b, true, undefined, 'float32'));
    }
  }

  // Logits (no activation after the last layer; the loss applies sigmoid / softmax).
  apply(x) {
    let h = x;
    for (let l = 0; l < this.vars.length / 2; l++) {
      const w = this.vars[2 * l];
      const b = this.vars[2 * l + 1];
      const act = this.acts[l];
      if (this.ops === 'fused' && act !== 'tanh') {
        h = tf.fused.matMul({ a: h, b: w, bias: b, activation: act });
      } else if (this.ops === 'fused') {
        h = tf.tanh(tf.fused.matMul({ a: h, b: w, bias: b }));
      } else {
        h = tf.add(tf.matMul(h, w), b);
        if (act === 'relu') h = tf.relu(h);
        else if (act === 'tanh') h = tf.tanh(h);
      }
    }
    return h;
  }

  reset() {
    this.vars.forEach((v, i) => v.assign(this.init[i]));
  }
}

// The small CNN in NHWC (TF.js' layout), initialised with Layerwise's values: filters
// [out, in, kh, kw] become [kh, kw, in, out] (conv2d) or [1, kh, kw, in, out] (conv3d, for the
// wasm backend, which cannot train conv2d); the linear layer's rows are reordered from
// Layerwise's flatten order (c, h, w) to TF.js' (h, w, c), so the logits are the same.
class TfCnn {
  constructor(params, conv3d, fused) {
    this.conv3d = conv3d;
    this.fused = fused && !conv3d;
    this.init = [];
    for (let i = 0; i < 4; i += 2) {
      const [out, inn, kh, kw] = params[i].shape;
      const w = tf.transpose(tf.tensor4d(params[i].data, [out, inn, kh, kw]), [2, 3, 1, 0]);
      this.init.push(conv3d ? tf.reshape(w, [1, kh, kw, inn, out]) : w, tf.tensor1d(params[i + 1].data));
    }
    const [classes, flat] = params[4].shape;
    const channels = params[2].shape[0];
    const spatial = flat / channels;
    const wl = new Float32Array(flat * classes);
    for (let o = 0; o < classes; o++) {
      for (let c = 0; c < channels; c++) {
        for (let p = 0; p < spatial; p++) wl[(p * channels + c) * classes + o] = params[4].data[o * flat + c * spatial + p];
      }
    }
    this.init.push(tf.tensor2d(wl, [flat, classes]), tf.tensor1d(params[5].data));
    this.vars = this.init.map((t) => tf.variable(t, true, undefined, 'float32'));
  }

  convRelu(h, w, b) {
    // padding 2 of a 5×5 kernel at stride 1 keeps the size: TF.js' 'same'
    if (this.fused) return tf.fused.conv2d({ x: h, filter: w, strides: 1, pad: 'same', bias: b, activation: 'relu' });
    if (!this.conv3d) return tf.relu(tf.add(tf.conv2d(h, w, 1, 'same'), b));
    const [n, height, width, c] = h.shape;
    const y = tf.conv3d(tf.reshape(h, [n, 1, height, width, c]), w, 1, 'same');
    return tf.relu(tf.add(tf.reshape(y, [n, y.shape[2], y.shape[3], y.shape[4]]), b));
  }

  // Logits of x [B, 784].
  apply(x) {
    const [w0, b0, w1, b1, wl, bl] = this.vars;
    let h = tf.reshape(x, [x.shape[0], 28, 28, 1]);
    h = tf.maxPool(this.convRelu(h, w0, b0), 2, 2, 'valid');
    h = tf.maxPool(this.convRelu(h, w1, b1), 2, 2, 'valid');
    h = tf.reshape(h, [h.shape[0], -1]);
    return tf.add(tf.matMul(h, wl), bl);
  }

  reset() {
    this.vars.forEach((v, i) => v.assign(this.init[i]));
  }
}

class TfImpl extends InProcess {
  constructor(backend, label, lwImpl, data) {
    super(label);
    this.backend = backend;
    this.lwImpl = lwImpl;
    this.data = data;
  }

  async enter() {
    if (tf.getBackend() !== this.backend) await tf.setBackend(this.backend);
  }

  // Tensors are created with this backend current, and used only with it (no moves).
  async prepare() {
    await this.enter();
    const c = this.lwImpl.circle.toArrays();
    this.circleX = tf.tensor2d(c.x, [500, 2]);
    this.circleY = tf.tensor2d(c.y, [500, 1]);
    this.w1 = new TfModel(this.lwImpl.initialParameters(W1_SPEC), ['tanh', 'tanh', 'linear'], opts.tfOps);
    this.w1Opt = tf.train.sgd(W1_LR);
    this.w1Batches = this.lwImpl.w1Batches; // W1-step: [x, y] Float32Arrays, 50 batches of 10
    this.yOneHot = new Float32Array(N * CLASSES);
    this.data.y.forEach((c, i) => (this.yOneHot[i * CLASSES + c] = 1));
    const seedParams = this.lwImpl.initialParameters(SEED_SPEC);
    const cnnParams = this.lwImpl.initialParameters(CNN_SPEC);
    this.trainers = new Map();
    for (const w of ALL.filter(isStep)) {
      const model = w.startsWith('W4')
        ? new TfCnn(cnnParams, this.backend === 'wasm', opts.tfOps === 'fused')
        : new TfModel(seedParams, ['relu', 'relu', 'relu', 'linear'], opts.tfOps);
      this.trainers.set(w, { model, opt: null, cursor: 0 });
    }
    this.fwd = new TfModel(seedParams, ['relu', 'relu', 'relu', 'linear'], opts.tfOps);
    // --tf-forward kernel: the forward's weights as the _FusedMatMul kernel takes them, rank 3
    // (a reshape: the same data, so XNNPACK's operator cache, keyed on it, is hit)
    this.fwdKernel = [];
    for (let l = 0; l < this.fwd.vars.length / 2; l++) {
      const w = this.fwd.vars[2 * l];
      this.fwdKernel.push({ w3: tf.reshape(w, [1, ...w.shape]), b: this.fwd.vars[2 * l + 1], act: this.fwd.acts[l] });
    }
    this.fwdCursor = new Map([[1, 0], [128, 0]]);
  }

  // One W1 epoch: a fresh shuffle, one gather of the epoch's data, 50 steps on slices of it.
  epoch() {
    const idx = tf.util.createShuffledIndices(500);
    tf.tidy(() => {
      const order = tf.tensor1d(Int32Array.from(idx), 'int32');
      const xs = tf.gather(this.circleX, order);
      const ys = tf.gather(this.circleY, order);
      for (let s = 0; s < 500; s += W1_BATCH) {
        tf.tidy(() => {
          const xb = tf.slice(xs, [s, 0], [W1_BATCH, 2]);
          const yb = tf.slice(ys, [s, 0], [W1_BATCH, 1]);
          this.w1Opt.minimize(() => tf.losses.sigmoidCrossEntropy(yb, this.w1.apply(xb)), false, this.w1.vars);
        });
      }
    });
  }

  // W1-step: the user's loop in TF.js, one minimize per batch of 10 handed over as
  // Float32Arrays; returns the step's loss when asked (read back, for the check only).
  w1Step(x, y, returnCost = false) {
    return tf.tidy(() => {
      const xb = tf.tensor2d(x, [W1_BATCH, 2]);
      const yb = tf.tensor2d(y, [W1_BATCH, 1]);
      const cost = this.w1Opt.minimize(() => tf.losses.sigmoidCrossEntropy(yb, this.w1.apply(xb)), returnCost, this.w1.vars);
      return returnCost ? cost.dataSync()[0] : undefined;
    });
  }

  stepEpoch(returnCost = false) {
    let total = 0;
    for (const [x, y] of this.w1Batches) total += returnCost ? this.w1Step(x, y, true) : (this.w1Step(x, y), 0);
    return total / this.w1Batches.length;
  }

  // Batches come from JS Float32Arrays (one copy into the backend per batch), as they do for
  // Layerwise: tf.slice of a resident tensor would be worse on the wasm backend, whose Slice
  // kernel first copies the whole source tensor out of wasm memory (readSync), 12.8 MB here.
  step(w, returnCost = false) {
    const b = batchOf(w);
    const t = this.trainers.get(w);
    let start = t.cursor;
    if (start + b > N) start = 0;
    t.cursor = start + b;
    return tf.tidy(() => {
      const xb = tf.tensor2d(this.data.x.subarray(start * IN, (start + b) * IN), [b, IN]);
      const yb = tf.tensor2d(this.yOneHot.subarray(start * CLASSES, (start + b) * CLASSES), [b, CLASSES]);
      const cost = t.opt.minimize(() => tf.losses.softmaxCrossEntropy(yb, t.model.apply(xb)), returnCost, t.model.vars);
      return returnCost ? cost.dataSync()[0] : undefined;
    });
  }

  // The logits of the next batch, read back into a Float32Array as Layerwise's forward returns
  // them (null with --tf-no-readback unless `read`). The fastest TF.js forward we found
  // (bench/tfjs_w3.mjs; bench/README.md, "TF.js' W3 row"): the _FusedMatMul kernel called
  // directly, one call per layer, on rank-3 tensors (what tf.fused.matMul calls after its
  // reshapes, op wrapper and tidy bookkeeping), and dataSync on the result outside any
  // tf.tidy (a typed array returned through tf.tidy is walked element by element).
  forward(b, read = !opts.tfNoReadback) {
    let start = this.fwdCursor.get(b);
    if (start + b > N) start = 0;
    this.fwdCursor.set(b, start + b);
    const x = this.data.x.subarray(start * IN, (start + b) * IN);
    let out;
    if (opts.tfForward === 'kernel') {
      const engine = tf.engine();
      out = tf.tensor3d(x, [1, b, IN]);
      for (const l of this.fwdKernel) {
        const next = engine.runKernel('_FusedMatMul', { a: out, b: l.w3, bias: l.b },
          { transposeA: false, transposeB: false, activation: l.act });
        out.dispose();
        out = next;
      }
    } else {
      out = tf.tidy(() => this.fwd.apply(tf.tensor2d(x, [b, IN])));
    }
    if (!read) {
      out.dispose();
      return null;
    }
    const values = out.dataSync();
    out.dispose();
    return values;
  }

  freshAdam(w) {
    const t = this.trainers.get(w);
    t.opt?.dispose();
    // PyTorch's defaults (Layerwise's): betas 0.9, 0.999, eps 1e-8 (TF.js' default eps is 1e-7)
    t.opt = tf.train.adam(W2_LR, 0.9, 0.999, 1e-8);
    t.model.reset();
    t.cursor = 0;
  }

  async restart(w) {
    if (isW1(w)) {
      this.w1.reset();
    } else if (isStep(w)) {
      this.freshAdam(w);
      this.step(w);
    }
  }

  call(w) {
    if (w === 'W1') this.epoch();
    else if (w === 'W1-step') this.stepEpoch();
    else if (isStep(w)) this.step(w);
    else this.forward(batchOf(w));
  }

  async check(w) {
    await this.enter();
    if (w === 'W1') {
      this.w1.reset();
      const loss = tf.tidy(() => tf.losses.sigmoidCrossEntropy(this.circleY, this.w1.apply(this.circleX)).dataSync()[0]);
      return { check: loss };
    }
    if (w === 'W1-step') {
      this.w1.reset();
      const [x, y] = this.w1Batches[0];
      const first = this.w1Step(x, y, true);
      this.w1.reset();
      const epoch = this.stepEpoch(true);
      return { check: first, check2: epoch };
    }
    if (isStep(w)) {
      this.freshAdam(w);
      return { check: this.step(w, true) };
    }
    const b = batchOf(w);
    this.fwdCursor.set(b, 0);
    return { check: this.forward(b, true).reduce((a, v) => a + v, 0) };
  }
}

// ---------------------------------------------------------------------------------------
// Plain-JS libraries on W1-step: the same 2-8-8-1 network (tanh hidden layers; synaptic with
// a logistic output unit, brain.js with tanh everywhere: it has one activation for all
// layers), the same 500 points, learning rate 0.03, trained one sample at a time as both
// libraries do (they have no batches). Their initial weights are their own.
// ---------------------------------------------------------------------------------------
const LEARN_EPOCHS = 300; // the "learns the circle" check: accuracy after this many epochs

function accuracy(pred, y) {
  let right = 0;
  for (let i = 0; i < y.length; i++) right += (pred[i] > 0.5 ? 1 : 0) === y[i] ? 1 : 0;
  return right / y.length;
}

// W1-step's yardstick for the crossing: Layerwise's trainEpoch (W1's call), timed round-robin
// with W1-step's implementations so that "trainStep minus the same step inside the engine" is
// a difference of two times measured side by side (per repeat), not of two workloads timed
// minutes apart. Not a column of the main tables.
class LayerwiseEpoch extends InProcess {
  constructor(lwImpl) {
    super('Layerwise-wasm, trainEpoch');
    this.lwImpl = lwImpl;
    this.aux = true;
  }

  supports(w) {
    return w === 'W1-step';
  }

  async enter() {}

  async restart() {
    await this.lwImpl.restart('W1');
  }

  call() {
    this.lwImpl.call('W1');
  }

  async check() {
    return { check: NaN };
  }
}

class PlainJs extends InProcess {
  constructor(name, make, epoch, predict, lwImpl) {
    super(name);
    this.make = make;
    this.epochOf = epoch;
    this.predictOf = predict;
    const c = lwImpl.circle.toArrays();
    this.points = [];
    for (let i = 0; i < 500; i++) this.points.push({ input: [c.x[2 * i], c.x[2 * i + 1]], output: [c.y[i]] });
    this.y = c.y;
  }

  supports(w) {
    return w === 'W1-step';
  }

  async enter() {}

  // One network for all repeats: synaptic compiles each network into a new JS function, which
  // V8 must warm up again, so a fresh one per repeat would time that, not the training.
  async restart() {
    this.net ??= this.make(this.points);
  }

  call() {
    this.epochOf(this.net, this.points);
  }

  async check() {
    const net = this.make(this.points);
    for (let e = 0; e < LEARN_EPOCHS; e++) this.epochOf(net, this.points);
    const pred = this.points.map((p) => this.predictOf(net, p.input));
    return { check: NaN, accuracy: accuracy(pred, this.y) };
  }
}

function synapticImpl(lwImpl) {
  const { Layer, Network, Neuron } = require('synaptic');
  const make = () => {
    const input = new Layer(2), h1 = new Layer(8), h2 = new Layer(8), output = new Layer(1);
    h1.set({ squash: Neuron.squash.TANH });
    h2.set({ squash: Neuron.squash.TANH });
    input.project(h1);
    h1.project(h2);
    h2.project(output);
    return new Network({ input, hidden: [h1, h2], output });
  };
  // activate + propagate per sample; synaptic compiles the network to one JS function
  // (network.optimize(), done on the first activate): its fastest path
  const epoch = (net, points) => {
    for (const p of points) {
      net.activate(p.input);
      net.propagate(W1_LR, p.output);
    }
  };
  return new PlainJs('synaptic', make, epoch, (net, x) => net.activate(x)[0], lwImpl);
}

function brainImpl(lwImpl) {
  const brain = require('brain.js');
  const make = (points) => {
    const net = new brain.NeuralNetwork({ hiddenLayers: [8, 8], activation: 'tanh', learningRate: W1_LR });
    // one train() call sets the network up (sizes, weights, its Float32Array copies of the
    // data); its option checks refuse momentum 0 ("out of normal training range"), so plain
    // SGD, as the others run, is set on the options it keeps afterwards (the update computes
    // the momentum term either way, so this does not change its speed)
    net.train(points, { iterations: 1, learningRate: W1_LR });
    net.trainOpts.momentum = 0;
    net.formatted = net.formatData(points);
    return net;
  };
  // trainPatterns: one pass over the formatted data (per sample: runInput, calculateDeltas,
  // adjustWeights), what train() calls per iteration, without train()'s per-call formatting,
  // option checks and error measurement (every errorCheckInterval-th iteration)
  const epoch = (net) => net.trainPatterns(net.formatted);
  return new PlainJs('brain.js', make, epoch, (net, x) => net.run(x)[0], lwImpl);
}

// ---------------------------------------------------------------------------------------
// Native builds: bench/workloads.cpp --serve as a child process
// ---------------------------------------------------------------------------------------
class Native {
  constructor(label, file) {
    this.name = label;
    this.file = file;
    this.iters = new Map();
  }

  async start() {
    this.child = spawn(this.file, ['--serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.lines = [];
    this.waiters = [];
    let buffer = '';
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const waiter = this.waiters.shift();
        if (waiter) waiter.resolve(line);
        else this.lines.push(line);
      }
    });
    this.child.on('exit', (code) => {
      for (const w of this.waiters.splice(0)) w.reject(new Error(`${this.file} exited (${code})`));
    });
    this.info = JSON.parse(await this.next());
  }

  next() {
    if (this.lines.length) return Promise.resolve(this.lines.shift());
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  async request(line) {
    this.child.stdin.write(line + '\n');
    const reply = JSON.parse(await this.next());
    if (reply.error) throw new Error(`${this.name}: ${reply.error}`);
    return reply;
  }

  supports(w) {
    return this.info.workloads?.includes(w) ?? w !== 'W1-step'; // an lw_workloads from before W1-step
  }

  async calibrate(w, minMs) {
    await settle();
    const { iters } = await this.request(`calibrate ${w} ${minMs}`);
    this.iters.set(w, iters);
    return iters;
  }

  async repeat(w) {
    await settle(); // the child restarts (untimed) before it times
    return (await this.request(`repeat ${w}`)).s;
  }

  async check(w) {
    return this.request(`check ${w}`);
  }

  close() {
    this.child.stdin.end('quit\n');
  }
}

// ---------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------
function fmt(v, digits = 0) {
  if (!Number.isFinite(v)) return 'n/a';
  if (Math.abs(v) >= 100 || digits === 0) return Math.round(v).toLocaleString('en-US');
  return v.toFixed(digits);
}

function fmtRatio(v) {
  if (!Number.isFinite(v)) return 'n/a';
  return v >= 100 ? `${Math.round(v).toLocaleString('en-US')}×` : v >= 10 ? `${v.toFixed(1)}×` : `${v.toFixed(2)}×`;
}

function fmtValue(v) {
  if (!Number.isFinite(v)) return 'n/a';
  return v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1);
}


// ---------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------
async function main() {
  tf.enableProdMode(); // only silences tfjs' console messages (e.g. the tfjs-node hint)
  const wasmDist = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep;
  setWasmPaths(wasmDist); // Node 20: a file path works (the backend reads it with fs)
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false); // one thread, like Layerwise
  if (!(await tf.setBackend('wasm'))) throw new Error('TF.js wasm backend failed to initialise');
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const mt = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  const threads = getThreadsCount();
  if (!simd) throw new Error('TF.js wasm backend runs without SIMD: the comparison would be unfair to it');

  const engineFile = path.join(opts.engine, 'layerwise.wasm');
  if (!existsSync(engineFile)) throw new Error(`${engineFile} is missing: run bash scripts/build.sh`);
  const { loadLayerwise } = await import(pathToFileURL(path.join(opts.engine, 'layerwise.mjs')).href);
  const lw = await loadLayerwise();
  const data = seedData();
  const lwImpl = new LayerwiseWasm(lw, data);
  const tfWasm = new TfImpl('wasm', 'TF.js-wasm', lwImpl, data);
  const tfCpu = new TfImpl('cpu', 'TF.js-cpu', lwImpl, data);
  await tfWasm.prepare();
  await tfCpu.prepare();

  const natives = [];
  if (!opts.noNative) {
    for (const [label, file, cmd] of [
      ['native SSE4.1', opts.nativeSse, 'cmake -S . -B build/bench-sse -DCMAKE_BUILD_TYPE=Release -DLW_NATIVE_ARCH=sse4.1 && make -C build/bench-sse lw_workloads'],
      ['native -march=native', opts.native, 'cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release && make -C build/bench lw_workloads'],
    ]) {
      if (!existsSync(file)) throw new Error(`${file} is missing; build it with: ${cmd} (or pass --no-native)`);
      const n = new Native(label, file);
      await n.start();
      natives.push(n);
    }
  }
  for (const { label, file } of opts.extraNatives) {
    if (!existsSync(file)) throw new Error(`--extra-native ${label}: ${file} is missing`);
    const n = new Native(`native (${label})`, file);
    await n.start();
    natives.push(n);
  }
  const extras = [];
  for (const { label, dir } of opts.extraEngines) {
    const file = path.join(dir, 'layerwise.mjs');
    if (!existsSync(file)) throw new Error(`--extra-engine ${label}: ${file} is missing`);
    const mod = await import(pathToFileURL(file).href);
    const impl = new LayerwiseWasm(await mod.loadLayerwise(), data, `Layerwise-wasm (${label})`);
    impl.dir = dir;
    extras.push(impl);
  }
  const plain = opts.only.includes('W1-step') ? [synapticImpl(lwImpl), brainImpl(lwImpl)] : [];
  const lwEpoch = opts.only.includes('W1-step') ? [new LayerwiseEpoch(lwImpl)] : [];
  const impls = [lwImpl, ...lwEpoch, ...extras, tfWasm, tfCpu, ...plain, ...natives];
  const ceiling = new Ceiling();

  // ---- header ----
  const engineStat = statSync(engineFile);
  const tfVersions = ['tfjs-core', 'tfjs-backend-wasm', 'tfjs-backend-cpu']
    .map((p) => `${p} ${require(`@tensorflow/${p}/package.json`).version}`).join(', ');
  const cpuModel = os.cpus()[0]?.model ?? 'unknown';
  const date = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  console.log('# Layerwise-wasm vs TF.js vs native (Node)\n');
  console.log(`- date: ${date}`);
  const args = process.argv.slice(2).map((a) => (/[\s"'$]/.test(a) ? `'${a}'` : a));
  console.log(`- command: node bench/bench_wasm.mjs ${args.join(' ')}`.trimEnd());
  console.log(`- commit: ${commitOf(['core', 'wasm', 'CMakeLists.txt'])}; engine ${path.relative(root, engineFile) || engineFile} ${engineStat.size} bytes, built ${engineStat.mtime.toISOString().slice(0, 16)} UTC`);
  console.log(`- Node ${process.versions.node} (V8 ${process.versions.v8}), ${os.cpus().length} × ${cpuModel}`);
  console.log(`- TF.js: ${tfVersions}; wasm backend: SIMD ${simd}, multithread ${mt}, threads ${threads} (XNNPACK)`);
  console.log(`- TF.js model: tfjs-core ops, W as [in, out], ${opts.tfOps === 'fused' ? 'tf.fused.matMul (bias + relu fused; tanh separate)' : 'tf.matMul + tf.add + activation'}, tf.losses.sigmoidCrossEntropy / softmaxCrossEntropy on logits, optimizer.minimize in tf.tidy, W1 data resident (tf.gather per epoch, tf.slice per batch), W2/W3 batches from Float32Arrays (tf.tensor2d per batch, as Layerwise copies them in), loss not read back, W3 ${opts.tfForward === 'kernel' ? 'through the _FusedMatMul kernel directly (tf.engine().runKernel, rank-3 tensors, one call per layer: the fastest TF.js forward found, bench/tfjs_w3.mjs)' : 'through the same ops in tf.tidy'}, its outputs ${opts.tfNoReadback ? 'left in the output tensor (not read back)' : 'read back (dataSync, outside tf.tidy) as Layerwise returns them'}; every implementation warmed up until its speed stops rising`);
  if (plain.length) {
    console.log(`- plain JS on W1-step: synaptic ${require('synaptic/package.json').version} (activate + propagate per sample, its compiled network), brain.js ${require('brain.js/package.json').version} (NeuralNetwork, tanh in every layer — it has one activation for all —, trainPatterns per epoch, momentum set to 0 after setup); both train per sample (online SGD, 500 updates an epoch), not per batch of 10 (50)`);
  }
  for (const e of extras) {
    const st = statSync(path.join(e.dir, 'layerwise.wasm'));
    console.log(`- ${e.name}: engine ${e.dir}/layerwise.wasm, ${st.size} bytes, built ${st.mtime.toISOString().slice(0, 16)} UTC`);
  }
  for (const n of natives) {
    console.log(`- ${n.name}: ${path.relative(root, n.file)}, xsimd arch ${n.info.arch} (${n.info.lanes} lanes), ${n.info.compiler}`);
  }
  const load0 = os.loadavg()[0];
  console.log(`- load average (1 min) at the start: ${load0.toFixed(2)} on ${os.cpus().length} cores${load0 > os.cpus().length * 0.75 ? ' — **busy machine: other processes compete for the cores; expect noise**' : ''}`);
  console.log(`- method: median of ${opts.repeats} repeats, each >= ${opts.minMs} ms after warm-up; implementations timed round-robin; ratios are medians of per-repeat ratios${opts.quick ? ' (--quick)' : ''}\n`);

  // ---- cross-check: the implementations compute the same thing ----
  const checks = new Map();
  for (const w of opts.only) {
    const row = new Map();
    for (const impl of impls.filter((i) => i.supports(w))) row.set(impl.name, await impl.check(w));
    checks.set(w, row);
  }

  // ---- the SIMD128 mul+add ceiling, before the workloads (and again after them) ----
  const ceilingBefore = await ceiling.measure(opts.repeats, opts.minMs, settle);

  // ---- measure: per workload, calibrate all, then repeats round-robin ----
  const results = new Map(); // w -> impl name -> [s per call]
  for (const w of opts.only) {
    const these = impls.filter((i) => i.supports(w));
    const per = new Map(these.map((i) => [i.name, []]));
    for (const impl of these) await impl.calibrate(w, opts.minMs);
    for (let r = 0; r < opts.repeats; r++) {
      for (const impl of these) per.get(impl.name).push(await impl.repeat(w));
    }
    results.set(w, per);
    process.stderr.write(`bench_wasm: ${w} done\n`);
  }
  for (const n of natives) n.close();
  const ceilingAfter = await ceiling.measure(opts.repeats, opts.minMs, settle);
  const load1 = os.loadavg()[0];

  // ---- tables ----
  const names = impls.filter((i) => !i.aux).map((i) => i.name);
  const has = (w, name) => results.get(w)?.has(name);
  const throughput = (w, name) => (has(w, name) ? perCall(w) / median(results.get(w).get(name)) : NaN);
  const ratio = (w, a, b) => {
    const sa = results.get(w).get(a);
    const sb = results.get(w).get(b);
    if (!sa || !sb) return NaN;
    return median(sa.map((s, i) => sb[i] / s)); // throughput a / throughput b, per repeat
  };
  const describeW = {
    W1: 'W1 2-8-8-1 tanh, BCE, SGD, 500 pts, batch 10',
    'W2-32': 'W2 784-256-128-64-10 train, Adam, batch 32',
    'W2-128': 'W2 784-256-128-64-10 train, Adam, batch 128',
    'W3-1': 'W3 784-256-128-64-10 forward, batch 1',
    'W3-128': 'W3 784-256-128-64-10 forward, batch 128',
    'W1-step': 'W1-step 2-8-8-1, the same, 50 trainStep calls',
    'W4-32': 'W4 small CNN train, Adam, batch 32',
  };
  const LW = 'Layerwise-wasm';
  const SSE = 'native SSE4.1';
  const hasSse = names.includes(SSE);

  console.log('## Throughput (median; higher is better)\n');
  console.log(`| workload | unit | ${names.join(' | ')} | LW-wasm / TF.js-wasm | LW-wasm / TF.js-cpu |${hasSse ? ' LW-wasm / native SSE4.1 |' : ''}`);
  console.log(`| --- | --- |${names.map(() => ' ---: |').join('')} ---: | ---: |${hasSse ? ' ---: |' : ''}`);
  for (const w of opts.only) {
    const cells = names.map((n) => fmtValue(throughput(w, n)));
    const r1 = fmtRatio(ratio(w, LW, 'TF.js-wasm'));
    const r2 = fmtRatio(ratio(w, LW, 'TF.js-cpu'));
    const r3 = hasSse ? ` ${ratio(w, LW, SSE).toFixed(2)} |` : '';
    console.log(`| ${describeW[w]} | ${unitOf(w)} | ${cells.join(' | ')} | ${r1} | ${r2} |${r3}`);
  }
  if (extras.length) {
    const others = [LW, ...extras.map((e) => e.name)];
    const refs = ['TF.js-wasm', ...(hasSse ? [SSE] : [])];
    console.log('\nEvery Layerwise engine of this run against TF.js-wasm and native SSE4.1 (throughput ratios, medians of per-repeat ratios):\n');
    console.log(`| workload | ${others.flatMap((o) => refs.map((r) => `${o} / ${r}`)).join(' | ')} |`);
    console.log(`|---|${others.flatMap(() => refs.map(() => ' ---: |')).join('')}`);
    for (const w of opts.only) {
      console.log(`| ${w} | ${others.flatMap((o) => refs.map((r) => fmtRatio(ratio(w, o, r)))).join(' | ')} |`);
    }
  }
  console.log('\nSpread (IQR / median of the repeats, %), iterations per repeat and (in-process implementations) seconds of warm-up before calibration:\n');
  console.log(`| workload | ${names.join(' | ')} |`);
  console.log(`| --- |${names.map(() => ' ---: |').join('')}`);
  for (const w of opts.only) {
    const cells = impls.filter((i) => !i.aux).map((impl) => {
      if (!has(w, impl.name)) return '–';
      const sp = spreadPct(results.get(w).get(impl.name));
      const warm = impl.warm?.get(w);
      return `${Number.isFinite(sp) ? sp.toFixed(1) : 'n/a'} (${impl.iters.get(w)}${warm ? `; ${(warm.ms / 1e3).toFixed(1)} s` : ''})`;
    });
    console.log(`| ${w} | ${cells.join(' | ')} |`);
  }

  console.log('\n## Same computation? (one number per implementation, from the same start)\n');
  console.log('W1: BCE of the initial model over the 500 points (and, Layerwise only, the mean loss of the first epoch: the same shuffle natively and in wasm). W1-step: the loss of the first step (points 0-9) and the mean loss of the first epoch (the batches in order, not shuffled, so not W1\'s). W2: loss of the first Adam step on batch 0. W3: sum of the logits of batch 0. W4: loss of the first Adam step of the CNN on batch 0.\n');
  console.log(`| workload | ${names.join(' | ')} | max rel. diff to LW-wasm |`);
  console.log(`| --- |${names.map(() => ' ---: |').join('')} ---: |`);
  for (const w of opts.only) {
    const row = checks.get(w);
    const ref = row.get(LW).check;
    let maxDiff = 0;
    const cells = names.map((n) => {
      const c = row.get(n);
      if (!c || !Number.isFinite(c.check)) return '–';
      maxDiff = Math.max(maxDiff, Math.abs(c.check - ref) / Math.max(Math.abs(ref), 1e-30));
      return c.check2 !== undefined ? `${c.check.toPrecision(7)} / ${c.check2.toPrecision(7)}` : c.check.toPrecision(7);
    });
    console.log(`| ${w} | ${cells.join(' | ')} | ${maxDiff.toExponential(1)} |`);
  }

  if (checks.has('W1-step')) console.log('\nsynaptic and brain.js build the same 2-8-8-1 network but start from their own random weights (and brain.js has tanh at the output), so they have no number here: see "Does it learn?" below.');

  // ---- the boundary: W1-step against W1 and the plain-JS libraries ----
  const stepUs = (w, name) => (has(w, name) ? (1e6 * median(results.get(w).get(name))) / 50 : NaN);
  const LWE = 'Layerwise-wasm, trainEpoch';
  // Layerwise's crossing: per repeat, (trainStep epoch − trainEpoch epoch) / 50, timed side by side
  const crossingUs = has('W1-step', LWE)
    ? median(results.get('W1-step').get(LW).map((t, i) => (1e6 * (t - results.get('W1-step').get(LWE)[i])) / 50))
    : NaN;
  if (has('W1-step', LW)) {
    console.log('\n## The boundary: a user\'s own training loop (W1-step)\n');
    console.log('One W1-step epoch = 50 calls of model.trainStep(x, y, 10, loss, opt) on 2-8-8-1, each batch a pair of Float32Arrays made beforehand. W1 runs the same 50 steps inside the engine (trainEpoch: one call, no boundary crossed between steps; a shuffle and a gather of the batches included), so the crossing is the difference. For Layerwise-wasm, trainEpoch is timed again inside W1-step\'s round-robin, so the two are measured side by side and the crossing is the median of the per-repeat differences; the natives\' "in the engine" is their W1 row. µs per step = an epoch / 50.\n');
    console.log('| implementation | µs per step, own loop (W1-step) | µs per step, in the engine (trainEpoch) | crossing µs per step |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const n of names.filter((x) => has('W1-step', x) && !x.startsWith('TF.js') && !['synaptic', 'brain.js'].includes(x))) {
      const own = stepUs('W1-step', n);
      const inside = n === LW ? stepUs('W1-step', LWE) : stepUs('W1', n);
      const cross = n === LW ? crossingUs : own - inside;
      console.log(`| ${n} | ${own.toFixed(2)} | ${Number.isFinite(inside) ? inside.toFixed(2) : '–'} | ${Number.isFinite(cross) ? cross.toFixed(2) : '–'} |`);
    }
    console.log('\n| implementation | epochs/s | µs per epoch | updates per epoch | Layerwise-wasm / it |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const n of names.filter((x) => has('W1-step', x))) {
      const updates = ['synaptic', 'brain.js'].includes(n) ? '500 (per sample)' : '50 (batches of 10)';
      console.log(`| ${n} | ${fmtValue(throughput('W1-step', n))} | ${(1e6 * median(results.get('W1-step').get(n))).toFixed(1)} | ${updates} | ${n === LW ? '–' : fmtRatio(ratio('W1-step', LW, n))} |`);
    }
    const learn = [...checks.get('W1-step')].filter(([, c]) => c.accuracy !== undefined)
      .map(([n, c]) => `${n} ${(100 * c.accuracy).toFixed(1)} %`).join(', ');
    console.log(`\nDoes it learn? Accuracy on the 500 points after ${LEARN_EPOCHS} epochs of W1-step training from a fresh network: ${learn}.`);
  }

  // ---- the ceiling ----
  const peak = Math.max(ceilingBefore.best.registers, ceilingAfter.best.registers);
  const peakMem = Math.max(ceilingBefore.best.memory, ceilingAfter.best.memory);
  console.log('\n## The SIMD128 mul+add ceiling\n');
  console.log(`${Ceiling.describe()} Measured before and after the workloads (median of ${opts.repeats} repeats each, GFLOP/s):\n`);
  const kinds = ['registers', 'memory'];
  const accs = [...new Set(ceilingBefore.rows.map((r) => r.acc))];
  console.log(`| kernel | ${accs.map((a) => `${a} accumulators`).join(' | ')} |`);
  console.log(`| --- |${accs.map(() => ' ---: |').join('')}`);
  for (const kind of kinds) {
    for (const [when, c] of [['before', ceilingBefore], ['after', ceilingAfter]]) {
      console.log(`| ${kind}, ${when} | ${accs.map((a) => c.rows.find((r) => r.kind === kind && r.acc === a).gflops.toFixed(1)).join(' | ')} |`);
    }
  }
  console.log(`\nCeiling: **${peak.toFixed(1)} GFLOP/s** (registers, the best of both measurements; with one operand from memory: ${peakMem.toFixed(1)}). Layerwise-wasm against it (FLOPs per sample: forward ${(SEED_FORWARD_FLOP / 1e6).toFixed(3)} M = 2 × 242,304 multiply-adds; training step ${(SEED_TRAIN_FLOP / 1e6).toFixed(3)} M = forward, every weight gradient, the input gradients of layers 2–4, as bench_core.cpp counts):\n`);
  console.log('| workload | samples/s | GFLOP/s | % of ceiling (registers) | % of ceiling (one operand from memory) |\n| --- | ---: | ---: | ---: | ---: |');
  for (const w of opts.only.filter((x) => Number.isFinite(flopOf(x)))) {
    const g = (throughput(w, LW) * flopOf(w)) / 1e9;
    console.log(`| ${w} | ${fmtValue(throughput(w, LW))} | ${g.toFixed(1)} | ${((100 * g) / peak).toFixed(0)} % | ${((100 * g) / peakMem).toFixed(0)} % |`);
  }

  console.log(`\nLoad average (1 min) at the end of the run: ${load1.toFixed(2)} on ${os.cpus().length} cores.`);

  // ---- verdicts ----
  console.log('\n## Verdicts\n');
  const verdicts = [];
  const target = (label, value, pass, detail) => {
    const ok = Number.isFinite(value) ? pass(value) : null;
    verdicts.push(ok);
    console.log(`- ${label}: **${ok === null ? 'NOT MEASURED' : ok ? 'PASS' : 'MISS'}** (${detail})`);
  };
  const atLeast = (w, other, need) => {
    const r = ratio(w, LW, other);
    const miss = Number.isFinite(r) && r < need ? `; short by ${fmtRatio(need / r)} (${(100 * (1 - r / need)).toFixed(0)} %)` : '';
    target(`${w} Layerwise-wasm vs ${other} ≥ ${need}×`, r, (v) => v >= need, `${fmtRatio(r)}${miss}`);
  };
  const needs = { W1: 50, 'W2-32': 4, 'W2-128': 4, 'W3-1': 2, 'W3-128': 1.3, 'W4-32': 2 };
  for (const w of opts.only) if (needs[w]) atLeast(w, 'TF.js-wasm', needs[w]);
  if (has('W1-step', LW)) {
    const call = stepUs('W1-step', LW);
    target('W1-step: a trainStep call on 2-8-8-1 at batch 10 ≤ 3 µs', call, (v) => v <= 3, `${call.toFixed(2)} µs`);
    target('W1-step: of which the crossing ≤ 1 µs', crossingUs, (v) => v <= 1, `${crossingUs.toFixed(2)} µs`);
    for (const other of ['synaptic', 'brain.js']) atLeast('W1-step', other, 2);
  }
  if (has('W3-128', LW)) {
    const pct = (100 * throughput('W3-128', LW) * SEED_FORWARD_FLOP) / 1e9 / peak;
    target('W3-128 Layerwise-wasm ≥ 85 % of the SIMD128 mul+add ceiling', pct, (v) => v >= 85, `${pct.toFixed(0)} %`);
  }
  if (hasSse) {
    for (const w of opts.only.filter((x) => x.startsWith('W2'))) {
      const r = ratio(w, LW, SSE); // wasm throughput / native throughput
      const slow = 1 / r;
      target(`${w} Layerwise-wasm within 1.5× of native SSE4.1`, r, (v) => 1 / v <= 1.5,
        `native SSE4.1 is ${slow.toFixed(2)}× Layerwise-wasm${slow > 1.5 ? `; over by ${(slow / 1.5).toFixed(2)}×` : ''}`);
    }
  }
  const all = verdicts.every((v) => v === true);
  console.log(`\n**Overall: ${all ? 'PASS' : verdicts.some((v) => v === false) ? 'MISS' : 'INCOMPLETE'}** (${verdicts.filter((v) => v).length} of ${verdicts.length} targets met)`);

  if (opts.profile) await profile(tfWasm, tfCpu);
}

// TF.js per-kernel times (tf.profile) of W1 (one epoch), W2 and W4 (one step) and W3-128 (one
// forward): where TF.js' time goes (bench/README.md, findings). Averages over several calls;
// "wall" is the time of the profiled calls themselves, so wall - kernels is tfjs-core's own
// work per call (tape, tidy, op dispatch) plus profiling overhead.
async function profile(...tfImpls) {
  const calls = 5;
  const matmulShape = (shapes) => {
    const [a, b] = shapes.slice(0, 2).map((s) => s.slice(-2));
    const t = a[1] === b[0] ? '' : a[0] === b[0] ? ' (transposeA: weight gradient)' : a[1] === b[1] ? ' (transposeB: input gradient)' : '';
    return `[${a}]·[${b}]${t}`;
  };
  console.log(`\n## TF.js per-kernel profile (tf.profile, mean of ${calls} calls)`);
  for (const impl of tfImpls) {
    await impl.enter();
    for (const w of ['W1', 'W2-32', 'W2-128', 'W3-128', 'W4-32']) {
      await impl.restart(w);
      for (let i = 0; i < 3; i++) impl.call(w); // warm
      const byKernel = new Map();
      let kernels = 0;
      let wall = 0;
      for (let c = 0; c < calls; c++) {
        gc();
        const t0 = performance.now();
        const info = await tf.profile(() => { impl.call(w); });
        wall += performance.now() - t0;
        for (const k of info.kernels) {
          if (k.name.endsWith('__op')) continue; // an op scope around the kernels below it
          kernels++;
          const t = await k.kernelTimeMs;
          const key = /MatMul/.test(k.name) ? `${k.name} ${matmulShape(k.inputShapes)}` : k.name;
          const e = byKernel.get(key) ?? { n: 0, ms: 0 };
          e.n++;
          e.ms += typeof t === 'number' ? t : 0;
          byKernel.set(key, e);
        }
      }
      const total = [...byKernel.values()].reduce((a, e) => a + e.ms, 0) / calls;
      console.log(`\n### TF.js ${impl.backend}, ${w}: ${kernels / calls} kernels per call, ${total.toFixed(2)} ms in kernels, ${(wall / calls).toFixed(2)} ms wall (profiled)\n`);
      console.log('| kernel | calls per call | ms per call | % of kernel time |\n| --- | ---: | ---: | ---: |');
      for (const [k, e] of [...byKernel].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10)) {
        console.log(`| ${k} | ${e.n / calls} | ${(e.ms / calls).toFixed(3)} | ${((100 * e.ms) / calls / total).toFixed(0)} |`);
      }
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
