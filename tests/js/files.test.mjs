// The checks of every file kind a learner's work travels in (issue 12, item 1): the playground's
// export file and autosave (web/playground/controls/file.js), its CSV lines (controls/csv.js),
// the sketch pad's autosave (web/sketch/dataset.js), and the autosave mechanics both elements
// share (web/lib/files.js). What a check accepts is what the page can show and train; what it
// cannot restore is kept, not overwritten. Shapes and counts are written out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { FileProblem, FORMAT, readFile, readSaved } from '../../web/playground/controls/file.js';
import { EXTENT, MAX_CLASSES, MAX_POINTS, fromCSV } from '../../web/playground/controls/csv.js';
import { DEFAULTS, toJSONState } from '../../web/playground/state.js';
import { DEFAULT_SETTINGS, FORMAT as SKETCH, readSaved as readSketchSaved, savedOf } from '../../web/sketch/dataset.js';
import { Autosave } from '../../web/lib/files.js';

// The default network is 2 → 4 → 2 → 1 (linear layers at 0, 2 and 4, activations between).
const SHAPES = [['0.weight', [4, 2]], ['0.bias', [4]], ['2.weight', [2, 4]], ['2.bias', [2]], ['4.weight', [1, 2]], ['4.bias', [1]]];
const playgroundFile = (changes = {}) => ({
  format: FORMAT,
  version: 1,
  state: toJSONState(DEFAULTS),
  epoch: 3,
  step: 30,
  parameters: SHAPES.map(([name, shape]) => ({ name, shape, data: new Array(shape.reduce((a, b) => a * b)).fill(0.25) })),
  history: [],
  drawn: { x: [1, -1, 2, 0.5], y: [0, 1], classes: 2 },
  ...changes,
});
const refusal = (key, pattern) => (err) => err instanceof FileProblem && err.key === key && pattern.test(err.params.message ?? '');

test('playground file: drawn points the page refuses are refused at import too', () => {
  const good = readFile(JSON.stringify(playgroundFile()));
  assert.deepEqual(Array.from(good.drawn.x), [1, -1, 2, 0.5]);
  assert.equal(good.drawn.classes, 2);
  const points = (n) => ({ x: new Array(2 * n).fill(0), y: new Array(n).fill(0), classes: 2 });
  const bad = [
    [{ x: [0, 0], y: [0], classes: MAX_CLASSES + 1 }, /classes must be/], // the painter has MAX_CLASSES colours
    [{ x: [0, 0], y: [0], classes: 1 }, /classes must be/],
    [{ x: [EXTENT + 1, 0], y: [0], classes: 2 }, /between/], // off the plot
    [points(MAX_POINTS + 1), /at most 2000 points/],
    [{ x: [0, 0], y: [2], classes: 2 }, /class from 0 to 1/],
    [{ x: [0, 0], y: [1e39], classes: 0 }, /finite/], // finite in double, infinite in float32
    [{ x: ['1', 0], y: [0], classes: 2 }, /number/],
    [{ x: [0, 0], y: [0] }, /classes/],
  ];
  for (const [drawn, message] of bad) {
    assert.throws(() => readFile(JSON.stringify(playgroundFile({ drawn }))), refusal('file.drawn', message), JSON.stringify(drawn).slice(0, 80));
  }
  assert.equal(readFile(JSON.stringify(playgroundFile({ drawn: points(MAX_POINTS) }))).drawn.y.length, MAX_POINTS);
});

test('playground file: a weight finite in double but not in float32 is refused by the check', () => {
  for (const value of [1e39, -3.5e38]) {
    const file = playgroundFile();
    file.parameters[2].data[5] = value;
    assert.throws(() => readFile(JSON.stringify(file)), refusal('file.weights', /2\.weight\[5\].*float32/), String(value));
  }
  const largest = playgroundFile();
  largest.parameters[2].data[5] = 3.4e38; // below float32's largest, 3.4028235e38
  assert.equal(readFile(JSON.stringify(largest)).parameters[2].data[5], Math.fround(3.4e38));
});

