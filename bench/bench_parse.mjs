// bench_parse.mjs: reading hostile text in linear time (issue 12). Two tables:
//   1. CSV: the drawn-points reader's number pattern (web/playground/controls/csv.js, NUMBER)
//      against the pattern it replaced, on one cell of n digits followed by a letter (a failed
//      match: the old pattern's worst case) and of n digits alone, n = 1e3 .. 1e5; and the
//      whole reader, fromCSV, on a one-line file holding such a cell. The old pattern is copied
//      below as BEFORE: it is the baseline, measured in the same run, not code the site runs.
//   2. JSON in wasm: the engine (web/engine/, as built) reading a spec that holds n unknown
//      keys, until it refuses the first of them; the text is parsed whole first, so the time
//      is the parser's. (The native JSON benchmark is lw_bench_json, bench/bench_json.cpp.)
// Prints Markdown tables; bench/README.md, "Reading hostile text", has a run.
//
//   node bench/bench_parse.mjs [--repeats N] [--min-ms MS] [--quick]
//
// Method (docs/toolchain.md, "Timing on this machine": 2 shared, noisy cores): every number is
// the median of the repeats; a repeat runs the operation enough times to last at least MS
// (default 20 ms) and gives the time of one run. The old and new patterns are timed round-robin
// (repeat i of each in turn), and old/new is the median of the per-repeat ratios. The old
// pattern takes seconds on long cells, so it runs at most 3 repeats once one run lasts over a
// second (the table says how many).
import { loadavg } from 'node:os';
import { commitOf, median, printUsage, quantile } from './common.mjs';
import { NUMBER, fromCSV } from '../web/playground/controls/csv.js';
import { loadLayerwise } from '../web/engine/layerwise.mjs';

// The number pattern before issue 12: `\d+\.?\d*` matches a run of digits in as many ways as
// it has digits, so a failed match tries them all (quadratic time).
const BEFORE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const LENGTHS = [1e3, 3e3, 1e4, 3e4, 1e5];
const KEYS = [1e3, 1e4, 1e5];

const USAGE = `usage: node bench/bench_parse.mjs [--repeats N] [--min-ms MS] [--quick]
  --repeats N  repeats per measurement; medians are reported (default 9)
  --min-ms MS  each repeat runs the operation for at least MS milliseconds (default 20)
  --quick      3 repeats of at least 5 ms, cells up to 1e4 digits and 1e4 keys`;
const opts = { repeats: 9, minMs: 20, quick: false };
{
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--quick') Object.assign(opts, { repeats: 3, minMs: 5, quick: true });
    else if (a === '--help') printUsage('bench_parse', USAGE);
    else if (a === '--repeats' || a === '--min-ms') {
      const v = Number(args[++i]);
      if (!(v > 0)) printUsage('bench_parse', USAGE, `${a} needs a positive number`);
      opts[a === '--repeats' ? 'repeats' : 'minMs'] = Math.round(v);
    } else printUsage('bench_parse', USAGE, `unknown option ${a}`);
  }
}
const lengths = opts.quick ? LENGTHS.filter((n) => n <= 1e4) : LENGTHS;
const keyCounts = opts.quick ? KEYS.filter((n) => n <= 1e4) : KEYS;

// The time of one run of fn in ms: runs it until minMs have passed (at least once).
function timeOne(fn) {
  let runs = 0;
  const start = performance.now();
  let elapsed;
  do {
    fn();
    runs++;
    elapsed = performance.now() - start;
  } while (elapsed < opts.minMs);
  return elapsed / runs;
}

const ms = (v) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v >= 0.01 ? v.toFixed(4) : v.toExponential(2));
const spread = (v) => `${(100 * (quantile(v, 0.75) - quantile(v, 0.25)) / median(v)).toFixed(0)}`;

const loadAtStart = loadavg()[0];
console.log('# Reading hostile text (bench/bench_parse.mjs)\n');
console.log(`- date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`);
console.log(`- commit: ${commitOf(['web/playground/controls', 'core', 'bench/bench_parse.mjs'])}`);
console.log(`- Node ${process.versions.node} (V8 ${process.versions.v8})`);
console.log(`- method: median of ${opts.repeats} repeats, each >= ${opts.minMs} ms; old and new pattern round-robin`);

console.log('\n## 1. CSV number pattern: one cell of n digits\n');
console.log('before = `' + BEFORE.source + '` (the baseline, copied here); after = `' + NUMBER.source + '`.\n');
console.log('| cell | n | before (ms) | after (ms) | before / after | fromCSV, one line (ms) | spread after (IQR %) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [name, tail] of [['digits + "a" (refused)', 'a'], ['digits (accepted)', '']]) {
  for (const n of lengths) {
    const cell = '7'.repeat(n) + tail;
    const line = `${cell},0,0\n`;
    if (BEFORE.test(cell) !== (tail === '') || NUMBER.test(cell) !== (tail === '')) throw new Error(`wrong answer for ${name}, n = ${n}`);
    const problems = fromCSV(line).problems;
    if (problems[0]?.key !== (tail ? 'csv.notNumber' : 'csv.outside')) throw new Error(`fromCSV: unexpected ${JSON.stringify(problems[0]?.key)}`);
    const before = [];
    const after = [];
    const whole = [];
    const ratios = [];
    for (let r = 0; r < opts.repeats; r++) {
      const slow = before.length >= 1 && median(before) > 1000;
      const b = slow && before.length >= 3 ? null : timeOne(() => BEFORE.test(cell));
      const a = timeOne(() => NUMBER.test(cell));
      whole.push(timeOne(() => fromCSV(line)));
      after.push(a);
      if (b !== null) {
        before.push(b);
        ratios.push(b / a);
      }
    }
    const count = before.length < opts.repeats ? ` (${before.length}×)` : '';
    console.log(`| ${name} | ${n.toExponential(0).replace('e+', 'e')} | ${ms(median(before))}${count} | ${ms(median(after))} | ` +
      `${median(ratios).toFixed(0)}× | ${ms(median(whole))} | ${spread(after)} |`);
  }
}

console.log('\n## 2. JSON in wasm: a spec with n unknown keys, read until refused\n');
const lw = await loadLayerwise();
console.log('| keys | text (MB) | read and refused (ms) | per key (µs) | spread (IQR %) |');
console.log('| ---: | ---: | ---: | ---: | ---: |');
for (const n of keyCounts) {
  const keys = Array.from({ length: n }, (_, i) => `"key${i}": ${i}`).join(', ');
  const text = `{"input": [2], "layers": [{"type": "linear", "out": 1}], ${keys}}`;
  const read = () => {
    try {
      lw.Model.fromSpec(text).dispose();
    } catch (err) {
      if (!/unknown key "key0"/.test(err.message)) throw err;
      return;
    }
    throw new Error('the spec was accepted');
  };
  const times = Array.from({ length: opts.repeats }, () => timeOne(read));
  console.log(`| ${n.toExponential(0).replace('e+', 'e')} | ${(text.length / 1e6).toFixed(2)} | ${ms(median(times))} | ` +
    `${(1000 * median(times) / n).toFixed(2)} | ${spread(times)} |`);
}
console.log(`\n- load average (1 min) at the start and the end: ${loadAtStart.toFixed(1)}, ${loadavg()[0].toFixed(1)}`);
