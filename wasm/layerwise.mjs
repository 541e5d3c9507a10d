// Layerwise: the engine as a JavaScript library, for the browser, a Web Worker and Node.
//
//   import { loadLayerwise } from 'layerwise';   // or './engine/layerwise.mjs' in the site
//   const lw = await loadLayerwise();
//   const model = lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 1 }] });
//   const opt = lw.optim.Adam(model, { lr: 0.01 });
//   const loss = model.trainStep(x, y, batch, lw.loss.MSE(), opt);
//
// or, as the seed article writes it in PyTorch (lw.nn and lw.init only build the spec; the
// engine fills the weights from the spec's seed):
//   const seq = lw.nn.Sequential(lw.nn.Linear(784, 256), lw.nn.ReLU(), lw.nn.Linear(256, 10));
//   seq.apply((m) => { if (m instanceof lw.nn.Linear) { lw.init.xavierUniform_(m.weight); lw.init.zeros_(m.bias); } });
//   const model = lw.Model.fromSpec(seq);   // seq.toSpec({ input: [784], seed: 1 }) is its spec
//
// Optimisers also step parameters of your own, as torch.optim.Adam([w]) does; JavaScript
// computes the gradients (here of an analytic loss surface) and the engine takes the step:
//   const w = new Float32Array([-1.5, 0.5]);
//   const opt = lw.optim.Adam([w], { lr: 0.05 });       // opt.params is [w], opt.model null
//   for (let t = 0; t < 200; ++t) opt.step([grad(w)]);  // updates w in place
//
// This is the one module that knows the Embind bindings (wasm/bindings.cpp); it owns
//   loading   the .wasm sits next to this file (or at options.wasmUrl); it is compiled here,
//             with fetch in a browser or worker and with fs in Node (TOOLCHAIN.md, trap 4),
//             and handed to Emscripten's glue (layerwise-glue.mjs) through instantiateWasm.
//   errors    every failure is a LayerwiseError whose message names the problem, e.g.
//             "forward: x has 3 values, but a batch of 2 samples of shape [2] needs 4";
//             the engine stays usable afterwards.
//   arrays    every array crosses by copy, both ways. Arguments (Float32Array, or any array
//             or typed array of numbers) are copied into wasm memory once per call (forward,
//             trainStep, setParameters, data.fromArrays, data.featureMap, standardize,
//             opt.step, which also copies the new values back into the caller's params);
//             every Float32Array returned (forward, parameters, gradients, layerOutputs,
//             toArrays, featureMap, standardize) is a fresh copy the caller owns. No view of
//             wasm memory ever escapes, so memory growth cannot detach an array, and changing
//             a returned array changes nothing in the engine.
//   lifetimes Model, Optimizer and Dataset hold wasm memory: call dispose() when done (or
//             `using` where supported). One garbage-collected without dispose() is freed
//             with a console warning. Losses are stateless values: nothing to dispose.
//             lw.memory() reports the engine's heap, for leak checks.
// Semantics and option names are PyTorch's (DESIGN.md), with options in camelCase:
// { lr, momentum, weightDecay, betas: [b1, b2], eps, amsgrad, nesterov, alpha, centered }.
import createLayerwiseModule from './layerwise-glue.mjs';

/** Every error the engine reports: a bad spec, shape, value or name, or a disposed object. */
export class LayerwiseError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'LayerwiseError';
  }
}

const compiled = new Map(); // wasm URL -> Promise<WebAssembly.Module>

/**
 * Loads the engine and resolves to `lw`, the API of DESIGN.md.
 * options.wasmUrl: where layerwise.wasm is (default: next to this module);
 * options.wasmBinary: its bytes; options.wasmModule: an already compiled WebAssembly.Module
 * (e.g. posted to a worker by the page that compiled it).
 */
export async function loadLayerwise(options = {}) {
  try {
    const module = await compileEngine(options);
    // Emscripten's glue waits for receive() and has no way to hear of a failure: race it.
    let fail;
    const failed = new Promise((_, reject) => (fail = reject));
    const ready = createLayerwiseModule({
      instantiateWasm(imports, receive) {
        // catch, not then's second argument: a throw inside receive() must reject too.
        WebAssembly.instantiate(module, imports).then(receive).catch(fail);
        return {};
      },
    });
    return makeApi(await Promise.race([ready, failed]));
  } catch (err) {
    if (err instanceof LayerwiseError) throw err;
    throw new LayerwiseError(`could not start the engine: ${err?.message ?? err}`, { cause: err });
  }
}

function compileEngine({ wasmUrl, wasmBinary, wasmModule } = {}) {
  if (wasmModule instanceof WebAssembly.Module) return wasmModule;
  if (wasmBinary) return WebAssembly.compile(wasmBinary);
  const url = new URL(wasmUrl ?? 'layerwise.wasm', import.meta.url).href;
  if (!compiled.has(url)) {
    const promise = fetchAndCompile(url);
    promise.catch(() => compiled.delete(url)); // a later call may try again
    compiled.set(url, promise);
  }
  return compiled.get(url);
}

