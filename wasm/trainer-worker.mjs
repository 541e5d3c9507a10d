// Layerwise training service: a worker that owns one model, its data and its optimiser, trains
// on request and posts back snapshots, so the page that drives it never blocks on training.
// It runs as a module Web Worker (`new Worker(url, {type: 'module'})`) and as a Node
// worker_threads Worker; wasm/trainer.mjs is the promise-based client, wasm/trainer.d.ts
// has the types of everything below.
//
// Protocol, version 1. Requests are handled one at a time, in the order they arrive; a long
// `train` delays the requests behind it, so a play loop trains in short slices (trainFor(30))
// and a `set` sent meanwhile takes effect at the next slice.
//
//   request  {v?: 1, id, type, ...}     reply  {v: 1, id, type, ...}   (id echoed as sent)
//
//   load      {wasmModule?, wasmUrl?}     -> ready {protocol: 1, names: {datasets, features,
//             loads the engine (once; every      losses, optimizers}}
//             other request loads it too)
//   init      {...config, wasmModule?}    -> snapshot (with data) of epoch 0
//             config: {spec, data, loss, optimizer, batch = 10, l1 = 0, grid, snapshot}
//               data: {dataset, n = 200, noise = 0, seed = 42, ...}   generated points, or
//                     {x, y, classes = 0, testX?, testY?, ...}       your own arrays
//                     both: trainRatio = 0.5 (ignored with testX), features = ['x1', 'x2']
//                     (names: a feature map of 2-D points) or a number (values per sample, no
//                     map, no grid), standardize = false (fit on the training set)
//               loss: 'mse' | 'bce' | 'bce_with_logits' | 'cross_entropy'
//               optimizer: {name: 'sgd' | 'adam' | 'adamw' | 'rmsprop', options: {lr, ...}},
//                     or just the name; default 'sgd' with the engine's defaults
//               grid: {size = 48, extent = 6} (cell centres over [-6, 6]², row 0 at the top;
//                     extent may be [lo, hi]), or null for none; points go through the same
//                     feature map and standardisation as the data
//               snapshot: default snapshot options (below) of every later reply
//             All or nothing: a failed init leaves the previous model in place.
//   train     {epochs = 1, snapshot?}     -> snapshot after that many epochs
//   trainFor  {ms, maxEpochs?, snapshot?} -> snapshot after whole epochs until ms have passed
//                                            (at least one, unless maxEpochs is 0)
//   step      {batches = 1, snapshot?}    -> snapshot after that many batches (train and
//                                            trainFor finish an epoch begun by step first)
//   set       {lr?, optimizer?, loss?,    -> settings {settings}; the weights stay. A new
//              batch?, l1?}                  optimizer name makes a new optimizer (it keeps
//                                            the lr unless options.lr is given); all or nothing
//   reset     {seed?, snapshot?}          -> snapshot: weights initialised again (default:
//                                            the spec's seed), optimiser state and counters
//                                            cleared, the divergence flag too
//   setParameters {parameters, snapshot?} -> snapshot: weights from a list like
//                                            snapshot.parameters ([{name, data}]; names and
//                                            sizes checked, all or nothing); the rest stays
//   snapshot  {snapshot?}                 -> snapshot
//   predict   {x, batch}                  -> prediction {outputs: Float32Array of batch ×
//                                            outputs}: the current model in eval mode (dropout
//                                            off) on x, samples as init's data takes them (the
//                                            same feature map and standardisation); no training
//                                            state changes
//   dispose   {}                          -> disposed; frees the model (init works again)
//   any failure                           -> error {name, message}; nothing changed, and the
//                                            worker stays usable
//
// Snapshot options (each true or false; stats may be a bin count): metrics = true,
// grid = true, neurons = true, parameters = true, gradients = true, stats = 20, data = false
// (init: true). A snapshot:
//   epoch, step               whole epochs and batches trained since init or reset
//   epochLosses, batchLosses  Float32Array: training loss of each epoch (batch) completed
//                             since the last snapshot (training mode, L1 term included)
//   trainLoss, testLoss, trainAccuracy, testAccuracy   evaluation over each set (accuracy
//                             null for regression; test* null without a test set)
//   diverged, status          diverged: a loss or weight became NaN or ±Infinity, so training stopped
//                             (requests to train do nothing until reset or init); status:
//                             'ready' | 'trained' | 'diverged'; message: text for the UI or null
//   grid                      {size, extent: [lo, hi], outputs, data: Float32Array of
//                             size·size·outputs, cell (r, c) output k at (r·size + c)·outputs + k}
//   neurons                   one per layer: {layer, type, width, data: Float32Array of
//                             width·size·size}, neuron j's image at data.subarray(j·size², (j+1)·size²)
//   parameters, gradients     model.parameters() / gradients(): [{name, shape, data}]
//   stats                     model.stats(bins), or null when a value is not finite
//   data                      {features, classes, train: {points, y}, test: … | null,
//                             standardization: {mean, std} | null}: points as given (before the
//                             feature map), for drawing
//   settings                  {loss, optimizer: {name, options}, batch, l1}
//   timing                    {trainMs, snapshotMs}
// Gradients and stats describe one forward and backward pass (training mode: dropout on) over
// the whole training set at the current weights, run on a copy of the model, so snapshots
// never change what training does.
// Every typed array is a fresh copy, posted as a transferable.
import { loadLayerwise, LayerwiseError } from './layerwise.mjs';

