// A training run: one network in the training worker (engine/trainer.mjs) and what the page
// knows of it, with no DOM, so that <layerwise-playground>, <layerwise-sketch> and any later
// element share one lifecycle and keep only their wiring and their drawing
// (docs/architecture.md: UI state → spec → worker → engine → snapshot → views).
//
//   const run = new TrainingRun();
//   run.addEventListener('epoch', (e) => show(e.detail)); // {epoch, trainLoss, testLoss, ...}
//   await run.enqueue(async () => run.receive(await run.build(config)));
//   await run.enqueue(() => run.trainFor(12, { maxEpochs: 1, snapshot: { grid: true } }));
//
// What it owns:
// - The trainer, started on first use (createTrainer, or the factory given). attach() and
//   detach() follow an element's connection; a move in the document detaches and attaches at
//   once, so the trainer is disposed only once the run has stayed detached for disposeDelay ms,
//   and a trainer that finishes starting after that is disposed as it arrives.
// - The order of requests: enqueue(job) runs jobs one after another, each seeing the one
//   before it done, whether that one succeeded or not.
// - The generation, a number naming the worker's network: build(), invalidate() and a disposal
//   bump it. Every request notes it when sent; a reply that comes back under another one
//   belongs to an older network and is dropped (the request resolves to null).
// - The snapshot: each reply merged into the last. Heavy parts (grid, neurons, parameters,
//   gradients, stats) missing from a light reply are kept from earlier ones, and so are the
//   metrics of a reply taken without them; `latest` names the heavy parts the last reply
//   carried, `fresh` those nobody has drawn yet (whoever draws them deletes them).
// - The history of the metrics, in columns as the curves view takes them: one row per epoch
//   reached (a later reply at the same epoch replaces its row; a reply with a `curve` gives a
//   row for each epoch in it), thinned two to one past
//   historyMax rows so that a long run keeps its shape, first and last rows included, in
//   bounded memory.
// - Events: 'snapshot' (detail {snapshot, epochs}: the reply as it came and the epochs it
//   advanced), then 'diverged' (detail {message}; once per network), then 'epoch' (detail
//   {epoch, trainLoss, testLoss, trainAccuracy, testAccuracy}, after a reply that completed an
//   epoch), and 'disposed' when a detach let the trainer go.
// The requests and the snapshot's fields are those of wasm/trainer.d.ts (docs/worker-protocol.md).
import { createTrainer } from '../engine/trainer.mjs';

/** Rows of history kept before the older ones are thinned out two to one. */
const HISTORY_MAX = 1500;

const HEAVY = ['grid', 'neurons', 'parameters', 'gradients', 'stats'];
const METRICS = ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy'];

export class TrainingRun extends EventTarget {
  #createTrainer;
  #timers;
  #disposeDelay;
  #historyMax;
  #trainer = null;
  #starting = null;
  #attached = true;
  #disposeTimer = null; // set while detached and the trainer not disposed yet
  #queue = Promise.resolve();
  #generation = 0;
  #snap = null;
  #data = null;
  #workerEpoch = 0;
  #epochOffset = 0;
  #stepOffset = 0;
  #history = emptyHistory();
  #diverged = false;
  #fresh = new Set();
  #latest = new Set();

  /**
   * options.createTrainer: () => Promise<Trainer> (default: engine/trainer.mjs's);
   * options.timers: {setTimeout, clearTimeout} for the dispose delay (default: the global ones);
   * options.disposeDelay: ms a detached run keeps its trainer (default 0: to the next task);
   * options.historyMax: rows of history before thinning (default HISTORY_MAX).
   */
  constructor({ createTrainer: factory = createTrainer, timers = globalThis, disposeDelay = 0, historyMax = HISTORY_MAX } = {}) {
    super();
    this.#createTrainer = factory;
    this.#timers = timers;
    this.#disposeDelay = disposeDelay;
    this.#historyMax = historyMax;
  }

  // ---- the trainer ----

