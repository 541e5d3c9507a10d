// ramp.mjs: how fast the playground trains at "max" (Fastest) from the moment a learner
// presses play, second by second, against the engine's own rate on the same network. Headless
// Chromium (as the browser tests drive it) opens the main page fresh for each network, as a
// learner would, and plays it at "max" for --seconds.
//
//   node bench/ramp.mjs [--quick] [--repeats N] [--seconds S] [--nets LIST] [--idle MS]
//                       [--web LABEL=DIR ...]
//
// --web (repeatable) compares copies of the site side by side, e.g. the page before and after a
// change (a folder laid out as web/, with its engine/ built): each is served on a port of its
// own and they take turns, network by network, so that all of them meet the same load.
// Per network (XOR and spiral, hidden layers 8,8 and 32,32,32; --nets to choose) and repeat,
// play is pressed 1 s after the page is ready (--idle; --idle 0 presses it at once):
// - epochs trained in each of the first ten seconds of play (node.epoch sampled every 50 ms);
//   steady = the rate over the seconds after the tenth (or the last third with --seconds < 15);
// - "to 80 %": the time from play until the rate over a 250 ms window first reaches 80 % of
//   the steady rate;
// - frame times: intervals between requestAnimationFrame callbacks over the whole run (p95 and
//   max), i.e. how smooth the page stays while it trains;
// - requests: the replies that trained (the element's `epoch` events) and epochs a reply, in
//   the first second and at steady;
// - where the worker's wall time goes, from a trace of every message between the page and its
//   training worker (a wrapper of window.Worker installed before the page's scripts): training
//   (the replies' timing.trainMs), building snapshots (timing.snapshotMs), the rest of the time a
//   request is out (messages both ways, queues), and no request out (the page's turn); and the
//   epochs per second of training time against the engine alone;
// - the engine alone: a second trainer (wasm/trainer.mjs: a worker of its own) built from the
//   playground's own config (web/playground/config.js trainerConfig of node.state), asked for
//   trainFor with no snapshot, i.e. the engine's trainEpoch loop on the same
//   network, data, batch and optimiser with nothing else to do; measured after the play, on the
//   same page (the median of four 500 ms blocks after 300 ms of warm-up).
// Targets (issue 16): ≥ 80 % of steady within 1 s of play; steady ≥ 50 % of the engine's rate;
// frames < 33 ms at the 95th percentile. Prints Markdown tables (medians over repeats).
import { loadavg } from 'node:os';
import { commitOf, inChromium, median, printUsage, quantile, readOptions } from './common.mjs';
import { elementReady, openPage } from '../tests/browser/browser.mjs';

const NETS = {
  'xor-8,8': '#dataset=xor&layers=8,8',
  'xor-32,32,32': '#dataset=xor&layers=32,32,32',
  'spiral-8,8': '#dataset=spiral&layers=8,8',
  'spiral-32,32,32': '#dataset=spiral&layers=32,32,32',
};
// --idle: a learner takes at least a second from the page appearing to pressing play (reading
// it, finding the button); the worker uses such idle time to warm the engine up
// (trainer-worker.mjs). --idle 0 is the worst case: play the moment the element is ready.
const opts = { repeats: 3, seconds: 15, nets: Object.keys(NETS), idle: 1000, webs: [] };
readOptions(process.argv.slice(2), (a, { number, text }) => {
  if (a === '--quick') Object.assign(opts, { repeats: 1, seconds: 6 });
  else if (a === '--repeats') opts.repeats = Math.round(number());
  else if (a === '--seconds') opts.seconds = number();
  else if (a === '--nets') opts.nets = text().split(';');
  else if (a === '--web') {
    const [label, dir] = text().split(/=(.*)/s);
    if (!label || !dir) usage('--web needs LABEL=DIR');
    opts.webs.push({ label, dir });
  } else if (a === '--idle') {
    const ms = Number(text());
    opts.idle = ms >= 0 ? ms : usage('--idle needs a number of milliseconds, 0 or more');
  }
  else if (a === '--help' || a === '-h') usage();
  else usage(`unknown option ${a}`);
}, usage);
for (const n of opts.nets) if (!NETS[n]) usage(`unknown network ${n}; one of ${Object.keys(NETS).join(', ')}`);