test('playground CSV: a line passes the same point check (values as float32)', () => {
  const { drawn, problems } = fromCSV('x,y,value\n0,0,1e39\n1,1,0.5\n2,2,-1e39\n', { regression: true });
  assert.deepEqual(Array.from(drawn.y), [0.5]);
  assert.deepEqual(problems.map((p) => [p.line, p.key]), [[2, 'csv.valueNotNumber'], [4, 'csv.valueNotNumber']]);
  const labels = fromCSV(`x,y,label\n0,0,${MAX_CLASSES}\n${EXTENT + 0.5},0,0\n0,0,1\n`);
  assert.deepEqual(labels.problems.map((p) => [p.line, p.key]), [[2, 'csv.label'], [3, 'csv.outside']]);
  assert.deepEqual(Array.from(labels.drawn.y), [1]);
});

test('playground autosave: the good part is restored, what is not is listed', () => {
  const base = { ...DEFAULTS, seed: 5 };
  const whole = readSaved(JSON.stringify({ version: 1, state: { ...toJSONState(DEFAULTS), seed: 9 }, drawn: { x: [1, 2], y: [1], classes: 2 } }), base);
  assert.deepEqual(whole.lost, []);
  assert.equal(whole.state.seed, 9);
  assert.deepEqual(Array.from(whole.drawn.y), [1]);

  const part = readSaved(JSON.stringify({ version: 1, state: { seed: 9, lr: 'fast' }, drawn: { x: [9, 0], y: [0], classes: 2 } }), base);
  assert.equal(part.state.seed, 9);
  assert.equal(part.state.lr, DEFAULTS.lr);
  assert.equal(part.drawn, null);
  assert.deepEqual(part.lost.map((p) => p.key).sort(), ['file.drawn', 'setting.number']);
  assert.throws(() => readSaved('{"version": 1', base), (err) => err.key === 'file.notJson');
  assert.throws(() => readSaved('[]', base), (err) => err.key === 'file.notPlayground');
});

// localStorage as the browser has it: strings under keys, setItem throwing past a quota.
function fakeStorage(quota = Infinity) {
  const items = new Map();
  return {
    items,
    get length() { return items.size; },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem(k, v) {
      const used = [...items].reduce((n, [key, val]) => n + (key === k ? 0 : key.length + val.length), 0);
      if (used + k.length + String(v).length > quota) throw new DOMException('full', 'QuotaExceededError');
      items.set(k, String(v));
    },
  };
}
function useStorage(t, storage) {
  globalThis.localStorage = storage;
  t.after(() => delete globalThis.localStorage);
}
const element = { getAttribute: (name) => (name === 'autosave' ? '' : null) };

test('Autosave: an entry that could not be fully restored is copied before any save', (t) => {
  const storage = fakeStorage();
  useStorage(t, storage);
  const saved = '{"drawn": "damaged"}';
  storage.setItem('x:main', saved);
  const autosave = new Autosave(element, 'x');
  const read = autosave.read(() => ({ value: { some: 1 }, lost: [new Error('drawn points')] }));
  assert.deepEqual(read.value, { some: 1 });
  assert.match(read.copy, /^x:main:unrestored:\d+$/);
  assert.equal(storage.getItem(read.copy), saved);
  // a reload before any save (the entry still damaged) finds its copy, and makes no other
  for (const t0 = Date.now(); Date.now() === t0;); // a later millisecond: another key, were a copy made
  const again = new Autosave(element, 'x').read(() => ({ value: { some: 1 }, lost: [new Error('drawn points')] }));
  assert.equal(again.copy, read.copy);
  assert.equal([...storage.items.keys()].filter((k) => k.startsWith('x:main:unrestored:')).length, 1);
  assert.equal(autosave.write({ next: 2 }), true);
  assert.equal(storage.getItem(read.copy), saved, 'the next save leaves the copy');

  const nothing = new Autosave(element, 'y');
  storage.setItem('y:main', 'not json');
  const refused = nothing.read((text) => ({ value: JSON.parse(text), lost: [] }));
  assert.equal(refused.value, null);
  assert.equal(storage.getItem(refused.copy), 'not json');

  const clean = new Autosave(element, 'z');
  storage.setItem('z:main', '{"a": 1}');
  assert.deepEqual(clean.read((text) => ({ value: JSON.parse(text), lost: [] })), { value: { a: 1 }, lost: [], copy: null });
});

