// makeApi: the API `lw` over the Embind bindings (wasm/bindings.cpp), given the instantiated
// Emscripten module (load.mjs does that): Model and Dataset here, Optimizer from optim.mjs,
// losses, lw.data and lw.memory, with lw.nn and lw.init from nn.mjs. With handles.mjs and
// optim.mjs, this is the one place that knows the bindings. Its rules (docs/js-api.md):
// every failure is a LayerwiseError naming the problem, and the engine stays usable; every
// array crosses by copy, both ways (arguments are copied into wasm memory once per call, every
// Float32Array returned is a fresh copy the caller owns, so memory growth cannot detach one);
// every argument is read and copied (checks.mjs) before the handles are taken and the engine
// is called, so code of the caller's (a getter, a Proxy) that disposes an object mid-call
// meets a "was disposed" error, never freed memory;
// Model, Optimizer and Dataset hold wasm memory until dispose(), while losses are stateless
// values. Semantics are PyTorch's (docs/semantics.md).
import { LayerwiseError, MAX_INT, MAX_VALUES, count, describe, finite, floats, isTypedArray, jsonText, lengthOf, names, options, seedOf, size } from './checks.mjs';
import { Handle, addressOf, engineCall, unwrap } from './handles.mjs';
import { nn, init } from './nn.mjs';
import { optimizerClass } from './optim.mjs';

