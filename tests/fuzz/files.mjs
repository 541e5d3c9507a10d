// A fuzzer for the page's readers of what learners make: the playground's file and autosave
// (web/playground/controls/file.js), its CSV reader (controls/csv.js) and the sketch pad's file
// and autosave (web/sketch/dataset.js). libFuzzer cannot reach JavaScript, so this is a
// mutation fuzzer of its own: it starts from good files, changes them at random, as text
// (characters, runs of digits, cut and repeated stretches) and as JSON (any value in the tree
// replaced by a hostile one), and checks on every input what must hold for all of them:
//   - a reader returns or refuses with its own problem type (FileProblem, SketchFileProblem);
//     any other exception is a finding;
//   - what a file import accepts, the autosave restores whole (one validation for every door),
//     and what it accepts reads back the same after it is written out again;
//   - the CSV reader keeps only points the page can show, which read back the same;
//   - no call takes longer than LIMIT_MS (inputs are at most a few hundred KB): a freeze.
//
//   node tests/fuzz/files.mjs [SECONDS] [SEED]
//
// The same SEED gives the same inputs. A finding prints the input's seed and text (cut) and
// exits 1; the last line gives the runs, how many were accepted, and the distinct refusals
// seen (the reasons, numbers left out: a measure of how much of the checks was reached).
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';

import { FileProblem, fileOf, readFile, readSaved, savedOf } from '../../web/playground/controls/file.js';
import { EXTENT, MAX_POINTS, checkPoints, fromCSV, toCSV } from '../../web/playground/controls/csv.js';
import { DEFAULTS, toJSONState } from '../../web/playground/state.js';
import * as sketch from '../../web/sketch/dataset.js';

const LIMIT_MS = 2000;
const seconds = Number(process.argv[2] ?? 10);
const seed = Number(process.argv[3] ?? Date.now() % 1e9);
if (!(seconds > 0) || !Number.isInteger(seed)) {
  console.error('usage: node tests/fuzz/files.mjs [SECONDS > 0] [SEED, a whole number]');
  process.exit(2);
}

// xorshift32: the same seed, the same run.
let s = seed >>> 0 || 1;
const rand = () => {
  s ^= s << 13;
  s ^= s >>> 17;
  s ^= s << 5;
  return (s >>> 0) / 2 ** 32;
};
const below = (n) => Math.floor(rand() * n);
const pick = (list) => list[below(list.length)];

// ---- good inputs to start from --------------------------------------------------------------
// The default network is 2 → 4 → 2 → 1 (linear layers 0, 2, 4).
const SHAPES = [['0.weight', [4, 2]], ['0.bias', [4]], ['2.weight', [2, 4]], ['2.bias', [2]], ['4.weight', [1, 2]], ['4.bias', [1]]];
const points = (n, classes) => ({
  x: Array.from({ length: 2 * n }, (_, i) => ((i * 7919) % 1200) / 100 - EXTENT),
  y: Array.from({ length: n }, (_, i) => (classes ? i % classes : Math.sin(i))),
  classes,
});
const playgroundSeeds = [
  { format: 'layerwise-playground', version: 1, state: toJSONState(DEFAULTS), epoch: 3, step: 30,
    parameters: SHAPES.map(([name, shape]) => ({ name, shape, data: new Array(shape.reduce((a, b) => a * b)).fill(0.25) })),
    history: [[1, 0.7, 0.69, 0.5, 0.5], [2, 0.6, 0.61, 0.7, null]], drawn: points(5, 2) },
  { format: 'layerwise-playground', version: 1, state: { ...toJSONState(DEFAULTS), dataset: 'drawn' }, drawn: points(40, 3) },
  { format: 'layerwise-playground', version: 1, state: { ...toJSONState(DEFAULTS), dataset: 'drawn', layers: [8], activation: ['relu'] }, drawn: points(9, 0) },
];
const sketchSeeds = [
  { format: 'layerwise-sketch', version: 1,
    classes: [{ name: 'circle', samples: [{ strokes: [[0.1, 0.1, 0.5, 0.9, 0.9, 0.1]] }, { strokes: [[0.2, 0.2], [0.3, 0.3, 0.4, 0.4]] }] },
      { name: '삼각형', samples: [{ strokes: [[0, 0, 1, 1]] }] }],
    settings: { hidden: [16], activation: 'tanh', augment: true, testEvery: 3, epochs: 10 } },
];
const csvSeeds = [
  toCSV(points(6, 2)),
  toCSV(points(6, 0)),
  'x;y;class\r\n"1";2;3\r\n\uFEFF-0.5\t.5\t1\n',
  '1,2\n3,4,5,6\n1e-3,-2E+0,0\n\n',
];