async function fetchAndCompile(url) {
  let response;
  try {
    if (url.startsWith('file:')) {
      // Node: fetch() cannot read files, so read it (browsers never reach here with file:).
      const { readFile } = await import('node:fs/promises');
      return await WebAssembly.compile(await readFile(new URL(url)));
    }
    response = await fetch(url);
  } catch (err) {
    throw new LayerwiseError(`could not load the engine from ${url}: ${err.message}` +
      (err.code === 'ENOENT' ? ' (build it with: bash scripts/build.sh)' : ''), { cause: err });
  }
  if (!response.ok) {
    throw new LayerwiseError(`could not load the engine from ${url}: HTTP ${response.status}`);
  }
  // Streaming compilation needs the right MIME type; without it, compile the bytes.
  const type = response.headers.get('Content-Type') ?? '';
  if (type.startsWith('application/wasm') && WebAssembly.compileStreaming) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

// Objects garbage-collected without dispose(): warn, then free what they held.
const leaks = new FinalizationRegistry(({ kind, raw }) => {
  console.warn(`Layerwise: a ${kind} was garbage-collected without dispose(); ` +
    'freeing its memory now. Call dispose() when you are done with it.');
  raw.delete();
});

// Core function names in messages, as JavaScript callers know them.
const jsNames = {
  train_step: 'trainStep',
  train_epoch: 'trainEpoch',
  set_parameters: 'setParameters',
  feature_map: 'featureMap',
};

const camelCase = (s) => s.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
const snakeCase = (s) => s.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

function toLayerwiseError(err, renameOptions) {
  if (err instanceof LayerwiseError) return err;
  if (err instanceof WebAssembly.RuntimeError) {
    return new LayerwiseError(`the engine stopped (${err.message}); reload to start again`, { cause: err });
  }
  let message = String(err?.message ?? err);
  if (message === 'std::bad_alloc') message = 'out of memory: the data or model is too large for this tab';
  message = message.replace(/^\w+(?:::\w+)?(?=:? )/, (name) => jsNames[name] ?? name);
  if (renameOptions) message = message.replace(/\b[a-z]+(?:_[a-z]+)+\b/g, camelCase);
  return new LayerwiseError(message, { cause: err });
}

const withArticle = (noun) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

function describe(value) {
  if (value === null) return 'null';
  if (typeof value === 'function') return `the function ${value.name || '(anonymous)'}`;
  if (typeof value === 'object') return withArticle(value.constructor?.name ?? 'object');
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return String(value);
}

// Checks at the boundary, for what Embind would otherwise convert silently.
function count(value, what, min = 1) {
  if (!Number.isInteger(value) || value < min || value > 2 ** 31 - 1) {
    throw new LayerwiseError(`${what} must be a whole number ≥ ${min}, got ${describe(value)}`);
  }
  return value;
}

function finite(value, what) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new LayerwiseError(`${what} must be a finite number, got ${describe(value)}`);
  }
  return value;
}

function seedOf(value, what) {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new LayerwiseError(`${what} must be a whole number from 0 to 2^53, got ${describe(value)}`);
  }
  return value;
}

// A Float32Array to hand to the engine: as is, or copied from another array of numbers.
function floats(value, what) {
  if (value instanceof Float32Array) return value;
  if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    try {
      return Float32Array.from(value, Number); // a stray non-number becomes NaN, refused later
    } catch (err) { // a Symbol
      throw new LayerwiseError(`${what} must hold numbers: ${err.message}`, { cause: err });
    }
  }
  throw new LayerwiseError(`${what} must be a Float32Array (or an array of numbers), got ${describe(value)}`);
}

function jsonText(value, what) {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch (err) { // a cycle, a BigInt
      throw new LayerwiseError(`${what} cannot be written as JSON: ${err.message}`, { cause: err });
    }
  }
  throw new LayerwiseError(`${what} must be an object or JSON text, got ${describe(value)}`);
}

// ---------------------------------------------------------------------------------------------
// nn and init: the seed's PyTorch code, written in JavaScript, building a model spec.
//
//   PyTorch                                      Layerwise
//   nn.Sequential(nn.Linear(784, 256), ...)      lw.nn.Sequential(lw.nn.Linear(784, 256), ...)
//   isinstance(m, nn.Linear)                     m instanceof lw.nn.Linear
//   nn.init.xavier_uniform_(m.weight, gain=g)    lw.init.xavierUniform_(m.weight, { gain: g })
//   nn.init.zeros_(m.bias)                       lw.init.zeros_(m.bias)
//   model.apply(weight_init)                     seq.apply(weightInit)
//
// Nothing here needs the engine: a module holds sizes, and its parameters hold the choice of
// initialiser, not numbers. toSpec() turns that into the spec (DESIGN.md) — an initialiser
// every Linear shares goes to the spec's "init", others to the layer's own "init" — and the
// engine fills the weights from the spec's seed, identically in wasm and natively.
// Builders may be called with or without `new`, as PyTorch's are called.

const layerSpec = Symbol('layerSpec'); // module → its entry of spec.layers, and the next shape

/** Base of every module: children(), modules(), apply(fn), toSpec(options), toString(). */
class Module {
  /** The modules directly inside this one (a Sequential's layers). */
  children() {
    return [];
  }

  /** This module, then every module inside it, depth first (PyTorch's order). */
  modules() {
    return [this, ...this.children().flatMap((child) => child.modules())];
  }

  /** Calls fn(m) on every module inside this one, then on this one (as PyTorch); returns this. */
  apply(fn) {
    if (typeof fn !== 'function') {
      throw new LayerwiseError(`apply: expected a function of a module, such as lw.init.xavierUniform, got ${describe(fn)}`);
    }
    for (const child of this.children()) child.apply(fn);
    fn(this);
    return this;
  }

  /** The model spec of this module alone (see Sequential.toSpec). */
  toSpec(options) {
    return new Sequential(this).toSpec(options);
  }

  /** PyTorch's repr, e.g. "ReLU()". */
  toString() {
    return `${this.constructor.name}()`;
  }
}

let recordInit; // (parameter, spec entry) → sets what the engine will fill it with

/** A weight or bias: its shape and the initialiser chosen for it (the values live in the engine). */
class Parameter {
  #name;
  #shape;
  #init;

  static {
    recordInit = (parameter, entry) => {
      parameter.#init = entry;
    };
  }

  constructor(name, shape) {
    this.#name = name;
    this.#shape = Object.freeze(shape);
  }

  /** "weight" or "bias". */
  get name() {
    return this.#name;
  }

  /** [out, in] for a weight, [out] for a bias. */
  get shape() {
    return this.#shape;
  }

  /** The spec entry of the initialiser chosen with lw.init, or undefined for PyTorch's default. */
  get init() {
    return this.#init;
  }
}

/** y = x·Wᵀ + b, W of shape [outFeatures, inFeatures]; PyTorch's default initialisation. */
class Linear extends Module {
  #in;
  #out;

  constructor(inFeatures, outFeatures, bias = true) {
    super();
    this.#in = count(inFeatures, 'nn.Linear: inFeatures');
    this.#out = count(outFeatures, 'nn.Linear: outFeatures');
    if (bias !== true) throw new LayerwiseError('nn.Linear: every Linear has a bias in Layerwise; bias = false is not supported');
    this.weight = new Parameter('weight', [outFeatures, inFeatures]);
    this.bias = new Parameter('bias', [outFeatures]);
    Object.freeze(this);
  }

  get inFeatures() {
    return this.#in;
  }

  get outFeatures() {
    return this.#out;
  }

