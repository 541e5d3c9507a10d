// The training service (web/engine/trainer.mjs and trainer-worker.mjs as shipped) in Node
// worker_threads, end to end. Numbers are checked against the engine run directly in this
// thread (same seeds, same pipeline) and against values worked out here: grid coordinates,
// feature maps, standardisation, step counts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mlpSpec as net, xorConfig } from './helpers.mjs';
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

const engineDir = new URL('../../web/engine/', import.meta.url);
let createTrainer;
let PROTOCOL;
let lw;
let LayerwiseError;
let trainer; // shared by the tests that do not end it

before(async () => {
  let client;
  let engine;
  try {
    client = await import(new URL('trainer.mjs', engineDir));
    engine = await import(new URL('layerwise.mjs', engineDir));
  } catch (err) {
    throw new Error(`cannot import ${engineDir.pathname}trainer.mjs (${err.message}); build it with: bash scripts/build.sh`);
  }
  ({ createTrainer, PROTOCOL } = client);
  LayerwiseError = engine.LayerwiseError;
  lw = await engine.loadLayerwise();
  trainer = await createTrainer();
});

after(() => trainer?.dispose());

const light = { grid: false, neurons: false, parameters: false, gradients: false, stats: false };

const sameArray = (a, b, what) => assert.deepEqual([...a], [...b], what);

test('training in the worker lowers the loss and raises the accuracy (xor, circle)', async () => {
  for (const dataset of ['xor', 'circle']) {
    const first = await trainer.init({ ...xorConfig, data: { ...xorConfig.data, dataset } });
    assert.equal(first.status, 'ready');
    const s = await trainer.train(40, { snapshot: light });
    assert.equal(s.epoch, 40);
    assert.equal(s.step, 40 * 10, '100 training samples in batches of 10');
    assert.equal(s.epochLosses.length, 40);
    assert.ok(s.epochLosses[39] < s.epochLosses[0] / 3, `${dataset}: epoch losses ${s.epochLosses[0]} -> ${s.epochLosses[39]}`);
    assert.ok(s.trainLoss < first.trainLoss / 3, `${dataset}: train loss ${first.trainLoss} -> ${s.trainLoss}`);
    assert.ok(s.trainAccuracy >= 0.95 && s.trainAccuracy > first.trainAccuracy, `${dataset}: train accuracy ${s.trainAccuracy}`);
    assert.ok(s.testAccuracy >= 0.9, `${dataset}: test accuracy ${s.testAccuracy}`);
    assert.equal(s.status, 'trained');
    assert.equal(s.diverged, false);
    assert.ok(s.timing.trainMs > 0 && s.timing.snapshotMs >= 0);
  }
});

test('the worker and the main thread compute the same numbers from the same seeds', async () => {
  // The pipeline of the worker, written out: generate, split, feature map, standardise.
  const features = ['x1', 'x2', 'x1x2'];
  const spec = net(3, [6], 1, 'sigmoid');
  const data = { dataset: 'xor', n: 160, noise: 0.2, seed: 7, trainRatio: 0.75, features, standardize: true };
  const snap0 = await trainer.init({ ...xorConfig, spec, data, grid: { size: 16, extent: [-4, 4] } });

  const all = lw.data.generate('xor', { n: 160, noise: 0.2, seed: 7 });
  const [rawTrain, rawTest] = all.split(0.75, 7);
  const train = rawTrain.featureMap(features);
  const test = rawTest.featureMap(features);
  const standardization = train.standardize();
  test.standardize(standardization);
  const model = lw.Model.fromSpec(spec);
  const opt = lw.optim.Adam(model, { lr: 0.03 });
  sameArray(snap0.data.train.points, rawTrain.toArrays().x, 'training points as generated');
  sameArray(snap0.data.test.y, rawTest.toArrays().y, 'test labels');
  sameArray(snap0.data.standardization.mean, standardization.mean, 'standardisation mean');

  const losses = [];
  for (let e = 0; e < 15; e++) losses.push(model.trainEpoch(train, 10, lw.loss.BCE(), opt));
  const s = await trainer.train(15);
  sameArray(s.epochLosses, losses, 'loss of every epoch');
  assert.equal(s.trainLoss, model.evaluate(train, 'bce').loss);
  assert.deepEqual({ loss: s.testLoss, accuracy: s.testAccuracy }, model.evaluate(test, 'bce'));
  for (const [i, p] of model.parameters().entries()) sameArray(s.parameters[i].data, p.data, p.name);

  // The grid: cell centres of [-4, 4]², row 0 at the top, mapped and standardised as the data.
  const size = 16;
  const cells = new Float32Array(size * size * 3);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const x1 = -4 + (c + 0.5) * 0.5;
      const x2 = 4 - (r + 0.5) * 0.5;
      [x1, x2, x1 * x2].forEach((v, k) => {
        cells[(r * size + c) * 3 + k] = (v - standardization.mean[k]) / standardization.std[k];
      });
    }
  }
  const expected = model.forward(cells, size * size);
  assert.deepEqual([s.grid.size, s.grid.outputs, s.grid.extent], [size, 1, [-4, 4]]);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(s.grid.data[i] - expected[i]) < 1e-5, `grid cell ${i}: ${s.grid.data[i]} vs ${expected[i]}`);
  }
  for (const d of [all, rawTrain, rawTest, train, test, model, opt]) d.dispose();
});

