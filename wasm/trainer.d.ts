// The training service, written once: the types of wasm/trainer.mjs (the client) and of
// protocol version 1, which it speaks with wasm/trainer-worker.mjs (the worker), with every
// request, reply, option, default and snapshot field documented here. docs/worker-protocol.md
// explains the service and points here. Written by hand, checked against both files by the
// tests in tests/js/trainer.test.mjs and compiled by tsc with tests/ts/trainer.ts.
//
// The rules of the protocol:
//   - A request is {v?: 1, id?, type, ...}; its reply is {v: 1, id, type, ...} with the id
//     echoed as sent. A request of another version is refused.
//   - Requests are handled one at a time, in the order they arrive. A long `train` delays the
//     requests behind it, so a play loop trains in short slices (trainFor(30)), and a `set`
//     sent meanwhile takes effect at the next slice. One request trains at most 10,000 epochs
//     (train), 60,000 ms (trainFor) or 100,000 batches (step); more is refused.
//   - Any failure replies {type: 'error', name, message}: the request changed nothing, and the
//     worker stays usable.
//   - Every typed array in a reply is a fresh copy, posted as a transferable.
import type { LayerStats, ModelSpec, OptimizerOptions, Parameter, StepTrace } from './layerwise.js';

export const PROTOCOL: 1;

export type LossName = 'mse' | 'bce' | 'bce_with_logits' | 'cross_entropy';
/** Case does not matter in requests ('SGD' is 'sgd'); replies use these. */
export type OptimizerName = 'sgd' | 'adam' | 'adamw' | 'rmsprop';

/** Points in [-6, 6]² from a seeded generator. */
export interface GeneratedData extends DataOptions {
  /** "circle", "xor", "gauss", "spiral", "moons", "blobs3"; regression "plane", "sine". */
  dataset: string;
  /** Default 200. */
  n?: number;
  /** In [0, 1]; default 0. */
  noise?: number;
  /** Seeds the generator and the split; default 42. */
  seed?: number;
  /** Names only: generated data are 2-D points. */
  features?: string[];
}

/** Your own samples, e.g. points painted on a canvas. */
export interface ArrayData extends DataOptions {
  /** n × (2, or `features` when it is a number) values, row-major. */
  x: Float32Array | ArrayLike<number>;
  /** One class index (classes ≥ 2) or regression target (classes 0) per sample. */
  y: Float32Array | ArrayLike<number>;
  /** 0 for regression (the default). */
  classes?: number;
  /** A test set of the same form; without it, trainRatio splits x. */
  testX?: Float32Array | ArrayLike<number>;
  testY?: Float32Array | ArrayLike<number>;
  /** Seeds the split; default 42. */
  seed?: number;
}

interface DataOptions {
  /**
   * Share of the samples that train, in (0, 1]; the rest test (a seeded shuffle, then the first
   * round(ratio·n) train). Default 0.5. Ignored when testX is given.
   */
  trainRatio?: number;
  /**
   * Names ("x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"): a feature map of 2-D points
   * (default ["x1", "x2"]). A number: values per sample, used as they are (no map, no grid).
   */
  features?: string[] | number;
  /** Standardise every feature with the training set's mean and std (fit on it). Default false. */
  standardize?: boolean;
}

/**
 * The decision-boundary grid: the centres of size × size cells over [lo, hi]², row 0 at the
 * top (largest x2), column 0 at the left (smallest x1). Its points go through the same feature
 * map and standardisation as the data.
 */
export interface GridOptions {
  /** Cells per side, 2 .. 256; default 48. */
  size?: number;
  /** Half-width (the grid covers [-extent, extent]²) or [lo, hi] with lo < hi; default 6. */
  extent?: number | [number, number];
}

/**
 * What a snapshot holds. Each part is true or false; the defaults are metrics, grid, neurons,
 * parameters and gradients true, stats 20 (bins), data false (true in the reply to init).
 * The options of a request override init's `snapshot`, which overrides these defaults.
 */
