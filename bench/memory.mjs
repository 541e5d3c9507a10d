// memory.mjs: does the playground's memory stay flat while it trains? Headless Chromium plays
// the main page at "max" (Fastest) for --minutes and, every --every seconds, reads:
// - the page's JavaScript heap after a full garbage collection (CDP HeapProfiler.collectGarbage,
//   then Runtime.getHeapUsage): the views, the history, the timeline, the replies taken in;
// - the worker's JavaScript heap, the same way (the worker's own DevTools target, reached
//   through the browser's CDP session): the session, its data, the replies it builds;
// - the worker's wasm memory (the snapshot option `memory`: lw.memory() in the worker): the
//   size of its memory (it only grows), the bytes malloc has handed out, and the engine's
//   allocations since it loaded.
// Prints a Markdown table and a verdict: flat = each JS heap (page, worker) at the end within
// 10 % (or 2 MB) of its value after the first minute, the wasm memory not grown after the first
// minute, and the bytes in use equal.
//
//   node bench/memory.mjs [--minutes M] [--every S] [--hash H]
import { loadavg } from 'node:os';
import { commitOf, inChromium, printUsage, readOptions } from './common.mjs';
import { elementReady } from '../tests/browser/browser.mjs';

const opts = { minutes: 10, every: 60, hash: '#dataset=spiral&layers=32,32,32' };
readOptions(process.argv.slice(2), (a, { number, text }) => {
  if (a === '--minutes') opts.minutes = number();
  else if (a === '--every') opts.every = number();
  else if (a === '--hash') opts.hash = text();
  else if (a === '--help' || a === '-h') usage();
  else usage(`unknown option ${a}`);
}, usage);

function usage(error) {
  const text = `usage: node bench/memory.mjs [options]
  --minutes M  how long to play (default 10)
  --every S    seconds between readings (default 60)
  --hash H     the page's settings (default ${opts.hash})`;
  printUsage('memory', text, error);
}

const MB = 2 ** 20;

// A CDP call into the playground's training worker: playwright's sessions reach pages only, so
// the browser's own session attaches to the worker's target (not flattened) and passes
// messages through Target.sendMessageToTarget. Resolves to the command's result.
async function workerSession(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const workers = targetInfos.filter((t) => t.type === 'worker' && t.url.includes('trainer-worker'));
  if (workers.length !== 1) throw new Error(`expected one training worker, found ${workers.length}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: workers[0].targetId, flatten: false });
  const pending = new Map();
  let id = 0;
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    const done = pending.get(message.id);
    if (!done) return;
    pending.delete(message.id);
    if (message.error) done.reject(new Error(`worker CDP: ${message.error.message}`));
    else done.resolve(message.result);
  });
  return (method, params = {}) => new Promise((resolve, reject) => {
    pending.set(++id, { resolve, reject });
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
  });
}
const loadAtStart = loadavg()[0];
await inChromium(async ({ browser, open }) => {
  const { page } = await open(`index.html${opts.hash}`);
  await elementReady(page, 'layerwise-playground');
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(() => document.querySelector('layerwise-playground').ready);
  const workerCdp = await workerSession(browser);
  const read = async (t) => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await workerCdp('HeapProfiler.collectGarbage');
    const { usedSize: workerHeap } = await workerCdp('Runtime.getHeapUsage');
    const worker = await page.evaluate(async () => {
      const node = document.querySelector('layerwise-playground');
      const snap = await node.snapshot({ metrics: false, grid: false, parameters: false, memory: true });
      return { epoch: node.epoch, ...snap.memory };
    });
    return { t, jsHeap: usedSize, workerHeap, ...worker };
  };
  await page.evaluate(() => {
    const node = document.querySelector('layerwise-playground');
    node.setAttribute('speed', 'max');
    node.play();
  });
  const rows = [await read(0)];
  const start = Date.now();
  while (Date.now() - start < opts.minutes * 60_000) {
    await new Promise((r) => setTimeout(r, opts.every * 1000));
    rows.push(await read((Date.now() - start) / 1000));
    process.stderr.write(`memory: ${(rows.at(-1).t / 60).toFixed(1)} min, epoch ${rows.at(-1).epoch}\n`);
  }
  await page.evaluate(() => document.querySelector('layerwise-playground').pause());

  console.log('# Memory while the playground trains (bench/memory.mjs)\n');
  console.log(`- date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`);
  console.log(`- command: node bench/memory.mjs ${process.argv.slice(2).join(' ')}`.trimEnd());
  console.log(`- commit: ${commitOf(['web', 'wasm', 'core'])}`);
  console.log(`- browser: headless Chromium ${browser.version()}; page index.html${opts.hash}, speed max`);
  console.log(`- load average (1 min) at the start and the end: ${loadAtStart.toFixed(1)}, ${loadavg()[0].toFixed(1)}\n`);
  console.log('| time | epoch | page JS heap after GC (MB) | worker JS heap after GC (MB) | worker wasm memory (MB) | wasm bytes in use (MB) | engine allocations since load |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(`| ${(r.t / 60).toFixed(1)} min | ${r.epoch.toLocaleString('en-US')} | ${(r.jsHeap / MB).toFixed(2)} | ${(r.workerHeap / MB).toFixed(2)} | ${(r.heapBytes / MB).toFixed(1)} | ${(r.usedBytes / MB).toFixed(3)} | ${r.allocations.toLocaleString('en-US')} |`);
  }
  const ref = rows.find((r) => r.t >= 60) ?? rows[0];
  const end = rows.at(-1);
  const flat = (key) => end[key] - ref[key] <= Math.max(0.1 * ref[key], 2 * MB);
  const jsFlat = flat('jsHeap');
  const workerFlat = flat('workerHeap');
  const wasmFlat = end.heapBytes === ref.heapBytes && end.usedBytes === ref.usedBytes;
  console.log(`\nFrom ${(ref.t / 60).toFixed(1)} min to the end: page heap ${((end.jsHeap - ref.jsHeap) / MB).toFixed(2)} MB, worker heap ${((end.workerHeap - ref.workerHeap) / MB).toFixed(2)} MB, wasm memory ${((end.heapBytes - ref.heapBytes) / MB).toFixed(1)} MB, wasm bytes in use ${end.usedBytes - ref.usedBytes} B, ${(end.allocations - ref.allocations).toLocaleString('en-US')} engine allocations over ${(end.epoch - ref.epoch).toLocaleString('en-US')} epochs.`);
  console.log(`\n**Verdict: ${jsFlat && workerFlat && wasmFlat ? 'FLAT' : 'GROWING'}** (page heap ${jsFlat ? 'flat' : 'grew'}; worker heap ${workerFlat ? 'flat' : 'grew'}; wasm ${wasmFlat ? 'flat' : 'grew'})`);
});
