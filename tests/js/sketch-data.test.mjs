// web/sketch/dataset.js (the drawings' file: checks, refusals, the held-out split, settings) and
// network.js (the seed-shaped network scaled to the data). Expected values are worked out by
// hand: the seed's 784-256-128-64-10 network has 242,762 weights and biases; every 4th drawing
// is held out; a malformed or foreign file is refused with the reason's key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, FORMAT, MAX_CLASSES, SketchFileProblem, VERSION, cleanName, cleanStrokes, fileOf, isTest, readFile, readSettings, split } from '../../web/sketch/dataset.js';
import { INPUTS, SEED_HIDDEN, autoHidden, checkHidden, parameterCount, sketchSpec, softmax } from '../../web/sketch/network.js';
import { exampleSet } from '../../web/sketch/examples.js';

const refusal = (key, params) => (err) => {
  assert.ok(err instanceof SketchFileProblem, `a SketchFileProblem, got ${err}`);
  assert.equal(err.key, key);
  if (params) for (const [k, v] of Object.entries(params)) assert.match(String(err.params[k]), v);
  return true;
};

test('the seed network: 784 → 256 → 128 → 64 → 10 has 242,762 weights and biases', () => {
  // (784 + 1)·256 + (256 + 1)·128 + (128 + 1)·64 + (64 + 1)·10
  assert.equal(parameterCount(SEED_HIDDEN, 10), 200960 + 32896 + 8256 + 650);
  assert.equal(parameterCount([], 3), 785 * 3, 'no hidden layer: one linear layer');
  assert.equal(INPUTS, 784);
});

test('hidden sizes scale with the data: about two neurons per drawing, halving, up to the seed\'s', () => {
  assert.deepEqual(autoHidden(30), [64, 32, 16], '60 → the nearest power of two, 64');
  assert.deepEqual(autoHidden(45), [64, 32, 16]);
  assert.deepEqual(autoHidden(100), [256, 128, 64], 'the seed\'s own sizes');
  assert.deepEqual(autoHidden(5000), [256, 128, 64], 'never more than the seed');
  assert.deepEqual(autoHidden(1), [16, 8, 8], 'at least 16, then 8');
  assert.deepEqual(autoHidden(0), [16, 8, 8]);
});

test('the spec: linear layers with the activation between them, logits out, the seed\'s init', () => {
  const spec = sketchSpec({ hidden: [64, 32], activation: 'tanh', classes: 4, seed: 9 });
  assert.deepEqual(spec, {
    input: [784],
    layers: [{ type: 'linear', out: 64 }, { type: 'tanh' }, { type: 'linear', out: 32 }, { type: 'tanh' }, { type: 'linear', out: 4 }],
    init: { weight: 'xavier_uniform', bias: 'zeros' },
    seed: 9,
  });
  assert.deepEqual(sketchSpec({ hidden: [], classes: 2 }).layers, [{ type: 'linear', out: 2 }]);
  assert.deepEqual(checkHidden([8, 8]), [8, 8]);
  assert.equal(checkHidden([0]), null);
  assert.equal(checkHidden([8, 8, 8, 8, 8]), null, 'at most four hidden layers');
  assert.equal(checkHidden('8'), null);
  const p = softmax([1, 2, 3]);
  const e = [Math.exp(-2), Math.exp(-1), 1];
  const sum = e[0] + e[1] + e[2];
  p.forEach((v, k) => assert.ok(Math.abs(v - e[k] / sum) < 1e-12));
  assert.deepEqual(softmax([1000, 1000]), [0.5, 0.5], 'no overflow');
});

test('held out: every n-th drawing of each class, the same ones as drawings are added', () => {
  assert.deepEqual([...Array(10).keys()].filter((k) => isTest(k, 4)), [3, 7]);
  assert.deepEqual([...Array(6).keys()].filter((k) => isTest(k, 2)), [1, 3, 5]);
  assert.deepEqual([...Array(6).keys()].filter((k) => isTest(k, 0)), [], '0 holds nothing out');
  const s = (n) => ({ strokes: [[n / 100, 0.5]] });
  const classes = [{ samples: [0, 1, 2, 3, 4].map(s) }, { samples: [5, 6, 7, 8].map(s) }, { samples: [] }];
  const { train, test } = split(classes, 4);
  assert.deepEqual(test.map(([ci, x]) => [ci, x.strokes[0][0]]), [[0, 0.03], [1, 0.08]]);
  assert.deepEqual(train.map(([ci]) => ci), [0, 0, 0, 0, 1, 1, 1]);
  classes[0].samples.push(s(9), s(10), s(11));
  assert.deepEqual(split(classes, 4).test.map(([, x]) => x.strokes[0][0]), [0.03, 0.11, 0.08], 'old ones stay where they were; the 8th joins');
});

