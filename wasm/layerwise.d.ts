// Types of the engine's public entry, wasm/layerwise.mjs (and of what it re-exports from
// checks.mjs, load.mjs, nn.mjs and random.mjs; lw itself is built by api.mjs), written by hand
// and checked by `tsc` against the typed example in tests/ts/ (strict mode). This file is the
// API reference; docs/js-api.md explains it, docs/model-spec.md the spec, docs/semantics.md the
// formulas and defaults (PyTorch's). Rules that types cannot say:
//   - Every array crosses by copy: arguments are copied in, every Float32Array returned is
//     a new array the caller owns (changing it changes nothing in the engine).
//   - Model, Optimizer and Dataset hold wasm memory: call dispose() when done. (They also
//     implement Symbol.dispose for `using`; it is left out here so these types need no
//     esnext.disposable lib.)
//   - Every failure throws a LayerwiseError naming the problem; the engine stays usable.

/** Every error the engine reports; the message names the problem. The engine stays usable. */
export class LayerwiseError extends Error {
  constructor(message?: string, options?: { cause?: unknown });
  readonly name: 'LayerwiseError';
}

export interface LoadOptions {
  /** Where layerwise.wasm is; default: next to layerwise.mjs. */
  wasmUrl?: string | URL;
  /** The bytes of layerwise.wasm. */
  wasmBinary?: BufferSource;
  /** An already compiled engine (e.g. posted from the page to a worker). */
  wasmModule?: WebAssembly.Module;
}

/** Loads the engine (compiled once per URL) and resolves to its API. */
export function loadLayerwise(options?: LoadOptions): Promise<Layerwise>;

/**
 * A seeded generator of numbers in [0, 1) (mulberry32): each call returns the next number of
 * the stream of `seed` (taken mod 2^32). The same seed gives the same numbers everywhere.
 */
export function random(seed: number): () => number;

/** 0 .. n−1 in a seeded order: Fisher–Yates (from the last index down) over random(seed). */
export function shuffled(n: number, seed: number): Uint32Array;

/** A Float32Array, or any array or typed array of numbers (copied in). */
export type Floats = Float32Array | ArrayLike<number>;

// ---- Specs -----------------------------------------------------------------------------------

/** An initialiser's name; with options it is an InitObject. */
export type InitName =
  | 'default' | 'zeros' | 'constant' | 'normal' | 'uniform'
  | 'xavier_uniform' | 'xavier_normal' | 'kaiming_uniform' | 'kaiming_normal';

export type Nonlinearity = 'linear' | 'identity' | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu';

/** An initialiser with options, e.g. {type: 'xavier_uniform', gain: 'tanh'}. */
export interface InitObject {
  type: InitName;
  /** xavier_*: a number, or the nonlinearity whose calculate_gain to use. */
  gain?: number | Nonlinearity;
  /** kaiming_*: the negative slope of the leaky ReLU after the layer; uniform: lower bound. */
  a?: number;
  /** uniform: upper bound. */
  b?: number;
  mode?: 'fan_in' | 'fan_out';
  nonlinearity?: Nonlinearity;
  mean?: number;
  std?: number;
  /** constant */
  value?: number;
}

export type InitSpec = InitName | InitObject;

/** Initialisers of a model (spec.init) or of one linear or conv2d layer (its "init"); absent: default. */
export interface InitChoice {
  weight?: InitSpec;
  bias?: InitSpec;
}

/** A kernel, stride or padding: one number for both sides, or [height, width]. */
export type Size2d = number | [number, number];

export type LayerSpec =
  | { type: 'linear'; out: number; init?: InitChoice }
  /** Input [C, H, W] → [out, ⌊(H + 2p − k)/s⌋ + 1, …]; stride 1 and padding 0 when absent. */
  | { type: 'conv2d'; out: number; kernel: Size2d; stride?: Size2d; padding?: Size2d; init?: InitChoice }
  /** Stride defaults to the kernel; padding (default 0) at most half the kernel. */
  | { type: 'maxpool2d' | 'avgpool2d'; kernel: Size2d; stride?: Size2d; padding?: Size2d }
  | { type: 'relu' | 'sigmoid' | 'tanh' | 'softmax' | 'identity' | 'flatten' }
  | { type: 'leaky_relu'; slope?: number }
  | { type: 'dropout'; p?: number };

/** {"input":[2],"layers":[{"type":"linear","out":8},{"type":"tanh"},...],"init":{...},"seed":42} */
export interface ModelSpec {
  /** Shape of one sample, 1 to 3 dimensions: [features], or [channels, height, width] for images. */
  input: number[];
  layers: LayerSpec[];
  init?: InitChoice;
  /** Initialisation seed; 42 when absent. */
  seed?: number;
}

