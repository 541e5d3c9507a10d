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
