// bench_views.mjs: what the playground's four views (web/playground/views/) cost to draw one
// frame. Headless Chromium (driven as the browser tests drive it: tests/browser/browser.mjs)
// opens the standalone page web/test/views.html, trains a network in the engine's worker, then
// times the views' update() on the latest snapshot with the page's own measure(frames): the
// mean time a frame over all four views, each view's share, the worst frame, and the same
// frames again with the style and layout work the updates cause. Two networks: the spiral
// showcase (8,8 tanh) and a deep one (6 × 16 ReLU, 101 neurons on the diagram). Prints a
// Markdown table; bench/README.md, "Render time of the views", has runs and their reading.
// Exits with 1 if the page logs an error.
//
//   node bench/bench_views.mjs [--repeats N] [--frames F]
//
// Method (docs/toolchain.md, "Timing on this machine": 2 shared, noisy cores): each repeat
// measures F frames of both networks in turn (round-robin); the table shows the median over
// the repeats, and the share of a 60 Hz frame (16.7 ms) that the median leaves for
// everything else a page does.
import { loadavg } from 'node:os';
import { commitOf, inChromium, median } from './common.mjs';

const NETWORKS = [
  { name: 'spiral 8,8 tanh', hash: '', epochs: 20 },
  { name: 'circle 6×16 relu', hash: '#dataset=circle&layers=16,16,16,16,16,16&activation=relu&optimizer=adam&lr=0.01&seed=2', epochs: 30 },
];
const FRAME_MS = 1000 / 60;

const opts = { repeats: 7, frames: 60 };
{
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = Math.round(Number(args[++i]));
    if (!(value > 0)) usage(`${a} needs a positive whole number`);
    if (a === '--repeats') opts.repeats = value;
    else if (a === '--frames') opts.frames = value;
    else usage(`unknown option ${a}`);
  }
}

function usage(error) {
  console.error(`bench_views: ${error}
usage: node bench/bench_views.mjs [--repeats N] [--frames F]
  --repeats N  measurements per network; medians are reported (default 7)
  --frames F   frames timed per measurement (default 60)`);
  process.exit(2);
}

const loadAtStart = loadavg()[0];
const rows = new Map(NETWORKS.map((n) => [n.name, []]));
await inChromium(async ({ browser, open }) => {
  const pages = [];
  for (const network of NETWORKS) {
    const { page } = await open(`test/views.html${network.hash}`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
    await page.evaluate((epochs) => window.viewsDemo.train(epochs), network.epochs);
    pages.push([network, page]);
  }
  for (let r = 0; r < opts.repeats; r++) {
    for (const [network, page] of pages) {
      rows.get(network.name).push(await page.evaluate((frames) => window.viewsDemo.measure(frames), opts.frames));
    }
    process.stderr.write(`repeat ${r + 1}/${opts.repeats} done\n`);
  }
  console.log('# Render time of the views (bench/bench_views.mjs)\n');
  console.log(`- date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`);
  console.log(`- commit: ${commitOf(['web', 'wasm', 'core'])}`);
  console.log(`- browser: headless Chromium ${browser.version()}, viewport 1280×800, page test/views.html (48×48 grid)`);
  console.log(`- load average (1 min) at the start and the end: ${loadAtStart.toFixed(1)}, ${loadavg()[0].toFixed(1)}`);
  console.log(`- method: ${opts.repeats} repeats of ${opts.frames} frames per network, networks round-robin; medians over repeats\n`);
  const f = (v) => (Number.isFinite(v) ? v.toFixed(2) : 'n/a');
  const views = Object.keys(rows.get(NETWORKS[0].name)[0].perView);
  console.log(`| network | all views (ms a frame) | with style and layout (ms) | worst frame (ms) | ${views.join(' | ')} | share of a 60 Hz frame |`);
  console.log(`| --- | ---: | ---: | ---: | ${views.map(() => '---:').join(' | ')} | ---: |`);
  for (const network of NETWORKS) {
    const list = rows.get(network.name);
    const m = (pick) => median(list.map(pick));
    const mean = m((t) => t.meanMs);
    console.log(`| ${network.name} | ${f(mean)} | ${f(m((t) => t.withLayoutMs))} | ${f(m((t) => t.worstMs))} | ` +
      `${views.map((v) => f(m((t) => t.perView[v]))).join(' | ')} | ${(100 * mean / FRAME_MS).toFixed(0)} % |`);
  }
});
