// The training service's worker: it owns one model, its data and its optimiser, trains on
// request and posts back snapshots, so the page that drives it never blocks on training. It runs
// as a module Web Worker (`new Worker(url, {type: 'module'})`) and as a Node worker_threads
// Worker; wasm/trainer.mjs is its promise-based client. This file is the transport and the
// dispatch of requests, one at a time; the model, data and training live in a Session
// (wasm/trainer-session.mjs). The protocol — every request, reply, option, default and snapshot
// field — is written once, in wasm/trainer.d.ts; docs/worker-protocol.md explains it.
import { loadLayerwise } from './layerwise.mjs';
import { LayerwiseError, describe, finite, object, quoted } from './checks.mjs';
import { OPTIMIZERS, Session } from './trainer-session.mjs';

const PROTOCOL = 1;

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
  if (request?.type === 'init' && session && !warmed) {
    warmed = true;
    queue = queue.then(() => warmUp(session));
  }
}

// The engine's code starts in the browser's baseline compiler and is optimised once it has run
// a while: a page that pressed play at once trained at a fraction of full speed for its first
// second (bench/README.md, "The playground at max"). So after the first init, before the next
// request, the worker trains a throwaway copy of the network on the same data for WARM_MS (its
// optimiser at learning rate 0), once per worker: the optimised code is there when play comes.
const WARM_MS = 150;
let warmed = false;

function warmUp(current) {
  const copy = lw.Model.fromSpec(current.model.spec);
  const opt = lw.optim.SGD(copy, { lr: 0 });
  try {
    const end = performance.now() + WARM_MS;
    while (performance.now() < end) {
      copy.trainEpoch(current.trainSet, current.batch, current.loss, opt);
      copy.evaluate(current.trainSet, current.loss);
    }
  } catch {
    // a network the engine refuses fails its own requests with a message; nothing to warm
  } finally {
    opt.dispose();
    copy.dispose();
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
  trainFor: (request) => current().train({ ms: finite(request.ms, 'trainFor: ms', 0), maxEpochs: request.maxEpochs }, request.snapshot),
  step: (request) => current().step(request.batches ?? 1, request.snapshot),
  set: (request) => ({ type: 'settings', settings: current().set(request) }),
  reset: (request) => current().reset(request.seed, request.snapshot),
  setParameters: (request) => current().setParameters(request.parameters, request.snapshot),
  snapshot: (request) => current().snapshot(request.snapshot),
  view: (request) => current().view(request.parameters, request.snapshot),
  trace: (request) => current().trace(request.index, request.apply ?? false, request.snapshot),
  predict: (request) => ({ type: 'prediction', ...current().predict(request.x, request.batch, request.layers ?? false) }),
  dispose() {
    session?.dispose();
    session = null;
    return { type: 'disposed' };
  },
};

function handle(request) {
  object(request, 'trainer: a request', "{id: 1, type: 'train'}");
  if (request.v !== undefined && request.v !== PROTOCOL) {
    throw new LayerwiseError(`trainer: this worker speaks protocol version ${PROTOCOL}, but the request is version ${describe(request.v)}`);
  }
  if (!Object.hasOwn(handlers, request.type)) {
    throw new LayerwiseError(`trainer: unknown request type ${quoted(request.type)}; ` +
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
