// web/lib/preprocess.js (strokes → the 28×28 input, as MNIST was made) and augment.js
// (shifts and turns of the 28×28 picture). Expected values are worked out by hand from the
// recipe, not read off the code: where a bar's pixels fall, where the centre of mass lands,
// how big the ink's box is, what a one-pixel shift or a quarter turn does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOX, CENTER, MAX_PEN_PX, PEN, SIZE, centreOfMass, layout, flatStrokes, preprocess } from '../../web/lib/preprocess.js';
import { random } from '../../web/lib/random.js';
import { augment, transform } from '../../web/sketch/augment.js';
import { SHAPES, drawShape, exampleSet } from '../../web/sketch/examples.js';

const at = (image, r, c) => image[r * SIZE + c];
const rowsWithInk = (image) => [...Array(SIZE).keys()].filter((r) => [...Array(SIZE).keys()].some((c) => at(image, r, c) > 0));
const colsWithInk = (image) => [...Array(SIZE).keys()].filter((c) => [...Array(SIZE).keys()].some((r) => at(image, r, c) > 0));
const inUnitRange = (image) => image.every((v) => v >= 0 && v <= 1);

test('a horizontal line becomes a centred bar, 20 px long, two rows thick', () => {
  // From (0.2, 0.5) to (0.8, 0.5) with the default pen (0.06 of the pad): the ink's box is
  // 0.6 + 0.06 wide and 0.06 high, so scaled to 20 px the pen is 0.06·20/0.66 = 1.82 px.
  // Centred, the box spans columns 4..24 and rows 13.09..14.91; every sample point of rows 13
  // and 14 (at 13⅛ … 14⅞) lies within 0.91 of the line y = 14, so both rows are solid ink
  // between the rounded ends, which fill columns 4 and 23 in part.
  assert.equal(PEN, 0.06);
  const image = preprocess([[0.2, 0.5, 0.8, 0.5]]);
  assert.equal(image.length, 784);
  assert.ok(image instanceof Float32Array);
  assert.deepEqual(rowsWithInk(image), [13, 14]);
  assert.deepEqual(colsWithInk(image), [...Array(20).keys()].map((k) => k + 4), 'columns 4 to 23: 20 px');
  for (const r of [13, 14]) {
    for (let c = 5; c <= 22; c++) assert.equal(at(image, r, c), 1, `pixel (${r}, ${c})`);
    const end = at(image, r, 4);
    assert.ok(end > 0 && end < 1, `a rounded end is grey: ${end}`);
    assert.equal(at(image, r, 23), end, 'both ends alike');
    assert.equal(at(image, 13, 4), at(image, 14, 4));
  }
  const com = centreOfMass(image);
  assert.ok(Math.abs(com.x - CENTER) < 1e-9 && Math.abs(com.y - CENTER) < 1e-9, `centre of mass (${com.x}, ${com.y})`);
  assert.ok(inUnitRange(image));
});

test('a vertical line is the same bar turned; where it was drawn does not matter', () => {
  const h = preprocess([[0.1, 0.3, 0.7, 0.3]]);
  const v = preprocess([[0.9, 0.05, 0.9, 0.65]]);
  for (let r = 0; r < SIZE; r++) {
    for (let c = 0; c < SIZE; c++) assert.equal(at(v, r, c), at(h, c, r), `(${r}, ${c})`);
  }
  // the same drawing anywhere on the pad gives the same picture
  const here = preprocess([[0.1, 0.1, 0.3, 0.2, 0.2, 0.35]]);
  const there = preprocess([[0.6, 0.5, 0.8, 0.6, 0.7, 0.75]]);
  for (let i = 0; i < 784; i++) assert.ok(Math.abs(here[i] - there[i]) < 1e-6, `pixel ${i}`);
});

test('the longest side of the ink becomes 20 px, keeping the aspect ratio', () => {
  // A rectangle 0.6 wide and 0.2 high: with the pen, its ink's box is 0.66 × 0.26, so in the
  // 20 px box it is 20 × 20·0.26/0.66 ≈ 7.9 px.
  const rect = [[0.2, 0.4, 0.8, 0.4, 0.8, 0.6, 0.2, 0.6, 0.2, 0.4]];
  const place = layout(flatStrokes(rect));
  assert.ok(Math.abs(place.box.width - BOX) < 1e-9, `width ${place.box.width}`);
  assert.ok(Math.abs(place.box.height - (BOX * 0.26) / 0.66) < 1e-9, `height ${place.box.height}`);
  const image = preprocess(rect);
  assert.ok(colsWithInk(image).length <= BOX + 1, 'a 20 px box at a sub-pixel offset touches at most 21 columns');
  const rows = rowsWithInk(image);
  assert.ok(rows.length >= 8 && rows.length <= 9, `${rows.length} rows`);
  // a tall shape: its height is the longest side
  const tall = layout(flatStrokes([[0.5, 0.1, 0.55, 0.9]]));
  assert.ok(Math.abs(tall.box.height - BOX) < 1e-9 && tall.box.width < 5);
});

test('grey levels: anti-aliased edges, every value in [0, 1], in steps of 1/16', () => {
  const image = preprocess([[0.1, 0.1, 0.9, 0.75]]); // a slanted line
  assert.ok(inUnitRange(image));
  const greys = image.filter((v) => v > 0 && v < 1);
  assert.ok(greys.length > 10, `${greys.length} grey pixels along a slanted edge`);
  assert.ok(image.every((v) => Math.abs(v * 16 - Math.round(v * 16)) < 1e-5), '4 × 4 samples per pixel');
});