export interface SnapshotOptions {
  /** trainLoss, testLoss, trainAccuracy, testAccuracy. */
  metrics?: boolean;
  /** The model's outputs on the grid (only when init made one). */
  grid?: boolean;
  /** Every layer's outputs on the grid (only when init made one). */
  neurons?: boolean;
  parameters?: boolean;
  gradients?: boolean;
  /** true (20 bins, or init's count), false, or the number of histogram bins (≥ 1). */
  stats?: boolean | number;
  /** The samples as given, for drawing; on in the reply to init. */
  data?: boolean;
  /**
   * The learning curve of the request (default false): the metrics over each set after every
   * epoch it completes (true), or after every n-th epoch since init (a whole number n ≥ 1), in
   * the snapshot's `curve`; one reply of many epochs gives a curve point for each.
   */
  curve?: boolean | number;
  /**
   * Weights to keep for a timeline (default false): {next, thinned} asks for the parameters at
   * epoch `next` and at every epoch due after it on the timeline's schedule (keepInterval:
   * every epoch below 16, then about eight a doubling, × 2^thinned), in the snapshot's `kept`;
   * so one request of many epochs brings back every epoch a timeline keeps.
   */
  keep?: false | { next?: number; thinned?: number };
  /** The engine's memory in the worker (lw.memory()), for leak checks; default false. */
  memory?: boolean;
}

export interface TrainerConfig {
  /** The model (docs/model-spec.md); its seed initialises the weights and orders step's batches. */
  spec: ModelSpec;
  data: GeneratedData | ArrayData;
  /** Checked against the data and the model's output. */
  loss: LossName;
  /** Default 'sgd' with the engine's default options (lr 0.001). */
  optimizer?: OptimizerName | { name: OptimizerName; options?: OptimizerOptions };
  /** Samples per batch; default 10. */
  batch?: number;
  /** L1 penalty λ·Σ|w| over the weights, ≥ 0; default 0. */
  l1?: number;
  /**
   * The decision-boundary grid: default {size: 48, extent: 6} for 2-D points (none when
   * data.features is a number); true for the default; null or false for none.
   */
  grid?: GridOptions | boolean | null;
  /** Defaults of every later snapshot (see SnapshotOptions). */
  snapshot?: SnapshotOptions;
  /**
   * Weights to start from instead of the spec's seed, as setParameters takes them; refused
   * weights fail the whole init (the previous session stays).
   */
  parameters?: ParameterValues;
}

/** Values for every parameter, as snapshot.parameters lists them. */
export type ParameterValues = Array<{ name: string; data: Float32Array | ArrayLike<number> }>;

export interface Settings {
  loss: LossName;
  optimizer: { name: OptimizerName; options: OptimizerOptions };
  batch: number;
  l1: number;
}

/** Changes of hyperparameters; the weights stay. All or nothing: a bad value changes nothing. */
export interface SettingsChange {
  /** ≥ 0; overrides optimizer.options.lr. */
  lr?: number;
  /**
   * Options change the current optimiser. A new name makes a new optimizer for the same weights
   * (its state starts empty; it keeps the lr unless options.lr is given).
   */
  optimizer?: OptimizerName | { name?: OptimizerName; options?: OptimizerOptions };
  /** Checked against the data and the model's output. */
  loss?: LossName;
  /** ≥ 1. */
  batch?: number;
  /** ≥ 0. */
  l1?: number;
}

// Summary and LayerStats are the library's (a snapshot's stats are taken over the whole
// training set at the current weights).
export type { LayerStats, Summary } from './layerwise.js';

export interface Points {
  /** Pairs (x1, x2) as given, before the feature map (or the samples, when features is a number). */
  points: Float32Array;
  y: Float32Array;
}

/**
 * The state of training, the reply to init, train, trainFor, step, reset, setParameters and
 * snapshot. Gradients and stats describe one forward and backward pass (training mode: dropout
 * on) over the whole training set at the current weights, run on a copy of the model, so
 * snapshots never change what training does.
 */