const PROTOCOL = 1;
const OPTIMIZERS = { sgd: 'SGD', adam: 'Adam', adamw: 'AdamW', rmsprop: 'RMSprop' };
const SNAPSHOT_DEFAULTS = {
  metrics: true, grid: true, neurons: true, parameters: true, gradients: true, stats: 20, data: false,
};
const MAX_GRID = 256;

// ---- transport: the same worker in a browser and in Node ----

const inBrowser = typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope;
const port = inBrowser ? browserPort() : await nodePort();

function browserPort() {
  return {
    listen: (receive) => (self.onmessage = (event) => receive(event.data)),
    post: (message, transfer) => self.postMessage(message, transfer),
  };
}

async function nodePort() {
  const { parentPort } = await import('node:worker_threads');
  if (!parentPort) throw new Error('trainer-worker.mjs runs as a worker: new Worker(url) in Node, or a module Web Worker');
  return {
    listen: (receive) => parentPort.on('message', receive),
    post: (message, transfer) => parentPort.postMessage(message, transfer),
  };
}

let lw = null; // the engine, once loaded
let session = null; // the current Session
let queue = Promise.resolve();

port.listen((request) => {
  queue = queue.then(() => answer(request));
});

// Never rejects, so the queue keeps going whatever a request did.
async function answer(request) {
  const id = request?.id ?? null;
  try {
    const message = { v: PROTOCOL, id, ...(await handle(request)) };
    port.post(message, [...buffersIn(message)]);
  } catch (err) {
    port.post({ v: PROTOCOL, id, type: 'error', name: err?.name ?? 'Error', message: String(err?.message ?? err) }, []);
  }
}

// Every ArrayBuffer under value (plain objects and arrays), once each: the transfer list.
function buffersIn(value, found = new Set()) {
  if (ArrayBuffer.isView(value)) found.add(value.buffer);
  else if (Array.isArray(value)) for (const v of value) buffersIn(v, found);
  else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const v of Object.values(value)) buffersIn(v, found);
  }
  return found;
}

// ---- requests ----

