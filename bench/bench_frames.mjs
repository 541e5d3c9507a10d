// bench_frames.mjs: how smoothly the playground page keeps drawing while it trains. Headless
// Chromium (driven as the browser tests drive it: tests/browser/browser.mjs) opens the main
// page on the spiral showcase and times the gaps between animation frames in three conditions:
//   paused  the page drawing nothing new: the baseline of this browser on this machine
//   fast    playing at speed "fast" (at most 120 epochs a second)
//   max     playing at speed "max" (as many epochs as fit; the page asks for the next slice as
//           soon as a reply is in)
// Prints a Markdown table; bench/README.md, "Frame times while training (headless Chromium)",
// has runs and their reading. Exits with 1 if the page logs an error.
//
//   node bench/bench_frames.mjs [--quick] [--repeats N] [--seconds S] [--start-epoch E]
//
// Method (docs/toolchain.md, "Timing on this machine": 2 shared, noisy cores): the conditions
// are measured round-robin (repeat i of paused, fast, max, then repeat i + 1), each from a
// fresh network (reset(), then --start-epoch epochs of step(), untimed: every repeat trains the
// same epochs; the element asks for fewer epochs a request early in a run, so that its curves
// get a point for each, which bounds the epochs a second then), after a warm-up of
// WARMUP_FRAMES frames, over a window of --seconds. A window gives its median and 95th
// percentile frame time, its longest frame, its share of late frames (longer than 1.5 times
// that repeat's paused median: at least one refresh missed) and the epochs trained per second.
// The table shows the median of each over the repeats; the ratios to paused are medians of
// per-repeat ratios, so both sides of a ratio come from the same minute of the same page.
import { loadavg } from 'node:os';
import { commitOf, frameStats, inChromium, installFrameWindow, median, printUsage } from './common.mjs';
import { elementReady } from '../tests/browser/browser.mjs';

const SHOWCASE = '#dataset=spiral&points=800&layers=8,8&activation=tanh&optimizer=adam&lr=0.01&showTest=1';
const CONDITIONS = ['paused', 'fast', 'max'];
const WARMUP_FRAMES = 20;
const LATE = 1.5; // a frame this many times the paused median missed a refresh

const opts = { repeats: 5, seconds: 3, startEpoch: 0 };
{
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const number = () => {
      const v = Number(args[++i]);
      if (!(v > 0)) usage(`${a} needs a positive number`);
      return v;
    };
    if (a === '--quick') Object.assign(opts, { repeats: 2, seconds: 1 });
    else if (a === '--repeats') opts.repeats = Math.round(number());
    else if (a === '--seconds') opts.seconds = number();
    else if (a === '--start-epoch') opts.startEpoch = Math.round(number());
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown option ${a}`);
  }
}

function usage(error) {
  const text = `usage: node bench/bench_frames.mjs [options]
  --quick      smoke run: 2 repeats of 1 s
  --repeats N  windows per condition; medians are reported (default 5)
  --seconds S  length of one window (default 3)
  --start-epoch E
               epochs the network trains (untimed) before each window (default 0: the
               first seconds of a run, as after Reset)`;
  printUsage('bench_frames', text, error);
}


/**
 * One window in the page: a fresh network trained `start` epochs, then the condition (paused,
 * or playing at a speed), WARMUP_FRAMES frames, and the gaps between the frames of the next `ms`
 * milliseconds. Returns common.mjs's frameWindow: {deltas, counted (epochs), ms}.
 */
function measure(page, condition, ms, start) {
  return page.evaluate(async ({ condition, ms, start, warmup }) => {
    const node = document.querySelector('layerwise-playground');
    await node.reset();
    if (start > 0) await node.step(start);
    if (condition !== 'paused') {
      node.setAttribute('speed', condition);
      node.play();
    }
    const measured = await globalThis.frameWindow(ms, warmup, () => node.epoch);
    node.pause();
    await node.snapshot({ metrics: false, grid: false, parameters: false }); // the last slice lands
    return measured;
  }, { condition, ms, start, warmup: WARMUP_FRAMES });
}


const loadAtStart = loadavg()[0];
const rows = Object.fromEntries(CONDITIONS.map((c) => [c, []]));
await inChromium(async ({ browser, open }) => {
  const { page } = await open(`index.html${SHOWCASE}`);
  await elementReady(page, 'layerwise-playground');
  await installFrameWindow(page);
  for (let r = 0; r < opts.repeats; r++) {
    let base = null;
    for (const condition of CONDITIONS) {
      const measured = await measure(page, condition, opts.seconds * 1000, opts.startEpoch);
      const row = frameStats(measured, base?.median, LATE);
      base ??= row; // paused comes first in every repeat
      row.medianRatio = row.median / base.median;
      row.p95Ratio = row.p95 / base.p95;
      rows[condition].push(row);
    }
    process.stderr.write(`repeat ${r + 1}/${opts.repeats} done\n`);
  }
  console.log('# Frame times while training (bench/bench_frames.mjs)\n');
  console.log(`- date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`);
  console.log(`- commit: ${commitOf(['web', 'wasm', 'core'])}`);
  console.log(`- browser: headless Chromium ${browser.version()}, viewport 1280×800`);
  console.log(`- page: index.html${SHOWCASE}`);
  console.log(`- load average (1 min) at the start and the end: ${loadAtStart.toFixed(1)}, ${loadavg()[0].toFixed(1)} (other work on the machine's cores)`);
  console.log(`- method: ${opts.repeats} repeats of ${opts.seconds} s per condition after ${WARMUP_FRAMES} warm-up frames, conditions round-robin, each from a fresh network trained ${opts.startEpoch} epochs; medians over repeats; ratios are medians of per-repeat ratios to paused\n`);
  const f = (v, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');
  console.log('| condition | epochs/s | frames/s | frame time, median (ms) | p95 (ms) | longest (ms) | late frames (%) | median ÷ paused | p95 ÷ paused |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const condition of CONDITIONS) {
    const m = (key) => median(rows[condition].map((row) => row[key]));
    console.log(`| ${condition} | ${f(m('perSecond'), 0)} | ${f(m('fps'))} | ${f(m('median'))} | ${f(m('p95'))} | ${f(m('max'))} | ${f(m('late'))} | ${f(m('medianRatio'), 2)} | ${f(m('p95Ratio'), 2)} |`);
  }
});
