// The built site (npm run build:site) copied under a sub-path of a course host keeps working:
// its own pages load with no error, and a course page on another origin loads the elements
// from that sub-path with one script tag; the playground trains and the images element finds
// its pictures beside the modules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startServer } from '../../scripts/serve.mjs';
import { elementReady, launchBrowser, openPage } from './browser.mjs';

const SUB = 'courses/ml-101/layerwise/';
let dir;
let host;
let course;
let browser;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lw-subpath-'));
  await promisify(execFile)('bash', ['scripts/build-site.sh', path.join(dir, 'host', SUB)], { cwd: path.resolve(import.meta.dirname, '../..') });
  await mkdir(path.join(dir, 'course'));
  host = await startServer({ root: path.join(dir, 'host'), port: 0 });
  await writeFile(path.join(dir, 'course', 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Week 5</title><link rel="icon" href="data:,">
<script type="module" src="${host.url}${SUB}layerwise.js"></script></head>
<body><h1>Week 5: pictures</h1>
<layerwise-playground dataset="xor" layers="4" hide="code,histograms"></layerwise-playground>
<layerwise-images></layerwise-images>
</body></html>
`);
  course = await startServer({ root: path.join(dir, 'course'), port: 0 });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await course?.close();
  await host?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test("the site's own pages work under a sub-path", { timeout: 180_000 }, async () => {
  for (const [page, element] of [['index.html', 'layerwise-playground'], ['sketch.html', 'layerwise-sketch'], ['lessons/index.html', null]]) {
    const opened = await openPage(browser, `${host.url}${SUB}${page}`);
    if (element) await elementReady(opened.page, element);
    else await opened.page.waitForSelector('a[href*="lesson"]');
    assert.deepEqual(opened.errors, [], page);
    await opened.page.context().close();
  }
});

test('a course page of another origin loads the elements from the sub-path; they train and find their data', { timeout: 180_000 }, async () => {
  assert.notEqual(new URL(host.url).origin, new URL(course.url).origin);
  const { page, errors } = await openPage(browser, course.url);
  await elementReady(page, 'layerwise-playground');
  const trained = await page.evaluate(async () => {
    const node = document.querySelector('layerwise-playground');
    await node.step(3);
    const last = node.history.at(-1);
    return { epoch: node.epoch, loss: last?.trainLoss ?? null };
  });
  assert.equal(trained.epoch, 3);
  assert.ok(Number.isFinite(trained.loss), JSON.stringify(trained));
  const images = await page.evaluate(async () => {
    const node = document.querySelector('layerwise-images');
    await node.ready;
    const pixels = new Float32Array(784);
    const guess = await node.predict(pixels);
    return { probabilities: guess.probabilities.length, sum: guess.probabilities.reduce((a, b) => a + b, 0) };
  });
  assert.equal(images.probabilities, 10, 'the pictures came from the sub-path and a network answers');
  assert.ok(Math.abs(images.sum - 1) < 1e-5, `softmax sums to 1: ${images.sum}`);
  assert.deepEqual(errors, []);
  await page.context().close();
});
