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