export interface Snapshot {
  v: 1;
  id: unknown;
  type: 'snapshot';
  /** Whole epochs trained since init or reset. */
  epoch: number;
  /** Batches (optimiser steps) trained since init or reset. */
  step: number;
  /** Training loss of each epoch completed since the last snapshot (training mode, L1 included). */
  epochLosses: Float32Array;
  /** Loss of each batch trained by `step` since the last snapshot (training mode, L1 included). */
  batchLosses: Float32Array;
  /**
   * With the option `curve`: the metrics after the epochs this request completed (every one, or
   * every n-th), in columns, one entry per epoch; a column is null when the metric is (no test
   * set, regression). The snapshot's own metrics are those of the last epoch too.
   */
  curve?: {
    epochs: Int32Array; trainLoss: Float64Array; testLoss: Float64Array | null;
    trainAccuracy: Float64Array | null; testAccuracy: Float64Array | null;
  };
  /** With the option `memory`: the worker's wasm memory, what is in use, and allocations. */
  memory?: { heapBytes: number; usedBytes: number; allocations: number };
  /** With the option `keep`: the parameters at each due epoch this request completed. */
  kept?: { epoch: number; parameters: { name: string; shape: number[]; data: Float32Array }[] }[];
  /** Evaluation over each set (null without metrics; test* null without a test set). */
  trainLoss: number | null;
  testLoss: number | null;
  /** Fraction right in [0, 1]; null for regression. */
  trainAccuracy: number | null;
  testAccuracy: number | null;
  /**
   * A loss or a weight became NaN or ±Infinity, so training stopped: requests to train do
   * nothing until reset or init.
   */
  diverged: boolean;
  /** 'ready' before any training since init or reset, 'trained' after, 'diverged'. */
  status: 'ready' | 'trained' | 'diverged';
  /** Why training stopped, as text for the UI; null otherwise. */
  message: string | null;
  /**
   * The model's outputs (eval mode) at the grid's cells: cell (r, c), output k at
   * data[(r·size + c)·outputs + k]; data holds size·size·outputs values.
   */
  grid?: { size: number; extent: [number, number]; outputs: number; data: Float32Array };
  /**
   * One entry per layer: its outputs on the grid, width·size·size values, neuron j's image
   * (row-major like the grid) at data.subarray(j·size², (j+1)·size²).
   */
  neurons?: Array<{ layer: number; type: string; width: number; data: Float32Array }>;
  /** model.parameters(): [{name, shape, data}]. */
  parameters?: Parameter[];
  /** ∂loss/∂parameter over the whole training set at the current weights, shaped as parameters. */
  gradients?: Parameter[];
  /** model.stats(bins) of that pass; null when a value is not finite. */
  stats?: LayerStats[] | null;
  /** The samples as given (before the feature map), for drawing. */
  data?: {
    /** The feature names, or the number of values per sample. */
    features: string[] | number;
    /** 0 for regression. */
    classes: number;
    train: Points;
    test: Points | null;
    /** The mean and std the features were standardised with; null without standardize. */
    standardization: { mean: Float32Array; std: Float32Array } | null;
  };
  settings: Settings;
  /** Milliseconds spent training since the last snapshot, and building this one. */
  timing: { trainMs: number; snapshotMs: number };
}

/** The reply to load: the engine is ready, and these are the names it knows. */
export interface Ready {
  v: 1;
  id: unknown;
  type: 'ready';
  protocol: 1;
  names: { datasets: string[]; features: string[]; losses: LossName[]; optimizers: OptimizerName[] };
}

/** The model's outputs on the samples of a predict request, in eval mode. */
export interface Prediction {
  v: 1;
  id: unknown;
  type: 'prediction';
  /** batch × outputs values, sample-major (sample i's output k at i·outputs + k). */
  outputs: Float32Array;
  /** Only when the request asked for layers: every layer's outputs on the same samples. */
  layers?: LayerOutput[];
}

/** What a snapshot would show of the network with the weights of a view request. */
export interface View extends Pick<Snapshot, 'trainLoss' | 'testLoss' | 'trainAccuracy' | 'testAccuracy' | 'grid' | 'neurons' | 'parameters' | 'stats'> {
  v: 1;
  id: unknown;
  type: 'view';
  /** The whole training set's gradients at those weights; null when a weight is not finite. */
  gradients?: Parameter[] | null;
}

/** One channel of one sample's [C, H, W] layer: the mean, root mean square, least and largest value. */
export interface ChannelSummary {
  mean: number;
  rms: number;
  min: number;
  max: number;
}

/** Training sample `index`'s step, every number of it (Model.traceStep); see StepTrace. */
export interface TraceReply extends StepTrace {
  v: 1;
  id: unknown;
  type: 'trace';
  index: number;
  /** The sample as init's data gave it (before the feature map), and its target. */
  point: Float32Array;
  target: Float32Array;
  /** The loss, optimiser, batch size and L1 the step used. */
  settings: Settings;
  /**
   * For each layer whose output is a picture ([C, H, W]: conv and pool layers, the images
   * mode), its output and ∂loss/∂output summed up per channel; empty for a dense network.
   */
  channels: Array<{ layer: number; shape: number[]; output: ChannelSummary[]; gradOutput: ChannelSummary[] }>;
  /** Only when the request applied the step: the state after it. */
  snapshot?: Snapshot;
}

