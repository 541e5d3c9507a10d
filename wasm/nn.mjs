// lw.nn and lw.init: the seed's PyTorch code, written in JavaScript, building a model spec.
//
//   PyTorch                                      Layerwise
//   nn.Sequential(nn.Linear(784, 256), ...)      lw.nn.Sequential(lw.nn.Linear(784, 256), ...)
//   nn.Conv2d(1, 8, 5, stride=1, padding=2)      lw.nn.Conv2d(1, 8, 5, { stride: 1, padding: 2 })
//   nn.MaxPool2d(2), nn.AvgPool2d(3, 1, 1)       lw.nn.MaxPool2d(2), lw.nn.AvgPool2d(3, 1, 1)
//   isinstance(m, nn.Linear)                     m instanceof lw.nn.Linear
//   nn.init.xavier_uniform_(m.weight, gain=g)    lw.init.xavierUniform_(m.weight, { gain: g })
//   nn.init.zeros_(m.bias)                       lw.init.zeros_(m.bias)
//   model.apply(weight_init)                     seq.apply(weightInit)
//
// Nothing here needs the engine: a module holds sizes, and its parameters hold the choice of
// initialiser, not numbers. toSpec() turns that into the spec (docs/model-spec.md) — an
// initialiser every Linear and Conv2d shares goes to the spec's "init", others to the layer's
// own "init" — and the engine fills the weights from the spec's seed, identically in wasm and
// natively.
// Builders may be called with or without `new`, as PyTorch's are called.
import { LayerwiseError, count, describe, finite, known, object, quoted, seedOf, withArticle } from './checks.mjs';

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

  /** [out, in] for a Linear weight, [out, in, kh, kw] for a Conv2d weight, [out] for a bias. */
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

// A kernel, stride or padding as PyTorch takes it: a number, or a pair [h, w] (an array).
function pair(value, what, min) {
  const [h, w] = Array.isArray(value) && value.length === 2 ? value : [value, value];
  if (Array.isArray(value) && value.length !== 2) {
    throw new LayerwiseError(`${what} must be a number or a pair [h, w], got ${value.length} numbers`);
  }
  return Object.freeze([count(h, what, min), count(w, what, min)]);
}

// How a spec writes a pair: one number when both sides agree.
const pairSpec = ([h, w]) => (h === w ? h : [h, w]);
const by = ([h, w]) => `${h}×${w}`;

// stride and padding given positionally, as PyTorch allows (Conv2d(1, 8, 5, 2, 1)), or by name
// ({ stride: 2, padding: 1 }).
function windowOptions(what, args, defaults) {
  const names = Object.keys(defaults);
  const named = args.length === 1 && args[0] !== null && typeof args[0] === 'object' && !Array.isArray(args[0]);
  if (!named && args.length > names.length) {
    throw new LayerwiseError(`${what}: takes at most ${names.length} options after the kernel size (${names.join(', ')}), got ${args.length}`);
  }
  const given = known(named ? args[0] : Object.fromEntries(args.map((v, i) => [names[i], v])), names, what);
  return Object.fromEntries(names.map((n) => [n, given[n] ?? defaults[n]]));
}

// Shape of the output of a window layer on an image input, checked as PyTorch checks it.
function windowShape(shape, where, before, name, kernel, stride, padding) {
  if (shape.length !== 3) {
    throw new LayerwiseError(`${where}: ${name} needs an image input [channels, height, width], but ${before} shape [${shape}]` +
      (shape.length === 1 ? '; give toSpec an image input such as { input: [1, 28, 28] }, and put lw.nn.Flatten() after the image layers' : ''));
  }
  const padded = [shape[1] + 2 * padding[0], shape[2] + 2 * padding[1]];
  if (padded[0] < kernel[0] || padded[1] < kernel[1]) {
    throw new LayerwiseError(`${where}: ${name}'s ${by(kernel)} kernel is larger than its padded input ${by(padded)} ` +
      `(${before} shape [${shape}], padding ${by(padding)})`);
  }
  return [0, 1].map((d) => Math.floor((padded[d] - kernel[d]) / stride[d]) + 1);
}

// A layer that slides a window over [C, H, W] samples: its kernel, stride and padding, each
// [h, w]; stride and padding given by name or positionally, as in PyTorch.
class Windowed extends Module {
  #kernel;
  #stride;
  #padding;

  constructor(what, kernelSize, options, defaults) {
    super();
    this.#kernel = pair(kernelSize, `${what}: kernelSize`, 1);
    const { stride, padding } = windowOptions(what, options, defaults);
    this.#stride = stride === undefined || stride === null ? this.#kernel : pair(stride, `${what}: stride`, 1);
    this.#padding = pair(padding, `${what}: padding`, 0);
  }

  get kernelSize() {
    return this.#kernel;
  }

  get stride() {
    return this.#stride;
  }

  get padding() {
    return this.#padding;
  }
}

// A windowed layer's kernel, stride and padding as the spec writes them, and its output
// [h, w] on `shape` (checked).
function windowSpec(m, shape, where, before, name) {
  const size = windowShape(shape, where, before, name, m.kernelSize, m.stride, m.padding);
  return [{ kernel: pairSpec(m.kernelSize), stride: pairSpec(m.stride), padding: pairSpec(m.padding) }, size];
}

