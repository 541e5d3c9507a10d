// One training session of the worker (wasm/trainer-worker.mjs): a model, its data (generated
// or given, split, feature-mapped, standardised), loss, optimiser and decision-boundary grid,
// the training counters, and snapshots of its state. It uses the engine's API and knows nothing
// of messages or workers. Its methods answer the requests of the protocol in wasm/trainer.d.ts
// (docs/worker-protocol.md): the constructor builds what init asks for; train, step, set,
// reset, setParameters, snapshot, predict and trace answer their namesakes, all or nothing.
import { LayerwiseError, describe, finite, known, object, whole } from './checks.mjs';
import { shuffled } from './random.mjs';

/** The optimisers by protocol name, with the name of their lw.optim factory. */
export const OPTIMIZERS = { sgd: 'SGD', adam: 'Adam', adamw: 'AdamW', rmsprop: 'RMSprop' };
const SNAPSHOT_DEFAULTS = {
  metrics: true, grid: true, neurons: true, parameters: true, gradients: true, stats: 20, data: false, curve: false,
  keep: false, memory: false,
};

/**
 * Epochs between the weights a timeline keeps after epoch e: every epoch below 16, then
 * 2^(⌊log2 e⌋ − 3), about eight a doubling; × 2^thinned once the timeline has thinned itself
 * that many times (web/lib/timeline.js). The snapshot option `keep` follows this schedule, so
 * one request of many epochs brings back the weights of each epoch a timeline keeps.
 */
export function keepInterval(e, thinned = 0) {
  const base = e < 16 ? 1 : 2 ** (Math.floor(Math.log2(e)) - 3);
  return base * 2 ** thinned;
}
const MAX_GRID = 256;
/**
 * The most one request may ask for (docs/worker-protocol.md). The worker answers requests one
 * at a time, so a request for 10^9 epochs would hold every request after it; these caps bound
 * a request's work, and more is asked for in slices, as the pages do.
 */
export const LIMITS = { epochs: 10_000, batches: 100_000, ms: 60_000 };
// Mixed into the seed of each epoch's batch order (for step requests), so that order is not
// random.mjs's stream of the model's own seed.
const ORDER_SEED = 0x9e3779b9;

// Checks of the protocol's own values (the rest: checks.mjs).

function optimizerName(name, what) {
  const key = typeof name === 'string' ? name.toLowerCase() : name;
  if (!Object.hasOwn(OPTIMIZERS, key)) {
    throw new LayerwiseError(`${what} must be one of ${Object.keys(OPTIMIZERS).join(', ')}, got ${describe(name)}`);
  }
  return key;
}

function snapshotOptions(defaults, options, what) {
  if (options === undefined) return defaults;
  object(options, what, '{neurons: false}');
  known(options, Object.keys(SNAPSHOT_DEFAULTS), what);
  const out = { ...defaults };
  for (const [key, value] of Object.entries(options)) {
    if (key === 'stats' && typeof value === 'number') out.stats = whole(value, `${what}.stats (bins)`);
    else if (key === 'curve' && typeof value === 'number') out.curve = whole(value, `${what}.curve (every how many epochs)`);
    else if (key === 'keep' && value !== null && typeof value === 'object') {
      object(value, `${what}.keep`, '{next: 16, thinned: 0}');
      known(value, ['next', 'thinned'], `${what}.keep`);
      out.keep = { next: whole(value.next ?? 0, `${what}.keep.next`, 0), thinned: whole(value.thinned ?? 0, `${what}.keep.thinned`, 0) };
    }
    else if (typeof value === 'boolean') out[key] = key === 'stats' && value ? defaults.stats || 20 : key === 'curve' && value ? 1 : value;
    else {
      const or = key === 'stats' ? ' or a bin count' : key === 'curve' ? ' or a whole number of epochs' : key === 'keep' ? ' or {next, thinned}' : '';
      throw new LayerwiseError(`${what}.${key} must be true or false${or}, got ${describe(value)}`);
    }
  }
  return out;
}

