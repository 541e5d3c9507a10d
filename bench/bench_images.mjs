// bench_images.mjs: the real-images page (web/images.html, <layerwise-images>) in headless
// Chromium, on the site's Fashion-MNIST subset (10,000 training and 2,000 test pictures):
// seconds per epoch of each preset network and its test accuracy epoch by epoch, then how
// smoothly the page draws while it trains. Prints Markdown tables; bench/README.md, "The images
// page (headless Chromium)", has runs and their reading. Exits with 1 if the page logs an error.
//
//   node bench/bench_images.mjs [--quick] [--epochs E] [--repeats N] [--seconds S] [--nets mlp,cnn]
//                               [--seeds 1,2,3] [--cnn-seeds 1]
//
// Method (docs/toolchain.md, "Timing on this machine": 2 shared, noisy cores):
// - Epochs: for each network and seed, a fresh build (the preset, the seed, reset()), then E
//   epochs by step(1),
//   one at a time. Per epoch: "train" is the worker's training time (the snapshots'
//   timing.trainMs summed over the epoch's slices: the element's secondsPerEpoch), "wall" the
//   page's time from asking for the epoch to having its metrics, the test pictures' guesses
//   and the confusion matrix (what a learner waits). The table gives the median over the epochs
//   and the test accuracy after each; with several seeds, one row each, then the median and
//   the range of the last epoch's accuracy over them (2,000 test pictures: one standard error
//   of an accuracy near 0.85 is 0.008).
// - Frames: round-robin repeats of paused / training the MLP / training the CNN, each a window
//   of S seconds after WARMUP_FRAMES frames; a window gives its median and 95th percentile
//   frame time, its longest frame and its share of late frames (longer than 1.5 times that
//   repeat's paused median). Medians over the repeats.
import { loadavg } from 'node:os';
import { commitOf, frameStats, inChromium, installFrameWindow, median, printUsage } from './common.mjs';
import { elementReady } from '../tests/browser/browser.mjs';

const WARMUP_FRAMES = 20;
const LATE = 1.5;

const opts = { epochs: 5, repeats: 3, seconds: 4, nets: ['mlp', 'cnn'], seeds: [1], cnnSeeds: null };
{
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const number = () => {
      const v = Number(args[++i]);
      if (!(v > 0)) usage(`${a} needs a positive number`);
      return v;
    };
    if (a === '--quick') Object.assign(opts, { epochs: 1, repeats: 1, seconds: 1 });
    else if (a === '--epochs') opts.epochs = Math.round(number());
    else if (a === '--repeats') opts.repeats = Math.round(number());
    else if (a === '--seconds') opts.seconds = number();
    else if (a === '--nets') opts.nets = args[++i].split(',');
    else if (a === '--seeds') opts.seeds = args[++i].split(',').map(Number);
    else if (a === '--cnn-seeds') opts.cnnSeeds = args[++i].split(',').map(Number);
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown option ${a}`);
  }
  if (!opts.nets.every((n) => n === 'mlp' || n === 'cnn')) usage('--nets takes mlp, cnn or both');
  if (![...opts.seeds, ...(opts.cnnSeeds ?? [])].every((s) => Number.isSafeInteger(s) && s >= 0)) usage('--seeds takes whole numbers ≥ 0');
  opts.cnnSeeds ??= opts.seeds;
}

function usage(error) {
  const text = `usage: node bench/bench_images.mjs [options]
  --quick       smoke run: 1 epoch, 1 repeat of 1 s
  --epochs E    epochs each network trains, one at a time (default 5)
  --repeats N   frame-time windows per condition; medians are reported (default 3)
  --seconds S   length of one window (default 4)
  --nets LIST   mlp, cnn or mlp,cnn (default)
  --seeds LIST  the weights' seeds, one run of E epochs each (default 1, the page's)
  --cnn-seeds LIST  the CNN's seeds, if not those of --seeds`;
  printUsage('bench_images', text, error);
}

// A fresh network of the preset, then `epochs` epochs one by one: [{epoch, trainS, wallS, testAccuracy}].
function epochs(page, net, seed, count) {
  return page.evaluate(async ({ net, seed, count }) => {
    const node = document.querySelector('layerwise-images');
    node.preset(net);
    node.settings = { seed };
    await node.reset();
    const rows = [];
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      const d = await node.step(1);
      rows.push({ epoch: d.epoch, trainS: node.secondsPerEpoch, wallS: (performance.now() - t0) / 1000, testAccuracy: d.testAccuracy, params: node.parameterCount });
    }
    return rows;
  }, { net, seed, count });
}

