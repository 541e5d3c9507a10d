// A typed tour of the training service: the client (wasm/trainer.mjs) and protocol version 1
// as wasm/trainer.d.ts declares them, checked (not run) by `npx tsc -p tests/ts --noEmit` in
// strict mode against the shipped declarations in web/engine/. The package exports only the
// engine's entry, so this reaches trainer.d.ts by path: "trainer.js" is how TypeScript names
// the declarations of trainer.d.ts. The lines marked @ts-expect-error are mistakes the types
// must catch.
import {
  createTrainer, embedEngine, PROTOCOL,
  type Reply, type Request, type Snapshot, type SnapshotOptions, type TrainerConfig,
} from '../../web/engine/trainer.js';

const trainer = await createTrainer({ workerUrl: new URL('./trainer-worker.mjs', import.meta.url) });

// A page that is one file carries the worker's text and the wasm's bytes.
embedEngine({ workerSource: 'self.onmessage = () => {};', wasmBinary: new Uint8Array(8) });
// @ts-expect-error the worker is its module's text, not a URL
embedEngine({ workerSource: new URL('./trainer-worker.mjs', import.meta.url), wasmBinary: new Uint8Array(8) });
const config: TrainerConfig = {
  spec: { input: [2], layers: [{ type: 'linear', out: 4 }, { type: 'tanh' }, { type: 'linear', out: 1 }, { type: 'sigmoid' }] },
  data: { dataset: 'xor', n: 200, noise: 0.1, seed: 1, trainRatio: 0.5, features: ['x1', 'x2', 'x1x2'], standardize: true },
  loss: 'bce',
  optimizer: { name: 'adam', options: { lr: 0.03, betas: [0.9, 0.999] } },
  batch: 10,
  l1: 0,
  grid: { size: 32, extent: [-6, 6] },
  snapshot: { neurons: false, stats: 10 },
};
const first: Snapshot = await trainer.init(config);
console.log(first.epoch, first.status, first.data?.train.points, first.grid?.data, first.settings.optimizer.name);

// Your own samples, no grid: 3 values per sample.
await trainer.init({ ...config, data: { x: new Float32Array(30), y: [0, 1, 0, 1, 0, 1, 0, 1, 0, 1], classes: 2, features: 3 }, grid: null });

// Training, in slices; settings from the next request on.
const light: SnapshotOptions = { grid: false, neurons: false, parameters: false, gradients: false, stats: false };
const slice = await trainer.trainFor(30, { maxEpochs: 5, snapshot: light });
const losses: Float32Array = slice.epochLosses;
const { settings } = await trainer.set({ lr: 0.01, optimizer: { name: 'sgd', options: { momentum: 0.9 } }, batch: 25, l1: 0.001 });
await trainer.step(3);
await trainer.train();
const reset = await trainer.reset({ seed: 7 });
await trainer.setParameters(reset.parameters ?? [], { snapshot: light });
const { outputs } = await trainer.predict([0.5, -0.5], 1);
const { layers } = await trainer.predict([0.5, -0.5], 1, { layers: true });
const kept = await trainer.view(reset.parameters ?? [], { snapshot: { stats: false } });
console.log(kept.grid?.size, kept.testAccuracy);
const look = await trainer.trace(0);
const made = await trainer.trace(0, { apply: true, snapshot: light });
const updated: Float32Array | undefined = look.params[0]?.updated;
console.log(updated, made.snapshot?.step, look.settings.l1);
const widths: number[] = (layers ?? []).map((l) => l.shape.reduce((a, b) => a * b, 1) + l.data.length + l.layer);
console.log(losses, settings.batch, slice.trainAccuracy, slice.timing.trainMs, outputs, widths, trainer.disposed);
await trainer.dispose();

// The raw protocol, as a worker of your own would speak it.
const request: Request = { v: PROTOCOL, id: 1, type: 'trainFor', ms: 30, snapshot: { grid: false } };
function describeReply(reply: Reply): string {
  switch (reply.type) {
    case 'ready': return reply.names.optimizers.join(', ');
    case 'snapshot': return `epoch ${reply.epoch}: ${reply.trainLoss ?? 'no metrics'}`;
    case 'settings': return reply.settings.loss;
    case 'prediction': return `${reply.outputs.length} outputs`;
    case 'view': return `a view: train loss ${reply.trainLoss}, ${reply.gradients?.length ?? 0} gradients`;
    case 'trace': return `sample ${reply.index}: loss ${reply.loss}, δ ${reply.layers[0]?.gradOutput[0]}, ${Object.keys(reply.params[0]?.state ?? {})}`;
    case 'disposed': return 'disposed';
    case 'error': return `${reply.name}: ${reply.message}`;
  }
}
console.log(request, describeReply({ v: 1, id: 1, type: 'disposed' }));

// ---- Mistakes the types catch -------------------------------------------------------------
// @ts-expect-error: no such loss
await trainer.set({ loss: 'hinge' });
// @ts-expect-error: trainFor needs its time budget
const noMs: Request = { type: 'trainFor' };
// @ts-expect-error: snapshot options are switches or a bin count
await trainer.snapshot({ grid: 'yes' });
// @ts-expect-error: predict needs the batch size
await trainer.predict([0, 0]);
// @ts-expect-error: layers is a switch
await trainer.predict([0, 0], 1, { layers: 1 });
console.log(noMs);