export interface SavedModel {
  format: 'layerwise-model';
  version: number;
  spec: ModelSpec;
  parameters: Array<{ name: string; shape: number[]; data: number[] }>;
}

// ---- Engine objects --------------------------------------------------------------------------

export interface Parameter {
  /** "0.weight", "0.bias", ... (PyTorch's state_dict names) */
  name: string;
  /** [out, in] for a Linear weight, [out, in, kh, kw] for a Conv2d weight, [out] for a bias */
  shape: number[];
  /** A copy. */
  data: Float32Array;
}

export interface Evaluation {
  loss: number;
  /** Fraction right in [0, 1]; null for regression data. */
  accuracy: number | null;
}

/** Extra terms of a training step. */
export interface TrainOptions {
  /** L1 penalty λ: adds λ·Σ|w| over weight matrices to the loss (L2 is weightDecay). */
  l1?: number;
}

/** What holds wasm memory. */
export interface EngineObject {
  /** Frees the wasm memory now; later calls throw. Safe to call twice. */
  dispose(): void;
  readonly disposed: boolean;
}

/** Count, moments, range and a histogram of `bins` equal-width bins over [min, max]. */
export interface Summary {
  count: number;
  mean: number;
  std: number;
  min: number;
  max: number;
  histogram: number[];
}

/** Statistics of one layer in the last forward (activations) and backward (gradients) pass. */
export interface LayerStats {
  type: string;
  /** count 0 for layers without parameters. */
  weights: Summary;
  weightGrads: Summary;
  /** The layer's output. */
  activations: Summary;
  /** ∂L/∂output. */
  activationGrads: Summary;
  /** relu: fraction of units that output 0 for the whole batch. */
  dead: number;
  /** tanh, sigmoid: fraction of outputs in a flat region (|tanh| > 0.99, sigmoid < 0.01 or > 0.99). */
  saturated: number;
}

export interface TraceOptions extends TrainOptions {
  /** Make the update (as trainStep on a batch of this one example); default false. */
  apply?: boolean;
}

/** Model.traceStep's record of one example's step. */
export interface StepTrace {
  /** This example's loss, and the L1 penalty added to it (0 without L1). */
  loss: number;
  penalty: number;
  /** The optimiser's step number t of this update (1 for the first). */
  step: number;
  input: Float32Array;
  /** Per layer: its output (a Linear layer's is z) and ∂loss/∂output (after a Linear, each unit's δ). */
  layers: Array<{ output: Float32Array; gradOutput: Float32Array }>;
  /** Per parameter: before the update, ∂loss/∂p, after it, and the optimiser's state after it. */
  params: Array<{
    name: string;
    shape: number[];
    value: Float32Array;
    grad: Float32Array;
    updated: Float32Array;
    /** PyTorch's names: momentum_buffer; exp_avg, exp_avg_sq, max_exp_avg_sq; square_avg, grad_avg. */
    state: Record<string, Float32Array>;
  }>;
}

export interface Model extends EngineObject {
  readonly inputShape: number[];
  readonly outputShape: number[];
  readonly numParams: number;
  /** The spec, with the seed of the last initialisation. */
  readonly spec: ModelSpec;
  /** x: batch × input size values. Returns a new array of batch × output size values. */
  forward(x: Floats, batch: number): Float32Array;
  /** One step on one batch; the batch's mean loss. y: class indices for CrossEntropy, else targets. */
  trainStep(x: Floats, y: Floats, batch: number, loss: Loss | LossName, optimizer: Optimizer,
            options?: TrainOptions): number;
  /** One shuffled pass over data; the mean loss over its samples. */
  trainEpoch(data: Dataset, batch: number, loss: Loss | LossName, optimizer: Optimizer,
             options?: TrainOptions): number;
  /**
   * One example's training step with every number recorded (dropout off). Without
   * `apply: true` nothing changes: the update is worked out on copies.
   */
  traceStep(x: Floats, y: Floats, loss: Loss | LossName, optimizer: Optimizer,
            options?: TraceOptions): StepTrace;
  /** Every layer's output from the last forward pass: one new array per layer, batch × width. */
  layerOutputs(): Float32Array[];
  evaluate(data: Dataset, loss: Loss | LossName): Evaluation;
  /** Copies of every parameter. */
  parameters(): Parameter[];
  /** Copies of every parameter's gradient from the last training step. */
  gradients(): Parameter[];
  /** All or nothing; names and sizes must match parameters(). */
  setParameters(list: ReadonlyArray<{ name: string; data: Floats }>): void;
  toJSON(): SavedModel;
  stats(bins?: number): LayerStats[];
  /** Initialises the parameters again (default: the spec's seed). */
  reset(seed?: number): void;
}