function usage(error) {
  const text = `usage: node bench/ramp.mjs [options]
  --quick       smoke run: 1 repeat of 6 s
  --repeats N   fresh pages per network; medians are reported (default 3)
  --seconds S   play time per page (default 15: ten seconds, then the steady rate)
  --nets LIST   networks, ';'-separated (default ${Object.keys(NETS).join(';')})
  --idle MS     wait between the page being ready and play (default 1000; 0: at once)
  --web L=DIR   a copy of web/ to measure, labelled L (repeatable; default: this repository's web/)`;
  printUsage('ramp', text, error);
}

// In the page, before its scripts: window.workerTrace = [[page ms, 'out' | 'in', id, type,
// trainMs, snapshotMs], ...] for the first worker the page starts (the playground's trainer).
function traceWorker() {
  const Base = window.Worker;
  const trace = (window.workerTrace = []);
  let first = null;
  window.Worker = class extends Base {
    constructor(...args) {
      super(...args);
      first ??= this;
      if (first !== this) return;
      this.addEventListener('message', ({ data }) => {
        trace.push([performance.now(), 'in', data?.id, data?.type, data?.timing?.trainMs ?? 0, data?.timing?.snapshotMs ?? 0]);
      });
    }

    postMessage(message, transfer) {
      if (this === first) trace.push([performance.now(), 'out', message?.id, message?.type, 0, 0]);
      return super.postMessage(message, transfer);
    }
  };
}

/**
 * One fresh page of `hash` from the site at `base`, played at max for `seconds`: samples, frame
 * intervals, the message trace, the engine's rate. Console errors go into `errors`.
 */
async function playOnce(browser, base, hash, seconds, errors) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await context.addInitScript(traceWorker); // before the page's own scripts
  const { page, errors: pageErrors } = await openPage(browser, new URL(`index.html${hash}`, base).href, { context });
  try {
    return await playPage(page, seconds);
  } finally {
    errors.push(...pageErrors);
    await context.close();
  }
}

async function playPage(page, seconds) {
  await elementReady(page, 'layerwise-playground');
  await new Promise((r) => setTimeout(r, opts.idle));
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
    const replies = []; // [s since play, epoch] at each reply that trained (the element's 'epoch' event)
    const count = () => replies.push([(performance.now() - start) / 1000, node.epoch]);
    node.addEventListener('epoch', count);
    const start = performance.now();
    const traceFrom = window.workerTrace.length;
    node.play();
    while (performance.now() - start < seconds * 1000) {
      await new Promise((r) => setTimeout(r, 50));
      samples.push([(performance.now() - start) / 1000, node.epoch]);
    }
    node.pause();
    node.removeEventListener('epoch', count);
    framing = false;
    const trace = window.workerTrace.slice(traceFrom).map(([t, ...rest]) => [(t - start) / 1000, ...rest]);

    // The engine alone, on the same network and data, in a worker of its own.
    const { trainerConfig } = await import('./playground/config.js');
    const { createTrainer } = await import('./engine/trainer.mjs');
    const none = { metrics: false, grid: false, neurons: false, parameters: false, gradients: false, stats: false };
    const trainer = await createTrainer();
    await trainer.init({ ...trainerConfig(node.state, { grid: null }).config, snapshot: none });
    let done = (await trainer.trainFor(300, { snapshot: none })).epoch; // warm-up (the engine's code tiers up)
    const blocks = []; // four blocks of 500 ms; their median
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      const epoch = (await trainer.trainFor(500, { snapshot: none })).epoch;
      blocks.push((epoch - done) / ((performance.now() - t0) / 1000));
      done = epoch;
    }
    const engine = blocks.sort((a, b) => a - b)[1] / 2 + blocks[2] / 2;
    trainer.dispose();
    return { samples, frames, replies, trace, engine };
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

