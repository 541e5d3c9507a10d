// web/lib/timeline.js: which epochs a run keeps, in what memory, and what truncation and
// thinning leave; worked out here epoch by epoch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Timeline, keepInterval } from '../../web/lib/timeline.js';

const weights = (v, n = 4) => [{ name: '0.weight', shape: [n], data: new Float32Array(n).fill(v) }];

// Runs epochs 0..last through a timeline as a playground would: keep when due.
function run(timeline, last, n = 4) {
  for (let e = 0; e <= last; e++) if (timeline.due(e)) timeline.keep(e, weights(e, n));
  return timeline.entries.map((x) => x.epoch);
}

test('intervals grow with the epoch: every epoch to 16, then about eight per doubling', () => {
  assert.deepEqual([0, 1, 15, 16, 31, 32, 64, 128, 1000].map((e) => keepInterval(e)), [1, 1, 1, 2, 2, 4, 8, 16, 64]);
  const kept = run(new Timeline(), 64);
  assert.deepEqual(kept, [...Array(16).keys(), 16, 18, 20, 22, 24, 26, 28, 30, 32, 36, 40, 44, 48, 52, 56, 60, 64]);
});

test('copies are kept, so the caller may reuse its arrays; bytes are counted', () => {
  const t = new Timeline();
  const w = weights(1);
  t.keep(0, w);
  w[0].data[0] = 99;
  assert.equal(t.entries[0].parameters[0].data[0], 1);
  assert.equal(t.bytes, 16);
  t.keep(0, weights(2)); // the same epoch again: replaced
  assert.equal(t.entries.length, 1);
  assert.equal(t.entries[0].parameters[0].data[0], 2);
  assert.equal(t.bytes, 16);
});

test('bounded: past the entry or byte limit every other entry goes, first and last staying', () => {
  const t = new Timeline({ maxEntries: 10 });
  const kept = run(t, 10_000);
  assert.ok(kept.length <= 10, `${kept.length} entries`);
  assert.equal(kept[0], 0);
  assert.ok(kept.at(-1) >= 10_000 - keepInterval(10_000, 10), `last ${kept.at(-1)}`);
  assert.ok(kept.every((e, i) => i === 0 || e > kept[i - 1]));
  const small = new Timeline({ maxBytes: 1000 });
  run(small, 500, 25); // 100 bytes an entry
  assert.ok(small.bytes <= 1000 && small.entries.length <= 10, `${small.bytes} bytes in ${small.entries.length}`);
  assert.equal(small.bytes, small.entries.length * 100);
});

test('truncate forgets a future; keeping an earlier epoch does too; nearest finds an entry', () => {
  const t = new Timeline();
  run(t, 40);
  t.truncate(20);
  assert.equal(t.entries.at(-1).epoch, 20);
  assert.equal(t.due(21), false);
  assert.equal(t.due(22), true);
  t.keep(10, weights(-1)); // a run that went back to epoch 10
  assert.equal(t.entries.at(-1).epoch, 10);
  assert.equal(t.entries.at(-1).parameters[0].data[0], -1);
  assert.equal(t.nearest(7).epoch, 7);
  assert.equal(t.nearest(1000).epoch, 10);
  t.clear();
  assert.equal(t.nearest(3), null);
  assert.equal(t.bytes, 0);
});
