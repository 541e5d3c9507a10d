// The training-run controller (web/lib/run.js) over the real training worker (web/engine/
// trainer.mjs in Node worker_threads): which replies it drops, what a failed build keeps,
// when the trainer is disposed, how snapshots merge, how the history thins, and what its
// events say. The factory given to each run wraps the real createTrainer to count starts,
// disposals and replies; the dispose delay runs on timers the test fires by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mlpSpec as net, xorConfig } from './helpers.mjs';

const { TrainingRun } = await import(new URL('../../web/lib/run.js', import.meta.url));
const { createTrainer } = await import(new URL('../../web/engine/trainer.mjs', import.meta.url));

const NOTHING = { metrics: false, grid: false, neurons: false, parameters: false, gradients: false, stats: false };
const light = { ...NOTHING, metrics: true };
// 200 xor points, half for training: 100 samples, 10 batches of 10 per epoch.
const xor = { ...xorConfig, snapshot: light };

/** A factory over the real one that counts what happens; `hold` keeps the next start waiting. */
function counting() {
  const c = { started: 0, disposed: 0, replies: [], trainers: [], gate: null };
  c.factory = async () => {
    const trainer = await createTrainer();
    c.started++;
    c.trainers.push(trainer);
    if (c.gate) await c.gate.promise;
    const dispose = trainer.dispose.bind(trainer);
    trainer.dispose = () => {
      c.disposed++;
      return dispose();
    };
    for (const method of ['init', 'train', 'trainFor', 'step', 'snapshot']) {
      const call = trainer[method].bind(trainer);
      trainer[method] = async (...args) => {
        const reply = await call(...args);
        c.replies.push({ method, epoch: reply.epoch });
        return reply;
      };
    }
    return trainer;
  };
  c.hold = () => {
    let release;
    const promise = new Promise((resolve) => (release = resolve));
    c.gate = { promise, release: () => { c.gate = null; release(); } };
    return c.gate;
  };
  return c;
}

/** Timers that fire only when told to. */
function manualTimers() {
  const due = new Map();
  let next = 1;
  return {
    setTimeout: (fn) => {
      due.set(next, fn);
      return next++;
    },
    clearTimeout: (id) => due.delete(id),
    fire() {
      const fns = [...due.values()];
      due.clear();
      fns.forEach((fn) => fn());
      return fns.length;
    },
  };
}

/** The events of a run, in order: [type, detail]. */
function record(run) {
  const events = [];
  for (const type of ['snapshot', 'diverged', 'epoch', 'disposed']) run.addEventListener(type, (e) => events.push([type, e.detail ?? null]));
  return events;
}

async function newRun(options = {}) {
  const counts = counting();
  const timers = manualTimers();
  const run = new TrainingRun({ createTrainer: counts.factory, timers, ...options });
  return { run, counts, timers, events: record(run) };
}

const dispose = (run) => run.start().then((t) => t.dispose());

test('a build gives the epoch-0 snapshot; receive takes it in; requests train on', async () => {
  const { run, counts, events } = await newRun();
  try {
    const snap0 = await run.build(xor);
    assert.deepEqual([snap0.epoch, run.generation, run.snap, run.epoch], [0, 1, null, 0], 'nothing is taken in before receive');
    assert.equal(run.data.train.y.length, 100, 'the data of the init reply');
    run.receive(snap0);
    assert.equal(run.snap.trainLoss, snap0.trainLoss);
    assert.deepEqual(run.rows, [{ epoch: 0, trainLoss: snap0.trainLoss, testLoss: snap0.testLoss, trainAccuracy: snap0.trainAccuracy, testAccuracy: snap0.testAccuracy }]);
    const snap = await run.train(3, { snapshot: light });
    assert.deepEqual([snap.epoch, snap.step, run.epoch, run.workerEpoch], [3, 30, 3, 3]);
    assert.equal(counts.started, 1, 'one trainer for every request');
    assert.deepEqual(events.map(([type]) => type), ['snapshot', 'snapshot', 'epoch']);
    assert.deepEqual(events[1][1].epochs, 3);
  } finally {
    await dispose(run);
  }
});