  [layerSpec](shape, where, before) {
    if (shape.length !== 1) {
      throw new LayerwiseError(`${where}: ${this.#short()} needs a flat input, but ${before} shape [${shape}]; ` +
        'put lw.nn.Flatten() before it');
    }
    if (shape[0] !== this.#in) {
      throw new LayerwiseError(`${where}: ${this.#short()} takes ${this.#in} input features, but ${before} ${shape[0]}; ` +
        `make it Linear(${shape[0]}, ${this.#out}), or change the layer before it`);
    }
    return [{ type: 'linear', out: this.#out }, [this.#out]];
  }

  #short() {
    return `Linear(${this.#in}, ${this.#out})`;
  }

  toString() {
    return `Linear(in_features=${this.#in}, out_features=${this.#out}, bias=True)`;
  }
}

// Layers that keep the shape: activations and dropout.
class ShapeKeeping extends Module {}

class ReLU extends ShapeKeeping {
  [layerSpec](shape) {
    return [{ type: 'relu' }, shape];
  }
}

class Tanh extends ShapeKeeping {
  [layerSpec](shape) {
    return [{ type: 'tanh' }, shape];
  }
}

class Sigmoid extends ShapeKeeping {
  [layerSpec](shape) {
    return [{ type: 'sigmoid' }, shape];
  }
}

class Identity extends ShapeKeeping {
  [layerSpec](shape) {
    return [{ type: 'identity' }, shape];
  }
}

/** leaky_relu(x) = x if x > 0 else negativeSlope·x. */
class LeakyReLU extends ShapeKeeping {
  constructor(negativeSlope = 0.01) {
    super();
    this.negativeSlope = finite(negativeSlope, 'nn.LeakyReLU: negativeSlope');
    Object.freeze(this);
  }

  [layerSpec](shape) {
    return [{ type: 'leaky_relu', slope: this.negativeSlope }, shape];
  }

  toString() {
    return `LeakyReLU(negative_slope=${this.negativeSlope})`;
  }
}

/** Softmax over the last dimension (dim 1 of a [batch, k] output, or -1). */
class Softmax extends ShapeKeeping {
  constructor(dim) {
    super();
    if (dim !== undefined && !Number.isInteger(dim)) {
      throw new LayerwiseError(`nn.Softmax: dim must be a whole number such as 1, got ${describe(dim)}`);
    }
    this.dim = dim;
    Object.freeze(this);
  }

  [layerSpec](shape, where) {
    if (this.dim !== undefined && this.dim !== -1 && this.dim !== shape.length) {
      throw new LayerwiseError(`${where}: Softmax(dim=${this.dim}) is not over the last dimension; ` +
        `Layerwise's softmax normalises each sample's last dimension: use Softmax(${shape.length}) or Softmax(-1)`);
    }
    return [{ type: 'softmax' }, shape];
  }

  toString() {
    return `Softmax(dim=${this.dim ?? 'None'})`;
  }
}

/** In training, zeroes each value with probability p and scales the rest by 1/(1 − p). */
class Dropout extends ShapeKeeping {
  constructor(p = 0.5) {
    super();
    this.p = finite(p, 'nn.Dropout: p');
    Object.freeze(this);
  }

  [layerSpec](shape) {
    return [{ type: 'dropout', p: this.p }, shape];
  }

  toString() {
    return `Dropout(p=${this.p}, inplace=False)`;
  }
}

/** Flattens every dimension but the batch's (PyTorch's defaults startDim 1, endDim -1). */
class Flatten extends Module {
  constructor(startDim = 1, endDim = -1) {
    super();
    if (startDim !== 1 || endDim !== -1) {
      throw new LayerwiseError(`nn.Flatten: Layerwise flattens all but the batch dimension (startDim 1, endDim -1), got startDim ${describe(startDim)}, endDim ${describe(endDim)}`);
    }
    Object.freeze(this);
  }

  [layerSpec](shape) {
    return [{ type: 'flatten' }, [shape.reduce((a, b) => a * b, 1)]];
  }

  toString() {
    return 'Flatten(start_dim=1, end_dim=-1)';
  }
}

/** Modules applied one after another; nested Sequentials are flattened into one spec. */
class Sequential extends Module {
  #modules;

  constructor(...modules) {
    super();
    modules.forEach((m, i) => {
      if (m instanceof Module) return;
      const hint = typeof m === 'function' && Object.values(nn).includes(m) ? `; call it: lw.nn.${m.name}()` : '';
      throw new LayerwiseError(`nn.Sequential: argument ${i} must be a module such as lw.nn.ReLU(), got ${describe(m)}${hint}`);
    });
    this.#modules = Object.freeze(modules);
    Object.freeze(this);
  }

  /** The modules, in order. */
  get layers() {
    return this.#modules;
  }

  get length() {
    return this.#modules.length;
  }

  children() {
    return [...this.#modules];
  }

  /**
   * The model spec: {input, layers, init?, seed?}. options.input is the shape of one sample
   * (default: the first Linear's inFeatures); options.seed the seed the engine initialises
   * from (default: the engine's, 42). Each Linear's inFeatures is checked against the width
   * that reaches it.
   */
  toSpec(options = {}) {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new LayerwiseError(`toSpec: options must be an object such as { input: [2], seed: 1 }, got ${describe(options)}`);
    }
    for (const key of Object.keys(options)) {
      if (key !== 'input' && key !== 'seed') throw new LayerwiseError(`toSpec: unknown option "${key}"; allowed: input, seed`);
    }
    const leaves = this.modules().filter((m) => !(m instanceof Sequential));
    if (leaves.length === 0) throw new LayerwiseError('toSpec: this Sequential is empty; give it layers such as lw.nn.Linear(2, 1)');
    const input = options.input === undefined ? inferInput(leaves) : options.input;
    if (!Array.isArray(input) || input.length === 0) {
      throw new LayerwiseError(`toSpec: input must be the shape of one sample, such as [2], got ${describe(input)}`);
    }
    input.forEach((d, i) => count(d, `toSpec: input[${i}]`));

    const layers = [];
    let shape = [...input];
    leaves.forEach((m, i) => {
      const where = `toSpec: layer ${i}`;
      if (!m[layerSpec]) {
        throw new LayerwiseError(`${where} is ${withArticle(m.constructor.name)}, which is not a Layerwise layer; use lw.nn's layers`);
      }
      if (m instanceof Linear && leaves.indexOf(m) < i) {
        throw new LayerwiseError(`${where} is the same Linear as layer ${leaves.indexOf(m)}; layers cannot share weights here, ` +
          'so give each place its own lw.nn.Linear');
      }
      const before = i === 0 ? 'the input has' : `layer ${i - 1} (${leaves[i - 1].constructor.name}) gives`;
      const [layer, next] = m[layerSpec](shape, where, before);
      layers.push(layer);
      shape = next;
    });
    const spec = { input: [...input], layers };
    const init = placeInits(leaves, layers);
    if (init) spec.init = init;
    if (options.seed !== undefined) spec.seed = seedOf(options.seed, 'toSpec: seed');
    return spec;
  }