/** Construct signatures are for instanceof only: create engine objects with the factories. */
export interface ModelClass {
  new (internal: never): Model;
  readonly prototype: Model;
  /** From a spec (object or JSON text), or from an lw.nn module (options as its toSpec). */
  fromSpec(spec: ModelSpec | string): Model;
  fromSpec(module: nn.Module, options?: nn.SpecOptions): Model;
  fromJSON(saved: SavedModel | string): Model;
}

/** PyTorch's option names in camelCase. */
export interface OptimizerOptions {
  lr?: number;
  /** SGD, RMSprop */
  momentum?: number;
  /** SGD */
  dampening?: number;
  /** SGD */
  nesterov?: boolean;
  weightDecay?: number;
  /** Adam, AdamW */
  betas?: [number, number];
  eps?: number;
  /** Adam, AdamW */
  amsgrad?: boolean;
  /** RMSprop */
  alpha?: number;
  /** RMSprop */
  centered?: boolean;
}

export interface Optimizer extends EngineObject {
  /** The model whose parameters it updates; null for an optimiser of free parameters. */
  readonly model: Model | null;
  /** The free parameters it updates (a frozen list of your arrays); null for a model's. */
  readonly params: readonly Float32Array[] | null;
  lr: number;
  /** The current options, camelCase. */
  readonly options: OptimizerOptions;
  /** Steps since creation or reset(). */
  readonly steps: number;
  /** Between steps; the state (moments, momentum) stays. */
  setLr(lr: number): void;
  /** All or nothing. */
  set(options: OptimizerOptions): void;
  /** Forgets moments and momentum buffers; options stay. */
  reset(): void;
  /**
   * Free parameters only: one update of every params[i] in place from grads[i] (same
   * length, finite), as PyTorch's opt.step() after setting each w.grad. All or nothing.
   */
  step(grads: ReadonlyArray<Float32Array | readonly number[]>): void;
}

/**
 * lw.optim.SGD / Adam / AdamW / RMSprop: for a model (stepped by trainStep, trainEpoch), or
 * for a list of your own parameters (stepped by opt.step(grads)), as torch.optim.Adam([w]).
 */
export interface OptimizerFactory {
  (model: Model, options?: OptimizerOptions): Optimizer;
  (params: readonly Float32Array[], options?: OptimizerOptions): Optimizer;
}

export type LossName = 'mse' | 'bce' | 'bce_with_logits' | 'cross_entropy';

/** Stateless; nothing to dispose. */
export interface Loss {
  readonly name: LossName;
}

export interface Standardization {
  mean: Float32Array;
  std: Float32Array;
}

export type DatasetName = 'circle' | 'xor' | 'gauss' | 'spiral' | 'moons' | 'blobs3' | 'plane' | 'sine';
export type FeatureName = 'x1' | 'x2' | 'x1sq' | 'x2sq' | 'x1x2' | 'sinx1' | 'sinx2';

export interface Dataset extends EngineObject {
  readonly size: number;
  readonly features: number;
  /** 0 for regression. */
  readonly classes: number;
  readonly regression: boolean;
  /** Copies: x is size × features values, y one class index or target per sample. */
  toArrays(): { x: Float32Array; y: Float32Array };
  /** A new Dataset of the named features of each point. */
  featureMap(features: FeatureName[]): Dataset;
  /** Two new Datasets [train, test]: a seeded shuffle, then round(ratio·size) for training. */
  split(trainRatio: number, seed?: number): [Dataset, Dataset];
  /** In place; fits on this data when stats is omitted. Returns the stats used (copies). */
  standardize(stats?: Standardization): Standardization;
}

export interface GenerateOptions {
  /** Number of points; default 200. */
  n?: number;
  /** In [0, 1]; default 0. */
  noise?: number;
  /** Default 42. */
  seed?: number;
}

export interface FromArraysOptions {
  /** Values per sample in x; default 2. */
  features?: number;
  /** Number of classes (≥ 2), or 0 for regression (default). */
  classes?: number;
}

/** The engine's memory (lw.memory()). */
export interface MemoryInfo {
  /** Size of the wasm memory; it only grows. */
  heapBytes: number;
  /** Bytes the engine's allocator has handed out and not freed. */
  usedBytes: number;
  /** How many times the engine has allocated (C++ operator new) since it loaded. */
  allocations: number;
}

