// Types of wasm/layerwise.mjs (checked by hand against it; see that file for the rules on
// errors, copies and dispose()). Names and semantics follow DESIGN.md and PyTorch.

/** Every error the engine reports; the message names the problem. The engine stays usable. */
/** Extra terms of a training step. */
export interface TrainOptions {
  /** L1 penalty λ: adds λ·Σ|w| over weight matrices to the loss (L2 is weightDecay). */
  l1?: number;
}

export class LayerwiseError extends Error {}

export interface LoadOptions {
  /** Where layerwise.wasm is; default: next to layerwise.mjs. */
  wasmUrl?: string | URL;
  /** The bytes of layerwise.wasm. */
  wasmBinary?: BufferSource;
  /** An already compiled engine (e.g. posted from the page to a worker). */
  wasmModule?: WebAssembly.Module;
}

export function loadLayerwise(options?: LoadOptions): Promise<Layerwise>;

/** A model spec: {"input":[2],"layers":[{"type":"linear","out":8},{"type":"tanh"},...],"init":{...},"seed":42} */
export interface ModelSpec {
  input: number[];
  layers: Array<{ type: string; [option: string]: unknown }>;
  init?: { weight?: unknown; bias?: unknown };
  seed?: number;
}

export interface SavedModel {
  format: 'layerwise-model';
  version: number;
  spec: ModelSpec;
  parameters: Array<{ name: string; shape: number[]; data: number[] }>;
}

export interface Parameter {
  /** "0.weight", "0.bias", ... (PyTorch's state_dict names) */
  name: string;
  /** [out, in] for a Linear weight, [out] for its bias */
  shape: number[];
  /** A copy. */
  data: Float32Array;
}

export interface Evaluation {
  loss: number;
  /** Fraction right in [0, 1]; null for regression data. */
  accuracy: number | null;
}

interface Disposable {
  /** Frees the wasm memory now; later calls throw. Safe to call twice. */
  dispose(): void;
  readonly disposed: boolean;
}

export interface Model extends Disposable {
  readonly inputShape: number[];
  readonly outputShape: number[];
  readonly numParams: number;
  readonly spec: ModelSpec;
  /** x: batch × input size values. Returns a new array of batch × output size values. */
  forward(x: Float32Array | ArrayLike<number>, batch: number): Float32Array;
  /** One step on one batch; the batch's mean loss. y: class indices for CrossEntropy, else targets. */
  trainStep(x: Float32Array | ArrayLike<number>, y: Float32Array | ArrayLike<number>, batch: number,
            loss: Loss | string, optimizer: Optimizer, options?: TrainOptions): number;
  /** One shuffled pass over data; the mean loss over its samples. */
  trainEpoch(data: Dataset, batch: number, loss: Loss | string, optimizer: Optimizer,
             options?: TrainOptions): number;
  /** Every layer's output from the last forward pass: one array per layer, batch × width. */
  layerOutputs(): Float32Array[];
  evaluate(data: Dataset, loss: Loss | string): Evaluation;
  /** Copies of every parameter. */
  parameters(): Parameter[];
  /** Copies of every parameter's gradient from the last training step. */
  gradients(): Parameter[];
  /** All or nothing; names and sizes must match parameters(). */
  setParameters(list: Array<{ name: string; data: Float32Array | ArrayLike<number> }>): void;
  toJSON(): SavedModel;
  /** Per-layer statistics of the last forward/backward pass. */
  stats(bins?: number): unknown[];
  /** Initialises the parameters again (default: the spec's seed). */
  reset(seed?: number): void;
}

/** Construct signatures are for instanceof only: create engine objects with the factories. */
export interface ModelClass {
  new (internal: never): Model;
  fromSpec(spec: ModelSpec | string): Model;
  fromJSON(saved: SavedModel | string): Model;
}

/** PyTorch's option names in camelCase. */
export interface OptimizerOptions {
  lr?: number;
  momentum?: number;
  dampening?: number;
  nesterov?: boolean;
  weightDecay?: number;
  betas?: [number, number];
  eps?: number;
  amsgrad?: boolean;
  alpha?: number;
  centered?: boolean;
}

export interface Optimizer extends Disposable {
  readonly model: Model;
  lr: number;
  readonly options: OptimizerOptions;
  /** Steps since creation or reset(). */
  readonly steps: number;
  setLr(lr: number): void;
  /** All or nothing. */
  set(options: OptimizerOptions): void;
  /** Forgets moments and momentum buffers; options stay. */
  reset(): void;
}

export type OptimizerFactory = (model: Model, options?: OptimizerOptions) => Optimizer;

/** Stateless; nothing to dispose. */
export interface Loss {
  readonly name: 'mse' | 'bce' | 'bce_with_logits' | 'cross_entropy';
}

export interface Standardization {
  mean: Float32Array;
  std: Float32Array;
}

export interface Dataset extends Disposable {
  readonly size: number;
  readonly features: number;
  /** 0 for regression. */
  readonly classes: number;
  readonly regression: boolean;
  /** Copies: x is size × features values, y one class index or target per sample. */
  toArrays(): { x: Float32Array; y: Float32Array };
  /** A new Dataset of the named features of each point ("x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"). */
  featureMap(features: string[]): Dataset;
  /** Two new Datasets: [train, test]. */
  split(trainRatio: number, seed?: number): [Dataset, Dataset];
  /** In place; fits on this data when stats is omitted. Returns the stats used. */
  standardize(stats?: Standardization): Standardization;
}

export interface Layerwise {
  Model: ModelClass;
  Dataset: new (internal: never) => Dataset;
  Optimizer: new (internal: never) => Optimizer;
  /** new lw.Loss(name) is lw.loss.byName(name) without the cache. */
  Loss: new (name: string) => Loss;
  LayerwiseError: typeof LayerwiseError;
  optim: { SGD: OptimizerFactory; Adam: OptimizerFactory; AdamW: OptimizerFactory; RMSprop: OptimizerFactory };
  loss: {
    MSE(): Loss;
    BCE(): Loss;
    BCEWithLogits(): Loss;
    CrossEntropy(): Loss;
    byName(name: string): Loss;
    readonly names: readonly string[];
  };
  data: {
    /** Seeded toy data; noise in [0, 1]. Defaults: n 200, noise 0, seed 42. */
    generate(name: string, options?: { n?: number; noise?: number; seed?: number }): Dataset;
    /** Your own data: x is n × features values; y class indices (classes ≥ 2) or targets (0). */
    fromArrays(x: Float32Array | ArrayLike<number>, y: Float32Array | ArrayLike<number>,
               options?: { features?: number; classes?: number }): Dataset;
    /** Features of points (pairs x1, x2): a new array. */
    featureMap(points: Float32Array | ArrayLike<number>, features: string[]): Float32Array;
    readonly names: readonly string[];
    readonly features: readonly string[];
  };
}