test('a snapshot has the documented shapes, all as Float32Array', async () => {
  const spec = net(2, [8, 5], 1, 'sigmoid');
  await trainer.init({ ...xorConfig, spec, grid: { size: 20 }, snapshot: { stats: 7 } });
  const s = await trainer.train(2);
  const cells = 20 * 20;
  assert.equal(s.type, 'snapshot');
  assert.ok(s.grid.data instanceof Float32Array && s.grid.data.length === cells);
  assert.ok(s.epochLosses instanceof Float32Array && s.batchLosses instanceof Float32Array);
  const widths = [8, 8, 5, 5, 1, 1];
  assert.deepEqual(s.neurons.map((n) => [n.layer, n.type, n.width]), spec.layers.map((l, i) => [i, l.type, widths[i]]));
  for (const n of s.neurons) assert.ok(n.data instanceof Float32Array && n.data.length === cells * n.width);
  // Neuron-major: the output layer's single neuron is the grid itself.
  sameArray(s.neurons.at(-1).data, s.grid.data);

  const model = lw.Model.fromSpec(spec);
  const expected = model.parameters().map(({ name, shape, data }) => ({ name, shape, length: data.length }));
  model.dispose();
  for (const list of [s.parameters, s.gradients]) {
    assert.deepEqual(list.map(({ name, shape, data }) => ({ name, shape, length: data.length })), expected);
    for (const p of list) assert.ok(p.data instanceof Float32Array);
  }
  assert.ok(s.gradients.some((g) => g.data.some((v) => v !== 0)), 'gradients over the training set');
  assert.equal(s.stats.length, spec.layers.length);
  assert.equal(s.stats[0].weights.histogram.length, 7);
  assert.equal(s.stats[0].activations.count, 100 * 8, 'activations over the 100 training samples');
  assert.deepEqual(s.settings, {
    loss: 'bce', optimizer: { name: 'adam', options: (await trainer.set({})).settings.optimizer.options }, batch: 10, l1: 0,
  });
  assert.equal(s.data, undefined, 'data only when asked for');

  const small = await trainer.snapshot({ neurons: false, gradients: false, stats: false });
  assert.deepEqual(Object.keys(small).filter((k) => ['grid', 'neurons', 'parameters', 'gradients', 'stats'].includes(k)), ['parameters', 'grid']);
  const bare = await trainer.snapshot({ ...light, metrics: false });
  assert.equal(bare.trainLoss, null);
  assert.equal(bare.epoch, 2);
  assert.equal(bare.epochLosses.length, 0, 'epoch losses are reported once');
});

test('the worker transfers every typed array and answers the raw protocol', async () => {
  // A wrapper around the worker that reports, after each reply, how many of its typed
  // arrays were detached by the transfer.
  const workerUrl = new URL('trainer-worker.mjs', engineDir).href;
  const source = `
    const { parentPort } = require('node:worker_threads');
    const post = parentPort.postMessage.bind(parentPort);
    const views = (v, out = []) => {
      if (ArrayBuffer.isView(v)) out.push(v);
      else if (v && typeof v === 'object') for (const x of Object.values(v)) views(x, out);
      return out;
    };
    parentPort.postMessage = (message, transfer) => {
      const arrays = views(message);
      post(message, transfer);
      post({ report: message.id, arrays: arrays.length, detached: arrays.filter((a) => a.byteLength === 0).length });
    };
    import(${JSON.stringify(workerUrl)});`;
  const worker = new Worker(source, { eval: true });
  const replies = [];
  const waiting = [];
  worker.on('message', (m) => (waiting.length ? waiting.shift()(m) : replies.push(m)));
  const next = () => (replies.length ? Promise.resolve(replies.shift()) : new Promise((r) => waiting.push(r)));
  try {
    worker.postMessage({ v: 1, id: 'a', type: 'init', ...xorConfig });
    const snap = await next();
    assert.deepEqual([snap.v, snap.id, snap.type], [PROTOCOL, 'a', 'snapshot']);
    const report = await next();
    assert.equal(report.report, 'a');
    assert.ok(report.arrays >= 15, `${report.arrays} typed arrays`);
    assert.equal(report.detached, report.arrays, 'every typed array was transferred');

    worker.postMessage({ id: 7, type: 'fly' });
    const error = await next();
    assert.deepEqual([error.id, error.type, error.name], [7, 'error', 'LayerwiseError']);
    assert.match(error.message, /unknown request type "fly"; the types are load, init, train, trainFor/);
    await next();
    worker.postMessage({ v: 2, id: 8, type: 'train' });
    assert.match((await next()).message, /protocol version 1, but the request is version 2/);
    await next();
    worker.postMessage({ id: 9, type: 'train', epochs: 1, snapshot: { grid: false } });
    const trained = await next();
    assert.deepEqual([trained.id, trained.epoch, trained.grid], [9, 1, undefined]);
  } finally {
    await worker.terminate();
  }
});

test('trainFor(ms) trains whole epochs for about that long', async () => {
  await trainer.init({ ...xorConfig, snapshot: light });
  const start = performance.now();
  const s = await trainer.trainFor(300);
  const elapsed = performance.now() - start;
  assert.ok(s.timing.trainMs >= 300, `trained ${s.timing.trainMs} ms`);
  assert.ok(elapsed >= 300 && elapsed < 800, `returned after ${elapsed} ms`);
  assert.ok(s.epochLosses.length > 10 && s.epoch === s.epochLosses.length, `${s.epoch} epochs`);
  const capped = await trainer.trainFor(60_000, { maxEpochs: 3 });
  assert.equal(capped.epochLosses.length, 3);
  const once = await trainer.trainFor(0);
  assert.equal(once.epochLosses.length, 1, 'at least one epoch');
  await assert.rejects(trainer.trainFor(), (err) => err instanceof LayerwiseError && /trainFor: ms must be a finite number ≥ 0, got undefined$/.test(err.message));
});