export interface Layerwise {
  Model: ModelClass;
  Dataset: { new (internal: never): Dataset; readonly prototype: Dataset };
  Optimizer: { new (internal: never): Optimizer; readonly prototype: Optimizer };
  /** new lw.Loss(name) is lw.loss.byName(name) without the cache. */
  Loss: { new (name: LossName): Loss; readonly prototype: Loss };
  LayerwiseError: typeof LayerwiseError;
  nn: typeof nn;
  init: typeof init;
  memory(): MemoryInfo;
  optim: { SGD: OptimizerFactory; Adam: OptimizerFactory; AdamW: OptimizerFactory; RMSprop: OptimizerFactory };
  loss: {
    MSE(): Loss;
    BCE(): Loss;
    BCEWithLogits(): Loss;
    CrossEntropy(): Loss;
    byName(name: LossName): Loss;
    readonly names: readonly LossName[];
  };
  data: {
    /** Seeded toy data. */
    generate(name: DatasetName, options?: GenerateOptions): Dataset;
    /** Your own data: x is n × features values; y class indices (classes ≥ 2) or targets (0). */
    fromArrays(x: Floats, y: Floats, options?: FromArraysOptions): Dataset;
    /** Features of points (pairs x1, x2): a new array. */
    featureMap(points: Floats, features: FeatureName[]): Float32Array;
    readonly names: readonly DatasetName[];
    readonly features: readonly FeatureName[];
  };
}

// ---- nn and init: PyTorch-style builders of a spec (no engine needed) ------------------------

/** A class callable with or without `new`, usable with instanceof. */
interface Builder<Args extends unknown[], T> {
  (...args: Args): T;
  new (...args: Args): T;
  readonly prototype: T;
}

export namespace nn {
  /** The options of toSpec and of Model.fromSpec(module, options). */
  interface SpecOptions {
    /** Shape of one sample ([C, H, W] before a Conv2d); default: the first Linear's inFeatures. */
    input?: number[];
    /** The seed the engine initialises from; default 42. */
    seed?: number;
  }

  /** A weight or bias: its shape and the initialiser recorded by lw.init (values live in the engine). */
  class Parameter {
    private constructor();
    readonly name: 'weight' | 'bias';
    readonly shape: readonly number[];
    /** The recorded spec entry; undefined: PyTorch's default. */
    readonly init: InitSpec | undefined;
  }

  abstract class Module {
    children(): Module[];
    /** This module, then every module inside it, depth first. */
    modules(): Module[];
    /** fn on every module inside, then on this one (PyTorch's order); returns this. */
    apply(fn: (m: Module) => void): this;
    toSpec(options?: SpecOptions): ModelSpec;
    /** PyTorch's repr. */
    toString(): string;
  }

  interface Linear extends Module {
    readonly inFeatures: number;
    readonly outFeatures: number;
    readonly weight: Parameter;
    readonly bias: Parameter;
  }
  type ReLU = Module;
  type Tanh = Module;
  type Sigmoid = Module;
  type Identity = Module;
  type Flatten = Module;
  interface Conv2d extends Module {
    readonly inChannels: number;
    readonly outChannels: number;
    /** [height, width] */
    readonly kernelSize: readonly [number, number];
    readonly stride: readonly [number, number];
    readonly padding: readonly [number, number];
    /** [outChannels, inChannels, kh, kw] */
    readonly weight: Parameter;
    readonly bias: Parameter;
  }
  interface Pool2d extends Module {
    readonly kernelSize: readonly [number, number];
    readonly stride: readonly [number, number];
    readonly padding: readonly [number, number];
  }
  type MaxPool2d = Pool2d;
  type AvgPool2d = Pool2d;
  type Size2d = number | [number, number];
  interface LeakyReLU extends Module { readonly negativeSlope: number }
  interface Softmax extends Module { readonly dim: number | undefined }
  interface Dropout extends Module { readonly p: number }
  interface Sequential extends Module {
    readonly layers: readonly Module[];
    readonly length: number;
  }

