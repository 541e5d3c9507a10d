// embedEngine() (web/engine/trainer.mjs), what the one-file playground calls with the engine it
// carries: from then on createTrainer() hands every worker the engine compiled from those
// bytes, not the layerwise.wasm beside the module. Run in its own process (node --test runs
// each file in one), since the carried engine stays for the rest of the process. In Node the
// worker itself still comes from its file; tests/browser/single-file.test.mjs covers the worker
// started from the carried text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { xorConfig } from './helpers.mjs';

const engineDir = new URL('../../web/engine/', import.meta.url);
const { createTrainer, embedEngine } = await import(new URL('trainer.mjs', engineDir));
const { LayerwiseError } = await import(new URL('layerwise.mjs', engineDir));
const wasm = await readFile(new URL('layerwise.wasm', engineDir));

test('embedEngine refuses a worker that is not module text', () => {
  for (const workerSource of [undefined, '', new URL('trainer-worker.mjs', engineDir)]) {
    assert.throws(() => embedEngine({ workerSource, wasmBinary: wasm }),
      (err) => err instanceof LayerwiseError && /workerSource must be the text of the bundled trainer-worker\.mjs/.test(err.message));
  }
});

test('a carried engine that is not wasm fails createTrainer, naming the cause: the carried bytes are the ones used', async () => {
  embedEngine({ workerSource: 'unused in Node', wasmBinary: new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9]) });
  await assert.rejects(createTrainer(), (err) => err instanceof LayerwiseError &&
    /^could not start the engine this page carries: .*expected version 01 00 00 00/.test(err.message));
});

test('with the real bytes carried, a trainer starts and trains', async () => {
  embedEngine({ workerSource: 'unused in Node', wasmBinary: wasm });
  const trainer = await createTrainer();
  try {
    const first = await trainer.init(xorConfig);
    const after = await trainer.train(20);
    assert.equal(after.epoch, 20);
    assert.ok(Number.isFinite(after.trainLoss) && after.trainLoss < first.trainLoss, `${first.trainLoss} → ${after.trainLoss}`);
  } finally {
    await trainer.dispose();
  }
});
