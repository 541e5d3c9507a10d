// The training service in headless Chromium: web/engine/trainer.mjs starts its module worker,
// trains and posts snapshots while the page keeps drawing frames; errors reach the page as
// LayerwiseError and the worker stays usable. The tests run in an empty page that Playwright
// answers on the server's origin, so no test page ships with the site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, serveAndLaunch } from './browser.mjs';

const web = serveAndLaunch(); // this file's server and Chromium

const config = {
  spec: {
    input: [2],
    layers: [{ type: 'linear', out: 8 }, { type: 'tanh' }, { type: 'linear', out: 8 }, { type: 'tanh' },
      { type: 'linear', out: 1 }, { type: 'sigmoid' }],
    seed: 1,
  },
  data: { dataset: 'circle', n: 400, noise: 0.1, seed: 2 },
  loss: 'bce',
  optimizer: { name: 'adam', options: { lr: 0.03 } },
  batch: 10,
  grid: { size: 48, extent: 6 },
};

async function withPage(run) {
  const { page, context, errors } = await openPage(web.browser, 'about:blank');
  try {
    const blank = new URL('trainer-test.html', web.server.url).href;
    await page.route(blank, (route) => route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>trainer test</title>',
    }));
    await page.goto(blank);
    await run(page);
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`);
  } finally {
    await context.close();
  }
}

test('a module worker trains for a second while the page keeps drawing frames', async () => {
  await withPage(async (page) => {
    const result = await page.evaluate(async (config) => {
      const { createTrainer } = await import('/engine/trainer.mjs');
      const { loadLayerwise } = await import('/engine/layerwise.mjs');
      // Counts animation frames, and the longest gap between two, until the returned stop().
      const frameCounter = () => {
        const counter = { frames: 0, longest: 0, running: true };
        let last;
        const tick = (time) => {
          if (!counter.running) return;
          if (last !== undefined) {
            counter.frames++;
            counter.longest = Math.max(counter.longest, time - last);
          }
          last = time;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        return () => ((counter.running = false), counter);
      };
      const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

      // The control: training on the main thread for 300 ms stalls the frames.
      const lw = await loadLayerwise();
      const data = lw.data.generate('circle', { n: 200, seed: 2 });
      const model = lw.Model.fromSpec(config.spec);
      const opt = lw.optim.Adam(model, { lr: 0.03 });
      await nextFrame();
      let stop = frameCounter();
      await nextFrame();
      for (const start = performance.now(); performance.now() - start < 300;) model.trainEpoch(data, 10, 'bce', opt);
      await nextFrame();
      const blocked = stop();
      for (const d of [data, model, opt]) d.dispose();

      const trainer = await createTrainer();
      try {
        const first = await trainer.init(config);
        stop = frameCounter();
        const start = performance.now();
        const snap = await trainer.trainFor(1000);
        const elapsed = performance.now() - start;
        const { frames, longest } = stop();
        return {
          blocked: blocked.longest, frames, longest, elapsed,
          epochs: snap.epoch, trainMs: snap.timing.trainMs,
          losses: [first.trainLoss, snap.trainLoss], accuracy: snap.testAccuracy,
          grid: [snap.grid.data.constructor.name, snap.grid.data.length],
          neurons: snap.neurons.map((n) => [n.data.constructor.name, n.data.length / (48 * 48)]),
          parameters: snap.parameters.map((p) => `${p.name} ${p.shape.join('x')} ${p.data.constructor.name}`),
        };
      } finally {
        await trainer.dispose();
      }
    }, config);
    assert.ok(result.blocked >= 250, `control: training on the main thread held a frame for ${result.blocked} ms`);
    assert.ok(result.trainMs >= 1000 && result.elapsed >= 1000 && result.elapsed < 3000, `trained ${result.trainMs} ms, returned after ${result.elapsed} ms`);
    assert.ok(result.frames >= 30, `${result.frames} frames in ${result.elapsed} ms`);
    assert.ok(result.longest < 200, `the longest gap between frames was ${result.longest} ms`);
    console.log(`trainFor(1000) in the worker: ${result.frames} frames, longest gap ${result.longest.toFixed(1)} ms, ` +
      `${result.epochs} epochs; the main-thread control held a frame for ${result.blocked.toFixed(0)} ms`);
    assert.ok(result.epochs > 20, `${result.epochs} epochs`);
    assert.ok(result.losses[1] < result.losses[0] / 3 && result.accuracy >= 0.95, JSON.stringify(result));
    assert.deepEqual(result.grid, ['Float32Array', 48 * 48]);
    assert.deepEqual(result.neurons, [8, 8, 8, 8, 1, 1].map((w) => ['Float32Array', w]));
    assert.deepEqual(result.parameters, ['0.weight 8x2', '0.bias 8', '2.weight 8x8', '2.bias 8', '4.weight 1x8', '4.bias 1']
      .map((p) => `${p} Float32Array`));
  });
});

test('the page can hand the worker a compiled engine; errors reject and the worker stays usable', async () => {
  await withPage(async (page) => {
    const result = await page.evaluate(async (config) => {
      const { createTrainer } = await import('/engine/trainer.mjs');
      const wasmModule = await WebAssembly.compileStreaming(fetch('/engine/layerwise.wasm'));
      const trainer = await createTrainer({ wasmModule });
      try {
        let error = '';
        try {
          await trainer.init({ ...config, spec: { input: [2], layers: [{ type: 'linaer', out: 1 }] } });
        } catch (err) {
          error = `${err.name}: ${err.message}`;
        }
        const snap = await trainer.init(config);
        trainer.set({ lr: 0 });
        const a = await trainer.step(5, { snapshot: { neurons: false } });
        const b = await trainer.train(2, { snapshot: { neurons: false } });
        const same = a.parameters.every((p, i) => p.data.every((v, j) => v === b.parameters[i].data[j]));
        return { error, epoch: snap.epoch, status: snap.status, steps: [a.step, b.step], same, neurons: b.neurons ?? null };
      } finally {
        await trainer.dispose();
      }
    }, config);
    assert.match(result.error, /^LayerwiseError: spec.layers\[0\]: unknown layer type "linaer"/);
    assert.deepEqual(result, { error: result.error, epoch: 0, status: 'ready', steps: [5, 40], same: true, neurons: null });
  });
});