test('replies of an older generation are dropped after a rebuild', async () => {
  const { run, counts, events } = await newRun();
  try {
    run.receive(await run.build(xor));
    const before = run.snap;
    // A slice in flight, then a new network as an element makes it: invalidate, then build.
    const pending = run.train(3, { snapshot: light });
    run.invalidate();
    const rebuilt = run.build({ ...xor, data: { ...xor.data, dataset: 'circle' } });
    assert.equal(await pending, null, 'the old network\'s reply is dropped');
    assert.deepEqual(counts.replies.at(-1), { method: 'train', epoch: 3 }, 'the worker did train it');
    assert.deepEqual([run.epoch, run.snap, run.rows.length], [0, before, 1], 'nothing of it was taken in');
    assert.deepEqual(events.map(([type]) => type), ['snapshot'], 'no epoch event for it');
    run.receive(await rebuilt);
    assert.equal(run.generation, 3, 'build 1, invalidate 2, build 3');
    assert.equal((await run.trainFor(5, { maxEpochs: 1, snapshot: light })).epoch, 1, 'the new network trains from 0');
    assert.equal(run.epoch, 1);
    // Every kind of request drops a stale reply.
    const stale = [run.step(2), run.snapshot(light), run.set({ lr: 0.01 }), run.predict([0.5, 0.5], 1)];
    run.invalidate();
    assert.deepEqual(await Promise.all(stale), [null, null, null, null]);
    assert.equal(run.epoch, 1);
  } finally {
    await dispose(run);
  }
});

test('a failed build keeps the previous network: its epoch, weights, snapshot and history', async () => {
  const { run } = await newRun();
  try {
    run.receive(await run.build(xor));
    await run.train(4, { snapshot: light });
    const trainer = await run.start();
    const weights = (await trainer.snapshot({ ...NOTHING, parameters: true })).parameters;
    const [generation, snap, rows] = [run.generation, run.snap, run.rows];
    await assert.rejects(run.build({ ...xor, spec: net(3, [4], 1, 'sigmoid') }), /the model takes 3 input values .* but each sample has 2 features/);
    assert.deepEqual([run.generation, run.epoch, run.snap, run.rows], [generation, 4, snap, rows]);
    const after = (await trainer.snapshot({ ...NOTHING, parameters: true })).parameters;
    assert.deepEqual(after.map((p) => [p.name, [...p.data]]), weights.map((p) => [p.name, [...p.data]]), 'the weights are the ones trained');
    assert.equal((await run.train(1, { snapshot: light })).epoch, 5, 'and it trains on from there');
  } finally {
    await dispose(run);
  }
});

test('the queue runs jobs one after another, past a failing one', async () => {
  const run = new TrainingRun({ createTrainer: () => Promise.reject(new Error('unused')) });
  const order = [];
  const slow = run.enqueue(async () => {
    await new Promise((resolve) => setImmediate(resolve));
    order.push('slow');
    return 1;
  });
  const failing = run.enqueue(() => {
    order.push('failing');
    throw new Error('no');
  });
  const last = run.enqueue(() => order.push('last'));
  assert.equal(await slow, 1);
  await assert.rejects(failing, /no/);
  await last;
  assert.deepEqual(order, ['slow', 'failing', 'last']);
});

test('detach then attach within the same tick keeps the trainer', async () => {
  const { run, counts, timers, events } = await newRun();
  try {
    const trainer = await run.start();
    run.receive(await run.build(xor));
    run.detach();
    run.attach();
    assert.equal(timers.fire(), 0, 'the disposal was called off');
    assert.deepEqual([counts.disposed, trainer.disposed, run.trainer === trainer], [0, false, true]);
    assert.equal((await run.train(2, { snapshot: light })).epoch, 2, 'the same network trains on');
    assert.equal(events.filter(([type]) => type === 'disposed').length, 0);
  } finally {
    await dispose(run);
  }
});

test('detach disposes the trainer when the timer fires; the next start makes a new one', async () => {
  const { run, counts, timers, events } = await newRun();
  const trainer = await run.start();
  run.receive(await run.build(xor));
  const generation = run.generation;
  run.detach();
  assert.deepEqual([counts.disposed, run.trainer === trainer], [0, true], 'kept until the timer fires');
  assert.equal(timers.fire(), 1);
  assert.deepEqual([counts.disposed, trainer.disposed, run.trainer, run.generation], [1, true, null, generation + 1]);
  assert.equal(events.filter(([type]) => type === 'disposed').length, 1);
  await assert.rejects(trainer.train(1), /this trainer was disposed/);

  run.attach();
  const next = await run.start();
  try {
    assert.notEqual(next, trainer);
    assert.deepEqual([counts.started, next.disposed, run.trainer === next], [2, false, true]);
    assert.equal((await run.build(xor)).epoch, 0);
  } finally {
    await next.dispose();
  }
});

