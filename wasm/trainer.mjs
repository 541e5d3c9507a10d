// The training service's client: one promise per request to wasm/trainer-worker.mjs, which
// trains in a worker so the page never blocks on training. The protocol and these methods are
// documented in wasm/trainer.d.ts; docs/worker-protocol.md explains them.
//
//   import { createTrainer } from './engine/trainer.mjs';
//   const trainer = await createTrainer();
//   let snap = await trainer.init({ spec, data: { dataset: 'xor', noise: 0.1 }, loss: 'bce',
//                                   optimizer: { name: 'adam', options: { lr: 0.03 } } });
//   snap = await trainer.trainFor(30, { snapshot: { neurons: false } }); // one play-loop slice
//   const { outputs } = await trainer.predict(points, 2);                  // eval mode
//   trainer.set({ lr: 0.01 });                                            // at the next slice
//   trainer.dispose();
//
// Requests run in the worker one at a time, in the order sent; each call resolves with its
// reply (a snapshot, settings, ...) or rejects with a LayerwiseError naming the problem.
// In a browser the worker is a module Web Worker; in Node, a worker_threads Worker that keeps
// the process alive only while a request is pending.
import { LayerwiseError, object, options } from './checks.mjs';

export const PROTOCOL = 1;

/**
 * Starts a worker and loads the engine in it; resolves to a Trainer once the engine is ready.
 * options.workerUrl: where trainer-worker.mjs is (default: next to this module);
 * options.wasmModule: a compiled WebAssembly.Module of the engine (saves compiling it again);
 * options.wasmUrl: where layerwise.wasm is, as an absolute URL (default: next to layerwise.mjs).
 */
export async function createTrainer({ workerUrl, wasmModule, wasmUrl } = {}) {
  const carried = workerUrl === undefined ? embedded : null;
  const url = workerUrl ?? new URL('./trainer-worker.mjs', import.meta.url);
  const trainer = new Trainer(await startWorker(url, carried?.workerSource));
  try {
    if (carried && wasmModule === undefined && wasmUrl === undefined) wasmModule = await carried.wasmModule;
    const ready = await trainer.load({ wasmModule, wasmUrl: wasmUrl === undefined ? undefined : String(wasmUrl) });
    if (ready.protocol !== PROTOCOL) {
      throw new LayerwiseError(`createTrainer: the worker speaks protocol ${ready.protocol}, this client ${PROTOCOL}; ` +
        'serve trainer.mjs and trainer-worker.mjs from the same build');
    }
    return trainer;
  } catch (err) {
    trainer.dispose();
    throw err;
  }
}

// The engine a page carries inside itself, once it said so with embedEngine(): the worker's
// whole module text and the compiled engine. createTrainer() uses them when its caller names
// no worker.
let embedded = null;

/**
 * For a page that is one file (scripts/build-single.mjs): the worker and the engine are inside
 * it, not beside this module. workerSource is the text of trainer-worker.mjs bundled into one
 * module, wasmBinary the bytes of layerwise.wasm; from now on, createTrainer() without a
 * workerUrl starts its worker from that text (a Blob, or a data: URL on a page of no origin)
 * and hands it that engine, compiled once, so nothing is fetched.
 */
export function embedEngine({ workerSource, wasmBinary }) {
  if (typeof workerSource !== 'string' || workerSource === '') {
    throw new LayerwiseError('embedEngine: workerSource must be the text of the bundled trainer-worker.mjs');
  }
  const wasmModule = WebAssembly.compile(wasmBinary).catch((err) => {
    throw new LayerwiseError(`could not start the engine this page carries: ${err.message}`, { cause: err });
  });
  wasmModule.catch(() => {}); // reported by the createTrainer() that awaits it
  embedded = { workerSource, wasmModule };
}

// Whether url is on another origin than the page (or worker) running this module: a page that
// loads the engine from another host, as a course page does with a script tag.
function crossOrigin(url) {
  const here = globalThis.location?.origin;
  return here !== undefined && here !== 'null' && new URL(url, globalThis.location.href).origin !== here;
}