/** The API `lw` over M, the instantiated Emscripten module. */
export function makeApi(M) {
  const call = engineCall(M);

  // Losses: stateless, so one engine object per name serves every caller.
  const lossRaws = new Map();
  const lossOf = new WeakMap(); // each Loss made here -> its engine object (a look-alike has none)

  class Loss {
    /** @param {string} name "mse" | "bce" | "bce_with_logits" | "cross_entropy" */
    constructor(name) {
      if (typeof name !== 'string') {
        throw new LayerwiseError(`Loss: name must be a loss name such as "mse" (lw.loss.names lists them), got ${describe(name)}`);
      }
      if (!lossRaws.has(name)) lossRaws.set(name, call(() => M.Loss._create(name)));
      this.name = name;
      lossOf.set(this, lossRaws.get(name));
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
    if (!lossOf.has(loss)) {
      throw new LayerwiseError(`${what} must be a loss such as lw.loss.MSE(), got ${describe(loss)}`);
    }
    return lossOf.get(loss);
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
      unwrap(this, Dataset, 'Dataset.featureMap');
      const list = featureList(features);
      const raw = unwrap(this, Dataset, 'Dataset.featureMap');
      return new Dataset(call(() => raw._featureMap(list)));
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
      stats ??= call(() => unwrap(this, Dataset, 'Dataset.standardize')._fitStandardizer());
      unwrap(this, Dataset, 'Dataset.standardize');
      const given = options(stats, 'standardize', ['mean', 'std'], '{ mean, std }', 'stats');
      const mean = floats(given.mean, 'standardize: mean');
      const std = floats(given.std, 'standardize: std');
      const raw = unwrap(this, Dataset, 'Dataset.standardize');
      call(() => raw._standardize(mean, std));
      return { mean, std };
    }
  }

  // The hot path (bindings.cpp, lw_stage_x): x is written straight into the model's input
  // buffer in wasm memory (y into a buffer beside it), then a plain export runs the call. A Float32Array is used
  // as it is (TypedArray.prototype.set runs no code of the caller's); anything else is read
  // once through floats(), as everywhere else.
  const staged = (value, what) =>
    value instanceof Float32Array && isTypedArray(value) ? (size(lengthOf(value), what), value) : floats(value, what);

  function stage(model, x, y) {
    const atX = M._lw_stage_x(model, lengthOf(x));
    if (M._lw_failed()) throw engineError();
    const atY = y ? M._lw_stage_y(model, lengthOf(y)) : 0;
    if (y && M._lw_failed()) throw engineError();
    const heap = M.HEAPF32; // after staging, which may have grown the memory
    heap.set(x, atX / 4);
    if (y) heap.set(y, atY / 4);
  }

  // The failure a plain export reported, as engineCall's callers see a thrown one.
  const engineError = () => new Error(M._lastError());

  const featureList = (features) => names(features, 'featureMap: features', "['x1', 'x2']");

  // The l1 penalty of trainStep and trainEpoch's options { l1 }.
  function penalty(settings, what) {
    const { l1 = 0 } = options(settings, what, ['l1'], '{ l1: 0.001 }');
    return finite(l1, `${what}: l1`);
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
      if (spec instanceof nn.Module) spec = spec.toSpec(options);
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
      unwrap(this, Model, 'forward');
      const xs = staged(x, 'forward: x');
      count(batch, 'forward: batch');
      const model = addressOf(unwrap(this, Model, 'forward'));
      return call(() => {
        stage(model, xs, null);
        const out = M._lw_forward(model, lengthOf(xs), batch);
        if (!out) throw engineError();
        return M.HEAPF32.slice(out / 4, out / 4 + batch * this.#outputSize());
      });
    }

    /**
     * One optimiser step on one batch; returns its mean loss. y holds class indices for
     * CrossEntropy (one per sample), targets otherwise (batch × output size).
     */
    trainStep(x, y, batch, loss, optimizer, settings) {
      unwrap(this, Model, 'trainStep');
      const xs = staged(x, 'trainStep: x');
      const ys = staged(y, 'trainStep: y');
      count(batch, 'trainStep: batch');
      const l1 = settings === undefined ? 0 : penalty(settings, 'trainStep');
      const [lossRawValue, optRaw] = this.#training('trainStep', loss, optimizer);
      const model = addressOf(unwrap(this, Model, 'trainStep'));
      return call(() => {
        stage(model, xs, ys);
        const value = M._lw_train_step(model, lengthOf(xs), lengthOf(ys), batch, addressOf(lossRawValue), addressOf(optRaw), l1);
        if (value !== value && M._lw_failed()) throw engineError();
        return value;
      });
    }

    // Values per output sample, asked of the engine once (it never changes).
    #outputValues;
    #outputSize() {
      return (this.#outputValues ??= this.outputShape.reduce((a, b) => a * b, 1));
    }

    /**
     * One pass over data in shuffled batches; returns the mean loss over its samples.
     * options.l1 adds the penalty l1·Σ|w| over weight matrices (L2 is the optimiser's weightDecay).
     */
    trainEpoch(data, batch, loss, optimizer, settings) {
      unwrap(this, Model, 'trainEpoch');
      unwrap(data, Dataset, 'trainEpoch: data');
      count(batch, 'trainEpoch: batch');
      const l1 = penalty(settings, 'trainEpoch');
      const [lossRawValue, optRaw] = this.#training('trainEpoch', loss, optimizer);
      const dataRaw = unwrap(data, Dataset, 'trainEpoch: data');
      const raw = unwrap(this, Model, 'trainEpoch');
      return call(() => raw._trainEpoch(dataRaw, batch, lossRawValue, optRaw, l1));
    }

    /**
     * One training step on one example, with every number recorded (a backprop stepper's
     * data): x is one sample, y its target (a class index for CrossEntropy). Returns
     * { loss, penalty, step, input, layers: [{ output, gradOutput }], params: [{ name, shape,
     * value, grad, updated, state }] }: each layer's output and ∂loss/∂output, each
     * parameter's gradient and its value before and after the optimiser's update, and the
     * optimiser's state after it under PyTorch's names (state.exp_avg, ...). Dropout is off.
     * Unless settings.apply is true the model and optimiser are left as they were: the step
     * is worked out on copies. settings.l1 as for trainStep.
     */
    traceStep(x, y, loss, optimizer, settings) {
      unwrap(this, Model, 'traceStep');
      const xs = floats(x, 'traceStep: x');
      const ys = floats(y, 'traceStep: y');
      const { l1 = 0, apply = false } = options(settings, 'traceStep', ['l1', 'apply'], '{ apply: true }');
      finite(l1, 'traceStep: l1');
      if (typeof apply !== 'boolean') {
        throw new LayerwiseError(`traceStep: apply must be true or false, got ${describe(apply)}`);
      }
      const [lossRawValue, optRaw] = this.#training('traceStep', loss, optimizer);
      const raw = unwrap(this, Model, 'traceStep');
      return call(() => raw._traceStep(xs, ys, lossRawValue, optRaw, l1, apply));
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
      unwrap(this, Model, 'evaluate');
      unwrap(data, Dataset, 'evaluate: data');
      const lossRawValue = lossRaw(loss, 'evaluate: loss');
      const dataRaw = unwrap(data, Dataset, 'evaluate: data');
      const raw = unwrap(this, Model, 'evaluate');
      return call(() => raw._evaluate(dataRaw, lossRawValue));
    }

    #training(what, loss, optimizer) {
      const lossRawValue = lossRaw(loss, `${what}: loss`);
      unwrap(optimizer, Optimizer, `${what}: optimizer`);
      const { model, params } = optimizerTarget(optimizer);
      if (params) {
        throw new LayerwiseError(`${what}: this optimizer was created for a list of parameters ` +
          '(it steps them with opt.step(grads)), not for a model; create one for this model, ' +
          'e.g. lw.optim.Adam(model, { lr: 0.01 })');
      }
      if (model !== this) {
        throw new LayerwiseError(`${what}: this optimizer was created for another model; ` +
          'create one for this model, e.g. lw.optim.Adam(model, { lr: 0.01 })');
      }
      return [lossRawValue, unwrap(optimizer, Optimizer, `${what}: optimizer`)];
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
      unwrap(this, Model, 'setParameters');
      if (!Array.isArray(list)) {
        throw new LayerwiseError(`setParameters: expected a list like model.parameters(), got ${describe(list)}`);
      }
      const n = count(list.length, 'setParameters: list.length', 0);
      const items = [];
      for (let i = 0; i < n; ++i) {
        const p = list[i];
        const name = p !== null && typeof p === 'object' ? p.name : undefined;
        if (typeof name !== 'string') {
          throw new LayerwiseError(`setParameters: item ${i} must be {name, data}, got ${describe(p)}`);
        }
        items.push({ name, data: floats(p.data, `setParameters: ${name}.data`) });
      }
      const raw = unwrap(this, Model, 'setParameters');
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
    reset(seed) {
      unwrap(this, Model, 'reset');
      if (seed === undefined) seed = this.spec.seed;
      seedOf(seed, 'reset: seed');
      const raw = unwrap(this, Model, 'reset');
      call(() => raw._reset(seed));
    }
  }

  const { Optimizer, optimizerTarget } = optimizerClass(M, call, Model);

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
     * (it only grows), usedBytes what the engine's allocator has handed out and not freed,
     * allocations how many times the engine has allocated (C++ operator new) since it loaded.
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
      byName: (name) => lossNamed(name),
      names: Object.freeze(M._lossNames()),
    }),
    data: Object.freeze({
      /**
       * A seeded toy dataset: "circle", "xor", "gauss", "spiral", "moons", "blobs3"
       * (classification) or "plane", "sine" (regression); points in [-6, 6]², noise in [0, 1].
       */
      generate(name, settings) {
        const { n = 200, noise = 0, seed = 42 } = options(settings, 'generate', ['n', 'noise', 'seed'], '{ n: 200, noise: 0.1, seed: 1 }');
        count(n, 'generate: n', 1, MAX_VALUES);
        finite(noise, 'generate: noise');
        seedOf(seed, 'generate: seed');
        if (typeof name !== 'string') {
          throw new LayerwiseError(`generate: name must be a dataset name such as "xor", got ${describe(name)}`);
        }
        return new Dataset(call(() => M.Dataset._generate(name, n, noise, seed)));
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
      fromArrays(x, y, settings) {
        const { features = 2, classes = 0 } = options(settings, 'fromArrays', ['features', 'classes'], '{ features: 2, classes: 3 }');
        const xs = floats(x, 'fromArrays: x');
        const ys = floats(y, 'fromArrays: y');
        count(features, 'fromArrays: features');
        if (!Number.isSafeInteger(classes) || classes < 0 || classes > MAX_INT) {
          throw new LayerwiseError(`fromArrays: classes must be 0 (regression) or a whole number ≥ 2, got ${describe(classes)}`);
        }
        return new Dataset(call(() => M.Dataset._fromArrays(xs, ys, ys.length, features, classes)));
      },
      names: Object.freeze(M._datasetNames()),
      features: Object.freeze(M._featureNames()),
    }),
  });
}
