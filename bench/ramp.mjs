// ramp.mjs: how fast the playground trains at "max" (Fastest) from the moment a learner
// presses play, second by second, against the engine's own rate on the same network. Headless
// Chromium (as the browser tests drive it) opens the main page fresh for each network, as a
// learner would, and plays it at "max" for --seconds.
//
//   node bench/ramp.mjs [--quick] [--repeats N] [--seconds S] [--nets LIST]
//
// Per network (XOR and spiral, hidden layers 8,8 and 32,32,32; --nets to choose) and repeat,
// play is pressed 1 s after the page is ready (IDLE_MS):
// - epochs trained in each of the first ten seconds of play (node.epoch sampled every 50 ms);
//   steady = the rate over the seconds after the tenth (or the last third with --seconds < 15);
// - "to 80 %": the time from play until the rate over a 250 ms window first reaches 80 % of
//   the steady rate;
// - frame times: intervals between requestAnimationFrame callbacks over the whole run (p95 and
//   max), i.e. how smooth the page stays while it trains;
// - the engine alone: a second trainer (wasm/trainer.mjs: a worker of its own) built from the
//   playground's own config (web/playground/config.js trainerConfig of node.state), asked for
//   trainFor(2000 ms) with no snapshot, i.e. the engine's trainEpoch loop on the same
//   network, data, batch and optimiser with nothing else to do; measured after the play, on the
//   same page.
// Targets (issue 16): ≥ 80 % of steady within 1 s of play; steady ≥ 50 % of the engine's rate;
// frames < 33 ms at the 95th percentile. Prints Markdown tables (medians over repeats).
import { loadavg } from 'node:os';
import { commitOf, inChromium, median, printUsage, quantile, readOptions } from './common.mjs';
import { elementReady } from '../tests/browser/browser.mjs';

const NETS = {
  'xor-8,8': '#dataset=xor&layers=8,8',
  'xor-32,32,32': '#dataset=xor&layers=32,32,32',
  'spiral-8,8': '#dataset=spiral&layers=8,8',
  'spiral-32,32,32': '#dataset=spiral&layers=32,32,32',
};
const opts = { repeats: 3, seconds: 15, nets: Object.keys(NETS) };
// A learner takes at least this long from the page appearing to pressing play (reading it,
// finding the button); the worker uses such idle time to warm the engine up (trainer-worker.mjs).
const IDLE_MS = 1000;
readOptions(process.argv.slice(2), (a, { number, text }) => {
  if (a === '--quick') Object.assign(opts, { repeats: 1, seconds: 6 });
  else if (a === '--repeats') opts.repeats = Math.round(number());
  else if (a === '--seconds') opts.seconds = number();
  else if (a === '--nets') opts.nets = text().split(';');
  else if (a === '--help' || a === '-h') usage();
  else usage(`unknown option ${a}`);
}, usage);
for (const n of opts.nets) if (!NETS[n]) usage(`unknown network ${n}; one of ${Object.keys(NETS).join(', ')}`);

function usage(error) {
  const text = `usage: node bench/ramp.mjs [options]
  --quick       smoke run: 1 repeat of 6 s
  --repeats N   fresh pages per network; medians are reported (default 3)
  --seconds S   play time per page (default 15: ten seconds, then the steady rate)
  --nets LIST   networks, ';'-separated (default ${Object.keys(NETS).join(';')})`;
  printUsage('ramp', text, error);
}

/** One fresh page of `hash`, played at max for `seconds`: samples, frame intervals, engine rate. */
async function playOnce(open, hash, seconds) {
  const { page } = await open(`index.html${hash}`);
  await elementReady(page, 'layerwise-playground');
  await new Promise((r) => setTimeout(r, IDLE_MS));
  return page.evaluate(async ({ seconds }) => {
    const node = document.querySelector('layerwise-playground');
    await node.ready;
    node.setAttribute('speed', 'max');
    const samples = [];
    const frames = [];
    let last = performance.now();
    let framing = true;
    const frame = (t) => {
      frames.push(t - last);
      last = t;
      if (framing) requestAnimationFrame(frame);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(frame);
    });
    const start = performance.now();
    node.play();
    while (performance.now() - start < seconds * 1000) {
      await new Promise((r) => setTimeout(r, 50));
      samples.push([(performance.now() - start) / 1000, node.epoch]);
    }
    node.pause();
    framing = false;

    // The engine alone, on the same network and data, in a worker of its own.
    const { trainerConfig } = await import('./playground/config.js');
    const { createTrainer } = await import('./engine/trainer.mjs');
    const none = { metrics: false, grid: false, neurons: false, parameters: false, gradients: false, stats: false };
    const trainer = await createTrainer();
    await trainer.init({ ...trainerConfig(node.state, { grid: null }).config, snapshot: none });
    const warm = await trainer.trainFor(300, { snapshot: none }); // warm-up (the engine's code tiers up)
    const t0 = performance.now();
    const snap = await trainer.trainFor(2000, { snapshot: none });
    const engine = (snap.epoch - warm.epoch) / ((performance.now() - t0) / 1000);
    trainer.dispose();
    return { samples, frames, engine };
  }, { seconds });
}