// Browsers start a worker only from a script of the page's own origin. For an engine on another
// host, a one-line module of the page's origin (a Blob) imports the real worker, which then
// loads its modules and the wasm from that host with CORS. On the same origin the URL is used
// as it is, so a page whose CSP allows workers from 'self' only keeps working. A page that
// carries the worker's text (`source`, see embedEngine) starts it from a Blob of that text; a
// page of no origin (opened from file://) from a data: URL of it, as Chromium refuses module
// workers from such a page's Blobs.
function workerScript(url, source) {
  if (source === undefined) {
    if (!crossOrigin(url)) return url;
    source = `import ${JSON.stringify(String(new URL(url, globalThis.location.href)))};\n`;
  } else if (globalThis.origin === 'null') {
    return `data:text/javascript,${encodeURIComponent(source)}`;
  }
  return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
}

// The worker behind one interface: post, terminate, and callbacks for replies and failures.
// `source`, when given, is the worker's module text (browsers only), and url only names it.
async function startWorker(url, source) {
  if (typeof globalThis.Worker === 'function') {
    const worker = new Worker(workerScript(url, source), { type: 'module' });
    const port = {
      post: (message) => worker.postMessage(message),
      terminate: async () => worker.terminate(),
      busy: () => {},
      onReply: null,
      onFailure: null,
    };
    worker.onmessage = (event) => port.onReply?.(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      const unloaded = source !== undefined ? 'the worker this page carries could not start' :
        `could not load ${url}${crossOrigin(url) ? ` from this page's origin (${globalThis.location.origin}); the host must send Access-Control-Allow-Origin (docs/embedding.md)` : ''}`;
      port.onFailure?.(`the training worker failed: ${event.message || unloaded}`);
    };
    worker.onmessageerror = () => port.onFailure?.('a reply from the training worker could not be read');
    return port;
  }
  const { Worker: NodeWorker } = await import('node:worker_threads');
  const worker = new NodeWorker(url);
  // Node waits for a referenced worker before it exits: only while a request is pending.
  worker.unref();
  const port = {
    post: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    busy: (busy) => (busy ? worker.ref() : worker.unref()),
    onReply: null,
    onFailure: null,
  };
  worker.on('message', (reply) => port.onReply?.(reply));
  worker.on('error', (err) => port.onFailure?.(`the training worker failed: ${err?.message ?? err}`));
  worker.on('exit', (code) => port.onFailure?.(`the training worker exited (code ${code})`));
  return port;
}

export class Trainer {
  #port;
  #pending = new Map(); // id -> {resolve, reject}
  #nextId = 0;
  #failure = null; // why no more requests can be answered

  /** Use createTrainer(). */
  constructor(port) {
    this.#port = port;
    port.onReply = (reply) => this.#receive(reply);
    port.onFailure = (why) => this.#fail(why);
  }

  /** True once dispose() ran or the worker failed; every request then rejects. */
  get disposed() {
    return this.#failure !== null;
  }

  /** Loads the engine in the worker (createTrainer does); resolves to {protocol, names}. */
  load({ wasmModule, wasmUrl } = {}) {
    return this.#request({ type: 'load', wasmModule, wasmUrl });
  }

  /** A new model, data, loss and optimiser (replacing the current ones); the epoch-0 snapshot. */
  async init(config) {
    object(config, 'init: config', '{spec, data, loss, optimizer}');
    return this.#request({ ...config, type: 'init' });
  }

  /** Trains `epochs` whole epochs; the snapshot after them. */
  async train(epochs = 1, settings) {
    const { snapshot } = options(settings, 'train', ['snapshot'], '{ snapshot: { neurons: false } }');
    return this.#request({ type: 'train', epochs, snapshot });
  }

  /** Trains whole epochs until `ms` milliseconds have passed (at least one, at most maxEpochs). */
  async trainFor(ms, settings) {
    const { maxEpochs, snapshot } = options(settings, 'trainFor', ['maxEpochs', 'snapshot'], '{ maxEpochs: 10 }');
    return this.#request({ type: 'trainFor', ms, maxEpochs, snapshot });
  }

  /** Trains `batches` batches (one step of the optimiser each). */
  async step(batches = 1, settings) {
    const { snapshot } = options(settings, 'step', ['snapshot'], '{ snapshot: { neurons: false } }');
    return this.#request({ type: 'step', batches, snapshot });
  }

