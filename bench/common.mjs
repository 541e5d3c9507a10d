// What the Node benchmarks share: the statistics their tables print (medians and quantiles of
// repeats, docs/toolchain.md "Timing on this machine") and the commit a run measured.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../', import.meta.url));

/** The q-quantile of v (0 ≤ q ≤ 1), interpolating between neighbours; NaN when v is empty. */
export function quantile(v, q) {
  const s = [...v].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const pos = q * (s.length - 1);
  const i = Math.floor(pos);
  return i + 1 < s.length ? s[i] + (s[i + 1] - s[i]) * (pos - i) : s[i];
}

export const median = (v) => quantile(v, 0.5);

/**
 * Runs code until it has reached its speed, untimed: V8 starts WebAssembly on its baseline
 * compiler and JavaScript in its interpreter and optimises whatever turns out hot in the
 * background (dynamic tiering), so the first calls of a workload can run at a fraction of its
 * steady rate (TF.js-wasm's seed-network forward at batch 128: about 60 % for its first
 * seconds; synaptic's generated network: 20-30 ms for each of its first calls, 0.3 ms later).
 * `run(n)` makes n calls (it may return a promise). Blocks of at least `blockMs` and
 * `blockCalls` calls (so a block of one slow interpreted call cannot count as "not getting
 * faster") are timed until `flatBlocks` blocks in a row are no faster (by more than 2 %) than
 * the best block before them, after at least `minMs` and at most `maxMs` in all. Returns
 * {ms, calls, rate: the best block's calls per ms}.
 */
export async function warmUp(run, { blockMs = 30, blockCalls = 4, minMs = 300, maxMs = 3000, flatBlocks = 3 } = {}) {
  const start = performance.now();
  let n = 1;
  let calls = 0;
  let best = 0;
  let flat = 0;
  for (;;) {
    const t0 = performance.now();
    await run(n);
    const ms = performance.now() - t0;
    calls += n;
    const elapsed = performance.now() - start;
    if (ms < blockMs || n < blockCalls) {
      n = Math.min(2 ** 30, Math.max(Math.min(n * 2, blockCalls), Math.ceil(n * Math.min(64, (1.5 * blockMs) / Math.max(ms, 0.01)))));
    } else {
      const rate = n / ms;
      flat = rate > best * 1.02 ? 0 : flat + 1;
      best = Math.max(best, rate);
    }
    if ((flat >= flatBlocks && elapsed >= minMs) || elapsed >= maxMs) return { ms: elapsed, calls, rate: best };
  }
}

/**
 * Prints a benchmark's usage text and ends the process: on stderr with status 2 after `error`
 * (a bad option), or on stdout with status 0 (--help).
 */
export function printUsage(name, text, error) {
  if (error) {
    console.error(`${name}: ${error}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

/**
 * Reads command-line options one by one: option(name, {number, text}) for each, where number()
 * takes the next argument as a positive number and text() as it is (usage(error) when it is
 * not there or not such a number).
 */
export function readOptions(args, option, usage) {
  for (let i = 0; i < args.length; i++) {
    const name = args[i];
    const text = () => args[++i] ?? usage(`${name} needs a value`);
    const number = () => {
      const v = Number(text());
      return v > 0 ? v : usage(`${name} needs a positive number`);
    };
    option(name, { number, text });
  }
}

/**
 * The short commit of HEAD, noting when the folders a benchmark measures (paths under the
 * repository) hold changes not committed, so a table says which code it timed.
 */
export function commitOf(paths) {
  try {
    const head = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', root, 'status', '--porcelain', '--', ...paths], { encoding: 'utf8' }).trim();
    return dirty ? `${head} (${paths.join(', ')} modified in the work tree)` : head;
  } catch {
    return 'unknown';
  }
}

/**
 * Defines window.frameWindow(ms, warmup, count) in a page: after `warmup` animation frames, the
 * gaps between the frames of the next `ms` milliseconds, and how much count() (the page's
 * epochs, batches, ...) grew meanwhile. Resolves to {deltas, counted, ms: the window as
 * measured, first frame to last}. The frame-time benchmarks time their windows with it.
 */
export function installFrameWindow(page) {
  return page.evaluate(() => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    window.frameWindow = async (ms, warmup, count) => {
      for (let i = 0; i < warmup; i++) await frame();
      const first = await frame();
      const before = count();
      const deltas = [];
      let last = first;
      while (last - first < ms) {
        const now = await frame();
        deltas.push(now - last);
        last = now;
      }
      return { deltas, counted: count() - before, ms: last - first };
    };
  });
}

/**
 * One window's frame statistics: median, p95 and longest gap, frames a second, the count a
 * second, and the share (%) of late frames, longer than `late` times baseMedian (a paused
 * window's median; this window's own when not given).
 */
export function frameStats({ deltas, counted, ms }, baseMedian = median(deltas), late = 1.5) {
  return {
    median: median(deltas),
    p95: quantile(deltas, 0.95),
    max: Math.max(...deltas),
    fps: (1000 * deltas.length) / ms,
    perSecond: (1000 * counted) / ms,
    late: (100 * deltas.filter((d) => d > late * baseMedian).length) / deltas.length,
  };
}

/**
 * Runs body({ browser, open }) with web/ served on a free port and headless Chromium launched
 * as the browser tests launch it (tests/browser/browser.mjs); open(path) opens a page of the
 * site and records its console errors. Closes both afterwards, then exits with 1 if a page
 * logged an error: a benchmark of a broken page measures nothing.
 */
export async function inChromium(body) {
  const { startServer } = await import('../scripts/serve.mjs');
  const { launchBrowser, openPage } = await import('../tests/browser/browser.mjs');
  const server = await startServer({ port: 0 });
  const browser = await launchBrowser();
  const opened = [];
  const open = async (path) => {
    const page = await openPage(browser, new URL(path, server.url).href);
    opened.push(page);
    return page;
  };
  try {
    await body({ browser, open });
  } finally {
    await browser.close();
    await server.close();
  }
  const errors = opened.flatMap((page) => page.errors);
  if (errors.length) {
    console.error(`the page logged errors:\n${errors.join('\n')}`);
    process.exit(1);
  }
}