test('Autosave: when even the copy does not fit, the entry is never overwritten', (t) => {
  const saved = `{"points": "${'p'.repeat(100)}"}`;
  const storage = fakeStorage(saved.length + 20);
  useStorage(t, storage);
  storage.setItem('x:main', saved);
  const autosave = new Autosave(element, 'x');
  const read = autosave.read(() => ({ value: null, lost: [new Error('damaged')] }));
  assert.equal(read.copy, null);
  assert.equal(autosave.held, true);
  assert.equal(autosave.write({ small: 1 }), false);
  assert.equal(storage.getItem('x:main'), saved);
});

test('sketch autosave: what storage cannot hold is left out in turn, and the copy says how much', () => {
  const drawing = (i) => ({ strokes: [[0.1, 0.1, 0.5, i / 10]] });
  const classes = [
    { name: 'a', samples: [0, 1, 2, 3].map(drawing) },
    { name: 'b', samples: [4].map(drawing) },
    { name: 'c', samples: [5, 6].map(drawing) },
  ];
  const all = savedOf(classes, DEFAULT_SETTINGS, 'ko');
  assert.equal(all.format, SKETCH);
  assert.equal(all.unsaved, undefined);
  assert.deepEqual(all.classes.map((c) => c.samples.length), [4, 1, 2]);
  // round 1: a0 b4 c5; round 2: a1 c6; round 3: a2; round 4: a3
  const five = savedOf(classes, DEFAULT_SETTINGS, 'ko', 5);
  assert.deepEqual(five.classes.map((c) => c.samples.map((s) => s.strokes[0][3])), [[0, 0.1], [0.4], [0.5, 0.6]]);
  assert.equal(five.unsaved, 2);
  assert.deepEqual(savedOf(classes, DEFAULT_SETTINGS, 'ko', 0).classes.map((c) => [c.name, c.samples.length]), [['a', 0], ['b', 0], ['c', 0]]);

  const back = readSketchSaved(JSON.stringify(five));
  assert.equal(back.unsaved, 2);
  assert.equal(back.lang, 'ko');
  assert.deepEqual(back.classes.map((c) => c.samples.length), [2, 1, 2]);
  assert.equal(readSketchSaved(JSON.stringify(all)).unsaved, 0);
});

// Found by tests/fuzz/files.mjs: names that every object inherits ("__proto__", "toString") were
// looked up on the settings table's prototype, so a URL hash `#toString=1` or such a key in an
// autosave threw a raw Error instead of reporting an unknown setting; and an autosave whose
// settings were a list threw one too. Now each is a refusal the page shows, and nothing else changes.
test('inherited names are unknown settings, and settings that are a list are no autosave', async () => {
  const { fromHash, readJSONState } = await import('../../web/playground/state.js');
  for (const key of ['__proto__', 'toString', 'constructor', 'hasOwnProperty']) {
    const hashed = fromHash(`#${key}=1&seed=3`);
    assert.deepEqual(hashed.problems.map((p) => p.key), ['setting.unknown'], key);
    assert.equal(hashed.state.seed, 3);
    const read = readJSONState(JSON.parse(`{"${key}": {"polluted": 1}, "seed": 4}`));
    assert.deepEqual(read.problems.map((p) => p.key), ['setting.unknown'], key);
    assert.equal(read.state.seed, 4);
    assert.equal(Object.getPrototypeOf(read.state), Object.prototype, 'the state keeps its prototype');
    assert.equal({}.polluted, undefined);
    const saved = readSaved(JSON.stringify({ version: 1, state: JSON.parse(`{"${key}": 1, "lr": 0.1}`) }), DEFAULTS);
    assert.deepEqual(saved.lost.map((p) => p.key), ['setting.unknown'], key);
    assert.equal(saved.state.lr, 0.1);
  }
  assert.throws(() => readSaved(JSON.stringify({ version: 1, state: [1, 2] }), DEFAULTS), (err) => err instanceof FileProblem && err.key === 'file.notPlayground');
});

