// A typed tour of the whole public API, checked (not run) by `npx tsc -p tests/ts --noEmit`
// in strict mode against the declarations a package user gets from `import 'layerwise'`.
// The lines marked @ts-expect-error are mistakes the types must catch: if one stops being an
// error, tsc fails ("Unused '@ts-expect-error' directive").
import {
  loadLayerwise, nn, init, LayerwiseError, random, shuffled,
  type Dataset, type Evaluation, type LayerStats, type Layerwise, type LoadOptions, type Loss,
  type LayerSpec, type MemoryInfo, type Model, type ModelSpec, type Optimizer, type OptimizerOptions,
  type Parameter, type SavedModel, type Standardization, type TrainOptions,
} from 'layerwise';

const options: LoadOptions = { wasmUrl: new URL('./layerwise.wasm', import.meta.url) };
const lw: Layerwise = await loadLayerwise(options);

// ---- The seed's network, PyTorch style --------------------------------------------------
const seq = nn.Sequential(
  nn.Linear(784, 256), nn.ReLU(),
  nn.Linear(256, 128), nn.ReLU(),
  nn.Linear(128, 64), nn.ReLU(),
  nn.Linear(64, 10),
);
function weightInit(m: nn.Module): void {
  if (m instanceof nn.Linear) {
    init.xavierUniform_(m.weight);
    init.zeros_(m.bias);
  }
}
seq.apply(weightInit);
const handWritten: ModelSpec = {
  input: [784],
  layers: [
    { type: 'linear', out: 256 }, { type: 'relu' },
    { type: 'linear', out: 128 }, { type: 'relu' },
    { type: 'linear', out: 64 }, { type: 'relu' },
    { type: 'linear', out: 10 },
  ],
  init: { weight: 'xavier_uniform', bias: 'zeros' },
  seed: 1,
};
const fromBuilders: ModelSpec = seq.toSpec({ input: [784], seed: 1 });
console.log(JSON.stringify(fromBuilders) === JSON.stringify(handWritten), String(seq), seq.length);

// Every builder and initialiser.
const other = new nn.Sequential(
  nn.Flatten(), nn.Linear(4, 8), nn.LeakyReLU(0.1), nn.Dropout(0.2),
  nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 8), nn.Sigmoid(), nn.Identity(),
  nn.Sequential(nn.Linear(8, 3), nn.Softmax(1)),
);
const linears: nn.Linear[] = other.modules().filter((m): m is nn.Linear => m instanceof nn.Linear);
const [l0, l1, l2, l3] = linears;
if (l0 && l1 && l2 && l3) {
  init.xavierUniform_(l0.weight, { gain: init.calculateGain('leaky_relu', 0.1) });
  init.xavierNormal_(l1.weight, init.calculateGain('tanh'));
  init.kaimingUniform_(l2.weight, { a: 0, mode: 'fan_in', nonlinearity: 'relu' });
  init.kaimingNormal_(l3.weight, 0, 'fan_out');
  init.constant_(l0.bias, 0.1);
  init.normal_(l1.bias, { mean: 0, std: 0.01 });
  init.uniform_(l2.bias, -0.1, 0.1);
  const w: nn.Parameter = init.zeros_(l3.bias);
  console.log(w.name, w.shape, w.init, l0.inFeatures, l0.outFeatures);
}
other.apply(init.kaimingNormal).apply(init.xavierNormal).apply(init.kaimingUniform).apply(init.xavierUniform);
const layers: readonly nn.Module[] = other.layers;
console.log(layers.length, other.children().length, other.toSpec({ input: [2, 2] }));

// The small CNN: image input, conv and pool layers, their options by name or position.
const cnn = nn.Sequential(
  nn.Conv2d(1, 8, 5), nn.ReLU(), nn.MaxPool2d(2),
  new nn.Conv2d(8, 16, [5, 5], { stride: 1, padding: 0 }), nn.ReLU(), nn.AvgPool2d(2, 2, 0),
  nn.Flatten(), nn.Linear(256, 10),
);
const conv0 = cnn.layers[0] as nn.Conv2d;
const k: readonly [number, number] = conv0.kernelSize;
console.log(k, conv0.inChannels, conv0.outChannels, conv0.stride, conv0.padding, conv0.weight.shape);
init.kaimingNormal_(conv0.weight, { mode: 'fan_out' });
const cnnSpec: ModelSpec = cnn.toSpec({ input: [1, 28, 28] });
const pools: LayerSpec[] = [{ type: 'maxpool2d', kernel: 2 }, { type: 'avgpool2d', kernel: [3, 2], stride: 1, padding: [1, 0] }];
console.log(cnnSpec, pools, nn.Conv2d(1, 2, 3, 2, 1));

// ---- Models ---------------------------------------------------------------------------
const model: Model = lw.Model.fromSpec(seq);
const small = lw.Model.fromSpec(nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1), nn.Sigmoid()), { seed: 3 });
const copy = lw.Model.fromSpec(JSON.stringify(handWritten));
const x = new Float32Array(2 * 784);
const out: Float32Array = model.forward(x, 2);
const shapes: number[][] = [model.inputShape, model.outputShape];
console.log(out.length, shapes, model.numParams, model.spec.seed, model.disposed);