/** One layer's outputs in a prediction. */
export interface LayerOutput {
  /** The layer's index in spec.layers. */
  layer: number;
  /** Its type, as in the spec ("linear", "relu", "conv2d", ...). */
  type: string;
  /** One sample's output shape: [width], or [C, H, W] after a conv2d or pool layer. */
  shape: number[];
  /** batch × (product of shape) values, sample-major; a [C, H, W] output is channel-major within a sample. */
  data: Float32Array;
}

/** The reply to set: the settings now in force. */
export interface SettingsReply {
  v: 1;
  id: unknown;
  type: 'settings';
  settings: Settings;
}

/** Where the engine comes from, in load and init (used by the first of them only). */
interface EngineSource {
  /** A compiled engine (saves compiling it again in the worker). */
  wasmModule?: WebAssembly.Module;
  /** Where layerwise.wasm is, as an absolute URL; default: next to layerwise.mjs. */
  wasmUrl?: string;
}

/** Every request of protocol version 1 (`v` optional; `id` echoed in the reply). */
export type Request = { v?: 1; id?: unknown } & (
  /** Loads the engine, once (init loads it too) → Ready. */
  | ({ type: 'load' } & EngineSource)
  /**
   * A new model, data, loss and optimiser, replacing the current ones → the epoch-0 Snapshot,
   * with data. All or nothing: a failed init leaves the previous model in place.
   */
  | ({ type: 'init' } & EngineSource & TrainerConfig)
  /** Trains `epochs` whole epochs (default 1; 0 trains none; at most 10,000) → Snapshot. */
  | { type: 'train'; epochs?: number; snapshot?: SnapshotOptions }
  /**
   * Trains whole epochs until ms (0 to 60,000) have passed: at least one, unless maxEpochs is
   * 0, and at most maxEpochs → Snapshot.
   */
  | { type: 'trainFor'; ms: number; maxEpochs?: number; snapshot?: SnapshotOptions }
  /**
   * Trains `batches` batches (default 1, at most 100,000; one optimiser step each) → Snapshot.
   * Each epoch's order is shuffled when it begins, seeded by the model's seed and the epoch
   * (wasm/random.mjs); train and trainFor first finish an epoch that step began.
   */
  | { type: 'step'; batches?: number; snapshot?: SnapshotOptions }
  /** Changes hyperparameters from the next request on; the weights stay → SettingsReply. */
  | ({ type: 'set' } & SettingsChange)
  /**
   * Initialises the weights again from seed (default: the spec's seed, or the last reset's),
   * and clears the optimiser's state, the counters and the divergence flag → Snapshot.
   */
  | { type: 'reset'; seed?: number; snapshot?: SnapshotOptions }
  /**
   * Sets the weights from a list like snapshot.parameters (names and sizes checked; all or
   * nothing); counters and optimiser state stay → Snapshot.
   */
  | { type: 'setParameters'; parameters: ParameterValues; snapshot?: SnapshotOptions }
  /** → Snapshot of the current state. */
  | { type: 'snapshot'; snapshot?: SnapshotOptions }
  /**
   * The current model's outputs on `batch` samples x, raw as init's data takes them (the same
   * feature map and standardisation are applied), in eval mode (dropout off); nothing trains
   * or changes → Prediction. With layers true (default false) the reply carries every
   * layer's outputs too (one picture's activations, for drawing).
   */
  | { type: 'predict'; x: Float32Array | ArrayLike<number>; batch: number; layers?: boolean }
  /**
   * What a snapshot would show with these weights (a list like snapshot.parameters) → View:
   * the metrics, grid, neurons, gradients and stats of a model of their own; nothing of the
   * session changes (a timeline shows kept weights with it).
   */
  | { type: 'view'; parameters: ParameterValues; snapshot?: SnapshotOptions }
  /**
   * Training sample `index`'s step with every number (dropout off) → TraceReply. Without
   * apply (the default) nothing changes; with apply the step is made (one optimiser step on
   * this sample, counted in the snapshot's step) and the reply carries a snapshot.
   */
  | { type: 'trace'; index: number; apply?: boolean; snapshot?: SnapshotOptions }
  /** Frees the model, data and optimiser (init works again) → {type: 'disposed'}. */
  | { type: 'dispose' }
);