const handlers = {
  async load(request) {
    await engine(request);
    return {
      type: 'ready',
      protocol: PROTOCOL,
      names: {
        datasets: [...lw.data.names],
        features: [...lw.data.features],
        losses: [...lw.loss.names],
        optimizers: Object.keys(OPTIMIZERS),
      },
    };
  },
  async init(request) {
    await engine(request);
    const next = new Session(lw, request);
    let snapshot;
    try {
      snapshot = next.snapshot({ data: true, ...request.snapshot });
    } catch (err) {
      next.dispose();
      throw err;
    }
    session?.dispose();
    session = next;
    return snapshot;
  },
  train: (request) => current().train({ epochs: request.epochs ?? 1 }, request.snapshot),
  trainFor: (request) => current().train({ ms: number(request.ms, 'trainFor: ms', 0), maxEpochs: request.maxEpochs }, request.snapshot),
  step: (request) => current().step(request.batches ?? 1, request.snapshot),
  set: (request) => ({ type: 'settings', settings: current().set(request) }),
  reset: (request) => current().reset(request.seed, request.snapshot),
  setParameters: (request) => current().setParameters(request.parameters, request.snapshot),
  snapshot: (request) => current().snapshot(request.snapshot),
  predict: (request) => ({ type: 'prediction', outputs: current().predict(request.x, request.batch) }),
  dispose() {
    session?.dispose();
    session = null;
    return { type: 'disposed' };
  },
};

function handle(request) {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    throw new LayerwiseError(`trainer: a request must be an object such as {id: 1, type: 'train'}, got ${describe(request)}`);
  }
  if (request.v !== undefined && request.v !== PROTOCOL) {
    throw new LayerwiseError(`trainer: this worker speaks protocol version ${PROTOCOL}, but the request is version ${describe(request.v)}`);
  }
  if (!Object.hasOwn(handlers, request.type)) {
    throw new LayerwiseError(`trainer: unknown request type ${describe(request.type)}; ` +
      `the types are ${Object.keys(handlers).join(', ')}`);
  }
  return handlers[request.type](request);
}

async function engine({ wasmModule, wasmUrl }) {
  lw ??= await loadLayerwise({ wasmModule, wasmUrl });
}

function current() {
  if (!session) throw new LayerwiseError('trainer: there is no model yet; send init first');
  return session;
}

// ---- checks (messages in the style of layerwise.mjs) ----

function describe(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : `a ${value.constructor?.name ?? 'object'}`;
  return String(value);
}

function whole(value, what, min = 1) {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new LayerwiseError(`${what} must be a whole number ≥ ${min}, got ${describe(value)}`);
  }
  return value;
}

function number(value, what, min = -Infinity) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new LayerwiseError(`${what} must be a finite number${min > -Infinity ? ` ≥ ${min}` : ''}, got ${describe(value)}`);
  }
  return value;
}

function object(value, what, example) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new LayerwiseError(`${what} must be an object such as ${example}, got ${describe(value)}`);
  }
  return value;
}

function known(value, allowed, what) {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new LayerwiseError(`${what} has no option "${key}"; the options are ${allowed.join(', ')}`);
    }
  }
}

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
    else if (typeof value === 'boolean') out[key] = key === 'stats' && value ? defaults.stats || 20 : value;
    else throw new LayerwiseError(`${what}.${key} must be true or false${key === 'stats' ? ' or a bin count' : ''}, got ${describe(value)}`);
  }
  return out;
}

const now = () => performance.now();

// ---- a session: model, data, loss, optimiser, grid and training counters ----