// ---- mutations ------------------------------------------------------------------------------
const HOSTILE = [
  () => 1e39, () => -3.5e38, () => 3.4e38, () => 2 ** 53, () => -0, () => 0.5, () => -1, () => 0, () => 1, () => 2, () => 7,
  () => MAX_POINTS + 1, () => EXTENT + 1e-6, () => '1', () => '', () => 'x'.repeat(below(300)), () => null, () => true,
  () => [], () => ({}), () => [0, 0], () => ({ __proto__: null, x: 1 }), () => new Array(below(3000)).fill(0),
  () => JSON.parse('{"__proto__": {"polluted": 1}}'), () => Array.from({ length: below(50) }, () => rand() * 20 - 10),
];
// Every place in a JSON tree: [parent, key] pairs.
function places(value, out = []) {
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      out.push([value, key]);
      if (out.length < 5000) places(value[key], out);
    }
  }
  return out;
}
function mutateTree(obj) {
  const copy = structuredClone(obj);
  for (let n = 1 + below(3); n > 0; n--) {
    const all = places(copy);
    if (!all.length) break;
    const [parent, key] = pick(all);
    const r = rand();
    if (r < 0.6) parent[key] = pick(HOSTILE)();
    else if (r < 0.75) Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
    else if (r < 0.9 && Array.isArray(parent[key])) parent[key].push(...structuredClone(parent[key]).slice(0, below(4) + 1));
    else parent[`k${below(5)}`] = pick(HOSTILE)();
  }
  return JSON.stringify(copy);
}
function mutateText(text) {
  let t = text;
  for (let n = 1 + below(4); n > 0; n--) {
    const at = below(t.length + 1);
    const r = rand();
    if (r < 0.25) t = t.slice(0, at) + pick(['"', ',', '[', ']', '{', '}', ':', '-', '.', 'e', '\n', ';', '\t', '\\', '\u2028', '\uFEFF', '0', '9']) + t.slice(at);
    else if (r < 0.4) t = t.slice(0, at) + t.slice(at + 1 + below(20));
    else if (r < 0.55) t = t.slice(0, at) + t.slice(at, at + below(200)).repeat(1 + below(20)) + t.slice(at);
    else if (r < 0.65) t = t.slice(0, at) + '9'.repeat(below(60000)) + pick(['', 'x', '.', 'e']) + t.slice(at); // a long number
    else if (r < 0.75) t = t.slice(0, at);
    else t = t.slice(0, at) + String.fromCharCode(below(0x3000)) + t.slice(at);
  }
  return t;
}

// ---- properties -----------------------------------------------------------------------------
const refusals = new Set();
let runs = 0;
let accepted = 0;
let slowest = 0;

function timed(fn) {
  const t0 = performance.now();
  const out = fn();
  const ms = performance.now() - t0;
  slowest = Math.max(slowest, ms);
  assert.ok(ms < LIMIT_MS, `a call took ${ms.toFixed(0)} ms (a freeze)`);
  return out;
}
// Returns the reader's result, or null for a refusal of the expected type.
function readOrRefuse(read, Problem) {
  try {
    return timed(read);
  } catch (err) {
    if (!(err instanceof Problem)) throw err;
    // the reason without the values in it (and JSON's own messages, which quote the text, as one)
    refusals.add(err.key === 'file.notJson' ? err.key : `${err.key} ${String(err.params?.message ?? '').replace(/"[^"]*"|\[[^\]]*\]|\S*\d\S*/g, '·').slice(0, 50)}`);
    return null;
  }
}
const plain = (v) => JSON.parse(JSON.stringify(v, (k, x) => (ArrayBuffer.isView(x) ? Array.from(x) : x)));

function checkPlayground(text) {
  const read = readOrRefuse(() => readFile(text), FileProblem);
  if (!read) return;
  accepted++;
  // Written out again, the file reads back the same.
  const again = fileOf({ ...read, parameters: read.parameters ?? [] });
  if (!read.parameters) delete again.parameters;
  assert.deepEqual(plain(readFile(JSON.stringify(again))), plain(read), 'a file read, written and read again changed');
  // What the import accepted, the page shows (the load check) and the autosave restores whole.
  if (read.drawn) assert.deepEqual(plain(checkPoints(read.drawn)), plain(read.drawn), 'imported points fail the load check');
  const restored = readSaved(JSON.stringify(savedOf(read.state, read.drawn)), DEFAULTS);
  assert.deepEqual(restored.lost.map((p) => p.key), [], 'the autosave of an accepted file loses something');
  assert.deepEqual(plain(restored.state), plain(read.state), 'the autosave restores other settings');
  assert.deepEqual(plain(restored.drawn), plain(read.drawn), 'the autosave restores other points');
}