// A request's count within its cap: refused with the cap and how to ask for more.
function atMost(value, limit, what, more) {
  if (value > limit) throw new LayerwiseError(`${what} must be at most ${limit} in one request, got ${describe(value)}; ${more}`);
  return value;
}

const now = () => performance.now();

/** A model, its data, loss, optimiser and grid (from init's config), and the training counters. */
export class Session {
  #owned = []; // engine objects to dispose with the session

  constructor(lw, config) {
    try {
      this.#build(lw, config);
    } catch (err) {
      this.dispose();
      throw err;
    }
  }

  #own(handle) {
    this.#owned.push(handle);
    return handle;
  }

  #build(lw, config) {
    known(config, ['v', 'id', 'type', 'wasmModule', 'wasmUrl', 'spec', 'data', 'loss', 'optimizer',
      'batch', 'l1', 'grid', 'snapshot', 'parameters'], 'init');
    this.lw = lw;
    if (config.spec === undefined) throw new LayerwiseError('init: spec is missing; e.g. {input: [2], layers: [{type: "linear", out: 1}]}');
    this.model = this.#own(lw.Model.fromSpec(config.spec));
    this.seed = this.model.spec.seed;
    this.#buildData(object(config.data, 'init: data', "{dataset: 'xor', n: 200}"));

    const inputs = this.model.inputShape.reduce((a, b) => a * b, 1);
    if (inputs !== this.width) {
      const names = this.features ? ` (${this.features.join(', ')})` : '';
      throw new LayerwiseError(`init: the model takes ${inputs} input values (spec.input ${JSON.stringify(this.model.inputShape)}), ` +
        `but each sample has ${this.width} features${names}; make them match`);
    }
    if (config.loss === undefined) throw new LayerwiseError(`init: loss is missing; one of ${lw.loss.names.join(', ')}`);
    this.loss = this.#checkedLoss(config.loss, 'init: loss');
    this.batch = whole(config.batch ?? 10, 'init: batch');
    this.l1 = finite(config.l1 ?? 0, 'init: l1', 0);
    const opt = config.optimizer ?? 'sgd';
    const { name, options } = typeof opt === 'string' ? { name: opt } : object(opt, 'init: optimizer', "{name: 'adam', options: {lr: 0.01}}");
    this.optimizerName = optimizerName(name, 'init: optimizer.name');
    this.optimizer = this.#own(lw.optim[OPTIMIZERS[this.optimizerName]](this.model, options));
    // Gradients and statistics come from a twin, so a snapshot never touches the trained
    // model's gradients or random stream (dropout masks), and training goes the same with or
    // without snapshots.
    // Weights to start from (an imported file's): set here, so init takes them or fails whole.
    if (config.parameters !== undefined) this.model.setParameters(config.parameters);
    this.twin = this.#own(lw.Model.fromSpec(config.spec));
    this.twinOptimizer = this.#own(lw.optim.SGD(this.twin, { lr: 0 }));
    this.#buildGrid(config.grid);
    this.defaults = snapshotOptions(SNAPSHOT_DEFAULTS, config.snapshot, 'init: snapshot');
    this.#clearCounters();
  }

  // data -> [train, test] datasets: generated or given points, split, feature map, standardised.
  #buildData(data) {
    const { lw } = this;
    known(data, ['dataset', 'n', 'noise', 'seed', 'x', 'y', 'classes', 'testX', 'testY', 'trainRatio',
      'features', 'standardize'], 'init: data');
    const seed = data.seed ?? 42;
    const features = data.features ?? ['x1', 'x2'];
    const perSample = typeof features === 'number' ? features : 2;
    this.features = typeof features === 'number' ? null : features;
    let train;
    let test = null;
    if (data.dataset !== undefined) {
      if (data.x !== undefined) throw new LayerwiseError('init: data has both dataset and x; give one');
      if (this.features === null) throw new LayerwiseError('init: generated data are 2-D points; data.features must be a list of names such as ["x1", "x2"]');
      train = this.#own(lw.data.generate(data.dataset, { n: data.n ?? 200, noise: data.noise ?? 0, seed }));
    } else if (data.x !== undefined) {
      const shape = { features: perSample, classes: data.classes ?? 0 };
      train = this.#own(lw.data.fromArrays(data.x, data.y ?? [], shape));
      if (data.testX !== undefined) test = this.#own(lw.data.fromArrays(data.testX, data.testY ?? [], shape));
    } else {
      throw new LayerwiseError("init: data needs a dataset name (e.g. {dataset: 'xor'}) or arrays {x, y, classes}");
    }
    if (!test) {
      const ratio = finite(data.trainRatio ?? 0.5, 'init: data.trainRatio');
      if (ratio < 1) [train, test] = train.split(ratio, seed).map((d) => this.#own(d));
      if (test?.size === 0) test = null;
    }
    const raw = (d) => d && (({ x, y }) => ({ points: x, y }))(d.toArrays());
    this.points = { train: raw(train), test: raw(test) };
    if (this.features) {
      train = this.#own(train.featureMap(this.features));
      test = test && this.#own(test.featureMap(this.features));
    }
    this.standardization = null;
    if (data.standardize !== undefined && typeof data.standardize !== 'boolean') {
      throw new LayerwiseError(`init: data.standardize must be true or false, got ${describe(data.standardize)}`);
    }
    if (data.standardize) {
      this.standardization = train.standardize();
      test?.standardize(this.standardization);
    }
    this.trainSet = train;
    this.testSet = test;
    this.trainArrays = train.toArrays();
    this.width = this.features ? this.features.length : perSample;
    this.perSample = perSample;
  }

  // The decision-boundary grid: cell centres, row 0 at the top, mapped like the data.
  #buildGrid(grid) {
    this.grid = null;
    if (grid === null || grid === false) return;
    if (grid === true) grid = {};
    if (!this.features) {
      if (grid === undefined) return;
      throw new LayerwiseError('init: a grid needs 2-D points; data.features must be a list of names such as ["x1", "x2"]');
    }
    const { size = 48, extent = 6 } = object(grid ?? {}, 'init: grid', '{size: 48, extent: 6}');
    known(grid ?? {}, ['size', 'extent'], 'init: grid');
    whole(size, 'init: grid.size', 2);
    if (size > MAX_GRID) throw new LayerwiseError(`init: grid.size must be at most ${MAX_GRID}, got ${size}`);
    const [lo, hi] = Array.isArray(extent) ? extent : [-extent, extent];
    finite(lo, 'init: grid.extent low');
    finite(hi, 'init: grid.extent high');
    if (!(lo < hi)) throw new LayerwiseError(`init: grid.extent must be a number > 0 or [lo, hi] with lo < hi, got ${JSON.stringify(extent)}`);
    const cells = size * size;
    const step = (hi - lo) / size;
    const points = new Float32Array(2 * cells);
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) {
        points[2 * (r * size + c)] = lo + (c + 0.5) * step;
        points[2 * (r * size + c) + 1] = hi - (r + 0.5) * step;
      }
    }
    const raw = this.lw.data.fromArrays(points, new Float32Array(cells), { features: 2 });
    const mapped = raw.featureMap(this.features);
    raw.dispose();
    try {
      if (this.standardization) mapped.standardize(this.standardization);
      this.grid = { size, extent: [lo, hi], x: mapped.toArrays().x };
    } finally {
      mapped.dispose();
    }
  }

  // A loss by name that fits the data and the model's output (checked on the training set).
  #checkedLoss(name, what) {
    if (typeof name !== 'string') throw new LayerwiseError(`${what} must be a name, one of ${this.lw.loss.names.join(', ')}, got ${describe(name)}`);
    const loss = this.lw.loss.byName(name);
    this.model.evaluate(this.trainSet, loss);
    return loss;
  }

  #clearCounters() {
    this.epoch = 0;
    this.steps = 0;
    this.cursor = 0; // samples of the current epoch already trained by step()
    this.partial = 0; // their summed loss
    this.order = null;
    this.epochLosses = [];
    this.batchLosses = [];
    this.curveEvery = 0; // while a request asks for its curve: the metrics after every this many epochs
    this.curveRows = [];
    this.keeping = null; // while a request asks to keep weights: {next, thinned} (keepInterval)
    this.keptRows = [];
    this.trainMs = 0;
    this.diverged = false;
    this.message = null;
  }

  #diverge(what) {
    this.diverged = true;
    this.message = `training stopped: ${what}; lower the learning rate (or change the network), then reset`;
  }

  // Whole epochs: up to `epochs`, or until `ms` have passed (at least one epoch).
  train({ epochs = Infinity, ms = Infinity, maxEpochs = Infinity }, options) {
    const opts = snapshotOptions(this.defaults, options, 'snapshot');
    if (epochs !== Infinity) {
      atMost(whole(epochs, 'train: epochs', 0), LIMITS.epochs, 'train: epochs', 'train in slices (several train requests, or trainFor)');
    }
    if (ms !== Infinity) atMost(ms, LIMITS.ms, 'trainFor: ms', 'send trainFor again to train longer');
    if (maxEpochs !== Infinity) whole(maxEpochs, 'trainFor: maxEpochs', 0);
    const limit = Math.min(epochs, maxEpochs);
    const start = now();
    this.curveEvery = opts.curve;
    this.keeping = opts.keep ? { ...opts.keep } : null;
    for (let run = 0; run < limit && !this.diverged; run++) {
      if (this.cursor > 0) {
        while (this.cursor > 0 && !this.diverged) this.#stepBatch();
      } else {
        const loss = this.model.trainEpoch(this.trainSet, this.batch, this.loss, this.optimizer, { l1: this.l1 });
        this.steps += Math.ceil(this.trainSet.size / Math.min(this.batch, this.trainSet.size));
        this.#endEpoch(loss);
      }
      if (now() - start >= ms) break;
    }
    this.curveEvery = 0;
    this.keeping = null;
    this.trainMs += now() - start;
    return this.snapshot(opts);
  }

  step(batches, options) {
    const opts = snapshotOptions(this.defaults, options, 'snapshot');
    atMost(whole(batches, 'step: batches'), LIMITS.batches, 'step: batches', 'send several step requests');
    const start = now();
    this.curveEvery = opts.curve;
    this.keeping = opts.keep ? { ...opts.keep } : null;
    for (let i = 0; i < batches && !this.diverged; i++) this.#stepBatch();
    this.curveEvery = 0;
    this.keeping = null;
    this.trainMs += now() - start;
    return this.snapshot(opts);
  }

  #endEpoch(loss) {
    this.epoch++;
    this.epochLosses.push(loss);
    if (!Number.isFinite(loss)) this.#diverge(`the loss became ${loss} in epoch ${this.epoch}`);
    if (this.curveEvery && this.epoch % this.curveEvery === 0) this.curveRows.push({ epoch: this.epoch, ...this.#metrics(this.model) });
    const keep = this.keeping;
    if (keep && this.epoch >= keep.next && !this.diverged) {
      this.keptRows.push({ epoch: this.epoch, parameters: this.model.parameters() });
      keep.next = this.epoch + keepInterval(this.epoch, keep.thinned);
    }
  }

  // Loss and accuracy over each set (evaluation mode: nothing of training changes).
  #metrics(model) {
    const train = model.evaluate(this.trainSet, this.loss);
    const test = this.testSet ? model.evaluate(this.testSet, this.loss) : { loss: null, accuracy: null };
    return { trainLoss: train.loss, testLoss: test.loss, trainAccuracy: train.accuracy, testAccuracy: test.accuracy };
  }

  // The curve rows kept since the last snapshot, in columns: {epochs, trainLoss, testLoss,
  // trainAccuracy, testAccuracy}, a column null when the metric is (no test set, regression).
  #curve() {
    const rows = this.curveRows;
    this.curveRows = [];
    const column = (key) => (rows.length && rows[0][key] === null ? null : Float64Array.from(rows, (r) => r[key]));
    return {
      epochs: Int32Array.from(rows, (r) => r.epoch),
      trainLoss: column('trainLoss'), testLoss: column('testLoss'), trainAccuracy: column('trainAccuracy'), testAccuracy: column('testAccuracy'),
    };
  }

  // One batch of the current epoch, in an order shuffled when the epoch begins (the engine's
  // trainEpoch shuffles its own way; both draw every sample once per epoch).
  #stepBatch() {
    const n = this.trainSet.size;
    if (this.cursor === 0) this.order = shuffled(n, (this.seed + this.epoch) ^ ORDER_SEED);
    const b = Math.min(this.batch, n - this.cursor);
    const { x, y } = this.trainArrays;
    const inW = x.length / n;
    const tw = y.length / n;
    const bx = new Float32Array(b * inW);
    const by = new Float32Array(b * tw);
    for (let r = 0; r < b; r++) {
      const s = this.order[this.cursor + r];
      bx.set(x.subarray(s * inW, (s + 1) * inW), r * inW);
      by.set(y.subarray(s * tw, (s + 1) * tw), r * tw);
    }
    const loss = this.model.trainStep(bx, by, b, this.loss, this.optimizer, { l1: this.l1 });
    this.steps++;
    this.cursor += b;
    this.partial += loss * b;
    this.batchLosses.push(loss);
    if (!Number.isFinite(loss)) {
      this.#diverge(`the loss became ${loss} in batch ${this.steps}`);
      return;
    }
    if (this.cursor >= n) {
      this.cursor = 0;
      this.#endEpoch(this.partial / n);
      this.partial = 0;
    }
  }

  // One training example's step with every number (Model.traceStep), for the backprop
  // stepper: a look-ahead that changes nothing, or with apply the step itself (an extra
  // optimiser step on this one example, counted in `step`; the epoch's order is untouched).
  trace(index, apply = false, options) {
    const n = this.trainSet.size;
    whole(index, 'trace: index', 0);
    if (index >= n) throw new LayerwiseError(`trace: index must be below ${n}, the number of training samples, got ${index}`);
    if (typeof apply !== 'boolean') throw new LayerwiseError(`trace: apply must be true or false, got ${describe(apply)}`);
    const opts = apply ? snapshotOptions(this.defaults, options, 'snapshot') : null;
    if (this.diverged) throw new LayerwiseError(`trace: ${this.message}`);
    const { x, y } = this.trainArrays;
    const inW = x.length / n;
    const tw = y.length / n;
    const { points } = this.points.train;
    const raw = points.length / n;
    const out = {
      type: 'trace',
      index,
      point: points.slice(index * raw, (index + 1) * raw),
      target: y.slice(index * tw, (index + 1) * tw),
      settings: this.settings(),
      ...this.model.traceStep(x.subarray(index * inW, (index + 1) * inW), y.subarray(index * tw, (index + 1) * tw),
        this.loss, this.optimizer, { l1: this.l1, apply }),
    };
    // For pictures (the images mode), each [C, H, W] layer summed up per channel too.
    const shapes = this.layerShapes();
    out.channels = shapes.flatMap((shape, layer) => (shape.length === 3 ? [{
      layer, shape, output: perChannel(out.layers[layer].output, shape), gradOutput: perChannel(out.layers[layer].gradOutput, shape),
    }] : []));
    if (apply) {
      this.steps++;
      this.batchLosses.push(out.loss + out.penalty);
      out.snapshot = this.snapshot(opts);
    }
    return out;
  }

  // Changes hyperparameters; every value is checked before anything changes.
  set(changes) {
    known(changes, ['v', 'id', 'type', 'lr', 'optimizer', 'loss', 'batch', 'l1'], 'set');
    const batch = changes.batch === undefined ? this.batch : whole(changes.batch, 'set: batch');
    const l1 = changes.l1 === undefined ? this.l1 : finite(changes.l1, 'set: l1', 0);
    const loss = changes.loss === undefined ? this.loss : this.#checkedLoss(changes.loss, 'set: loss');
    if (changes.lr !== undefined) finite(changes.lr, 'set: lr', 0);
    let name = this.optimizerName;
    let options = {};
    if (changes.optimizer !== undefined) {
      const opt = typeof changes.optimizer === 'string' ? { name: changes.optimizer }
        : object(changes.optimizer, 'set: optimizer', "{name: 'adam', options: {lr: 0.01}}");
      known(opt, ['name', 'options'], 'set: optimizer');
      if (opt.name !== undefined) name = optimizerName(opt.name, 'set: optimizer.name');
      if (opt.options !== undefined) options = { ...object(opt.options, 'set: optimizer.options', '{lr: 0.01}') };
    }
    if (changes.lr !== undefined) options.lr = changes.lr;
    if (name !== this.optimizerName) {
      const made = this.lw.optim[OPTIMIZERS[name]](this.model, { lr: this.optimizer.lr, ...options });
      this.#owned.splice(this.#owned.indexOf(this.optimizer), 1, made);
      this.optimizer.dispose();
      this.optimizer = made;
      this.optimizerName = name;
    } else if (Object.keys(options).length > 0) {
      this.optimizer.set(options);
    }
    this.batch = batch;
    this.l1 = l1;
    this.loss = loss;
    return this.settings();
  }

  settings() {
    return {
      loss: this.loss.name,
      optimizer: { name: this.optimizerName, options: this.optimizer.options },
      batch: this.batch,
      l1: this.l1,
    };
  }

  // Weights from a list like snapshot.parameters (names and sizes checked; all or nothing).
  setParameters(list, options) {
    const opts = snapshotOptions(this.defaults, options, 'snapshot');
    this.model.setParameters(list);
    return this.snapshot(opts);
  }

  reset(seed = this.seed, options) {
    const opts = snapshotOptions(this.defaults, options, 'snapshot');
    this.model.reset(seed);
    this.seed = seed;
    this.optimizer.reset();
    this.#clearCounters();
    return this.snapshot(opts);
  }

  snapshot(options) {
    const opts = snapshotOptions(this.defaults, options, 'snapshot');
    const start = now();
    const { model } = this;
    const out = {
      type: 'snapshot',
      epoch: this.epoch,
      step: this.steps,
      epochLosses: Float32Array.from(this.epochLosses),
      batchLosses: Float32Array.from(this.batchLosses),
      trainLoss: null,
      testLoss: null,
      trainAccuracy: null,
      testAccuracy: null,
      diverged: false,
      status: 'ready',
      message: null,
    };
    if (opts.metrics) {
      Object.assign(out, this.#metrics(model));
      if (!this.diverged && !Number.isFinite(out.trainLoss)) this.#diverge(`the loss became ${out.trainLoss} after epoch ${this.epoch}`);
    }
    if (opts.curve) out.curve = this.#curve();
    else this.curveRows = [];
    if (opts.keep) out.kept = this.keptRows;
    this.keptRows = [];
    const parameters = opts.parameters || opts.gradients || opts.stats ? model.parameters() : null;
    const bad = this.diverged ? null : parameters?.find((p) => !p.data.every(Number.isFinite));
    if (bad) this.#diverge(`a weight of ${bad.name} became ${bad.data.find((v) => !Number.isFinite(v))}`);
    if ((opts.gradients || opts.stats) && !this.diverged) this.#twinAt(parameters);
    if (opts.gradients) out.gradients = this.diverged ? model.gradients() : this.twin.gradients();
    if (opts.stats) out.stats = this.#stats(opts.stats);
    if (opts.parameters) out.parameters = parameters;
    this.#pictures(model, opts, out);
    if (opts.data) out.data = this.#data();
    if (opts.memory) out.memory = this.lw.memory();
    out.diverged = this.diverged;
    out.status = this.diverged ? 'diverged' : this.epoch > 0 || this.steps > 0 ? 'trained' : 'ready';
    out.message = this.message;
    out.settings = this.settings();
    out.timing = { trainMs: this.trainMs, snapshotMs: now() - start };
    this.epochLosses = [];
    this.batchLosses = [];
    this.trainMs = 0;
    return out;
  }

  // The twin at these weights, after one full-batch step at lr 0: its gradients and statistics
  // are those of the whole training set.
  #twinAt(parameters) {
    const { x, y } = this.trainArrays;
    this.twin.setParameters(parameters);
    this.twin.trainStep(x, y, this.trainSet.size, this.loss, this.twinOptimizer, { l1: this.l1 });
  }

  // The decision-boundary grid and every neuron's picture of it, from `model` as it is now.
  #pictures(model, opts, out) {
    if (!(opts.grid || opts.neurons) || !this.grid) return;
    const { size, extent, x } = this.grid;
    const cells = size * size;
    const data = model.forward(x, cells);
    if (opts.grid) out.grid = { size, extent: [...extent], outputs: data.length / cells, data };
    if (opts.neurons) {
      const types = model.spec.layers.map((l) => l.type);
      out.neurons = model.layerOutputs().map((a, layer) => {
        const width = a.length / cells;
        return { layer, type: types[layer], width, data: neuronMajor(a, cells, width) };
      });
    }
  }

  // What a snapshot shows of the network, for other weights (a timeline's kept ones): metrics,
  // grid, neurons, gradients, statistics, worked out on a model of their own; the session's
  // model, counters and random streams are not touched.
  view(parameters, options) {
    const opts = snapshotOptions(this.defaults, options, 'snapshot');
    const viewer = (this.viewer ??= this.#own(this.lw.Model.fromSpec(this.model.spec)));
    viewer.setParameters(parameters);
    const out = { type: 'view', trainLoss: null, testLoss: null, trainAccuracy: null, testAccuracy: null };
    if (opts.metrics) {
      ({ loss: out.trainLoss, accuracy: out.trainAccuracy } = viewer.evaluate(this.trainSet, this.loss));
      if (this.testSet) ({ loss: out.testLoss, accuracy: out.testAccuracy } = viewer.evaluate(this.testSet, this.loss));
    }
    const finite = parameters.every((p) => Array.prototype.every.call(p.data, Number.isFinite));
    if ((opts.gradients || opts.stats) && finite) this.#twinAt(parameters);
    if (opts.gradients) out.gradients = finite ? this.twin.gradients() : null;
    if (opts.stats) out.stats = finite ? this.#stats(opts.stats, true) : null;
    if (opts.parameters) out.parameters = viewer.parameters();
    this.#pictures(viewer, opts, out);
    return out;
  }

  // The model's outputs on raw samples (eval mode), mapped and standardised like the data;
  // with layers, also every layer's outputs on them ({layer, type, shape, data}, sample-major).
  predict(x, batch, layers = false) {
    if (typeof layers !== 'boolean') throw new LayerwiseError(`predict: layers must be true or false, got ${describe(layers)}`);
    const outputs = this.#forward(x, batch);
    if (!layers) return { outputs };
    const types = this.model.spec.layers.map((l) => l.type);
    const shapes = this.layerShapes();
    return { outputs, layers: this.model.layerOutputs().map((data, layer) => ({ layer, type: types[layer], shape: shapes[layer], data })) };
  }

  // The shape of one sample's output of each layer, worked out once from the input shape and
  // the spec (linear: [out]; flatten: the product; conv and pool: [C, H, W] by PyTorch's rule).
  layerShapes() {
    this.shapes ??= layerShapes(this.model.inputShape, this.model.spec.layers);
    return this.shapes;
  }

  #forward(x, batch) {
    whole(batch, 'predict: batch');
    if (x === null || typeof x !== 'object' || typeof x.length !== 'number') {
      throw new LayerwiseError(`predict: x must be a Float32Array (or array) of batch × ${this.perSample} values, got ${describe(x)}`);
    }
    if (x.length !== batch * this.perSample) {
      throw new LayerwiseError(`predict: x has ${x.length} values, but a batch of ${batch} samples of ${this.perSample} values needs ${batch * this.perSample}`);
    }
    if (!this.features && !this.standardization) return this.model.forward(x, batch);
    let set = this.lw.data.fromArrays(x, new Float32Array(batch), { features: this.perSample });
    try {
      if (this.features) {
        const mapped = set.featureMap(this.features);
        set.dispose();
        set = mapped;
      }
      if (this.standardization) set.standardize(this.standardization);
      return this.model.forward(set.toArrays().x, batch);
    } finally {
      set.dispose();
    }
  }

  // The twin's stats, or null when a value is not finite (the engine's JSON cannot carry NaN).
  #stats(bins, other = false) {
    if (this.diverged && !other) return null;
    try {
      return this.twin.stats(bins);
    } catch (err) {
      if (err instanceof SyntaxError) return null;
      throw err;
    }
  }

  #data() {
    const copy = (set) => set && { points: set.points.slice(), y: set.y.slice() };
    const st = this.standardization;
    return {
      features: this.features ? [...this.features] : this.width,
      classes: this.trainSet.classes,
      train: copy(this.points.train),
      test: copy(this.points.test),
      standardization: st && { mean: st.mean.slice(), std: st.std.slice() },
    };
  }

  dispose() {
    for (const handle of this.#owned.reverse()) handle.dispose();
    this.#owned = [];
  }
}