// Where the worker's wall time went between a and b (s since play), from the message trace:
// training (the replies' timing.trainMs), building snapshots (timing.snapshotMs), the rest of
// the time a request was out (messages both ways, the worker's queue), and none out (the
// page's turn: taking the reply in, drawing, sending the next). Shares of b − a; a request is
// counted by its reply's time.
function timeShares(trace, a, b) {
  const sent = new Map();
  const out = [];
  let train = 0;
  let snapshot = 0;
  for (const [t, dir, id, , trainMs, snapshotMs] of trace) {
    if (dir === 'out') sent.set(id, t);
    else if (sent.has(id)) {
      if (t >= a && t < b) {
        train += trainMs / 1000;
        snapshot += snapshotMs / 1000;
      }
      out.push([sent.get(id), t]);
      sent.delete(id);
    }
  }
  // The union of the intervals with a request out, clipped to [a, b).
  out.sort((x, y) => x[0] - y[0]);
  let busy = 0;
  let reach = a;
  for (const [s, e] of out) {
    const from = Math.max(s, reach);
    const to = Math.min(e, b);
    if (to > from) busy += to - from;
    reach = Math.max(reach, Math.min(e, b));
  }
  const w = b - a;
  return { train: train / w, snapshot: snapshot / w, transit: Math.max(0, busy - train - snapshot) / w, page: (w - busy) / w, trainSeconds: train };
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
  // Replies a second and epochs a reply, in the first second and over the steady window.
  const within = (a, b) => run.replies.filter(([t]) => t >= a && t < b);
  const firstReplies = within(0, 1);
  const steadyReplies = within(steadyFrom, end);
  const perReply = (rows, e0) => (rows.length ? (rows.at(-1)[1] - e0) / rows.length : NaN);
  return {
    first1: timeShares(run.trace, 0, 1), steadyShares: timeShares(run.trace, steadyFrom, end),
    // epochs per second of the worker's training time, ÷ the engine alone: below 1 when the
    // worker trains slower while the page plays (the cores shared with the page's drawing)
    trainingPace: (steady * (end - steadyFrom)) / timeShares(run.trace, steadyFrom, end).trainSeconds / run.engine,
    firstPace: perSecond[0] / timeShares(run.trace, 0, 1).trainSeconds / run.engine,
    repliesFirst: firstReplies.length, repliesSteady: steadyReplies.length / (end - steadyFrom),
    perReplyFirst: perReply(firstReplies, 0), perReplySteady: perReply(steadyReplies, epochsAt(samples, steadyFrom)),
    perSecond, steady, to80, first: perSecond[0] / steady,
    p95: quantile(frames, 0.95), maxFrame: Math.max(...frames), engine: run.engine, share: steady / run.engine,
  };
}