// Issue 12: train(10^9) held the worker (and every request behind it) for hours. The caps are
// 10,000 epochs, 100,000 batches and 60,000 ms a request (docs/worker-protocol.md); the timeout
// turns the old behaviour into a failure rather than a hang.
test('a request for too much work is refused at once, and the requests behind it are answered', { timeout: 120_000 }, async () => {
  await trainer.init({ ...xorConfig, snapshot: light });
  const refused = (message) => (err) => err instanceof LayerwiseError && err.message === message;
  // All sent at once: each waits in the worker's queue behind the one before.
  const epochs = trainer.train(1e9);
  const ms = trainer.trainFor(1e12);
  const batches = trainer.step(2 ** 40);
  const next = trainer.train(1);
  await assert.rejects(epochs, refused('train: epochs must be at most 10000 in one request, got 1000000000; train in slices (several train requests, or trainFor)'));
  await assert.rejects(ms, refused('trainFor: ms must be at most 60000 in one request, got 1000000000000; send trainFor again to train longer'));
  await assert.rejects(batches, refused('step: batches must be at most 100000 in one request, got 1099511627776; send several step requests'));
  const s = await next;
  assert.deepEqual([s.epoch, s.step, s.epochLosses.length], [1, 10, 1], 'the refused requests trained nothing');
  // One above each cap is refused; the caps themselves are allowed (one sample of data, so
  // 10,000 epochs are 10,000 small steps).
  await assert.rejects(trainer.train(10_001), /^LayerwiseError: train: epochs must be at most 10000 in one request, got 10001;/);
  await assert.rejects(trainer.trainFor(60_001), /^LayerwiseError: trainFor: ms must be at most 60000 in one request, got 60001;/);
  await assert.rejects(trainer.step(100_001), /^LayerwiseError: step: batches must be at most 100000 in one request, got 100001;/);
  await trainer.init({ ...xorConfig, data: { x: [0.5, -0.5], y: [1], classes: 2, trainRatio: 1 }, batch: 1, grid: false, snapshot: light });
  const most = await trainer.train(10_000);
  assert.deepEqual([most.epoch, most.step, most.epochLosses.length], [10_000, 10_000, 10_000]);
  assert.equal((await trainer.trainFor(60_000, { maxEpochs: 2 })).epoch, 10_002);
});

test('set changes lr, optimizer, loss, batch and l1 on the fly and keeps the weights', async () => {
  await trainer.init(xorConfig);
  await trainer.train(5);
  assert.equal((await trainer.set({ lr: 0 })).settings.optimizer.options.lr, 0);
  const a = await trainer.train(3);
  const b = await trainer.train(3);
  for (const [i, p] of a.parameters.entries()) sameArray(b.parameters[i].data, p.data, `lr 0 keeps ${p.name}`);
  assert.equal(b.trainLoss, a.trainLoss);

  // A new optimizer type: same weights, the new options.
  const { settings } = await trainer.set({ optimizer: { name: 'SGD', options: { lr: 0.1, momentum: 0.9 } } });
  assert.deepEqual([settings.optimizer.name, settings.optimizer.options.momentum], ['sgd', 0.9]);
  assert.ok(Math.abs(settings.optimizer.options.lr - 0.1) < 1e-7);
  const c = await trainer.snapshot();
  for (const [i, p] of b.parameters.entries()) sameArray(c.parameters[i].data, p.data, `new optimizer keeps ${p.name}`);
  const d = await trainer.train(1);
  assert.ok(d.parameters.some((p, i) => p.data.some((v, j) => v !== c.parameters[i].data[j])), 'SGD with lr 0.1 moves the weights');
  assert.equal((await trainer.set({ optimizer: 'rmsprop' })).settings.optimizer.options.lr, settings.optimizer.options.lr, 'a new type keeps the lr');

  // Batch: 100 training samples in batches of 25 are 4 steps per epoch.
  await trainer.set({ batch: 25, l1: 0.001 });
  const e = await trainer.train(1, { snapshot: light });
  assert.equal(e.step - d.step, 4);
  assert.equal(e.settings.l1, 0.001);

  // Loss: checked against the model and the data, then used.
  assert.equal((await trainer.set({ loss: 'mse' })).settings.loss, 'mse');
  const f = await trainer.snapshot(light);
  assert.ok(f.trainLoss > 0 && f.trainLoss < 0.5, `MSE of probabilities ${f.trainLoss}`);

  // All or nothing: a bad value changes nothing.
  await assert.rejects(trainer.set({ batch: 50, lr: -1 }), /set: lr must be a finite number ≥ 0, got -1/);
  await assert.rejects(trainer.set({ loss: 'cross_entropy', batch: 50 }), LayerwiseError);
  await assert.rejects(trainer.set({ optimizer: 'lbfgs' }), /set: optimizer\.name must be one of sgd, adam, adamw, rmsprop, got the string "lbfgs"$/);
  await assert.rejects(trainer.set({ optimizer: { options: { betas: [0.9, 2] } }, batch: 50 }), /betas/);
  await assert.rejects(trainer.set({ momentun: 0.9 }), /^LayerwiseError: set: unknown option "momentun"; allowed: v, id, type, lr, optimizer, loss, batch, l1$/);
  assert.deepEqual((await trainer.snapshot(light)).settings, { ...f.settings });
  assert.equal(f.settings.batch, 25);
});

test('a diverging run says so, stops training by itself, and reset recovers', async () => {
  await trainer.init({
    spec: net(2, [8], 1), data: { dataset: 'plane', n: 100, seed: 2 }, loss: 'mse',
    optimizer: { name: 'sgd', options: { lr: 1e3 } },
  });
  const s = await trainer.train(50);
  assert.equal(s.diverged, true);
  assert.equal(s.status, 'diverged');
  assert.ok(s.epochLosses.length < 50, `stopped after ${s.epochLosses.length} epochs`);
  assert.ok(!Number.isFinite(s.epochLosses.at(-1)));
  assert.match(s.message, /^training stopped: the loss became (NaN|-?Infinity) in epoch \d+; lower the learning rate/);
  assert.equal(s.stats, null, 'no statistics of non-finite values');
  const again = await trainer.train(10);
  assert.deepEqual([again.epoch, again.epochLosses.length, again.diverged], [s.epoch, 0, true]);
  assert.equal((await trainer.trainFor(200)).epochLosses.length, 0);
  assert.equal((await trainer.step(3)).step, s.step);

  await trainer.set({ lr: 0.01 });
  const fresh = await trainer.reset();
  assert.deepEqual([fresh.epoch, fresh.step, fresh.diverged, fresh.status, fresh.message], [0, 0, false, 'ready', null]);
  const ok = await trainer.train(20);
  assert.ok(ok.epochLosses.every(Number.isFinite) && ok.trainLoss < fresh.trainLoss, `${fresh.trainLoss} -> ${ok.trainLoss}`);
  assert.equal(ok.trainAccuracy, null, 'regression has no accuracy');
});