// Training.
const adam: Optimizer = lw.optim.Adam(small, { lr: 0.01, betas: [0.9, 0.999], amsgrad: false });
const sgd = lw.optim.SGD(small, { lr: 0.1, momentum: 0.9, dampening: 0, nesterov: true, weightDecay: 1e-4 });
const rms = lw.optim.RMSprop(small, { lr: 0.01, alpha: 0.99, eps: 1e-8, centered: true });
const adamw = lw.optim.AdamW(small);
const bce: Loss = lw.loss.BCE();
const train: TrainOptions = { l1: 1e-4 };
const stepLoss: number = small.trainStep([0, 1, 1, 0], [1, 0], 2, bce, adam, train);
const trace = small.traceStep([0, 1], [1], bce, adam, { apply: false, l1: 0 });
const deltas: Float32Array[] = trace.layers.map((l) => l.gradOutput);
const moments: Record<string, Float32Array> | undefined = trace.params[0]?.state;
console.log(deltas, moments, trace.loss + trace.penalty, trace.step);
const data: Dataset = lw.data.generate('xor', { n: 100, noise: 0.1, seed: 2 });
const [trainSet, testSet] = data.split(0.8, 1);
const stats: Standardization = trainSet.standardize();
testSet.standardize(stats);
const epochLoss: number = small.trainEpoch(trainSet, 10, 'bce', sgd);
small.trainEpoch(trainSet, 10, bce, rms, { l1: 0 });
const result: Evaluation = small.evaluate(testSet, lw.loss.byName('bce'));
const accuracy: number | null = result.accuracy;
console.log(stepLoss, epochLoss, result.loss, accuracy);

// Optimiser state and options.
adam.lr = 0.005;
adam.setLr(0.002);
adam.set({ lr: 0.001, weightDecay: 0 });
const opts: OptimizerOptions = adam.options;
console.log(opts.lr, adam.steps, adam.model === small, adam.lr);
adam.reset();

// Free parameters: JavaScript computes the gradient, the engine takes the step.
const wFree = new Float32Array([-1.5, 0.5]);
const free: Optimizer = lw.optim.Adam([wFree], { lr: 0.05 });
free.step([new Float32Array([2 * (wFree[0]! - 3), 20 * (wFree[1]! + 1)])]);
free.step([[0.5, -1]]);
const freeParams: readonly Float32Array[] | null = free.params;
const noModel: Model | null = free.model;
const twoParams = lw.optim.SGD([wFree, new Float32Array(3)], { lr: 0.1 });
console.log(freeParams?.[0] === wFree, noModel === null, twoParams.steps);

// Looking inside.
const outputs: Float32Array[] = small.layerOutputs();
const params: Parameter[] = small.parameters();
const grads: Parameter[] = small.gradients();
small.setParameters(params.map(({ name, data }) => ({ name, data: Array.from(data) })));
const layerStats: LayerStats[] = small.stats(10);
console.log(outputs.length, grads[0]?.shape, layerStats[0]?.activations.histogram, layerStats[0]?.dead);
small.reset();
small.reset(7);

// Save and load.
const saved: SavedModel = small.toJSON();
const loaded = lw.Model.fromJSON(saved);
const loadedText = lw.Model.fromJSON(JSON.stringify(saved));

// Datasets.
const own = lw.data.fromArrays(new Float32Array([0, 0, 1, 1, 2, 2]), [0, 1, 1], { features: 2, classes: 2 });
const mapped = own.featureMap(['x1', 'x2', 'x1x2', 'sinx1']);
const { x: ox, y: oy } = mapped.toArrays();
const pts: Float32Array = lw.data.featureMap([1, 2], ['x1sq', 'x2sq', 'sinx2']);
console.log(ox, oy, pts, own.size, own.features, own.classes, own.regression, lw.data.names, lw.data.features);
console.log(lw.loss.names, lw.loss.MSE().name, lw.loss.CrossEntropy(), lw.loss.BCEWithLogits(), new lw.Loss('mse'));

// Errors and memory.
try {
  model.forward(new Float32Array(3), 2);
} catch (err) {
  if (err instanceof LayerwiseError || err instanceof lw.LayerwiseError) console.log(err.name, err.message);
}
const memory: MemoryInfo = lw.memory();
console.log(memory.heapBytes, memory.usedBytes);
const objects = [model, small, copy, adam, sgd, rms, adamw, free, twoParams, data, trainSet, testSet, loaded, loadedText, own, mapped];
for (const o of objects) o.dispose();
console.log(objects[0] instanceof lw.Model, objects[3] instanceof lw.Optimizer, objects[9] instanceof lw.Dataset);

// The seeded generator and shuffle (no engine needed).
const rand: () => number = random(42);
const order: Uint32Array = shuffled(10, 7);
console.log(rand() < 1, order[0]);

// ---- Mistakes the types catch -------------------------------------------------------------
// @ts-expect-error: forward takes numbers, not a string
model.forward('0, 1', 1);
// @ts-expect-error: no such toy dataset
lw.data.generate('torus');
// @ts-expect-error: Linear needs both sizes
nn.Linear(784);
// @ts-expect-error: Conv2d needs a kernel size
nn.Conv2d(1, 8);
// @ts-expect-error: a conv2d spec entry needs its kernel
const noKernel: LayerSpec = { type: 'conv2d', out: 8 };
// @ts-expect-error: xavier's option is gain, not std
init.xavierUniform_((seq.layers[0] as nn.Linear).weight, { std: 1 });
// @ts-expect-error: optimiser options are camelCase (weightDecay)
lw.optim.SGD(model, { weight_decay: 0.1 });
// @ts-expect-error: free parameters are Float32Arrays (updated in place), not number[]
lw.optim.Adam([[1, 2]]);
// @ts-expect-error: step takes a list of gradients, one per parameter
free.step(new Float32Array(2));
// @ts-expect-error: a spec layer needs a known type
const badSpec: ModelSpec = { input: [2], layers: [{ type: 'conv9' }] };
console.log(badSpec);
// @ts-expect-error: random takes a seed and gives a generator, not a number
const notANumber: number = random(1);
console.log(notANumber);