  /** The trainer, started on the first call; every call until a disposal gets the same one. */
  start() {
    if (!this.#starting) {
      const starting = this.#createTrainer().then((trainer) => {
        if (this.#starting === starting && (this.#attached || this.#disposeTimer !== null)) {
          this.#trainer = trainer;
        } else {
          trainer.dispose(); // the run let it go while it was starting
          if (this.#starting === starting) this.#starting = null;
        }
        return trainer;
      });
      this.#starting = starting;
    }
    return this.#starting;
  }

  /** The started trainer, or null (not started yet, or disposed). */
  get trainer() {
    return this.#trainer;
  }

  /** The run is in use again: a disposal that was due is called off. */
  attach() {
    this.#attached = true;
    this.#timers.clearTimeout(this.#disposeTimer);
    this.#disposeTimer = null;
  }

  /** The run is out of use: its trainer is disposed unless attach() comes within disposeDelay. */
  detach() {
    this.#attached = false;
    this.#timers.clearTimeout(this.#disposeTimer);
    this.#disposeTimer = this.#timers.setTimeout(() => this.#dispose(), this.#disposeDelay);
  }

  #dispose() {
    this.#disposeTimer = null;
    if (this.#attached || !this.#starting) return;
    this.#trainer?.dispose();
    this.#trainer = null;
    this.#starting = null; // a trainer still starting is disposed when it arrives
    this.#generation++;
    this.dispatchEvent(new Event('disposed'));
  }

  // ---- requests ----

  /** Runs job() after every job enqueued before it has settled; resolves or rejects as job does. */
  enqueue(job) {
    const run = this.#queue.then(job);
    this.#queue = run.catch(() => {});
    return run;
  }

  /** Bumped by every new network (and a disposal); a reply under an older one is dropped. */
  get generation() {
    return this.#generation;
  }

  /** The network in the worker is about to change: replies still on their way are dropped. */
  invalidate() {
    this.#generation++;
  }

  /**
   * Replaces the worker's network (trainer.init(config)) and starts the run over: epochs,
   * snapshot, history and divergence cleared, a new generation. Resolves with the epoch-0
   * snapshot, which the caller hands to receive() once it has noted what it built. When init
   * fails, it rejects and nothing changes: the worker keeps its network, the run its state.
   */
  async build(config) {
    const trainer = await this.start();
    const snapshot = await trainer.init(config);
    this.#generation++;
    this.#snap = null;
    this.#data = snapshot.data ?? null;
    this.#workerEpoch = 0;
    this.#epochOffset = 0;
    this.#stepOffset = 0;
    this.#history = emptyHistory();
    this.#diverged = false;
    return snapshot;
  }

  /**
   * Continues a run trained elsewhere (an imported file's): epochs count on from `epoch`, steps
   * from `step`, and the history starts with its rows ({epoch, trainLoss, testLoss,
   * trainAccuracy, testAccuracy}).
   */
  resume({ epoch = 0, step = 0, history = [] } = {}) {
    this.#epochOffset = epoch;
    this.#stepOffset = step;
    this.#history = emptyHistory();
    for (const row of history) pushHistory(this.#history, row, this.#historyMax);
  }

  // The trainer's requests (wasm/trainer.d.ts). Each resolves with the reply, already taken in
  // when it is a snapshot, or with null when the network changed while it was on its way.
  trainFor(ms, options) {
    return this.#request('trainFor', ms, options);
  }

  train(epochs, options) {
    return this.#request('train', epochs, options);
  }

  step(batches, options) {
    return this.#request('step', batches, options);
  }

  snapshot(options) {
    return this.#request('snapshot', options);
  }

  setParameters(parameters, options) {
    return this.#request('setParameters', parameters, options);
  }

  set(changes) {
    return this.#request('set', changes);
  }

  predict(x, batch, options) {
    return this.#request('predict', x, batch, options);
  }

  /** What a snapshot would show with other weights (a timeline's); nothing changes. */
  view(parameters, options) {
    return this.#request('view', parameters, options);
  }

  /** A training example's step with every number; with {apply: true} the step is made. */
  trace(index, options) {
    return this.#request('trace', index, options);
  }

  async #request(method, ...args) {
    const generation = this.#generation;
    const trainer = await this.start();
    const reply = await trainer[method](...args);
    if (generation !== this.#generation) return null;
    if (reply.type === 'snapshot') this.receive(reply);
    if (reply.type === 'trace' && reply.snapshot) this.receive(reply.snapshot);
    return reply;
  }

  // ---- what the run knows ----

  /**
   * Takes in a snapshot of the current network: counters, the merge, the history, then the
   * events ('snapshot', 'diverged' the first time, 'epoch' when an epoch was completed).
   */
  receive(snapshot) {
    const epochs = snapshot.epoch - this.#workerEpoch;
    this.#workerEpoch = snapshot.epoch;
    if (snapshot.data) this.#data = snapshot.data;
    const before = this.#snap;
    const merged = { ...before, ...snapshot };
    const measured = snapshot.trainLoss !== null;
    if (!measured && before) for (const key of METRICS) merged[key] = before[key];
    this.#latest.clear();
    for (const part of HEAVY) {
      if (snapshot[part] === undefined) {
        if (before?.[part] !== undefined) merged[part] = before[part];
      } else {
        this.#fresh.add(part);
        this.#latest.add(part);
      }
    }
    this.#snap = merged;
    if (snapshot.curve) this.#takeCurve(snapshot.curve);
    if (measured) pushHistory(this.#history, this.detail, this.#historyMax);
    const diverged = snapshot.diverged && !this.#diverged;
    if (diverged) this.#diverged = true;

    this.dispatchEvent(new CustomEvent('snapshot', { detail: { snapshot, epochs } }));
    if (diverged) this.dispatchEvent(new CustomEvent('diverged', { detail: { message: snapshot.message } }));
    if (epochs > 0) this.dispatchEvent(new CustomEvent('epoch', { detail: this.detail }));
  }

  // A reply's curve (the metrics after each epoch it trained, the option `curve`): one history
  // row each, so a reply of many epochs leaves a point for every one.
  #takeCurve(curve) {
    const at = (column, i) => (column ? column[i] : null);
    curve.epochs.forEach((epoch, i) => pushHistory(this.#history, {
      epoch: this.#epochOffset + epoch,
      trainLoss: at(curve.trainLoss, i), testLoss: at(curve.testLoss, i),
      trainAccuracy: at(curve.trainAccuracy, i), testAccuracy: at(curve.testAccuracy, i),
    }, this.#historyMax));
  }

  /** The latest snapshot, with the heavy parts and metrics of earlier ones kept; null before any. */
  get snap() {
    return this.#snap;
  }

  /** The samples as the network's init reply gave them (snapshot.data), or null. */
  get data() {
    return this.#data;
  }

  /** Epochs of this run: those trained elsewhere (resume) and the worker's since build. */
  get epoch() {
    return this.#epochOffset + this.#workerEpoch;
  }

  /** Batches (optimiser steps) of this run: those trained elsewhere (resume) and the worker's since build. */
  get steps() {
    return this.#stepOffset + (this.#snap?.step ?? 0);
  }

  /** Epochs the worker's network has trained since build (the snapshots' epoch). */
  get workerEpoch() {
    return this.#workerEpoch;
  }

  /** A loss became NaN or ±Infinity: the worker trains this network no more. */
  get diverged() {
    return this.#diverged;
  }

  /** Heavy parts of `snap` nobody has drawn yet; a renderer deletes (or clears) what it draws. */
  get fresh() {
    return this.#fresh;
  }

  /** Heavy parts the latest snapshot carried (the others in `snap` are from earlier ones). */
  get latest() {
    return this.#latest;
  }

  /** The `epoch` event's detail for the run as it is now. */
  get detail() {
    const s = this.#snap ?? {};
    const value = (v) => (v === undefined ? null : v);
    return {
      epoch: this.epoch,
      trainLoss: value(s.trainLoss),
      testLoss: value(s.testLoss),
      trainAccuracy: value(s.trainAccuracy),
      testAccuracy: value(s.testAccuracy),
    };
  }

  /** The history in columns: {epochs, trainLoss, testLoss, trainAccuracy, testAccuracy}. */
  get history() {
    return this.#history;
  }

  /** The history as rows, copies: [{epoch, trainLoss, testLoss, trainAccuracy, testAccuracy}]. */
  get rows() {
    const h = this.#history;
    return h.epochs.map((epoch, i) => ({
      epoch, trainLoss: h.trainLoss[i], testLoss: h.testLoss[i], trainAccuracy: h.trainAccuracy[i], testAccuracy: h.testAccuracy[i],
    }));
  }
}

function emptyHistory() {
  return { epochs: [], trainLoss: [], testLoss: [], trainAccuracy: [], testAccuracy: [] };
}

// One row per epoch (the last one replaced while the epoch stays); past max rows, every other
// one goes, the first and the last staying.
function pushHistory(h, row, max) {
  if (h.epochs.at(-1) === row.epoch) for (const column of Object.values(h)) column.pop();
  h.epochs.push(row.epoch);
  h.trainLoss.push(row.trainLoss);
  h.testLoss.push(row.testLoss);
  h.trainAccuracy.push(row.trainAccuracy);
  h.testAccuracy.push(row.testAccuracy);
  if (h.epochs.length > max) {
    const n = h.epochs.length;
    for (const [key, column] of Object.entries(h)) h[key] = column.filter((_, i) => i % 2 === 0 || i === n - 1);
  }
}
