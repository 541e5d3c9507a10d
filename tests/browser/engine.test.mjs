// The engine library in the browser, outside the playground: it loads and trains in a module
// Web Worker, and its errors arrive as LayerwiseError.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, serveAndLaunch } from './browser.mjs';

const web = serveAndLaunch(); // this file's server and Chromium

test('the library loads and trains in a module Web Worker', async () => {
  const { page, context, errors } = await openPage(web.browser, new URL('index.html', web.server.url).href);
  try {
    const engine = new URL('engine/layerwise.mjs', web.server.url).href;
    const result = await page.evaluate(async (engineUrl) => {
      const source = `
        import { loadLayerwise } from ${JSON.stringify(engineUrl)};
        const lw = await loadLayerwise();
        const data = lw.data.generate('xor', { n: 200, seed: 4 });
        const model = lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 8 }, { type: 'tanh' },
          { type: 'linear', out: 1 }, { type: 'sigmoid' }], seed: 4 });
        const opt = lw.optim.Adam(model, { lr: 0.03 });
        for (let i = 0; i < 100; i++) model.trainEpoch(data, 16, lw.loss.BCE(), opt);
        let error = '';
        try { model.forward(new Float32Array(3), 2); } catch (e) { error = e.name + ': ' + e.message; }
        postMessage({ accuracy: model.evaluate(data, lw.loss.BCE()).accuracy, error });`;
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      const worker = new Worker(url, { type: 'module' });
      return new Promise((resolve, reject) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(e.message));
      });
    }, engine);
    assert.ok(result.accuracy >= 0.95, `accuracy ${result.accuracy}`);
    assert.match(result.error, /^LayerwiseError: forward: x has 3 values/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