/**
 * The output shape of one sample after each layer of a spec (docs/model-spec.md), from the
 * input shape; for a spec the engine accepts (it checks them, this does not). The images
 * page's code generator writes its PyTorch layers' sizes with it.
 */
export function layerShapes(input, layers) {
  let shape = [...input];
  return layers.map((l) => (shape = outputShape(l, shape)));
}

// One layer's output shape for one sample, from its input shape.
function outputShape(layer, shape) {
  const pair = (v, fallback) => (v === undefined ? [fallback, fallback] : Array.isArray(v) ? v : [v, v]);
  switch (layer.type) {
    case 'linear': return [layer.out];
    case 'flatten': return [shape.reduce((a, b) => a * b, 1)];
    case 'conv2d':
    case 'maxpool2d':
    case 'avgpool2d': {
      const [, h, w] = shape;
      const [kh, kw] = pair(layer.kernel);
      const [sh, sw] = layer.type === 'conv2d' ? pair(layer.stride, 1) : pair(layer.stride ?? layer.kernel);
      const [ph, pw] = pair(layer.padding, 0);
      const out = (n, k, s, p) => Math.floor((n + 2 * p - k) / s) + 1;
      return [layer.type === 'conv2d' ? layer.out : shape[0], out(h, kh, sh, ph), out(w, kw, sw, pw)];
    }
    default: return shape;
  }
}

// One sample's [C, H, W] values (channel-major) summed up per channel: {mean, rms, min, max}.
function perChannel(data, [channels, h, w]) {
  const n = h * w;
  return Array.from({ length: channels }, (_, c) => {
    let sum = 0;
    let squares = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let k = c * n; k < (c + 1) * n; k++) {
      const v = data[k];
      sum += v;
      squares += v * v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return { mean: sum / n, rms: Math.sqrt(squares / n), min, max };
  });
}

// [cells × width] row-major -> [width × cells]: each neuron's image contiguous.
function neuronMajor(a, cells, width) {
  if (width === 1) return a;
  const out = new Float32Array(a.length);
  for (let k = 0; k < cells; k++) {
    for (let j = 0; j < width; j++) out[j * cells + k] = a[k * width + j];
  }
  return out;
}