class Session {
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
      'batch', 'l1', 'grid', 'snapshot'], 'init');
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
    this.l1 = number(config.l1 ?? 0, 'init: l1', 0);
    const opt = config.optimizer ?? 'sgd';
    const { name, options } = typeof opt === 'string' ? { name: opt } : object(opt, 'init: optimizer', "{name: 'adam', options: {lr: 0.01}}");
    this.optimizerName = optimizerName(name, 'init: optimizer.name');
    this.optimizer = this.#own(lw.optim[OPTIMIZERS[this.optimizerName]](this.model, options));
    // Gradients and statistics come from a twin, so a snapshot never touches the trained
    // model's gradients or random stream (dropout masks), and training goes the same with or
    // without snapshots.
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
      const ratio = number(data.trainRatio ?? 0.5, 'init: data.trainRatio');
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
    number(lo, 'init: grid.extent low');
    number(hi, 'init: grid.extent high');
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
    if (epochs !== Infinity) whole(epochs, 'train: epochs', 0);
    if (maxEpochs !== Infinity) whole(maxEpochs, 'trainFor: maxEpochs', 0);
    const limit = Math.min(epochs, maxEpochs);
    const start = now();
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
    this.trainMs += now() - start;
    return this.snapshot(opts);
  }

  step(batches, options) {
    const opts = snapshotOptions(this.defaults, options, 'snapshot');
    whole(batches, 'step: batches');
    const start = now();
    for (let i = 0; i < batches && !this.diverged; i++) this.#stepBatch();
    this.trainMs += now() - start;
    return this.snapshot(opts);
  }

  #endEpoch(loss) {
    this.epoch++;
    this.epochLosses.push(loss);
    if (!Number.isFinite(loss)) this.#diverge(`the loss became ${loss} in epoch ${this.epoch}`);
  }

  // One batch of the current epoch, in an order shuffled when the epoch begins (the engine's
  // trainEpoch shuffles its own way; both draw every sample once per epoch).
  #stepBatch() {
    const n = this.trainSet.size;
    if (this.cursor === 0) this.order = shuffled(n, this.seed + this.epoch);
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

  // Changes hyperparameters; every value is checked before anything changes.
  set(changes) {
    known(changes, ['v', 'id', 'type', 'lr', 'optimizer', 'loss', 'batch', 'l1'], 'set');
    const batch = changes.batch === undefined ? this.batch : whole(changes.batch, 'set: batch');
    const l1 = changes.l1 === undefined ? this.l1 : number(changes.l1, 'set: l1', 0);
    const loss = changes.loss === undefined ? this.loss : this.#checkedLoss(changes.loss, 'set: loss');
    if (changes.lr !== undefined) number(changes.lr, 'set: lr', 0);
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
      ({ loss: out.trainLoss, accuracy: out.trainAccuracy } = model.evaluate(this.trainSet, this.loss));
      if (this.testSet) ({ loss: out.testLoss, accuracy: out.testAccuracy } = model.evaluate(this.testSet, this.loss));
      if (!this.diverged && !Number.isFinite(out.trainLoss)) this.#diverge(`the loss became ${out.trainLoss} after epoch ${this.epoch}`);
    }
    const parameters = opts.parameters || opts.gradients || opts.stats ? model.parameters() : null;
    const bad = this.diverged ? null : parameters?.find((p) => !p.data.every(Number.isFinite));
    if (bad) this.#diverge(`a weight of ${bad.name} became ${bad.data.find((v) => !Number.isFinite(v))}`);
    if ((opts.gradients || opts.stats) && !this.diverged) {
      const { x, y } = this.trainArrays;
      this.twin.setParameters(parameters);
      this.twin.trainStep(x, y, this.trainSet.size, this.loss, this.twinOptimizer, { l1: this.l1 });
    }
    if (opts.gradients) out.gradients = this.diverged ? model.gradients() : this.twin.gradients();
    if (opts.stats) out.stats = this.#stats(opts.stats);
    if (opts.parameters) out.parameters = parameters;
    if ((opts.grid || opts.neurons) && this.grid) {
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
    if (opts.data) out.data = this.#data();
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

  // The model's outputs on raw samples (eval mode), mapped and standardised like the data.
  predict(x, batch) {
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
  #stats(bins) {
    if (this.diverged) return null;
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

// [cells × width] row-major -> [width × cells]: each neuron's image contiguous.
function neuronMajor(a, cells, width) {
  if (width === 1) return a;
  const out = new Float32Array(a.length);
  for (let k = 0; k < cells; k++) {
    for (let j = 0; j < width; j++) out[j * cells + k] = a[k * width + j];
  }
  return out;
}

// 0 .. n−1 in a seeded order (Fisher–Yates over mulberry32).
function shuffled(n, seed) {
  let s = (seed >>> 0) ^ 0x9e3779b9;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