test('step trains batch by batch, and train first finishes the epoch a step began', async () => {
  await trainer.init({ ...xorConfig, snapshot: light });
  const a = await trainer.step(3);
  assert.deepEqual([a.epoch, a.step, a.batchLosses.length, a.epochLosses.length, a.status], [0, 3, 3, 0, 'trained']);
  const b = await trainer.train(1);
  assert.deepEqual([b.epoch, b.step, b.epochLosses.length], [1, 10, 1]);
  const c = await trainer.step(10);
  assert.deepEqual([c.epoch, c.step, c.epochLosses.length], [2, 20, 1]);
  // The epoch's loss is the batches' mean, weighted by size (here all of 10 samples).
  const mean = c.batchLosses.reduce((sum, v) => sum + v, 0) / 10;
  assert.ok(Math.abs(c.epochLosses[0] - mean) < 1e-6, `${c.epochLosses[0]} vs ${mean}`);
});

test('reset starts over: the same weights and the same losses as after init', async () => {
  const first = await trainer.init(xorConfig);
  const ten = await trainer.train(10);
  const again = await trainer.reset();
  for (const [i, p] of first.parameters.entries()) sameArray(again.parameters[i].data, p.data, p.name);
  assert.deepEqual((await trainer.train(10)).epochLosses, ten.epochLosses);
  const other = await trainer.reset({ seed: 99 });
  assert.notDeepEqual([...other.parameters[0].data], [...first.parameters[0].data]);
});

test('drawn data: own arrays with a test set, three classes, cross-entropy', async () => {
  const blobs = lw.data.generate('blobs3', { n: 150, noise: 0.1, seed: 5 });
  const [trainSet, testSet] = blobs.split(0.8, 5);
  const train = trainSet.toArrays();
  const testArrays = testSet.toArrays();
  for (const d of [blobs, trainSet, testSet]) d.dispose();
  const first = await trainer.init({
    spec: net(2, [8], 3), data: { x: train.x, y: train.y, classes: 3, testX: testArrays.x, testY: testArrays.y },
    loss: 'cross_entropy', optimizer: { name: 'adam', options: { lr: 0.05 } }, grid: { size: 8 },
  });
  sameArray(first.data.test.points, testArrays.x);
  assert.equal(first.data.classes, 3);
  assert.equal(first.grid.data.length, 8 * 8 * 3);
  const s = await trainer.train(30);
  assert.ok(s.trainAccuracy >= 0.95 && s.testAccuracy >= 0.9, `accuracy ${s.trainAccuracy}, ${s.testAccuracy}`);

  // Samples that are not points: no feature map, no grid.
  const wide = await trainer.init({
    spec: net(4, [4], 1), data: { x: new Float32Array(40).map((_, i) => i % 7), y: new Float32Array(10).map((_, i) => i), features: 4, trainRatio: 1 },
    loss: 'mse',
  });
  assert.deepEqual([wide.grid, wide.neurons, wide.testLoss, wide.data.features], [undefined, undefined, null, 4]);
});

test('a bad request names the problem, changes nothing, and the worker stays usable', async () => {
  await trainer.init(xorConfig);
  await trainer.train(4);
  const rejects = (config, pattern) => assert.rejects(trainer.init(config), (err) => err instanceof LayerwiseError && pattern.test(err.message));
  // refused by the client before anything is sent, with the same LayerwiseError class
  await rejects(null, /^init: config must be an object such as \{spec, data, loss, optimizer\}, got null$/);
  await rejects([xorConfig], /^init: config must be an object such as .*, got an Array$/);
  await rejects({ ...xorConfig, spec: { input: [2], layers: [{ type: 'linaer' }] } }, /spec.layers\[0\]: unknown layer type "linaer"/);
  await rejects({ ...xorConfig, spec: net(3, [4], 1, 'sigmoid') }, /the model takes 3 input values .* but each sample has 2 features \(x1, x2\)/);
  await rejects({ ...xorConfig, data: { dataset: 'spirals' } }, /spirals/);
  await rejects({ ...xorConfig, loss: 'cross_entropy' }, /cross_entropy/);
  await rejects({ ...xorConfig, loss: undefined }, /loss is missing/);
  await rejects({ ...xorConfig, grid: { size: 1000 } }, /grid.size must be at most 256/);
  await rejects({ ...xorConfig, batch: 0 }, /batch must be a whole number ≥ 1, got 0/);
  await rejects({ ...xorConfig, optimizer: { name: 'adam', options: { lr: -1 } } }, /lr/);
  await rejects({ ...xorConfig, snapshot: { neuron: false } }, /init: snapshot: unknown option "neuron"; allowed: metrics, grid, neurons, parameters, gradients, stats, data, curve, keep, memory$/);
  await assert.rejects(trainer.train(1.5), /train: epochs must be a whole number ≥ 0, got 1.5/);
  const kept = await trainer.snapshot(light);
  assert.equal(kept.epoch, 4, 'a failed init keeps the model it would have replaced');
  const fresh = await trainer.init(xorConfig);
  assert.equal(fresh.epoch, 0);

  const other = await createTrainer();
  try {
    await assert.rejects(other.train(1), /there is no model yet; send init first/);
  } finally {
    await other.dispose();
  }
});

