// web/playground/controls/csv.js: drawn points as CSV, and their check. The expected points and
// line numbers are written out by hand from the file texts below.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { EXTENT, MAX_CLASSES, MAX_POINTS, checkPoints, float32Text, fromCSV, toCSV } from '../../web/playground/controls/csv.js';

const f32 = (values) => Array.from(Float32Array.from(values));

test('float32Text: the shortest text that reads back to the same float32', () => {
  assert.equal(float32Text(0.1), '0.1'); // Math.fround(0.1) prints as 0.10000000149011612
  assert.equal(float32Text(Math.fround(0.1)), '0.1');
  assert.equal(float32Text(-2.5), '-2.5');
  assert.equal(float32Text(3), '3');
  assert.equal(float32Text(1e-7), '1e-7');
  // every float32 of a spread of values reads back exactly
  for (let i = 0; i < 5000; i++) {
    const v = Math.fround(Math.sin(i * 12.9898) * 43758.5453 % 6);
    assert.equal(Math.fround(Number(float32Text(v))), v, `${v}`);
  }
});

test('export then read gives the same points, labels and order (classes and values)', () => {
  const n = 300;
  const x = Float32Array.from({ length: 2 * n }, (_, i) => Math.cos(i * 0.7) * 5.9);
  const classes = { x, y: Float32Array.from({ length: n }, (_, i) => (i * 7) % 3), classes: 3 };
  const text = toCSV(classes);
  assert.ok(text.startsWith('x,y,label\n'));
  const back = fromCSV(text);
  assert.deepEqual(back.problems, []);
  assert.equal(back.header, 'x,y,label');
  assert.equal(back.drawn.classes, 3);
  assert.deepEqual(Array.from(back.drawn.x), Array.from(x));
  assert.deepEqual(Array.from(back.drawn.y), Array.from(classes.y));

  const values = { x, y: Float32Array.from({ length: n }, (_, i) => Math.sin(i) * 1.3), classes: 0 };
  const vtext = toCSV(values);
  assert.ok(vtext.startsWith('x,y,value\n'));
  // the header says "value": read as values even when the caller's mode is classes
  const vback = fromCSV(vtext, { regression: false });
  assert.deepEqual(vback.problems, []);
  assert.equal(vback.drawn.classes, 0);
  assert.deepEqual(Array.from(vback.drawn.x), Array.from(x));
  assert.deepEqual(Array.from(vback.drawn.y), Array.from(values.y));

  assert.equal(toCSV(null), 'x,y,label\n');
  assert.equal(fromCSV('x,y,label\n').drawn.y.length, 0);
});

test('a broken file: bad lines reported by number, good ones kept in order', () => {
  const text = [
    'x,y,label', //                 1  header: skipped, not a problem
    '1,2,0', //                     2  good
    '', //                          3  blank: skipped
    'abc,2,1', //                   4  x is not a number
    '1.5,2', //                     5  a column missing
    '-3,-4,1', //                   6  good
    '2,2,7', //                     7  label out of range
    '   ', //                       8  blank
    '2,9,1', //                     9  y outside the plane
    '0.5,0.25,1.5', //              10 label not a whole number
    'x,y,label', //                 11 a header again: bad numbers now
    '"4","-1","2"', //              12 good (quoted cells)
    '1,1,0,9', //                   13 a column too many
    '1e0;2e-1;1', //                14 good (semicolons, exponents)
    '0x10,1,0', //                  15 not a decimal number
    '1,,0', //                      16 an empty cell
    '-1,-1,-1', //                  17 negative label
  ].join('\r\n');
  const { drawn, problems, header } = fromCSV(text);
  assert.equal(header, 'x,y,label');
  assert.deepEqual(problems.map((p) => p.line), [4, 5, 7, 9, 10, 11, 13, 15, 16, 17]);
  assert.deepEqual(problems.map((p) => p.key),
    ['csv.notNumber', 'csv.columns', 'csv.label', 'csv.outside', 'csv.label', 'csv.notNumber', 'csv.columns', 'csv.notNumber', 'csv.notNumber', 'csv.label']);
  assert.deepEqual(fromCSV('1,2,one\n').problems, [{ line: 1, key: 'csv.labelNotNumber', params: { text: 'one' } }]);
  assert.deepEqual(problems[0].params, { column: 'x', text: 'abc' });
  assert.deepEqual(problems[1].params, { count: 2 });
  assert.deepEqual(problems[2].params, { text: '7', last: MAX_CLASSES - 1 });
  assert.deepEqual(problems[3].params, { column: 'y', text: '9', extent: EXTENT });
  assert.deepEqual(problems[8].params, { column: 'y', text: '' });
  assert.deepEqual(Array.from(drawn.x), f32([1, 2, -3, -4, 4, -1, 1, 0.2]));
  assert.deepEqual(Array.from(drawn.y), [0, 1, 2, 1]);
  assert.equal(drawn.classes, 3);
});