  /**
   * Changes {lr, optimizer: {name, options}, loss, batch, l1} from the next request on; the
   * weights stay. Resolves to the settings now in force. Safe not to await: a rejection that
   * nobody awaits is not reported as unhandled.
   */
  set(changes) {
    const reply = Promise.resolve().then(() => {
      object(changes, 'set: changes', '{ lr: 0.01 }');
      return this.#request({ ...changes, type: 'set' });
    });
    reply.catch(() => {});
    return reply;
  }

  /** Initialises the weights again (default seed: the spec's), clears optimiser state and counters. */
  async reset(settings) {
    const { seed, snapshot } = options(settings, 'reset', ['seed', 'snapshot'], '{ seed: 1 }');
    return this.#request({ type: 'reset', seed, snapshot });
  }

  /** Sets the weights from a list like snapshot.parameters ([{name, data}]); all or nothing. */
  async setParameters(parameters, settings) {
    const { snapshot } = options(settings, 'setParameters', ['snapshot'], '{ snapshot: { neurons: false } }');
    return this.#request({ type: 'setParameters', parameters, snapshot });
  }

  /** A snapshot of the current state; options pick what it holds, e.g. {neurons: false}. */
  snapshot(options) {
    return this.#request({ type: 'snapshot', snapshot: options });
  }

  /**
   * The current model's outputs on `batch` samples x (raw, as init's data takes them; eval
   * mode, nothing trains): resolves to {type: 'prediction', outputs: Float32Array}; with
   * {layers: true}, also every layer's outputs on them (`layers`: [{layer, type, shape, data}]).
   */
  async predict(x, batch, settings) {
    const { layers } = options(settings, 'predict', ['layers'], '{ layers: true }');
    return this.#request({ type: 'predict', x, batch, layers });
  }

  /**
   * What a snapshot would show of the network with other weights (a list like
   * snapshot.parameters: a timeline's kept ones): metrics, grid, neurons, gradients, stats.
   * Nothing of the session changes.
   */
  async view(parameters, settings) {
    const { snapshot } = options(settings, 'view', ['snapshot'], '{ snapshot: { stats: false } }');
    return this.#request({ type: 'view', parameters, snapshot });
  }

  /**
   * Training sample `index`'s step with every number (Model.traceStep): a look-ahead that
   * changes nothing, or with {apply: true} the step itself, and then a snapshot.
   */
  async trace(index, settings) {
    const { apply, snapshot } = options(settings, 'trace', ['apply', 'snapshot'], '{ apply: true }');
    return this.#request({ type: 'trace', index, apply, snapshot });
  }

  /** Terminates the worker; pending and later requests reject. Safe to call twice. */
  dispose() {
    if (this.#failure?.disposed) return Promise.resolve();
    this.#fail('this trainer was disposed; create another with createTrainer()', true);
    return this.#port.terminate().then(() => undefined, () => undefined);
  }

  #request(message) {
    if (this.#failure) return Promise.reject(new LayerwiseError(`${message.type}: ${this.#failure.why}`));
    const id = ++this.#nextId;
    return new Promise((resolve, reject) => {
      try {
        this.#port.post({ v: PROTOCOL, id, ...message });
      } catch (err) {
        reject(new LayerwiseError(`${message.type}: the request cannot be sent to the worker (${err.message})`, { cause: err }));
        return;
      }
      this.#pending.set(id, { resolve, reject });
      if (this.#pending.size === 1) this.#port.busy(true);
    });
  }

  #receive(reply) {
    const waiting = this.#pending.get(reply?.id);
    if (!waiting) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#port.busy(false);
    if (reply.type === 'error') waiting.reject(new LayerwiseError(reply.message));
    else waiting.resolve(reply);
  }

  #fail(why, disposed = false) {
    if (this.#failure) return;
    this.#failure = { why, disposed };
    for (const { reject } of this.#pending.values()) reject(new LayerwiseError(why));
    this.#pending.clear();
    if (!disposed) this.#port.terminate().catch(() => {});
  }
}
