// The playground's dataset thumbnails (web/playground/controls/thumbnail-data.js) show what the
// engine's generators make: every dataset but the drawing has one, and its points and labels
// are lw.data.generate(name, THUMBNAIL)'s, to the packing's rounding (0.1 for coordinates,
// exact classes, 0.01 for values). When a generator changes, run scripts/build-thumbnails.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClose, loadEngine } from './helpers.mjs';
import { THUMBNAIL, packThumbnail, unpackThumbnail } from '../../web/playground/controls/thumbnails.js';
import { THUMBNAIL_POINTS } from '../../web/playground/controls/thumbnail-data.js';
import { DATASETS } from '../../web/playground/state.js';

test('every generated dataset of the playground has a thumbnail, made by the engine\'s generator', async () => {
  const { lw } = await loadEngine();
  const generated = DATASETS.filter((d) => d !== 'drawn');
  assert.deepEqual(Object.keys(THUMBNAIL_POINTS).sort(), [...generated].sort());
  for (const name of generated) {
    const data = lw.data.generate(name, THUMBNAIL);
    const { x, y } = data.toArrays();
    const thumb = unpackThumbnail(THUMBNAIL_POINTS[name]);
    assert.equal(thumb.classes, data.classes, `${name}: classes (run node scripts/build-thumbnails.mjs after changing a generator)`);
    assertClose(thumb.x, x, 0.05 + 1e-6, `${name}: points`);
    if (data.classes === 0) assertClose(thumb.y, y, 0.005 + 1e-6, `${name}: values`);
    else assert.deepEqual(Array.from(thumb.y), Array.from(y), `${name}: classes of the points`);
    data.dispose();
  }
});

test('packing keeps points to 0.1, classes exactly and values to 0.01', () => {
  const x = [-6, 6, 0.04, -0.06, 3.14159, -2.71828];
  const classes = [0, 4, 2];
  const values = [-1, 1, 0.333];
  const c = unpackThumbnail({ classes: 3, points: packThumbnail(x, classes, 3) });
  assertClose(c.x, [-6, 6, 0, -0.1, 3.1, -2.7], 1e-6, 'points');
  assert.deepEqual(Array.from(c.y), classes);
  const v = unpackThumbnail({ classes: 0, points: packThumbnail(x, values, 0) });
  assertClose(v.y, [-1, 1, 0.33], 1e-6, 'values');
});