  /** Layers one after another; the whole model. */
  const Sequential: Builder<Module[], Sequential>;
  /** y = x·Wᵀ + b. bias must be true (every Linear has one). */
  const Linear: Builder<[inFeatures: number, outFeatures: number, bias?: true], Linear>;
  /**
   * 2-D convolution of [inChannels, H, W] samples (stride 1, padding 0 by default), with
   * stride and padding by name or positionally as in PyTorch: Conv2d(1, 8, 5, 1, 2).
   */
  const Conv2d: Builder<[inChannels: number, outChannels: number, kernelSize: Size2d,
    options?: { stride?: Size2d; padding?: Size2d }], Conv2d> &
    Builder<[inChannels: number, outChannels: number, kernelSize: Size2d, stride?: Size2d, padding?: Size2d], Conv2d>;
  /** The largest value of each window; stride defaults to the kernel, padding ≤ kernel / 2. */
  const MaxPool2d: Builder<[kernelSize: Size2d, options?: { stride?: Size2d; padding?: Size2d }], MaxPool2d> &
    Builder<[kernelSize: Size2d, stride?: Size2d, padding?: Size2d], MaxPool2d>;
  /** The mean of each window, padding counted as zeros (count_include_pad). */
  const AvgPool2d: Builder<[kernelSize: Size2d, options?: { stride?: Size2d; padding?: Size2d }], AvgPool2d> &
    Builder<[kernelSize: Size2d, stride?: Size2d, padding?: Size2d], AvgPool2d>;
  const ReLU: Builder<[], ReLU>;
  /** Default slope 0.01. */
  const LeakyReLU: Builder<[negativeSlope?: number], LeakyReLU>;
  const Tanh: Builder<[], Tanh>;
  const Sigmoid: Builder<[], Sigmoid>;
  /** Over the last dimension: dim 1 (or -1) of a [batch, k] output. */
  const Softmax: Builder<[dim?: number], Softmax>;
  const Identity: Builder<[], Identity>;
  /** Default p 0.5. */
  const Dropout: Builder<[p?: number], Dropout>;
  /** All but the batch dimension. */
  const Flatten: Builder<[startDim?: 1, endDim?: -1], Flatten>;
}

export namespace init {
  interface KaimingOptions {
    /** Negative slope of the leaky ReLU after the layer; default 0. */
    a?: number;
    mode?: 'fan_in' | 'fan_out';
    /** Default 'leaky_relu' (with a = 0: the ReLU gain √2). */
    nonlinearity?: Nonlinearity;
  }

  /** PyTorch's calculate_gain: tanh 5/3, relu √2, leaky_relu √(2/(1+slope²)), others 1. */
  function calculateGain(nonlinearity: Nonlinearity, param?: number): number;
  /** U(−a, a), a = gain·√(6/(fan_in+fan_out)). Weights only. */
  function xavierUniform_(param: nn.Parameter, options?: { gain?: number }): nn.Parameter;
  function xavierUniform_(param: nn.Parameter, gain?: number): nn.Parameter;
  /** N(0, std²), std = gain·√(2/(fan_in+fan_out)). Weights only. */
  function xavierNormal_(param: nn.Parameter, options?: { gain?: number }): nn.Parameter;
  function xavierNormal_(param: nn.Parameter, gain?: number): nn.Parameter;
  /** U(−b, b), b = gain·√(3/fan). Weights only. */
  function kaimingUniform_(param: nn.Parameter, options?: KaimingOptions): nn.Parameter;
  function kaimingUniform_(param: nn.Parameter, a?: number, mode?: KaimingOptions['mode'],
                           nonlinearity?: Nonlinearity): nn.Parameter;
  /** N(0, (gain/√fan)²). Weights only. */
  function kaimingNormal_(param: nn.Parameter, options?: KaimingOptions): nn.Parameter;
  function kaimingNormal_(param: nn.Parameter, a?: number, mode?: KaimingOptions['mode'],
                          nonlinearity?: Nonlinearity): nn.Parameter;
  function zeros_(param: nn.Parameter): nn.Parameter;
  function constant_(param: nn.Parameter, val: number): nn.Parameter;
  function constant_(param: nn.Parameter, options: { val: number }): nn.Parameter;
  /** Default mean 0, std 1. */
  function normal_(param: nn.Parameter, options?: { mean?: number; std?: number }): nn.Parameter;
  function normal_(param: nn.Parameter, mean?: number, std?: number): nn.Parameter;
  /** U(a, b); default a 0, b 1. */
  function uniform_(param: nn.Parameter, options?: { a?: number; b?: number }): nn.Parameter;
  function uniform_(param: nn.Parameter, a?: number, b?: number): nn.Parameter;

  /** For apply(): every Linear's weight by xavierUniform_, its bias zeros_ (the seed's weight_init). */
  function xavierUniform(m: nn.Module): void;
  function xavierNormal(m: nn.Module): void;
  function kaimingUniform(m: nn.Module): void;
  function kaimingNormal(m: nn.Module): void;
}