test('without a header the caller decides; values accept any finite number', () => {
  const text = '1,2,0.5\n-1,-2,-3\n0,0,abc\n';
  const asValues = fromCSV(text, { regression: true });
  assert.equal(asValues.header, null);
  assert.equal(asValues.drawn.classes, 0);
  assert.deepEqual(Array.from(asValues.drawn.y), [0.5, -3]);
  assert.deepEqual(asValues.problems, [{ line: 3, key: 'csv.valueNotNumber', params: { text: 'abc' } }]);
  const asClasses = fromCSV(text);
  assert.equal(asClasses.drawn.classes, 2); // at least two classes, even with labels 0 only
  assert.deepEqual(asClasses.problems.map((p) => [p.line, p.key]), [[1, 'csv.label'], [2, 'csv.label'], [3, 'csv.labelNotNumber']]);
  // a header naming "label" reads classes even in values mode; a BOM is ignored
  const labelled = fromCSV('\uFEFFx,y,label\n1,1,1\n', { regression: true });
  assert.equal(labelled.drawn.classes, 2);
  assert.deepEqual(labelled.problems, []);
});

test('more than MAX_POINTS lines: the rest left out with one note', () => {
  const lines = Array.from({ length: MAX_POINTS + 5 }, (_, i) => `${(i % 10) / 2},0,${i % 2}`);
  lines.splice(MAX_POINTS + 2, 0, ''); // a blank among the extras is not counted
  const { drawn, problems } = fromCSV(lines.join('\n'));
  assert.equal(drawn.y.length, MAX_POINTS);
  assert.deepEqual(problems, [{ line: MAX_POINTS + 1, key: 'csv.tooMany', params: { max: MAX_POINTS, more: 4 } }]);
});

test('checkPoints: copies good points, names what is wrong with bad ones', () => {
  const good = checkPoints({ x: [1, 2, 3, 4], y: [0, 2], classes: 3 });
  assert.ok(good.x instanceof Float32Array && good.y instanceof Float32Array);
  assert.deepEqual({ ...good, x: Array.from(good.x), y: Array.from(good.y) }, { x: [1, 2, 3, 4], y: [0, 2], classes: 3 });
  assert.equal(checkPoints({ x: [], y: [] }).classes, 2);
  assert.equal(checkPoints({ x: [0, 0], y: [0.37], classes: 0 }).classes, 0);
  const bad = [
    [null, /object/],
    [{ x: [1], y: [0], classes: 2 }, /two numbers per point/],
    [{ x: [0, 0], y: [2], classes: 2 }, /class from 0 to 1/],
    [{ x: [0, 0], y: [0.5], classes: 2 }, /class from 0 to 1/],
    [{ x: [0, 7], y: [0], classes: 2 }, /between/],
    [{ x: [0, NaN], y: [0], classes: 2 }, /between/],
    [{ x: [0, 0], y: [Infinity], classes: 0 }, /finite/],
    [{ x: [], y: [], classes: 1 }, /classes must be/],
    [{ x: [], y: [], classes: MAX_CLASSES + 1 }, /classes must be/],
    [{ x: new Array(2 * MAX_POINTS + 2).fill(0), y: new Array(MAX_POINTS + 1).fill(0) }, /at most/],
  ];
  for (const [value, message] of bad) assert.throws(() => checkPoints(value), message, JSON.stringify(value));
});

test('a cell of 40,000 digits is read as its number; followed by a letter, it is refused', () => {
  const digits = `${'0'.repeat(39_999)}1`; // 40,000 digits: the number 1
  const { drawn, problems } = fromCSV(`${digits},-${digits}.5e0,${digits}\n${digits}a,1,0\n1,${digits}x,0\n`);
  assert.deepEqual(Array.from(drawn.x), [1, -1.5]);
  assert.deepEqual(Array.from(drawn.y), [1]);
  assert.deepEqual(problems, [
    { line: 2, key: 'csv.notNumber', params: { column: 'x', text: `${digits}a` } },
    { line: 3, key: 'csv.notNumber', params: { column: 'y', text: `${digits}x` } },
  ]);
});

test('the number pattern accepts exactly the strings of the pattern it replaced', () => {
  // The pattern before issue 12 (quadratic on long digit runs, bench/bench_parse.mjs), as the
  // reference for every string of up to 6 characters over the characters numbers are made of.
  const before = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  const alphabet = ['1', '0', '.', 'e', 'E', '+', '-', 'a'];
  let strings = [''];
  const all = [];
  for (let length = 1; length <= 6; length++) {
    strings = strings.flatMap((s) => alphabet.map((c) => s + c));
    for (const s of strings) all.push(s);
  }
  // Each string as x on a line whose y (9) lies outside the plane: a number is refused for
  // that (csv.outside), anything else as not a number, so no line is kept and none is skipped.
  const { drawn, problems } = fromCSV(all.map((s) => `${s},9,0`).join('\n'));
  assert.equal(drawn.y.length, 0);
  assert.equal(problems.length, all.length);
  const accepted = all.filter((_, i) => problems[i].key !== 'csv.notNumber');
  assert.deepEqual(accepted, all.filter((s) => before.test(s)));
  assert.ok(accepted.length > 1000 && accepted.includes('-.1e+0') && accepted.includes('10.') && !accepted.includes('.e1'));
});