export type Reply =
  | Ready
  | Snapshot
  | SettingsReply
  | Prediction
  | TraceReply
  | View
  | { v: 1; id: unknown; type: 'disposed' }
  /** The request failed and changed nothing; name is 'LayerwiseError' for a bad request. */
  | { v: 1; id: unknown; type: 'error'; name: string; message: string };

export interface CreateTrainerOptions {
  /** Where trainer-worker.mjs is; default: next to trainer.mjs. */
  workerUrl?: string | URL;
  /** The engine, compiled already (saves compiling it in the worker). */
  wasmModule?: WebAssembly.Module;
  /** Where layerwise.wasm is, as an absolute URL; default: next to layerwise.mjs. */
  wasmUrl?: string | URL;
}

/**
 * Starts the worker (a module Web Worker in a browser; in Node a worker_threads Worker that
 * keeps the process alive only while a request is pending) and loads the engine in it.
 */
export function createTrainer(options?: CreateTrainerOptions): Promise<Trainer>;

/**
 * For a page that is one file (scripts/build-single.mjs): every later createTrainer() without a
 * workerUrl starts its worker from `workerSource` (trainer-worker.mjs bundled into one module's
 * text; started as a Blob, or as a data: URL on a page of no origin such as file://) and hands
 * it the engine compiled once from `wasmBinary` (layerwise.wasm's bytes), so that nothing is
 * fetched. A carried engine that does not compile makes createTrainer() reject with a
 * LayerwiseError. In Node the worker file is used still.
 */
export function embedEngine(options: { workerSource: string; wasmBinary: BufferSource }): void;

/**
 * Every method sends one request and resolves with its reply; failures reject with a
 * LayerwiseError naming the problem.
 */
export class Trainer {
  private constructor();
  /** True once dispose() ran or the worker failed; every request then rejects. */
  readonly disposed: boolean;
  load(options?: { wasmModule?: WebAssembly.Module; wasmUrl?: string }): Promise<Ready>;
  /** Replaces model, data, loss and optimiser (all or nothing); the epoch-0 snapshot, with data. */
  init(config: TrainerConfig): Promise<Snapshot>;
  /** Whole epochs; default 1, at most 10,000. */
  train(epochs?: number, options?: { snapshot?: SnapshotOptions }): Promise<Snapshot>;
  /** Whole epochs until ms (at most 60,000) have passed: at least one, at most maxEpochs. */
  trainFor(ms: number, options?: { maxEpochs?: number; snapshot?: SnapshotOptions }): Promise<Snapshot>;
  /** Batches: one optimiser step each; default 1, at most 100,000. */
  step(batches?: number, options?: { snapshot?: SnapshotOptions }): Promise<Snapshot>;
  /** From the next request on; safe not to await (an unawaited rejection is not reported). */
  set(changes: SettingsChange): Promise<SettingsReply>;
  reset(options?: { seed?: number; snapshot?: SnapshotOptions }): Promise<Snapshot>;
  /** Weights from a list like snapshot.parameters (names and sizes checked; all or nothing). */
  setParameters(parameters: ParameterValues, options?: { snapshot?: SnapshotOptions }): Promise<Snapshot>;
  snapshot(options?: SnapshotOptions): Promise<Snapshot>;
  /**
   * The current model's outputs on `batch` samples (raw, as init's data takes them: the same
   * feature map and standardisation are applied), in eval mode; nothing trains or changes.
   * options.layers: also every layer's outputs (Prediction.layers).
   */
  predict(x: Float32Array | ArrayLike<number>, batch: number, options?: { layers?: boolean }): Promise<Prediction>;
  /** What a snapshot would show with these weights; nothing of the session changes. */
  view(parameters: ParameterValues, options?: { snapshot?: SnapshotOptions }): Promise<View>;
  /** Training sample `index`'s step with every number; nothing changes unless options.apply. */
  trace(index: number, options?: { apply?: boolean; snapshot?: SnapshotOptions }): Promise<TraceReply>;
  /** Terminates the worker; pending and later requests reject. Safe to call twice. */
  dispose(): Promise<void>;
}