  toString() {
    const lines = this.#modules.map((m, i) => `  (${i}): ${String(m).replace(/\n/g, '\n  ')}`);
    return lines.length ? `Sequential(\n${lines.join('\n')}\n)` : 'Sequential()';
  }
}

// The input shape, when the model starts with a Linear (after shape-keeping layers).
function inferInput(leaves) {
  const first = leaves.find((m) => !(m instanceof ShapeKeeping));
  if (first instanceof Linear) return [first.inFeatures];
  throw new LayerwiseError('toSpec: the input shape cannot be inferred (the model does not start with a Linear); ' +
    'give it, e.g. seq.toSpec({ input: [1, 28, 28] }) or lw.Model.fromSpec(seq, { input: [1, 28, 28] })');
}

// Initialisers chosen with lw.init: one every Linear shares goes to spec.init (the form a
// hand-written spec uses), any other to its layer's own "init". Unchosen: PyTorch's default.
function placeInits(leaves, layers) {
  const linears = leaves.flatMap((m, i) => (m instanceof Linear ? [[m, layers[i]]] : []));
  const shared = {};
  for (const role of ['weight', 'bias']) {
    const entries = linears.map(([m]) => m[role].init);
    const text = JSON.stringify(entries[0]);
    if (entries.length && entries[0] !== undefined && entries.every((e) => JSON.stringify(e) === text)) {
      shared[role] = entries[0];
      continue;
    }
    for (const [m, layer] of linears) {
      if (m[role].init !== undefined) (layer.init ??= {})[role] = m[role].init;
    }
  }
  return Object.keys(shared).length ? shared : undefined;
}

// A class that can be called with or without `new`, as PyTorch's builders are called.
function builder(Class) {
  const make = function (...args) {
    return new Class(...args);
  };
  make.prototype = Class.prototype; // so `m instanceof lw.nn.Linear` works
  Object.defineProperty(make, 'name', { value: Class.name });
  return make;
}

/** PyTorch-style builders of a model spec; see Sequential.toSpec. */
export const nn = Object.freeze({
  Module,
  Parameter,
  Sequential: builder(Sequential),
  Linear: builder(Linear),
  ReLU: builder(ReLU),
  LeakyReLU: builder(LeakyReLU),
  Tanh: builder(Tanh),
  Sigmoid: builder(Sigmoid),
  Softmax: builder(Softmax),
  Identity: builder(Identity),
  Dropout: builder(Dropout),
  Flatten: builder(Flatten),
});

// torch.nn.init.calculate_gain, for the nonlinearities Layerwise has.
const gains = {
  linear: () => 1,
  identity: () => 1,
  sigmoid: () => 1,
  tanh: () => 5 / 3,
  relu: () => Math.SQRT2,
  leaky_relu: (slope = 0.01) => Math.sqrt(2 / (1 + slope * slope)),
};

function calculateGain(nonlinearity, param) {
  if (!Object.hasOwn(gains, nonlinearity)) {
    const name = typeof nonlinearity === 'string' ? JSON.stringify(nonlinearity) : describe(nonlinearity);
    throw new LayerwiseError(`calculateGain: unknown nonlinearity ${name}; allowed: ${Object.keys(gains).join(', ')}`);
  }
  if (param !== undefined) finite(param, 'calculateGain: param');
  return gains[nonlinearity](param);
}

// Options of an initialiser, given as PyTorch allows: positionally (normal_(w, 0, 0.01)) or
// by name (normal_(w, { mean: 0, std: 0.01 })). Numbers must be finite; strings are checked.
function initOptions(what, args, names) {
  const [first] = args;
  const named = args.length === 1 && first !== null && typeof first === 'object' && !Array.isArray(first);
  if (!named && args.length > names.length) {
    throw new LayerwiseError(`${what}: takes at most ${names.length} options (${names.join(', ')}), got ${args.length}`);
  }
  const options = named ? first : Object.fromEntries(args.map((v, i) => [names[i], v]));
  const out = {};
  for (const [key, value] of Object.entries(options)) {
    if (!names.includes(key)) throw new LayerwiseError(`${what}: unknown option "${key}"; allowed: ${names.join(', ')}`);
    if (value === undefined) continue;
    if (key === 'mode') {
      if (value !== 'fan_in' && value !== 'fan_out') {
        throw new LayerwiseError(`${what}: mode must be "fan_in" or "fan_out", got ${describe(value)}`);
      }
    } else if (key === 'nonlinearity') {
      calculateGain(value); // checks the name
    } else {
      finite(value, `${what}: ${key}`);
    }
    out[key] = value;
  }
  return out;
}

// An initialiser in PyTorch's form, fn_(param, ...options): records the choice, returns param.
function initializer(jsName, type, names, { matrix = false, required = false, rename = {} } = {}) {
  const what = `init.${jsName}`;
  const fn = function (param, ...args) {
    if (!(param instanceof Parameter)) {
      throw new LayerwiseError(`${what}: expected a parameter such as m.weight or m.bias of an lw.nn.Linear, got ${describe(param)}`);
    }
    if (matrix && param.shape.length < 2) {
      throw new LayerwiseError(`${what}: fan in and fan out cannot be computed for m.${param.name}, of shape [${param.shape}]; ` +
        'use it on m.weight (for a bias: zeros_, constant_, normal_ or uniform_)');
    }
    const options = initOptions(what, args, names);
    if (required && !names.every((n) => n in options)) {
      throw new LayerwiseError(`${what}: needs ${names.join(', ')}, e.g. ${jsName}(m.bias, 0.1)`);
    }
    const entries = Object.entries(options).map(([k, v]) => [rename[k] ?? k, v]);
    recordInit(param, entries.length ? { type, ...Object.fromEntries(entries) } : type);
    return param;
  };
  Object.defineProperty(fn, 'name', { value: jsName });
  return fn;
}

const xavierUniform_ = initializer('xavierUniform_', 'xavier_uniform', ['gain'], { matrix: true });
const xavierNormal_ = initializer('xavierNormal_', 'xavier_normal', ['gain'], { matrix: true });
const kaimingUniform_ = initializer('kaimingUniform_', 'kaiming_uniform', ['a', 'mode', 'nonlinearity'], { matrix: true });
const kaimingNormal_ = initializer('kaimingNormal_', 'kaiming_normal', ['a', 'mode', 'nonlinearity'], { matrix: true });
const zeros_ = initializer('zeros_', 'zeros', []);

// The seed's weight_init as one function: `fill` on every Linear's weight, zeros on its bias.
function linearInit(name, fill) {
  const fn = (m) => {
    if (m instanceof Linear) {
      fill(m.weight);
      zeros_(m.bias);
    }
  };
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

/**
 * torch.nn.init in camelCase. Each fn_(param, ...) records an initialiser for m.weight or
 * m.bias; xavierUniform etc. (no underscore) are for apply(): the seed's weight_init.
 */
export const init = Object.freeze({
  calculateGain,
  xavierUniform_,
  xavierNormal_,
  kaimingUniform_,
  kaimingNormal_,
  zeros_,
  constant_: initializer('constant_', 'constant', ['val'], { required: true, rename: { val: 'value' } }),
  normal_: initializer('normal_', 'normal', ['mean', 'std']),
  uniform_: initializer('uniform_', 'uniform', ['a', 'b']),
  xavierUniform: linearInit('xavierUniform', xavierUniform_),
  xavierNormal: linearInit('xavierNormal', xavierNormal_),
  kaimingUniform: linearInit('kaimingUniform', kaimingUniform_),
  kaimingNormal: linearInit('kaimingNormal', kaimingNormal_),
});

function makeApi(M) {
  // One raw call: a failure becomes a LayerwiseError. A JS Error thrown out of wasm skips
  // the epilogues of the frames it leaves, so the stack pointer is restored here.
  function call(fn, renameOptions = false) {
    const sp = M.stackSave();
    try {
      return fn();
    } catch (err) {
      M.stackRestore(sp);
      throw toLayerwiseError(err, renameOptions);
    }
  }

  const raws = new WeakMap(); // wrapper -> Embind handle

  // Base of every object that holds wasm memory.
  class Handle {
    constructor(raw) {
      raws.set(this, raw);
      leaks.register(this, { kind: this.constructor.name, raw }, this);
    }

    /** True once dispose() has run. */
    get disposed() {
      return !raws.has(this);
    }

    /** Frees the wasm memory now; the object cannot be used afterwards. Safe to call twice. */
    dispose() {
      const raw = raws.get(this);
      if (!raw) return;
      raws.delete(this);
      leaks.unregister(this);
      raw.delete();
    }

    [Symbol.dispose ?? Symbol.for('Symbol.dispose')]() {
      this.dispose();
    }
  }

  // The Embind handle inside value, which must be a live instance of Class.
  function unwrap(value, Class, what) {
    if (!(value instanceof Class)) {
      throw new LayerwiseError(`${what} must be ${withArticle(Class.name)} of this engine, got ${describe(value)}`);
    }
    const raw = raws.get(value);
    if (!raw) throw new LayerwiseError(`${what}: this ${Class.name} was disposed and cannot be used`);
    return raw;
  }

  // Losses: stateless, so one engine object per name serves every caller.
  const lossRaws = new Map();

  class Loss {
    /** @param {string} name "mse" | "bce" | "bce_with_logits" | "cross_entropy" */
    constructor(name) {
      name = String(name);
      if (!lossRaws.has(name)) lossRaws.set(name, call(() => M.Loss._create(name)));
      this.name = name;
      Object.freeze(this);
    }
  }
  const losses = new Map();
  const lossNamed = (name) => {
    if (!losses.has(name)) losses.set(name, new Loss(name));
    return losses.get(name);
  };
  function lossRaw(loss, what) {
    if (typeof loss === 'string') loss = lossNamed(loss);
    if (!(loss instanceof Loss)) {
      throw new LayerwiseError(`${what} must be a loss such as lw.loss.MSE(), got ${describe(loss)}`);
    }
    return lossRaws.get(loss.name);
  }

  // Optimiser options: camelCase in JavaScript, PyTorch's snake_case in the engine.
  function optionsText(options, what) {
    if (options === undefined || options === null) return '{}';
    if (typeof options !== 'object' || Array.isArray(options)) {
      throw new LayerwiseError(`${what} must be an object such as { lr: 0.01 }, got ${describe(options)}`);
    }
    const out = {};
    for (const [key, value] of Object.entries(options)) {
      for (const v of Array.isArray(value) ? value : [value]) {
        if (typeof v === 'number') finite(v, `${what}.${key}`);
      }
      out[snakeCase(key)] = value;
    }
    return jsonText(out, what);
  }

  // The list of free parameters given to lw.optim.X([w, ...]): checked, and frozen as a copy
  // (the caller's later pushes to their array change nothing here).
  function freeParams(list, title) {
    const what = `${title}(params)`;
    if (list.length === 0) {
      throw new LayerwiseError(`${what}: the list of parameters is empty; pass at least one, ` +
        `e.g. lw.optim.${title}([new Float32Array([-1.5, 0.5])], { lr: 0.05 })`);
    }
    list.forEach((w, i) => {
      if (!(w instanceof Float32Array)) {
        const numbers = Array.isArray(w) || (ArrayBuffer.isView(w) && !(w instanceof DataView));
        throw new LayerwiseError(`${what}: params[${i}] must be a Float32Array (the optimizer ` +
          `updates it in place), got ${describe(w)}` +
          (numbers ? '; make one with new Float32Array([...])' : ''));
      }
      if (w.length === 0) {
        throw new LayerwiseError(`${what}: params[${i}] is empty; a parameter needs at least one value`);
      }
      const j = w.findIndex((x) => !Number.isFinite(x));
      if (j >= 0) {
        throw new LayerwiseError(`${what}: params[${i}][${j}] is ${w[j]}; parameters must be finite numbers`);
      }
      const first = list.indexOf(w);
      if (first !== i) {
        throw new LayerwiseError(`${what}: params[${i}] is the same array as params[${first}]; list each parameter once`);
      }
    });
    return Object.freeze([...list]);
  }

  // What `value` is, in a message about a number: NaN, Infinity, the string "a", ...
  const numberText = (value) => (typeof value === 'number' ? String(value) : describe(value));

  class Optimizer extends Handle {
    #model; // the Model it steps through trainStep/trainEpoch, or null
    #params; // or the caller's Float32Arrays, stepped by step(grads); null for a model's
    #sizes; // params' lengths at creation
    #buffer; // params' values, then grads, concatenated: one copy into the engine per step
    #values; // its halves
    #grads;
    #title;

    /**
     * Use lw.optim.SGD / Adam / AdamW / RMSprop(model, options) to train a model, or
     * (params, options) with params a list of Float32Arrays to step your own parameters.
     */
    constructor(name, title, target, options) {
      let params = null;
      if (Array.isArray(target)) {
        params = freeParams(target, title);
      } else if (!(target instanceof Model)) {
        const hint = target instanceof Float32Array
          ? `; to step your own parameters, pass them in a list: lw.optim.${title}([w], { lr: 0.05 })`
          : target?.constructor?.name === 'Model' ? ''
            : `; to step your own parameters, pass a list of Float32Arrays: lw.optim.${title}([w], { lr: 0.05 })`;
        throw new LayerwiseError(`${title}(model) must be a Model of this engine, got ${describe(target)}${hint}`);
      } else {
        unwrap(target, Model, `${title}(model)`); // not disposed
      }
      const text = optionsText(options, `${title} options`);
      if (params) {
        const sizes = params.map((w) => w.length);
        super(call(() => M.Optimizer._createFree(name, text, sizes), true));
        const total = sizes.reduce((a, b) => a + b, 0);
        this.#sizes = sizes;
        this.#buffer = new Float32Array(2 * total);
        this.#values = this.#buffer.subarray(0, total);
        this.#grads = this.#buffer.subarray(total);
      } else {
        super(call(() => M.Optimizer._create(name, text), true));
      }
      this.#model = params ? null : target;
      this.#params = params;
      this.#title = title;
    }

    /** The model whose parameters this optimiser updates; null for free parameters. */
    get model() {
      return this.#model;
    }

    /** The free parameters it updates (a frozen list of your Float32Arrays); null for a model's. */
    get params() {
      unwrap(this, Optimizer, `${this.#title}.params`);
      return this.#params;
    }

    /**
     * One update of the free parameters, in place, from their gradients: grads[i] (a
     * Float32Array or an array of numbers) goes with params[i] and has its length. Like
     * PyTorch's opt.step() after setting each w.grad. All or nothing: a bad gradient throws
     * and changes neither the parameters nor the optimiser's state.
     */
    step(grads) {
      const what = `${this.#title}.step`;
      const raw = unwrap(this, Optimizer, what);
      const params = this.#params;
      if (!params) {
        throw new LayerwiseError(`${what}: this optimizer was created for a model; model.trainStep ` +
          `and model.trainEpoch step it. step(grads) is for your own parameters: lw.optim.${this.#title}([w], options)`);
      }
      if (!Array.isArray(grads)) {
        throw new LayerwiseError(`${what}: grads must be a list with one gradient per parameter, ` +
          `e.g. opt.step([g]), got ${describe(grads)}`);
      }
      if (grads.length !== params.length) {
        throw new LayerwiseError(`${what}: got ${grads.length} gradient${grads.length === 1 ? '' : 's'} for ` +
          `${params.length} parameter${params.length === 1 ? '' : 's'}; pass one per parameter, in the order of the list`);
      }
      const buffer = this.#buffer;
      const values = this.#values;
      const g = this.#grads;
      let at = 0;
      for (let i = 0; i < params.length; ++i) {
        const w = params[i];
        const gi = grads[i];
        if (w.length !== this.#sizes[i]) { // its buffer was transferred or resized
          throw new LayerwiseError(`${what}: params[${i}] now has ${w.length} values, but it had ` +
            `${this.#sizes[i]} when the optimizer was created`);
        }
        if (!Array.isArray(gi) && !(ArrayBuffer.isView(gi) && !(gi instanceof DataView))) {
          throw new LayerwiseError(`${what}: grads[${i}] must be a Float32Array or an array of numbers, got ${describe(gi)}`);
        }
        if (gi.length !== w.length) {
          throw new LayerwiseError(`${what}: grads[${i}] has ${gi.length} values, but params[${i}] has ${w.length}`);
        }
        values.set(w, at);
        try {
          g.set(gi, at);
        } catch (err) { // a BigInt or a Symbol
          throw new LayerwiseError(`${what}: grads[${i}] must hold numbers: ${err.message}`, { cause: err });
        }
        for (let j = 0; j < w.length; ++j) {
          if (!Number.isFinite(values[at + j])) {
            throw new LayerwiseError(`${what}: params[${i}][${j}] is ${values[at + j]}; parameters must be ` +
              'finite numbers (if a step took it there, try a smaller lr)');
          }
          if (!Number.isFinite(g[at + j])) {
            const range = Number.isFinite(gi[j]) ? ', beyond the range of a 32-bit float' : '';
            throw new LayerwiseError(`${what}: grads[${i}][${j}] is ${numberText(gi[j])}${range}; ` +
              'gradients must be finite numbers');
          }
        }
        at += w.length;
      }
      call(() => raw._stepFree(buffer));
      at = 0;
      for (const w of params) {
        w.set(values.subarray(at, at + w.length));
        at += w.length;
      }
    }

    get lr() {
      return unwrap(this, Optimizer, `${this.#title}.lr`)._lr();
    }

    set lr(lr) {
      this.setLr(lr);
    }

    /** Changes the learning rate between steps; the state (moments, momentum) stays. */
    setLr(lr) {
      const raw = unwrap(this, Optimizer, `${this.#title}.setLr`);
      finite(lr, `${this.#title}.setLr: lr`);
      call(() => raw._setLr(lr), true);
    }

    /** Changes any options ({ lr, momentum, ... }); all or nothing. */
    set(options) {
      const raw = unwrap(this, Optimizer, `${this.#title}.set`);
      const text = optionsText(options, `${this.#title}.set options`);
      call(() => raw._set(text), true);
    }

    /** The current options, camelCase. */
    get options() {
      const raw = unwrap(this, Optimizer, `${this.#title}.options`);
      const options = JSON.parse(call(() => raw._options()));
      return Object.fromEntries(Object.entries(options).map(([k, v]) => [camelCase(k), v]));
    }

    /** Steps taken since creation or reset(). */
    get steps() {
      return unwrap(this, Optimizer, `${this.#title}.steps`)._steps();
    }

    /** Forgets the state (moments, momentum buffers, step count); options stay. */
    reset() {
      unwrap(this, Optimizer, `${this.#title}.reset`)._reset();
    }
  }

  class Dataset extends Handle {
    /** Use lw.data.generate(...). */
    constructor(raw) {
      super(raw);
    }

    /** Number of samples. */
    get size() {
      return unwrap(this, Dataset, 'Dataset.size')._size();
    }

    /** Values per sample in x. */
    get features() {
      return unwrap(this, Dataset, 'Dataset.features')._features();
    }

    /** Number of classes; 0 for regression. */
    get classes() {
      return unwrap(this, Dataset, 'Dataset.classes')._classes();
    }

    get regression() {
      return this.classes === 0;
    }

    /** Copies: x is [size × features] row-major; y is one class index or target per sample. */
    toArrays() {
      const raw = unwrap(this, Dataset, 'Dataset.toArrays');
      return { x: raw._x(), y: raw._y() };
    }

    /** A new Dataset whose x holds the named features of each point (x1, x2, x1sq, x1x2, ...). */
    featureMap(features) {
      const raw = unwrap(this, Dataset, 'Dataset.featureMap');
      return new Dataset(call(() => raw._featureMap(featureList(features))));
    }

    /** Two new Datasets [train, test]: a seeded shuffle, then the first round(ratio·N) train. */
    split(trainRatio, seed = 42) {
      const raw = unwrap(this, Dataset, 'Dataset.split');
      finite(trainRatio, 'split: trainRatio');
      seedOf(seed, 'split: seed');
      const train = new Dataset(call(() => raw._split(trainRatio, seed, false)));
      return [train, new Dataset(call(() => raw._split(trainRatio, seed, true)))];
    }

    /**
     * Standardises x in place, column by column: with the given {mean, std}, or with this
     * data's own (fit on the training set, then pass the result to the test set). Returns
     * the {mean, std} used.
     */
    standardize(stats) {
      const raw = unwrap(this, Dataset, 'Dataset.standardize');
      stats ??= call(() => raw._fitStandardizer());
      const mean = floats(stats.mean, 'standardize: mean');
      const std = floats(stats.std, 'standardize: std');
      call(() => raw._standardize(mean, std));
      return { mean, std };
    }
  }

  function featureList(features) {
    if (!Array.isArray(features) || features.some((f) => typeof f !== 'string')) {
      throw new LayerwiseError(`featureMap: features must be an array of names such as ['x1', 'x2'], got ${describe(features)}`);
    }
    return features;
  }

  class Model extends Handle {
    /** Use Model.fromSpec(spec) or Model.fromJSON(saved). */
    constructor(raw) {
      super(raw);
    }

    /**
     * A new model from a spec (object or JSON text), initialised from its seed; or from an
     * lw.nn module, with options { input, seed } as for its toSpec().
     */
    static fromSpec(spec, options) {
      if (spec instanceof Module) spec = spec.toSpec(options);
      else if (options !== undefined) {
        throw new LayerwiseError('Model.fromSpec: options { input, seed } go with an lw.nn module; a spec carries its own');
      }
      const text = jsonText(spec, 'Model.fromSpec: spec');
      return new Model(call(() => M.Model._fromSpec(text)));
    }

    /** A model saved with toJSON() (object or JSON text). */
    static fromJSON(saved) {
      const text = jsonText(saved, 'Model.fromJSON: saved model');
      return new Model(call(() => M.Model._fromJSON(text)));
    }

    /** Shape of one input sample, e.g. [2]. */
    get inputShape() {
      return unwrap(this, Model, 'Model.inputShape')._inputShape();
    }

    /** Shape of one output sample, e.g. [1]. */
    get outputShape() {
      return unwrap(this, Model, 'Model.outputShape')._outputShape();
    }

    /** Number of trainable values. */
    get numParams() {
      return unwrap(this, Model, 'Model.numParams')._numParams();
    }

    /** The spec, as an object (the seed is the one of the last initialisation). */
    get spec() {
      const raw = unwrap(this, Model, 'Model.spec');
      return JSON.parse(call(() => raw._spec()));
    }

    /** Outputs for batch samples of x (batch × input size values): a new Float32Array. */
    forward(x, batch) {
      const raw = unwrap(this, Model, 'forward');
      const xs = floats(x, 'forward: x');
      count(batch, 'forward: batch');
      return call(() => raw._forward(xs, batch));
    }

    /**
     * One optimiser step on one batch; returns its mean loss. y holds class indices for
     * CrossEntropy (one per sample), targets otherwise (batch × output size).
     */
    trainStep(x, y, batch, loss, optimizer, { l1 = 0 } = {}) {
      const raw = unwrap(this, Model, 'trainStep');
      const xs = floats(x, 'trainStep: x');
      const ys = floats(y, 'trainStep: y');
      count(batch, 'trainStep: batch');
      finite(l1, 'trainStep: l1');
      const [lossRawValue, optRaw] = this.#training('trainStep', loss, optimizer);
      return call(() => raw._trainStep(xs, ys, batch, lossRawValue, optRaw, l1));
    }

    /**
     * One pass over data in shuffled batches; returns the mean loss over its samples.
     * options.l1 adds the penalty l1·Σ|w| over weight matrices (L2 is the optimiser's weightDecay).
     */
    trainEpoch(data, batch, loss, optimizer, { l1 = 0 } = {}) {
      const raw = unwrap(this, Model, 'trainEpoch');
      const dataRaw = unwrap(data, Dataset, 'trainEpoch: data');
      count(batch, 'trainEpoch: batch');
      finite(l1, 'trainEpoch: l1');
      const [lossRawValue, optRaw] = this.#training('trainEpoch', loss, optimizer);
      return call(() => raw._trainEpoch(dataRaw, batch, lossRawValue, optRaw, l1));
    }

    /**
     * Every layer's output from the last forward pass (forward, trainStep, evaluate): one
     * new Float32Array per layer, [batch × layer width] row-major — each neuron's response.
     */
    layerOutputs() {
      const raw = unwrap(this, Model, 'layerOutputs');
      return call(() => raw._layerOutputs());
    }

    /** Mean loss over data and, for classification data, accuracy in [0, 1] (else null). */
    evaluate(data, loss) {
      const raw = unwrap(this, Model, 'evaluate');
      const dataRaw = unwrap(data, Dataset, 'evaluate: data');
      const lossRawValue = lossRaw(loss, 'evaluate: loss');
      return call(() => raw._evaluate(dataRaw, lossRawValue));
    }

    #training(what, loss, optimizer) {
      const lossRawValue = lossRaw(loss, `${what}: loss`);
      const optRaw = unwrap(optimizer, Optimizer, `${what}: optimizer`);
      if (optimizer.params) {
        throw new LayerwiseError(`${what}: this optimizer was created for a list of parameters ` +
          '(it steps them with opt.step(grads)), not for a model; create one for this model, ' +
          'e.g. lw.optim.Adam(model, { lr: 0.01 })');
      }
      if (optimizer.model !== this) {
        throw new LayerwiseError(`${what}: this optimizer was created for another model; ` +
          'create one for this model, e.g. lw.optim.Adam(model, { lr: 0.01 })');
      }
      return [lossRawValue, optRaw];
    }

    /** Copies of every parameter: [{name: "0.weight", shape: [out, in], data}, ...]. */
    parameters() {
      const raw = unwrap(this, Model, 'parameters');
      return call(() => raw._parameters(false));
    }

    /** Copies of every parameter's gradient from the last training step, shaped as parameters(). */
    gradients() {
      const raw = unwrap(this, Model, 'gradients');
      return call(() => raw._parameters(true));
    }

    /** Sets every parameter from a list shaped like parameters() (names and sizes checked). */
    setParameters(list) {
      const raw = unwrap(this, Model, 'setParameters');
      if (!Array.isArray(list)) {
        throw new LayerwiseError(`setParameters: expected a list like model.parameters(), got ${describe(list)}`);
      }
      const items = list.map((p, i) => {
        if (p === null || typeof p !== 'object' || typeof p.name !== 'string') {
          throw new LayerwiseError(`setParameters: item ${i} must be {name, data}, got ${describe(p)}`);
        }
        return { name: p.name, data: floats(p.data, `setParameters: ${p.name}.data`) };
      });
      call(() => raw._setParameters(items));
    }

    /** The saved model: {format, version, spec, parameters}; JSON.stringify(model) works too. */
    toJSON() {
      const raw = unwrap(this, Model, 'toJSON');
      return JSON.parse(call(() => raw._toJSON()));
    }

    /** Per-layer statistics of the last forward and backward pass (histograms of `bins`). */
    stats(bins = 20) {
      const raw = unwrap(this, Model, 'stats');
      count(bins, 'stats: bins');
      return JSON.parse(call(() => raw._stats(bins)));
    }

    /** Initialises every parameter again from seed (default: the spec's). */
    reset(seed = this.spec.seed) {
      const raw = unwrap(this, Model, 'reset');
      seedOf(seed, 'reset: seed');
      call(() => raw._reset(seed));
    }
  }

  const optimizer = (name, title) => {
    const make = (modelOrParams, options) => new Optimizer(name, title, modelOrParams, options);
    Object.defineProperty(make, 'name', { value: title });
    return make;
  };

  return Object.freeze({
    Model,
    Dataset,
    Optimizer,
    Loss,
    LayerwiseError,
    nn,
    init,
    /**
     * The engine's memory, for spotting leaks: heapBytes is the size of the wasm memory
     * (it only grows), usedBytes what the engine's allocator has handed out and not freed.
     */
    memory: () => M._memory(),
    optim: Object.freeze({
      SGD: optimizer('sgd', 'SGD'),
      Adam: optimizer('adam', 'Adam'),
      AdamW: optimizer('adamw', 'AdamW'),
      RMSprop: optimizer('rmsprop', 'RMSprop'),
    }),
    loss: Object.freeze({
      MSE: () => lossNamed('mse'),
      BCE: () => lossNamed('bce'),
      BCEWithLogits: () => lossNamed('bce_with_logits'),
      CrossEntropy: () => lossNamed('cross_entropy'),
      /** A loss by its engine name: "mse", "bce", "bce_with_logits", "cross_entropy". */
      byName: (name) => lossNamed(String(name)),
      names: Object.freeze(M._lossNames()),
    }),
    data: Object.freeze({
      /**
       * A seeded toy dataset: "circle", "xor", "gauss", "spiral", "moons", "blobs3"
       * (classification) or "plane", "sine" (regression); points in [-6, 6]², noise in [0, 1].
       */
      generate(name, { n = 200, noise = 0, seed = 42 } = {}) {
        count(n, 'generate: n');
        finite(noise, 'generate: noise');
        seedOf(seed, 'generate: seed');
        return new Dataset(call(() => M.Dataset._generate(String(name), n, noise, seed)));
      },
      /** Features of points (pairs x1, x2 in a Float32Array): a new Float32Array. */
      featureMap(points, features) {
        const xy = floats(points, 'featureMap: points');
        return call(() => M._featureMap(xy, featureList(features)));
      },
      /**
       * A Dataset from your own arrays: x holds n × features values (row-major), y one class
       * index per sample (classes ≥ 2) or one regression target (classes = 0). Copied in.
       */
      fromArrays(x, y, { features = 2, classes = 0 } = {}) {
        const xs = floats(x, 'fromArrays: x');
        const ys = floats(y, 'fromArrays: y');
        count(features, 'fromArrays: features');
        if (!Number.isInteger(classes) || classes < 0) {
          throw new LayerwiseError(`fromArrays: classes must be 0 (regression) or a whole number ≥ 2, got ${describe(classes)}`);
        }
        return new Dataset(call(() => M.Dataset._fromArrays(xs, ys, ys.length, features, classes)));
      },
      names: Object.freeze(M._datasetNames()),
      features: Object.freeze(M._featureNames()),
    }),
  });
}