const loadAtStart = loadavg()[0];
const { startServer } = await import('../scripts/serve.mjs');
const servers = [];
const errors = [];
// A row per network, or per network and site with --web.
const rowsOf = opts.webs.length ? opts.nets.flatMap((n) => opts.webs.map((w) => [`${n} ${w.label}`, n, w])) : opts.nets.map((n) => [n, n, null]);
const results = Object.fromEntries(rowsOf.map(([key]) => [key, []]));
await inChromium(async ({ browser }) => {
  const own = await startServer({ port: 0 }); // this repository's web/
  servers.push(own);
  for (const w of opts.webs) {
    const server = await startServer({ root: w.dir, port: 0 });
    servers.push(server);
    w.base = server.url;
  }
  for (let r = 0; r < opts.repeats; r++) {
    for (const [key, net, w] of rowsOf) {
      const run = await playOnce(browser, w ? w.base : own.url, NETS[net], opts.seconds, errors);
      results[key].push(analyse(run, opts.seconds));
      process.stderr.write(`ramp: ${key} repeat ${r + 1}/${opts.repeats} done\n`);
    }
  }
  for (const server of servers) await server.close();
  const f = (v, d = 0) => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : 'n/a');
  const med = (rows, key) => median(rows.map((x) => x[key]));
  console.log('# The playground at "max", from play (bench/ramp.mjs)\n');
  console.log(`- date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`);
  console.log(`- command: node bench/ramp.mjs ${process.argv.slice(2).join(' ')}`.trimEnd());
  console.log(`- commit: ${commitOf(['web', 'wasm', 'core'])}${opts.webs.length ? `; sites: ${opts.webs.map((w) => `${w.label} = ${w.dir}`).join(', ')}` : ''}`);
  console.log(`- browser: headless Chromium ${browser.version()}, viewport 1280×800, a fresh page per network and repeat`);
  console.log(`- load average (1 min) at the start and the end: ${loadAtStart.toFixed(1)}, ${loadavg()[0].toFixed(1)}`);
  console.log(`- method: ${opts.repeats} repeats × ${opts.seconds} s of play per network, networks${opts.webs.length ? ' and sites' : ''} round-robin; play pressed ${opts.idle} ms after the element is ready; medians over repeats\n`);
  console.log('Epochs trained in each second of play (median over repeats):\n');
  const secs = results[rowsOf[0][0]][0].perSecond.length;
  console.log(`| network | ${Array.from({ length: secs }, (_, i) => `${i}–${i + 1} s`).join(' | ')} | steady /s |`);
  console.log(`| --- |${' ---: |'.repeat(secs + 1)}`);
  for (const [net] of rowsOf) {
    const rows = results[net];
    const cells = Array.from({ length: secs }, (_, i) => f(median(rows.map((x) => x.perSecond[i]))));
    console.log(`| ${net} | ${cells.join(' | ')} | ${f(med(rows, 'steady'))} |`);
  }
  console.log('\n| network | first second ÷ steady | to 80 % of steady (s) | engine alone (trainEpoch) /s | steady ÷ engine | frame p95 (ms) | longest frame (ms) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const verdicts = [];
  for (const [net] of rowsOf) {
    const rows = results[net];
    const row = { first: med(rows, 'first'), to80: med(rows, 'to80'), engine: med(rows, 'engine'), share: med(rows, 'share'), p95: med(rows, 'p95'), max: med(rows, 'maxFrame') };
    console.log(`| ${net} | ${f(100 * row.first)} % | ${f(row.to80, 2)} | ${f(row.engine)} | ${f(100 * row.share)} % | ${f(row.p95, 1)} | ${f(row.max, 1)} |`);
    verdicts.push([`${net}: 80 % of steady within 1 s of play`, row.to80 <= 1, `${f(row.to80, 2)} s`]);
    verdicts.push([`${net}: steady ≥ 50 % of the engine's trainEpoch rate`, row.share >= 0.5, `${f(100 * row.share)} %`]);
    verdicts.push([`${net}: frames < 33 ms at the 95th percentile`, row.p95 < 33, `${f(row.p95, 1)} ms`]);
  }
  console.log('\nRequests (replies that trained, the element\'s `epoch` events), median over repeats:\n');
  console.log('| network | replies in the first second | epochs a reply, first second | replies a second, steady | epochs a reply, steady |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [net] of rowsOf) {
    const rows = results[net];
    console.log(`| ${net} | ${f(med(rows, 'repliesFirst'))} | ${f(med(rows, 'perReplyFirst'), 1)} | ${f(med(rows, 'repliesSteady'), 1)} | ${f(med(rows, 'perReplySteady'), 1)} |`);
  }
  console.log('\nThe worker\'s wall time (from a trace of the messages between page and worker; median shares over repeats): training, building the reply\'s snapshot, the rest of the time a request was out (messages, queue), and no request out (the page taking the reply in and sending the next):\n');
  console.log('| network | window | training | snapshot | messages, queue | page\'s turn | epochs per training second ÷ engine alone |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  const pct = (rows, key, part) => `${f(100 * median(rows.map((x) => x[key][part])))} %`;
  for (const [net] of rowsOf) {
    const rows = results[net];
    for (const [key, label] of [['first1', 'first second'], ['steadyShares', 'steady']]) {
      const pace = `${f(100 * med(rows, key === 'steadyShares' ? 'trainingPace' : 'firstPace'))} %`;
      console.log(`| ${net} | ${label} | ${['train', 'snapshot', 'transit', 'page'].map((p) => pct(rows, key, p)).join(' | ')} | ${pace} |`);
    }
  }
  console.log('\n## Verdicts\n');
  for (const [label, ok, detail] of verdicts) console.log(`- ${label}: **${ok ? 'PASS' : 'MISS'}** (${detail})`);
  console.log(`\n**Overall: ${verdicts.every((v) => v[1]) ? 'PASS' : 'MISS'}** (${verdicts.filter((v) => v[1]).length} of ${verdicts.length})`);
});
if (errors.length) {
  console.error(`the page logged errors:\n${errors.join('\n')}`);
  process.exit(1);
}