function checkPlaygroundSaved(text) {
  const read = readOrRefuse(() => readSaved(text, DEFAULTS), FileProblem);
  if (!read) return;
  for (const problem of read.lost) assert.ok(typeof problem.key === 'string', `a lost item without a reason: ${problem}`);
  if (read.drawn) checkPoints(read.drawn);
}

function checkCSV(text) {
  const regression = rand() < 0.5;
  const { drawn, problems } = timed(() => fromCSV(text, { regression }));
  for (const p of problems) {
    assert.ok(Number.isInteger(p.line) && typeof p.key === 'string', 'a CSV problem without its line and reason');
    refusals.add(`csv ${p.key}`);
  }
  assert.deepEqual(plain(checkPoints(drawn)), plain(drawn), 'the CSV reader kept a point the page refuses');
  if (drawn.y.length) accepted++;
  const again = fromCSV(toCSV(drawn), { regression: drawn.classes === 0 });
  assert.deepEqual(again.problems, [], 'the points written as CSV do not read back');
  assert.deepEqual(plain(again.drawn.x), plain(drawn.x), 'CSV points read back at other places');
  assert.deepEqual(plain(again.drawn.y), plain(drawn.y), 'CSV labels read back differently');
}

function checkSketch(text) {
  const read = readOrRefuse(() => sketch.readFile(text), sketch.SketchFileProblem);
  if (!read) return;
  accepted++;
  const file = JSON.stringify(sketch.fileOf(read.classes, read.settings));
  assert.deepEqual(sketch.readFile(file), read, 'a sketch file read, written and read again changed');
  // A partial autosave keeps `keep` drawings and says how many it lacks, after a reload too.
  const total = read.classes.reduce((n, c) => n + c.samples.length, 0);
  const keep = below(total + 1);
  let saved;
  try {
    saved = sketch.readSaved(JSON.stringify(sketch.savedOf(read.classes, read.settings, 'ko', keep)));
  } catch (err) {
    // Keeping no drawing of a class leaves a class with none, which a file may hold.
    throw new Error(`a partial autosave (${keep} of ${total}) does not read back: ${err.message}`);
  }
  assert.equal(saved.unsaved, total - keep, 'a partial autosave miscounts what it lacks');
  assert.equal(saved.classes.reduce((n, c) => n + c.samples.length, 0), keep);
}

const KINDS = [
  ['playground file', () => pick(playgroundSeeds), checkPlayground],
  ['playground autosave', () => pick(playgroundSeeds), checkPlaygroundSaved],
  ['CSV', () => pick(csvSeeds), checkCSV],
  ['sketch file', () => pick(sketchSeeds), checkSketch],
];

// ---- the run --------------------------------------------------------------------------------
// The seeds themselves must be accepted: a fuzzer that starts from refused files tests little.
for (const seedFile of playgroundSeeds) assert.ok(readFile(JSON.stringify(seedFile)), 'a playground seed is refused');
for (const seedFile of sketchSeeds) assert.ok(sketch.readFile(JSON.stringify(seedFile)), 'a sketch seed is refused');

const end = performance.now() + seconds * 1000;
while (performance.now() < end) {
  const inputSeed = s;
  const [kind, start, check] = pick(KINDS);
  const base = start();
  const text = typeof base === 'string' ? mutateText(base) : rand() < 0.7 ? mutateTree(base) : mutateText(JSON.stringify(base));
  try {
    check(text);
  } catch (err) {
    console.error(`files.mjs: finding in the ${kind} reader (run ${runs}, state ${inputSeed}, seed ${seed}):`);
    console.error(err.stack);
    console.error(`input (${text.length} characters): ${text.slice(0, 600)}${text.length > 600 ? '…' : ''}`);
    process.exit(1);
  }
  runs++;
}
console.log(`files.mjs: ${runs} inputs in ${seconds} s (seed ${seed}), ${accepted} accepted, ` +
  `${refusals.size} distinct refusals, slowest call ${slowest.toFixed(1)} ms; no finding.`);