// A refusal's specifics are strings of their own, so a Korean page says all of it in Korean
// (before, the reason was Korean and the specifics inside it English).
test('a refused file is explained in the page language, specifics included', async () => {
  const { problemText } = await import('../../web/lib/refusals.js');
  const { t } = await import('../../web/playground/i18n.js');
  const weights = playgroundFile();
  weights.parameters[2].data[5] = 1e39;
  const cases = [
    [weights, '가중치가 네트워크 구조와 맞지 않습니다 (2.weight[5] = 1e+39은(는) float32로 나타낼 수 있는 유한한 수가 아닙니다)',
      'its weights do not fit its network (2.weight[5] = 1e+39 is not a finite float32 number)'],
    [playgroundFile({ drawn: { x: [EXTENT + 1, 0], y: [0], classes: 2 } }),
      '직접 그린 점 데이터가 올바르지 않습니다 (1번째 점: 좌표는 모두 −6에서 6 사이여야 하는데 x = 7입니다)',
      'its drawn points are wrong (point 1: every coordinate must lie between −6 and 6, got x = 7)'],
    [playgroundFile({ epoch: -1 }), '설정 값이 올바르지 않습니다 (epoch 값은 0 이상의 정수여야 합니다)', 'its settings are wrong (epoch must be a whole number ≥ 0)'],
  ];
  for (const [file, ko, en] of cases) {
    let problem;
    assert.throws(() => readFile(JSON.stringify(file)), (err) => (problem = err) instanceof FileProblem);
    assert.equal(problemText(problem, (key, params) => t('ko', key, params)), ko);
    assert.equal(problemText(problem, (key, params) => t('en', key, params)), en);
  }
  // a setting the file gets wrong is said in the words of the refusal strings
  const lr = playgroundFile();
  lr.state.lr = 99;
  let problem;
  assert.throws(() => readFile(JSON.stringify(lr)), (err) => (problem = err) instanceof FileProblem);
  assert.match(problemText(problem, (key, params) => t('ko', key, params)), /^설정 값이 올바르지 않습니다 \(lr.*\d.*\)$/);
  assert.doesNotMatch(problemText(problem, (key, params) => t('ko', key, params)), /must|between/);
});

// Found by tests/fuzz/fuzz_model.cpp in the engine's own files, and the same here: the export
// of a run that diverged wrote NaN weights as null, and the page refused to open its own file.
test('the export of a diverged run leaves its weights out, and opens with everything else', async () => {
  const { fileOf } = await import('../../web/playground/controls/file.js');
  const good = readFile(JSON.stringify(playgroundFile()));
  const diverged = good.parameters.map((p, i) => (i === 2 ? { ...p, data: Float32Array.from(p.data, (v, k) => (k === 1 ? NaN : v)) } : p));
  const file = fileOf({ ...good, history: good.history, parameters: diverged });
  assert.equal(file.parameters, undefined);
  const opened = readFile(JSON.stringify(file));
  assert.equal(opened.parameters, null, 'no weights: the page says so and trains again');
  assert.deepEqual(Array.from(opened.drawn.x), [1, -1, 2, 0.5], 'the drawing is kept');
  assert.equal(opened.epoch, 3);
  assert.deepEqual(readFile(JSON.stringify(fileOf(good))).parameters.map((p) => Array.from(p.data)), good.parameters.map((p) => Array.from(p.data)));
});
