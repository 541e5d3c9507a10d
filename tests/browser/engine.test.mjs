// The engine in the browser: the XOR page trains to a high accuracy, can be paused, fits a
// phone screen (screenshots in test-results/), and the library also runs in a module worker.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../scripts/serve.mjs';
import { launchBrowser, openPage, screenshot } from './browser.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ port: 0 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const statusNumbers = (page) =>
  page.evaluate(() => {
    const text = document.getElementById('status').textContent;
    const epoch = Number(/epoch\s*(\d+)/i.exec(text)?.[1]);
    const accuracy = Number(/accuracy\s*([\d.]+)%/i.exec(text)?.[1]);
    return { text, epoch, accuracy };
  });

for (const [name, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
]) {
  test(`XOR page on a ${name} screen: trains past 95% test accuracy, no horizontal scroll`, async () => {
    const { page, context, errors } = await openPage(browser, new URL('index.html', server.url).href, { viewport });
    try {
      await page.waitForFunction(() => /epoch\s*200\b/i.test(document.getElementById('status').textContent), null, {
        timeout: 60_000,
      });
      const { text, accuracy } = await statusNumbers(page);
      assert.ok(accuracy >= 95, `status: ${text}`);
      const layout = await page.evaluate(() => {
        const canvas = document.getElementById('boundary').getBoundingClientRect();
        return { scrollWidth: document.documentElement.scrollWidth, canvas: [canvas.width, canvas.height] };
      });
      assert.ok(layout.scrollWidth <= viewport.width, `page is ${layout.scrollWidth}px wide`);
      assert.ok(layout.canvas[0] > 200 && Math.abs(layout.canvas[0] - layout.canvas[1]) < 1, `canvas ${layout.canvas}`);
      assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`);
    } finally {
      await screenshot(page, `test-results/xor-${name}.png`);
      await context.close();
    }
  });
}

test('Pause stops training, Resume continues it, New data starts over', async () => {
  const { page, context, errors } = await openPage(browser, new URL('index.html', server.url).href);
  try {
    await page.waitForFunction(() => /accuracy\s*\d/i.test(document.getElementById('status').textContent));
    await page.click('#pause');
    const paused = (await statusNumbers(page)).epoch;
    await page.waitForTimeout(300);
    assert.equal((await statusNumbers(page)).epoch, paused);
    assert.equal(await page.textContent('#pause'), 'Resume');
    await page.click('#pause');
    const epochAbove = (n) => Number(/epoch\s*(\d+)/i.exec(document.getElementById('status').textContent)?.[1]) > n;
    await page.waitForFunction(epochAbove, paused);
    const before = (await statusNumbers(page)).epoch;
    await page.click('#restart');
    assert.ok((await statusNumbers(page)).epoch < before, 'New data restarts at epoch 0');
    await page.waitForFunction(() => /accuracy\s*\d/i.test(document.getElementById('status').textContent));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the library loads and trains in a module Web Worker', async () => {
  const { page, context, errors } = await openPage(browser, new URL('index.html', server.url).href);
  try {
    const engine = new URL('engine/layerwise.mjs', server.url).href;
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
