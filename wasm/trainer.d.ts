// Types of wasm/trainer.mjs (the client) and of the protocol it speaks with
// wasm/trainer-worker.mjs (version 1; the rules are written out at the top of that file).
// Checked by hand against both.
import type { LayerStats, ModelSpec, OptimizerOptions, Parameter } from './layerwise.js';

export const PROTOCOL: 1;

export type LossName = 'mse' | 'bce' | 'bce_with_logits' | 'cross_entropy';
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
  /** Share of the samples that train, in (0, 1]; the rest test. Default 0.5. */
  trainRatio?: number;
  /**
   * Names ("x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"): a feature map of 2-D points
   * (default ["x1", "x2"]). A number: values per sample, used as they are (no grid then).
   */
  features?: string[] | number;
  /** Standardise every feature with the training set's mean and std. Default false. */
  standardize?: boolean;
}

export interface GridOptions {
  /** Cells per side, 2 .. 256; default 48. */
  size?: number;
  /** Half-width (the grid covers [-extent, extent]²) or [lo, hi]; default 6. */
  extent?: number | [number, number];
}

/** What a snapshot holds; every part but data is on by default. */
export interface SnapshotOptions {
  metrics?: boolean;
  grid?: boolean;
  neurons?: boolean;
  parameters?: boolean;
  gradients?: boolean;
  /** true (20 bins), false, or the number of histogram bins. */
  stats?: boolean | number;
  /** The samples as given, for drawing; on in the reply to init. */
  data?: boolean;
}

export interface TrainerConfig {
  spec: ModelSpec;
  data: GeneratedData | ArrayData;
  loss: LossName;
  /** Default 'sgd' with the engine's default options (lr 0.001). */
  optimizer?: OptimizerName | { name: OptimizerName; options?: OptimizerOptions };
  /** Samples per batch; default 10. */
  batch?: number;
  /** L1 penalty λ·Σ|w| over the weights; default 0. */
  l1?: number;
  /** The decision-boundary grid; default {size: 48, extent: 6} for 2-D points; null for none. */
  grid?: GridOptions | boolean | null;
  /** Defaults of every later snapshot. */
  snapshot?: SnapshotOptions;
}

/** Values for every parameter, as snapshot.parameters lists them. */
export type ParameterValues = Array<{ name: string; data: Float32Array | ArrayLike<number> }>;

export interface Settings {
  loss: LossName;
  optimizer: { name: OptimizerName; options: OptimizerOptions };
  batch: number;
  l1: number;
}

export interface SettingsChange {
  lr?: number;
  /** A new name makes a new optimizer for the same weights (it keeps the lr unless options.lr). */
  optimizer?: OptimizerName | { name?: OptimizerName; options?: OptimizerOptions };
  loss?: LossName;
  batch?: number;
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

export interface Snapshot {
  v: 1;
  id: unknown;
  type: 'snapshot';
  /** Whole epochs since init or reset. */
  epoch: number;
  /** Batches (optimiser steps) since init or reset. */
  step: number;
  /** Training loss of each epoch completed since the last snapshot (training mode, L1 included). */
  epochLosses: Float32Array;
  /** Loss of each batch trained by `step` since the last snapshot. */
  batchLosses: Float32Array;
  /** Evaluation over the sets (null without metrics; test* null without a test set). */
  trainLoss: number | null;
  testLoss: number | null;
  /** null for regression. */
  trainAccuracy: number | null;
  testAccuracy: number | null;
  /** A loss became NaN or ±Infinity: training stopped until reset or init. */
  diverged: boolean;
  status: 'ready' | 'trained' | 'diverged';
  /** Why training stopped, for the UI; null otherwise. */
  message: string | null;
  /** The model's output at each cell: cell (r, c), output k at (r·size + c)·outputs + k. */
  grid?: { size: number; extent: [number, number]; outputs: number; data: Float32Array };
  /** Every layer's output on the grid; neuron j's image is data.subarray(j·size², (j+1)·size²). */
  neurons?: Array<{ layer: number; type: string; width: number; data: Float32Array }>;
  parameters?: Parameter[];
  /** ∂loss/∂parameter over the whole training set at the current weights. */
  gradients?: Parameter[];
  /** null when a value is not finite. */
  stats?: LayerStats[] | null;
  data?: {
    features: string[] | number;
    classes: number;
    train: Points;
    test: Points | null;
    standardization: { mean: Float32Array; std: Float32Array } | null;
  };
  settings: Settings;
  /** Milliseconds training since the last snapshot, and building this one. */
  timing: { trainMs: number; snapshotMs: number };
}

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
}