test('the engine can be handed over compiled; dispose terminates the worker', async () => {
  const wasmModule = await WebAssembly.compile(await readFile(new URL('layerwise.wasm', engineDir)));
  const ports = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;
  const before = ports();
  const own = await createTrainer({ wasmModule });
  assert.equal((await own.init(xorConfig)).epoch, 0);
  const pending = assert.rejects(own.trainFor(10_000), /^LayerwiseError: this trainer was disposed/);
  assert.equal(ports(), before + 1, 'a worker with a pending request keeps Node running');
  await new Promise((resolve) => setTimeout(resolve, 50));
  const start = performance.now();
  await own.dispose();
  await pending;
  assert.ok(performance.now() - start < 1000, 'dispose does not wait for training');
  assert.equal(own.disposed, true);
  assert.equal(ports(), before, 'the worker is gone');
  await assert.rejects(own.snapshot(), (err) => err instanceof LayerwiseError && /snapshot: this trainer was disposed/.test(err.message));
  await own.dispose();
});

test('snapshots never change what training does, dropout included', async () => {
  const spec = { ...net(2, [12], 1, 'sigmoid'), layers: [{ type: 'linear', out: 12 }, { type: 'relu' }, { type: 'dropout', p: 0.3 }, { type: 'linear', out: 1 }, { type: 'sigmoid' }] };
  const config = { ...xorConfig, spec, data: { ...xorConfig.data, dataset: 'circle' } };
  await trainer.init(config);
  const full = [];
  for (let e = 0; e < 8; e++) full.push(...(await trainer.train(1)).epochLosses);
  await trainer.init({ ...config, snapshot: light });
  const quiet = await trainer.train(8);
  sameArray(quiet.epochLosses, full);

  // ...and match the engine run in this thread, where dropout draws from the same stream.
  const all = lw.data.generate('circle', { n: 200, noise: 0.1, seed: 1 });
  const [train] = all.split(0.5, 1);
  const model = lw.Model.fromSpec(spec);
  const opt = lw.optim.Adam(model, { lr: 0.03 });
  sameArray(full, Array.from({ length: 8 }, () => model.trainEpoch(train, 10, 'bce', opt)));
  for (const d of [all, train, model, opt]) d.dispose();
});

test('curve: one request of many epochs reports the metrics after each, as one-epoch requests measure them', async () => {
  const spec = { ...net(2, [12], 1, 'sigmoid'), layers: [{ type: 'linear', out: 12 }, { type: 'relu' }, { type: 'dropout', p: 0.3 }, { type: 'linear', out: 1 }, { type: 'sigmoid' }] };
  const config = { ...xorConfig, spec, data: { ...xorConfig.data, dataset: 'circle' }, snapshot: light };
  await trainer.init(config);
  const one = [];
  for (let e = 0; e < 6; e++) one.push(await trainer.train(1));
  await trainer.init(config);
  const many = await trainer.train(6, { snapshot: { curve: true } });
  assert.deepEqual([...many.curve.epochs], [1, 2, 3, 4, 5, 6]);
  for (const key of ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy']) {
    sameArray(many.curve[key], one.map((s) => s[key]), key);
  }
  // evaluating after every epoch changes nothing of training (dropout's stream included)
  sameArray(many.epochLosses, one.flatMap((s) => [...s.epochLosses]));
  assert.equal(many.trainLoss, one.at(-1).trainLoss);
  // every n-th epoch since init; a request without the option carries none
  const every = await trainer.train(6, { snapshot: { curve: 4 } });
  assert.deepEqual([...every.curve.epochs], [8, 12]);
  assert.equal((await trainer.train(1)).curve, undefined);
  // step's epochs too (10 batches an epoch), and regression has no accuracy column
  await trainer.init({ ...xorConfig, spec: net(2, [4], 1), data: { dataset: 'plane', n: 200, seed: 1 }, loss: 'mse', snapshot: light });
  const steps = await trainer.step(25, { snapshot: { curve: true } });
  assert.deepEqual([steps.step, ...steps.curve.epochs], [25, 1, 2]);
  assert.deepEqual([steps.curve.trainAccuracy, steps.curve.testAccuracy], [null, null]);
  assert.equal(steps.curve.trainLoss.length, 2);
  await assert.rejects(trainer.train(1, { snapshot: { curve: 0 } }), /curve/);
});

test('keep: one request of many epochs brings back the weights of every epoch a timeline keeps, as one-epoch requests had them', async () => {
  const config = { ...xorConfig, spec: net(2, [6], 1, 'sigmoid'), optimizer: 'adam', snapshot: light };
  await trainer.init(config);
  const one = new Map();
  for (let e = 1; e <= 40; e++) one.set(e, (await trainer.train(1, { snapshot: { parameters: true } })).parameters);
  await trainer.init(config);
  const many = await trainer.train(40, { snapshot: { keep: { next: 0, thinned: 0 } } });
  // the schedule: every epoch below 16, every 2nd from 16, every 4th from 32 (keepInterval)
  const want = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 26, 28, 30, 32, 36, 40];
  assert.deepEqual(many.kept.map((k) => k.epoch), want);
  for (const { epoch, parameters } of many.kept) {
    parameters.forEach((p, i) => sameArray(p.data, one.get(epoch)[i].data, `epoch ${epoch} ${p.name}`));
  }
  // a timeline that has thinned once keeps half as often; from where it asks
  await trainer.init(config);
  const thinned = await trainer.train(40, { snapshot: { keep: { next: 30, thinned: 1 } } });
  assert.deepEqual(thinned.kept.map((k) => k.epoch), [30, 34]); // intervals 4 (from 30), then 8
  assert.equal((await trainer.train(1)).kept, undefined, 'a request without the option carries none');
  await assert.rejects(trainer.train(1, { snapshot: { keep: { next: -1 } } }), /keep.next must be a whole number/);
  await assert.rejects(trainer.train(1, { snapshot: { keep: { every: 2 } } }), /keep: unknown option "every"/);
});

