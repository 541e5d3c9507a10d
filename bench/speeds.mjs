// speeds.mjs: the playground's speeds, in epochs per second. Headless Chromium (driven as the
// browser tests drive it: tests/browser/browser.mjs) opens the main page on spiral with three
// hidden layers of 32 and plays it at each speed of the menu (slow, normal, fast, max) for a few
// seconds. "slow", "normal" and "fast" are capped (4, 20 and 120 epochs a second); "max" is
// meant to train as fast as the machine lets the page, so never slower than "fast".
// Prints a Markdown table; bench/README.md, "The playground's speeds", has runs and their
// reading. Exits with 1 if the page logs an error.
//
//   node bench/speeds.mjs [--quick] [--repeats N] [--seconds S] [--hash H]
//
// Method (docs/toolchain.md, "Timing on this machine": 2 shared, noisy cores): the speeds are
// measured round-robin (repeat i of slow, normal, fast, max, then repeat i + 1), each from a
// fresh network (reset(), as after the Reset button: a window covers the first seconds of a
// run, where the element asks for the fewest epochs a request), played for --seconds; epochs/s
// is the epochs trained over the window's wall-clock time, from play() to the last reply of the
// window. The table shows the median over the repeats; max ÷ fast is the median of per-repeat
// ratios, so both sides of it come from the same minute of the same page.
import { loadavg } from 'node:os';
import { commitOf, inChromium, median, printUsage, readOptions } from './common.mjs';
import { elementReady } from '../tests/browser/browser.mjs';

const SPEEDS = ['slow', 'normal', 'fast', 'max'];
const opts = { repeats: 3, seconds: 4, hash: '#dataset=spiral&layers=32,32,32' };
readOptions(process.argv.slice(2), (a, { number, text }) => {
  if (a === '--quick') Object.assign(opts, { repeats: 1, seconds: 1.5 });
  else if (a === '--repeats') opts.repeats = Math.round(number());
  else if (a === '--seconds') opts.seconds = number();
  else if (a === '--hash') opts.hash = text();
  else if (a === '--help' || a === '-h') usage();
  else usage(`unknown option ${a}`);
}, usage);

function usage(error) {
  const text = `usage: node bench/speeds.mjs [options]
  --quick      smoke run: 1 repeat of 1.5 s per speed
  --repeats N  windows per speed; medians are reported (default 3)
  --seconds S  length of one window (default 4)
  --hash H     the page's settings (default ${opts.hash})`;
  printUsage('speeds', text, error);
}

/** One window: a fresh network played at `speed` for `ms`; {epochs, ms, requests}. */
function measure(page, speed, ms) {
  return page.evaluate(async ({ speed, ms }) => {
    const node = document.querySelector('layerwise-playground');
    await node.reset();
    node.setAttribute('speed', speed);
    let requests = 0;
    const count = () => requests++;
    node.addEventListener('epoch', count);
    const start = performance.now();
    node.play();
    await new Promise((resolve) => setTimeout(resolve, ms));
    node.pause();
    await node.snapshot({ metrics: false, grid: false, parameters: false }); // the last slice lands
    const took = performance.now() - start;
    node.removeEventListener('epoch', count);
    return { epochs: node.epoch, ms: took, requests };
  }, { speed, ms });
}

const loadAtStart = loadavg()[0];
const rows = Object.fromEntries(SPEEDS.map((s) => [s, []]));
const ratios = [];
await inChromium(async ({ browser, open }) => {
  const { page } = await open(`index.html${opts.hash}`);
  await elementReady(page, 'layerwise-playground');
  await measure(page, 'max', 500); // warm-up: the engine's code compiled, the views built
  for (let r = 0; r < opts.repeats; r++) {
    const perSecond = {};
    for (const speed of SPEEDS) {
      const m = await measure(page, speed, opts.seconds * 1000);
      perSecond[speed] = (1000 * m.epochs) / m.ms;
      rows[speed].push({ perSecond: perSecond[speed], epochs: m.epochs, replies: (1000 * m.requests) / m.ms });
    }
    ratios.push(perSecond.max / perSecond.fast);
    process.stderr.write(`repeat ${r + 1}/${opts.repeats} done\n`);
  }
  console.log("# The playground's speeds (bench/speeds.mjs)\n");
  console.log(`- date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`);
  console.log(`- commit: ${commitOf(['web', 'wasm', 'core'])}`);
  console.log(`- browser: headless Chromium ${browser.version()}, viewport 1280×800`);
  console.log(`- page: index.html${opts.hash}`);
  console.log(`- load average (1 min) at the start and the end: ${loadAtStart.toFixed(1)}, ${loadavg()[0].toFixed(1)} (other work on the machine's cores)`);
  console.log(`- method: ${opts.repeats} repeats of ${opts.seconds} s per speed, speeds round-robin, each from a fresh network (reset); medians over repeats; max ÷ fast is the median of per-repeat ratios\n`);
  const f = (v, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');
  console.log('| speed | epochs/s (median) | min – max over repeats | epochs in a window (median) | replies with a new epoch /s (median) |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const speed of SPEEDS) {
    const v = rows[speed].map((r) => r.perSecond);
    console.log(`| ${speed} | ${f(median(v))} | ${f(Math.min(...v))} – ${f(Math.max(...v))} | ${f(median(rows[speed].map((r) => r.epochs)), 0)} | ${f(median(rows[speed].map((r) => r.replies)))} |`);
  }
  console.log(`\nmax ÷ fast: ${f(median(ratios), 2)} (per repeat: ${ratios.map((x) => f(x, 2)).join(', ')})`);
});