/** 2-D convolution over [C, H, W] samples: weight [outChannels, inChannels, kh, kw], bias [outChannels]. */
class Conv2d extends Windowed {
  #in;
  #out;

  constructor(inChannels, outChannels, kernelSize, ...options) {
    count(inChannels, 'nn.Conv2d: inChannels');
    count(outChannels, 'nn.Conv2d: outChannels');
    super('nn.Conv2d', kernelSize, options, { stride: 1, padding: 0 });
    this.#in = inChannels;
    this.#out = outChannels;
    this.weight = new Parameter('weight', [outChannels, inChannels, ...this.kernelSize]);
    this.bias = new Parameter('bias', [outChannels]);
    Object.freeze(this);
  }

  get inChannels() {
    return this.#in;
  }

  get outChannels() {
    return this.#out;
  }

  [layerSpec](shape, where, before) {
    const short = `Conv2d(${this.#in}, ${this.#out}, ${pairSpec(this.kernelSize)})`;
    const [window, size] = windowSpec(this, shape, where, before, short);
    if (shape[0] !== this.#in) {
      throw new LayerwiseError(`${where}: ${short} takes ${this.#in} input channel${this.#in === 1 ? '' : 's'}, but ${before} ` +
        `${shape[0]} (shape [${shape}]); make it Conv2d(${shape[0]}, ${this.#out}, ${pairSpec(this.kernelSize)}), or change the layer before it`);
    }
    return [{ type: 'conv2d', out: this.#out, ...window }, [this.#out, ...size]];
  }

  toString() {
    const t = (p) => `(${p.join(', ')})`;
    return `Conv2d(${this.#in}, ${this.#out}, kernel_size=${t(this.kernelSize)}, stride=${t(this.stride)}` +
      (this.padding.some((p) => p) ? `, padding=${t(this.padding)})` : ')');
  }
}

// MaxPool2d and AvgPool2d: a window per channel; the stride defaults to the kernel, and
// PyTorch allows padding of at most half the kernel.
class Pool2d extends Windowed {
  constructor(kernelSize, options) {
    const what = `nn.${new.target.name}`;
    super(what, kernelSize, options, { stride: undefined, padding: 0 });
    const [k, p] = [this.kernelSize, this.padding];
    if (p[0] > k[0] / 2 || p[1] > k[1] / 2) {
      throw new LayerwiseError(`${what}: padding ${by(p)} is more than half the kernel ${by(k)}; ` +
        `PyTorch allows at most ${by(k.map((n) => Math.floor(n / 2)))}`);
    }
    Object.freeze(this);
  }

  [layerSpec](shape, where, before) {
    const [window, size] = windowSpec(this, shape, where, before, `${this.constructor.name}(${pairSpec(this.kernelSize)})`);
    return [{ type: this instanceof MaxPool2d ? 'maxpool2d' : 'avgpool2d', ...window }, [shape[0], ...size]];
  }

  toString() {
    const v = (p) => (p[0] === p[1] ? p[0] : `(${p.join(', ')})`);
    const max = this instanceof MaxPool2d ? ', dilation=1, ceil_mode=False' : '';
    return `${this.constructor.name}(kernel_size=${v(this.kernelSize)}, stride=${v(this.stride)}, padding=${v(this.padding)}${max})`;
  }
}

/** The largest value of each window; the gradient goes to it (the first, on ties). */
class MaxPool2d extends Pool2d {
  constructor(kernelSize, ...options) {
    super(kernelSize, options);
  }
}

/** The mean of each window, padding counted as zeros (PyTorch's count_include_pad). */
class AvgPool2d extends Pool2d {
  constructor(kernelSize, ...options) {
    super(kernelSize, options);
  }
}

// Layers with a weight and a bias that lw.init fills.
const weighted = (m) => m instanceof Linear || m instanceof Conv2d;

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
    known(object(options, 'toSpec: options', '{ input: [2], seed: 1 }'), ['input', 'seed'], 'toSpec');
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
      if (weighted(m) && leaves.indexOf(m) < i) {
        const name = m.constructor.name;
        throw new LayerwiseError(`${where} is the same ${name} as layer ${leaves.indexOf(m)}; layers cannot share weights here, ` +
          `so give each place its own lw.nn.${name}`);
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

// Initialisers chosen with lw.init: one every Linear and Conv2d shares goes to spec.init (the
// form a hand-written spec uses), any other to its layer's own "init". Unchosen: PyTorch's default.
function placeInits(leaves, layers) {
  const linears = leaves.flatMap((m, i) => (weighted(m) ? [[m, layers[i]]] : []));
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
  Conv2d: builder(Conv2d),
  MaxPool2d: builder(MaxPool2d),
  AvgPool2d: builder(AvgPool2d),
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
    throw new LayerwiseError(`calculateGain: unknown nonlinearity ${quoted(nonlinearity)}; allowed: ${Object.keys(gains).join(', ')}`);
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
  const options = known(named ? first : Object.fromEntries(args.map((v, i) => [names[i], v])), names, what);
  const out = {};
  for (const [key, value] of Object.entries(options)) {
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
      throw new LayerwiseError(`${what}: expected a parameter such as m.weight or m.bias of an lw.nn.Linear or lw.nn.Conv2d, got ${describe(param)}`);
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