test('gradients are those of the loss over the whole training set at the current weights', async () => {
  // A linear output and MSE: ∂L/∂b = (2/n)·Σ(ŷᵢ − yᵢ) for the output bias, worked out here.
  const spec = net(2, [5], 1);
  await trainer.init({ spec, data: { dataset: 'sine', n: 60, noise: 0.1, seed: 4, trainRatio: 0.5 }, loss: 'mse', optimizer: 'adam' });
  const s = await trainer.train(3, { snapshot: { data: true } });
  const model = lw.Model.fromSpec(spec);
  model.setParameters(s.parameters);
  const { points, y } = s.data.train;
  const predictions = model.forward(points, y.length);
  model.dispose();
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += predictions[i] - y[i];
  const expected = (2 / y.length) * sum;
  const bias = s.gradients.find((g) => g.name === '2.bias').data[0];
  assert.ok(Math.abs(bias - expected) < 1e-5 * Math.max(1, Math.abs(expected)), `∂L/∂b ${bias} vs ${expected}`);
  assert.equal(s.stats[0].activations.count, 30 * 5, 'statistics over the 30 training samples');
});

test('setParameters loads weights (all or nothing) and keeps training from them', async () => {
  await trainer.init(xorConfig);
  const trained = await trainer.train(20);
  await trainer.reset();
  const loaded = await trainer.setParameters(trained.parameters);
  for (const [i, p] of trained.parameters.entries()) sameArray(loaded.parameters[i].data, p.data, p.name);
  assert.equal(loaded.trainLoss, trained.trainLoss);
  assert.equal(loaded.epoch, 0, 'counters stay');
  const wrong = trained.parameters.map((p, i) => (i === 1 ? { name: p.name, data: p.data.subarray(1) } : p));
  await assert.rejects(trainer.setParameters(wrong.map((p) => ({ ...p, data: p.data.map((v) => v + 1) }))), /0\.bias/);
  const kept = await trainer.snapshot({ ...light, parameters: true });
  sameArray(kept.parameters[0].data, trained.parameters[0].data, 'a failed load changes nothing');
});

test('init with parameters starts from them, and refused ones fail the whole init', async () => {
  // An imported file's network and weights: taken together, or neither (the previous session
  // stays with its own weights, epoch and settings).
  await trainer.init(xorConfig);
  const trained = await trainer.train(20);
  const circle = { ...xorConfig, data: { ...xorConfig.data, dataset: 'circle' }, parameters: trained.parameters };
  const started = await trainer.init({ ...circle, snapshot: { ...light, parameters: true } });
  assert.equal(started.epoch, 0);
  for (const [i, p] of trained.parameters.entries()) sameArray(started.parameters[i].data, p.data, p.name);

  const before = await trainer.train(3, { snapshot: { ...light, parameters: true } });
  const bad = [
    [trained.parameters.slice(1), /parameters?|0\.weight/],
    [trained.parameters.map((p, i) => (i === 2 ? { name: p.name, data: p.data.map(() => NaN) } : p)), /2\.weight\[0\] is nan/],
    [trained.parameters.map((p) => ({ name: p.name, data: Array.from(p.data, () => 1e39) })), /0\.weight/],
  ];
  for (const [parameters, message] of bad) {
    await assert.rejects(trainer.init({ ...xorConfig, spec: { ...xorConfig.spec, seed: 9 }, parameters }), message);
    const kept = await trainer.snapshot({ ...light, parameters: true });
    assert.equal(kept.epoch, 3, 'the previous session goes on');
    for (const [i, p] of before.parameters.entries()) sameArray(kept.parameters[i].data, p.data, `${p.name} stays`);
  }
});

test('predict gives the current model\'s outputs in eval mode and changes nothing', async () => {
  // Dropout in the spec: eval mode means the outputs are the plain forward pass, the same on
  // every call, and equal to a model built here from the snapshot's weights.
  const spec = { ...net(3, [6], 1, 'sigmoid') };
  spec.layers = [spec.layers[0], spec.layers[1], { type: 'dropout', p: 0.5 }, ...spec.layers.slice(2)];
  const features = ['x1', 'x2', 'x1x2'];
  const data = { dataset: 'xor', n: 120, noise: 0.1, seed: 5, features, standardize: true };
  const config = { ...xorConfig, spec, data, grid: null, snapshot: light };
  await trainer.init(config);
  const before = await trainer.train(5, { snapshot: { ...light, parameters: true, data: true } });
  const points = Float32Array.from([0.5, -2, -3, 4, 1.25, 1.25]);
  const first = await trainer.predict(points, 3);
  assert.equal(first.type, 'prediction');
  assert.ok(first.outputs instanceof Float32Array);
  assert.equal(first.outputs.length, 3);
  sameArray((await trainer.predict(points, 3)).outputs, first.outputs, 'the same outputs every time: no dropout');

  // The same pipeline written out: feature map (x1, x2, x1·x2), standardisation with the
  // training set's mean and std, then the network with dropout off.
  const { mean, std } = before.data.standardization;
  const mapped = new Float32Array(9);
  for (let i = 0; i < 3; i++) {
    const [x1, x2] = [points[2 * i], points[2 * i + 1]];
    [x1, x2, x1 * x2].forEach((v, k) => (mapped[3 * i + k] = (v - mean[k]) / std[k]));
  }
  const model = lw.Model.fromSpec(spec);
  model.setParameters(before.parameters);
  const expected = model.forward(mapped, 3);
  model.dispose();
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(first.outputs[i] - expected[i]) < 1e-6, `output ${i}: ${first.outputs[i]} vs ${expected[i]}`);

  // Nothing trained or moved: the counters, the weights, and what training does next.
  const after = await trainer.snapshot({ ...light, parameters: true });
  assert.equal(after.epoch, 5);
  assert.equal(after.trainLoss, before.trainLoss);
  sameArray(after.parameters[0].data, before.parameters[0].data, 'weights unchanged');
  const withPredict = (await trainer.train(3)).epochLosses;
  await trainer.init(config);
  await trainer.train(5);
  sameArray((await trainer.train(3)).epochLosses, withPredict, 'training goes on as if predict had not run');

  // 784 values per sample, no feature map (the sketch pad's case), and the batch checked.
  const pixels = { spec: net(784, [4], 3), data: { x: new Float32Array(6 * 784).map((_, i) => (i % 7) / 7), y: [0, 1, 2, 0, 1, 2], classes: 3, features: 784, trainRatio: 1 }, loss: 'cross_entropy', grid: null };
  const snap = await trainer.init({ ...pixels, snapshot: { ...light, parameters: true } });
  const one = new Float32Array(784).fill(0.5);
  const { outputs } = await trainer.predict(one, 1);
  const direct = lw.Model.fromSpec(pixels.spec);
  direct.setParameters(snap.parameters);
  sameArray(outputs, direct.forward(one, 1), 'three logits');
  direct.dispose();
  await assert.rejects(trainer.predict(one, 2), (err) => err instanceof LayerwiseError && /predict: x has 784 values, but a batch of 2 samples of 784 values needs 1568/.test(err.message));
  await assert.rejects(trainer.predict(one, 0), /predict: batch must be a whole number ≥ 1/);
  await assert.rejects(trainer.predict(null, 1), /predict: x must be/);
  assert.equal((await trainer.predict(one, 1)).outputs.length, 3, 'still usable');
});