test('the centre of mass lands within 0.5 px of (14, 14) and the box stays within 20 px', () => {
  // Lopsided drawings: an L, a line with a dot beside it, and every example shape.
  const drawings = [
    [[0.1, 0.1, 0.1, 0.9, 0.4, 0.9]],
    [[0.2, 0.2, 0.2, 0.8], [0.5, 0.5]],
    ...exampleSet({ perClass: 8, seed: 3 }).classes.flatMap((c) => c.samples.map((s) => s.strokes)),
  ];
  for (const [i, strokes] of drawings.entries()) {
    const image = preprocess(strokes);
    const com = centreOfMass(image);
    assert.ok(Math.hypot(com.x - CENTER, com.y - CENTER) < 0.5, `drawing ${i}: centre of mass (${com.x.toFixed(2)}, ${com.y.toFixed(2)})`);
    assert.ok(Math.max(colsWithInk(image).length, rowsWithInk(image).length) <= BOX + 1, `drawing ${i}`);
    assert.ok(inUnitRange(image));
    const { box } = layout(flatStrokes(strokes));
    assert.ok(Math.max(box.width, box.height) <= BOX + 1e-9);
  }
  // The L's mass is in its long side, so its box sits right of the middle.
  const l = preprocess(drawings[0]);
  assert.ok(colsWithInk(l)[0] > 4, 'the L moved right so that its mass is centred');
});

test('a dot is a small disc in the middle; no ink is all zeros; points in any of three forms', () => {
  const dot = preprocess([[0.3, 0.3]]);
  const com = centreOfMass(dot);
  assert.ok(Math.abs(com.x - CENTER) < 1e-9 && Math.abs(com.y - CENTER) < 1e-9);
  assert.ok(Math.abs(com.mass - (Math.PI * MAX_PEN_PX ** 2) / 4) < 1, `a disc of ${MAX_PEN_PX} px: area ${com.mass}`);
  assert.ok(preprocess([]).every((v) => v === 0));
  assert.ok(preprocess([[]]).every((v) => v === 0));
  const flat = preprocess([[0.1, 0.2, 0.5, 0.9], [0.7, 0.1, 0.6, 0.6]]);
  const pairs = preprocess([[[0.1, 0.2], [0.5, 0.9]], [[0.7, 0.1], [0.6, 0.6]]]);
  const objects = preprocess([[{ x: 0.1, y: 0.2 }, { x: 0.5, y: 0.9 }], [{ x: 0.7, y: 0.1 }, { x: 0.6, y: 0.6 }]]);
  assert.deepEqual(pairs, flat);
  assert.deepEqual(objects, flat);
});

test('augment: a whole-pixel shift moves every pixel, a quarter turn turns a bar upright', () => {
  const bar = preprocess([[0.2, 0.5, 0.8, 0.5]]);
  const moved = transform(bar, { dx: 2, dy: -1 });
  for (let r = 0; r < SIZE; r++) {
    for (let c = 0; c < SIZE; c++) {
      const src = r + 1 < SIZE && c - 2 >= 0 ? at(bar, r + 1, c - 2) : 0;
      assert.ok(Math.abs(at(moved, r, c) - src) < 1e-6, `(${r}, ${c})`);
    }
  }
  const upright = transform(bar, { degrees: 90 });
  for (let r = 0; r < SIZE; r++) {
    for (let c = 0; c < SIZE; c++) assert.ok(Math.abs(at(upright, r, c) - at(bar, c, SIZE - 1 - r)) < 1e-5, `(${r}, ${c})`);
  }
  // random augmentations stay small: ±2 px, ±10°, so the centre of mass moves at most 2√2 px
  const rand = random(7);
  const circle = preprocess(drawShape('circle', random(1)));
  for (let i = 0; i < 50; i++) {
    const a = augment(circle, rand);
    const com = centreOfMass(a);
    assert.ok(Math.hypot(com.x - CENTER, com.y - CENTER) <= 2 * Math.SQRT2 + 0.3, `moved to (${com.x}, ${com.y})`);
    assert.ok(inUnitRange(a.map((v) => Math.min(1, v))) && a.every((v) => v >= 0 && v <= 1 + 1e-6));
  }
});

test('the example set: seeded, in pad units, three shapes that each preprocess to a picture', () => {
  const a = exampleSet({ perClass: 5, seed: 2 });
  assert.deepEqual(exampleSet({ perClass: 5, seed: 2 }), a, 'the same seed draws the same set');
  assert.notDeepEqual(exampleSet({ perClass: 5, seed: 3 }), a);
  assert.deepEqual(a.classes.map((c) => c.name), SHAPES);
  assert.deepEqual(exampleSet({ perClass: 1, names: { circle: '동그라미' } }).classes[0].name, '동그라미');
  for (const c of a.classes) {
    assert.equal(c.samples.length, 5);
    for (const s of c.samples) {
      assert.ok(s.strokes.length >= 1 && s.strokes.every((st) => st.every((v) => v >= 0 && v <= 1)));
      assert.ok(centreOfMass(preprocess(s.strokes)).mass > 20);
    }
  }
  // a cross takes two strokes; circles and triangles differ in their pictures
  assert.ok(a.classes[2].samples.every((s) => s.strokes.length === 2));
  assert.throws(() => drawShape('star', random(1)), /unknown shape "star"/);
});