test('a trainer that finishes starting after the run was detached is disposed as it arrives', async () => {
  const { run, counts, timers } = await newRun();
  const gate = counts.hold();
  const starting = run.start();
  const build = run.build(xor); // an element's first build, waiting for the trainer
  run.detach();
  assert.equal(timers.fire(), 1);
  gate.release();
  const trainer = await starting;
  assert.deepEqual([counts.started, counts.disposed, trainer.disposed, run.trainer], [1, 1, true, null]);
  await assert.rejects(build, /init: this trainer was disposed/);

  // Started while detached (a job still queued): disposed on arrival too.
  const late = await run.start();
  assert.deepEqual([counts.started, counts.disposed, late.disposed, run.trainer], [2, 2, true, null]);

  // Detached, but attached again before the timer: the trainer arriving then is kept.
  run.attach();
  counts.hold();
  const again = run.start();
  run.detach();
  run.attach();
  counts.gate.release();
  const kept = await again;
  try {
    assert.deepEqual([counts.disposed, kept.disposed, run.trainer === kept], [2, false, true]);
  } finally {
    await kept.dispose();
  }
});

test('a merged snapshot keeps heavy parts and metrics from earlier replies and marks what is fresh', async () => {
  const { run } = await newRun();
  try {
    const snap0 = await run.build({ ...xor, grid: { size: 8 }, snapshot: { ...light, grid: true } });
    run.receive(snap0);
    assert.deepEqual([[...run.latest], [...run.fresh]], [['grid'], ['grid']]);
    const grid0 = run.snap.grid;
    assert.equal(grid0.data.length, 8 * 8);
    run.fresh.clear(); // drawn

    const light1 = await run.train(1, { snapshot: light });
    assert.equal(light1.grid, undefined);
    assert.deepEqual([run.snap.grid, run.snap.epoch, run.snap.trainLoss], [grid0, 1, light1.trainLoss], 'the old grid stays beside the new metrics');
    assert.deepEqual([[...run.latest], [...run.fresh]], [[], []]);

    const full = await run.snapshot({ ...light, grid: true, neurons: true, parameters: true, gradients: true, stats: true });
    assert.deepEqual([...run.latest].sort(), ['gradients', 'grid', 'neurons', 'parameters', 'stats']);
    assert.deepEqual([...run.fresh].sort(), ['gradients', 'grid', 'neurons', 'parameters', 'stats']);
    assert.notEqual(run.snap.grid, grid0);
    run.fresh.delete('grid');

    await run.train(1, { snapshot: { ...light, grid: true } });
    assert.deepEqual([...run.latest], ['grid']);
    assert.deepEqual([...run.fresh].sort(), ['gradients', 'grid', 'neurons', 'parameters', 'stats'], 'undrawn parts stay fresh');
    for (const part of ['neurons', 'parameters', 'gradients', 'stats']) assert.equal(run.snap[part], full[part], `${part} from epoch 1`);
    assert.equal(run.snap.epoch, 2);

    // A reply without metrics (only the weights) keeps the metrics, and adds no history row.
    const metrics = run.detail;
    const rows = run.rows.length;
    const weights = await run.snapshot({ ...NOTHING, parameters: true });
    assert.equal(weights.trainLoss, null);
    assert.deepEqual([run.detail, run.rows.length, run.snap.parameters], [metrics, rows, weights.parameters]);
  } finally {
    await dispose(run);
  }
});

test('the history keeps a row per epoch and thins two to one past its maximum, first and last kept', async () => {
  const { run, events } = await newRun({ historyMax: 8 });
  try {
    run.receive(await run.build(xor));
    // Batches within epoch 0 replace its row.
    const batches = await run.step(3, { snapshot: light });
    assert.deepEqual(run.history.epochs, [0]);
    assert.equal(run.history.trainLoss[0], batches.trainLoss);
    const seen = new Map([[0, run.detail]]);
    run.addEventListener('epoch', (e) => seen.set(e.detail.epoch, e.detail));
    for (let e = 1; e <= 20; e++) await run.train(1, { snapshot: light });
    // Rows 0..8 are nine: thinned to 0 2 4 6 8; 9..12 make nine again: 0 4 8 10 12; then
    // 0 8 12 14 16 at 16, and 0 12 16 18 20 at 20.
    assert.deepEqual(run.history.epochs, [0, 12, 16, 18, 20]);
    assert.deepEqual(run.rows, run.history.epochs.map((epoch) => seen.get(epoch)), 'each row as reported at its epoch');
    assert.equal(events.filter(([type]) => type === 'epoch').length, 20);

    // An imported run: its rows first (thinned the same way), its epochs counted on.
    run.receive(await run.build(xor));
    const imported = Array.from({ length: 10 }, (_, i) => ({ epoch: 10 * i, trainLoss: 1 / (i + 1), testLoss: null, trainAccuracy: 0.5, testAccuracy: null }));
    run.resume({ epoch: 90, history: imported });
    assert.deepEqual(run.history.epochs, [0, 20, 40, 60, 80, 90]);
    assert.equal(run.epoch, 90);
    await run.train(1, { snapshot: light });
    assert.deepEqual([run.epoch, run.workerEpoch, run.history.epochs.at(-1)], [91, 1, 91]);
    assert.equal(seen.get(91).epoch, 91, 'the epoch event counts the imported epochs');
  } finally {
    await dispose(run);
  }
});