test('predict with layers: true gives every layer\'s outputs, with their shapes, for drawing', async () => {
  // A picture network (input [1, 28, 28], flatten, 784 → 5 → relu → 3): each layer's outputs
  // equal the engine's layerOutputs after a forward pass of the same weights here, and the
  // shapes are those the spec gives; without layers the reply has outputs only.
  const spec = { input: [1, 28, 28], layers: [{ type: 'flatten' }, { type: 'linear', out: 5 }, { type: 'relu' }, { type: 'linear', out: 3 }], seed: 3 };
  const x = new Float32Array(4 * 784).map((_, i) => ((i * 37) % 101) / 100);
  const data = { x, y: [0, 1, 2, 0], classes: 3, features: 784, trainRatio: 1 };
  const snap = await trainer.init({ spec, data, loss: 'cross_entropy', grid: null, snapshot: { ...light, parameters: true } });
  const pictures = x.subarray(0, 2 * 784);
  const reply = await trainer.predict(pictures, 2, { layers: true });
  const model = lw.Model.fromSpec(spec);
  model.setParameters(snap.parameters);
  const outputs = model.forward(pictures, 2);
  const expected = model.layerOutputs();
  model.dispose();
  sameArray(reply.outputs, outputs, 'the outputs as without layers');
  assert.deepEqual(reply.layers.map((l) => [l.layer, l.type, l.shape]),
    [[0, 'flatten', [784]], [1, 'linear', [5]], [2, 'relu', [5]], [3, 'linear', [3]]]);
  reply.layers.forEach((l, i) => sameArray(l.data, expected[i], `layer ${i}: 2 samples × ${l.shape[0]} values`));
  assert.ok(reply.layers[2].data.every((v) => v >= 0), 'relu outputs are ≥ 0');
  assert.equal((await trainer.predict(pictures, 2)).layers, undefined, 'no layers unless asked');
  await assert.rejects(trainer.predict(pictures, 2, { layers: 'yes' }), /predict: layers must be true or false, got the string "yes"/);

  // Convolution and pooling: [C, H, W] shapes by PyTorch's rule, worked out by hand
  // (9 → conv 3@3, stride 2, padding 1 → 5 → max pool 2 → 2; avg pool [1, 2] → [2, 1]),
  // each matching the number of values the engine returns.
  const cnn = { input: [2, 9, 9], layers: [
    { type: 'conv2d', out: 3, kernel: 3, stride: 2, padding: 1 }, { type: 'relu' }, { type: 'maxpool2d', kernel: 2 },
    { type: 'avgpool2d', kernel: [1, 2] }, { type: 'flatten' }, { type: 'linear', out: 2 }], seed: 5 };
  const cx = new Float32Array(3 * 162).map((_, i) => Math.sin(i));
  await trainer.init({ spec: cnn, data: { x: cx, y: [0, 1, 0], classes: 2, features: 162, trainRatio: 1 }, loss: 'cross_entropy', grid: null, snapshot: light });
  const conv = await trainer.predict(cx.subarray(0, 2 * 162), 2, { layers: true });
  assert.deepEqual(conv.layers.map((l) => l.shape), [[3, 5, 5], [3, 5, 5], [3, 2, 2], [3, 2, 1], [6], [2]]);
  for (const l of conv.layers) assert.equal(l.data.length, 2 * l.shape.reduce((a, b) => a * b, 1), `layer ${l.layer} (${l.type})`);
});