// One window: paused, or training `net` (built fresh); common.mjs's frameWindow: {deltas, counted (batches), ms}.
function frames(page, condition, ms) {
  return page.evaluate(async ({ condition, ms, warmup }) => {
    const node = document.querySelector('layerwise-images');
    if (condition !== 'paused') {
      node.preset(condition);
      node.settings = { seed: 1 };
      await node.reset();
      node.play();
    }
    const measured = await globalThis.frameWindow(ms, warmup, () => node.steps);
    node.pause();
    return measured;
  }, { condition, ms, warmup: WARMUP_FRAMES });
}

const loadAtStart = loadavg()[0];
await inChromium(async ({ browser, open }) => {
  const { page } = await open('images.html');
  await elementReady(page, 'layerwise-images');
  await installFrameWindow(page);
  const f = (v, digits = 2) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');

  const results = {};
  for (const net of opts.nets) {
    results[net] = [];
    for (const seed of net === 'cnn' ? opts.cnnSeeds : opts.seeds) {
      results[net].push({ seed, rows: await epochs(page, net, seed, opts.epochs) });
      process.stderr.write(`${net}, seed ${seed}: ${opts.epochs} epochs done\n`);
    }
  }

  const conditions = ['paused', ...opts.nets];
  const windows = Object.fromEntries(conditions.map((c) => [c, []]));
  for (let r = 0; r < opts.repeats; r++) {
    let base = null;
    for (const condition of conditions) {
      const row = frameStats(await frames(page, condition, opts.seconds * 1000), base?.median, LATE);
      base ??= row; // paused comes first in every repeat
      windows[condition].push(row);
    }
    process.stderr.write(`frames: repeat ${r + 1}/${opts.repeats} done\n`);
  }

  console.log('# The images page (bench/bench_images.mjs)\n');
  console.log(`- date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`);
  console.log(`- commit: ${commitOf(['web', 'wasm', 'core'])}`);
  console.log(`- browser: headless Chromium ${browser.version()}, viewport 1280×800`);
  console.log('- data: web/data/fashion-mnist.bin (10,000 training, 2,000 test pictures); the settings of each preset (web/images/model.js: Adam, lr 0.001, batch 64, PyTorch default init), seeds as listed');
  console.log(`- load average (1 min) at the start and the end: ${loadAtStart.toFixed(1)}, ${loadavg()[0].toFixed(1)}`);
  console.log(`- method: ${opts.epochs} epochs per network from a fresh build, one step(1) at a time; frames: ${opts.repeats} round-robin repeats of ${opts.seconds} s after ${WARMUP_FRAMES} warm-up frames\n`);
  console.log('| network | seed | parameters | train s/epoch (worker), median | wall s/epoch (page), median | test accuracy after each epoch |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  for (const net of opts.nets) {
    for (const { seed, rows } of results[net]) {
      console.log(`| ${net} | ${seed} | ${rows[0].params.toLocaleString('en-US')} | ${f(median(rows.map((r) => r.trainS)))} | ${f(median(rows.map((r) => r.wallS)))} | ${rows.map((r) => f(r.testAccuracy, 3)).join(', ')} |`);
    }
    if (results[net].length > 1) {
      const last = results[net].map(({ rows }) => rows.at(-1).testAccuracy);
      const all = results[net].flatMap(({ rows }) => rows);
      console.log(`| ${net} | median of ${last.length} | | ${f(median(all.map((r) => r.trainS)))} | ${f(median(all.map((r) => r.wallS)))} | after epoch ${opts.epochs}: median ${f(median(last), 3)}, range ${f(Math.min(...last), 3)}–${f(Math.max(...last), 3)} |`);
    }
  }
  console.log('\n| condition | batches/s | frames/s | frame time, median (ms) | p95 (ms) | longest (ms) | late frames (%) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const condition of conditions) {
    const m = (key) => median(windows[condition].map((row) => row[key]));
    const name = condition === 'paused' ? 'paused' : `training ${condition}`;
    console.log(`| ${name} | ${f(m('perSecond'), 0)} | ${f(m('fps'), 1)} | ${f(m('median'), 1)} | ${f(m('p95'), 1)} | ${f(m('max'), 1)} | ${f(m('late'), 1)} |`);
  }
});