test('strokes are checked and kept as rounded pad units, in any of three point forms', () => {
  assert.deepEqual(cleanStrokes([[0.123456, 0.5, 0.2, 0.3]]), [[0.1235, 0.5, 0.2, 0.3]]);
  assert.deepEqual(cleanStrokes([[[0.1, 0.2], [0.3, 0.4]]]), [[0.1, 0.2, 0.3, 0.4]]);
  assert.deepEqual(cleanStrokes([[{ x: 0.1, y: 0.2 }]]), [[0.1, 0.2]]);
  assert.deepEqual(cleanStrokes([Float32Array.of(0.5, 0.5)]), [[0.5, 0.5]]);
  assert.deepEqual(cleanStrokes([[], [0.5, 0.5]]), [[0.5, 0.5]], 'empty strokes dropped');
  assert.throws(() => cleanStrokes('0.1,0.2'), /a list of strokes/);
  assert.throws(() => cleanStrokes([[0.1, 0.2, 0.3]]), /an x and a y for each point/);
  assert.throws(() => cleanStrokes([[0.1, NaN]]), /not a number/);
  assert.throws(() => cleanStrokes([[0.1, 120]]), /pad units, 0 to 1.*got 120/);
  assert.throws(() => cleanStrokes([[]]), /no point/);
  assert.equal(cleanName('  circle '), 'circle');
  assert.equal(cleanName('x'.repeat(100)).length, 40);
  assert.throws(() => cleanName('  '), /some text/);
});

test('a file round-trips: what fileOf writes, readFile reads back the same', () => {
  const set = exampleSet({ perClass: 3, seed: 4 });
  const settings = { ...DEFAULT_SETTINGS, hidden: [32, 16], augment: true, testEvery: 3 };
  const file = fileOf(set.classes, settings);
  assert.equal(file.format, FORMAT);
  assert.equal(file.version, VERSION);
  const read = readFile(JSON.stringify(file));
  assert.deepEqual(read.classes, set.classes);
  assert.deepEqual(read.settings, settings);
  assert.deepEqual(readFile(file).classes, set.classes, 'an object works as well as its text');
  // settings are optional, and a bad one falls back to its default
  assert.deepEqual(readFile({ format: FORMAT, version: 1, classes: [] }).settings, DEFAULT_SETTINGS);
  assert.deepEqual(readSettings({ hidden: [0], activation: 'swish', augment: 'yes', testEvery: 7, epochs: -1 }), DEFAULT_SETTINGS);
});

test('a malformed or foreign file is refused with its reason', () => {
  const good = { format: FORMAT, version: 1, classes: [{ name: 'a', samples: [{ strokes: [[0.1, 0.1, 0.9, 0.9]] }] }] };
  const withClasses = (classes) => JSON.stringify({ ...good, classes });
  assert.throws(() => readFile('{"format": "layerwise-sketch", '), refusal('file.notJson'));
  assert.throws(() => readFile('[1, 2]'), refusal('file.foreign'));
  assert.throws(() => readFile('null'), refusal('file.foreign'));
  assert.throws(() => readFile('{"hello": "world"}'), refusal('file.foreign'));
  assert.throws(() => readFile(JSON.stringify({ format: 'layerwise-playground', version: 1, state: {} })), refusal('file.playground'));
  assert.throws(() => readFile(JSON.stringify({ ...good, version: 2 })), refusal('file.version', { version: /2/ }));
  assert.throws(() => readFile(JSON.stringify({ ...good, version: '1' })), refusal('file.foreign'));
  assert.throws(() => readFile(JSON.stringify({ ...good, classes: 'a' })), refusal('file.bad', { message: /"classes" must be a list/ }));
  assert.throws(() => readFile(withClasses(Array(MAX_CLASSES + 1).fill(good.classes[0]))), refusal('file.bad', { message: /at most 8 classes/ }));
  assert.throws(() => readFile(withClasses([{ name: '', samples: [] }])), refusal('file.bad', { message: /class 1 has no name/ }));
  assert.throws(() => readFile(withClasses([{ name: 'a', samples: {} }])), refusal('file.bad', { message: /"samples" must be a list/ }));
  assert.throws(() => readFile(withClasses([{ name: 'a', samples: [{ strokes: [[0.1, null]] }] }])), refusal('file.bad', { message: /class "a", drawing 1: .*null, not a number/ }));
  assert.throws(() => readFile(withClasses([{ name: 'a', samples: [{ strokes: [[2, 2]] }] }])), refusal('file.bad', { message: /0 to 1/ }));
  assert.throws(() => readFile(withClasses([{ name: 'a', samples: [null] }])), refusal('file.bad', { message: /not an object/ }));
  assert.throws(() => readFile(JSON.stringify({ ...good, settings: 3 })), refusal('file.bad', { message: /"settings" must be an object/ }));
  assert.throws(() => readFile('x'.repeat(21 * 1024 * 1024)), refusal('file.tooBig'));
});

test('a damaged sketch file is explained in the page language, down to the stroke', async () => {
  const { problemText } = await import('../../web/lib/refusals.js');
  const { t } = await import('../../web/sketch/strings.js');
  const good = { format: FORMAT, version: VERSION, classes: [{ name: 'a', samples: [{ strokes: [[0.1, null]] }] }] };
  let problem;
  assert.throws(() => readFile(JSON.stringify(good)), (err) => (problem = err) instanceof SketchFileProblem);
  assert.equal(problemText(problem, (key, params) => t('ko', key, params)),
    '파일이 손상되었습니다(클래스 "a"의 1번째 그림: strokes[0]에 숫자가 아닌 null이(가) 있습니다).');
  assert.equal(problemText(problem, (key, params) => t('en', key, params)),
    'it is damaged (class "a", drawing 1: strokes[0] holds null, not a number).');
});