// Epochs trained between times a and b (s), interpolating the samples.
function epochsAt(samples, t) {
  let prev = [0, 0];
  for (const s of samples) {
    if (s[0] >= t) return prev[1] + ((s[1] - prev[1]) * (t - prev[0])) / (s[0] - prev[0] || 1);
    prev = s;
  }
  return prev[1];
}

function analyse(run, seconds) {
  const { samples } = run;
  const steadyFrom = seconds >= 15 ? 10 : (2 * seconds) / 3;
  const end = samples.at(-1)[0];
  const steady = (samples.at(-1)[1] - epochsAt(samples, steadyFrom)) / (end - steadyFrom);
  const perSecond = [];
  for (let s = 0; s < Math.min(10, Math.floor(seconds)); s++) perSecond.push(epochsAt(samples, s + 1) - epochsAt(samples, s));
  let to80 = Infinity;
  for (let t = 0.25; t <= end; t += 0.05) {
    if ((epochsAt(samples, t) - epochsAt(samples, t - 0.25)) / 0.25 >= 0.8 * steady) {
      to80 = t;
      break;
    }
  }
  const frames = run.frames.slice(2); // the first intervals straddle play()
  return {
    perSecond, steady, to80, first: perSecond[0] / steady,
    p95: quantile(frames, 0.95), maxFrame: Math.max(...frames), engine: run.engine, share: steady / run.engine,
  };
}

const loadAtStart = loadavg()[0];
const results = Object.fromEntries(opts.nets.map((n) => [n, []]));
await inChromium(async ({ browser, open }) => {
  for (let r = 0; r < opts.repeats; r++) {
    for (const net of opts.nets) {
      const run = await playOnce(open, NETS[net], opts.seconds);
      results[net].push(analyse(run, opts.seconds));
      process.stderr.write(`ramp: ${net} repeat ${r + 1}/${opts.repeats} done\n`);
    }
  }
  const f = (v, d = 0) => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : 'n/a');
  const med = (rows, key) => median(rows.map((x) => x[key]));
  console.log('# The playground at "max", from play (bench/ramp.mjs)\n');
  console.log(`- date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`);
  console.log(`- command: node bench/ramp.mjs ${process.argv.slice(2).join(' ')}`.trimEnd());
  console.log(`- commit: ${commitOf(['web', 'wasm', 'core'])}`);
  console.log(`- browser: headless Chromium ${browser.version()}, viewport 1280×800, a fresh page per network and repeat`);
  console.log(`- load average (1 min) at the start and the end: ${loadAtStart.toFixed(1)}, ${loadavg()[0].toFixed(1)}`);
  console.log(`- method: ${opts.repeats} repeats × ${opts.seconds} s of play per network, networks round-robin; medians over repeats\n`);
  console.log('Epochs trained in each second of play (median over repeats):\n');
  const secs = results[opts.nets[0]][0].perSecond.length;
  console.log(`| network | ${Array.from({ length: secs }, (_, i) => `${i}–${i + 1} s`).join(' | ')} | steady /s |`);
  console.log(`| --- |${' ---: |'.repeat(secs + 1)}`);
  for (const net of opts.nets) {
    const rows = results[net];
    const cells = Array.from({ length: secs }, (_, i) => f(median(rows.map((x) => x.perSecond[i]))));
    console.log(`| ${net} | ${cells.join(' | ')} | ${f(med(rows, 'steady'))} |`);
  }
  console.log('\n| network | first second ÷ steady | to 80 % of steady (s) | engine alone (trainEpoch) /s | steady ÷ engine | frame p95 (ms) | longest frame (ms) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const verdicts = [];
  for (const net of opts.nets) {
    const rows = results[net];
    const row = { first: med(rows, 'first'), to80: med(rows, 'to80'), engine: med(rows, 'engine'), share: med(rows, 'share'), p95: med(rows, 'p95'), max: med(rows, 'maxFrame') };
    console.log(`| ${net} | ${f(100 * row.first)} % | ${f(row.to80, 2)} | ${f(row.engine)} | ${f(100 * row.share)} % | ${f(row.p95, 1)} | ${f(row.max, 1)} |`);
    verdicts.push([`${net}: 80 % of steady within 1 s of play`, row.to80 <= 1, `${f(row.to80, 2)} s`]);
    verdicts.push([`${net}: steady ≥ 50 % of the engine's trainEpoch rate`, row.share >= 0.5, `${f(100 * row.share)} %`]);
    verdicts.push([`${net}: frames < 33 ms at the 95th percentile`, row.p95 < 33, `${f(row.p95, 1)} ms`]);
  }
  console.log('\n## Verdicts\n');
  for (const [label, ok, detail] of verdicts) console.log(`- ${label}: **${ok ? 'PASS' : 'MISS'}** (${detail})`);
  console.log(`\n**Overall: ${verdicts.every((v) => v[1]) ? 'PASS' : 'MISS'}** (${verdicts.filter((v) => v[1]).length} of ${verdicts.length})`);
});