export interface SettingsReply {
  v: 1;
  id: unknown;
  type: 'settings';
  settings: Settings;
}

/** Every request of protocol version 1 (`v` optional; `id` echoed in the reply). */
export type Request = { v?: 1; id?: unknown } & (
  | { type: 'load'; wasmModule?: WebAssembly.Module; wasmUrl?: string }
  | ({ type: 'init'; wasmModule?: WebAssembly.Module; wasmUrl?: string } & TrainerConfig)
  | { type: 'train'; epochs?: number; snapshot?: SnapshotOptions }
  | { type: 'trainFor'; ms: number; maxEpochs?: number; snapshot?: SnapshotOptions }
  | { type: 'step'; batches?: number; snapshot?: SnapshotOptions }
  | ({ type: 'set' } & SettingsChange)
  | { type: 'reset'; seed?: number; snapshot?: SnapshotOptions }
  | { type: 'setParameters'; parameters: ParameterValues; snapshot?: SnapshotOptions }
  | { type: 'snapshot'; snapshot?: SnapshotOptions }
  | { type: 'predict'; x: Float32Array | ArrayLike<number>; batch: number }
  | { type: 'dispose' }
);

export type Reply =
  | Ready
  | Snapshot
  | SettingsReply
  | Prediction
  | { v: 1; id: unknown; type: 'disposed' }
  | { v: 1; id: unknown; type: 'error'; name: string; message: string };

export interface CreateTrainerOptions {
  /** Where trainer-worker.mjs is; default: next to trainer.mjs. */
  workerUrl?: string | URL;
  /** The engine, compiled already (saves compiling it in the worker). */
  wasmModule?: WebAssembly.Module;
  /** Where layerwise.wasm is, as an absolute URL; default: next to layerwise.mjs. */
  wasmUrl?: string | URL;
}

/** Starts the worker and loads the engine in it. */
export function createTrainer(options?: CreateTrainerOptions): Promise<Trainer>;

/** Every method sends one request; failures reject with a LayerwiseError. */
export class Trainer {
  private constructor();
  /** True once dispose() ran or the worker failed. */
  readonly disposed: boolean;
  load(options?: { wasmModule?: WebAssembly.Module; wasmUrl?: string }): Promise<Ready>;
  /** Replaces model, data, loss and optimiser (all or nothing); the epoch-0 snapshot, with data. */
  init(config: TrainerConfig): Promise<Snapshot>;
  train(epochs?: number, options?: { snapshot?: SnapshotOptions }): Promise<Snapshot>;
  /** Whole epochs until ms have passed: at least one, at most maxEpochs. */
  trainFor(ms: number, options?: { maxEpochs?: number; snapshot?: SnapshotOptions }): Promise<Snapshot>;
  /** Batches: one optimiser step each. */
  step(batches?: number, options?: { snapshot?: SnapshotOptions }): Promise<Snapshot>;
  /** From the next request on; safe not to await. */
  set(changes: SettingsChange): Promise<SettingsReply>;
  reset(options?: { seed?: number; snapshot?: SnapshotOptions }): Promise<Snapshot>;
  /** Weights from a list like snapshot.parameters (names and sizes checked; all or nothing). */
  setParameters(parameters: ParameterValues, options?: { snapshot?: SnapshotOptions }): Promise<Snapshot>;
  snapshot(options?: SnapshotOptions): Promise<Snapshot>;
  /**
   * The current model's outputs on `batch` samples (raw, as init's data takes them: the same
   * feature map and standardisation are applied), in eval mode; nothing trains or changes.
   */
  predict(x: Float32Array | ArrayLike<number>, batch: number): Promise<Prediction>;
  /** Terminates the worker; pending and later requests reject. */
  dispose(): Promise<void>;
}