test('trace: a training sample\'s step with every number; a look-ahead changes nothing, apply makes the step', async () => {
  const features = ['x1', 'x2', 'x1x2'];
  const spec = net(3, [4], 1, 'sigmoid');
  const data = { dataset: 'xor', n: 60, noise: 0.1, seed: 4, features, standardize: true };
  const config = { ...xorConfig, spec, data, grid: null, snapshot: light, optimizer: { name: 'adam', options: { lr: 0.05 } } };
  await trainer.init(config);
  const before = await trainer.train(2, { snapshot: { ...light, parameters: true, data: true } });
  const look = await trainer.trace(7);
  assert.equal(look.type, 'trace');
  assert.equal(look.index, 7);
  sameArray(look.point, before.data.train.points.subarray(14, 16), 'the raw point');
  sameArray(look.target, before.data.train.y.subarray(7, 8), 'its target');
  assert.equal(look.settings.optimizer.name, 'adam');
  // The model's input is the point mapped and standardised as the data were.
  const { mean, std } = before.data.standardization;
  const [x1, x2] = look.point;
  [x1, x2, x1 * x2].forEach((v, k) => assert.ok(Math.abs(look.input[k] - (v - mean[k]) / std[k]) < 1e-5, `input ${k}`));
  // The same step taken here on a model with the snapshot's weights and a fresh Adam would
  // differ in the state terms (the worker's Adam has 2 epochs behind it), but not in the
  // forward pass, the loss or the gradients.
  const model = lw.Model.fromSpec(spec);
  model.setParameters(before.parameters);
  const here = model.traceStep(look.input, look.target, 'bce', lw.optim.Adam(model, { lr: 0.05 }));
  model.dispose();
  assert.equal(look.loss, here.loss);
  for (const [i, layer] of here.layers.entries()) sameArray(look.layers[i].gradOutput, layer.gradOutput, `layer ${i} ∂L/∂output`);
  for (const [i, p] of here.params.entries()) sameArray(look.params[i].grad, p.grad, `${p.name} gradient`);
  assert.equal(look.step, 2 * 3 + 1, 'Adam\'s step number: 3 batches an epoch, and this one');
  assert.deepEqual(Object.keys(look.params[0].state), ['exp_avg', 'exp_avg_sq']);
  const still = await trainer.snapshot({ ...light, parameters: true });
  assert.equal(still.step, before.step);
  for (const [i, p] of before.parameters.entries()) sameArray(still.parameters[i].data, p.data, `${p.name} unchanged`);

  const made = await trainer.trace(7, { apply: true, snapshot: { ...light, parameters: true } });
  assert.equal(made.snapshot.step, before.step + 1);
  for (const [i, p] of look.params.entries()) sameArray(made.snapshot.parameters[i].data, p.updated, `${p.name} as the look-ahead said`);
  await assert.rejects(trainer.trace(30), /trace: index must be below 30, the number of training samples, got 30/);
  await assert.rejects(trainer.trace(-1), /trace: index/);
  await assert.rejects(trainer.trace(1, { apply: 'yes' }), /trace: apply must be true or false/);
  assert.equal((await trainer.trace(0)).index, 0, 'still usable');
});

test('view: what a snapshot showed at other weights, exactly; the session does not move', async () => {
  const spec = net(2, [5, 3], 1, 'sigmoid');
  await trainer.init({ ...xorConfig, spec, grid: { size: 8 }, data: { dataset: 'circle', n: 80, noise: 0.1, seed: 2 } });
  const full = { metrics: true, grid: true, neurons: true, parameters: true, gradients: true, stats: 10 };
  const then = await trainer.train(4, { snapshot: full });
  const now = await trainer.train(6, { snapshot: full });
  const view = await trainer.view(then.parameters, { snapshot: full });
  assert.equal(view.type, 'view');
  for (const key of ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy']) assert.equal(view[key], then[key], key);
  sameArray(view.grid.data, then.grid.data, 'the boundary');
  view.neurons.forEach((n, i) => sameArray(n.data, then.neurons[i].data, `layer ${i}'s neurons`));
  view.gradients.forEach((g, i) => sameArray(g.data, then.gradients[i].data, `${g.name} gradient`));
  assert.deepEqual(view.stats, then.stats);
  const after = await trainer.snapshot(full);
  assert.equal(after.epoch, 10);
  assert.equal(after.trainLoss, now.trainLoss);
  sameArray(after.grid.data, now.grid.data, 'the session\'s own model is untouched');
  await assert.rejects(trainer.view([{ name: '0.weight', data: [1] }]), /setParameters|0\.weight|values/);
});

test('trace on a conv net: every layer, and the picture layers summed up per channel', async () => {
  const spec = { input: [1, 6, 6], layers: [{ type: 'conv2d', out: 2, kernel: 3, padding: 1 }, { type: 'relu' }, { type: 'maxpool2d', kernel: 2 }, { type: 'flatten' }, { type: 'linear', out: 3 }], seed: 2 };
  const x = new Float32Array(4 * 36).map((_, i) => Math.sin(i));
  await trainer.init({ spec, data: { x, y: [0, 1, 2, 1], classes: 3, features: 36, trainRatio: 1 }, loss: 'cross_entropy', grid: null, snapshot: light });
  const look = await trainer.trace(2);
  assert.deepEqual(look.channels.map((c) => [c.layer, c.shape]), [[0, [2, 6, 6]], [1, [2, 6, 6]], [2, [2, 3, 3]]]);
  for (const { layer, shape: [C, H, W], output, gradOutput } of look.channels) {
    for (let c = 0; c < C; c++) {
      const part = (a) => [...a.subarray(c * H * W, (c + 1) * H * W)];
      const o = part(look.layers[layer].output);
      const g = part(look.layers[layer].gradOutput);
      const mean = (v) => v.reduce((s, q) => s + q, 0) / v.length;
      assert.ok(Math.abs(output[c].mean - mean(o)) < 1e-6, `layer ${layer} channel ${c} mean`);
      assert.equal(output[c].max, Math.max(...o));
      assert.equal(output[c].min, Math.min(...o));
      assert.ok(Math.abs(gradOutput[c].rms - Math.sqrt(mean(g.map((q) => q * q)))) < 1e-9, `layer ${layer} channel ${c} δ rms`);
    }
  }
  assert.deepEqual((await trainer.init({ ...xorConfig, snapshot: light }).then(() => trainer.trace(0))).channels, [], 'none for a dense network');
});