test('a reply with a curve gives a history row per epoch, as one-epoch replies would; steps count its batches', async () => {
  const { run } = await newRun();
  try {
    run.receive(await run.build(xor));
    for (let e = 1; e <= 4; e++) await run.train(1, { snapshot: light });
    const one = run.rows;
    assert.equal(run.steps, 40, '4 epochs of 10 batches');
    run.receive(await run.build(xor));
    assert.equal(run.steps, 0, 'a new network starts at 0');
    await run.train(4, { snapshot: { ...light, curve: true } });
    assert.deepEqual(run.rows, one);
    await run.step(3, { snapshot: light });
    assert.equal(run.steps, 43);
    // an imported run's rows come first and its epochs and steps count on
    run.receive(await run.build(xor));
    run.resume({ epoch: 50, step: 500, history: [{ epoch: 50, trainLoss: 1, testLoss: null, trainAccuracy: 0.5, testAccuracy: null }] });
    await run.train(2, { snapshot: { ...light, curve: true } });
    assert.deepEqual([...run.history.epochs, run.steps], [50, 51, 52, 520]);
  } finally {
    await dispose(run);
  }
});

test('divergence is reported once per network, before the epoch event', async () => {
  const { run, events } = await newRun();
  const plane = {
    spec: net(2, [8], 1), data: { dataset: 'plane', n: 100, seed: 2 }, loss: 'mse',
    optimizer: { name: 'sgd', options: { lr: 1e3 } }, snapshot: light,
  };
  try {
    run.receive(await run.build(plane));
    const s = await run.train(50, { snapshot: light });
    assert.equal(s.diverged, true);
    assert.ok(s.epoch > 0 && s.epoch < 50, `stopped at epoch ${s.epoch}`);
    assert.ok(!Number.isFinite(run.snap.trainLoss));
    assert.equal(run.diverged, true);
    const types = events.map(([type]) => type);
    assert.deepEqual(types, ['snapshot', 'snapshot', 'diverged', 'epoch']);
    assert.match(events[2][1].message, /^training stopped: the loss became (NaN|-?Infinity)/);
    assert.equal(events[3][1].epoch, s.epoch);

    await run.train(10, { snapshot: light });
    await run.snapshot(light);
    assert.equal(events.filter(([type]) => type === 'diverged').length, 1, 'said once');
    assert.equal(run.epoch, s.epoch, 'the worker trains it no more');

    run.receive(await run.build({ ...plane, optimizer: { name: 'sgd', options: { lr: 0.01 } } }));
    assert.equal(run.diverged, false, 'a new network starts clean');
    await run.train(5, { snapshot: light });
    assert.equal(run.diverged, false);
    assert.equal(events.filter(([type]) => type === 'diverged').length, 1);
  } finally {
    await dispose(run);
  }
});

test('epoch events carry the epoch count and the metrics of the reply that completed it', async () => {
  const { run, events } = await newRun();
  const epochs = () => events.filter(([type]) => type === 'epoch').map(([, d]) => d);
  try {
    run.receive(await run.build(xor));
    assert.deepEqual(epochs(), [], 'no event for epoch 0');
    const a = await run.step(4, { snapshot: light });
    assert.deepEqual([a.epoch, epochs().length], [0, 0], '4 of 10 batches: no epoch yet');
    const b = await run.step(6, { snapshot: light });
    assert.equal(b.epoch, 1);
    const c = await run.trainFor(5, { maxEpochs: 3, snapshot: light });
    const d = await run.train(2, { snapshot: light });
    const detail = (s) => ({ epoch: s.epoch, trainLoss: s.trainLoss, testLoss: s.testLoss, trainAccuracy: s.trainAccuracy, testAccuracy: s.testAccuracy });
    assert.deepEqual(epochs(), [detail(b), detail(c), detail(d)]);
    assert.equal(d.epoch, c.epoch + 2);
    const advanced = events.filter(([type]) => type === 'snapshot').map(([, e]) => e.epochs);
    assert.deepEqual(advanced, [0, 0, 1, c.epoch - 1, 2]);
  } finally {
    await dispose(run);
  }
});
